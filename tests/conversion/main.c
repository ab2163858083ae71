/* test_conversion: recording conversions and attributing them. */
#include "suite.h"

int conv_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	rf_program_rules first = RF_PROGRAM_RULES_INIT;
	first.model = RF_MODEL_FIRST_TOUCH;
	char code[RF_CODE_BUFSIZE];
	rft_program(f, "last", NULL);
	rft_program(f, "first", &first);
	rft_advocate(f, "ann");
	rft_advocate(f, "bob");
	rft_code(f, "last", "ann", code);
	rft_code(f, "last", "bob", code);
	rft_code(f, "first", "ann", code);
	rft_code(f, "first", "bob", code);
	return 0;
}

int conv_record(rft_fixture *f, rf_conversion **out, const char *program, const char *visitor,
		const char *order, int64_t value, const char *currency, int64_t at)
{
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = program;
	s.visitor_id = visitor;
	s.order_id = order;
	s.value_minor = value;
	s.currency = currency;
	s.at_ms = at;
	int rc = rf_conversion_record(out, f->store, &s);
	if (rc == RF_OK)
		rft_track_order(f, program, order);
	return rc;
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = conversion_attribution_tests();
	failed += conversion_idempotency_tests();
	failed += conversion_explanation_tests();
	failed += conversion_invalid_tests();
	return failed ? 1 : 0;
}
