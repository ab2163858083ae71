/*
 * Replay: re-attribute a program's conversions under other rules and
 * compare with what is stored, per advocate and per channel and currency.
 * Each conversion is replayed from the store alone (its journey; for a
 * sale after a lead or a renewal, its parent's journey; for a locked
 * referee, its first conversion's journey), so memory does not grow with
 * history. Nothing is written.
 */
#include "api/attribute.h"

#include <math.h>
#include <stdio.h>

#include "core/attribution.h"
#include "util/strmap.h"

#define MONTH_MS (30 * RF_DAY_MS)

typedef struct tally {
	int32_t target;
	char name[RFS_ID_SIZE];
	char currency[4];
	double current_conv, replay_conv;
	int64_t current_value, replay_value;
} tally;

typedef struct replaying {
	rf_store *s;
	const rfs_program *p;
	const rf_program_rules *rules;
	const int32_t *custom;
	rf_strmap keys;       /* "a<id>/<cur>" or "c<channel>/<cur>" -> tally index */
	tally *tallies;
	size_t cap;
	int64_t conversions, changed;
	rf__progress progress;
} replaying;

/* The index of a tally (created when new); indices stay valid as the
 * array grows, pointers do not. */
static int tally_of(replaying *r, int32_t target, int64_t id, const char *currency, size_t *out)
{
	char key[64];
	int n = snprintf(key, sizeof(key), "%c%lld/%s", target == RF_TARGET_ADVOCATE ? 'a' : 'c',
			 (long long)id, currency);
	size_t before = r->keys.count;
	long index = rf_strmap_intern(&r->keys, key, (size_t)n);
	if (index < 0)
		return rf__error(RF_ENOMEM, "out of memory");
	if (r->keys.count > before) {
		if (r->keys.count > r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 64;
			tally *grown = realloc(r->tallies, cap * sizeof(*grown));
			if (grown == NULL)
				return rf__error(RF_ENOMEM, "out of memory");
			r->tallies = grown;
			r->cap = cap;
		}
		tally *t = &r->tallies[index];
		memset(t, 0, sizeof(*t));
		t->target = target;
		memcpy(t->currency, currency, 4);
		if (target == RF_TARGET_CHANNEL) {
			const char *name = rf_enum_name(RF_ENUM_CHANNEL, (int32_t)id);
			snprintf(t->name, sizeof(t->name), "%s", name ? name : "unknown");
		} else {
			int rc = rfs_advocate_ext(r->s, id, t->name, sizeof(t->name));
			if (rc != RF_OK)
				return rc;
		}
	}
	*out = (size_t)index;
	return RF_OK;
}

/* Weigh the journey of conversion `c` under the replay's rules. */
static int weigh_journey(replaying *r, const rfs_replay_conversion *c, rfs_journey_touch **t,
			 double **w, size_t *n)
{
	int rc = rf__journey(r->s, r->p->id, c->visitor_id, c->customer_id, c->at,
			     r->rules->lookback_ms, t, n);
	*w = rc == RF_OK ? calloc(*n + 1, sizeof(double)) : NULL;
	if (rc == RF_OK && *w == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK && *n) {
		rf__weighting weighting = { *w, NULL, "", 0 };
		rc = rf__weigh(r->s, r->p->id, r->rules, r->custom, *t, *n, c->at, &weighting);
	}
	return rc;
}

/* Keep only the journey's strongest touch (ties: the earliest), for a
 * referee locked to its first referrer. */
static void keep_strongest(double *w, size_t n)
{
	size_t best = 0;
	for (size_t i = 1; i < n; i++)
		best = w[i] > w[best] ? i : best;
	for (size_t i = 0; i < n; i++)
		w[i] = i == best ? 1.0 : 0.0;
}

