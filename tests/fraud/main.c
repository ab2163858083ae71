/* test_fraud: identities, signals, verdicts, reviews and explanations. */
#include "suite.h"

void fx_advocate(rft_fixture *f, const char *id, const char *customer, const char *email,
		 const char *visitor, const char *ip, const char *ua)
{
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = id;
	spec.customer_id = customer;
	spec.email = email;
	spec.visitor_id = visitor;
	spec.ip = ip;
	spec.user_agent = ua;
	RFT_OK(rf_advocate_add(NULL, f->store, &spec));
}

int fx_convert(rft_fixture *f, const char *program, const char *visitor, const char *order,
	       const char *customer, const char *email, const char *ip, const char *ua,
	       int64_t at)
{
	rf_conversion_spec spec = RF_CONVERSION_SPEC_INIT;
	spec.program = program;
	spec.visitor_id = visitor;
	spec.order_id = order;
	spec.value_minor = 1000;
	spec.currency = "EUR";
	spec.at_ms = at;
	spec.customer_id = customer;
	spec.email = email;
	spec.ip = ip;
	spec.user_agent = ua;
	int rc = rf_conversion_record(NULL, f->store, &spec);
	if (rc == RF_OK)
		rft_track_order(f, program, order);
	return rc;
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = fraud_identity_tests();
	failed += fraud_signal_tests();
	failed += fraud_review_tests();
	failed += fraud_bot_tests();
	return failed ? 1 : 0;
}
