/* test_attribution: models through the API, journeys, refunds, fits,
 * replay and offline paths. */
#ifndef RFT_ATTRIBUTION_SUITE_H
#define RFT_ATTRIBUTION_SUITE_H
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define D RF_DAY_MS
#define H RF_HOUR_MS

int attribution_models_tests(void);
int attribution_journeys_tests(void);
int attribution_refunds_tests(void);
int attribution_history_tests(void);
int attribution_paths_tests(void);

/* Program `key` with `model` (other rules default), advocates ann, bob and
 * cat, each with one random code in it: codes[0..2]. */
void scene(rft_fixture *f, const char *key, int32_t model, char codes[3][RF_CODE_BUFSIZE]);

/* Record a conversion with the v2 fields; returns the status and (when
 * out is not NULL) the conversion. */
int convert(rft_fixture *f, rf_conversion **out, const char *program, const char *visitor,
	    const char *order, int32_t kind, int64_t value, int64_t at, const char *customer,
	    const char *code);

/* The credit weight and value of an advocate in a conversion (0 if none). */
double weight_of(const rf_conversion *c, const char *advocate);
int64_t value_of(const rf_conversion *c, const char *advocate);
#endif
