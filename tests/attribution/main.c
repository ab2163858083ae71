/* test_attribution: the attribution engine through the public API. */
#include "suite.h"

void scene(rft_fixture *f, const char *key, int32_t model, char codes[3][RF_CODE_BUFSIZE])
{
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.model = model;
	rft_program(f, key, &r);
	const char *names[3] = { "ann", "bob", "cat" };
	for (int i = 0; i < 3; i++) {
		rf_advocate *a = NULL;
		if (rf_advocate_get(&a, f->store, names[i]) == RF_ENOTFOUND)
			rft_advocate(f, names[i]);
		rf_advocate_free(a);
		rft_code(f, key, names[i], codes[i]);
	}
}

int convert(rft_fixture *f, rf_conversion **out, const char *program, const char *visitor,
	    const char *order, int32_t kind, int64_t value, int64_t at, const char *customer,
	    const char *code)
{
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = program;
	s.visitor_id = visitor;
	s.order_id = order;
	s.kind = kind;
	s.value_minor = value;
	s.currency = "EUR";
	s.at_ms = at;
	s.customer_id = customer;
	s.code = code;
	int rc = rf_conversion_record(out, f->store, &s);
	if (rc >= 0)
		rft_track_order(f, program, order);
	return rc;
}

double weight_of(const rf_conversion *c, const char *advocate)
{
	double w = 0.0;
	for (size_t i = 0; i < c->credit_count; i++)
		w += strcmp(c->credits[i]->advocate, advocate) == 0 ? c->credits[i]->weight : 0.0;
	return w;
}

int64_t value_of(const rf_conversion *c, const char *advocate)
{
	int64_t v = 0;
	for (size_t i = 0; i < c->credit_count; i++)
		v += strcmp(c->credits[i]->advocate, advocate) == 0 ? c->credits[i]->value_minor : 0;
	return v;
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = attribution_models_tests();
	failed += attribution_journeys_tests();
	failed += attribution_refunds_tests();
	failed += attribution_history_tests();
	failed += attribution_paths_tests();
	return failed ? 1 : 0;
}
