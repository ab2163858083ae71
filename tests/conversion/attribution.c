/* Attribution: models, the lookback window, duplicates, locking, splits. */
#include "suite.h"

#include <stdio.h>
#include <string.h>

#define H RF_HOUR_MS
#define D RF_DAY_MS

/* The single credit of a conversion: advocate and code. */
static void assert_credited(const rf_conversion *c, const char *advocate, const char *code)
{
	assert_int_equal(c->attributed, 1);
	assert_int_equal(c->credit_count, 1);
	const rf_credit *k = c->credits[0];
	assert_string_equal(k->advocate, advocate);
	assert_string_equal(k->code, code);
	assert_float_equal(k->weight, 1.0, 1e-12);
	assert_int_equal(k->value_minor, c->value_minor);
}

static void assert_unattributed(const rf_conversion *c)
{
	assert_int_equal(c->attributed, 0);
	assert_int_equal(c->credit_count, 0);
}

static void test_last_touch(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "v", RFT_T0 + H, NULL));
	rf_conversion *c = NULL;
	RFT_OK(conv_record(f, &c, "last", "v", "o1", 1000, "EUR", RFT_T0 + 2 * H));
	assert_true(c->id > 0);
	assert_string_equal(c->program, "last");
	assert_string_equal(c->order_id, "o1");
	assert_string_equal(c->visitor_id, "v");
	assert_int_equal(c->kind, RF_CONVERSION_PURCHASE);
	assert_int_equal(c->value_minor, 1000);
	assert_string_equal(c->currency, "EUR");
	assert_int_equal(c->at_ms, RFT_T0 + 2 * H);
	assert_int_equal(c->model, RF_MODEL_LAST_TOUCH);
	assert_int_equal(c->rules_version, 1);
	assert_credited(c, "bob", CODE_BOB_LAST(f));
	rf_conversion_free(c);
	rf_conversion_free(NULL);

	RFT_OK(rf_conversion_get(&c, f->store, "last", "o1"));
	assert_credited(c, "bob", CODE_BOB_LAST(f));
	assert_int_equal(c->at_ms, RFT_T0 + 2 * H);
	rf_conversion_free(c);
}

static void test_first_touch(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_FIRST(f), "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, CODE_BOB_FIRST(f), "v", RFT_T0 + H, NULL));
	RFT_OK(rft_click(f, CODE_BOB_FIRST(f), "v", RFT_T0 + 3 * H, NULL));
	rf_conversion *c = NULL;
	RFT_OK(conv_record(f, &c, "first", "v", "o1", 777, "usd", RFT_T0 + 4 * H));
	assert_int_equal(c->model, RF_MODEL_FIRST_TOUCH);
	assert_string_equal(c->currency, "USD");
	assert_credited(c, "ann", CODE_ANN_FIRST(f));
	rf_conversion_free(c);
}

static void test_lookback_boundaries(void **state)
{
	rft_fixture *f = *state;
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.lookback_ms = D;
	rft_program(f, "day", &r);
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "day", "ann", code);
	rf_conversion *c = NULL;

	RFT_OK(rft_click(f, code, "edge", RFT_T0, NULL)); /* at - lookback: inside */
	RFT_OK(conv_record(f, &c, "day", "edge", "o1", 100, "EUR", RFT_T0 + D));
	assert_credited(c, "ann", code);
	rf_conversion_free(c);

	RFT_OK(rft_click(f, code, "late", RFT_T0, NULL)); /* 1 ms too old */
	RFT_OK(conv_record(f, &c, "day", "late", "o2", 100, "EUR", RFT_T0 + D + 1));
	assert_unattributed(c);
	rf_conversion_free(c);

	RFT_OK(rft_click(f, code, "same", RFT_T0 + 5 * H, NULL)); /* at the conversion */
	RFT_OK(conv_record(f, &c, "day", "same", "o3", 100, "EUR", RFT_T0 + 5 * H));
	assert_credited(c, "ann", code);
	rf_conversion_free(c);

	RFT_OK(rft_click(f, code, "after", RFT_T0 + 5 * H + 1, NULL)); /* after it */
	RFT_OK(conv_record(f, &c, "day", "after", "o4", 100, "EUR", RFT_T0 + 5 * H));
	assert_unattributed(c);
	rf_conversion_free(c);
}

