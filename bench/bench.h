/*
 * bench_referral: the library against raw SQLite doing the same work in
 * the same run. Shared declarations of the workload, the two sides and the
 * report.
 */
#ifndef RF_BENCH_H
#define RF_BENCH_H

#include <sqlite3.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "referral.h"

#if defined(__GNUC__)
/* Phase functions stay visible to callgrind's --toggle-collect. */
#  define BENCH_PHASE __attribute__((noinline))
#else
#  define BENCH_PHASE
/* ---- one run ----------------------------------------------------------- */

typedef struct run_ctx {
	bench_config cfg;
	bench_sizes z;
	int raw_dup;
	workload w;
	lib_side lib;
	raw_side raw;
	char dir[512], lib_path[600], raw_path[600];
} run_ctx;

/* Build both databases and run the benchmarks; fills res[0..*n). */
int bench_run(run_ctx *x, bench_result *res, size_t *n);

#endif

/* ---- workload ---------------------------------------------------------- */

typedef struct bench_config {
	double scale;
	uint64_t seed;
	int json;
	int check;          /* exit 1 when a target is missed */
	int keep;           /* keep the temporary directory */
	int verbose;        /* per-round times on stderr */
	int rounds;         /* 0: by scale */
	const char *only;   /* run one benchmark (name), or NULL */
	const char *tmp;    /* parent of the temporary directory */
} bench_config;

/* Sizes derived from the scale. */
typedef struct bench_sizes {
	size_t advocates;     /* one code each */
	size_t visitors;      /* pool clicks are drawn from */
	size_t touch_batched; /* rows per side */
	size_t batch;         /* rows per call / transaction */
	size_t touch_single;
	size_t resolves;
	size_t conversions;
	size_t journey;       /* touchpoints per converting visitor */
	size_t rounds;        /* lib and raw alternate this many times */
} bench_sizes;

void bench_sizes_for(bench_sizes *z, double scale, int rounds);

/* One click as both sides receive it. Strings point into the workload. */
typedef struct touch_in {
	const char *code;
	char visitor[40];
	char ip[16];
	const char *url;
	const char *ua;
	int64_t at;
} touch_in;

typedef struct conversion_in {
	char visitor[40];
	char order[24];
	int64_t value;
	int64_t at;
} conversion_in;

typedef struct workload {
	uint64_t rng;
	size_t ncodes;
	char (*codes)[RF_CODE_BUFSIZE]; /* as issued by the library */
	double *zipf_cdf;               /* click popularity of each code */
	size_t nvisitors;
	int64_t clock;                  /* time of the next click */
} workload;

int workload_init(workload *w, uint64_t seed, size_t ncodes, size_t nvisitors);
void workload_free(workload *w);
uint64_t workload_next(workload *w);
/* A code index drawn by popularity (Zipf, s = 1.1). */
size_t workload_code(workload *w);
/* Fill `n` clicks from the visitor pool, moving the clock forward. */
void workload_touches(workload *w, touch_in *out, size_t n);
/* Fill `n` conversions, each preceded by `journey` clicks on distinct codes
 * (journeys[i * journey + k]) inside a 30-day window. `first` numbers them. */
void workload_conversions(workload *w, conversion_in *conv, touch_in *journeys, size_t n,
			  size_t journey, size_t first);

/* ---- the two sides ----------------------------------------------------- */

#define BENCH_PROGRAM "bench"
#define BENCH_CURRENCY "EUR"

typedef struct lib_side {
	rf_store *store;
} lib_side;

int lib_open(lib_side *l, const char *path);
void lib_close(lib_side *l);
/* Create the program, advocates and one code each; fills w->codes. */
int lib_populate(lib_side *l, workload *w, size_t advocates);
int lib_touch_single(lib_side *l, const touch_in *in, size_t n);
int lib_touch_batched(lib_side *l, const touch_in *in, size_t n, size_t batch);
int lib_resolve(lib_side *l, const char *const *codes, size_t n);
int lib_convert(lib_side *l, const conversion_in *in, size_t n);

typedef struct raw_side {
	sqlite3 *db;
	unsigned char key[32];        /* keys the personal-data hashes */
	sqlite3_stmt *begin, *commit;
	sqlite3_stmt *code_id, *visitor_put, *touch_put, *touch_recent;
	sqlite3_stmt *code_row;
	sqlite3_stmt *program, *order_seen, *journey, *conv_put, *credit_put, *code_use;
} raw_side;

/* Table and index DDL copied from lib/store/schema.c. */
extern const char raw_schema_sql[];
/* Objects whose DDL must match the library's database. */
extern const char *const raw_schema_objects[];

#define RAW_HASH_BYTES 16

int raw_open(raw_side *r, const char *path);
void raw_close(raw_side *r);
/* Same program, advocates and codes as the library's store. */
int raw_populate(raw_side *r, const workload *w);
/* dup_check: also mark repeats as the library does (one more SELECT). */
int raw_touch_single(raw_side *r, const touch_in *in, size_t n, int dup_check);
int raw_touch_batched(raw_side *r, const touch_in *in, size_t n, size_t batch, int dup_check);
int raw_resolve(raw_side *r, const char *const *codes, size_t n);
int raw_convert(raw_side *r, const conversion_in *in, size_t n);
/* Helpers shared by the raw files. raw_run steps a statement whose rows
 * are not needed and resets it; failures are reported on stderr as -1. */
int raw_fail(raw_side *r, const char *doing, int rc);
int raw_run(raw_side *r, sqlite3_stmt *st, const char *doing);
int raw_begin(raw_side *r);
int raw_commit(raw_side *r);
/* The app's keyed hash of personal data (the library stores one too). */
void raw_hash(raw_side *r, unsigned char out[RAW_HASH_BYTES], const char *domain, const char *v);
/* Visitor ids interned as a 63-bit hash of the text, as the library keys them. */
int raw_intern_visitor(raw_side *r, const char *ext, int64_t *id);
/* Number of objects whose DDL differs from the library's file (0: match). */
int raw_schema_drift(const char *lib_path, const char *raw_path, FILE *warn);

/* ---- timing and report ------------------------------------------------- */

double bench_now(void);
/* CPU seconds of this thread (user + system): steadier than wall time on a
 * shared machine, blind to I/O waits. */
double bench_cpu(void);
long bench_peak_rss_kib(void);

typedef struct bench_result {
	const char *name;
	const char *what;
	size_t ops;
	double lib_s, raw_s;  /* wall seconds, summed over rounds */
	double lib_cpu, raw_cpu; /* CPU seconds, summed over rounds */
	double target;        /* minimum ratio; 0: informational */
} bench_result;

double bench_ratio(const bench_result *r);
double bench_cpu_ratio(const bench_result *r);
void report_table(FILE *f, const bench_result *res, size_t n, const bench_config *c,
		  long rss_kib, int drift);
void report_json(FILE *f, const bench_result *res, size_t n, const bench_config *c,
		 long rss_kib, int drift);

/* ---- one run ----------------------------------------------------------- */

typedef struct run_ctx {
	bench_config cfg;
	bench_sizes z;
	int raw_dup;
	workload w;
	lib_side lib;
	raw_side raw;
	char dir[512], lib_path[600], raw_path[600];
} run_ctx;

/* Build both databases and run the benchmarks; fills res[0..*n). */
int bench_run(run_ctx *x, bench_result *res, size_t *n);

#endif
