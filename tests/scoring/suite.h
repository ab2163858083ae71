/* test_scoring: activities, scores, tiers, badges, leaderboards, metrics. */
#ifndef RFT_SCORING_SUITE_H
#define RFT_SCORING_SUITE_H

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY INT64_C(86400000)

/* Program "p" with advocates ann, bob and cat, and program "q". */
int sc_setup(void **state);

/* Record one activity (answer -1: none) at `at`. */
int sc_activity(rft_fixture *f, const char *program, const char *advocate, int32_t type,
		int64_t at, int32_t answer);

/* A conversion of `value` (EUR) in "p" by a new visitor who clicked a new
 * code of `advocate` one second before `at`. */
void sc_referral(rft_fixture *f, const char *advocate, const char *order, int64_t value,
		 int64_t at);
/* An advocate's score in "p" (freed by the caller). */
rf_score *sc_score(rft_fixture *f, const char *advocate, int32_t explain);

int scoring_activity_tests(void);
int scoring_score_tests(void);
int scoring_board_tests(void);

#endif
