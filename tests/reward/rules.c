/* Rule kinds, tiers, milestones, recurring rewards, conditions, non-cash
 * kinds, caps and the budget, versioned configuration. */
#include "suite.h"

#include <stdio.h>
#include <string.h>

#define T1 (RFT_T0 + HOUR)

/* Amounts of the program's rewards for one advocate, in id order. */
static size_t amounts(rft_fixture *f, const char *advocate, int64_t *out, size_t max)
{
	rf_reward_list *l = rw_list(f, advocate, NULL);
	size_t n = l->count < max ? l->count : max;
	for (size_t i = 0; i < n; i++)
		out[i] = l->items[i]->amount;
	size_t count = l->count;
	rf_reward_list_free(l);
	return count;
}

static int convert_n(rft_fixture *f, const char *advocate, int i, int32_t kind, int64_t value,
		     int64_t at)
{
	char visitor[32], order[32];
	snprintf(visitor, sizeof(visitor), "v-%s-%d", advocate, i);
	snprintf(order, sizeof(order), "o-%s-%d", advocate, i);
	return rw_convert(f, advocate, visitor, order, kind, value, "EUR", at);
}

static void test_tiers(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 1000;
	r.min_referrals = 1;
	r.max_referrals = 5;
	rw_rule(f, &r);
	r.amount = 1500;
	r.min_referrals = 6;
	r.max_referrals = 0;
	rw_rule(f, &r);
	for (int i = 0; i < 7; i++)
		RFT_OK(convert_n(f, "ann", i, RF_CONVERSION_PURCHASE, 1000, T1 + i * HOUR));
	int64_t a[8];
	assert_int_equal(amounts(f, "ann", a, 8), 7);
	for (int i = 0; i < 5; i++)
		assert_int_equal(a[i], 100);
	assert_int_equal(a[5], 150);
	assert_int_equal(a[6], 150);
}

static void test_milestone_once(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.event = RF_ON_MILESTONE;
	r.nth = 3;
	r.amount = 5000;
	int64_t id = rw_rule(f, &r);
	for (int i = 0; i < 5; i++)
		RFT_OK(convert_n(f, "ann", i, RF_CONVERSION_SIGNUP, 0, T1 + i * HOUR));
	rf_reward_list *l = rw_list(f, "ann", NULL);
	assert_int_equal(l->count, 1);
	assert_string_equal(l->items[0]->order_id, "o-ann-2");
	assert_int_equal(l->items[0]->amount, 5000);
	assert_int_equal(l->items[0]->rule_id, id);
	rf_reward_list_free(l);
	/* Bob's referrals count apart. */
	RFT_OK(convert_n(f, "bob", 0, RF_CONVERSION_SIGNUP, 0, T1));
	l = rw_list(f, "bob", NULL);
	assert_int_equal(l->count, 0);
	rf_reward_list_free(l);
}

static void test_event_kinds_and_conditions(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.event = RF_ON_SIGNUP;
	r.amount = 100;
	rw_rule(f, &r);
	r.event = RF_ON_PURCHASE;
	r.amount = 200;
	r.min_value = 1000;
	r.max_value = 5000;
	r.currency = "eur";
	rw_rule(f, &r);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.event = RF_ON_CUSTOM;
	r.amount = 300;
	rw_rule(f, &r);
	r.event = RF_ON_CONVERSION;
	r.kinds = 1 << RF_CONVERSION_SIGNUP | 1 << RF_CONVERSION_CUSTOM;
	r.amount = 7;
	rw_rule(f, &r);
	RFT_OK(convert_n(f, "ann", 0, RF_CONVERSION_SIGNUP, 0, T1));       /* 100 + 7 */
	RFT_OK(convert_n(f, "ann", 1, RF_CONVERSION_PURCHASE, 999, T1));   /* below range */
	RFT_OK(convert_n(f, "ann", 2, RF_CONVERSION_PURCHASE, 5000, T1));  /* 200 */
	RFT_OK(convert_n(f, "ann", 3, RF_CONVERSION_PURCHASE, 5001, T1));  /* above range */
	RFT_OK(convert_n(f, "ann", 4, RF_CONVERSION_CUSTOM, 10, T1));      /* 300 + 7 */
	RFT_OK(rw_convert(f, "ann", "v-usd", "o-usd", RF_CONVERSION_PURCHASE, 2000, "USD", T1));
	int64_t a[8];
	assert_int_equal(amounts(f, "ann", a, 8), 5);
	assert_int_equal(a[0], 100);
	assert_int_equal(a[1], 7);
	assert_int_equal(a[2], 200);
	assert_int_equal(a[3], 300);
	assert_int_equal(a[4], 7);
}

