/*
 * The O(1) side of scoring: the configuration in force, the score of a
 * stored state at a time, and the update every event goes through
 * (activities, conversions, refunds), with tiers and badges.
 */
#include "api/scoring.h"

#include "api/events.h"
#include "core/scoring.h"

#include <math.h>
#include <stdio.h>

static const int32_t default_weights[RF_ACTIVITY_TYPE_COUNT] = {
	5,  /* share */
	10, /* invite */
	8,  /* review */
	6,  /* post */
	3,  /* comment */
	3,  /* rating */
	1,  /* bookmark */
	8,  /* content */
	4,  /* event */
	2,  /* survey */
	8,  /* testimonial */
	10, /* reference */
	1,  /* custom */
};

#define DEFAULT_TIERS "bronze:20:15,silver:50:40,gold:80:70"

void rf__score_config_defaults(rfs_score_config *c)
{
	static const rf_score_config d = RF_SCORE_CONFIG_INIT;
	memset(c, 0, sizeof(*c));
	memcpy(c->weights, default_weights, sizeof(c->weights));
	c->activity_half_life_ms = d.activity_half_life_ms;
	c->value_half_life_ms = d.value_half_life_ms;
	c->weight_activity = d.weight_activity;
	c->weight_value = d.weight_value;
	c->weight_quality = d.weight_quality;
	c->weight_network = d.weight_network;
	c->activity_half_points = d.activity_half_points;
	c->value_half_minor = d.value_half_minor;
	c->risk_percent = d.risk_percent;
	snprintf(c->tiers, sizeof(c->tiers), "%s", DEFAULT_TIERS);
}

int rf__score_config_load(rf_store *s, int64_t program_id, rfs_score_config *c)
{
	int found = 0;
	rf__score_config_defaults(c);
	return rfs_score_config_latest(s, program_id, c, &found);
}

int rf__score_program_load(rf_store *s, const char *program, rfs_program *p,
			   rfs_score_config *c)
{
	int rc = rf__program_load(s, program, p);
	return rc == RF_OK ? rf__score_config_load(s, p->id, c) : rc;
}

static int tier_error(const char *why)
{
	return rf__error(RF_EINVALID, "tiers: %s (want \"name:promote_at:demote_below,...\")", why);
}

int rf__tiers_parse(const char *text, rf__tiers *out)
{
	memset(out, 0, sizeof(*out));
	const char *p = text ? text : "";
	while (*p) {
		if (out->count == RF__TIERS_MAX)
			return tier_error("at most 8 tiers");
		int32_t i = out->count;
		size_t len = 0;
		while (p[len] && p[len] != ':' && p[len] != ',')
			len++;
		if (len == 0 || len > RF__TIER_NAME_MAX || p[len] != ':')
			return tier_error("a name of 1..32 characters, then ':'");
		for (size_t k = 0; k < len; k++) {
			char ch = p[k];
			if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
				return tier_error("names use a-z, 0-9, '-' and '_'");
		}
		memcpy(out->names[i], p, len);
		char *end = NULL;
		out->promote_at[i] = strtod(p + len + 1, &end);
		if (end == p + len + 1 || *end != ':')
			return tier_error("promote_at is a number");
		const char *q = end + 1;
		out->demote_below[i] = strtod(q, &end);
		if (end == q || (*end != ',' && *end != '\0'))
			return tier_error("demote_below is a number");
		double up = out->promote_at[i], down = out->demote_below[i];
		if (!(up >= 0 && up <= 100 && down >= 0 && down <= up))
			return tier_error("0 <= demote_below <= promote_at <= 100");
		if (i > 0 && !(up > out->promote_at[i - 1] && down >= out->demote_below[i - 1]))
			return tier_error("tiers ascend");
		for (int32_t k = 0; k < i; k++) {
			if (strcmp(out->names[k], out->names[i]) == 0)
				return tier_error("names are distinct");
		}
		out->count++;
		p = *end == ',' ? end + 1 : end;
		if (*end == ',' && *p == '\0')
			return tier_error("a trailing ','");
	}
	return RF_OK;
}

