/* Refunds: proportional, exact, idempotent, history kept, stats net. */
#include "suite.h"

static int refund(rft_fixture *f, rf_conversion **out, const char *order, const char *id,
		  int64_t amount)
{
	rf_refund_spec s = RF_REFUND_SPEC_INIT;
	s.program = "lin";
	s.order_id = order;
	s.refund_id = id;
	s.amount_minor = amount;
	s.at_ms = RFT_T0 + 20 * D;
	return rf_conversion_refund(out, f->store, &s);
}

static void three_way_sale(rft_fixture *f)
{
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "lin", RF_MODEL_LINEAR, codes);
	for (int i = 0; i < 3; i++)
		RFT_OK(rft_click(f, codes[i], "v", RFT_T0 + i * H, NULL));
	RFT_OK(convert(f, NULL, "lin", "v", "o1", RF_CONVERSION_PURCHASE, 100, RFT_T0 + D, NULL,
		       NULL)); /* 34 / 33 / 33 */
}

static int64_t refunded_of(const rf_conversion *c, const char *advocate)
{
	int64_t v = 0;
	for (size_t i = 0; i < c->credit_count; i++)
		v += strcmp(c->credits[i]->advocate, advocate) == 0 ? c->credits[i]->refunded_minor : 0;
	return v;
}

static void test_partial_then_full(void **state)
{
	rft_fixture *f = *state;
	three_way_sale(f);
	rf_conversion *c = NULL;
	RFT_OK(refund(f, &c, "o1", "r1", 10));
	assert_int_equal(c->refunded_minor, 10);
	assert_int_equal(refunded_of(c, "ann") + refunded_of(c, "bob") + refunded_of(c, "cat"), 10);
	assert_int_equal(value_of(c, "ann"), 34); /* credit rows never change */
	assert_int_equal(c->replayed, 0);
	rf_conversion_free(c);
	/* the same refund again: nothing changes */
	RFT_RC(refund(f, &c, "o1", "r1", 10), RF_DUPLICATE);
	assert_int_equal(c->refunded_minor, 10);
	assert_int_equal(c->replayed, 1);
	rf_conversion_free(c);
	RFT_RC(refund(f, &c, "o1", "r1", 0), RF_DUPLICATE);
	rf_conversion_free(c);
	RFT_RC(refund(f, NULL, "o1", "r1", 11), RF_ECONFLICT);
	/* too much, nothing stored */
	char *before = rft_snapshot(f);
	RFT_RC(refund(f, NULL, "o1", "r2", 91), RF_EINVALID);
	RFT_RC(refund(f, NULL, "nope", "r2", 1), RF_ENOTFOUND);
	RFT_RC(refund(f, NULL, "o1", "", 1), RF_EINVALID);
	RFT_RC(refund(f, NULL, "o1", "r2", -1), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	/* the rest (amount 0): every share ends at exactly zero */
	RFT_OK(refund(f, &c, "o1", "rest", 0));
	assert_int_equal(c->refunded_minor, 100);
	assert_int_equal(refunded_of(c, "ann"), 34);
	assert_int_equal(refunded_of(c, "bob"), 33);
	assert_int_equal(refunded_of(c, "cat"), 33);
	rf_conversion_free(c);
	RFT_RC(refund(f, NULL, "o1", "more", 0), RF_EINVALID);
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = "lin";
	rf_stats *st = NULL;
	RFT_OK(rf_stats_get(&st, f->store, &q));
	assert_int_equal(st->values[0]->value_minor, 0);
	rf_stats_free(st);
}

/* Many small refunds never take a share below zero and add up exactly. */
static void test_many_small_refunds(void **state)
{
	rft_fixture *f = *state;
	three_way_sale(f);
	char id[16];
	for (int i = 0; i < 100; i++) {
		snprintf(id, sizeof(id), "r%d", i);
		RFT_OK(refund(f, NULL, "o1", id, 1));
		RFT_OK(rf_store_check(f->store));
	}
	rf_conversion *c = NULL;
	RFT_OK(rf_conversion_get(&c, f->store, "lin", "o1"));
	assert_int_equal(c->refunded_minor, 100);
	assert_int_equal(refunded_of(c, "ann"), 34);
	assert_int_equal(refunded_of(c, "cat"), 33);
	rf_conversion_free(c);
	RFT_RC(refund(f, NULL, "o1", "again", 1), RF_EINVALID);
}

static void test_stats_are_net_of_refunds(void **state)
{
	rft_fixture *f = *state;
	three_way_sale(f);
	RFT_OK(refund(f, NULL, "o1", "r1", 30));
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = "lin";
	rf_stats *st = NULL;
	RFT_OK(rf_stats_get(&st, f->store, &q));
	assert_int_equal(st->values[0]->value_minor, 70);
	rf_stats_free(st);
	int64_t per_advocate = 0;
	const char *names[3] = { "ann", "bob", "cat" };
	for (int i = 0; i < 3; i++) {
		q.advocate = names[i];
		RFT_OK(rf_stats_get(&st, f->store, &q));
		per_advocate += st->values[0]->value_minor;
		rf_stats_free(st);
	}
	assert_int_equal(per_advocate, 70);
}

static void test_refund_unattributed(void **state)
{
	rft_fixture *f = *state;
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "lin", RF_MODEL_LINEAR, codes);
	RFT_OK(convert(f, NULL, "lin", "nobody", "o9", RF_CONVERSION_PURCHASE, 50, RFT_T0, NULL,
		       NULL));
	rf_conversion *c = NULL;
	RFT_OK(refund(f, &c, "o9", "r", 20));
	assert_int_equal(c->refunded_minor, 20);
	assert_int_equal(c->credit_count, 0);
	rf_conversion_free(c);
	rf_refund_spec bad;
	RFT_RC(rf_refund_spec_init(&bad, 2), RF_EVERSION);
	RFT_RC(rf_conversion_refund(NULL, f->store, NULL), RF_EINVALID);
}

int attribution_refunds_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_partial_then_full, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_many_small_refunds, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_stats_are_net_of_refunds, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_refund_unattributed, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("attribution_refunds", tests, NULL, NULL);
}
