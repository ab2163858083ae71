/* The demo's reward program: how a host configures rewards, then settles
 * and pays them at the end of the campaign. */
#include "demo.h"

#include <stdio.h>

#define DEMO_SUSPECTS 4

/* Referrers earn 10 % of the value credited to them and a 50 EUR bonus at
 * their 10th referral; a referee gets 5 EUR of store credit on its first order. */
int demo_rewards_setup(const cli *c, rf_store *store)
{
	rf_reward_rule share = RF_REWARD_RULE_INIT, bonus = RF_REWARD_RULE_INIT,
		       welcome = RF_REWARD_RULE_INIT;
	share.event = RF_ON_PURCHASE;
	share.basis = RF_AMOUNT_PERCENT;
	share.amount = 1000;
	share.currency = "EUR";
	share.label = "10 % of credited value";
	bonus.event = RF_ON_MILESTONE;
	bonus.nth = 10;
	bonus.amount = 5000;
	bonus.currency = "EUR";
	bonus.label = "bonus at 10 referrals";
	welcome.side = RF_SIDE_REFEREE;
	welcome.event = RF_ON_NTH;
	welcome.nth = 1;
	welcome.kind = RF_REWARD_CREDIT;
	welcome.amount = 500;
	welcome.currency = "EUR";
	welcome.label = "welcome credit";
	if (rf_reward_rule_add(NULL, store, DEMO_PROGRAM, &share) < 0 ||
	    rf_reward_rule_add(NULL, store, DEMO_PROGRAM, &bonus) < 0 ||
	    rf_reward_rule_add(NULL, store, DEMO_PROGRAM, &welcome) < 0)
		return cli_fail(c);
	return CLI_EXIT_OK;
}

/* At the end: approve what waited out its holding period and pay it. */
int demo_rewards_payout(const cli *c, rf_store *store)
{
	rf_payout *p = NULL;
	int rc = rf_payout_run(&p, store, DEMO_PROGRAM, "demo-payout-1", 0);
	rf_payout_free(p);
	return rc < 0 ? cli_fail(c) : CLI_EXIT_OK;
}

/* Cookie stuffing staged at the end of the campaign: visitors with
 * throwaway email addresses buy two seconds after clicking the first
 * advocate's code (visitors of the simulation, so the visitor count
 * stays as asked). The fraud check holds them for review, with their
 * rewards, so the dashboard has a queue to show. */
int demo_rewards_suspects(const cli *c, rf_store *store, demo_clock *clock, const demo_world *w)
{
	if (w->code_count == 0)
		return CLI_EXIT_OK;
	for (int i = 0; i < DEMO_SUSPECTS; i++) {
		char visitor[24], order[24], email[40];
		demo_visitor_id(visitor, (uint32_t)(i % w->cfg.visitors));
		snprintf(order, sizeof order, "suspect-order-%d", i + 1);
		snprintf(email, sizeof email, "buyer%d@mailinator.com", i + 1);
		rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
		t.code = w->codes[0].code;
		t.visitor_id = visitor;
		t.at_ms = clock->now_ms + i * 60000;
		rf_conversion_spec in = RF_CONVERSION_SPEC_INIT;
		in.program = DEMO_PROGRAM;
		in.visitor_id = visitor;
		in.order_id = order;
		in.value_minor = 4990;
		in.currency = DEMO_CURRENCY;
		in.at_ms = t.at_ms + 2000;
		in.email = email;
		if (rf_touchpoint_record(NULL, store, &t) < 0 || rf_conversion_record(NULL, store, &in) < 0)
			return cli_fail(c);
	}
	clock->now_ms += DEMO_SUSPECTS * 60000 + 2000;
	return CLI_EXIT_OK;
}
