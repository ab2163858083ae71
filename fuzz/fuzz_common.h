/*
 * Shared by the fuzz targets: failing loudly, C strings from fuzz bytes, an
 * independent model of code normalisation and of the check symbol, and a
 * :memory: store holding one code in every state.
 */
#ifndef RF_FUZZ_COMMON_H
#define RF_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "referral.h"

/* libFuzzer's entry point, implemented by every target. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#if defined(__GNUC__)
__attribute__((noreturn, format(printf, 1, 2)))
#endif
void fz_fail(const char *fmt, ...);

/* Abort with a message (libFuzzer then saves the input) unless `cond`. */
#define FZ_CHECK(cond, ...)                \
	do {                               \
		if (!(cond))               \
			fz_fail(__VA_ARGS__); \
	} while (0)

/* A malloc'd NUL-terminated copy of bytes (an embedded NUL ends it early,
 * as it would for any C caller). */
char *fz_cstr(const uint8_t *data, size_t size);

/* 1 for the statuses code lookups may return (see code.h). */
int fz_lookup_status(int rc);

/* The documented normalisation, written from the header: returns the
 * length, or -1 when a character is not allowed or nothing is left. */
int fz_model_normalize(const char *in, char *out, size_t size);
/* 1 when the last symbol is the Luhn mod 32 check of the others. */
int fz_model_check_ok(const char *code);
/* 1 when every character is a Crockford base32 symbol. */
int fz_all_symbols(const char *s);

/* Codes of the fixture, one per state a lookup can report. */
enum { FZ_ACTIVE, FZ_RANDOM, FZ_EXPIRED, FZ_DISABLED, FZ_EXHAUSTED, FZ_INACTIVE, FZ_ARCHIVED,
       FZ_NCODES };

#define FZ_PROGRAM "fz"
#define FZ_T0 INT64_C(1767225600000) /* 2026-01-01 */

typedef struct fz_fixture {
	rf_store *store;
	int64_t now;                               /* the store's clock */
	char codes[FZ_NCODES][RF_CODE_BUFSIZE];    /* normalised */
	int expect[FZ_NCODES];                     /* rf_code_resolve's status at `now` */
} fz_fixture;

/* Open a :memory: store with the codes above, its clock at FZ_T0 + 2 h.
 * Aborts on failure. */
void fz_fixture_open(fz_fixture *f);
void fz_fixture_close(fz_fixture *f);
/* Index of a normalised code in the fixture, or -1. */
int fz_fixture_find(const fz_fixture *f, const char *code);

#endif
