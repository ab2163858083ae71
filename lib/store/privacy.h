/* Rows of the privacy area: hash keys, privacy policies. */
#ifndef RF_STORE_PRIVACY_H
#define RF_STORE_PRIVACY_H

#include "store/rows.h"

/* The live keys at the store's clock, reloaded when stale (a failed
 * reload keeps the keys already held). Returns the number of keys. */
int rfs_keys_live(rf_store *s, const rfs_keyring **out);
/* Forget what the keyring holds (after our own key or policy write). */
void rfs_keyring_forget(rf_store *s);
/* Wipe the keyring's secrets (on close). */
void rfs_keyring_wipe(rf_store *s);

int rfs_hash_key_insert(rf_store *s, const unsigned char secret[RF_SECRET_BYTES], int64_t now,
			int64_t *id);
int rfs_hash_key_retire(rf_store *s, int64_t now, int64_t expires_at);
/* Destroy the secrets of expired keys; `destroyed` counts them. */
int rfs_hash_key_destroy(rf_store *s, int64_t now, int64_t *destroyed);
int rfs_hash_key_live_count(rf_store *s, int64_t now, int *count);

typedef struct rfs_hash_key_row {
	int64_t id, created_at, retired_at, expires_at;
	int32_t live, destroyed;
} rfs_hash_key_row;
int rfs_hash_key_all(rf_store *s, int64_t now, rfs_hash_key_row **rows, size_t *count);

/* A program's current policy (revision 0 and defaults when none). */
typedef struct rfs_policy {
	int64_t revision;
	int32_t ip_truncate;
	int64_t retention_ms;
	int64_t set_at;
} rfs_policy;
int rfs_policy_current(rf_store *s, int64_t program_id, rfs_policy *row);
int rfs_policy_insert(rf_store *s, int64_t program_id, const rfs_policy *row);
/* Cached: does the program truncate IPs? (0 on any error) */
int rfs_policy_truncates(rf_store *s, int64_t program_id);

#endif
