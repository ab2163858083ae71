/* Helpers shared by the public api files. */
#ifndef RF_API_H
#define RF_API_H

#include "store/rows.h"

/* The arguments of a page: a usable store, a limit of 1..1000 (0 becomes
 * 100) and a cursor >= 0 (RF_EINVALID otherwise). */
int rf__page_args(rf_store *s, int64_t cursor, uint32_t *limit);

/* Load a program by key (RF_ENOTFOUND with its name when missing). */
int rf__program_load(rf_store *s, const char *key, rfs_program *row);
/* Same, and it must be active (RF_EDISABLED when archived). */
int rf__program_load_active(rf_store *s, const char *key, rfs_program *row);
/* A caller's rules of any version, as the newest layout, checked; the
 * custom weights are copied into `weights` (RF_CUSTOM_WEIGHTS_MAX). */
int rf__rules_read(const rf_program_rules *in, rf_program_rules *out, int32_t *weights);

/* Load an advocate by external id (RF_ENOTFOUND with its name when missing). */
int rf__advocate_load(rf_store *s, const char *external_id, rfs_advocate *row);

/* Normalise and look up a code: RF_EINVALID or RF_ENOTFOUND; with
 * `typo_check`, an unknown code whose check symbol fails is RF_ECHECK
 * (resolution of what a visitor typed, as rf_code_resolve() documents). */
int rf__code_load(rf_store *s, const char *input, int typo_check, rfs_code *row);
/* Is a loaded code usable at `now`? RF_OK or the resolution error. */
int rf__code_usable(const rfs_code *row, int64_t now);

/* Load a conversion by program key and order id (RF_ENOTFOUND named). */
int rf__conversion_load(rf_store *s, const char *program, const char *order_id,
			rfs_conversion *c);
/* Read a stored conversion's credit and pack it into a new object. */
int rf__conversion_new(rf_store *s, rf_conversion **out, const rfs_conversion *c, int replayed);

/* Finish a write that produced conversion `c` with status `rc`: build
 * the caller's object (when `out`) inside the transaction, then commit or
 * roll back. Returns the final status. */
int rf__end_with_conversion(rf_store *s, int rc, const rfs_conversion *c, rf_conversion **out);

/* Keyed hash of personal data, with a domain ("email", "ip", "ua"),
 * under the current hash key (lib/api/privacy_keys.c). */
void rf__personal_hash(rf_store *s, unsigned char out[RF_HASH_BYTES], const char *domain,
		       const char *value);
/* For lookups: the value hashed under every live key, the current one
 * first; returns how many (1..RF_HASH_KEYS_MAX). Match a stored hash
 * against all of them (e.g. `col IN (?1, ?2, ?3, ?4)`). */
int rf__personal_hashes(rf_store *s, unsigned char out[RF_HASH_KEYS_MAX][RF_HASH_BYTES],
			const char *domain, const char *value);
/* A value's hashes under every live key; n 0: the value was not given. */
typedef struct rf__hashes {
	int n;
	unsigned char h[RF_HASH_KEYS_MAX][RF_HASH_BYTES];
} rf__hashes;
/* Does `stored` equal one of `hashes`? */
int rf__hashes_match(const rf__hashes *hashes, const unsigned char stored[RF_HASH_BYTES]);
/* Hash a visitor's IP as program `program_id`'s privacy policy says
 * (whole, or its /24 or /48). Returns 0, storing nothing, when the policy
 * truncates and `ip` is not an IP address. */
int rf__ip_hash(rf_store *s, int64_t program_id, const char *ip, unsigned char out[RF_HASH_BYTES]);
/* An IP's /24 or /48 under every live key, as a program that truncates
 * IPs stores it (out->n 0 when `ip` is not an IP address). */
void rf__ip_network_hashes(rf_store *s, const char *ip, rf__hashes *out);
/* Trim and case-fold an email (ASCII); RF_EINVALID when not an address. */
int rf__email_fold(const char *email, char folded[RF_MAX_TEXT_LEN + 1]);

/* ISO 4217 shape: three ASCII letters, copied upper-case into `out`. */
int rf__check_currency(const char *in, char out[4]);
/* A person as the fraud checks see them: keyed hashes of the email
 * normalised as rf_email_normalize() does, of the IP and of the user
 * agent (NULL: not given; empty texts count as not given), and the
 * email's domain (not stored). */
typedef struct rf__person {
	char domain[256];
	const unsigned char *email_key, *ip_hash, *ua_hash; /* under the current key */
	const char *email_domain;
	/* The same three under every live hash key, the current one first
	 * (0 when not given; the pointers above point at h[0]): what
	 * identities stored before a key rotation are matched against. */
	rf__hashes email_keys, ip_hashes, ua_hashes;
	/* The IP's network under every live key: how touchpoints of a program
	 * that truncates IPs hold it (0 when not an IP). */
	rf__hashes ip_networks;
} rf__person;
/* RF_EINVALID when the email is not an address. */
int rf__person_hash(rf_store *s, const char *email, const char *ip, const char *user_agent,
		    rf__person *out);

/* Imports (import.c), inside the caller's transaction. A touchpoint of
 * history: its code must belong to `program_id`, in any state; `bot` 1
 * flags it as a bot's (as the export said); the visitor's interned id
 * comes back. */
int rf__touchpoint_import(rf_store *s, const rf_touchpoint_spec *spec, int64_t program_id,
			  int bot, int64_t *visitor_id);
/* A conversion, recorded and attributed as rf_conversion_record() does
 * (RF_OK or RF_DUPLICATE). */
int rf__conversion_import(rf_store *s, const rf_conversion_spec *spec);
/* A refund, applied as rf_conversion_refund() does. */
int rf__refund_import(rf_store *s, const rf_refund_spec *spec);

/* Reporting a long operation's progress to the store's callback
 * (rf_store_set_progress). Start with rf__progress_begin (done 0), call
 * rf__progress_step as units finish (it calls back at most ~1000 times),
 * and rf__progress_end when all are done. Each returns RF_OK, or
 * RF_ECANCELED (with a message) when the callback asked to stop. */
typedef struct rf__progress {
	rf_store *s;
	const char *operation;
	uint64_t total, next, last;
} rf__progress;
/* Is a callback set? (Skip work done only to report a total.) */
int rf__progress_wanted(rf_store *s);
int rf__progress_begin(rf__progress *p, rf_store *s, const char *operation, uint64_t total);
int rf__progress_step(rf__progress *p, uint64_t done);
int rf__progress_end(rf__progress *p);

#endif
