/* The ledger: states, settling, payouts, refunds before and after payment,
 * retries that must not move money twice. */
#include "suite.h"

#include <stdio.h>
#include <string.h>

#define T1 (RFT_T0 + HOUR)

static void ten_percent(rft_fixture *f)
{
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 1000;
	rw_rule(f, &r);
}

/* 10 % cash to the referrer, 5.00 credit to the referee. */
static void two_sided(rft_fixture *f)
{
	ten_percent(f);
	rf_reward_rule referee = RF_REWARD_RULE_INIT;
	referee.side = RF_SIDE_REFEREE;
	referee.kind = RF_REWARD_CREDIT;
	referee.amount = 500;
	rw_rule(f, &referee);
}

static void test_two_sided_settle_and_payout(void **state)
{
	rft_fixture *f = *state;
	two_sided(f);
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "eur", T1));

	rf_reward_list *l = rw_list(f, NULL, "o1");
	assert_int_equal(l->count, 2);
	assert_string_equal(l->items[0]->recipient, "ann");
	assert_int_equal(l->items[0]->amount, 1000);
	assert_int_equal(l->items[0]->state, RF_REWARD_PENDING);
	assert_int_equal(l->items[0]->due_at_ms, T1 + RF_REWARD_HOLDING_DEFAULT_MS);
	assert_string_equal(l->items[0]->unit, "EUR");
	assert_string_equal(l->items[1]->recipient, "v1");
	assert_int_equal(l->items[1]->side, RF_SIDE_REFEREE);
	assert_int_equal(l->items[1]->kind, RF_REWARD_CREDIT);
	assert_int_equal(l->items[1]->amount, 500);
	rf_reward_list_free(l);
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).pending, 1000);

	size_t n = 99;
	RFT_OK(rf_reward_settle(&n, f->store, "p", T1 + 10 * DAY));
	assert_int_equal(n, 0);
	RFT_OK(rf_reward_settle(&n, f->store, "p", T1 + 30 * DAY));
	assert_int_equal(n, 2);
	RFT_OK(rf_reward_settle(&n, f->store, "p", T1 + 31 * DAY));
	assert_int_equal(n, 0);
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.pending, 0);
	assert_int_equal(b.approved, 1000);

	rf_payout *p = NULL;
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-1", T1 + 31 * DAY));
	assert_int_equal(p->count, 2);
	assert_string_equal(p->lines[0]->recipient, "ann");
	assert_int_equal(p->lines[0]->amount, 1000);
	assert_int_equal(p->lines[1]->amount, 500);
	assert_int_equal(p->replayed, 0);
	rf_payout_free(p);
	/* The same payout again pays nothing more and gives the same batch. */
	RFT_RC(rf_payout_run(&p, f->store, "p", "pay-1", T1 + 40 * DAY), RF_DUPLICATE);
	assert_int_equal(p->count, 2);
	assert_int_equal(p->replayed, 1);
	assert_int_equal(p->at_ms, T1 + 31 * DAY);
	rf_payout_free(p);
	b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.paid, 1000);
	assert_int_equal(b.approved, 0);
	l = rw_list(f, "ann", NULL);
	assert_int_equal(l->count, 1);
	assert_int_equal(l->items[0]->state, RF_REWARD_PAID);
	rf_reward_list_free(l);
	/* A new payout id with nothing approved pays nothing. */
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-2", T1 + 41 * DAY));
	assert_int_equal(p->count, 0);
	rf_payout_free(p);
}

/* Balances and payout lines list recipients by name within each kind
 * (advocates, then referees), whatever order their interned ids take: six
 * referees out of order come back sorted (by chance: 1 in 720). */
