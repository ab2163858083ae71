/* The demo's reward program: how a host configures rewards, then settles
 * and pays them at the end of the campaign. */
#include "demo.h"

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