static void test_nth_conversion_of_the_referee(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.event = RF_ON_NTH;
	r.nth = 2;
	r.amount = 400;
	rw_rule(f, &r);
	r.side = RF_SIDE_REFEREE;
	r.amount = 40;
	rw_rule(f, &r);
	for (int i = 0; i < 3; i++) {
		char order[16];
		snprintf(order, sizeof(order), "o%d", i);
		RFT_OK(rw_convert(f, "ann", "v1", order, RF_CONVERSION_PURCHASE, 1000,
				  "EUR", T1 + i * DAY));
	}
	rf_reward_list *l = rw_list(f, NULL, NULL);
	assert_int_equal(l->count, 2);
	assert_string_equal(l->items[0]->order_id, "o1");
	assert_string_equal(l->items[0]->recipient, "ann");
	assert_int_equal(l->items[0]->amount, 400);
	assert_string_equal(l->items[1]->recipient, "v1");
	assert_int_equal(l->items[1]->amount, 40);
	rf_reward_list_free(l);
}

static void test_recurring_renewals(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.event = RF_ON_RENEWAL;
	r.months = 3;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 2000;
	rw_rule(f, &r);
	RFT_OK(rw_convert(f, "ann", "v1", "buy", RF_CONVERSION_PURCHASE, 1000, "EUR", T1));
	/* Renewals follow the purchase's credit; 3 months after it they stop. */
	static const int64_t days[] = { 31, 59, 89, 91, 120 };
	for (int i = 0; i < 5; i++) {
		char order[16];
		snprintf(order, sizeof(order), "renew%d", i);
		RFT_OK(rw_convert(f, NULL, "v1", order, RF_CONVERSION_RENEWAL, 1000, "EUR",
				  T1 + days[i] * DAY));
	}
	int64_t a[8];
	/* 2026-01-01 + 3 months = 2026-04-01: days 31, 59 and 89 are inside. */
	assert_int_equal(amounts(f, "ann", a, 8), 3);
	assert_int_equal(a[0], 200);
	assert_int_equal(a[2], 200);
}

static void test_points_credit_and_coupons(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.kind = RF_REWARD_POINTS;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 10000; /* one point per minor unit */
	rw_rule(f, &r);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.side = RF_SIDE_REFEREE;
	r.kind = RF_REWARD_COUPON;
	r.code_bank = "welcome";
	rw_rule(f, &r);
	const char *codes[] = { "WELCOME-1", "WELCOME-2", "WELCOME-1" };
	size_t added = 0;
	RFT_OK(rf_reward_codes_load(&added, f->store, "p", "welcome", codes, 2));
	assert_int_equal(added, 2);
	RFT_OK(rf_reward_codes_load(&added, f->store, "p", "welcome", codes, 3));
	assert_int_equal(added, 0);
	for (int i = 0; i < 3; i++)
		RFT_OK(convert_n(f, "ann", i, RF_CONVERSION_PURCHASE, 1234, T1 + i));
	rf_reward_list *l = rw_list(f, NULL, NULL);
	assert_int_equal(l->count, 6);
	assert_string_equal(l->items[0]->unit, "PTS");
	assert_int_equal(l->items[0]->amount, 1234);
	assert_string_equal(l->items[1]->unit, "CPN");
	assert_string_equal(l->items[1]->coupon, "WELCOME-1");
	assert_string_equal(l->items[3]->coupon, "WELCOME-2");
	assert_int_equal(l->items[5]->state, RF_REWARD_SKIPPED);
	assert_int_equal(l->items[5]->amount, 0);
	assert_non_null(strstr(l->items[5]->note, "empty"));
	rf_reward_list_free(l);
	assert_int_equal(rw_balance(f, "ann", "PTS", RF_REWARD_POINTS).pending, 3 * 1234);
}

