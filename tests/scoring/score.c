/* Scores: components, explanation, incremental == full, configuration
 * versions, tiers with hysteresis, badges. */
#include "suite.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <stdio.h>

/* A conversion of `value` by a new visitor who clicked `advocate`'s code. */
void sc_referral(rft_fixture *f, const char *advocate, const char *order, int64_t value,
		 int64_t at)
{
	char code[RF_CODE_BUFSIZE], visitor[64];
	rft_code(f, "p", advocate, code);
	snprintf(visitor, sizeof(visitor), "v-%s", order);
	RFT_OK(rft_click(f, code, visitor, at - 1000, NULL));
	RFT_OK(rft_convert(f, "p", visitor, order, value, "EUR", at));
}

rf_score *sc_score(rft_fixture *f, const char *advocate, int32_t explain)
{
	rf_score *s = NULL;
	RFT_OK(rf_score_get(&s, f->store, "p", advocate, explain));
	assert_non_null(s);
	return s;
}

static void test_components(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0;
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_REVIEW, RFT_T0, -1));
	sc_referral(f, "ann", "o1", 5000, RFT_T0);
	sc_referral(f, "ann", "o2", 5000, RFT_T0);
	rf_score *s = sc_score(f, "ann", 1);
	assert_int_equal(s->config_version, 0);
	assert_int_equal(s->component_count, 4);
	assert_string_equal(s->components[0]->name, "activity");
	assert_true(fabs(s->components[0]->raw - 8) < 1e-9);
	assert_true(fabs(s->components[0]->normalized - 8.0 / 58) < 1e-12);
	assert_true(fabs(s->components[1]->raw - 10000) < 1e-6);
	assert_true(fabs(s->components[1]->normalized - 0.5) < 1e-12);
	/* Wilson lower bound of 2 kept out of 2 (vectors: 0.3423719528896193) */
	assert_true(fabs(s->components[2]->raw - 0.3423719528896193) < 1e-9);
	assert_true(s->components[3]->raw == 0);
	double want = 30 * 8.0 / 58 + 40 * 0.5 + 20 * 0.3423719528896193;
	/* the fraud checks' mean risk of ann's conversions takes its share off */
	assert_true(s->risk >= 0 && s->risk <= 100);
	assert_true(fabs(s->score - want * (1 - s->risk / 100)) < 1e-9);
	assert_int_equal(s->referrals, 2);
	assert_int_equal(s->kept, 2);
	assert_int_equal(s->value_net_minor, 10000);
	assert_int_equal(s->activities, 1);
	/* explained: the two conversions move it most, then the review */
	assert_int_equal(s->event_count, 3);
	assert_string_equal(s->events[0]->kind, "conversion");
	assert_string_equal(s->events[2]->kind, "review");
	assert_true(fabs(s->events[0]->points + s->events[1]->points - 20 * (1 - s->risk / 100)) < 1e-9);
	/* badges: first referral, first review */
	assert_int_equal(s->badge_count, 2);
	rf_score_free(s);

	/* 30 days later the activity counts half, the value 2^(-1/3) */
	f->now = RFT_T0 + 30 * DAY;
	s = sc_score(f, "ann", 0);
	assert_true(fabs(s->components[0]->raw - 4) < 1e-9);
	assert_true(fabs(s->components[1]->raw - 10000 * pow(0.5, 1.0 / 3)) < 1e-6);
	assert_int_equal(s->event_count, 0);
	rf_score_free(s);

	/* a refund takes value and, once whole, quality */
	rf_refund_spec r = RF_REFUND_SPEC_INIT;
	r.program = "p";
	r.order_id = "o1";
	r.refund_id = "r1";
	r.amount_minor = 5000;
	RFT_OK(rf_conversion_refund(NULL, f->store, &r));
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->value_net_minor, 5000);
	assert_int_equal(s->kept, 1);
	assert_true(fabs(s->components[1]->raw - 5000 * pow(0.5, 1.0 / 3)) < 1e-6);
	rf_score_free(s);

	/* an advocate without events */
	s = sc_score(f, "cat", 0);
	assert_true(s->score == 0);
	assert_int_equal(s->recency_q, 0);
	rf_score_free(s);
	RFT_RC(rf_score_get(&s, f->store, "p", "nobody", 0), RF_ENOTFOUND);
	assert_null(s);
	RFT_RC(rf_score_get(&s, f->store, "p", "ann", 2), RF_EINVALID);
}

