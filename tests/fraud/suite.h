/* test_fraud's groups and shared scene helpers. */
#ifndef RFT_FRAUD_SUITE_H
#define RFT_FRAUD_SUITE_H

#include "fixture.h"

int fraud_identity_tests(void);
int fraud_signal_tests(void);
int fraud_review_tests(void);
int fraud_bot_tests(void);

/* The check of order `order` in program "p", and one of its signals (NULL: none). */
rf_fraud_check *fx_check(rft_fixture *f, const char *order);
const rf_fraud_signal_hit *fx_signal(const rf_fraud_check *c, int32_t kind);

/* An advocate with identity fields (NULL: not given). */
void fx_advocate(rft_fixture *f, const char *id, const char *customer, const char *email,
		 const char *visitor, const char *ip, const char *ua);
/* A conversion of `visitor` (customer, email, ip, ua optional). */
int fx_convert(rft_fixture *f, const char *program, const char *visitor, const char *order,
	       const char *customer, const char *email, const char *ip, const char *ua,
	       int64_t at);

#endif
