/* test_code's groups and shared helpers. */
#ifndef RFT_CODE_SUITE_H
#define RFT_CODE_SUITE_H
#include "fixture.h"

int code_issue_tests(void);
int code_vanity_tests(void);
int code_resolve_tests(void);
int code_normalize_tests(void);

/* Program "p", advocate "ann". */
int code_setup(void **state);
/* Issue a code with `spec` fields over program "p" / advocate "ann"
 * defaults; returns the status and the code (freed by the caller). */
int code_issue(rft_fixture *f, rf_code **out, int32_t channel, const char *vanity,
	       int64_t expires_at_ms, int64_t max_uses);
#endif