/* Scores of every advocate, at the clock. */
static void scores_of(rft_fixture *f, double out[3], rf_score **keep)
{
	const char *who[] = { "ann", "bob", "cat" };
	for (int i = 0; i < 3; i++) {
		rf_score *s = sc_score(f, who[i], 0);
		out[i] = s->score;
		if (keep)
			keep[i] = s;
		else
			rf_score_free(s);
	}
}

static void test_incremental_equals_full(void **state)
{
	rft_fixture *f = *state;
	/* events out of order, over months, with refunds */
	const int32_t types[] = { RF_ACTIVITY_SHARE, RF_ACTIVITY_INVITE, RF_ACTIVITY_REVIEW,
				  RF_ACTIVITY_BOOKMARK, RF_ACTIVITY_CONTENT };
	const char *who[] = { "ann", "bob", "cat" };
	uint32_t x = 12345;
	for (int i = 0; i < 60; i++) {
		x = x * 1103515245u + 12345u;
		int64_t at = RFT_T0 + (int64_t)(x % 120) * DAY + (x % 1000);
		f->now = RFT_T0 + 200 * DAY;
		RFT_OK(sc_activity(f, "p", who[i % 3], types[(x >> 8) % 5], at, -1));
		if (i % 7 == 0) {
			char order[16];
			snprintf(order, sizeof(order), "o%d", i);
			sc_referral(f, who[(i / 7) % 2], order, 1000 + (int64_t)(x % 9000), at);
			if (i % 14 == 0) {
				rf_refund_spec r = RF_REFUND_SPEC_INIT;
				r.program = "p";
				r.order_id = order;
				r.refund_id = "r";
				r.amount_minor = 500;
				RFT_OK(rf_conversion_refund(NULL, f->store, &r));
			}
		}
	}
	f->now = RFT_T0 + 150 * DAY;
	double inc[3], full[3];
	rf_score *a[3], *b[3];
	scores_of(f, inc, a);
	RFT_OK(rf_score_recompute(f->store, "p"));
	scores_of(f, full, b);
	for (int i = 0; i < 3; i++) {
		assert_true(inc[i] > 0);
		assert_true(fabs(inc[i] - full[i]) < 1e-9 * (1 + inc[i]));
		for (int k = 0; k < 4; k++)
			assert_true(fabs(a[i]->components[k]->raw - b[i]->components[k]->raw) <
				    1e-9 * (1 + fabs(a[i]->components[k]->raw)));
		assert_int_equal(a[i]->referrals, b[i]->referrals);
		assert_int_equal(a[i]->kept, b[i]->kept);
		assert_int_equal(a[i]->value_net_minor, b[i]->value_net_minor);
		assert_int_equal(a[i]->activities, b[i]->activities);
		assert_int_equal(a[i]->last_at_ms, b[i]->last_at_ms);
		rf_score_free(a[i]);
		rf_score_free(b[i]);
	}
	/* and new events after a recompute keep agreeing */
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_POST, RFT_T0 + 10 * DAY, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_POST, RFT_T0 + 160 * DAY, -1));
	scores_of(f, inc, NULL);
	RFT_OK(rf_score_recompute(f->store, "p"));
	scores_of(f, full, NULL);
	for (int i = 0; i < 3; i++)
		assert_true(fabs(inc[i] - full[i]) < 1e-9 * (1 + inc[i]));
}

