/* test_fraud's groups and shared scene helpers. */
#ifndef RFT_FRAUD_SUITE_H
#define RFT_FRAUD_SUITE_H

#include "fixture.h"

int fraud_identity_tests(void);

/* An advocate with identity fields (NULL: not given). */
void fx_advocate(rft_fixture *f, const char *id, const char *customer, const char *email,
		 const char *visitor, const char *ip, const char *ua);
/* A conversion of `visitor` (customer, email, ip, ua optional). */
int fx_convert(rft_fixture *f, const char *program, const char *visitor, const char *order,
	       const char *customer, const char *email, const char *ip, const char *ua,
	       int64_t at);

#endif
