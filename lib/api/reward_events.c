/*
 * Rewards after a conversion, a refund or a fraud review (the hooks of
 * api/events.h), inside the caller's transaction: rules are evaluated in
 * the core, caps applied, and every reward becomes ledger entries whose
 * keys name their cause, so nothing is ever booked twice.
 */
#include "api/events.h"
#include "api/reward_ledger.h"

#include <stdio.h>

/* JSON string body of `in` (quotes, backslashes, control characters escaped). */
static void json_text(char *out, size_t size, const char *in)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && o + 7 < size; p++) {
		if (*p == '"' || *p == '\\') {
			out[o++] = '\\';
			out[o++] = (char)*p;
		} else if (*p < 0x20) {
			o += (size_t)snprintf(out + o, size - o, "\\u%04x", *p);
		} else {
			out[o++] = (char)*p;
		}
	}
	out[o] = '\0';
}

/* One credited advocate, credit rows of the same advocate summed. */
typedef struct advocate_share {
	int64_t advocate_id;
	rfc_reward_share share;
} advocate_share;

/* The conversion's advocates with their shares and referral counts
 * (counted one more unless the conversion was rejected; a held one's
 * count is remembered, so that rejecting it at the review takes it back). */
static int gather_shares(rf_store *s, const rf__conversion_event *ev, int count_referral,
			 int held, advocate_share **out, rfc_reward_share **shares, size_t *count)
{
	const rf__credit *rows = ev->credits;
	size_t n = ev->credit_count, k = 0;
	int rc = RF_OK;
	advocate_share *sh = rc == RF_OK ? calloc(n ? n : 1, sizeof(*sh)) : NULL;
	rfc_reward_share *plain = rc == RF_OK ? calloc(n ? n : 1, sizeof(*plain)) : NULL;
	if (rc == RF_OK && (sh == NULL || plain == NULL))
		rc = rf__error(RF_ENOMEM, "out of memory");
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		size_t j = 0;
		while (j < k && sh[j].advocate_id != rows[i].advocate_id)
			j++;
		if (j == k)
			sh[k++].advocate_id = rows[i].advocate_id;
		sh[j].share.value_minor += rows[i].value_minor;
	}
	for (size_t j = 0; rc == RF_OK && j < k; j++) {
		int64_t *refs = &sh[j].share.referrals;
		if (count_referral) {
			rc = rfs_rw_referral_bump(s, ev->program->id, sh[j].advocate_id, refs);
			if (rc == RF_OK && held)
				rc = rfs_rw_held_referral(s, ev->conversion->id, ev->program->id,
							  sh[j].advocate_id);
		} else {
			rc = rfs_rw_referrals(s, ev->program->id, sh[j].advocate_id, refs);
			++*refs;
		}
		plain[j] = sh[j].share;
	}
	if (rc != RF_OK) {
		free(sh);
		free(plain);
		return rc;
	}
	*out = sh;
	*shares = plain;
	*count = k;
	return RF_OK;
}

/* What caps and the budget leave of `want` for a holder (*granted). */
static int apply_caps(rf_store *s, int64_t program_id, const rfs_reward_config *cfg,
		      const rfs_holder *h, int64_t at, int64_t want, int64_t *granted, char *why,
		      size_t why_size)
{
	const rf_reward_policy *p = &cfg->policy;
	rfc_caps caps = { { p->day_count, p->week_count, p->month_count, p->total_count },
			  { p->day_amount, p->week_amount, p->month_amount, p->total_amount },
			  -1 };
	rfc_cap_usage used;
	const int64_t since[3] = { rfc_bucket_start(1, at), rfc_bucket_start(2, at),
				   rfc_bucket_start(3, at) };
	int rc = rfs_rw_usage(s, program_id, h, since, &used);
	if (rc == RF_OK && p->budget_minor > 0 && strcmp(h->unit, cfg->currency) == 0) {
		int64_t spent = 0;
		rc = rfs_rw_budget_used(s, program_id, h->unit, &spent);
		caps.budget_left = spent < p->budget_minor ? p->budget_minor - spent : 0;
	}
	why[0] = '\0';
	if (rc == RF_OK)
		*granted = rfc_reward_cap(&caps, &used, want, why, why_size);
	return rc;
}