/* Run one statement on the store's file from a second connection. */
static void raw_exec(rft_fixture *f, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Score rows with `where` true. */
static int64_t state_rows(rft_fixture *f, const char *where)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char sql[200];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM score_state WHERE %s", where);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The full recompute writes only rows that change: unchanged ones keep
 * their numbers, a new configuration rewrites all, an advocate left
 * without events loses its row. */
static void test_recompute_writes_changes(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 10 * DAY;
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_REVIEW, RFT_T0, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1));
	RFT_OK(sc_activity(f, "p", "cat", RF_ACTIVITY_SHARE, RFT_T0 + 2 * DAY, -1));
	sc_referral(f, "cat", "o1", 2500, RFT_T0 + 3 * DAY);
	f->now = RFT_T0 + 20 * DAY;
	double before[3], after[3];
	scores_of(f, before, NULL);
	RFT_OK(rf_score_recompute(f->store, "p"));
	RFT_OK(rf_score_recompute(f->store, "p"));
	scores_of(f, after, NULL);
	for (int i = 0; i < 3; i++) {
		assert_true(before[i] > 0);
		assert_true(fabs(before[i] - after[i]) < 1e-9 * before[i]);
	}
	assert_int_equal(state_rows(f, "1"), 3);

	/* a row tampered with is repaired */
	raw_exec(f, "UPDATE score_state SET act_sum = act_sum * 3, activities = 7"
		    " WHERE advocate_id = (SELECT id FROM advocate WHERE external_id = 'bob')");
	rf_score *sc = sc_score(f, "bob", 0);
	assert_int_equal(sc->activities, 7);
	rf_score_free(sc);
	RFT_OK(rf_score_recompute(f->store, "p"));
	scores_of(f, after, NULL);
	assert_true(fabs(before[1] - after[1]) < 1e-9 * before[1]);
	sc = sc_score(f, "bob", 0);
	assert_int_equal(sc->activities, 1);
	rf_score_free(sc);

	/* ann's only event gone (as an erasure would): her row goes */
	raw_exec(f, "DELETE FROM activity"
		    " WHERE advocate_id = (SELECT id FROM advocate WHERE external_id = 'ann')");
	RFT_OK(rf_score_recompute(f->store, "p"));
	assert_int_equal(state_rows(f, "1"), 2);
	scores_of(f, after, NULL);
	assert_true(after[0] == 0);
	assert_true(fabs(before[2] - after[2]) < 1e-9 * before[2]);

	/* a new configuration that keeps weights and half-lives rewrites
	 * nothing: the stored numbers are the same, scored under it */
	rf_score_config cfg = RF_SCORE_CONFIG_INIT;
	cfg.weight_value = 0;
	int64_t version = 0;
	RFT_OK(rf_score_config_set(&version, f->store, "p", &cfg));
	assert_int_equal(version, 1);
	assert_int_equal(state_rows(f, "config_version = 0"), 2);
	sc = sc_score(f, "cat", 0);
	assert_int_equal(sc->config_version, 1);
	assert_int_equal(sc->components[1]->weight, 0);
	assert_true(sc->score < after[2]);
	rf_score_free(sc);

	/* one weight changed rewrites the rows it moves (bob has no share) */
	const int32_t share_weight[] = { 12 }; /* share (1) is first; 5 by default */
	cfg.activity_weights = share_weight;
	cfg.activity_weight_count = 1;
	RFT_OK(rf_score_config_set(&version, f->store, "p", &cfg));
	assert_int_equal(version, 2);
	assert_int_equal(state_rows(f, "config_version = 2"), 1);
	assert_int_equal(state_rows(f, "config_version = 0"), 1);
	/* a new half-life rewrites every row */
	cfg.activity_half_life_ms = 7 * DAY;
	RFT_OK(rf_score_config_set(&version, f->store, "p", &cfg));
	assert_int_equal(state_rows(f, "config_version = 3"), 2);
	double fresh[3];
	scores_of(f, after, NULL);
	raw_exec(f, "DELETE FROM score_state");
	RFT_OK(rf_score_recompute(f->store, "p"));
	scores_of(f, fresh, NULL);
	for (int i = 1; i < 3; i++)
		assert_true(fabs(after[i] - fresh[i]) < 1e-9 * fresh[i]);
}

typedef struct recompute_log {
	int calls, monotone;
	uint64_t last, total, stop_from;
} recompute_log;

static int on_recompute(void *ctx, const char *operation, uint64_t done, uint64_t total)
{
	recompute_log *l = ctx;
	assert_string_equal(operation, "recompute");
	if (l->calls++ && done < l->last)
		l->monotone = 0;
	l->last = done;
	l->total = total;
	return l->stop_from && done >= l->stop_from;
}

/* Progress goes by advocate id up to the largest; a callback that stops
 * the recompute leaves every stored row as it was. */