static void test_caps_inside_one_conversion(void **state)
{
	rft_fixture *f = *state;
	rf_reward_policy pol = RF_REWARD_POLICY_INIT;
	pol.day_amount = 500;
	pol.week_count = 3;
	RFT_OK(rf_reward_policy_set(NULL, f->store, "p", &pol));
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.amount = 300;
	rw_rule(f, &r);
	r.event = RF_ON_MILESTONE;
	r.nth = 1;
	rw_rule(f, &r); /* a bonus on the first referral: the same conversion */
	RFT_OK(convert_n(f, "ann", 0, RF_CONVERSION_PURCHASE, 1000, T1));
	rf_reward_list *l = rw_list(f, "ann", NULL);
	assert_int_equal(l->count, 2);
	assert_int_equal(l->items[0]->amount, 300);
	assert_int_equal(l->items[1]->requested, 300);
	assert_int_equal(l->items[1]->amount, 200);
	assert_non_null(strstr(l->items[1]->note, "daily amount cap 500"));
	rf_reward_list_free(l);
	/* Same day: nothing left. Next day: the weekly count cap (3) allows one. */
	RFT_OK(convert_n(f, "ann", 1, RF_CONVERSION_PURCHASE, 1000, T1 + HOUR));
	RFT_OK(convert_n(f, "ann", 2, RF_CONVERSION_PURCHASE, 1000, T1 + DAY));
	RFT_OK(convert_n(f, "ann", 3, RF_CONVERSION_PURCHASE, 1000, T1 + DAY + HOUR));
	l = rw_list(f, "ann", NULL);
	assert_int_equal(l->count, 5);
	assert_int_equal(l->items[2]->state, RF_REWARD_SKIPPED);
	assert_int_equal(l->items[3]->amount, 300);
	assert_int_equal(l->items[4]->state, RF_REWARD_SKIPPED);
	assert_non_null(strstr(l->items[4]->note, "weekly count cap 3"));
	rf_reward_list_free(l);
	/* Bob has caps of his own (base 300 and bonus cut to 200). */
	RFT_OK(convert_n(f, "bob", 0, RF_CONVERSION_PURCHASE, 1000, T1 + DAY));
	assert_int_equal(rw_balance(f, "bob", "EUR", RF_REWARD_CASH).pending, 500);
}

static void test_budget_and_all_time_caps(void **state)
{
	rft_fixture *f = *state;
	rf_reward_policy pol = RF_REWARD_POLICY_INIT;
	pol.budget_minor = 1000;
	pol.budget_currency = "EUR";
	pol.total_amount = 700;
	RFT_OK(rf_reward_policy_set(NULL, f->store, "p", &pol));
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.amount = 400;
	rw_rule(f, &r);
	for (int i = 0; i < 2; i++)
		RFT_OK(convert_n(f, "ann", i, RF_CONVERSION_PURCHASE, 10, T1 + i * DAY * 40));
	for (int i = 0; i < 2; i++)
		RFT_OK(convert_n(f, "bob", i, RF_CONVERSION_PURCHASE, 10, T1 + i * DAY * 40));
	int64_t a[4];
	amounts(f, "ann", a, 4);
	assert_int_equal(a[0], 400);
	assert_int_equal(a[1], 300); /* all-time cap 700 */
	amounts(f, "bob", a, 4);
	assert_int_equal(a[0], 300); /* the budget: 1000 - 700 */
	assert_int_equal(a[1], 0);
	/* Other currencies are not in the budget. */
	RFT_OK(rw_convert(f, "bob", "v-usd", "o-usd", RF_CONVERSION_PURCHASE, 10, "USD", T1));
	assert_int_equal(rw_balance(f, "bob", "USD", RF_REWARD_CASH).pending, 400);
}

/* Caps and the budget count what is left of rewards after refunds' clawbacks:
 * a refund frees room for later rewards. */
