/*
 * Reward configuration: the policy and rules of a program, versioned
 * (every change makes a new version; rewards say which produced them), and
 * coupon code banks.
 */
#include "api/api.h"
#include "store/rewards.h"

#include <stdio.h>

static const rf_reward_rule rule_defaults = RF_REWARD_RULE_INIT;
static const size_t rule_sizes[] = RF_SIZES_V1(rf_reward_rule);
static const rf_reward_policy policy_defaults = RF_REWARD_POLICY_INIT;
static const size_t policy_sizes[] = RF_SIZES_V1(rf_reward_policy);

#define TEN_YEARS_MS (INT64_C(3650) * 86400000)

int rf_reward_rule_init(rf_reward_rule *rule, unsigned version)
{
	return rf__options_init(rule, &rule_defaults, rule_sizes, version, RF_REWARD_RULE_VERSION,
				"rf_reward_rule");
}

int rf_reward_policy_init(rf_reward_policy *policy, unsigned version)
{
	return rf__options_init(policy, &policy_defaults, policy_sizes, version,
				RF_REWARD_POLICY_VERSION, "rf_reward_policy");
}

/* A caller's rule, checked, into the stored form. */
static int read_rule(const rf_reward_rule *in, rfs_reward_rule *out)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_REWARD_RULE_VERSION, "rf_reward_rule");
	if (rc != RF_OK)
		return rc;
	rf_reward_rule r;
	rf__options_read(&r, &rule_defaults, sizeof(r), in, rule_sizes);
	memset(out, 0, sizeof(*out));
	rfc_reward_rule *c = &out->core;
	if (r.side != RF_SIDE_REFERRER && r.side != RF_SIDE_REFEREE)
		return rf__error(RF_EINVALID, "unknown reward side %d", (int)r.side);
	if (r.event < RF_ON_CONVERSION || r.event > RF_ON_MILESTONE)
		return rf__error(RF_EINVALID, "unknown reward event %d", (int)r.event);
	if (r.kind < RF_REWARD_CASH || r.kind > RF_REWARD_COUPON)
		return rf__error(RF_EINVALID, "unknown reward kind %d", (int)r.kind);
	if (r.basis != RF_AMOUNT_FIXED && r.basis != RF_AMOUNT_PERCENT)
		return rf__error(RF_EINVALID, "unknown amount basis %d", (int)r.basis);
	if (r.event == RF_ON_MILESTONE && r.side != RF_SIDE_REFERRER)
		return rf__error(RF_EINVALID, "milestones reward the referrer side only");
	if (r.kind == RF_REWARD_COUPON && (r.code_bank == NULL || !*r.code_bank))
		return rf__error(RF_EINVALID, "a coupon rule needs a code bank");
	rc = r.basis == RF_AMOUNT_PERCENT ? rf__check_range(r.amount, 0, 10000, "percent amount (bp)")
					  : rf__check_range(r.amount, 0, RF_VALUE_MAX_MINOR, "amount");
	if (rc == RF_OK)
		rc = rf__check_range(r.min_referrals, 0, INT32_MAX, "min_referrals");
	if (rc == RF_OK)
		rc = rf__check_range(r.max_referrals, 0, INT32_MAX, "max_referrals");
	if (rc == RF_OK && r.max_referrals && r.max_referrals < r.min_referrals)
		rc = rf__error(RF_EINVALID, "max_referrals is below min_referrals");
	if (rc == RF_OK)
		rc = (r.event == RF_ON_NTH || r.event == RF_ON_MILESTONE)
			     ? rf__check_range(r.nth, 1, INT32_MAX, "nth")
			     : rf__check_range(r.nth, 0, 0, "nth (only for nth and milestone rules)");
	if (rc == RF_OK)
		rc = r.event == RF_ON_RENEWAL ? rf__check_range(r.months, 1, 120, "months")
					      : rf__check_range(r.months, 0, 0, "months (only for renewal rules)");
	if (rc == RF_OK)
		rc = rf__check_range(r.kinds, 0, 0x1E, "kinds (bits 1 << conversion kind)");
	if (rc == RF_OK)
		rc = rf__check_range(r.min_value, 0, RF_VALUE_MAX_MINOR, "min_value");
	if (rc == RF_OK)
		rc = rf__check_range(r.max_value, 0, RF_VALUE_MAX_MINOR, "max_value");
	if (rc == RF_OK && r.max_value && r.max_value < r.min_value)
		rc = rf__error(RF_EINVALID, "max_value is below min_value");
	if (rc == RF_OK && r.currency && *r.currency)
		rc = rf__check_currency(r.currency, c->currency);
	if (rc == RF_OK)
		rc = rf__check_opt_text(r.code_bank, RF_MAX_ID_LEN, "code bank");
	if (rc == RF_OK)
		rc = rf__check_opt_text(r.label, RF_MAX_NAME_LEN, "label");
	if (rc == RF_OK && r.approve_at_once != 0 && r.approve_at_once != 1)
		rc = rf__error(RF_EINVALID, "approve_at_once must be 0 or 1");
	if (rc != RF_OK)
		return rc;
	c->side = r.side;
	c->event = r.event;
	c->kind = r.kind;
	c->basis = r.basis;
	c->amount = r.amount;
	c->min_referrals = r.min_referrals;
	c->max_referrals = r.max_referrals;
	c->nth = r.nth;
	c->months = r.months;
	c->kinds = r.kinds;
	c->min_value = r.min_value;
	c->max_value = r.max_value;
	c->approve_at_once = r.approve_at_once;
	if (r.kind == RF_REWARD_COUPON)
		snprintf(out->code_bank, sizeof(out->code_bank), "%s", r.code_bank);
	snprintf(out->label, sizeof(out->label), "%s", r.label ? r.label : "");
	return RF_OK;
}

