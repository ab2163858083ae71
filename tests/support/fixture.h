/*
 * Shared test support: a fresh store per test in its own temporary
 * directory, an injected clock the test can set, status assertions that
 * print the library's last error, and small helpers to build a scene
 * (program, advocate, code, click) through the public API only.
 */
#ifndef RFT_FIXTURE_H
#define RFT_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "referral.h"

/* 2026-01-01T00:00:00Z: where every fixture clock starts. */
#define RFT_T0 INT64_C(1767225600000)

typedef struct rft_fixture {
	char dir[256];    /* temporary directory, removed by teardown */
	char path[320];   /* dir + "/test.db", the store's file */
	rf_store *store;  /* NULL when a test freed it on purpose */
	int64_t now;      /* what the injected clock returns */
	int64_t clock_calls;
	/* Codes and conversions made through the helpers, which
	 * rft_snapshot() also describes. */
	char codes[64][RF_CODE_BUFSIZE];
	size_t code_count;
	char orders[64][2][64]; /* program key, order id */
	size_t order_count;
} rft_fixture;

/* cmocka setup/teardown: a file store with the fixture's clock. Teardown
 * fails the test unless rf_store_check() passes, then removes everything. */
int rft_setup(void **state);
int rft_teardown(void **state);

/* The fixture's clock, usable as rf_store_options.clock with ctx = fixture. */
int64_t rft_clock(void *ctx);

/* Options with the fixture's clock injected. */
rf_store_options rft_options(rft_fixture *f);

/* Close and reopen the fixture's store on the same file. */
void rft_reopen(rft_fixture *f);

/* Make a fresh temporary directory (for tests that manage files
 * themselves); rft_rmdir removes it and its files. */
void rft_mkdtemp(char *out, size_t size);
void rft_rmdir(const char *dir);

/* Whole-file helpers. rft_read_file returns a malloc'd buffer (NULL when
 * the file is missing) and its size. */
unsigned char *rft_read_file(const char *path, size_t *size);
void rft_write_file(const char *path, const void *data, size_t size);
int rft_file_exists(const char *path);

/* A string of `n` copies of `c` (malloc'd; free it). */
char *rft_repeat(char c, size_t n);

/* Fail the test unless `got` equals `want`, naming both statuses and the
 * last error message. */
void rft_assert_rc(int got, int want, const char *expr, const char *file, int line);
#define RFT_RC(expr, want) rft_assert_rc((expr), (want), #expr, __FILE__, __LINE__)
#define RFT_OK(expr) RFT_RC((expr), RF_OK)

/* A wrong options/spec version passed to an operation: RF_EVERSION is what
 * the *_init functions document; RF_EINVALID ("bad spec") is also allowed. */
void rft_assert_bad_version(int got, const char *expr, const char *file, int line);
#define RFT_BAD_VERSION(expr) rft_assert_bad_version((expr), #expr, __FILE__, __LINE__)

/* Scene builders; each fails the test on error. */
void rft_program(rft_fixture *f, const char *key, const rf_program_rules *rules);
void rft_advocate(rft_fixture *f, const char *external_id);
/* Issue a random code (channel none) and copy it into `code`. */
void rft_code(rft_fixture *f, const char *program, const char *advocate,
	      char code[RF_CODE_BUFSIZE]);
/* Record a click; returns the status and, when `id` is not NULL, the id. */
int rft_click(rft_fixture *f, const char *code, const char *visitor, int64_t at_ms,
	      int64_t *id);
/* Record a conversion (purchase); returns the status. */
int rft_convert(rft_fixture *f, const char *program, const char *visitor,
		const char *order_id, int64_t value, const char *currency, int64_t at_ms);

/* Statistics of a whole program (advocate NULL) or one advocate. */
typedef struct rft_counts {
	int64_t touchpoints, unique_touchpoints, unique_visitors;
	int64_t conversions, attributed_conversions;
} rft_counts;
rft_counts rft_stats(rft_fixture *f, const char *program, const char *advocate);

/* Number of programs (archived included) and advocates in the store. */
size_t rft_program_count(rft_fixture *f);
size_t rft_advocate_count(rft_fixture *f);

/* Handle "-t PATTERN" on a test binary's command line: run only the tests
 * whose names match (cmocka_set_test_filter). */
void rft_parse_args(int argc, char **argv);

/* A text description of everything the API shows (programs, advocates,
 * statistics, the helpers' codes and conversions); malloc'd. */
char *rft_snapshot(rft_fixture *f);
/* Fail unless the state equals `before` (a snapshot, which is freed). */
void rft_assert_unchanged_at(rft_fixture *f, char *before, const char *file, int line);
#define RFT_UNCHANGED(f, before) rft_assert_unchanged_at((f), (before), __FILE__, __LINE__)

/* Remember a code or conversion for rft_snapshot(). */
void rft_track_code(rft_fixture *f, const char *code);
void rft_track_order(rft_fixture *f, const char *program, const char *order_id);

#endif
