/*
 * bench_statements: what one rf_conversion_record() costs, statement by
 * statement. Builds a store like bench_referral's (advocates with a code
 * each, clicks, converting visitors with 5-touch journeys), records N
 * conversions to warm up, then N more while counting every sqlite3_step()
 * (this program defines sqlite3_step and forwards to SQLite's, so it sees
 * the library's calls too), its time, and the pages each step wrote.
 * Linux (dlsym RTLD_NEXT, a shared SQLite). See docs/PERFORMANCE.md.
 *
 * usage: bench_statements [CONVERSIONS [ADVOCATES [CLICKS]]]
 */
#define _GNU_SOURCE
#include "bench.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_STATEMENTS 512

typedef struct tally {
	const char *sql;
	long steps;
	double ns;
	long pages;
} tally;

static struct {
	int on;
	tally t[MAX_STATEMENTS];
	int n;
	long steps, pages;
	double ns;
} g;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int pages_written(sqlite3 *db)
{
	int cur = 0, high = 0;
	sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &cur, &high, 0);
	return cur;
}

/* Default visibility: the project builds with hidden symbols, and the
 * library must find this definition first. */
__attribute__((visibility("default"))) int sqlite3_step(sqlite3_stmt *st)
{
	static int (*real)(sqlite3_stmt *);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_step");
	if (!g.on)
		return real(st);
	const char *sql = sqlite3_sql(st);
	int i = 0;
	while (i < g.n && g.t[i].sql != sql)
		i++;
	if (i == g.n && g.n < MAX_STATEMENTS)
		g.t[g.n++].sql = sql;
	sqlite3 *db = sqlite3_db_handle(st);
	int p0 = pages_written(db);
	double t0 = now_ns();
	int rc = real(st);
	double dt = now_ns() - t0;
	long dp = pages_written(db) - p0;
	if (i < MAX_STATEMENTS) {
		g.t[i].steps++;
		g.t[i].ns += dt;
		g.t[i].pages += dp;
	}
	g.steps++;
	g.ns += dt;
	g.pages += dp;
	return rc;
}

static int by_time(const void *a, const void *b)
{
	double d = ((const tally *)b)->ns - ((const tally *)a)->ns;
	return d > 0 ? 1 : d < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)atol(argv[1]) : 1000;
	size_t advocates = argc > 2 ? (size_t)atol(argv[2]) : 5000;
	size_t clicks = argc > 3 ? (size_t)atol(argv[3]) : 100000;
	if (n == 0 || advocates == 0)
		return 2;
	char path[] = "/tmp/referral-statements.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 3;
	close(fd);
	unlink(path);
	workload w;
	lib_side l = { 0 };
	touch_in *t = malloc((clicks ? clicks : 1) * sizeof(*t));
	conversion_in *conv = malloc(2 * n * sizeof(*conv));
	touch_in *journeys = malloc(2 * n * 5 * sizeof(*journeys));
	int rc = t && conv && journeys ? 0 : 4;
	if (rc == 0 && (workload_init(&w, 1, advocates, advocates * 20) != 0 ||
			lib_open(&l, path) != 0 || lib_populate(&l, &w, advocates) != 0))
		rc = 5;
	if (rc == 0) {
		workload_touches(&w, t, clicks);
		workload_conversions(&w, conv, journeys, 2 * n, 5, 0);
		if (lib_touch_batched(&l, t, clicks, 1000) || lib_touch_batched(&l, journeys, 2 * n * 5, 1000) ||
		    lib_convert(&l, conv, n))
			rc = 6;
	}
	double t0 = now_ns();
	g.on = 1;
	if (rc == 0 && lib_convert(&l, conv + n, n))
		rc = 7;
	g.on = 0;
	double all = now_ns() - t0;
	if (rc == 0) {
		qsort(g.t, (size_t)g.n, sizeof(g.t[0]), by_time);
		printf("per conversion: %.1f steps of %d statements, %.1f us (%.1f us in sqlite3_step),"
		       " %.1f pages written\n", (double)g.steps / (double)n, g.n, all / (double)n / 1e3,
		       g.ns / (double)n / 1e3, (double)g.pages / (double)n);
		printf("%6s %8s %6s  %s\n", "steps", "us", "pages", "statement");
		for (int i = 0; i < g.n; i++)
			printf("%6.2f %8.2f %6.2f  %.110s\n", (double)g.t[i].steps / (double)n,
			       g.t[i].ns / (double)n / 1e3, (double)g.t[i].pages / (double)n, g.t[i].sql);
	}
	lib_close(&l);
	workload_free(&w);
	free(t);
	free(conv);
	free(journeys);
	char side[64];
	static const char *const tails[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(side, sizeof(side), "%s%s", path, tails[i]);
		unlink(side);
	}
	return rc;
}