static void test_recompute_progress_and_cancel(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 10 * DAY;
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_REVIEW, RFT_T0, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1));
	raw_exec(f, "UPDATE score_state SET activities = 7"
		    " WHERE advocate_id = (SELECT id FROM advocate WHERE external_id = 'bob')");
	recompute_log l = { 0, 1, 0, 0, 1 };
	RFT_OK(rf_store_set_progress(f->store, on_recompute, &l));
	RFT_RC(rf_score_recompute(f->store, "p"), RF_ECANCELED);
	rf_score *sc = sc_score(f, "bob", 0);
	assert_int_equal(sc->activities, 7); /* not repaired: nothing written */
	rf_score_free(sc);

	l = (recompute_log){ 0, 1, 0, 0, 0 };
	RFT_OK(rf_score_recompute(f->store, "p"));
	assert_true(l.calls >= 2);
	assert_true(l.monotone);
	assert_true(l.total >= 2);
	assert_int_equal(l.last, l.total);
	sc = sc_score(f, "bob", 0);
	assert_int_equal(sc->activities, 1);
	rf_score_free(sc);
	RFT_OK(rf_store_set_progress(f->store, NULL, NULL));
}

typedef struct sink {
	char *data;
	size_t len;
	int chunks;
} sink;

static int collect(void *payload, const char *data, size_t len)
{
	sink *k = payload;
	char *grown = realloc(k->data, k->len + len + 1);
	assert_non_null(grown);
	memcpy(grown + k->len, data, len);
	k->data = grown;
	k->len += len;
	k->data[k->len] = '\0';
	k->chunks++;
	return 0;
}

static char *export_scores(rft_fixture *f, int32_t format, uint32_t flags, int64_t *rows)
{
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	o.program = "p";
	o.what = RF_EXPORT_SCORES;
	o.format = format;
	o.flags = flags;
	o.from_ms = RFT_T0 + 500 * DAY; /* the period does not apply */
	sink k = { 0 };
	RFT_OK(rf_export(rows, f->store, &o, collect, &k));
	return k.data;
}

/* The scores export: one row per scored advocate, by advocate, with the
 * numbers rf_score_get gives at the same clock. */
static void test_scores_export(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 10 * DAY;
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_REVIEW, RFT_T0, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1));
	RFT_OK(sc_activity(f, "q", "cat", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1));
	sc_referral(f, "bob", "o1", 2500, RFT_T0 + 3 * DAY);
	for (int i = 0; i < 4; i++)
		RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_CONTENT, RFT_T0 + i * DAY, -1));
	f->now = RFT_T0 + 20 * DAY;
	int64_t rows = 0;
	char *csv = export_scores(f, RF_FORMAT_CSV, 0, &rows);
	assert_int_equal(rows, 2); /* cat scores in q only */
	assert_non_null(strstr(csv, "advocate,score,activity_points,value_points,quality_points,"
				    "network_points,activity_raw,value_raw,quality_raw,network_raw,"
				    "risk,tier,activities,referrals,value_net_minor,config_version,"
				    "computed_at_ms,computed_at\n"));
	const char *ann = strstr(csv, "\nann,"), *bob = strstr(csv, "\nbob,");
	assert_non_null(ann);
	assert_non_null(bob);
	assert_true(ann < bob);
	rf_score *sc = sc_score(f, "ann", 0);
	assert_true(strtod(ann + 5, NULL) == sc->score); /* exact: the shortest round trip */
	assert_true(strstr(csv, ",bronze,") != NULL || sc->tier == 0);
	rf_score_free(sc);
	assert_non_null(strstr(bob, ",1,2500,0,")); /* activities 1, referrals 1, 2500 */
	free(csv);

	char *json = export_scores(f, RF_FORMAT_JSON, RF_EXPORT_PSEUDONYMS, &rows);
	assert_int_equal(rows, 2);
	assert_non_null(strstr(json, "{\"advocate\":\"bob\",\"score\":"));
	assert_non_null(strstr(json, "\"computed_at\":\"2026-01-21T00:00:00.000Z\"}"));
	assert_non_null(strstr(json, "\"tier\":null"));
	free(json);

	/* a new configuration: its version, and no row for nobody */
	rf_score_config cfg = RF_SCORE_CONFIG_INIT;
	cfg.weight_network = 0;
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &cfg));
	json = export_scores(f, RF_FORMAT_JSON, 0, &rows);
	assert_non_null(strstr(json, "\"network_points\":0,"));
	assert_non_null(strstr(json, "\"config_version\":1,"));
	free(json);
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	o.program = "q";
	o.what = RF_EXPORT_SCORES + 1;
	sink k = { 0 };
	RFT_RC(rf_export(NULL, f->store, &o, collect, &k), RF_EINVALID);
}

