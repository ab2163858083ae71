/* test_conversion's groups and shared setup. */
#ifndef RFT_CONVERSION_SUITE_H
#define RFT_CONVERSION_SUITE_H
#include "fixture.h"

int conversion_attribution_tests(void);
int conversion_idempotency_tests(void);
int conversion_explanation_tests(void);
int conversion_invalid_tests(void);

/* Programs "last" (default rules) and "first" (first touch), advocates
 * "ann" and "bob", and a random code for each pair:
 * CODE_ANN_LAST, CODE_BOB_LAST, CODE_ANN_FIRST, CODE_BOB_FIRST. */
int conv_setup(void **state);
#define CODE_ANN_LAST(f) ((f)->codes[0])
#define CODE_BOB_LAST(f) ((f)->codes[1])
#define CODE_ANN_FIRST(f) ((f)->codes[2])
#define CODE_BOB_FIRST(f) ((f)->codes[3])

/* Record a conversion with the given fields; returns the status and the
 * conversion (caller frees; may be NULL). */
int conv_record(rft_fixture *f, rf_conversion **out, const char *program, const char *visitor,
		const char *order, int64_t value, const char *currency, int64_t at);
#endif
