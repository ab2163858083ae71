/*
 * An advocate's explained score, and the refresh of tiers and monthly
 * badges at the clock.
 */
#include "api/scoring.h"

#include "core/calendar.h"
#include "core/scoring.h"

#include <math.h>
#include <stdio.h>

/* ---- one advocate's score --------------------------------------------------- */

#define EXPLAIN_SCAN 500
#define EXPLAIN_TOP 10

typedef struct event_row {
	char kind[32];
	int64_t id;
	char ref[RFS_ID_SIZE];
	int64_t at;
	double raw, points;
} event_row;

typedef struct badge_row {
	int32_t kind;
	int64_t period, at;
} badge_row;

typedef struct scored {
	const rfs_program *program;
	const rfs_advocate *advocate;
	rfs_score_state st;
	rf__score_parts parts;
	int64_t config_version, at;
	int32_t tier;
	char tier_name[RF__TIER_NAME_MAX + 1];
	int32_t rfm[3];
	event_row events[EXPLAIN_TOP];
	size_t event_count;
	badge_row *badges;
	size_t badge_count;
} scored;

static const char *const component_names[RF__COMP_COUNT] = { "activity", "value", "quality",
							      "network" };

static void pack_score(rf_pack *pk, const void *from, void *slot)
{
	const scored *k = from;
	rf_score *o = rf__pack_reserve(pk, sizeof(*o));
	const char *program = rf__pack_str(pk, k->program->key);
	const char *advocate = rf__pack_str(pk, k->advocate->external_id);
	const char *tier_name = rf__pack_str(pk, k->tier_name);
	rf_score_component **comps = rf__pack_reserve(pk, RF__COMP_COUNT * sizeof(*comps));
	for (int i = 0; i < RF__COMP_COUNT; i++) {
		rf_score_component *c = rf__pack_reserve(pk, sizeof(*c));
		const char *name = rf__pack_str(pk, component_names[i]);
		if (c == NULL)
			continue;
		*c = (rf_score_component){ name, k->parts.raw[i], k->parts.norm[i], k->parts.weight[i],
					   k->parts.points[i] };
		comps[i] = c;
	}
	rf_score_event **events = rf__pack_reserve(pk, (k->event_count + 1) * sizeof(*events));
	for (size_t i = 0; i < k->event_count; i++) {
		const event_row *e = &k->events[i];
		rf_score_event *ev = rf__pack_reserve(pk, sizeof(*ev));
		const char *kind = rf__pack_str(pk, e->kind);
		const char *ref = rf__pack_str(pk, e->ref);
		if (ev == NULL)
			continue;
		*ev = (rf_score_event){ kind, e->id, ref, e->at, e->raw, e->points };
		events[i] = ev;
	}
	rf_badge **badges = rf__pack_reserve(pk, (k->badge_count + 1) * sizeof(*badges));
	for (size_t i = 0; i < k->badge_count; i++) {
		rf_badge *b = rf__pack_reserve(pk, sizeof(*b));
		if (b == NULL)
			continue;
		*b = (rf_badge){ k->badges[i].kind, k->badges[i].period, k->badges[i].at };
		badges[i] = b;
	}
	if (o == NULL)
		return;
	*o = (rf_score){ program, advocate, k->parts.score, k->config_version, k->at, k->parts.risk,
			 k->st.activities, k->st.referrals, k->st.kept, k->st.value_net,
			 k->st.last_at, k->tier, tier_name, k->rfm[0], k->rfm[1], k->rfm[2],
			 RF__COMP_COUNT, comps, k->event_count, events, k->badge_count, badges };
	*(rf_score **)slot = o;
}

/* Keep the EXPLAIN_TOP events with the most points. */
static void event_offer(scored *k, const event_row *e)
{
	size_t n = k->event_count;
	if (n == EXPLAIN_TOP && fabs(e->points) <= fabs(k->events[n - 1].points))
		return;
	size_t i = n < EXPLAIN_TOP ? n++ : n - 1;
	while (i > 0 && fabs(k->events[i - 1].points) < fabs(e->points)) {
		k->events[i] = k->events[i - 1];
		i--;
	}
	k->events[i] = *e;
	k->event_count = n;
}

static int explain(rf_store *s, const rfs_score_config *c, scored *k)
{
	sqlite3_stmt *st = NULL;
	const rf__score_parts *p = &k->parts;
	int rc = rfs_stmt(s, RFS_SCORE_ACTIVITY_EVENTS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, k->program->id);
	sqlite3_bind_int64(st, 2, k->advocate->id);
	sqlite3_bind_int64(st, 4, EXPLAIN_SCAN);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		event_row e = { .id = sqlite3_column_int64(st, 0) };
		int32_t type = sqlite3_column_int(st, 1);
		e.at = sqlite3_column_int64(st, 2);
		snprintf(e.kind, sizeof(e.kind), "%s", rf_enum_name(RF_ENUM_ACTIVITY, type));
		e.raw = c->weights[type - 1] * rfc_decay(k->at - e.at, c->activity_half_life_ms);
		double total = p->raw[RF__COMP_ACTIVITY];
		e.points = total > 0 ? e.raw / total * p->points[RF__COMP_ACTIVITY] * p->factor : 0;
		event_offer(k, &e);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		return rfs_fail(s, step, "explaining a score");
	if ((rc = rfs_stmt(s, RFS_SCORE_CREDIT_EVENTS, &st)) != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, k->program->id);
	sqlite3_bind_int64(st, 2, k->advocate->id);
	sqlite3_bind_int64(st, 4, EXPLAIN_SCAN);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		event_row e = { .id = sqlite3_column_int64(st, 0) };
		snprintf(e.kind, sizeof(e.kind), "conversion");
		rfs_col_text(st, 1, e.ref, sizeof(e.ref));
		e.at = sqlite3_column_int64(st, 2);
		e.raw = (double)sqlite3_column_int64(st, 3) *
			rfc_decay(k->at - e.at, c->value_half_life_ms);
		double total = p->raw[RF__COMP_VALUE];
		e.points = total > 0 ? e.raw / total * p->points[RF__COMP_VALUE] * p->factor : 0;
		event_offer(k, &e);
	}
	sqlite3_reset(st);
	return step == SQLITE_DONE ? RF_OK : rfs_fail(s, step, "explaining a score");
}