static int read_policy(const rf_reward_policy *in, rf_reward_policy *out, char currency[4])
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_REWARD_POLICY_VERSION, "rf_reward_policy");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &policy_defaults, sizeof(*out), in, policy_sizes);
	out->version = RF_REWARD_POLICY_VERSION;
	const rf_reward_policy *p = out;
	rc = rf__check_range(p->holding_ms, 0, TEN_YEARS_MS, "holding_ms");
	const int64_t caps[] = { p->min_payout_minor, p->day_count, p->day_amount, p->week_count,
				 p->week_amount, p->month_count, p->month_amount, p->total_count,
				 p->total_amount, p->budget_minor };
	for (size_t i = 0; rc == RF_OK && i < sizeof(caps) / sizeof(caps[0]); i++)
		rc = rf__check_range(caps[i], 0, RF_VALUE_MAX_MINOR, "minimum payout, caps and budget");
	currency[0] = '\0';
	if (rc == RF_OK && (p->budget_minor > 0 || (p->budget_currency && *p->budget_currency)))
		rc = rf__check_currency(p->budget_currency, currency);
	out->budget_currency = currency;
	return rc;
}

/* The program's current configuration (defaults when none). */
static int current(rf_store *s, const char *program, rfs_program *p, rfs_reward_config *cfg)
{
	int found = 0;
	int rc = rf__program_load(s, program, p);
	return rc == RF_OK ? rfs_rw_config(s, p->id, 0, &found, cfg) : rc;
}

/* Start a new configuration version with `policy`, carrying the rules
 * over (rules are versioned by their added/removed versions). */
static int new_version(rf_store *s, const rfs_program *p, const rf_reward_policy *policy,
		       int64_t version)
{
	return rfs_rw_config_insert(s, p->id, version, policy, rfs_now(s));
}

int rf_reward_policy_set(int64_t *version, rf_store *store, const char *program,
			 const rf_reward_policy *policy)
{
	if (version)
		*version = 0;
	rf_reward_policy pol;
	char currency[4];
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = read_policy(policy, &pol, currency);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_reward_config cfg;
	rc = current(store, program, &p, &cfg);
	if (rc == RF_OK)
		rc = new_version(store, &p, &pol, cfg.version + 1);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && version)
		*version = cfg.version + 1;
	return rc;
}

int rf_reward_rule_add(int64_t *id, rf_store *store, const char *program,
		       const rf_reward_rule *rule)
{
	if (id)
		*id = 0;
	rfs_reward_rule r;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = read_rule(rule, &r);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_reward_config cfg;
	int64_t rid = 0;
	rc = current(store, program, &p, &cfg);
	if (rc == RF_OK)
		rc = new_version(store, &p, &cfg.policy, cfg.version + 1);
	if (rc == RF_OK)
		rc = rfs_rw_rule_insert(store, p.id, cfg.version + 1, &r, &rid);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && id)
		*id = rid;
	return rc;
}

