/*
 * Public score functions: the scoring configuration, an advocate's
 * explained score, the full recompute (streaming) and the refresh of
 * tiers and monthly badges.
 */
#include "api/scoring.h"

#include "core/calendar.h"
#include "core/scoring.h"

#include <math.h>
#include <stdio.h>

static const rf_score_config config_defaults = RF_SCORE_CONFIG_INIT;
static const size_t score_config_sizes[] = RF_SIZES_V1(rf_score_config);

int rf_score_config_init(rf_score_config *config, unsigned version)
{
	return rf__options_init(config, &config_defaults, score_config_sizes, version,
				RF_SCORE_CONFIG_VERSION, "rf_score_config");
}

static int check_range(int64_t v, int64_t lo, int64_t hi, const char *what)
{
	if (v < lo || v > hi)
		return rf__error(RF_EINVALID, "%s must be %lld..%lld", what, (long long)lo,
				 (long long)hi);
	return RF_OK;
}

#define YEAR_MS (INT64_C(366) * 86400000)

/* A caller's configuration as a stored row (version not set), checked. */
static int config_read(const rf_score_config *in, rfs_score_config *c)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_SCORE_CONFIG_VERSION, "rf_score_config");
	if (rc != RF_OK)
		return rc;
	rf_score_config cfg;
	rf__options_read(&cfg, &config_defaults, sizeof(cfg), in, score_config_sizes);
	rf__score_config_defaults(c);
	if (cfg.activity_weight_count > RF_ACTIVITY_TYPE_COUNT)
		return rf__error(RF_EINVALID, "activity_weight_count must be 0..%d", RF_ACTIVITY_TYPE_COUNT);
	if (cfg.activity_weight_count > 0 && cfg.activity_weights == NULL)
		return rf__error(RF_EINVALID, "activity_weights is NULL");
	for (uint32_t i = 0; i < cfg.activity_weight_count; i++) {
		if ((rc = check_range(cfg.activity_weights[i], 0, 1000, "activity weights")) != RF_OK)
			return rc;
		c->weights[i] = cfg.activity_weights[i];
	}
	if ((rc = check_range(cfg.activity_half_life_ms, 1, 10 * YEAR_MS, "activity_half_life_ms")) ||
	    (rc = check_range(cfg.value_half_life_ms, 1, 10 * YEAR_MS, "value_half_life_ms")) ||
	    (rc = check_range(cfg.weight_activity, 0, 1000, "weight_activity")) ||
	    (rc = check_range(cfg.weight_value, 0, 1000, "weight_value")) ||
	    (rc = check_range(cfg.weight_quality, 0, 1000, "weight_quality")) ||
	    (rc = check_range(cfg.weight_network, 0, 1000, "weight_network")) ||
	    (rc = check_range(cfg.activity_half_points, 1, INT64_C(1000000000), "activity_half_points")) ||
	    (rc = check_range(cfg.value_half_minor, 1, INT64_C(1000000000000000), "value_half_minor")) ||
	    (rc = check_range(cfg.risk_percent, 0, 100, "risk_percent")))
		return rc;
	if (cfg.weight_activity + cfg.weight_value + cfg.weight_quality + cfg.weight_network == 0)
		return rf__error(RF_EINVALID, "the component weights must not all be 0");
	c->activity_half_life_ms = cfg.activity_half_life_ms;
	c->value_half_life_ms = cfg.value_half_life_ms;
	c->weight_activity = cfg.weight_activity;
	c->weight_value = cfg.weight_value;
	c->weight_quality = cfg.weight_quality;
	c->weight_network = cfg.weight_network;
	c->activity_half_points = cfg.activity_half_points;
	c->value_half_minor = cfg.value_half_minor;
	c->risk_percent = cfg.risk_percent;
	if (cfg.tiers) {
		if ((rc = rf__check_opt_text(cfg.tiers, RFS_TIERS_SIZE - 1, "tiers")) != RF_OK)
			return rc;
		snprintf(c->tiers, sizeof(c->tiers), "%s", cfg.tiers);
	}
	rf__tiers tiers;
	return rf__tiers_parse(c->tiers, &tiers);
}

