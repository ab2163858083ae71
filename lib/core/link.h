/*
 * Signed links, the pure part: percent-encoding, the canonical string that
 * is signed, and parsing a link back into its fields. No I/O, no crypto.
 */
#ifndef RF_CORE_LINK_H
#define RF_CORE_LINK_H

#include "internal.h"

/* Base64url of 32 bytes without padding. */
#define RFC_SIG_CHARS 43

/* Decoded fields of a link (or the fields to build one from). */
typedef struct rfc_link_fields {
	const char *base;     /* not NUL-terminated when parsed: see base_len */
	size_t base_len;
	char code[RF_LINK_CODE_MAX_LEN + 1];
	char campaign[RF_MAX_ID_LEN + 1];
	char content[RF_MAX_ID_LEN + 1];
	int64_t expires_at;   /* 0: none */
	int64_t key_id;
	char sig[RFC_SIG_CHARS + 1];
} rfc_link_fields;

/* Percent-encode `in` (everything but A-Z a-z 0-9 - . _ ~ as %XX upper
 * case) into `out`, which holds 3 * strlen(in) + 1 bytes. */
void rfc_pct_encode(char *out, const char *in);

/* Decode n bytes strictly (only the encoding rfc_pct_encode makes) into
 * out (cap bytes, NUL-terminated). Returns the length or -1. */
long rfc_pct_decode(char *out, size_t cap, const char *in, size_t n);

/* The signed string: a domain tag, then every field as "<len>:<bytes>".
 * Returns its length (at most cap), or 0 when it does not fit. */
size_t rfc_link_canonical(char *out, size_t cap, const rfc_link_fields *f);

/* Parse a link of n bytes into f (base points into link). 0 or -1. */
int rfc_link_parse(const char *link, size_t n, rfc_link_fields *f);

/* A base URL a link may use: http(s)://, printable ASCII, no '#'. */
int rfc_link_base_ok(const char *base, size_t n);

#endif
