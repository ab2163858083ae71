/* Rewards: referral rewards PROGRAM, referral payout PROGRAM [PAYOUT_ID],
 * referral reward rules|rule-add|rule-remove|policy|settle|codes. */
#include "args.h"
#include "commands.h"
#include "money.h"
#include "render.h"
#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_rewards(cli *c, int argc, char **argv)
{
	const char *advocate = NULL, *order = NULL;
	const arg_opt opts[] = {
		{ "advocate", "ID", &advocate, NULL, "only this advocate's rewards and balances" },
		{ "order", "ORDER_ID", &order, NULL, "only this conversion's rewards" },
	};
	const arg_spec spec = {
		"rewards", "PROGRAM [--advocate ID] [--order ORDER_ID]",
		"A program's rewards (state, amount, what refunds clawed back, and why) and\n"
		"its holders' balances from the ledger: held (fraud review), pending (holding\n"
		"period), approved (payable), paid, and owed (clawed back after payment).",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_reward_list *list = NULL;
	rf_balance_list *balances = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_reward_list_get(&list, store, a.pos[0], advocate, order) < 0 ||
	    rf_reward_balances(&balances, store, a.pos[0], advocate) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", a.pos[0]);
		jw_kstr(&w, "advocate", advocate);
		jw_key(&w, "rewards");
		render_rewards_json(&w, list);
		jw_key(&w, "balances");
		render_balances_json(&w, balances);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		if (list->count)
			render_rewards_table(list);
		else
			printf("no rewards\n");
		if (balances->count) {
			printf("\nbalances:\n");
			render_balances_table(balances);
		}
	}
	rf_balance_list_free(balances);
	rf_reward_list_free(list);
	rf_store_free(store);
	return rc;
}

int cmd_payout(cli *c, int argc, char **argv)
{
	const char *at = NULL;
	const arg_opt opts[] = {
		{ "at", "TIME", &at, NULL, "pay as of TIME (default: now)" },
	};
	const arg_spec spec = {
		"payout", "PROGRAM [PAYOUT_ID] [--at TIME]",
		"Approve what finished its holding period, then pay every holder whose\n"
		"approved rewards, less what it owes, reach the minimum payout. PAYOUT_ID\n"
		"(default: the day, YYYY-MM-DD) makes it idempotent: the same id again pays\n"
		"nothing more and shows the batch it paid.",
		opts, ARGS_COUNT(opts), 1, 2
	};
	int64_t at_ms = 0;
	char day[TIME_BUFSIZE];
	rf_payout *p = NULL;
	rf_store *store;
	arg_result a;
	int rc, status;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--at", at, &at_ms))
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (a.count < 2) {
		int64_t now = at_ms;
		if (!now)
			rf_store_now(&now, store);
		time_format(day, now);
		day[10] = '\0';
	}
	status = rf_payout_run(&p, store, a.pos[0], a.count > 1 ? a.pos[1] : day, at_ms);
	if (status < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_init(&w, stdout);
		render_payout_json(&w, p);
		jw_finish(&w);
	} else if (!c->quiet) {
		printf("payout %s%s: %zu line%s\n", p->payout_id,
		       p->replayed ? " was already made; nothing more paid" : "", p->count,
		       p->count == 1 ? "" : "s");
		if (p->count)
			render_payout_table(p);
	}
	rf_payout_free(p);
	rf_store_free(store);
	return rc;
}

