/*
 * Privacy: the keys of pseudonymous identifiers and their rotation, each
 * program's privacy policy (IP truncation, retention), retention purges,
 * erasure of a person and export of what is held about them.
 * docs/PRIVACY.md explains the choices.
 */
#ifndef REFERRAL_PRIVACY_H
#define REFERRAL_PRIVACY_H

#include "store.h"
#include "advocate.h"

RF_BEGIN_DECL

/*
 * Hash keys. Emails, IPs and user agents are stored only as keyed hashes.
 * The newest key hashes everything new; after a rotation the previous
 * keys stay live for an overlap so lookups (rf_advocate_find_by_email())
 * still match what they hashed; once a key's overlap ends it expires:
 * lookups stop trying it at once, and its secret is destroyed by the next
 * rf_secret_rotate() or rf_secret_expire(). Stored hashes are not
 * rewritten by lookups; a hash is re-keyed only when the host gives the
 * clear value again through a write (rf_advocate_set_email()).
 */

/** At most this many keys are live (current plus overlapping) at once. */
#define RF_HASH_KEYS_MAX 4
/** Longest overlap accepted by rf_secret_rotate(): 400 days. */
#define RF_HASH_OVERLAP_MAX_MS INT64_C(34560000000)

typedef struct rf_hash_key {
	int64_t id;            /**< 1 is the key the store was created with */
	int64_t created_at_ms;
	int64_t retired_at_ms; /**< 0 while current (it hashes new values) */
	int64_t expires_at_ms; /**< 0 while current; after it, lookups ignore it */
	int32_t live;          /**< 1 when lookups still try it now */
	int32_t destroyed;     /**< 1 when its secret has been erased */
} rf_hash_key;

typedef struct rf_hash_keys {
	size_t count;
	rf_hash_key **items; /**< oldest first */
} rf_hash_keys;

/**
 * Start hashing with a new random key. The key that was current retires
 * now and stays live for `overlap_ms` (0..RF_HASH_OVERLAP_MAX_MS; 0 ends
 * it at once); expired secrets are destroyed. `new_id` (may be NULL)
 * receives the new key's id. Errors: RF_EINVALID (overlap out of range,
 * or RF_HASH_KEYS_MAX keys would be live), RF_EMISUSE, RF_EBUSY, RF_EIO.
 * Other handles on the same file notice a rotation within a second of
 * their clock.
 */
RF_EXTERN int rf_secret_rotate(int64_t *new_id, rf_store *store, int64_t overlap_ms);

/**
 * Destroy the secrets of keys whose overlap has ended (a rotation does
 * this too). `destroyed` (may be NULL) receives how many were destroyed.
 */
RF_EXTERN int rf_secret_expire(int64_t *destroyed, rf_store *store);

/** Every hash key, oldest first. Release with rf_hash_keys_free(). */
RF_EXTERN int rf_secret_list(rf_hash_keys **out, rf_store *store);

RF_EXTERN void rf_hash_keys_free(rf_hash_keys *keys);

/**
 * The advocate whose email (trimmed, ASCII case-folded) hashes, under any
 * live key, to the stored hash; the oldest such advocate when several
 * share it. Release with rf_advocate_free(). Errors: RF_EINVALID (not an
 * address), RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_advocate_find_by_email(rf_advocate **out, rf_store *store, const char *email);

/**
 * Set (or with NULL clear) an advocate's email: stored as a hash under
 * the current key, which re-keys a hash made under an older one.
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_advocate_set_email(rf_store *store, const char *external_id, const char *email);

/*
 * Privacy policy: per program, versioned (every change is a new version,
 * kept). A program without one uses RF_PRIVACY_POLICY_INIT's values.
 */
#define RF_PRIVACY_POLICY_VERSION 1
/** Longest retention accepted: 100 years. */
#define RF_RETENTION_MAX_MS INT64_C(3155760000000)

typedef struct rf_privacy_policy {
	unsigned version;     /**< RF_PRIVACY_POLICY_VERSION */
	int32_t ip_truncate;  /**< 1: hash only the IPv4 /24 or IPv6 /48 (default 0) */
	int64_t retention_ms; /**< touchpoints older than this are purged; 0 keeps them */
} rf_privacy_policy;