/* Everything one conversion's rewards need. */
typedef struct conv_ctx {
	rf_store *s;
	const rf__conversion_event *ev;
	const rf__verdict *verdict;
	const rfs_reward_config *cfg;
	const rfs_reward_rule *rules;
	size_t rule_count;
	const advocate_share *advocates;
} conv_ctx;

static const rfs_reward_rule *rule_by_id(const conv_ctx *x, int64_t id)
{
	for (size_t i = 0; i < x->rule_count; i++) {
		if (x->rules[i].core.id == id)
			return &x->rules[i];
	}
	return NULL;
}

static int notify_earned(const conv_ctx *x, const rfs_reward_row *r, const char *state)
{
	char order[2 * RFS_ID_SIZE], vars[3 * RFS_ID_SIZE];
	json_text(order, sizeof(order), x->ev->conversion->order_id);
	snprintf(vars, sizeof(vars),
		 "{\"order_id\":\"%s\",\"amount\":%lld,\"unit\":\"%s\",\"kind\":\"%s\",\"state\":\"%s\"}",
		 order, (long long)r->amount, r->h.unit,
		 rf_enum_name(RF_ENUM_REWARD_KIND, r->h.kind), state);
	return rf__notify(x->s, x->ev->program->id, r->h.holder_id, "reward_earned", vars,
			  r->created_at);
}

/* Turn one evaluated line into a reward row and its first entry. */
static int book_line(const conv_ctx *x, const rfc_reward_line *line)
{
	const rfs_conversion *c = x->ev->conversion;
	const rfs_reward_rule *rule = rule_by_id(x, line->rule_id);
	char note[RFS_NOTE_SIZE], why[RFC_REWARD_NOTE], coupon[RFS_ID_SIZE] = "";
	rfs_reward_row r;
	memset(&r, 0, sizeof(r));
	r.program_id = x->ev->program->id;
	r.conversion_id = c->id;
	if (line->side == RF_SIDE_REFERRER) {
		r.h.holder_kind = RFS_H_ADVOCATE;
		r.h.holder_id = x->advocates[line->share].advocate_id;
	} else if (x->ev->customer_id) {
		r.h.holder_kind = RFS_H_CUSTOMER;
		r.h.holder_id = x->ev->customer_id;
	} else {
		r.h.holder_kind = RFS_H_VISITOR;
		r.h.holder_id = x->ev->visitor_id;
	}
	r.h.kind = line->kind;
	snprintf(r.h.unit, sizeof(r.h.unit), "%s",
		 line->kind == RF_REWARD_POINTS ? "PTS"
		 : line->kind == RF_REWARD_COUPON ? "CPN" : c->currency);
	r.side = line->side;
	r.rule_id = line->rule_id;
	r.config_version = x->cfg->version;
	r.requested = line->amount;
	r.approve_at_once = line->approve_at_once;
	r.created_at = c->at;
	why[0] = '\0';
	int64_t granted = 0, code_id = 0;
	int rc = RF_OK;
	if (x->verdict->decision == RF__VERDICT_REJECT) {
		snprintf(why, sizeof(why), "rejected by the fraud check (risk %d)",
			 (int)x->verdict->risk);
	} else {
		rc = apply_caps(x->s, r.program_id, x->cfg, &r.h, c->at, line->amount, &granted,
				why, sizeof(why));
		if (rc == RF_OK && !why[0] && granted == 0)
			snprintf(why, sizeof(why), "the rule gives nothing here");
	}
	if (rc == RF_OK && granted > 0 && line->kind == RF_REWARD_COUPON) {
		int found = 0;
		rc = rfs_rw_code_peek(x->s, r.program_id, rule ? rule->code_bank : "", &found,
				      &code_id, coupon, sizeof(coupon));
		if (rc == RF_OK && !found) {
			granted = 0;
			snprintf(why, sizeof(why), "code bank '%.60s' is empty",
				 rule ? rule->code_bank : "");
		}
	}
	if (rc != RF_OK)
		return rc;
	r.amount = granted;
	int32_t bucket = RFS_B_PENDING;
	if (x->verdict->decision == RF__VERDICT_REJECT) {
		r.state = RF_REWARD_REJECTED;
		r.amount = 0;
	} else if (granted == 0) {
		r.state = RF_REWARD_SKIPPED;
	} else if (x->verdict->decision == RF__VERDICT_REVIEW) {
		r.state = RF_REWARD_HELD;
		bucket = RFS_B_HELD;
	} else if (line->approve_at_once) {
		r.state = RF_REWARD_APPROVED;
		bucket = RFS_B_APPROVED;
	} else {
		r.state = RF_REWARD_PENDING;
		r.due_at = c->at + x->cfg->policy.holding_ms;
	}
	snprintf(note, sizeof(note), "%.140s%s%.110s", line->note, why[0] ? "; " : "", why);
	r.note = note;
	r.coupon = coupon;
	int64_t id = 0;
	rc = rfs_rw_insert(x->s, &r, &id);
	if (rc == RF_OK && code_id)
		rc = rfs_rw_code_use(x->s, code_id, id);
	if (rc != RF_OK || r.amount == 0)
		return rc;
	char cause[96];
	snprintf(cause, sizeof(cause), "earn:c%lld:r%lld:h%d.%lld", (long long)c->id,
		 (long long)r.rule_id, (int)r.h.holder_kind, (long long)r.h.holder_id);
	rc = rf__reward_move(x->s, r.program_id, cause, id, 0, &r.h, RFS_B_PROGRAM, bucket,
			     r.amount, c->at);
	if (rc == RF_OK && r.h.holder_kind == RFS_H_ADVOCATE)
		rc = notify_earned(x, &r, rf_enum_name(RF_ENUM_REWARD_STATE, r.state));
	return rc;
}

