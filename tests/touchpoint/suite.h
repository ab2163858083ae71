/* test_touchpoint's groups and shared setup. */
#ifndef RFT_TOUCHPOINT_SUITE_H
#define RFT_TOUCHPOINT_SUITE_H
#include "fixture.h"

int touchpoint_record_tests(void);
int touchpoint_batch_tests(void);
int touchpoint_privacy_tests(void);

/* Program "p" (default rules), advocates "ann" and "bob", each with one
 * random code; the codes are in tp_codes(f)[0] (ann) and [1] (bob). */
int tp_setup(void **state);
const char *tp_code(rft_fixture *f, int which);
#endif