static void purge(rft_fixture *f, int64_t expect_cutoff)
{
	rf_purge *p = NULL;
	RFT_OK(rf_retention_purge(&p, f->store, "p"));
	assert_int_equal(p->cutoff_ms, expect_cutoff);
	assert_true(p->activities > 0);
	rf_purge_free(p);
}

static void assert_same_scores(rft_fixture *f, const double want[3], rf_score *const keep[3])
{
	double got[3];
	rf_score *now[3];
	scores_of(f, got, now);
	for (int i = 0; i < 3; i++) {
		assert_true(want[i] > 0);
		assert_true(fabs(want[i] - got[i]) < 1e-9 * want[i]);
		if (keep) {
			assert_int_equal(keep[i]->activities, now[i]->activities);
			assert_int_equal(keep[i]->last_at_ms, now[i]->last_at_ms);
			assert_int_equal(keep[i]->referrals, now[i]->referrals);
			for (size_t b = 0; b < keep[i]->badge_count; b++)
				assert_int_equal(keep[i]->badges[b]->kind, now[i]->badges[b]->kind);
		}
		rf_score_free(now[i]);
	}
}

/* A retention purge deletes old activities; the full recompute still
 * gives the scores it gave before (their decayed sums are carried), under
 * the same or new weights, purge after purge. */
static void test_retention_keeps_scores(void **state)
{
	rft_fixture *f = *state;
	const int32_t types[] = { RF_ACTIVITY_SHARE, RF_ACTIVITY_REVIEW, RF_ACTIVITY_INVITE,
				  RF_ACTIVITY_BOOKMARK, RF_ACTIVITY_COMMENT };
	f->now = RFT_T0 + 50 * DAY;
	for (int d = 0; d < 40; d++) {
		int64_t at = RFT_T0 + d * DAY + 3600000;
		RFT_OK(sc_activity(f, "p", "ann", types[d % 5], at, -1));
		if (d % 4 == 0)
			RFT_OK(sc_activity(f, "p", "bob", types[(d / 4) % 5], at, -1));
		if (d < 8) /* all of cat's activity goes */
			RFT_OK(sc_activity(f, "p", "cat", types[(d + 1) % 5], at, -1));
	}
	sc_referral(f, "bob", "o1", 4000, RFT_T0 + 3 * DAY);
	/* weights of another configuration, scored from every event */
	rf_score_config other = RF_SCORE_CONFIG_INIT;
	const int32_t w[] = { 50, 0, 3, 7, 1 };
	other.activity_weights = w;
	other.activity_weight_count = 5;
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &other));
	double with_other[3];
	scores_of(f, with_other, NULL);
	rf_score_config defaults = RF_SCORE_CONFIG_INIT;
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &defaults));

	double before[3];
	rf_score *kept[3];
	scores_of(f, before, kept);
	rf_privacy_policy policy = RF_PRIVACY_POLICY_INIT;
	policy.retention_ms = 30 * DAY;
	RFT_OK(rf_privacy_policy_set(NULL, f->store, "p", &policy));
	purge(f, RFT_T0 + 20 * DAY);
	rf_activity_list *l = NULL;
	RFT_OK(rf_activity_list_get(&l, f->store, "p", "cat", 0, 0, 0));
	assert_int_equal(l->count, 0);
	rf_activity_list_free(l);
	assert_same_scores(f, before, kept); /* the stored state did not move */
	RFT_OK(rf_score_recompute(f->store, "p"));
	assert_same_scores(f, before, kept);
	assert_int_equal(state_rows(f, "1"), 3); /* cat keeps its row */
	for (int i = 0; i < 3; i++)
		rf_score_free(kept[i]);

	/* new weights apply to the carried events exactly */
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &other));
	assert_same_scores(f, with_other, NULL);
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &defaults));
	assert_same_scores(f, before, NULL);

	/* later: more events, a second purge folds into the carried sums */
	f->now = RFT_T0 + 70 * DAY;
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_POST, RFT_T0 + 60 * DAY, -1));
	RFT_OK(sc_activity(f, "p", "cat", RF_ACTIVITY_REVIEW, RFT_T0 + 61 * DAY, -1));
	scores_of(f, before, kept);
	purge(f, RFT_T0 + 40 * DAY);
	RFT_OK(rf_score_recompute(f->store, "p"));
	assert_same_scores(f, before, kept);
	for (int i = 0; i < 3; i++)
		rf_score_free(kept[i]);
}

