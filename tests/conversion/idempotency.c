/* Order ids as idempotency keys: replays and conflicts. */
#include "suite.h"

#include <string.h>

static void assert_same_conversion(const rf_conversion *a, const rf_conversion *b)
{
	assert_int_equal(a->id, b->id);
	assert_string_equal(a->program, b->program);
	assert_string_equal(a->order_id, b->order_id);
	assert_string_equal(a->visitor_id, b->visitor_id);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->value_minor, b->value_minor);
	assert_string_equal(a->currency, b->currency);
	assert_int_equal(a->at_ms, b->at_ms);
	assert_int_equal(a->attributed, b->attributed);
	assert_int_equal(a->model, b->model);
	assert_int_equal(a->rules_version, b->rules_version);
	assert_int_equal(a->credit_count, b->credit_count);
	for (size_t i = 0; i < a->credit_count; i++) {
		assert_string_equal(a->credits[i]->advocate, b->credits[i]->advocate);
		assert_string_equal(a->credits[i]->code, b->credits[i]->code);
		assert_int_equal(a->credits[i]->value_minor, b->credits[i]->value_minor);
	}
}

static void test_replay_returns_original(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	rf_conversion *orig = NULL;
	RFT_OK(conv_record(f, &orig, "last", "v", "order-1", 2500, "EUR", RFT_T0 + 10));
	assert_string_equal(orig->credits[0]->advocate, "ann");

	/* later touches and a rules change must not re-attribute a replay */
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "v", RFT_T0 + 5, NULL));
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.lookback_ms = RF_DAY_MS;
	RFT_OK(rf_program_update(NULL, f->store, "last", NULL, &r));

	char *before = rft_snapshot(f);
	rf_conversion *again = NULL;
	RFT_RC(conv_record(f, &again, "last", "v", "order-1", 2500, "EUR", RFT_T0 + 10),
	       RF_DUPLICATE);
	assert_non_null(again);
	assert_same_conversion(orig, again);
	rf_conversion_free(again);
	/* currency case does not make the data different */
	RFT_RC(conv_record(f, &again, "last", "v", "order-1", 2500, "eur", RFT_T0 + 10),
	       RF_DUPLICATE);
	assert_same_conversion(orig, again);
	rf_conversion_free(again);
	RFT_RC(conv_record(f, NULL, "last", "v", "order-1", 2500, "EUR", RFT_T0 + 10),
	       RF_DUPLICATE);
	RFT_UNCHANGED(f, before);
	assert_int_equal(rft_stats(f, "last", NULL).conversions, 1);
	rf_code *k = NULL;
	RFT_OK(rf_code_get(&k, f->store, CODE_ANN_LAST(f)));
	assert_int_equal(k->uses, 1);
	rf_code_free(k);
	rf_conversion_free(orig);
}

static void conflict(rft_fixture *f, const rf_conversion_spec *s)
{
	char *before = rft_snapshot(f);
	rf_conversion *c = (rf_conversion *)&c;
	RFT_RC(rf_conversion_record(&c, f->store, s), RF_ECONFLICT);
	assert_null(c);
	RFT_UNCHANGED(f, before);
}

static void test_conflicting_replay(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	RFT_OK(conv_record(f, NULL, "last", "v", "order-1", 2500, "EUR", RFT_T0 + 10));
	const rf_conversion_spec base = { RF_CONVERSION_SPEC_VERSION, "last", "v", "order-1",
					  RF_CONVERSION_PURCHASE, 2500, "EUR", RFT_T0 + 10, NULL, NULL,
					  NULL, NULL, NULL, 0 };
	rf_conversion_spec s = base;
	s.value_minor = 2501;
	conflict(f, &s);
	s = base;
	s.currency = "USD";
	conflict(f, &s);
	s = base;
	s.visitor_id = "w";
	conflict(f, &s);
	s = base;
	s.kind = RF_CONVERSION_SIGNUP;
	conflict(f, &s);
	s = base;
	s.at_ms = RFT_T0 + 11;
	conflict(f, &s);
	rf_conversion *c = NULL;
	RFT_OK(rf_conversion_get(&c, f->store, "last", "order-1"));
	assert_int_equal(c->value_minor, 2500);
	assert_string_equal(c->visitor_id, "v");
	rf_conversion_free(c);
}

static void test_order_ids_are_per_program(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(conv_record(f, NULL, "last", "v", "order-1", 100, "EUR", RFT_T0));
	rf_conversion *c = NULL;
	RFT_OK(conv_record(f, &c, "first", "w", "order-1", 200, "USD", RFT_T0 + 1));
	assert_string_equal(c->program, "first");
	rf_conversion_free(c);
	RFT_OK(rf_conversion_get(&c, f->store, "last", "order-1"));
	assert_int_equal(c->value_minor, 100);
	rf_conversion_free(c);
	RFT_OK(rf_conversion_get(&c, f->store, "first", "order-1"));
	assert_int_equal(c->value_minor, 200);
	rf_conversion_free(c);
	/* order ids are exact */
	RFT_OK(conv_record(f, NULL, "last", "v", "ORDER-1", 100, "EUR", RFT_T0));
	assert_int_equal(rft_stats(f, "last", NULL).conversions, 2);
}

int conversion_idempotency_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_replay_returns_original, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_conflicting_replay, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_order_ids_are_per_program, conv_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("conversion_idempotency", tests, NULL, NULL);
}