/* The person's rank and first purchase, for nth and renewal rules. */
static int person_facts(rf_store *s, const rf__conversion_event *ev, rfc_reward_input *in)
{
	const rfs_conversion *c = ev->conversion;
	int64_t first_id = 0, first_at = 0;
	char order[RFS_ID_SIZE];
	int rc = rfs_rw_person_rank(s, ev->program->id, ev->visitor_id, ev->customer_id, c->at,
				    c->id, &in->person_nth);
	if (rc == RF_OK)
		rc = rfs_first_of_kind(s, ev->program->id, ev->visitor_id, ev->customer_id,
				       RF_CONVERSION_PURCHASE, &first_id, &first_at, order,
				       sizeof(order));
	in->first_purchase_at = first_id ? first_at : -1;
	return rc;
}

int rf__rewards_on_conversion(rf_store *s, const rf__conversion_event *ev, const rf__verdict *v)
{
	const rfs_conversion *c = ev->conversion;
	if (!c->attributed)
		return RF_OK;
	rfs_reward_config cfg;
	int found = 0;
	int rc = rfs_rw_config(s, ev->program->id, 0, &found, &cfg);
	if (rc != RF_OK || !found)
		return rc;
	rfs_reward_rule *rules = NULL;
	size_t n = 0;
	rc = rfs_rw_rules(s, ev->program->id, cfg.version, &rules, &n);
	if (rc != RF_OK || n == 0) {
		free(rules);
		return rc;
	}
	advocate_share *advocates = NULL;
	rfc_reward_share *shares = NULL;
	size_t k = 0;
	rc = gather_shares(s, ev, v->decision != RF__VERDICT_REJECT,
			   v->decision == RF__VERDICT_REVIEW, &advocates, &shares, &k);
	rfc_reward_rule *core = rc == RF_OK ? calloc(n, sizeof(*core)) : NULL;
	size_t max = n * (k + 1);
	rfc_reward_line *lines = rc == RF_OK ? calloc(max, sizeof(*lines)) : NULL;
	if (rc == RF_OK && (core == NULL || lines == NULL))
		rc = rf__error(RF_ENOMEM, "out of memory");
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		core[i] = rules[i].core;
	rfc_reward_input in = { c->kind, c->value_minor, c->currency, c->at, 0, -1, k, shares };
	if (rc == RF_OK && rfc_reward_needs_person(core, n))
		rc = person_facts(s, ev, &in);
	size_t count = rc == RF_OK ? rfc_reward_evaluate(core, n, &in, lines, max) : 0;
	conv_ctx x = { s, ev, v, &cfg, rules, n, advocates };
	for (size_t i = 0; rc == RF_OK && i < count; i++)
		rc = book_line(&x, &lines[i]);
	free(lines);
	free(core);
	free(shares);
	free(advocates);
	free(rules);
	return rc;
}

/* Claw `take` back from a reward, from held, pending, approved, then
 * (what was paid) into owed. */
