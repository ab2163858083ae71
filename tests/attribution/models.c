/* Every rule-based model on a real journey: weights, exact value splits,
 * explanations with parameters; v1 rules still work. */
#include "suite.h"

static void click3(rft_fixture *f, char codes[3][RF_CODE_BUFSIZE], int64_t t0)
{
	RFT_OK(rft_click(f, codes[0], "v", t0, NULL));
	RFT_OK(rft_click(f, codes[1], "v", t0 + 2 * D, NULL));
	RFT_OK(rft_click(f, codes[2], "v", t0 + 9 * D, NULL));
}

static void test_linear_splits_exactly(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "lin", RF_MODEL_LINEAR, codes);
	click3(f, codes, RFT_T0);
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "lin", "v", "o1", RF_CONVERSION_PURCHASE, 100, RFT_T0 + 10 * D, NULL,
		       NULL));
	assert_int_equal(c->credit_count, 3);
	assert_float_equal(weight_of(c, "bob"), 1.0 / 3, 1e-12);
	/* 33.33 each: the spare unit goes to the earliest touch */
	assert_int_equal(value_of(c, "ann"), 34);
	assert_int_equal(value_of(c, "bob"), 33);
	assert_int_equal(value_of(c, "cat"), 33);
	rf_conversion_free(c);
}

static void test_time_decay_and_parameters(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "td", RF_MODEL_TIME_DECAY, codes);
	/* 14, 7 and 0 days before: 1/4, 1/2, 1 -> 1/7, 2/7, 4/7 */
	RFT_OK(rft_click(f, codes[0], "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, codes[1], "v", RFT_T0 + 7 * D, NULL));
	RFT_OK(rft_click(f, codes[2], "v", RFT_T0 + 14 * D, NULL));
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "td", "v", "o1", RF_CONVERSION_PURCHASE, 700, RFT_T0 + 14 * D, NULL,
		       NULL));
	assert_float_equal(weight_of(c, "ann"), 1.0 / 7, 1e-9);
	assert_float_equal(weight_of(c, "cat"), 4.0 / 7, 1e-9);
	assert_int_equal(value_of(c, "ann") + value_of(c, "bob") + value_of(c, "cat"), 700);
	assert_int_equal(value_of(c, "bob"), 200);
	rf_conversion_free(c);
	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "td", "o1"));
	assert_string_equal(e->parameters, "half_life_ms=604800000");
	assert_string_equal(e->currency, "EUR");
	assert_int_equal(e->model, RF_MODEL_TIME_DECAY);
	assert_int_equal(e->touch_count, 3);
	assert_non_null(strstr(e->touches[0]->note, "14.00 days before"));
	rf_explanation_free(e);
}

static void test_position_custom_and_v1_rules(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "pos", RF_MODEL_POSITION, codes);
	click3(f, codes, RFT_T0);
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "pos", "v", "o1", RF_CONVERSION_PURCHASE, 1000, RFT_T0 + 10 * D,
		       NULL, NULL));
	assert_int_equal(value_of(c, "ann"), 400);
	assert_int_equal(value_of(c, "bob"), 200);
	assert_int_equal(value_of(c, "cat"), 400);
	rf_conversion_free(c);

	/* custom 1,0,3 (last repeats), then the same program updated with a
	 * version-1 rules struct: the v2 fields keep their defaults */
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	const int32_t weights[] = { 1, 0, 3 };
	r.model = RF_MODEL_CUSTOM;
	r.custom_count = 3;
	r.custom_weights = weights;
	RFT_OK(rf_program_update(NULL, f->store, "pos", NULL, &r));
	RFT_OK(convert(f, &c, "pos", "v", "o2", RF_CONVERSION_PURCHASE, 400, RFT_T0 + 10 * D,
		       NULL, NULL));
	assert_int_equal(value_of(c, "ann"), 100);
	assert_int_equal(value_of(c, "bob"), 0);
	assert_int_equal(value_of(c, "cat"), 300);
	rf_conversion_free(c);
	rf_program *p = NULL;
	RFT_OK(rf_program_get(&p, f->store, "pos"));
	assert_int_equal(p->rules->custom_count, 3);
	assert_int_equal(p->rules->custom_weights[2], 3);
	rf_program_free(p);

	rf_program_rules v1;
	RFT_OK(rf_program_rules_init(&v1, 1));
	v1.model = RF_MODEL_LINEAR;
	RFT_OK(rf_program_update(NULL, f->store, "pos", NULL, &v1));
	RFT_OK(rf_program_get(&p, f->store, "pos"));
	assert_int_equal(p->rules->model, RF_MODEL_LINEAR);
	assert_int_equal(p->rules->half_life_ms, 7 * D);
	assert_int_equal(p->rules->position_first_bp, 4000);
	assert_int_equal(p->rules->custom_count, 0);
	assert_int_equal(p->rules->renewal_months, 12);
	rf_program_free(p);
}

static void test_last_non_direct(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "lnd", RF_MODEL_LAST_NON_DIRECT, codes);
	RFT_OK(rft_click(f, codes[0], "v", RFT_T0, NULL));
	rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
	t.code = codes[1];
	t.visitor_id = "v";
	t.at_ms = RFT_T0 + D;
	t.direct = 1;
	t.kind = RF_TOUCH_VISIT;
	rf_touchpoint *tp = NULL;
	RFT_OK(rf_touchpoint_record(&tp, f->store, &t));
	assert_int_equal(tp->direct, 1);
	rf_touchpoint_free(tp);
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "lnd", "v", "o1", RF_CONVERSION_PURCHASE, 50, RFT_T0 + 2 * D, NULL,
		       NULL));
	assert_float_equal(weight_of(c, "ann"), 1.0, 0);
	rf_conversion_free(c);
	t.direct = 2;
	RFT_RC(rf_touchpoint_record(NULL, f->store, &t), RF_EINVALID);
}

static void test_bad_v2_rules(void **state)
{
	rft_fixture *f = *state;
	const int32_t negative[] = { 1, -1 }, zeros[] = { 0, 0 };
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	char *before = rft_snapshot(f);
	r.half_life_ms = 0;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.position_first_bp = 6000;
	r.position_last_bp = 5000;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.custom_count = 2;
	r.custom_weights = negative;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r.custom_weights = NULL;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r.model = RF_MODEL_CUSTOM;
	r.custom_weights = zeros;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.custom_count = RF_CUSTOM_WEIGHTS_MAX + 1;
	r.custom_weights = zeros;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.renewal_months = -1;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.sale_follows_lead = 2;
	RFT_RC(rf_program_create(NULL, f->store, "x", NULL, &r), RF_EINVALID);
	RFT_UNCHANGED(f, before);
}

int attribution_models_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_linear_splits_exactly, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_time_decay_and_parameters, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_position_custom_and_v1_rules, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_last_non_direct, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_v2_rules, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("attribution_models", tests, NULL, NULL);
}