static void show_config(const cli *c, const rf_reward_config *cfg)
{
	const rf_reward_policy *p = cfg->policy;
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", cfg->program);
		jw_kint(&w, "version", cfg->version);
		jw_key(&w, "policy");
		jw_obj_begin(&w);
		jw_kint(&w, "holding_ms", p->holding_ms);
		jw_kint(&w, "min_payout_minor", p->min_payout_minor);
		const char *names[] = { "day_count", "day_amount", "week_count", "week_amount",
					"month_count", "month_amount", "total_count", "total_amount",
					"budget_minor" };
		const int64_t values[] = { p->day_count, p->day_amount, p->week_count,
					   p->week_amount, p->month_count, p->month_amount,
					   p->total_count, p->total_amount, p->budget_minor };
		for (size_t i = 0; i < 9; i++)
			jw_kint(&w, names[i], values[i]);
		jw_kstr_or_null(&w, "budget_currency", p->budget_currency);
		jw_obj_end(&w);
		jw_karr_begin(&w, "rules");
		for (size_t i = 0; i < cfg->rule_count; i++) {
			const rf_reward_rule *r = cfg->rules[i];
			jw_obj_begin(&w);
			jw_kint(&w, "id", r->id);
			jw_kstr(&w, "side", cli_enum_name(RF_ENUM_REWARD_SIDE, r->side));
			jw_kstr(&w, "event", cli_enum_name(RF_ENUM_REWARD_EVENT, r->event));
			jw_kstr(&w, "kind", cli_enum_name(RF_ENUM_REWARD_KIND, r->kind));
			jw_kstr(&w, "basis", cli_enum_name(RF_ENUM_REWARD_BASIS, r->basis));
			jw_kint(&w, "amount", r->amount);
			jw_kint(&w, "min_referrals", r->min_referrals);
			jw_kint(&w, "max_referrals", r->max_referrals);
			jw_kint(&w, "nth", r->nth);
			jw_kint(&w, "months", r->months);
			jw_kint(&w, "kinds", r->kinds);
			jw_kint(&w, "min_value", r->min_value);
			jw_kint(&w, "max_value", r->max_value);
			jw_kstr_or_null(&w, "currency", r->currency);
			jw_kstr_or_null(&w, "code_bank", r->code_bank);
			jw_kbool(&w, "approve_at_once", r->approve_at_once);
			jw_kstr(&w, "label", r->label);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	char held[32];
	render_duration(held, sizeof held, p->holding_ms);
	kv("program", "%s", cfg->program);
	kv("version", "%lld", (long long)cfg->version);
	kv("holding period", "%s", held);
	kv("minimum payout", "%lld", (long long)p->min_payout_minor);
	kv("caps (count/amount)", "day %lld/%lld, week %lld/%lld, month %lld/%lld, all %lld/%lld",
	   (long long)p->day_count, (long long)p->day_amount, (long long)p->week_count,
	   (long long)p->week_amount, (long long)p->month_count, (long long)p->month_amount,
	   (long long)p->total_count, (long long)p->total_amount);
	if (p->budget_minor)
		kv("budget", "%lld %s", (long long)p->budget_minor, p->budget_currency);
	if (!cfg->rule_count) {
		printf("\nno rules\n");
		return;
	}
	static const char *const head[] = { "ID", "SIDE", "EVENT", "KIND", "AMOUNT", "TIER",
					    "CONDITIONS", "LABEL" };
	table *t = table_new(8, head);
	table_align_right(t, 0);
	for (size_t i = 0; i < cfg->rule_count; i++) {
		const rf_reward_rule *r = cfg->rules[i];
		table_row(t);
		table_cell(t, "%lld", (long long)r->id);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_REWARD_SIDE, r->side));
		if (r->event == RF_ON_NTH || r->event == RF_ON_MILESTONE)
			table_cell(t, "%s %lld", cli_enum_name(RF_ENUM_REWARD_EVENT, r->event),
				   (long long)r->nth);
		else if (r->event == RF_ON_RENEWAL)
			table_cell(t, "renewal %d months", (int)r->months);
		else
			table_cell(t, "%s", cli_enum_name(RF_ENUM_REWARD_EVENT, r->event));
		table_cell(t, "%s%s%s%s", cli_enum_name(RF_ENUM_REWARD_KIND, r->kind),
			   *r->code_bank ? " (" : "", r->code_bank, *r->code_bank ? ")" : "");
		if (r->basis == RF_AMOUNT_PERCENT)
			table_cell(t, "%lld.%02lld %%", (long long)(r->amount / 100),
				   (long long)(r->amount % 100));
		else
			table_cell(t, "%lld%s", (long long)r->amount,
				   r->approve_at_once ? " (at once)" : "");
		if (!r->min_referrals && !r->max_referrals)
			table_cell(t, "any");
		else if (!r->max_referrals)
			table_cell(t, "%lld+", (long long)r->min_referrals);
		else
			table_cell(t, "%lld-%lld", (long long)r->min_referrals,
				   (long long)r->max_referrals);
		char cond[160] = "";
		size_t used = 0;
		if (r->max_value)
			used += (size_t)snprintf(cond, sizeof cond, "value %lld..%lld ",
						 (long long)r->min_value, (long long)r->max_value);
		else if (r->min_value)
			used += (size_t)snprintf(cond, sizeof cond, "value >= %lld ",
						 (long long)r->min_value);
		if (*r->currency && used < sizeof cond)
			used += (size_t)snprintf(cond + used, sizeof cond - used, "%s ", r->currency);
		for (int k = RF_CONVERSION_SIGNUP; k <= RF_CONVERSION_RENEWAL && used < sizeof cond; k++)
			if (r->kinds & (1 << k))
				used += (size_t)snprintf(cond + used, sizeof cond - used, "%s ",
							 cli_enum_name(RF_ENUM_CONVERSION_KIND, k));
		table_cell(t, "%s", used ? cond : "-");
		table_cell(t, "%s", r->label);
	}
	printf("\n");
	table_print_free(t);
}