static int claw(rf_store *s, int64_t program_id, const rfs_reward_row *r, const int64_t b[],
		int64_t take, const char *cause_prefix, int64_t at)
{
	static const int32_t order[] = { RFS_B_HELD, RFS_B_PENDING, RFS_B_APPROVED, RFS_B_OWED };
	int rc = RF_OK;
	for (size_t i = 0; rc == RF_OK && take > 0 && i < 4; i++) {
		int32_t bucket = order[i];
		int64_t t = bucket == RFS_B_OWED ? take : (b[bucket] < take ? b[bucket] : take);
		if (t <= 0)
			continue;
		char cause[96];
		snprintf(cause, sizeof(cause), "%s:w%lld:b%d", cause_prefix, (long long)r->id,
			 (int)bucket);
		rc = rf__reward_move(s, program_id, cause, r->id, 0, &r->h, RFS_B_PROGRAM, bucket,
				     -t, at);
		take -= t;
	}
	return rc;
}

int rf__rewards_on_refund(rf_store *s, const rf__refund_event *ev)
{
	rfs_reward_row *rows = NULL;
	size_t n = 0;
	const rfs_conversion *c = ev->conversion;
	int rc = rfs_rw_of_conversion(s, c->id, 0, &rows, &n);
	char prefix[64];
	snprintf(prefix, sizeof(prefix), "refund:f%lld", (long long)ev->refund_row_id);
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		rfs_reward_row *r = &rows[i];
		if (r->amount <= 0 || r->state < RF_REWARD_HELD || r->state > RF_REWARD_PAID)
			continue;
		int64_t b[RFS_BUCKETS], clawed = 0;
		rc = rfs_rw_reward_buckets(s, r->id, b, &clawed);
		int64_t target = rfc_reward_clawed(r->amount, c->value_minor, c->refunded_minor);
		if (rc != RF_OK || target <= clawed)
			continue;
		rc = claw(s, ev->program_id, r, b, target - clawed, prefix, ev->at);
		if (rc == RF_OK)
			rc = rfs_rw_set_clawed(s, r->id);
		if (rc == RF_OK && target == r->amount)
			rc = rfs_rw_set_state(s, r->id, RF_REWARD_REVERSED, 0);
	}
	free(rows);
	return rc;
}

int rf__rewards_on_review(rf_store *s, int64_t conversion_id, int approved, int64_t at)
{
	rfs_reward_row *rows = NULL;
	size_t n = 0;
	/* A rejected conversion is no referral: its count comes off the tiers
	 * and milestones of its advocates. */
	int rc = rfs_rw_held_referrals_settle(s, conversion_id, !approved);
	if (rc == RF_OK)
		rc = rfs_rw_of_conversion(s, conversion_id, 1, &rows, &n);
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		rfs_reward_row *r = &rows[i];
		int64_t b[RFS_BUCKETS], clawed = 0;
		rfs_reward_config cfg;
		int found = 0;
		char cause[64];
		rc = rfs_rw_reward_buckets(s, r->id, b, &clawed);
		if (rc != RF_OK || b[RFS_B_HELD] <= 0)
			continue;
		if (!approved) {
			snprintf(cause, sizeof(cause), "void:w%lld", (long long)r->id);
			rc = rf__reward_move(s, r->program_id, cause, r->id, 0, &r->h, RFS_B_PROGRAM,
					     RFS_B_HELD, -b[RFS_B_HELD], at);
			if (rc == RF_OK)
				rc = rfs_rw_set_clawed(s, r->id);
			if (rc == RF_OK)
				rc = rfs_rw_set_state(s, r->id, RF_REWARD_VOIDED, 0);
			continue;
		}
		rc = rfs_rw_config(s, r->program_id, r->config_version, &found, &cfg);
		int32_t dst = r->approve_at_once ? RFS_B_APPROVED : RFS_B_PENDING;
		snprintf(cause, sizeof(cause), "review:w%lld", (long long)r->id);
		if (rc == RF_OK)
			rc = rf__reward_move(s, r->program_id, cause, r->id, 0, &r->h, RFS_B_HELD, dst,
					     b[RFS_B_HELD], at);
		if (rc == RF_OK)
			rc = rfs_rw_set_state(s, r->id,
					      r->approve_at_once ? RF_REWARD_APPROVED : RF_REWARD_PENDING,
					      r->approve_at_once ? 0 : at + cfg.policy.holding_ms);
	}
	free(rows);
	return rc;
}