static void test_journey_is_this_visitor_in_this_program(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "someone-else", RFT_T0 + 1, NULL));
	RFT_OK(rft_click(f, CODE_BOB_FIRST(f), "v", RFT_T0 + 2, NULL)); /* other program */
	rf_conversion *c = NULL;
	RFT_OK(conv_record(f, &c, "last", "v", "o1", 50, "EUR", RFT_T0 + 3));
	assert_credited(c, "ann", CODE_ANN_LAST(f));
	rf_conversion_free(c);
	RFT_OK(conv_record(f, &c, "last", "nobody", "o2", 50, "EUR", RFT_T0 + 3));
	assert_unattributed(c);
	assert_int_equal(c->model, RF_MODEL_LAST_TOUCH);
	rf_conversion_free(c);
	rf_code *k = NULL;
	RFT_OK(rf_code_get(&k, f->store, CODE_BOB_LAST(f)));
	assert_int_equal(k->uses, 0);
	rf_code_free(k);
	RFT_OK(rf_code_get(&k, f->store, CODE_ANN_LAST(f)));
	assert_int_equal(k->uses, 1);
	rf_code_free(k);
}

static void test_duplicates_are_not_journey(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "v", RFT_T0 + 1000, NULL));
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0 + 2000, NULL)); /* duplicate */
	rf_conversion *c = NULL;
	RFT_OK(conv_record(f, &c, "last", "v", "o1", 10, "EUR", RFT_T0 + 3000));
	assert_credited(c, "bob", CODE_BOB_LAST(f));
	rf_conversion_free(c);
}

static void test_lock_first_referrer(void **state)
{
	rft_fixture *f = *state;
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.lock_first_referrer = 1;
	rft_program(f, "lock", &r);
	char ann[RF_CODE_BUFSIZE], bob[RF_CODE_BUFSIZE];
	rft_code(f, "lock", "ann", ann);
	rft_code(f, "lock", "bob", bob);
	const char *progs[2] = { "lock", "last" };
	const char *bobs[2] = { bob, CODE_BOB_LAST(f) };
	const char *anns[2] = { ann, CODE_ANN_LAST(f) };
	for (int i = 0; i < 2; i++) {
		rf_conversion *c = NULL;
		RFT_OK(rft_click(f, anns[i], "v", RFT_T0, NULL));
		RFT_OK(conv_record(f, &c, progs[i], "v", "o1", 100, "EUR", RFT_T0 + H));
		assert_string_equal(c->credits[0]->advocate, "ann");
		rf_conversion_free(c);
		RFT_OK(rft_click(f, bobs[i], "v", RFT_T0 + 2 * H, NULL));
		RFT_OK(conv_record(f, &c, progs[i], "v", "o2", 100, "EUR", RFT_T0 + 3 * H));
		assert_int_equal(c->credit_count, 1);
		/* locked: ann again; unlocked: last touch is bob */
		assert_string_equal(c->credits[0]->advocate, i == 0 ? "ann" : "bob");
		assert_int_equal(c->credits[0]->value_minor, 100);
		rf_conversion_free(c);
	}
}

static void check_split(rft_fixture *f, const int64_t *values, size_t n, const char *currency)
{
	char order[32];
	for (size_t i = 0; i < n; i++) {
		int64_t at = RFT_T0 + (int64_t)(f->order_count + 1) * 2 * H;
		RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", at, NULL));
		snprintf(order, sizeof order, "split-%s-%zu", currency, i);
		rf_conversion *c = NULL;
		RFT_OK(conv_record(f, &c, "last", "v", order, values[i], currency, at + 1));
		assert_int_equal(c->value_minor, values[i]);
		int64_t sum = 0;
		double w = 0;
		for (size_t k = 0; k < c->credit_count; k++) {
			sum += c->credits[k]->value_minor;
			w += c->credits[k]->weight;
		}
		assert_int_equal(c->credit_count, 1);
		assert_int_equal(sum, values[i]);
		assert_float_equal(w, 1.0, 1e-12);
		rf_conversion_free(c);
	}
}

static void test_lock_outlives_the_window(void **state)
{
	rft_fixture *f = *state;
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.lock_first_referrer = 1;
	r.lookback_ms = D;
	rft_program(f, "lock", &r);
	char ann[RF_CODE_BUFSIZE], bob[RF_CODE_BUFSIZE];
	rft_code(f, "lock", "ann", ann);
	rft_code(f, "lock", "bob", bob);
	rf_conversion *c = NULL;
	RFT_OK(rft_click(f, ann, "v", RFT_T0, NULL));
	RFT_OK(conv_record(f, &c, "lock", "v", "o1", 100, "EUR", RFT_T0 + H));
	assert_string_equal(c->credits[0]->advocate, "ann");
	rf_conversion_free(c);
	/* ten days later only bob's touch is inside the window; the visitor
	 * stays credited to ann */
	RFT_OK(rft_click(f, bob, "v", RFT_T0 + 10 * D, NULL));
	RFT_OK(conv_record(f, &c, "lock", "v", "o2", 100, "EUR", RFT_T0 + 10 * D + H));
	assert_int_equal(c->attributed, 1);
	assert_int_equal(c->credit_count, 1);
	assert_string_equal(c->credits[0]->advocate, "ann");
	assert_int_equal(c->credits[0]->value_minor, 100);
	rf_conversion_free(c);
}