void rf__score_compute(const rfs_score_config *c, const rfs_score_state *st, double risk,
		       int64_t q, rf__score_parts *o)
{
	memset(o, 0, sizeof(*o));
	o->raw[RF__COMP_ACTIVITY] = rfc_decayed_at(st->act_sum, st->act_ref, q, c->activity_half_life_ms);
	o->raw[RF__COMP_VALUE] = rfc_decayed_at(st->val_sum, st->val_ref, q, c->value_half_life_ms);
	o->raw[RF__COMP_QUALITY] = rfc_wilson_lower(st->kept, st->referrals, 1.96);
	o->raw[RF__COMP_NETWORK] = st->network;
	o->norm[RF__COMP_ACTIVITY] = rfc_saturate(o->raw[RF__COMP_ACTIVITY], (double)c->activity_half_points);
	o->norm[RF__COMP_VALUE] = rfc_saturate(o->raw[RF__COMP_VALUE], (double)c->value_half_minor);
	o->norm[RF__COMP_QUALITY] = o->raw[RF__COMP_QUALITY];
	o->norm[RF__COMP_NETWORK] = rfc_saturate(st->network - 1.0, 1.0);
	o->weight[RF__COMP_ACTIVITY] = c->weight_activity;
	o->weight[RF__COMP_VALUE] = c->weight_value;
	o->weight[RF__COMP_QUALITY] = c->weight_quality;
	o->weight[RF__COMP_NETWORK] = c->weight_network;
	double total = 0, sum = 0;
	for (int i = 0; i < RF__COMP_COUNT; i++)
		total += o->weight[i];
	for (int i = 0; i < RF__COMP_COUNT; i++) {
		o->points[i] = total > 0 ? 100.0 * o->weight[i] * o->norm[i] / total : 0;
		sum += o->points[i];
	}
	o->risk = risk < 0 ? 0 : risk > 100 ? 100 : risk;
	o->factor = 1.0 - o->risk * c->risk_percent / 10000.0;
	o->score = sum * o->factor;
}

/* The fraud area's verdicts: the mean risk of the advocate's checked
 * conversions in the program (0 without any). */