static void test_recipients_in_name_order(void **state)
{
	rft_fixture *f = *state;
	two_sided(f);
	const char *visitors[] = { "v5", "v2", "v6", "v1", "v4", "v3" };
	for (int i = 0; i < 6; i++) {
		char order[8];
		snprintf(order, sizeof(order), "o%d", i);
		RFT_OK(rw_convert(f, "ann", visitors[i], order, RF_CONVERSION_PURCHASE, 1000, "eur",
				  T1 + i));
	}
	rf_balance_list *bl = NULL;
	RFT_OK(rf_reward_balances(&bl, f->store, "p", NULL));
	assert_int_equal(bl->count, 7);
	assert_string_equal(bl->items[0]->recipient, "ann");
	for (int i = 1; i < 7; i++) {
		char want[4];
		snprintf(want, sizeof(want), "v%d", i);
		assert_string_equal(bl->items[i]->recipient, want);
	}
	rf_balance_list_free(bl);
	size_t n = 0;
	RFT_OK(rf_reward_settle(&n, f->store, "p", T1 + 31 * DAY));
	rf_payout *p = NULL;
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-1", T1 + 31 * DAY));
	assert_int_equal(p->count, 7);
	for (int i = 1; i < 7; i++) {
		char want[4];
		snprintf(want, sizeof(want), "v%d", i);
		assert_string_equal(p->lines[i]->recipient, want);
	}
	rf_payout_free(p);
}

static void test_refund_before_and_after_payout(void **state)
{
	rft_fixture *f = *state;
	ten_percent(f);
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1));
	RFT_OK(rw_refund(f, "o1", "r1", 2500, T1 + DAY));
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.pending, 750);
	/* A retried refund takes nothing more. */
	RFT_RC(rw_refund(f, "o1", "r1", 2500, T1 + DAY), RF_DUPLICATE);
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).pending, 750);

	rf_payout *p = NULL;
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-1", T1 + 30 * DAY));
	assert_int_equal(p->count, 1);
	assert_int_equal(p->lines[0]->amount, 750);
	rf_payout_free(p);
	/* Refund the rest after payment: what was paid is owed. */
	RFT_OK(rw_refund(f, "o1", "r2", 0, T1 + 32 * DAY));
	b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.paid, 750);
	assert_int_equal(b.owed, 750);
	rf_reward_list *l = rw_list(f, "ann", "o1");
	assert_int_equal(l->items[0]->state, RF_REWARD_REVERSED);
	assert_int_equal(l->items[0]->clawed, 1000);
	rf_reward_list_free(l);

	/* The next reward settles the debt first. */
	RFT_OK(rw_convert(f, "ann", "v2", "o2", RF_CONVERSION_PURCHASE, 20000, "EUR", T1 + 33 * DAY));
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-2", T1 + 70 * DAY));
	assert_int_equal(p->count, 1);
	assert_int_equal(p->lines[0]->amount, 1250);
	assert_int_equal(p->lines[0]->settled_owed, 750);
	assert_int_equal(p->lines[0]->rewards, 1);
	rf_payout_free(p);
	b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.owed, 0);
	assert_int_equal(b.paid, 2000);
	assert_int_equal(b.approved, 0);
}

static void test_debt_larger_than_approved(void **state)
{
	rft_fixture *f = *state;
	ten_percent(f);
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 50000, "EUR", T1));
	RFT_OK(rf_payout_run(NULL, f->store, "p", "pay-1", T1 + 30 * DAY));
	RFT_OK(rw_refund(f, "o1", "r1", 0, T1 + 31 * DAY));
	RFT_OK(rw_convert(f, "ann", "v2", "o2", RF_CONVERSION_PURCHASE, 10000, "EUR", T1 + 31 * DAY));
	rf_payout *p = NULL;
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-2", T1 + 70 * DAY));
	assert_int_equal(p->count, 1);
	assert_int_equal(p->lines[0]->amount, 0);
	assert_int_equal(p->lines[0]->settled_owed, 1000);
	rf_payout_free(p);
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.owed, 4000);
	assert_int_equal(b.paid, 5000);
}

