/* test_scoring: activities, scores, tiers, badges, leaderboards, metrics. */
#ifndef RFT_SCORING_SUITE_H
#define RFT_SCORING_SUITE_H

#include "fixture.h"

#include <stdlib.h>
#include <string.h>

#define DAY INT64_C(86400000)

/* Program "p" with advocates ann, bob and cat, and program "q". */
int sc_setup(void **state);

/* Record one activity (answer -1: none) at `at`. */
int sc_activity(rft_fixture *f, const char *program, const char *advocate, int32_t type,
		int64_t at, int32_t answer);

int scoring_activity_tests(void);

#endif
