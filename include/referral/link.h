/*
 * libreferral — signed links: a referral URL carrying a code (and an
 * optional campaign, content and expiry) with an HMAC-SHA-256 signature
 * under a per-store link key, so the host can reject URLs it did not issue.
 *
 * A link is the base URL followed by query parameters, in this order:
 *   rc=CODE [&cmp=CAMPAIGN] [&cnt=CONTENT] [&exp=MS] &kid=KEY_ID &sig=SIGNATURE
 * joined with '?' (or '&' when the base URL already has a query). Values
 * are percent-encoded (everything but A-Z a-z 0-9 - . _ ~, as %XX upper
 * case); the signature is 32 bytes in unpadded base64url.
 */
#ifndef REFERRAL_LINK_H
#define REFERRAL_LINK_H

#include "store.h"

RF_BEGIN_DECL

/** Longest link rf_link_verify() accepts, in bytes. */
#define RF_LINK_MAX_LEN 4096
/** Longest code a link carries, in bytes. */
#define RF_LINK_CODE_MAX_LEN 64

/** A link built or verified. Read-only; every pointer is owned by it. */
typedef struct rf_link {
	const char *url;       /**< the whole link */
	const char *code;      /**< the referral code as given to rf_link_build() */
	const char *campaign;  /**< "" when none */
	const char *content;   /**< "" when none */
	int64_t expires_at_ms; /**< 0: never */
	int64_t key_id;        /**< the link key that signed it */
} rf_link;

/** A link key's state; the secret never leaves the store. */
typedef struct rf_link_key {
	int64_t id;
	int64_t created_at_ms;
	int64_t retired_at_ms; /**< 0 while active */
} rf_link_key;

/** All link keys, oldest first. */
typedef struct rf_link_keys {
	size_t count;
	rf_link_key **items;
} rf_link_keys;

/**
 * Add a link key: 32 random bytes from libsodium, kept in the store. The
 * newest active key signs new links. `id` may be NULL.
 * Errors: RF_EINVALID, RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_link_key_add(rf_store *store, int64_t *id);

/**
 * Retire a link key: links it signed stop verifying (RF_EKEY). Retiring
 * twice is harmless. Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_link_key_retire(rf_store *store, int64_t id);

/** List every link key, retired ones included. Release with rf_link_keys_free(). */
RF_EXTERN int rf_link_key_list(rf_link_keys **out, rf_store *store);

/** Release a list of link keys. NULL is ignored. */
RF_EXTERN void rf_link_keys_free(rf_link_keys *keys);

/**
 * Build a signed link. `base_url` is an absolute http:// or https:// URL
 * of printable ASCII without '#' (1..RF_MAX_TEXT_LEN bytes); `code` is
 * 1..RF_LINK_CODE_MAX_LEN bytes; `campaign` and `content` are optional
 * (NULL or "" for none, at most RF_MAX_ID_LEN bytes); all text is UTF-8.
 * `expires_at_ms` is 0 (never) or a time in ms after which it fails.
 * Release with rf_link_free().
 * Errors: RF_EINVALID, RF_EKEY (no active link key), RF_EMISUSE.
 */
RF_EXTERN int rf_link_build(rf_link **out, rf_store *store, const char *base_url,
			    const char *code, const char *campaign, const char *content,
			    int64_t expires_at_ms);

/**
 * Verify a link: parse it (at most RF_LINK_MAX_LEN bytes), look up its key,
 * recompute the signature and compare in constant time, then check the
 * expiry against the store's clock. On success `*out` holds its fields.
 * Errors: RF_EINVALID (NULL arguments), RF_ETAMPERED (malformed, oversized
 * or a signature that does not match), RF_EKEY (unknown or retired key),
 * RF_EEXPIRED (genuine but expired), RF_EMISUSE.
 */
RF_EXTERN int rf_link_verify(rf_link **out, rf_store *store, const char *link);

/** Release a link. NULL is ignored. */
RF_EXTERN void rf_link_free(rf_link *link);

RF_END_DECL
#endif
