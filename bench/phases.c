/*
 * The run: build both databases, then each benchmark in rounds. Every
 * round feeds the same fresh input to both sides and alternates which
 * goes first, so both tables grow alike and neither side always gets the
 * warmer cache. Times are summed over the rounds.
 */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

enum { TOUCH_SINGLE, TOUCH_BATCHED, RESOLVE, CONVERSION, NBENCH };

static const bench_result templates[NBENCH] = {
	[TOUCH_SINGLE] = { .name = "touch_single", .target = 0.9,
		.what = "rf_touchpoint_record, 1 txn each | raw: code SELECT + visitor INSERT OR"
			" IGNORE + touchpoint INSERT, 1 txn each" },
	[TOUCH_BATCHED] = { .name = "touch_batched", .target = 0.8,
		.what = "rf_touchpoint_record_batch x1000 | raw: same statements, 1 txn per 1000" },
	[RESOLVE] = { .name = "resolve", .target = 0.8,
		.what = "rf_code_resolve | raw: point SELECT of the code row by its text" },
	[CONVERSION] = { .name = "conversion", .target = 0.5,
		.what = "rf_conversion_record, last touch over 5 touchpoints | raw: program, order"
			" id, visitor, journey, conversion + 5 credit INSERTs, code UPDATE, 1 txn" },
};

typedef int (*side_fn)(run_ctx *x, const void *in, size_t n);

static int lib_tb(run_ctx *x, const void *in, size_t n)
{
	return lib_touch_batched(&x->lib, in, n, x->z.batch);
}

static int raw_tb(run_ctx *x, const void *in, size_t n)
{
	return raw_touch_batched(&x->raw, in, n, x->z.batch, x->raw_dup);
}

static int lib_ts(run_ctx *x, const void *in, size_t n)
{
	return lib_touch_single(&x->lib, in, n);
}

static int raw_ts(run_ctx *x, const void *in, size_t n)
{
	return raw_touch_single(&x->raw, in, n, x->raw_dup);
}

static int lib_rs(run_ctx *x, const void *in, size_t n)
{
	return lib_resolve(&x->lib, in, n);
}

static int raw_rs(run_ctx *x, const void *in, size_t n)
{
	return raw_resolve(&x->raw, in, n);
}

static int lib_cv(run_ctx *x, const void *in, size_t n)
{
	return lib_convert(&x->lib, in, n);
}

static int raw_cv(run_ctx *x, const void *in, size_t n)
{
	return raw_convert(&x->raw, in, n);
}

/* Empty a database's WAL from a connection of our own, so that neither side
 * starts a round owing the other's checkpoint. */
static void checkpoint(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	}
	sqlite3_close(db);
}

/* One round: both sides on the same input, in alternating order. */
static int timed_round(run_ctx *x, bench_result *r, size_t round, side_fn lib, side_fn raw,
		       const void *in, size_t n)
{
	checkpoint(x->lib_path);
	checkpoint(x->raw_path);
	for (int turn = 0; turn < 2; turn++) {
		int lib_turn = (turn == 0) == (round % 2 == 0);
		double t0 = bench_now(), c0 = bench_cpu();
		int rc = lib_turn ? lib(x, in, n) : raw(x, in, n);
		double dt = bench_now() - t0, dc = bench_cpu() - c0;
		if (rc != 0)
			return -1;
		*(lib_turn ? &r->lib_s : &r->raw_s) += dt;
		*(lib_turn ? &r->lib_cpu : &r->raw_cpu) += dc;
		if (x->cfg.verbose)
			fprintf(stderr, "%-14s round %2zu %s  %8.3f s wall %8.3f s cpu\n", r->name,
				round, lib_turn ? "lib" : "raw", dt, dc);
	}
	r->ops += n;
	return 0;
}

static int touches(run_ctx *x, bench_result *r, size_t total, side_fn lib, side_fn raw)
{
	size_t per = total / x->z.rounds;
	touch_in *in = malloc(per * sizeof(*in));
	int rc = in ? 0 : -1;
	for (size_t k = 0; rc == 0 && k < x->z.rounds; k++) {
		workload_touches(&x->w, in, per);
		rc = timed_round(x, r, k, lib, raw, in, per);
	}
	free(in);
	return rc;
}

static int resolves(run_ctx *x, bench_result *r)
{
	size_t per = x->z.resolves / x->z.rounds;
	const char **in = malloc(per * sizeof(*in));
	int rc = in ? 0 : -1;
	for (size_t k = 0; rc == 0 && k < x->z.rounds; k++) {
		for (size_t i = 0; i < per; i++)
			in[i] = x->w.codes[workload_code(&x->w)];
		rc = timed_round(x, r, k, lib_rs, raw_rs, in, per);
	}
	free(in);
	return rc;
}

/* Journeys are stored untimed first; then the conversions are timed. */
static int conversions(run_ctx *x, bench_result *r)
{
	size_t n = x->z.conversions, per = n / x->z.rounds, len = x->z.journey;
	conversion_in *conv = malloc(n * sizeof(*conv));
	touch_in *path = malloc(n * len * sizeof(*path));
	int rc = conv && path ? 0 : -1;
	if (rc == 0) {
		workload_conversions(&x->w, conv, path, n, len, 0);
		rc = lib_touch_batched(&x->lib, path, n * len, x->z.batch) ||
		     raw_touch_batched(&x->raw, path, n * len, x->z.batch, x->raw_dup);
	}
	for (size_t k = 0; rc == 0 && k < x->z.rounds; k++)
		rc = timed_round(x, r, k, lib_cv, raw_cv, conv + k * per, per);
	free(conv);
	free(path);
	return rc;
}

static int wanted(const run_ctx *x, int which)
{
	return x->cfg.only == NULL || strcmp(x->cfg.only, templates[which].name) == 0;
}

static int setup(run_ctx *x)
{
	if (workload_init(&x->w, x->cfg.seed, x->z.advocates, x->z.visitors) != 0)
		return -1;
	if (lib_open(&x->lib, x->lib_path) || raw_open(&x->raw, x->raw_path))
		return -1;
	if (lib_populate(&x->lib, &x->w, x->z.advocates) || raw_populate(&x->raw, &x->w))
		return -1;
	return 0;
}

int bench_run(run_ctx *x, bench_result *res, size_t *n)
{
	bench_result all[NBENCH];
	memcpy(all, templates, sizeof(all));
	int known = x->cfg.only == NULL;
	for (int i = 0; i < NBENCH; i++)
		known |= wanted(x, i);
	if (!known) {
		fprintf(stderr, "bench: no benchmark named '%s'\n", x->cfg.only);
		return -1;
	}
	int rc = setup(x);
	/* Bulk first, so the others run against a grown table. */
	if (rc == 0 && wanted(x, TOUCH_BATCHED))
		rc = touches(x, &all[TOUCH_BATCHED], x->z.touch_batched, lib_tb, raw_tb);
	if (rc == 0 && wanted(x, TOUCH_SINGLE))
		rc = touches(x, &all[TOUCH_SINGLE], x->z.touch_single, lib_ts, raw_ts);
	if (rc == 0 && wanted(x, RESOLVE))
		rc = resolves(x, &all[RESOLVE]);
	if (rc == 0 && wanted(x, CONVERSION))
		rc = conversions(x, &all[CONVERSION]);
	*n = 0;
	for (int i = 0; rc == 0 && i < NBENCH; i++) {
		if (wanted(x, i))
			res[(*n)++] = all[i];
	}
	return rc;
}