/* Which conversion's journey decides this one's credit under the rules. */
static int source_of(replaying *r, const rfs_replay_conversion *c, rfs_replay_conversion *src,
		     int *locked)
{
	*src = *c;
	*locked = 0;
	int rc = RF_OK;
	int follows = c->follows_id &&
		      ((c->kind == RF_CONVERSION_PURCHASE && r->rules->sale_follows_lead) ||
		       (c->kind == RF_CONVERSION_RENEWAL && r->rules->renewal_months > 0));
	if (follows) {
		rc = rfs_conversion_by_id(r->s, c->follows_id, src);
		if (rc == RF_OK && c->kind == RF_CONVERSION_RENEWAL &&
		    c->at - src->at > r->rules->renewal_months * MONTH_MS)
			*src = *c;
		return rc;
	}
	if (r->rules->lock_first_referrer) {
		int64_t first = 0;
		rc = rfs_first_conversion_of_person(r->s, r->p->id, c->visitor_id, c->customer_id,
						    &first);
		if (rc == RF_OK && first && first != c->id) {
			rc = rfs_conversion_by_id(r->s, first, src);
			*locked = 1;
		}
	}
	return rc;
}

/* Stored and replayed credit of one advocate differ by more than rounding. */
static int differs(const rfs_stored_credit *stored, size_t ns, const rfs_journey_touch *t,
		   const double *w, size_t n)
{
	for (size_t i = 0; i < ns; i++) {
		double mine = 0.0, theirs = 0.0;
		for (size_t j = 0; j < ns; j++)
			mine += stored[j].advocate_id == stored[i].advocate_id ? stored[j].weight : 0.0;
		for (size_t j = 0; j < n; j++)
			theirs += t[j].advocate_id == stored[i].advocate_id ? w[j] : 0.0;
		if (fabs(mine - theirs) > 1e-9)
			return 1;
	}
	for (size_t j = 0; j < n; j++) {
		int known = 0;
		for (size_t i = 0; i < ns && !known; i++)
			known = stored[i].advocate_id == t[j].advocate_id;
		if (!known && w[j] > 0.0)
			return 1;
	}
	return 0;
}

static int add_stored(replaying *r, const rfs_replay_conversion *c,
		      const rfs_stored_credit *stored, size_t ns)
{
	int rc = RF_OK;
	for (size_t i = 0; rc == RF_OK && i < ns; i++) {
		size_t ai = 0, ci = 0;
		rc = tally_of(r, RF_TARGET_ADVOCATE, stored[i].advocate_id, c->currency, &ai);
		if (rc == RF_OK)
			rc = tally_of(r, RF_TARGET_CHANNEL, stored[i].channel, c->currency, &ci);
		if (rc != RF_OK)
			break;
		tally *a = &r->tallies[ai], *ch = &r->tallies[ci];
		a->current_conv += stored[i].weight;
		ch->current_conv += stored[i].weight;
		a->current_value += stored[i].value_minor;
		ch->current_value += stored[i].value_minor;
	}
	return rc;
}

static int add_replayed(replaying *r, const rfs_replay_conversion *c, const rfs_journey_touch *t,
			const double *w, size_t n)
{
	int64_t *parts = calloc(n + 1, sizeof(*parts));
	int rc = parts ? RF_OK : rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK && n)
		rfc_split_value(c->value_minor, w, n, parts);
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		if (w[i] <= 0.0)
			continue;
		size_t ai = 0, ci = 0;
		rc = tally_of(r, RF_TARGET_ADVOCATE, t[i].advocate_id, c->currency, &ai);
		if (rc == RF_OK)
			rc = tally_of(r, RF_TARGET_CHANNEL, t[i].channel, c->currency, &ci);
		if (rc != RF_OK)
			break;
		tally *a = &r->tallies[ai], *ch = &r->tallies[ci];
		a->replay_conv += w[i];
		ch->replay_conv += w[i];
		a->replay_value += parts[i];
		ch->replay_value += parts[i];
	}
	free(parts);
	return rc;
}