static void test_config_versions(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_BOOKMARK, RFT_T0, -1));
	rf_score_settings *got = NULL;
	RFT_OK(rf_score_config_get(&got, f->store, "p"));
	assert_int_equal(got->config_version, 0);
	assert_int_equal(got->config->activity_weight_count, RF_ACTIVITY_TYPE_COUNT);
	assert_int_equal(got->config->activity_weights[RF_ACTIVITY_BOOKMARK - 1], 1);
	assert_int_equal(got->config->activity_weights[RF_ACTIVITY_INVITE - 1], 10);
	assert_string_equal(got->config->tiers, "bronze:20:15,silver:50:40,gold:80:70");
	rf_score_settings_free(got);

	rf_score_config c = RF_SCORE_CONFIG_INIT;
	int32_t w[RF_ACTIVITY_BOOKMARK] = { 0 };
	w[RF_ACTIVITY_BOOKMARK - 1] = 50;
	c.activity_weights = w;
	c.activity_weight_count = RF_ACTIVITY_BOOKMARK;
	c.weight_activity = 1;
	c.weight_value = c.weight_quality = c.weight_network = 0;
	c.tiers = "";
	int64_t v = 0;
	RFT_OK(rf_score_config_set(&v, f->store, "p", &c));
	assert_int_equal(v, 1);
	RFT_OK(rf_score_config_set(&v, f->store, "p", &c)); /* unchanged: same version */
	assert_int_equal(v, 1);
	rf_score *s = sc_score(f, "ann", 0);
	assert_int_equal(s->config_version, 1);
	/* recomputed with the new weight: 50 points, half-saturation 50 */
	assert_true(fabs(s->score - 50) < 1e-9);
	rf_score_free(s);

	char *before = rft_snapshot(f);
	c.weight_activity = 0;
	RFT_RC(rf_score_config_set(&v, f->store, "p", &c), RF_EINVALID);
	c.weight_activity = 1;
	c.tiers = "gold:80:90";
	RFT_RC(rf_score_config_set(&v, f->store, "p", &c), RF_EINVALID);
	c.tiers = "b:50:40,a:20:10";
	RFT_RC(rf_score_config_set(&v, f->store, "p", &c), RF_EINVALID);
	c.tiers = NULL;
	c.activity_half_life_ms = 0;
	RFT_RC(rf_score_config_set(&v, f->store, "p", &c), RF_EINVALID);
	c.activity_half_life_ms = 1000;
	c.version = 7;
	RFT_BAD_VERSION(rf_score_config_set(&v, f->store, "p", &c));
	RFT_UNCHANGED(f, before);
	RFT_OK(rf_score_config_get(&got, f->store, "p"));
	assert_int_equal(got->config_version, 1);
	assert_int_equal(got->config->activity_weights[RF_ACTIVITY_BOOKMARK - 1], 50);
	assert_int_equal(got->config->activity_weights[RF_ACTIVITY_INVITE - 1], 0);
	assert_int_equal(got->config->activity_weights[RF_ACTIVITY_CUSTOM - 1], 1); /* not given */
	assert_string_equal(got->config->tiers, "");
	rf_score_settings_free(got);
}

/* Scores from activity alone (10 points: 50), tiers member (40, kept down
 * to 30) and star (60, kept down to 45). */