static int rfm(rf_store *s, scored *k)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_RFM, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, k->program->id);
	sqlite3_bind_int64(st, 2, k->st.last_at);
	sqlite3_bind_int64(st, 3, k->st.activities + k->st.referrals);
	sqlite3_bind_int64(st, 4, k->st.value_net);
	int64_t v[4];
	rc = rfs_one_row_ints(s, st, v, 4, "ranking recency, frequency and value");
	for (int i = 0; rc == RF_OK && i < 3; i++)
		k->rfm[i] = rfc_quintile(v[i + 1], v[0]);
	return rc;
}

static void read_badge(sqlite3_stmt *st, void *row)
{
	badge_row *b = row;
	b->kind = sqlite3_column_int(st, 0);
	b->period = sqlite3_column_int64(st, 1);
	b->at = sqlite3_column_int64(st, 2);
}

static int badges(rf_store *s, scored *k)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_BADGE_LIST, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, k->program->id);
	sqlite3_bind_int64(st, 2, k->advocate->id);
	return rfs_collect(s, st, read_badge, sizeof(badge_row), 0, (void **)&k->badges,
			   &k->badge_count, "listing badges");
}

static int score_of(rf_store *s, scored *k, int32_t want_explain)
{
	rfs_score_config c;
	int found = 0;
	double risk = 0;
	int64_t since = 0;
	int rc = rf__score_config_load(s, k->program->id, &c);
	if (rc == RF_OK)
		rc = rfs_score_state_get(s, k->program->id, k->advocate->id, &k->st, &found);
	if (rc == RF_OK)
		rc = rf__score_risk(s, k->program->id, k->advocate->id, &risk);
	if (rc == RF_OK)
		rc = rfs_score_tier_get(s, k->program->id, k->advocate->id, &k->tier, &since);
	if (rc != RF_OK)
		return rc;
	k->config_version = c.version;
	k->at = rfs_now(s);
	rf__score_compute(&c, &k->st, risk, k->at, &k->parts);
	k->tier = rf__score_tier_at(&c, k->tier, k->parts.score); /* decayed since stored? */
	rf__tiers tiers;
	if (k->tier > 0 && rf__tiers_parse(c.tiers, &tiers) == RF_OK && k->tier <= tiers.count)
		snprintf(k->tier_name, sizeof(k->tier_name), "%s", tiers.names[k->tier - 1]);
	if (found)
		rc = rfm(s, k);
	if (rc == RF_OK)
		rc = badges(s, k);
	if (rc == RF_OK && want_explain)
		rc = explain(s, &c, k);
	return rc;
}

int rf_score_get(rf_score **out, rf_store *store, const char *program, const char *advocate,
		 int32_t want_explain)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	if (want_explain != 0 && want_explain != 1)
		return rf__error(RF_EINVALID, "explain must be 0 or 1");
	rfs_program p;
	rfs_advocate a;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__advocate_load(store, advocate, &a);
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	scored k = { .program = &p, .advocate = &a };
	rc = score_of(store, &k, want_explain);
	rfs_rollback(store); /* end the read */
	if (rc == RF_OK)
		rc = rf__pack_one(&k, pack_score, out);
	free(k.badges);
	return rc;
}

void rf_score_free(rf_score *score)
{
	free(score);
}

/* ---- refresh: tiers at the clock, the month's top-percent badge ------------- */

typedef struct refreshing {
	rf_store *s;
	int64_t program_id;
	const rfs_score_config *c;
	int64_t now;
	int64_t changed;
} refreshing;

static int refresh_one(void *ctx, sqlite3_stmt *st)
{
	refreshing *r = ctx;
	rfs_score_state row;
	rfs_score_state_read(st, &row);
	double risk = 0;
	int32_t before = 0, after = 0;
	int64_t since = 0;
	rf__score_parts parts;
	int rc = rf__score_risk(r->s, r->program_id, row.advocate_id, &risk);
	if (rc == RF_OK)
		rc = rfs_score_tier_get(r->s, r->program_id, row.advocate_id, &before, &since);
	rf__score_compute(r->c, &row, risk, r->now, &parts);
	if (rc == RF_OK)
		rc = rf__score_tier_check(r->s, r->program_id, r->c, row.advocate_id, parts.score,
					  parts.score, r->now);
	if (rc == RF_OK)
		rc = rfs_score_tier_get(r->s, r->program_id, row.advocate_id, &after, &since);
	r->changed += rc == RF_OK && after != before;
	return rc;
}

int rf_score_refresh(int64_t *changed, rf_store *store, const char *program)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_score_config c;
	sqlite3_stmt *st = NULL;
	rc = rf__score_program_load(store, program, &p, &c);
	refreshing r = { store, p.id, &c, rfs_now(store), 0 };
	if (rc == RF_OK)
		rc = rfs_stmt(store, RFS_SCORE_STATE_ALL, &st);
	if (rc == RF_OK) {
		sqlite3_bind_int64(st, 1, p.id);
		rc = rfs_each_row(store, st, refresh_one, &r, "refreshing tiers");
	}
	if (rc == RF_OK)
		rc = rf__board_top_percent(store, p.id, &c, r.now);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && changed)
		*changed = r.changed;
	return rc;
}