static void test_values_split_exactly(void **state)
{
	rft_fixture *f = *state;
	/* every accepted value is below 2^53, so each has an exact double;
	 * the core's own tests cover splits of the whole int64 range */
	const int64_t values[] = { 0, 1, 999, 12345, RF_VALUE_MAX_MINOR / 3 };
	check_split(f, values, sizeof values / sizeof values[0], "JPY");
}

static void test_value_max(void **state)
{
	rft_fixture *f = *state;
	const int64_t values[] = { RF_VALUE_MAX_MINOR, RF_VALUE_MAX_MINOR - 1 };
	check_split(f, values, 2, "CHF");
	/* Above the cap: refused, nothing stored, and sums stay in range. */
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0 + 100 * H, NULL));
	RFT_RC(conv_record(f, NULL, "last", "v", "too-big", RF_VALUE_MAX_MINOR + 1, "CHF",
			   RFT_T0 + 100 * H + 1), RF_EINVALID);
	RFT_RC(conv_record(f, NULL, "last", "v", "max", INT64_MAX, "CHF", RFT_T0 + 100 * H + 1),
	       RF_EINVALID);
	rf_conversion *c = NULL;
	RFT_RC(rf_conversion_get(&c, f->store, "last", "too-big"), RF_ENOTFOUND);
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = "last";
	rf_stats *st = NULL;
	RFT_OK(rf_stats_get(&st, f->store, &q));
	assert_int_equal(st->value_count, 1);
	assert_int_equal(st->values[0]->value_minor, 2 * RF_VALUE_MAX_MINOR - 1);
	rf_stats_free(st);
}

static void test_rules_version_is_kept(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "v", RFT_T0 + 1, NULL));
	RFT_OK(conv_record(f, NULL, "last", "v", "before", 10, "EUR", RFT_T0 + 2));
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.model = RF_MODEL_FIRST_TOUCH;
	RFT_OK(rf_program_update(NULL, f->store, "last", NULL, &r));
	rf_conversion *c = NULL;
	RFT_OK(conv_record(f, &c, "last", "v", "after", 10, "EUR", RFT_T0 + 3));
	assert_int_equal(c->model, RF_MODEL_FIRST_TOUCH);
	assert_int_equal(c->rules_version, 2);
	assert_credited(c, "ann", CODE_ANN_LAST(f));
	rf_conversion_free(c);
	RFT_OK(rf_conversion_get(&c, f->store, "last", "before"));
	assert_int_equal(c->model, RF_MODEL_LAST_TOUCH);
	assert_int_equal(c->rules_version, 1);
	assert_credited(c, "bob", CODE_BOB_LAST(f));
	rf_conversion_free(c);
}

static void test_kinds_and_clock(void **state)
{
	rft_fixture *f = *state;
	const int32_t kinds[] = { RF_CONVERSION_SIGNUP, RF_CONVERSION_PURCHASE, RF_CONVERSION_CUSTOM };
	char order[16];
	f->now = RFT_T0 + 4242;
	for (int i = 0; i < 3; i++) {
		rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
		snprintf(order, sizeof order, "k%d", i);
		s.program = "last";
		s.visitor_id = "v";
		s.order_id = order;
		s.kind = kinds[i];
		s.currency = "GBP";
		rf_conversion *c = NULL;
		RFT_OK(rf_conversion_record(&c, f->store, &s));
		assert_int_equal(c->kind, kinds[i]);
		assert_int_equal(c->at_ms, RFT_T0 + 4242); /* at 0: the store's clock */
		rf_conversion_free(c);
		rft_track_order(f, "last", order);
	}
	/* out may be NULL */
	RFT_OK(conv_record(f, NULL, "last", "v", "no-out", 1, "EUR", 0));
}

int conversion_attribution_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_last_touch, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_first_touch, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_lookback_boundaries, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_journey_is_this_visitor_in_this_program, conv_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_are_not_journey, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_lock_first_referrer, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_lock_outlives_the_window, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_values_split_exactly, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_value_max, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_rules_version_is_kept, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_kinds_and_clock, conv_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("conversion_attribution", tests, NULL, NULL);
}