static int config_equal(const rfs_score_config *a, const rfs_score_config *b)
{
	return memcmp(a->weights, b->weights, sizeof(a->weights)) == 0 &&
	       a->activity_half_life_ms == b->activity_half_life_ms &&
	       a->value_half_life_ms == b->value_half_life_ms &&
	       a->weight_activity == b->weight_activity && a->weight_value == b->weight_value &&
	       a->weight_quality == b->weight_quality && a->weight_network == b->weight_network &&
	       a->activity_half_points == b->activity_half_points &&
	       a->value_half_minor == b->value_half_minor && a->risk_percent == b->risk_percent &&
	       strcmp(a->tiers, b->tiers) == 0;
}

/* ---- full recompute ------------------------------------------------------- */

/* The network component: relative PageRank (N x rank) per advocate over
 * the program's referral graph (rfs_referral_edges: advocate `from`
 * referred advocate `to`), with edges referee -> referrer. Advocates
 * outside the graph have 0. Memory: O(nodes + edges). */
typedef struct network {
	size_t n;
	int64_t *ids;   /* sorted advocate ids */
	double *value;  /* N x rank */
} network;

typedef struct edge_list {
	int64_t *from, *to;
	size_t n, cap;
} edge_list;

static int edge_keep(void *ctx, const rfs_edge *e)
{
	edge_list *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		int64_t *f = realloc(l->from, cap * sizeof(*f));
		if (f)
			l->from = f;
		int64_t *t = realloc(l->to, cap * sizeof(*t));
		if (t)
			l->to = t;
		if (f == NULL || t == NULL)
			return rf__error(RF_ENOMEM, "out of memory reading the referral graph");
		l->cap = cap;
	}
	l->from[l->n] = e->from;
	l->to[l->n++] = e->to;
	return RF_OK;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static size_t index_of(const network *net, int64_t id);