int rf__score_risk(rf_store *s, int64_t program_id, int64_t advocate_id, double *risk)
{
	sqlite3_stmt *st = NULL;
	*risk = 0;
	int rc = rfs_stmt(s, RFS_SCORE_RISK, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*risk = sqlite3_column_double(st, 0);
	else
		rc = rfs_fail(s, step, "reading an advocate's fraud risk");
	sqlite3_reset(st);
	return rc;
}

int rf__badge_award(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t badge,
		    int64_t period, int64_t at)
{
	int added = 0;
	int rc = rfs_badge_insert(s, program_id, advocate_id, badge, period, at, &added);
	if (rc == RF_OK && added) {
		char vars[96];
		snprintf(vars, sizeof(vars), "{\"badge\":\"%s\"}", rf_enum_name(RF_ENUM_BADGE, badge));
		rc = rf__notify(s, program_id, advocate_id, "badge_earned", vars, at);
	}
	return rc;
}

int32_t rf__score_tier_at(const rfs_score_config *c, int32_t stored, double score)
{
	rf__tiers tiers;
	if (rf__tiers_parse(c->tiers, &tiers) != RF_OK || tiers.count == 0)
		return 0;
	return rfc_tier_next(stored, score, tiers.promote_at, tiers.demote_below, tiers.count);
}

int rf__score_tier_now(rf_store *s, int64_t program_id, const rfs_score_config *c,
		       int64_t advocate_id, int32_t *tier)
{
	rfs_score_state st;
	int found = 0;
	int64_t since = 0;
	double risk = 0;
	*tier = 0;
	int rc = rfs_score_tier_get(s, program_id, advocate_id, tier, &since);
	if (rc == RF_OK && *tier > 0)
		rc = rfs_score_state_get(s, program_id, advocate_id, &st, &found);
	if (rc == RF_OK && found)
		rc = rf__score_risk(s, program_id, advocate_id, &risk);
	if (rc == RF_OK && found) {
		rf__score_parts parts;
		rf__score_compute(c, &st, risk, rfs_now(s), &parts);
		*tier = rf__score_tier_at(c, *tier, parts.score);
	}
	return rc;
}

int rf__score_tier_check(rf_store *s, int64_t program_id, const rfs_score_config *c,
			 int64_t advocate_id, double score_before, double score, int64_t at)
{
	rf__tiers tiers;
	if (rf__tiers_parse(c->tiers, &tiers) != RF_OK || tiers.count == 0)
		return RF_OK; /* checked when set; nothing to do without tiers */
	int32_t tier = 0;
	int64_t since = 0;
	int rc = rfs_score_tier_get(s, program_id, advocate_id, &tier, &since);
	if (rc != RF_OK)
		return rc;
	/* Between events a score only decays, so its lowest point since the
	 * tier was stored is just before this event: demote there first. */
	int32_t low = rfc_tier_next(tier, score_before, tiers.promote_at, tiers.demote_below,
				    tiers.count);
	int32_t next = rfc_tier_next(low, score, tiers.promote_at, tiers.demote_below, tiers.count);
	if (next == tier)
		return RF_OK;
	rc = rfs_score_tier_put(s, program_id, advocate_id, next, at);
	if (rc == RF_OK && next > tier) {
		char vars[128];
		snprintf(vars, sizeof(vars), "{\"tier\":\"%s\",\"score\":%.2f}", tiers.names[next - 1],
			 score);
		rc = rf__notify(s, program_id, advocate_id, "tier_reached", vars, at);
	}
	return rc;
}

static int crossed(int64_t before, int64_t after, int64_t mark)
{
	return before < mark && after >= mark;
}

int rf__score_apply(rf_store *s, int64_t program_id, const rfs_score_config *c,
		    int64_t advocate_id, const rf__score_delta *d)
{
	rfs_score_state st, before;
	int found = 0;
	int rc = rfs_score_state_get(s, program_id, advocate_id, &st, &found);
	if (rc != RF_OK)
		return rc;
	before = st;
	st.config_version = c->version;
	if (d->points != 0)
		rfc_decay_add(&st.act_sum, &st.act_ref, d->points, d->points_at, c->activity_half_life_ms);
	if (d->value != 0)
		rfc_decay_add(&st.val_sum, &st.val_ref, d->value, d->value_at, c->value_half_life_ms);
	st.activities += d->activities;
	st.reviews += d->reviews;
	st.referrals += d->referrals;
	st.kept += d->kept;
	st.value_net += d->value_net;
	if (d->at > st.last_at)
		st.last_at = d->at;
	/* A stored row is updated in place: no delete and insert, no foreign
	 * key checks (an INSERT OR REPLACE did both on every conversion). */
	int updated = 0;
	if (found)
		rc = rfs_score_state_update(s, program_id, &st, &updated);
	if (rc == RF_OK && !updated)
		rc = rfs_score_state_put(s, program_id, &st);
	int64_t now = rfs_now(s);
	if (rc == RF_OK && crossed(before.referrals, st.referrals, 1))
		rc = rf__badge_award(s, program_id, advocate_id, RF_BADGE_FIRST_REFERRAL, 0, now);
	if (rc == RF_OK && crossed(before.referrals, st.referrals, 10))
		rc = rf__badge_award(s, program_id, advocate_id, RF_BADGE_TEN_REFERRALS, 0, now);
	if (rc == RF_OK && crossed(before.reviews, st.reviews, 1))
		rc = rf__badge_award(s, program_id, advocate_id, RF_BADGE_FIRST_REVIEW, 0, now);
	double risk = 0;
	if (rc == RF_OK)
		rc = rf__score_risk(s, program_id, advocate_id, &risk);
	if (rc == RF_OK) {
		rf__score_parts was, parts;
		rf__score_compute(c, &before, risk, now, &was);
		rf__score_compute(c, &st, risk, now, &parts);
		rc = rf__score_tier_check(s, program_id, c, advocate_id, was.score, parts.score, now);
	}
	return rc;
}

/* A conversion's credited shares, one per advocate. */
typedef struct share {
	int64_t advocate_id;
	int64_t value;
} share;

typedef struct shares {
	share items[64];
	size_t n;
} shares;

static void shares_add(shares *sh, int64_t advocate_id, int64_t value)
{
	for (size_t i = 0; i < sh->n; i++) {
		if (sh->items[i].advocate_id == advocate_id) {
			sh->items[i].value += value;
			return;
		}
	}
	if (sh->n < sizeof(sh->items) / sizeof(sh->items[0]))
		sh->items[sh->n++] = (share){ advocate_id, value };
}

static int credited_shares(rf_store *s, int64_t conversion_id, shares *sh)
{
	sqlite3_stmt *st = NULL;
	sh->n = 0;
	int rc = rfs_stmt(s, RFS_STORED_CREDITS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		shares_add(sh, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 4));
	if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading a conversion's credit");
	sqlite3_reset(st);
	return rc;
}

int rf__scores_on_conversion(rf_store *s, const rf__conversion_event *ev)
{
	const rfs_conversion *cv = ev->conversion;
	shares sh = { .n = 0 };
	for (size_t i = 0; i < ev->credit_count; i++)
		shares_add(&sh, ev->credits[i].advocate_id, ev->credits[i].value_minor);
	if (sh.n == 0)
		return RF_OK;
	rfs_score_config c;
	int rc = rf__score_config_load(s, cv->program_id, &c);
	for (size_t i = 0; i < sh.n && rc == RF_OK; i++) {
		rf__score_delta d = { 0 };
		d.value = (double)sh.items[i].value;
		d.value_at = cv->at;
		d.referrals = 1;
		d.kept = 1;
		d.value_net = sh.items[i].value;
		d.at = cv->at;
		rc = rf__score_apply(s, cv->program_id, &c, sh.items[i].advocate_id, &d);
	}
	return rc;
}

int rf__scores_on_refund(rf_store *s, const rf__refund_event *ev)
{
	const rfs_conversion *cv = ev->conversion;
	int64_t after = cv->refunded_minor, before = after - ev->amount_minor;
	int now_lost = cv->value_minor > 0 && before < cv->value_minor && after >= cv->value_minor;
	shares credited, refunded = { .n = 0 };
	int rc = credited_shares(s, cv->id, &credited);
	sqlite3_stmt *st = NULL;
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_REFUND_SHARES, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, ev->refund_row_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		shares_add(&refunded, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
	if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading a refund's shares");
	sqlite3_reset(st);
	rfs_score_config c;
	if (rc == RF_OK)
		rc = rf__score_config_load(s, ev->program_id, &c);
	for (size_t i = 0; i < credited.n && rc == RF_OK; i++) {
		rf__score_delta d = { 0 };
		for (size_t k = 0; k < refunded.n; k++) {
			if (refunded.items[k].advocate_id == credited.items[i].advocate_id)
				d.value_net = refunded.items[k].value;
		}
		d.value = (double)d.value_net;
		d.value_at = cv->at;
		d.kept = now_lost ? -1 : 0;
		if (d.value_net == 0 && d.kept == 0)
			continue;
		rc = rf__score_apply(s, ev->program_id, &c, credited.items[i].advocate_id, &d);
	}
	return rc;
}