static void test_caps_net_of_clawbacks(void **state)
{
	rft_fixture *f = *state;
	rf_reward_policy pol = RF_REWARD_POLICY_INIT;
	pol.day_amount = 1000;
	pol.budget_minor = 2000;
	pol.budget_currency = "EUR";
	RFT_OK(rf_reward_policy_set(NULL, f->store, "p", &pol));
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 1000; /* 10 % */
	rw_rule(f, &r);
	/* The daily cap: reached, 40 % refunded, 400 free again that day. */
	RFT_OK(convert_n(f, "ann", 0, RF_CONVERSION_PURCHASE, 10000, T1));
	RFT_OK(convert_n(f, "ann", 1, RF_CONVERSION_PURCHASE, 10000, T1 + HOUR));
	RFT_OK(rw_refund(f, "o-ann-0", "r0", 4000, T1 + 2 * HOUR));
	RFT_OK(convert_n(f, "ann", 2, RF_CONVERSION_PURCHASE, 10000, T1 + 3 * HOUR));
	int64_t a[8];
	assert_int_equal(amounts(f, "ann", a, 8), 3);
	assert_int_equal(a[0], 1000);
	assert_int_equal(a[1], 0);
	assert_int_equal(a[2], 400);
	/* The budget: 1000 of 2000 used net (1400 granted, 400 clawed); bob
	 * takes the rest, a quarter of it is refunded, 250 are free again. */
	RFT_OK(convert_n(f, "bob", 0, RF_CONVERSION_PURCHASE, 10000, T1 + DAY));
	RFT_OK(convert_n(f, "bob", 1, RF_CONVERSION_PURCHASE, 10000, T1 + 2 * DAY));
	RFT_OK(rw_refund(f, "o-bob-0", "r1", 2500, T1 + 2 * DAY + HOUR));
	RFT_OK(convert_n(f, "ann", 3, RF_CONVERSION_PURCHASE, 10000, T1 + 3 * DAY));
	assert_int_equal(amounts(f, "bob", a, 8), 2);
	assert_int_equal(a[0], 1000);
	assert_int_equal(a[1], 0);
	assert_int_equal(amounts(f, "ann", a, 8), 4);
	assert_int_equal(a[3], 250);
	rf_reward_list *l = rw_list(f, "ann", "o-ann-3");
	assert_non_null(strstr(l->items[0]->note, "budget"));
	rf_reward_list_free(l);
	RFT_OK(rf_reward_check(f->store));
}

/* A conversion of ann's, with the customer's email and the host's mark. */
static int convert_as(rft_fixture *f, int i, const char *email, int32_t existing, int64_t at)
{
	char visitor[32], order[32];
	snprintf(visitor, sizeof(visitor), "v-ann-%d", i);
	snprintf(order, sizeof(order), "o-ann-%d", i);
	RFT_OK(rft_click(f, rw_code("ann"), visitor, at - HOUR, NULL));
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = "p";
	s.visitor_id = visitor;
	s.order_id = order;
	s.value_minor = 1000;
	s.currency = "EUR";
	s.at_ms = at;
	s.email = email;
	s.existing_customer = existing;
	return rf_conversion_record(NULL, f->store, &s);
}

/* Amounts of one order's rewards, in id order. */
static size_t order_amounts(rft_fixture *f, const char *order, int64_t *out, size_t max)
{
	rf_reward_list *l = rw_list(f, NULL, order);
	size_t n = l->count < max ? l->count : max;
	for (size_t i = 0; i < n; i++)
		out[i] = l->items[i]->amount;
	size_t count = l->count;
	rf_reward_list_free(l);
	return count;
}

/* Tiers and milestones count referrals that stand: one held then rejected
 * by a reviewer, or rejected outright, counts no more; one held then
 * approved does. */
static void test_rejected_referrals_do_not_count(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.amount = 100;
	r.min_referrals = 1;
	r.max_referrals = 1;
	rw_rule(f, &r);
	r.amount = 200;
	r.min_referrals = 2;
	r.max_referrals = 0;
	rw_rule(f, &r);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.event = RF_ON_MILESTONE;
	r.nth = 2;
	r.amount = 5000;
	rw_rule(f, &r);
	const char *disposable = "x@mailinator.com"; /* weight 30: held for review */
	RFT_OK(convert_as(f, 0, disposable, 0, T1));
	RFT_OK(rf_fraud_review(NULL, f->store, "p", "o-ann-0", 0, "rita", "fake signup"));
	RFT_OK(convert_as(f, 1, NULL, 1, T1 + HOUR)); /* existing customer: rejected */
	int64_t a[4];
	assert_int_equal(order_amounts(f, "o-ann-1", a, 4), 1);
	assert_int_equal(a[0], 0);
	/* The first referral that stands is the first: tier 1, no milestone. */
	RFT_OK(convert_as(f, 2, NULL, 0, T1 + 2 * HOUR));
	assert_int_equal(order_amounts(f, "o-ann-2", a, 4), 1);
	assert_int_equal(a[0], 100);
	/* Held, then approved: the second. */
	RFT_OK(convert_as(f, 3, disposable, 0, T1 + 3 * HOUR));
	RFT_OK(rf_fraud_review(NULL, f->store, "p", "o-ann-3", 1, "rita", "a real friend"));
	assert_int_equal(order_amounts(f, "o-ann-3", a, 4), 2);
	assert_int_equal(a[0], 200);
	assert_int_equal(a[1], 5000);
	RFT_OK(convert_as(f, 4, NULL, 0, T1 + 4 * HOUR));
	assert_int_equal(order_amounts(f, "o-ann-4", a, 4), 1);
	assert_int_equal(a[0], 200);
	RFT_OK(rf_reward_check(f->store));
}