static int replay_one(void *ctx, const rfs_replay_conversion *c)
{
	replaying *r = ctx;
	rfs_replay_conversion src;
	rfs_journey_touch *t = NULL;
	rfs_stored_credit *stored = NULL;
	double *w = NULL;
	size_t n = 0, ns = 0;
	int locked = 0;
	int rc = source_of(r, c, &src, &locked);
	if (rc == RF_OK)
		rc = weigh_journey(r, &src, &t, &w, &n);
	if (rc == RF_OK && locked && n)
		keep_strongest(w, n);
	if (rc == RF_OK)
		rc = rfs_stored_credits(r->s, c->id, &stored, &ns);
	if (rc == RF_OK)
		rc = add_stored(r, c, stored, ns);
	if (rc == RF_OK)
		rc = add_replayed(r, c, t, w, n);
	if (rc == RF_OK) {
		r->conversions++;
		r->changed += differs(stored, ns, t, w, n);
		rc = rf__progress_step(&r->progress, (uint64_t)r->conversions);
	}
	free(t);
	free(w);
	free(stored);
	return rc;
}

static int by_target_name(const void *a, const void *b)
{
	const tally *x = a, *y = b;
	if (x->target != y->target)
		return x->target - y->target;
	int c = strcmp(x->name, y->name);
	return c ? c : strcmp(x->currency, y->currency);
}

static void pack_replay(rf_pack *pk, const void *from, void *slot)
{
	const replaying *r = from;
	size_t n = r->keys.count;
	rf_replay *out = rf__pack_reserve(pk, sizeof(*out));
	rf_replay_row **rows = rf__pack_reserve(pk, (n + 1) * sizeof(*rows));
	for (size_t i = 0; i < n; i++) {
		const tally *t = &r->tallies[i];
		rf_replay_row *row = rf__pack_reserve(pk, sizeof(*row));
		const char *name = rf__pack_str(pk, t->name);
		const char *currency = rf__pack_str(pk, t->currency);
		if (row == NULL)
			continue;
		*row = (rf_replay_row){ t->target, name, currency, t->current_conv, t->replay_conv,
					t->current_value, t->replay_value };
		rows[i] = row;
	}
	if (out == NULL)
		return;
	*out = (rf_replay){ r->conversions, r->changed, n, rows };
	*(rf_replay **)slot = out;
}

int rf_replay_run(rf_replay **out, rf_store *store, const char *program,
		  const rf_program_rules *rules, int64_t from_ms, int64_t to_ms)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	RF_CHECK_ARG(rules != NULL);
	rf_program_rules r;
	int32_t weights[RF_CUSTOM_WEIGHTS_MAX];
	if ((rc = rf__rules_read(rules, &r, weights)) != RF_OK)
		return rc;
	if (from_ms < 0 || to_ms < 0 || (to_ms != 0 && to_ms <= from_ms))
		return rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	rfs_program p;
	if ((rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	replaying state = { store, &p, &r, weights, { 0 }, NULL, 0, 0, 0, { 0 } };
	int64_t end = to_ms ? to_ms : INT64_MAX, total = 0;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK && rf__progress_wanted(store)) /* counting costs a scan */
		rc = rfs_replay_count(store, p.id, from_ms, end, &total);
	if (rc == RF_OK)
		rc = rf__progress_begin(&state.progress, store, "replay", (uint64_t)total);
	if (rc == RF_OK)
		rc = rfs_replay_conversions(store, p.id, from_ms, end, replay_one, &state);
	if (rc == RF_OK)
		rc = rf__progress_end(&state.progress);
	rfs_rollback(store); /* end the read */
	if (rc == RF_OK) {
		if (state.keys.count)
			qsort(state.tallies, state.keys.count, sizeof(*state.tallies), by_target_name);
		rc = rf__pack_one(&state, pack_replay, out);
	}
	rf_strmap_free(&state.keys);
	free(state.tallies);
	return rc;
}

void rf_replay_free(rf_replay *replay)
{
	free(replay);
}