#define RF_PRIVACY_POLICY_INIT { RF_PRIVACY_POLICY_VERSION, 0, 0 }

/** Fill `policy` with defaults for `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_privacy_policy_init(rf_privacy_policy *policy, unsigned version);

/** A program's policy as stored. */
typedef struct rf_privacy_settings {
	const char *program;
	int64_t revision;     /**< 1, 2, ... per change; 0 when never set (defaults) */
	int32_t ip_truncate;
	int64_t retention_ms;
	int64_t set_at_ms;    /**< 0 when never set */
} rf_privacy_settings;

/**
 * Set a program's privacy policy; a new revision is stored unless it
 * equals the current one. `revision` (may be NULL) receives the current
 * revision. Errors: RF_EINVALID (ip_truncate not 0/1, retention out of
 * 0..RF_RETENTION_MAX_MS), RF_EVERSION, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_privacy_policy_set(int64_t *revision, rf_store *store, const char *program,
				    const rf_privacy_policy *policy);

/** A program's current policy. Release with rf_privacy_settings_free(). */
RF_EXTERN int rf_privacy_policy_get(rf_privacy_settings **out, rf_store *store,
				    const char *program);

RF_EXTERN void rf_privacy_settings_free(rf_privacy_settings *settings);

/*
 * Retention. A purge deletes a program's touchpoints older than its
 * policy's retention_ms (cut at the start of that UTC day), in one
 * transaction. What stays correct: conversions, their credit and value
 * (credit rows keep their advocate, code, weight and value and lose only
 * the link to the deleted touchpoint), refunds, and the touchpoint and
 * unique-touchpoint counts of rf_stats_get() and the report series,
 * which add per-code daily totals of what was purged (exact for periods
 * that start and end on UTC day boundaries; a partial purged day counts
 * whole). What does not: unique visitors over purged days (their
 * visitors are gone), splits and funnels (they read live touchpoints),
 * explanations' touch kind and time (0), new attributions and replays
 * (purged touches no longer exist to be credited).
 */
typedef struct rf_purge {
	const char *program;
	int64_t cutoff_ms;   /**< touchpoints before this were purged (0: retention off) */
	int64_t touchpoints; /**< touchpoints deleted */
	int64_t activities;  /**< activities deleted (0 while the store keeps none) */
} rf_purge;

/**
 * Purge what program `program` keeps longer than its retention period.
 * Nothing happens (cutoff 0) when the policy keeps everything. Release
 * `*out` (may be NULL) with rf_purge_free(). Errors: RF_EINVALID,
 * RF_ENOTFOUND, RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_retention_purge(rf_purge **out, rf_store *store, const char *program);

RF_EXTERN void rf_purge_free(rf_purge *purge);

/*
 * Erasure (right to be forgotten), one call, one transaction. What held
 * the person becomes a tombstone ("erased-" and a random UUID): the row
 * and its integer id stay, so conversions, credit, rewards and the
 * append-only ledger keep their numbers and stay balanced, but nothing
 * names the person any more. An advocate loses external id, display
 * name and email hash; its codes are renamed to the tombstone and
 * disabled; touchpoints on them lose IP and user-agent hashes and landing
 * URLs; consent, messages, segment, testimonials and reference asks are
 * deleted. A customer loses its external id; its visitors (tied to it or
 * on its conversions) lose theirs; their touchpoints lose IP and
 * user-agent hashes and landing URLs. Order and refund ids stay (they
 * are the host's records; never put personal data in them). Deleted
 * cells are overwritten on disk (SQLite secure_delete for the call).
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_advocate_erase(rf_store *store, const char *external_id);
RF_EXTERN int rf_customer_erase(rf_store *store, const char *customer_id);

/*
 * Right of access: everything the store holds about a person, as one
 * JSON document built with SQLite's JSON functions. Hashes are never
 * exported (the document says one is held). `*out` is a NUL-terminated
 * UTF-8 string released with rf_person_export_free(). Errors: RF_EINVALID,
 * RF_ENOTFOUND, RF_ENOMEM, RF_EMISUSE.
 */
RF_EXTERN int rf_advocate_export(char **out, rf_store *store, const char *external_id);
RF_EXTERN int rf_customer_export(char **out, rf_store *store, const char *customer_id);
RF_EXTERN void rf_person_export_free(char *json);

RF_END_DECL

#endif