static void test_minimum_payout(void **state)
{
	rft_fixture *f = *state;
	rf_reward_policy pol = RF_REWARD_POLICY_INIT;
	pol.min_payout_minor = 1500;
	pol.holding_ms = 0;
	RFT_OK(rf_reward_policy_set(NULL, f->store, "p", &pol));
	ten_percent(f);
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1));
	rf_payout *p = NULL;
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-1", T1 + 1));
	assert_int_equal(p->count, 0);
	rf_payout_free(p);
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).approved, 1000);
	RFT_OK(rw_convert(f, "ann", "v2", "o2", RF_CONVERSION_PURCHASE, 5000, "EUR", T1 + 2));
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-2", T1 + 3));
	assert_int_equal(p->count, 1);
	assert_int_equal(p->lines[0]->amount, 1500);
	assert_int_equal(p->lines[0]->rewards, 2);
	rf_payout_free(p);
}

static void test_approve_at_once(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.amount = 300;
	r.approve_at_once = 1;
	rw_rule(f, &r);
	RFT_OK(rw_convert(f, "bob", "v1", "o1", RF_CONVERSION_SIGNUP, 0, "USD", T1));
	rf_balance b = rw_balance(f, "bob", "USD", RF_REWARD_CASH);
	assert_int_equal(b.approved, 300);
	assert_int_equal(b.pending, 0);
}

static void test_retried_conversion_books_once(void **state)
{
	rft_fixture *f = *state;
	ten_percent(f);
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1));
	RFT_RC(rw_convert(f, NULL, "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1),
	       RF_DUPLICATE);
	rf_reward_list *l = rw_list(f, NULL, NULL);
	assert_int_equal(l->count, 1);
	rf_reward_list_free(l);
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).pending, 1000);
}

static void test_unattributed_and_unconfigured(void **state)
{
	rft_fixture *f = *state;
	/* No configuration: conversions give nothing. */
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1));
	ten_percent(f);
	/* No referral: nothing either. */
	RFT_OK(rw_convert(f, NULL, "v9", "o2", RF_CONVERSION_PURCHASE, 10000, "EUR", T1));
	rf_reward_list *l = rw_list(f, NULL, NULL);
	assert_int_equal(l->count, 0);
	rf_reward_list_free(l);
	rf_balance_list *bl = NULL;
	RFT_OK(rf_reward_balances(&bl, f->store, "p", "ann"));
	assert_int_equal(bl->count, 0);
	rf_balance_list_free(bl);
}

static void test_bad_input_changes_nothing(void **state)
{
	rft_fixture *f = *state;
	ten_percent(f);
	RFT_OK(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1));
	char *before = rft_snapshot(f);
	RFT_RC(rf_payout_run(NULL, f->store, "nope", "x", 0), RF_ENOTFOUND);
	RFT_RC(rf_payout_run(NULL, f->store, "p", "", 0), RF_EINVALID);
	RFT_RC(rf_payout_run(NULL, f->store, "p", "x", -1), RF_EINVALID);
	RFT_RC(rf_reward_settle(NULL, f->store, "p", -5), RF_EINVALID);
	RFT_RC(rf_reward_list_get(NULL, f->store, "p", NULL, NULL), RF_EINVALID);
	rf_reward_list *l = NULL;
	RFT_RC(rf_reward_list_get(&l, f->store, "p", "nobody", NULL), RF_ENOTFOUND);
	RFT_RC(rf_reward_list_get(&l, f->store, "p", NULL, "no-order"), RF_ENOTFOUND);
	assert_null(l);
	rf_balance_list *b = NULL;
	RFT_RC(rf_reward_balances(&b, f->store, "nope", NULL), RF_ENOTFOUND);
	RFT_RC(rf_reward_check(NULL), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).pending, 1000);
}

int reward_ledger_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_sided_settle_and_payout, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_recipients_in_name_order, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_refund_before_and_after_payout, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_debt_larger_than_approved, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_minimum_payout, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_approve_at_once, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_retried_conversion_books_once, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_unattributed_and_unconfigured, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_changes_nothing, rw_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("reward_ledger", tests, NULL, NULL);
}
