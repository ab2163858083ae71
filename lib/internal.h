/*
 * Internal definitions shared by every layer. Nothing here is installed.
 */
#ifndef RF_INTERNAL_H
#define RF_INTERNAL_H

#include "referral.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#  define RF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define RF_PRINTF(f, a)
#endif

/* Set the calling thread's last error and return `code`. */
int rf__error(int code, const char *fmt, ...) RF_PRINTF(2, 3);
/* Same, with an SQLite extended result code attached. */
int rf__error_db(int code, int db_code, const char *fmt, ...) RF_PRINTF(3, 4);

/* Argument checks that report instead of crashing. */
#define RF_CHECK_ARG(expr)                                                   \
	do {                                                                 \
		if (!(expr))                                                 \
			return rf__error(RF_EINVALID, "invalid argument: %s", \
					 #expr);                             \
	} while (0)

/* Validate a required text input: non-NULL, 1..max bytes, valid UTF-8,
 * no NUL inside. `what` names it in the error message. */
int rf__check_text(const char *s, size_t max, const char *what);
/* Same for an optional input: NULL passes. Empty passes. */
int rf__check_opt_text(const char *s, size_t max, const char *what);
/* 1 if `s` (length n) is valid UTF-8 (no overlongs, no surrogates). */
int rf__utf8_valid(const char *s, size_t n);

/* Check an options struct's version against the newest known one. */
int rf__check_version(unsigned version, unsigned newest, const char *what);
/* RF_EINVALID "<what> must be lo..hi" unless lo <= v <= hi. */
int rf__check_range(int64_t v, int64_t lo, int64_t hi, const char *what);

/*
 * Packed objects: one allocation holding a public struct, its arrays and
 * its strings, released with a single free(). Two passes: size, then fill.
 */
typedef struct rf_pack {
	char *base;    /* NULL during the sizing pass */
	size_t used;
	size_t size;
} rf_pack;

/* Reserve `size` bytes aligned for any object; returns NULL when sizing. */
void *rf__pack_reserve(rf_pack *p, size_t size);
/* Copy a string (NULL becomes ""); returns NULL when sizing. */
const char *rf__pack_str(rf_pack *p, const char *s);
/* After the sizing pass: allocate. Returns RF_OK or RF_ENOMEM. */
int rf__pack_alloc(rf_pack *p);

/* Packs one row into an object and stores its address at `slot` (a
 * typed pointer, e.g. rf_program **, passed as void *). Called twice:
 * once to size, once to fill. */
typedef void (*rf_pack_fn)(rf_pack *p, const void *row, void *slot);

/* Pack one object from `row` into `*slot` (two passes, one allocation). */
int rf__pack_one(const void *row, rf_pack_fn fn, void *slot);

/*
 * Pack a list: a header of `header_size` bytes (the caller fills in its
 * count and items), an array of `count` item pointers, and the items.
 * On success *header and *items point into one allocation.
 */
int rf__pack_list(size_t header_size, const void *rows, size_t row_size, size_t count,
		  rf_pack_fn fn, void **header, void **items);

/* Fill an options or spec struct with `defaults` for `version`: checks
 * the pointer and version (1..newest), then copies the sizes[version]
 * bytes that version defines and sets the version field. */
int rf__options_init(void *opts, const void *defaults, const size_t *sizes, unsigned version,
		     unsigned newest, const char *what);

/* Copy what a caller's struct of its own version defines over `defaults`
 * into `out` (the newest layout); the version must be checked first. */
void rf__options_read(void *out, const void *defaults, size_t newest_size, const void *in,
		      const size_t *sizes);

/* Size tables for structs that have only had version 1. */
#define RF_SIZES_V1(type) { 0, sizeof(type) }

/* Keyed hashing and randomness (libsodium). */
#define RF_SECRET_BYTES 32
#define RF_HASH_BYTES 16
void rf__hash(unsigned char out[RF_HASH_BYTES], const unsigned char key[RF_SECRET_BYTES],
	      const char *domain, const char *data, size_t len);
int rf__crypto_init(void);
void rf__random(void *buf, size_t n);
/* Overwrite secret material before it is released. */
void rf__wipe(void *buf, size_t n);
/* A keyed 64-bit hash (SipHash) for interning ids; not for secrecy. */
uint64_t rf__hash64(const unsigned char key[RF_SECRET_BYTES], const char *data, size_t len);
/* A random RFC 9562 version-4 UUID as 36 lower-case characters + NUL. */
void rf__uuid4(char out[37]);
/* The UUID made from 16 given random bytes (version and variant set). */
void rf__uuid4_from_bytes(char out[37], const unsigned char random16[16]);

/* HMAC-SHA-256 (libsodium) with a key of any length. */
#define RF_HMAC_BYTES 32
void rf__hmac_sha256(unsigned char out[RF_HMAC_BYTES], const unsigned char *key, size_t key_len,
		     const void *data, size_t len);
/* Constant-time check of an HMAC-SHA-256 under a 32-byte key: 1 if it matches. */
int rf__hmac_sha256_verify(const unsigned char mac[RF_HMAC_BYTES],
			   const unsigned char key[RF_SECRET_BYTES], const void *data, size_t len);

/* Case-insensitive ASCII comparison. */
int rf__strcaseeq(const char *a, const char *b);

#endif
