/*
 * Fitting the data-driven models on a program's journeys. Touchpoints
 * stream in (visitor, time) order; each visitor's journey (its advocates,
 * up to its first conversion) is fed to the core model and forgotten, so
 * memory grows with advocates, not journeys. Read in one read
 * transaction; the values are written in a short write transaction.
 */
#include "api/api.h"

#include <stdio.h>

#include "core/markov.h"
#include "core/shapley.h"

typedef struct fitting {
	rf_store *s;
	int64_t program_id;
	int32_t model;
	const int64_t *advocates;   /* sorted ids: a player is its position */
	size_t players;
	rfc_markov *markov;
	double *shapley;
	unsigned char *seen;
	int64_t visitor, until;     /* current visitor and its first conversion (-1: none) */
	uint32_t *path;
	size_t n, cap;
	int64_t journeys, conversions;
} fitting;

static long player_of(const fitting *f, int64_t advocate)
{
	size_t lo = 0, hi = f->players;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->advocates[mid] < advocate)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->players && f->advocates[lo] == advocate ? (long)lo : -1;
}

static void finish_journey(fitting *f)
{
	if (f->n == 0)
		return;
	double conv = f->until >= 0 ? 1.0 : 0.0;
	if (f->markov)
		rfc_markov_add(f->markov, f->path, f->n, conv, 1.0 - conv);
	else
		rfc_shapley_add(f->shapley, f->players, f->path, f->n, conv, f->seen);
	f->journeys++;
	f->conversions += f->until >= 0;
	f->n = 0;
}

static int step(void *ctx, int64_t visitor, int64_t at, int64_t advocate)
{
	fitting *f = ctx;
	if (visitor != f->visitor) {
		finish_journey(f);
		f->visitor = visitor;
		int rc = rfs_first_conversion_at(f->s, f->program_id, visitor, &f->until);
		if (rc != RF_OK)
			return rc;
	}
	if (f->until >= 0 && at > f->until)
		return RF_OK; /* after the conversion: not part of its journey */
	long player = player_of(f, advocate);
	if (player < 0)
		return rf__error(RF_ECORRUPT, "a code's advocate is not in its program");
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		uint32_t *grown = realloc(f->path, cap * sizeof(*grown));
		if (grown == NULL)
			return rf__error(RF_ENOMEM, "out of memory");
		f->path = grown;
		f->cap = cap;
	}
	f->path[f->n++] = (uint32_t)player;
	return RF_OK;
}

/* Read every journey and solve; values[i] for advocates[i]. */
static int fit_values(fitting *f, double *values, double *p_conv)
{
	int rc = rfs_fit_journeys(f->s, f->program_id, step, f);
	if (rc != RF_OK)
		return rc;
	finish_journey(f);
	if (f->conversions == 0)
		return rf__error(RF_ERROR, "no journey converts: nothing to fit");
	if (f->markov) {
		if (rfc_markov_solve(f->markov, values, NULL, p_conv) != 0)
			return rf__error(RF_ERROR, "the Markov chain has no solution");
		return RF_OK;
	}
	memcpy(values, f->shapley, f->players * sizeof(*values));
	*p_conv = 0.0;
	return RF_OK;
}

typedef struct fit_row {
	char advocate[RFS_ID_SIZE];
	double value, weight;
} fit_row;

static int by_value(const void *a, const void *b)
{
	const fit_row *x = a, *y = b;
	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return strcmp(x->advocate, y->advocate);
}

typedef struct fit_result {
	const fitting *f;
	const fit_row *rows;
	double p_conv;
	int64_t now;
} fit_result;

static void pack_fit(rf_pack *pk, const void *from, void *slot)
{
	const fit_result *r = from;
	rf_fit *fit = rf__pack_reserve(pk, sizeof(*fit));
	rf_fit_value **items = rf__pack_reserve(pk, (r->f->players + 1) * sizeof(*items));
	for (size_t i = 0; i < r->f->players; i++) {
		rf_fit_value *v = rf__pack_reserve(pk, sizeof(*v));
		const char *name = rf__pack_str(pk, r->rows[i].advocate);
		if (v == NULL)
			continue;
		*v = (rf_fit_value){ name, r->rows[i].value, r->rows[i].weight };
		items[i] = v;
	}
	if (fit == NULL)
		return;
	*fit = (rf_fit){ r->f->model, r->f->journeys, r->f->conversions, r->p_conv, r->now,
			 r->f->players, items };
	*(rf_fit **)slot = fit;
}