int rf_reward_rule_remove(rf_store *store, const char *program, int64_t rule_id)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_reward_config cfg;
	int changed = 0;
	rc = current(store, program, &p, &cfg);
	if (rc == RF_OK)
		rc = rfs_rw_rule_remove(store, p.id, rule_id, cfg.version + 1, &changed);
	if (rc == RF_OK && !changed)
		rc = rf__error(RF_ENOTFOUND, "program '%s' has no reward rule %lld", program,
			       (long long)rule_id);
	if (rc == RF_OK)
		rc = new_version(store, &p, &cfg.policy, cfg.version + 1);
	return rfs_end(store, rc);
}

/* What rf_reward_config_get packs. */
typedef struct config_row {
	const char *program;
	const rfs_reward_config *cfg;
	const rfs_reward_rule *rules;
	size_t n;
} config_row;

static void pack_config(rf_pack *pk, const void *from, void *slot)
{
	const config_row *row = from;
	rf_reward_config *c = rf__pack_reserve(pk, sizeof(*c));
	rf_reward_policy *pol = rf__pack_reserve(pk, sizeof(*pol));
	rf_reward_rule **list = rf__pack_reserve(pk, (row->n ? row->n : 1) * sizeof(*list));
	const char *program = rf__pack_str(pk, row->program);
	const char *budget = rf__pack_str(pk, row->cfg->currency);
	for (size_t i = 0; i < row->n; i++) {
		const rfs_reward_rule *r = &row->rules[i];
		const rfc_reward_rule *k = &r->core;
		rf_reward_rule *o = rf__pack_reserve(pk, sizeof(*o));
		const char *currency = rf__pack_str(pk, k->currency);
		const char *bank = rf__pack_str(pk, r->code_bank);
		const char *label = rf__pack_str(pk, r->label);
		if (o == NULL)
			continue;
		*o = (rf_reward_rule){ RF_REWARD_RULE_VERSION, k->id, k->side, k->event, k->kind,
				       k->basis, k->amount, k->min_referrals, k->max_referrals, k->nth,
				       k->months, k->kinds, k->min_value, k->max_value, currency, bank,
				       k->approve_at_once, label };
		list[i] = o;
	}
	if (c == NULL)
		return;
	*pol = row->cfg->policy;
	pol->budget_currency = budget;
	*c = (rf_reward_config){ program, row->cfg->version, pol, row->n, list };
	*(rf_reward_config **)slot = c;
}

int rf_reward_config_get(rf_reward_config **out, rf_store *store, const char *program)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p;
	rfs_reward_config cfg;
	rfs_reward_rule *rules = NULL;
	size_t n = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = current(store, program, &p, &cfg);
	if (rc == RF_OK && cfg.version)
		rc = rfs_rw_rules(store, p.id, cfg.version, &rules, &n);
	if (rc == RF_OK)
		rc = rf__pack_one(&(config_row){ p.key, &cfg, rules, n }, pack_config, out);
	free(rules);
	return rc;
}

void rf_reward_config_free(rf_reward_config *config)
{
	free(config);
}

#define CODES_MAX 100000

int rf_reward_codes_load(size_t *added, rf_store *store, const char *program, const char *bank,
			 const char *const *codes, size_t count)
{
	if (added)
		*added = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(bank, RF_MAX_ID_LEN, "code bank");
	if (rc == RF_OK && count > CODES_MAX)
		rc = rf__error(RF_EINVALID, "at most %d codes per call", CODES_MAX);
	if (rc == RF_OK && count > 0 && codes == NULL)
		rc = rf__error(RF_EINVALID, "codes is NULL");
	for (size_t i = 0; rc == RF_OK && i < count; i++)
		rc = rf__check_text(codes[i], RF_MAX_ID_LEN, "coupon code");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	size_t n = 0;
	rc = rf__program_load(store, program, &p);
	for (size_t i = 0; rc == RF_OK && i < count; i++) {
		int one = 0;
		rc = rfs_rw_code_insert(store, p.id, bank, codes[i], &one);
		n += (size_t)one;
	}
	rc = rfs_end(store, rc);
	if (rc == RF_OK && added)
		*added = n;
	return rc;
}