static int show_current(cli *c, rf_store *store, const char *program)
{
	rf_reward_config *cfg = NULL;
	int rc = CLI_EXIT_OK;
	if (rf_reward_config_get(&cfg, store, program) < 0)
		rc = cli_fail(c);
	else
		show_config(c, cfg);
	rf_reward_config_free(cfg);
	return rc;
}

int cmd_reward_rules(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"reward rules", "PROGRAM",
		"A program's reward configuration: its version, policy (holding period,\n"
		"minimum payout, caps, budget) and rules.",
		NULL, 0, 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rc = show_current(c, store, a.pos[0]);
	rf_store_free(store);
	return rc;
}

/* "1,3" -> bits (1 << kind) of conversion kinds named or numbered. */
static int parse_kinds(const cli *c, const char *text, int32_t *out)
{
	char buf[128];
	*out = 0;
	if (!text)
		return 0;
	snprintf(buf, sizeof buf, "%s", text);
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int32_t kind = 0;
		if (argval_enum(c, "--kinds", tok, RF_ENUM_CONVERSION_KIND, &kind))
			return -1;
		*out |= (int32_t)(1 << kind);
	}
	return 0;
}

int cmd_reward_rule_add(cli *c, int argc, char **argv)
{
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	const char *side = NULL, *event = NULL, *kind = NULL, *percent = NULL, *fixed = NULL;
	const char *min_ref = NULL, *max_ref = NULL, *nth = NULL, *months = NULL, *kinds = NULL;
	const char *min_value = NULL, *max_value = NULL;
	int at_once = 0;
	const arg_opt opts[] = {
		{ "side", "SIDE", &side, NULL, "referrer (default) or referee" },
		{ "event", "EVENT", &event, NULL,
		  "conversion (default), signup, purchase, custom, renewal, nth, milestone" },
		{ "kind", "KIND", &kind, NULL, "cash (default), credit, points, coupon" },
		{ "amount", "N", &fixed, NULL, "a fixed amount in minor units (or points)" },
		{ "percent", "BP", &percent, NULL, "basis points of the attributed value (1000 = 10 %)" },
		{ "min-referrals", "N", &min_ref, NULL, "tier: the advocate's referrals >= N" },
		{ "max-referrals", "N", &max_ref, NULL, "tier: the advocate's referrals <= N" },
		{ "nth", "N", &nth, NULL, "nth: the referee's Nth conversion; milestone: N referrals" },
		{ "months", "N", &months, NULL, "renewal: within N months of the first purchase" },
		{ "kinds", "K,K", &kinds, NULL, "only these conversion kinds" },
		{ "min-value", "N", &min_value, NULL, "only conversions worth >= N minor units" },
		{ "max-value", "N", &max_value, NULL, "only conversions worth <= N minor units" },
		{ "currency", "CUR", &r.currency, NULL, "only conversions in this currency" },
		{ "code-bank", "BANK", &r.code_bank, NULL, "coupon: the bank codes come from" },
		{ "label", "TEXT", &r.label, NULL, "a name for people" },
		{ "at-once", NULL, NULL, &at_once, "approve at once (no holding period)" },
	};
	const arg_spec spec = {
		"reward rule-add", "PROGRAM (--amount N | --percent BP) [options]",
		"Add a reward rule (a new configuration version; rewards already made keep\n"
		"the version that made them). Referrer rules reward each credited advocate on\n"
		"its attributed share; referee rules reward the converting customer.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_store *store;
	arg_result a;
	int64_t id = 0;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if ((fixed != NULL) == (percent != NULL) && !(kind && strcmp(kind, "coupon") == 0))
		return cli_usage(c, "reward rule-add: give exactly one of --amount or --percent");
	if (percent)
		r.basis = RF_AMOUNT_PERCENT;
	if (argval_enum(c, "--side", side, RF_ENUM_REWARD_SIDE, &r.side) ||
	    argval_enum(c, "--event", event, RF_ENUM_REWARD_EVENT, &r.event) ||
	    argval_enum(c, "--kind", kind, RF_ENUM_REWARD_KIND, &r.kind) ||
	    argval_i64(c, "--amount", fixed, 0, INT64_MAX, &r.amount) ||
	    argval_i64(c, "--percent", percent, 0, 10000, &r.amount) ||
	    argval_i64(c, "--min-referrals", min_ref, 0, INT32_MAX, &r.min_referrals) ||
	    argval_i64(c, "--max-referrals", max_ref, 0, INT32_MAX, &r.max_referrals) ||
	    argval_i64(c, "--nth", nth, 0, INT32_MAX, &r.nth) ||
	    argval_i64(c, "--min-value", min_value, 0, INT64_MAX, &r.min_value) ||
	    argval_i64(c, "--max-value", max_value, 0, INT64_MAX, &r.max_value) ||
	    parse_kinds(c, kinds, &r.kinds))
		return CLI_EXIT_USAGE;
	int64_t m = 0;
	if (argval_i64(c, "--months", months, 0, 120, &m))
		return CLI_EXIT_USAGE;
	r.months = (int32_t)m;
	r.approve_at_once = at_once;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_reward_rule_add(&id, store, a.pos[0], &r) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		rc = show_current(c, store, a.pos[0]);
	} else if (c->quiet) {
		printf("%lld\n", (long long)id);
	} else {
		printf("rule %lld added\n\n", (long long)id);
		rc = show_current(c, store, a.pos[0]);
	}
	rf_store_free(store);
	return rc;
}