static void two_tiers(rft_fixture *f)
{
	rf_score_config c = RF_SCORE_CONFIG_INIT;
	c.weight_activity = 1;
	c.weight_value = c.weight_quality = c.weight_network = 0;
	c.activity_half_points = 10;
	c.tiers = "member:40:30,star:60:45";
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &c));
}

static void test_tiers_hysteresis(void **state)
{
	rft_fixture *f = *state;
	two_tiers(f);
	/* 10 points (an invite) -> 50: member */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0, -1));
	rf_score *s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 1);
	assert_string_equal(s->tier_name, "member");
	rf_score_free(s);
	/* +10 -> 20 points: 66.7, star */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0, -1));
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 2);
	rf_score_free(s);
	/* 30 days: 10 points -> 50, below 60 but above 45: stays a star */
	f->now = RFT_T0 + 30 * DAY;
	int64_t changed = -1;
	RFT_OK(rf_score_refresh(&changed, f->store, "p"));
	assert_int_equal(changed, 0);
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 2);
	rf_score_free(s);
	/* 60 days: 5 points -> 33.3: below 45, above 30: member */
	f->now = RFT_T0 + 60 * DAY;
	RFT_OK(rf_score_refresh(&changed, f->store, "p"));
	assert_int_equal(changed, 1);
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 1);
	rf_score_free(s);
	/* 90 days: 2.5 -> 20: none */
	f->now = RFT_T0 + 90 * DAY;
	RFT_OK(rf_score_refresh(NULL, f->store, "p"));
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 0);
	assert_string_equal(s->tier_name, "");
	rf_score_free(s);
}

/* A score decays between events, so a tier is due to fall before any
 * refresh runs: readers (rf_score_get, the scores export) show the tier the
 * score has now, and the next event demotes at its lowest point first, so
 * a partial comeback does not bring back a tier it fell out of. */
static void test_tiers_without_refresh(void **state)
{
	rft_fixture *f = *state;
	two_tiers(f);
	/* 20 points -> 66.7: star */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0, -1));
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0, -1));
	rf_score *s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 2);
	rf_score_free(s);
	rf_content_spec item = RF_CONTENT_SPEC_INIT;
	item.program = "p";
	item.key = "for-stars";
	item.title = "For stars";
	item.url = "https://example.com/stars";
	item.min_tier = "star";
	RFT_OK(rf_content_add(NULL, f->store, &item));
	rf_content_list *offered = NULL;
	RFT_OK(rf_content_for(&offered, f->store, "p", "ann", 0));
	assert_int_equal(offered->count, 1);
	rf_content_list_free(offered);
	/* 60 days, no refresh: 5 points -> 33.3, below star's 45: a member,
	 * offered no star content */
	f->now = RFT_T0 + 60 * DAY;
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->tier, 1);
	assert_string_equal(s->tier_name, "member");
	rf_score_free(s);
	RFT_OK(rf_content_for(&offered, f->store, "p", "ann", 0));
	assert_int_equal(offered->count, 0);
	rf_content_list_free(offered);
	int64_t rows = 0;
	char *csv = export_scores(f, RF_FORMAT_CSV, RF_EXPORT_PSEUDONYMS, &rows);
	assert_non_null(strstr(csv, ",member,"));
	assert_null(strstr(csv, ",star,"));
	free(csv);
	/* a share (+5) -> 10 points, 50: above 45, below 60: still a member */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_SHARE, f->now, -1));
	s = sc_score(f, "ann", 0);
	assert_true(fabs(s->score - 50.0) < 1e-6);
	assert_int_equal(s->tier, 1);
	rf_score_free(s);
	int64_t changed = -1;
	RFT_OK(rf_score_refresh(&changed, f->store, "p"));
	assert_int_equal(changed, 0); /* the event stored it already */
}

