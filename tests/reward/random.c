/* Randomized: thousands of conversions, refunds (and retries),
 * settlements and payouts (and retries) under an injected clock; the
 * ledger's invariants are checked after every step, retries must leave
 * every balance as it was, and the balances must always equal what the
 * rewards granted less what was clawed back. */
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint64_t next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int64_t below(int64_t n)
{
	return (int64_t)(next() % (uint64_t)n);
}

/* Every balance as one text, to compare before and after a retry. */
static char *balances_text(rft_fixture *f)
{
	rf_balance_list *l = NULL;
	RFT_OK(rf_reward_balances(&l, f->store, "p", NULL));
	size_t size = 64 + l->count * 160, used = 0;
	char *out = malloc(size);
	out[0] = '\0';
	for (size_t i = 0; i < l->count; i++) {
		const rf_balance *b = l->items[i];
		used += (size_t)snprintf(out + used, size - used, "%s/%d/%s %lld %lld %lld %lld %lld\n",
					 b->recipient, b->kind, b->unit, (long long)b->held,
					 (long long)b->pending, (long long)b->approved,
					 (long long)b->paid, (long long)b->owed);
	}
	rf_balance_list_free(l);
	return out;
}

/* Balances equal what rewards granted less what was clawed, per holder. */
static void check_conservation(rft_fixture *f)
{
	rf_balance_list *bl = NULL;
	rf_reward_list *rl = rw_list(f, NULL, NULL);
	RFT_OK(rf_reward_balances(&bl, f->store, "p", NULL));
	for (size_t i = 0; i < bl->count; i++) {
		const rf_balance *b = bl->items[i];
		int64_t net = 0;
		for (size_t k = 0; k < rl->count; k++) {
			const rf_reward *r = rl->items[k];
			if (strcmp(r->recipient, b->recipient) == 0 && r->kind == b->kind &&
			    strcmp(r->unit, b->unit) == 0)
				net += r->amount - r->clawed;
		}
		assert_int_equal(b->held + b->pending + b->approved + b->paid - b->owed, net);
		assert_true(b->held >= 0 && b->pending >= 0 && b->approved >= 0 && b->paid >= 0 &&
			    b->owed >= 0);
	}
	rf_balance_list_free(bl);
	rf_reward_list_free(rl);
}

static void test_random_ledger(void **state)
{
	rft_fixture *f = *state;
	const char *env = getenv("RF_REWARD_STEPS");
	int steps = env ? atoi(env) : 1500;
	rng_state = 0x9E3779B97F4A7C15u;
	rf_reward_policy pol = RF_REWARD_POLICY_INIT;
	pol.holding_ms = 7 * DAY;
	pol.min_payout_minor = 1000;
	pol.day_amount = 20000;
	RFT_OK(rf_reward_policy_set(NULL, f->store, "p", &pol));
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 1000;
	rw_rule(f, &r);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.side = RF_SIDE_REFEREE;
	r.kind = RF_REWARD_CREDIT;
	r.amount = 500;
	rw_rule(f, &r);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.event = RF_ON_MILESTONE;
	r.nth = 10;
	r.amount = 2500;
	r.approve_at_once = 1;
	rw_rule(f, &r);
	r = (rf_reward_rule)RF_REWARD_RULE_INIT;
	r.kind = RF_REWARD_POINTS;
	r.amount = 10;
	rw_rule(f, &r);

	int64_t now = RFT_T0;
	int orders = 0, refunds = 0, payouts = 0;
	int64_t left[4096];
	for (int step = 0; step < steps; step++) {
		now += below(6 * HOUR);
		int64_t op = below(100);
		char order[32], id[32], *before = NULL;
		if (op < 55 || orders == 0) {
			snprintf(order, sizeof(order), "o%d", orders);
			char visitor[32];
			snprintf(visitor, sizeof(visitor), "v%lld", (long long)below(orders + 1));
			int64_t value = below(100000);
			RFT_OK(rw_convert(f, below(2) ? "ann" : "bob", visitor, order,
					  RF_CONVERSION_PURCHASE, value, "EUR", now));
			if (orders < 4096)
				left[orders] = value;
			orders++;
		} else if (op < 75) {
			int k = (int)below(orders < 4096 ? orders : 4096);
			if (left[k] == 0)
				continue;
			snprintf(order, sizeof(order), "o%d", k);
			snprintf(id, sizeof(id), "r%d", refunds++);
			int64_t amount = below(3) ? 1 + below(left[k]) : left[k];
			RFT_OK(rw_refund(f, order, id, amount, now));
			left[k] -= amount;
			before = balances_text(f);
			RFT_RC(rw_refund(f, order, id, amount, now + 1), RF_DUPLICATE);
		} else if (op < 85) {
			RFT_OK(rf_reward_settle(NULL, f->store, "p", now));
			before = balances_text(f);
			RFT_OK(rf_reward_settle(NULL, f->store, "p", now));
		} else {
			snprintf(id, sizeof(id), "pay%d", payouts++);
			RFT_OK(rf_payout_run(NULL, f->store, "p", id, now));
			before = balances_text(f);
			RFT_RC(rf_payout_run(NULL, f->store, "p", id, now + DAY), RF_DUPLICATE);
		}
		if (before) {
			char *after = balances_text(f);
			assert_string_equal(before, after);
			free(after);
			free(before);
		}
		RFT_OK(rf_reward_check(f->store));
		if (step % 250 == 249)
			check_conservation(f);
	}
	check_conservation(f);
	RFT_OK(rf_store_check(f->store));
}

int reward_random_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_random_ledger, rw_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("reward_random", tests, NULL, NULL);
}