int cmd_reward_rule_remove(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"reward rule-remove", "PROGRAM RULE_ID",
		"Remove a reward rule (a new configuration version; its rewards stay).",
		NULL, 0, 2, 2
	};
	rf_store *store;
	arg_result a;
	int64_t id = 0;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "RULE_ID", a.pos[1], 1, INT64_MAX, &id))
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_reward_rule_remove(store, a.pos[0], id) < 0)
		rc = cli_fail(c);
	else if (c->json || !c->quiet)
		rc = show_current(c, store, a.pos[0]);
	rf_store_free(store);
	return rc;
}

int cmd_reward_policy(cli *c, int argc, char **argv)
{
	rf_reward_policy p = RF_REWARD_POLICY_INIT;
	const char *v[11] = { NULL };
	static const char *const names[] = { "holding-days", "min-payout", "day-count",
					     "day-amount", "week-count", "week-amount",
					     "month-count", "month-amount", "total-count",
					     "total-amount", "budget" };
	int64_t *fields[] = { NULL, &p.min_payout_minor, &p.day_count, &p.day_amount,
			      &p.week_count, &p.week_amount, &p.month_count, &p.month_amount,
			      &p.total_count, &p.total_amount, &p.budget_minor };
	arg_opt opts[12];
	for (size_t i = 0; i < 11; i++)
		opts[i] = (arg_opt){ names[i], "N", &v[i], NULL,
				     i == 0 ? "holding period in days (default 30)"
				     : i == 1 ? "minimum payout, minor units"
				     : i == 10 ? "program budget, minor units of --budget-currency"
					       : "cap (0: none)" };
	opts[11] = (arg_opt){ "budget-currency", "CUR", &p.budget_currency, NULL,
			      "the budget's currency" };
	const arg_spec spec = {
		"reward policy", "PROGRAM [options]",
		"Set a program's reward policy (a new configuration version; the rules stay).\n"
		"Caps count and sum each holder's rewards per UTC day, week (Monday), month\n"
		"and all time; a reward that would cross one is cut to what is left or\n"
		"skipped, and says why. Options not given take their defaults.",
		opts, 12, 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	int64_t days = 30;
	if (argval_i64(c, "--holding-days", v[0], 0, 3650, &days))
		return CLI_EXIT_USAGE;
	p.holding_ms = days * 86400000;
	for (size_t i = 1; i < 11; i++) {
		char option[32];
		snprintf(option, sizeof option, "--%s", names[i]);
		if (argval_i64(c, option, v[i], 0, INT64_MAX, fields[i]))
			return CLI_EXIT_USAGE;
	}
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_reward_policy_set(NULL, store, a.pos[0], &p) < 0)
		rc = cli_fail(c);
	else if (c->json || !c->quiet)
		rc = show_current(c, store, a.pos[0]);
	rf_store_free(store);
	return rc;
}

