/* Journeys: identity stitching, codes at checkout, leads then sales,
 * renewals. */
#include "suite.h"

static void test_identity_stitching(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "p", RF_MODEL_LAST_TOUCH, codes);
	RFT_OK(rft_click(f, codes[0], "phone", RFT_T0, NULL));
	RFT_OK(rft_click(f, codes[1], "stranger", RFT_T0 + H, NULL));
	RFT_OK(rf_identify(f->store, "phone", "cust-1"));
	RFT_OK(rf_identify(f->store, "phone", "cust-1")); /* again: harmless */
	RFT_RC(rf_identify(f->store, "phone", "cust-2"), RF_ECONFLICT);
	RFT_RC(rf_identify(f->store, NULL, "cust-1"), RF_EINVALID);
	RFT_RC(rf_identify(f->store, "x", ""), RF_EINVALID);
	/* the laptop never clicked, but its customer did on the phone */
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "p", "laptop", "o1", RF_CONVERSION_PURCHASE, 100, RFT_T0 + 2 * H,
		       "cust-1", NULL));
	assert_int_equal(c->attributed, 1);
	assert_string_equal(c->customer_id, "cust-1");
	assert_float_equal(weight_of(c, "ann"), 1.0, 0);
	rf_conversion_free(c);
	/* the laptop is now tied too: its next conversion needs no customer */
	RFT_OK(convert(f, &c, "p", "laptop", "o2", RF_CONVERSION_PURCHASE, 100, RFT_T0 + 3 * H,
		       NULL, NULL));
	assert_float_equal(weight_of(c, "ann"), 1.0, 0);
	rf_conversion_free(c);
	/* another customer's visitor sees none of it */
	RFT_OK(convert(f, &c, "p", "tablet", "o3", RF_CONVERSION_PURCHASE, 100, RFT_T0 + 3 * H,
		       "cust-2", NULL));
	assert_int_equal(c->attributed, 0);
	rf_conversion_free(c);
}

static void test_code_at_checkout(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE], other[3][RF_CODE_BUFSIZE];
	scene(f, "p", RF_MODEL_LAST_TOUCH, codes);
	scene(f, "q", RF_MODEL_LAST_TOUCH, other);
	RFT_OK(rft_click(f, codes[0], "v", RFT_T0, NULL));
	rf_conversion *c = NULL;
	/* typed in lower case with a hyphen: still the code */
	char typed[2 * RF_CODE_BUFSIZE];
	snprintf(typed, sizeof(typed), "%.4s-%.32s", codes[1], codes[1] + 4);
	for (char *p = typed; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	RFT_OK(convert(f, &c, "p", "v", "o1", RF_CONVERSION_PURCHASE, 80, RFT_T0 + D, NULL, typed));
	assert_float_equal(weight_of(c, "bob"), 1.0, 0); /* the checkout code is the last touch */
	rf_conversion_free(c);
	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "p", "o1"));
	assert_int_equal(e->touch_count, 2);
	assert_int_equal(e->touches[1]->kind, RF_TOUCH_CHECKOUT);
	assert_int_equal(e->touches[1]->at_ms, RFT_T0 + D);
	rf_explanation_free(e);
	/* a code of another program, a typo, an unknown code: refused, nothing stored */
	char *before = rft_snapshot(f);
	RFT_RC(convert(f, NULL, "p", "v", "o2", RF_CONVERSION_PURCHASE, 1, RFT_T0 + D, NULL,
		       other[0]), RF_EINVALID);
	char typo[RF_CODE_BUFSIZE];
	snprintf(typo, sizeof(typo), "%s", codes[2]);
	typo[0] = typo[0] == '2' ? '3' : '2';
	RFT_RC(convert(f, NULL, "p", "v", "o2", RF_CONVERSION_PURCHASE, 1, RFT_T0 + D, NULL, typo),
	       RF_ECHECK);
	RFT_RC(convert(f, NULL, "p", "v", "o2", RF_CONVERSION_PURCHASE, 1, RFT_T0 + D, NULL, "!"),
	       RF_EINVALID);
	RFT_UNCHANGED(f, before);
	rf_conversion *missing = NULL;
	RFT_RC(rf_conversion_get(&missing, f->store, "p", "o2"), RF_ENOTFOUND);
}

static void test_sale_follows_lead(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "p", RF_MODEL_LAST_TOUCH, codes);
	RFT_OK(rft_click(f, codes[0], "v", RFT_T0, NULL));
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "p", "v", "lead", RF_CONVERSION_SIGNUP, 0, RFT_T0 + H, NULL, NULL));
	assert_float_equal(weight_of(c, "ann"), 1.0, 0);
	rf_conversion_free(c);
	RFT_OK(rft_click(f, codes[1], "v", RFT_T0 + 2 * H, NULL));
	RFT_OK(convert(f, &c, "p", "v", "sale", RF_CONVERSION_PURCHASE, 999, RFT_T0 + 3 * H, NULL,
		       NULL));
	assert_float_equal(weight_of(c, "ann"), 1.0, 0);
	assert_int_equal(value_of(c, "ann"), 999);
	assert_string_equal(c->follows_order, "lead");
	rf_conversion_free(c);
	/* the program says otherwise: the sale's own journey decides */
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.sale_follows_lead = 0;
	RFT_OK(rf_program_update(NULL, f->store, "p", NULL, &r));
	RFT_OK(convert(f, &c, "p", "v", "sale2", RF_CONVERSION_PURCHASE, 5, RFT_T0 + 4 * H, NULL,
		       NULL));
	assert_float_equal(weight_of(c, "bob"), 1.0, 0);
	assert_string_equal(c->follows_order, "");
	rf_conversion_free(c);
}

static void test_renewals(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.renewal_months = 3;
	rft_program(f, "sub", &r);
	scene(f, "other", RF_MODEL_LAST_TOUCH, codes); /* advocates */
	char ann[RF_CODE_BUFSIZE];
	rft_code(f, "sub", "ann", ann);
	RFT_OK(rft_click(f, ann, "v", RFT_T0, NULL));
	rf_conversion *c = NULL;
	RFT_OK(convert(f, &c, "sub", "v", "first", RF_CONVERSION_PURCHASE, 1000, RFT_T0 + H, NULL,
		       NULL));
	rf_conversion_free(c);
	/* two months later, far outside the 30-day window: still ann's */
	RFT_OK(convert(f, &c, "sub", "v", "m2", RF_CONVERSION_RENEWAL, 1000, RFT_T0 + 60 * D, NULL,
		       NULL));
	assert_float_equal(weight_of(c, "ann"), 1.0, 0);
	assert_string_equal(c->follows_order, "first");
	rf_conversion_free(c);
	/* past three months: attributed on its own (no touch: unattributed) */
	RFT_OK(convert(f, &c, "sub", "v", "m4", RF_CONVERSION_RENEWAL, 1000, RFT_T0 + 120 * D,
		       NULL, NULL));
	assert_int_equal(c->attributed, 0);
	rf_conversion_free(c);
}

int attribution_journeys_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_identity_stitching, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_code_at_checkout, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_sale_follows_lead, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_renewals, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("attribution_journeys", tests, NULL, NULL);
}
