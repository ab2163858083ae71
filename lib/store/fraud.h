/* Rows of the fraud tables (see schema v7 and sql_fraud.h). */
#ifndef RF_STORE_FRAUD_H
#define RF_STORE_FRAUD_H

#include "store/rows.h"

/* A program's newest fraud policy; *version 0 when it never set one. */
int rfs_fraud_policy_latest(rf_store *s, int64_t program_id, rf_fraud_policy *p,
			    int64_t *version);
int rfs_fraud_policy_insert(rf_store *s, int64_t program_id, int64_t version,
			    const rf_fraud_policy *p, int64_t now);

/* An advocate's identity: interned ids (0: none) and hashes (has_*: 0
 * when NULL) and external id. */
typedef struct rfs_identity_row {
	int64_t customer_id, visitor_id;
	unsigned char email_key[RF_HASH_BYTES], ip_hash[RF_HASH_BYTES], ua_hash[RF_HASH_BYTES];
	int has_email, has_ip, has_ua;
	char external_id[RFS_ID_SIZE];
} rfs_identity_row;
int rfs_advocate_identity_get(rf_store *s, int64_t advocate_id, rfs_identity_row *row);
/* The first advocate whose customer id is `customer_id` (*id 0: none). */
int rfs_advocate_of_customer(rf_store *s, int64_t customer_id, int64_t *id, char *ext,
			     size_t size);

/* Counts for the velocity signals. */
int rfs_fraud_conversions_advocate(rf_store *s, int64_t advocate_id, int64_t from, int64_t to,
				   int64_t *count);
/* Conversions whose IP hash is one of `ip_hashes` (the IP whole and its
 * network under each live key, at most 2 * RF_HASH_KEYS_MAX). */
int rfs_fraud_conversions_ip(rf_store *s, int64_t program_id,
			     const unsigned char (*ip_hashes)[RF_HASH_BYTES], int n, int64_t from,
			     int64_t to, int64_t *count);
/* Clicks on the advocate's codes, and those whose IP hash is one of
 * `ip_hashes` (at most 2 * RF_HASH_KEYS_MAX: whole and truncated). */
int rfs_fraud_clicks(rf_store *s, int64_t advocate_id, int64_t program_id, int64_t from,
		     int64_t to, const unsigned char (*ip_hashes)[RF_HASH_BYTES], int n,
		     int64_t *clicks, int64_t *from_ip);
/* Move other advocates' identity hashes from older live keys to the
 * current one: `email` (or the pair `ip`, `ua`) replaces every stored
 * hash in `old_*` (at most RF_HASH_KEYS_MAX - 1 each). */
int rfs_advocate_rehash_email(rf_store *s, const unsigned char *email,
			      const unsigned char (*old)[RF_HASH_BYTES], int n);
int rfs_advocate_rehash_ip_ua(rf_store *s, const unsigned char *ip, const unsigned char *ua,
			      const unsigned char (*old_ip)[RF_HASH_BYTES], int n_ip,
			      const unsigned char (*old_ua)[RF_HASH_BYTES], int n_ua);
/* Other advocates sharing an identity value of `me` (advocate
 * `advocate_id`, as rfs_advocate_identity_get read it): count, a few names
 * and the fields. */
int rfs_fraud_duplicates(rf_store *s, int64_t advocate_id, const rfs_identity_row *me,
			 int64_t *count, char *names, size_t names_size, char *fields,
			 size_t fields_size);

typedef struct rfs_fraud_check_in {
	int64_t conversion_id, program_id, advocate_id, at;
	const unsigned char *email_key, *ip_hash, *ua_hash;
	int32_t existing;
	int64_t policy_version;
	int32_t risk, decision, status;
} rfs_fraud_check_in;
int rfs_fraud_check_insert(rf_store *s, const rfs_fraud_check_in *c);
int rfs_fraud_signal_insert(rf_store *s, int64_t conversion_id, int seq, int32_t kind,
			    int32_t weight, int32_t hard, int64_t advocate_id, const char *evidence);

typedef struct rfs_fraud_check_row {
	int64_t conversion_id;
	char program[RFS_ID_SIZE], order_id[RFS_ID_SIZE], advocate[RFS_ID_SIZE];
	int64_t at;
	int32_t risk, decision, status;
	int64_t policy_version;
	char reviewer[RFS_NAME_SIZE];
	char reason[RF_MAX_TEXT_LEN + 1];
	int64_t reviewed_at;
} rfs_fraud_check_row;
int rfs_fraud_check_get(rf_store *s, int64_t conversion_id, rfs_fraud_check_row *row);

typedef struct rfs_fraud_signal_row {
	int32_t kind, weight, hard;
	char evidence[256];
} rfs_fraud_signal_row;
int rfs_fraud_signals(rf_store *s, int64_t conversion_id, rfs_fraud_signal_row **rows,
		      size_t *count);
/* Held conversion ids after `cursor`, oldest first, into a malloc'd array. */
int rfs_fraud_queue(rf_store *s, int64_t program_id, int64_t cursor, uint32_t limit,
		    int64_t **ids, size_t *count);
/* Record a review of a held check (RF_ECONFLICT when it is not held). */
int rfs_fraud_review_set(rf_store *s, int64_t conversion_id, int32_t status,
			 const char *reviewer, const char *reason, int64_t at);

/* The host's disposable domains. */
int rfs_domains_clear(rf_store *s);
int rfs_domain_insert(rf_store *s, const char *domain);
int rfs_domains_any(rf_store *s, int *any);
int rfs_domain_has(rf_store *s, const char *domain, int *found);

#endif