static void test_badges(void **state)
{
	rft_fixture *f = *state;
	for (int i = 0; i < 10; i++) {
		char order[16];
		snprintf(order, sizeof(order), "o%d", i);
		sc_referral(f, "bob", order, 100, RFT_T0 + i);
	}
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_REVIEW, RFT_T0, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_REVIEW, RFT_T0, -1));
	rf_score *s = sc_score(f, "bob", 0);
	assert_int_equal(s->badge_count, 3);
	int seen[5] = { 0 };
	for (size_t i = 0; i < s->badge_count; i++)
		seen[s->badges[i]->kind]++;
	assert_int_equal(seen[RF_BADGE_FIRST_REFERRAL], 1);
	assert_int_equal(seen[RF_BADGE_TEN_REFERRALS], 1);
	assert_int_equal(seen[RF_BADGE_FIRST_REVIEW], 1);
	rf_score_free(s);
	assert_string_equal(rf_enum_name(RF_ENUM_BADGE, RF_BADGE_TOP_PERCENT), "top-one-percent");
	/* top 1 % of last month: bob was the most active in January */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_SHARE, RFT_T0 + DAY, -1));
	f->now = RFT_T0 + 40 * DAY; /* February */
	RFT_OK(rf_score_refresh(NULL, f->store, "p"));
	s = sc_score(f, "bob", 0);
	assert_int_equal(s->badge_count, 4);
	assert_int_equal(s->badges[3]->kind, RF_BADGE_TOP_PERCENT);
	assert_int_equal(s->badges[3]->period_ms, RFT_T0);
	rf_score_free(s);
	s = sc_score(f, "ann", 0);
	assert_int_equal(s->badge_count, 0);
	rf_score_free(s);
}

/* ann referred dan and eve (their customer ids converted through ann's
 * codes), dan referred fay: PageRank over referee -> referrer puts ann
 * first; only a full recompute computes it, and events keep it. */
static void test_network(void **state)
{
	rft_fixture *f = *state;
	const char *who[] = { "dan", "eve", "fay" };
	for (int i = 0; i < 3; i++) {
		char customer[32];
		snprintf(customer, sizeof(customer), "cust-%s", who[i]);
		rf_advocate_spec a = RF_ADVOCATE_SPEC_INIT;
		a.external_id = who[i];
		a.customer_id = customer;
		RFT_OK(rf_advocate_add(NULL, f->store, &a));
	}
	const char *referrer[] = { "ann", "ann", "dan" };
	for (int i = 0; i < 3; i++) {
		char code[RF_CODE_BUFSIZE], visitor[32], order[32], customer[32];
		rft_code(f, "p", referrer[i], code);
		snprintf(visitor, sizeof(visitor), "v-%s", who[i]);
		snprintf(order, sizeof(order), "o-%s", who[i]);
		snprintf(customer, sizeof(customer), "cust-%s", who[i]);
		RFT_OK(rft_click(f, code, visitor, RFT_T0 - 1000, NULL));
		rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
		c.program = "p";
		c.visitor_id = visitor;
		c.order_id = order;
		c.customer_id = customer;
		c.value_minor = 100;
		c.currency = "EUR";
		c.at_ms = RFT_T0;
		RFT_OK(rf_conversion_record(NULL, f->store, &c));
	}
	rf_score *s = sc_score(f, "ann", 0);
	assert_true(s->components[3]->raw == 0); /* not before a recompute */
	rf_score_free(s);
	RFT_OK(rf_score_recompute(f->store, "p"));
	double net[4];
	const char *all[] = { "ann", "dan", "eve", "fay" };
	for (int i = 0; i < 4; i++) {
		s = sc_score(f, all[i], 0);
		net[i] = s->components[3]->raw;
		if (i == 0)
			assert_true(s->components[3]->normalized > 0);
		rf_score_free(s);
	}
	assert_true(net[0] > net[1] && net[1] > net[2]); /* ann > dan > eve */
	assert_true(fabs(net[2] - net[3]) < 1e-12);       /* eve and fay: leaves */
	assert_true(fabs(net[0] + net[1] + net[2] + net[3] - 4) < 1e-6); /* N x ranks sum to N */
	/* an activity keeps the network value */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_SHARE, RFT_T0, -1));
	s = sc_score(f, "ann", 0);
	assert_true(fabs(s->components[3]->raw - net[0]) < 1e-12);
	rf_score_free(s);
}

int scoring_score_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_components, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_incremental_equals_full, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_recompute_writes_changes, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_recompute_progress_and_cancel, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_scores_export, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_retention_keeps_scores, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_config_versions, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_tiers_hysteresis, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_tiers_without_refresh, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_badges, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_network, sc_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