/* Names and shares of the values, largest first. */
static int result_rows(rf_store *s, const fitting *f, const double *values, fit_row *rows)
{
	double sum = 0.0;
	for (size_t i = 0; i < f->players; i++)
		sum += values[i];
	for (size_t i = 0; i < f->players; i++) {
		int rc = rfs_advocate_ext(s, f->advocates[i], rows[i].advocate,
					  sizeof(rows[i].advocate));
		if (rc != RF_OK)
			return rc;
		rows[i].value = values[i];
		rows[i].weight = sum > 0.0 ? values[i] / sum : 0.0;
	}
	qsort(rows, f->players, sizeof(*rows), by_value);
	return RF_OK;
}

static int fit_program(rf_store *s, const rfs_program *p, int32_t model, rf_fit **out)
{
	int64_t *advocates = NULL;
	size_t players = 0;
	int rc = rfs_program_advocates(s, p->id, &advocates, &players);
	fitting f = { s, p->id, model, advocates, players, NULL, NULL, NULL, -1, -1, NULL, 0, 0,
		      0, 0 };
	double *values = calloc(players + 1, sizeof(double));
	fit_row *rows = calloc(players + 1, sizeof(*rows));
	double p_conv = 0.0;
	if (rc == RF_OK && (values == NULL || rows == NULL))
		rc = rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK && players == 0)
		rc = rf__error(RF_ERROR, "program '%s' has no codes: nothing to fit", p->key);
	if (rc == RF_OK && model == RF_MODEL_MARKOV && players > RFC_MARKOV_MAX_PLAYERS)
		rc = rf__error(RF_ERROR, "%zu advocates: the exact Markov solution handles %d",
			       players, RFC_MARKOV_MAX_PLAYERS);
	if (rc == RF_OK && model == RF_MODEL_MARKOV && !(f.markov = rfc_markov_new(players)))
		rc = rf__error(RF_ENOMEM, "out of memory for the Markov chain");
	if (rc == RF_OK && model == RF_MODEL_SHAPLEY) {
		f.shapley = calloc(players, sizeof(double));
		f.seen = calloc(players, 1);
		if (f.shapley == NULL || f.seen == NULL)
			rc = rf__error(RF_ENOMEM, "out of memory");
	}
	if (rc == RF_OK && (rc = rfs_begin_read(s)) == RF_OK) {
		rc = fit_values(&f, values, &p_conv);
		if (rc == RF_OK && out)
			rc = result_rows(s, &f, values, rows);
		rfs_rollback(s); /* end the read */
	}
	int64_t now = rfs_now(s);
	if (rc == RF_OK && (rc = rfs_begin(s)) == RF_OK)
		rc = rfs_end(s, rfs_fit_store(s, p->id, model, advocates, values, players, now));
	if (rc == RF_OK && out)
		rc = rf__pack_one(&(fit_result){ &f, rows, p_conv, now }, pack_fit, out);
	rfc_markov_free(f.markov);
	free(f.shapley);
	free(f.seen);
	free(f.path);
	free(advocates);
	free(values);
	free(rows);
	return rc;
}

int rf_model_fit(rf_fit **out, rf_store *store, const char *program, int32_t model)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	if (model != RF_MODEL_MARKOV && model != RF_MODEL_SHAPLEY)
		return rf__error(RF_EINVALID, "model %d is not data-driven (markov or shapley)",
				 (int)model);
	rfs_program p;
	rc = rf__program_load(store, program, &p);
	return rc == RF_OK ? fit_program(store, &p, model, out) : rc;
}

void rf_fit_free(rf_fit *fit)
{
	free(fit);
}
