/*
 * The full score recompute: every advocate's state rebuilt from the
 * program's events in one streaming pass (flat memory), writing only the
 * rows whose numbers change.
 */
#include "api/scoring.h"

#include "core/scoring.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

int rf__score_recompute(rf_store *s, int64_t program_id, const rfs_score_config *c)
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
	rc = rf__score_program_load(store, program, &p, &c);
	if (rc == RF_OK)
		rc = rf__score_recompute(store, p.id, &c);
	return rfs_end(store, rc);
}