int cmd_reward_settle(cli *c, int argc, char **argv)
{
	const char *at = NULL;
	const arg_opt opts[] = {
		{ "at", "TIME", &at, NULL, "as of TIME (default: now)" },
	};
	const arg_spec spec = {
		"reward settle", "PROGRAM [--at TIME]",
		"Approve every pending reward whose holding period has ended (idempotent).",
		opts, ARGS_COUNT(opts), 1, 1
	};
	int64_t at_ms = 0;
	size_t n = 0;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--at", at, &at_ms))
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_reward_settle(&n, store, a.pos[0], at_ms) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", a.pos[0]);
		jw_kint(&w, "approved", (int64_t)n);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("%zu reward%s approved\n", n, n == 1 ? "" : "s");
	}
	rf_store_free(store);
	return rc;
}

int cmd_reward_codes(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"reward codes", "PROGRAM BANK FILE",
		"Load coupon codes, one per line, from FILE ('-': standard input) into a\n"
		"program's code bank; codes already there are ignored.",
		NULL, 0, 3, 3
	};
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	FILE *in = strcmp(a.pos[2], "-") == 0 ? stdin : fopen(a.pos[2], "r");
	if (!in)
		return cli_error(c, "reward codes: cannot open '%s'", a.pos[2]);
	char **codes = NULL, line[512];
	size_t n = 0, cap = 0, added = 0;
	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!*line)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **grown = realloc(codes, cap * sizeof(*codes));
			if (!grown)
				break;
			codes = grown;
		}
		codes[n++] = strdup(line);
	}
	if (in != stdin)
		fclose(in);
	rc = cli_open(&store, c, CLI_OPEN_EXISTING);
	if (rc == CLI_EXIT_OK) {
		if (rf_reward_codes_load(&added, store, a.pos[0], a.pos[1],
					 (const char *const *)codes, n) < 0) {
			rc = cli_fail(c);
		} else if (c->json) {
			jw w;
			jw_doc_begin(&w);
			jw_kstr(&w, "bank", a.pos[1]);
			jw_kint(&w, "read", (int64_t)n);
			jw_kint(&w, "added", (int64_t)added);
			jw_doc_end(&w);
		} else if (!c->quiet) {
			printf("%zu code%s read, %zu new in bank %s\n", n, n == 1 ? "" : "s", added,
			       a.pos[1]);
		}
		rf_store_free(store);
	}
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return rc;
}