static int network_rank(network *net, const edge_list *l)
{
	/* nodes: the sorted distinct ends of the edges */
	net->ids = malloc(2 * l->n * sizeof(*net->ids));
	uint32_t *src = malloc(l->n * sizeof(*src)), *dst = malloc(l->n * sizeof(*dst));
	if (net->ids == NULL || src == NULL || dst == NULL) {
		free(src);
		free(dst);
		return rf__error(RF_ENOMEM, "out of memory ranking the referral graph");
	}
	memcpy(net->ids, l->from, l->n * sizeof(int64_t));
	memcpy(net->ids + l->n, l->to, l->n * sizeof(int64_t));
	qsort(net->ids, 2 * l->n, sizeof(int64_t), cmp_id);
	size_t n = 0;
	for (size_t i = 0; i < 2 * l->n; i++) {
		if (n == 0 || net->ids[n - 1] != net->ids[i])
			net->ids[n++] = net->ids[i];
	}
	net->n = n;
	for (size_t e = 0; e < l->n; e++) {
		src[e] = (uint32_t)index_of(net, l->to[e]);   /* the referee ... */
		dst[e] = (uint32_t)index_of(net, l->from[e]); /* ... points at its referrer */
	}
	net->value = malloc(n * sizeof(double));
	int rc = RF_OK;
	if (net->value == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory ranking the referral graph");
	else if (rfc_pagerank(n, src, dst, l->n, 0.85, NULL, 100, 1e-9, net->value) < 0)
		rc = rf__error(RF_ENOMEM, "PageRank failed on the referral graph");
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		net->value[i] *= (double)n;
	free(src);
	free(dst);
	return rc;
}

static int network_build(rf_store *s, int64_t program_id, network *net)
{
	memset(net, 0, sizeof(*net));
	edge_list l = { 0 };
	int rc = rfs_referral_edges(s, program_id, edge_keep, &l);
	if (rc == RF_OK && l.n > 0)
		rc = network_rank(net, &l);
	free(l.from);
	free(l.to);
	return rc;
}

static size_t index_of(const network *net, int64_t id)
{
	size_t lo = 0, hi = net->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (net->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void network_free(network *net)
{
	free(net->ids);
	free(net->value);
}

/* The streams a full recompute merges, each ordered by advocate id:
 * activity rows, credit groups, the stored rows, the carried sums of
 * purged activities, the graph's nodes. */
typedef struct streams {
	sqlite3_stmt *act, *cred, *old, *carry;
	int sa, sc, so, sk;
	size_t ni;
	int64_t written, deleted;
	rf__progress progress; /* advocate ids out of the largest */
} streams;

static int64_t head_of(sqlite3_stmt *st, int step)
{
	return step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : INT64_MAX;
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* Fold one advocate's activity rows (the stream is at its first row) into
 * its state: counts, the weighted decayed sum at `now`, the last time.
 * Types whose weight is 0 are counted, not decayed. */
static void fold_activities(streams *m, const rfs_score_config *c, int64_t now,
			    rfs_score_state *st)
{
	double sum = 0;
	while (m->sa == SQLITE_ROW && sqlite3_column_int64(m->act, 0) == st->advocate_id) {
		int32_t type = sqlite3_column_int(m->act, 1);
		int64_t at = sqlite3_column_int64(m->act, 2);
		st->activities++;
		st->reviews += type == RF_ACTIVITY_REVIEW;
		if (at > st->last_at)
			st->last_at = at;
		if (type >= 1 && type <= RF_ACTIVITY_TYPE_COUNT && c->weights[type - 1] != 0)
			sum += c->weights[type - 1] * rfc_decay(now - at, c->activity_half_life_ms);
		m->sa = sqlite3_step(m->act);
	}
	st->act_sum += sum;
}

/* Fold the carried sums of an advocate's purged activities (the stream
 * is at its first row): counted as if still there. A sum carried under
 * another half-life is converted as if its events shared their mean
 * decay (exact when the half-life has not changed). */
static void fold_carried(streams *m, const rfs_score_config *c, int64_t now,
			 rfs_score_state *st)
{
	int64_t h = c->activity_half_life_ms;
	while (m->sk == SQLITE_ROW && sqlite3_column_int64(m->carry, 0) == st->advocate_id) {
		int32_t type = sqlite3_column_int(m->carry, 1);
		int64_t n = sqlite3_column_int64(m->carry, 2), ref = sqlite3_column_int64(m->carry, 4);
		double sum = sqlite3_column_double(m->carry, 3);
		int64_t made_with = sqlite3_column_int64(m->carry, 5);
		int64_t last = sqlite3_column_int64(m->carry, 6);
		st->activities += n;
		st->reviews += type == RF_ACTIVITY_REVIEW ? n : 0;
		if (last > st->last_at)
			st->last_at = last;
		if (made_with != h && n > 0)
			sum = (double)n * pow(sum / (double)n, (double)made_with / (double)h);
		if (type >= 1 && type <= RF_ACTIVITY_TYPE_COUNT && c->weights[type - 1] != 0)
			st->act_sum += c->weights[type - 1] * sum * rfc_decay(now - ref, h);
		m->sk = sqlite3_step(m->carry);
	}
}

static void fold_credits(streams *m, rfs_score_state *st)
{
	st->referrals = sqlite3_column_int64(m->cred, 1);
	st->kept = sqlite3_column_int64(m->cred, 2);
	st->value_net = sqlite3_column_int64(m->cred, 3);
	st->val_sum = sqlite3_column_double(m->cred, 4);
	int64_t last = sqlite3_column_int64(m->cred, 5);
	st->last_at = last > st->last_at ? last : st->last_at;
	m->sc = sqlite3_step(m->cred);
}

static int near(double a, double b)
{
	return fabs(a - b) <= 1e-12 * fmax(fabs(a), fabs(b)) + 1e-300;
}

/* A stored row that gives the same numbers as the recomputed one at `now`
 * (the decayed sums to 1e-12) need not be written, whichever configuration
 * wrote it: a score is computed from the row under the current one when
 * read, so a new configuration that keeps the activity weights and the
 * half-lives (component weights, scales, risk, tiers) rewrites nothing.
 * A row's config_version says which configuration last wrote it. */
static int same_state(const rfs_score_config *c, const rfs_score_state *o,
		      const rfs_score_state *n, int64_t now)
{
	return o->activities == n->activities &&
	       o->reviews == n->reviews && o->referrals == n->referrals && o->kept == n->kept &&
	       o->value_net == n->value_net && o->last_at == n->last_at &&
	       o->network == n->network &&
	       near(rfc_decayed_at(o->act_sum, o->act_ref, now, c->activity_half_life_ms), n->act_sum) &&
	       near(rfc_decayed_at(o->val_sum, o->val_ref, now, c->value_half_life_ms), n->val_sum);
}

/* Merge the streams into one state per advocate and write only what
 * changed: an UPDATE in place, an INSERT for a new advocate, a DELETE for
 * one left without events (erased). Memory is flat in the number of events
 * (the referral graph aside). */
static int rebuild(rf_store *s, int64_t program_id, const rfs_score_config *c, int64_t now,
		   const network *net, streams *m)
{
	int rc = RF_OK;
	m->sa = sqlite3_step(m->act);
	m->sc = sqlite3_step(m->cred);
	m->so = sqlite3_step(m->old);
	m->sk = sqlite3_step(m->carry);
	while (rc == RF_OK) {
		int64_t a = head_of(m->act, m->sa), cr = head_of(m->cred, m->sc);
		int64_t o = head_of(m->old, m->so), k = head_of(m->carry, m->sk);
		int64_t g = m->ni < net->n ? net->ids[m->ni] : INT64_MAX;
		int64_t adv = min64(min64(min64(a, k), cr), min64(o, g));
		if (adv == INT64_MAX)
			break;
		rfs_score_state st = { .advocate_id = adv, .config_version = c->version,
				       .act_ref = now, .val_ref = now };
		if (a == adv)
			fold_activities(m, c, now, &st);
		if (k == adv)
			fold_carried(m, c, now, &st);
		if (cr == adv)
			fold_credits(m, &st);
		if (g == adv)
			st.network = net->value[m->ni++];
		rfs_score_state old;
		int had = o == adv;
		if (had) {
			rfs_score_state_read(m->old, &old);
			m->so = sqlite3_step(m->old); /* past the row before it is written */
		}
		if ((rc = rf__progress_step(&m->progress, (uint64_t)adv)) != RF_OK)
			break; /* canceled: the caller rolls back */
		if (a != adv && k != adv && cr != adv && g != adv) {
			rc = rfs_score_state_delete(s, program_id, adv);
			m->deleted++;
		} else if (!had || !same_state(c, &old, &st, now)) {
			int updated = 0;
			if (had)
				rc = rfs_score_state_update(s, program_id, &st, &updated);
			if (rc == RF_OK && !updated)
				rc = rfs_score_state_put(s, program_id, &st);
			m->written++;
		}
	}
	if (rc == RF_OK && m->sa != SQLITE_DONE)
		rc = rfs_fail(s, m->sa, "recomputing scores (activities)");
	if (rc == RF_OK && m->sc != SQLITE_DONE)
		rc = rfs_fail(s, m->sc, "recomputing scores (conversions)");
	if (rc == RF_OK && m->so != SQLITE_DONE)
		rc = rfs_fail(s, m->so, "recomputing scores (stored rows)");
	if (rc == RF_OK && m->sk != SQLITE_DONE)
		rc = rfs_fail(s, m->sk, "recomputing scores (carried activities)");
	return rc;
}

static int recompute(rf_store *s, int64_t program_id, const rfs_score_config *c)
{
	network net;
	streams m = { 0 };
	int64_t now = rfs_now(s), last_id = 0;
	int rc = rf__progress_wanted(s) ? rfs_advocate_max_id(s, &last_id) : RF_OK;
	if (rc == RF_OK)
		rc = rf__progress_begin(&m.progress, s, "recompute", (uint64_t)last_id);
	if (rc != RF_OK)
		return rc;
	rc = network_build(s, program_id, &net);
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_SCORE_ACTIVITY_ROWS, &m.act);
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_SCORE_CREDIT_GROUPS, &m.cred);
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_SCORE_STATE_SCAN, &m.old);
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_SCORE_CARRY_ROWS, &m.carry);
	if (rc == RF_OK) {
		sqlite3_bind_int64(m.act, 1, program_id);
		sqlite3_bind_int64(m.cred, 1, program_id);
		sqlite3_bind_int64(m.cred, 2, now);
		sqlite3_bind_double(m.cred, 3, (double)c->value_half_life_ms);
		sqlite3_bind_int64(m.old, 1, program_id);
		sqlite3_bind_int64(m.carry, 1, program_id);
		rc = rebuild(s, program_id, c, now, &net, &m);
		if (rc == RF_OK)
			rc = rf__progress_end(&m.progress);
		sqlite3_reset(m.act);
		sqlite3_reset(m.cred);
		sqlite3_reset(m.old);
		sqlite3_reset(m.carry);
	}
	network_free(&net);
	return rc;
}