static void test_configuration_versions(void **state)
{
	rft_fixture *f = *state;
	rf_reward_config *c = NULL;
	RFT_OK(rf_reward_config_get(&c, f->store, "p"));
	assert_int_equal(c->version, 0);
	assert_int_equal(c->rule_count, 0);
	assert_int_equal(c->policy->holding_ms, RF_REWARD_HOLDING_DEFAULT_MS);
	rf_reward_config_free(c);
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.amount = 100;
	r.label = "base";
	int64_t first = rw_rule(f, &r);
	RFT_OK(convert_n(f, "ann", 0, RF_CONVERSION_PURCHASE, 10, T1));
	r.amount = 200;
	int64_t second = rw_rule(f, &r);
	RFT_OK(rf_reward_rule_remove(f->store, "p", first));
	RFT_RC(rf_reward_rule_remove(f->store, "p", first), RF_ENOTFOUND);
	RFT_OK(convert_n(f, "ann", 1, RF_CONVERSION_PURCHASE, 10, T1 + 1));
	RFT_OK(rf_reward_config_get(&c, f->store, "p"));
	assert_int_equal(c->version, 3);
	assert_int_equal(c->rule_count, 1);
	assert_int_equal(c->rules[0]->id, second);
	assert_string_equal(c->rules[0]->label, "base");
	rf_reward_config_free(c);
	rf_reward_list *l = rw_list(f, "ann", NULL);
	assert_int_equal(l->items[0]->config_version, 1);
	assert_int_equal(l->items[0]->amount, 100);
	assert_int_equal(l->items[1]->config_version, 3);
	assert_int_equal(l->items[1]->amount, 200);
	rf_reward_list_free(l);
}

static void test_bad_rules_change_nothing(void **state)
{
	rft_fixture *f = *state;
	char *before = rft_snapshot(f);
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.side = 3;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 10001;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.kind = RF_REWARD_COUPON;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.event = RF_ON_MILESTONE;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID); /* nth 0 */
	r.nth = 2;
	r.side = RF_SIDE_REFEREE;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.currency = "EURO";
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.min_referrals = 5;
	r.max_referrals = 2;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", &r), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.version = 9;
	RFT_BAD_VERSION(rf_reward_rule_add(NULL, f->store, "p", &r));
	RFT_RC(rf_reward_rule_add(NULL, f->store, "p", NULL), RF_EINVALID);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	RFT_RC(rf_reward_rule_add(NULL, f->store, "nope", &r), RF_ENOTFOUND);
	rf_reward_policy pol = RF_REWARD_POLICY_INIT;
	pol.budget_minor = 10;
	RFT_RC(rf_reward_policy_set(NULL, f->store, "p", &pol), RF_EINVALID); /* no currency */
	pol = (rf_reward_policy)RF_REWARD_POLICY_INIT;
	pol.day_count = -1;
	RFT_RC(rf_reward_policy_set(NULL, f->store, "p", &pol), RF_EINVALID);
	const char *codes[] = { "A", NULL };
	RFT_RC(rf_reward_codes_load(NULL, f->store, "p", "bank", codes, 2), RF_EINVALID);
	RFT_RC(rf_reward_codes_load(NULL, f->store, "p", "", codes, 1), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	rf_reward_config *c = NULL;
	RFT_OK(rf_reward_config_get(&c, f->store, "p"));
	assert_int_equal(c->version, 0);
	rf_reward_config_free(c);
}

int reward_rules_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tiers, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_milestone_once, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_event_kinds_and_conditions, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_nth_conversion_of_the_referee, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_recurring_renewals, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_points_credit_and_coupons, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_caps_inside_one_conversion, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_budget_and_all_time_caps, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_caps_net_of_clawbacks, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_rejected_referrals_do_not_count, rw_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_configuration_versions, rw_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_rules_change_nothing, rw_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("reward_rules", tests, NULL, NULL);
}
