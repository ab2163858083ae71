/*
 * test_reward_verdict: the fraud verdict decides what a conversion's
 * rewards become (approve: pending; review: held until a reviewer decides;
 * reject: recorded, no money). The verdict is given to the reward hook
 * directly, as events.c does after the fraud check.
 */
#include "suite.h"

#include "api/events.h"

#include <string.h>

#define T1 (RFT_T0 + HOUR)

static int verdict_setup(void **state)
{
	if (rw_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	/* Recorded before any rule: the hooks below book its rewards. */
	assert_int_equal(rw_convert(f, "ann", "v1", "o1", RF_CONVERSION_PURCHASE, 10000, "EUR", T1),
			 RF_OK);
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 1000;
	rw_rule(f, &r);
	return 0;
}

/* Run the reward hook for order o1 under a verdict, in one transaction. */
static void judge(rft_fixture *f, int32_t decision, int32_t risk)
{
	rf_store *s = f->store;
	RFT_OK(rfs_begin(s));
	rfs_program p;
	rfs_conversion c;
	int64_t visitor = 0;
	int rc = rfs_program_by_key(s, "p", &p);
	if (rc == RF_OK)
		rc = rfs_conversion_by_order(s, p.id, "o1", &c);
	if (rc == RF_OK)
		rc = rfs_visitor_intern(s, "v1", 0, &visitor);
	/* The credit rows, as attribution hands them to the hooks. */
	rfs_stored_credit *stored = NULL;
	size_t n = 0;
	if (rc == RF_OK)
		rc = rfs_stored_credits(s, c.id, &stored, &n);
	rf__credit credits[8];
	assert_true(n <= 8);
	for (size_t i = 0; i < n; i++)
		credits[i] = (rf__credit){ stored[i].advocate_id, 0, 0, stored[i].weight,
					   stored[i].value_minor };
	free(stored);
	rf__conversion_event ev;
	memset(&ev, 0, sizeof(ev));
	ev.program = &p;
	ev.conversion = &c;
	ev.visitor_id = visitor;
	ev.credits = credits;
	ev.credit_count = n;
	rf__verdict v = { decision, risk };
	if (rc == RF_OK)
		rc = rf__rewards_on_conversion(s, &ev, &v);
	RFT_OK(rfs_end(s, rc));
}

static void review(rft_fixture *f, int approved, int64_t at)
{
	rf_store *s = f->store;
	rfs_program p;
	rfs_conversion c;
	RFT_OK(rfs_begin(s));
	int rc = rfs_program_by_key(s, "p", &p);
	if (rc == RF_OK)
		rc = rfs_conversion_by_order(s, p.id, "o1", &c);
	if (rc == RF_OK)
		rc = rf__rewards_on_review(s, c.id, approved, at);
	RFT_OK(rfs_end(s, rc));
}

static const rf_reward *only(rf_reward_list *l)
{
	assert_int_equal(l->count, 1);
	return l->items[0];
}

static void test_review_then_approve(void **state)
{
	rft_fixture *f = *state;
	judge(f, RF__VERDICT_REVIEW, 45);
	rf_reward_list *l = rw_list(f, "ann", NULL);
	assert_int_equal(only(l)->state, RF_REWARD_HELD);
	rf_reward_list_free(l);
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).held, 1000);
	/* Held money is neither matured nor paid. */
	RFT_OK(rf_reward_settle(NULL, f->store, "p", T1 + 90 * DAY));
	rf_payout *p = NULL;
	RFT_OK(rf_payout_run(&p, f->store, "p", "pay-1", T1 + 90 * DAY));
	assert_int_equal(p->count, 0);
	rf_payout_free(p);
	review(f, 1, T1 + 2 * DAY);
	review(f, 1, T1 + 3 * DAY); /* again: nothing held any more */
	l = rw_list(f, "ann", NULL);
	assert_int_equal(only(l)->state, RF_REWARD_PENDING);
	assert_int_equal(only(l)->due_at_ms, T1 + 2 * DAY + RF_REWARD_HOLDING_DEFAULT_MS);
	rf_reward_list_free(l);
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.held, 0);
	assert_int_equal(b.pending, 1000);
	size_t n = 0;
	RFT_OK(rf_reward_settle(&n, f->store, "p", T1 + 2 * DAY + RF_REWARD_HOLDING_DEFAULT_MS));
	assert_int_equal(n, 1);
}

static void test_review_then_reject(void **state)
{
	rft_fixture *f = *state;
	judge(f, RF__VERDICT_REVIEW, 60);
	review(f, 0, T1 + DAY);
	rf_reward_list *l = rw_list(f, "ann", NULL);
	assert_int_equal(only(l)->state, RF_REWARD_VOIDED);
	assert_int_equal(only(l)->clawed, 1000);
	rf_reward_list_free(l);
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.held + b.pending + b.approved + b.paid + b.owed, 0);
	/* A refund later finds nothing to claw back. */
	RFT_OK(rw_refund(f, "o1", "r1", 0, T1 + 2 * DAY));
	l = rw_list(f, "ann", NULL);
	assert_int_equal(only(l)->clawed, 1000);
	rf_reward_list_free(l);
}

static void test_refund_while_held(void **state)
{
	rft_fixture *f = *state;
	judge(f, RF__VERDICT_REVIEW, 40);
	RFT_OK(rw_refund(f, "o1", "r1", 4000, T1 + DAY));
	assert_int_equal(rw_balance(f, "ann", "EUR", RF_REWARD_CASH).held, 600);
	review(f, 1, T1 + 2 * DAY);
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.held, 0);
	assert_int_equal(b.pending, 600);
}

static void test_reject_books_no_money(void **state)
{
	rft_fixture *f = *state;
	judge(f, RF__VERDICT_REJECT, 85);
	rf_reward_list *l = rw_list(f, "ann", NULL);
	const rf_reward *r = only(l);
	assert_int_equal(r->state, RF_REWARD_REJECTED);
	assert_int_equal(r->requested, 1000);
	assert_int_equal(r->amount, 0);
	assert_non_null(strstr(r->note, "risk 85"));
	rf_reward_list_free(l);
	rf_balance_list *bl = NULL;
	RFT_OK(rf_reward_balances(&bl, f->store, "p", NULL));
	assert_int_equal(bl->count, 0);
	rf_balance_list_free(bl);
	review(f, 1, T1 + DAY); /* nothing held: nothing happens */
	RFT_OK(rf_reward_check(f->store));
}

static void test_review_approves_at_once_by_rule(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.amount = 50;
	r.approve_at_once = 1;
	rw_rule(f, &r);
	judge(f, RF__VERDICT_REVIEW, 30);
	review(f, 1, T1 + DAY);
	rf_balance b = rw_balance(f, "ann", "EUR", RF_REWARD_CASH);
	assert_int_equal(b.approved, 50);
	assert_int_equal(b.pending, 1000);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_review_then_approve, verdict_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_review_then_reject, verdict_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_refund_while_held, verdict_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_reject_books_no_money, verdict_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_review_approves_at_once_by_rule, verdict_setup,
						rft_teardown),
	};
	return cmocka_run_group_tests_name("reward_verdict", tests, NULL, NULL);
}