int rf__scores_on_purge(rf_store *s, int64_t program_id, int64_t cutoff)
{
	rfs_score_config c;
	int rc = rf__score_config_load(s, program_id, &c);
	return rc == RF_OK ? rfs_score_carry_fold(s, program_id, cutoff, c.activity_half_life_ms) : rc;
}

int rf_score_recompute(rf_store *store, const char *program)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_score_config c;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__score_config_load(store, p.id, &c);
	if (rc == RF_OK)
		rc = recompute(store, p.id, &c);
	return rfs_end(store, rc);
}

int rf_score_config_set(int64_t *config_version, rf_store *store, const char *program,
			const rf_score_config *config)
{
	rfs_score_config next, cur;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = config_read(config, &next);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__score_config_load(store, p.id, &cur);
	if (rc == RF_OK && !config_equal(&next, &cur)) {
		next.version = cur.version + 1;
		rc = rfs_score_config_insert(store, p.id, &next, rfs_now(store));
		if (rc == RF_OK)
			rc = recompute(store, p.id, &next);
		cur.version = next.version;
	}
	rc = rfs_end(store, rc);
	if (rc == RF_OK && config_version)
		*config_version = cur.version;
	return rc;
}

static void pack_settings(rf_pack *pk, const void *from, void *slot)
{
	const rfs_score_config *c = from;
	rf_score_settings *o = rf__pack_reserve(pk, sizeof(*o));
	rf_score_config *cfg = rf__pack_reserve(pk, sizeof(*cfg));
	int32_t *w = rf__pack_reserve(pk, sizeof(c->weights));
	const char *tiers = rf__pack_str(pk, c->tiers);
	if (o == NULL)
		return;
	memcpy(w, c->weights, sizeof(c->weights));
	*cfg = (rf_score_config){ RF_SCORE_CONFIG_VERSION, w, RF_ACTIVITY_TYPE_COUNT,
				  c->activity_half_life_ms, c->value_half_life_ms,
				  c->weight_activity, c->weight_value, c->weight_quality,
				  c->weight_network, c->activity_half_points, c->value_half_minor,
				  c->risk_percent, tiers };
	*o = (rf_score_settings){ c->version, cfg };
	*(rf_score_settings **)slot = o;
}

int rf_score_config_get(rf_score_settings **out, rf_store *store, const char *program)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	rfs_program p;
	rfs_score_config c;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__score_config_load(store, p.id, &c);
	if (rc == RF_OK)
		rc = rf__pack_one(&c, pack_settings, out);
	return rc;
}

void rf_score_settings_free(rf_score_settings *settings)
{
	free(settings);
}

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
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__score_config_load(store, p.id, &c);
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
