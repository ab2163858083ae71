/* Rows of the privacy area: hash keys and privacy policies. */
#include "store/privacy.h"

/* How long a handle trusts its keyring before looking again. */
#define KEYRING_TTL_MS 1000

static int load_keys(rf_store *s, int64_t now, rfs_keyring *k)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_HASH_KEYS_LIVE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, now);
	k->count = 0;
	k->valid_until = now + KEYRING_TTL_MS;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW && k->count < RF_HASH_KEYS_MAX) {
		if (sqlite3_column_bytes(st, 1) != RF_SECRET_BYTES)
			continue;
		k->ids[k->count] = sqlite3_column_int64(st, 0);
		memcpy(k->secrets[k->count], sqlite3_column_blob(st, 1), RF_SECRET_BYTES);
		int64_t expires = sqlite3_column_int64(st, 2);
		if (expires > 0 && expires < k->valid_until)
			k->valid_until = expires;
		k->count++;
	}
	sqlite3_reset(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return rfs_fail(s, step, "reading the hash keys");
	if (k->count == 0)
		return rf__error(RF_ECORRUPT, "no live hash key");
	k->loaded_at = now;
	return RF_OK;
}

int rfs_keys_live(rf_store *s, const rfs_keyring **out)
{
	int64_t now = rfs_now(s);
	rfs_keyring *k = &s->keys;
	if (k->count == 0 || now >= k->valid_until || now < k->loaded_at) {
		rfs_keyring fresh;
		memset(&fresh, 0, sizeof(fresh));
		if (load_keys(s, now, &fresh) == RF_OK) {
			rfs_keyring_wipe(s);
			*k = fresh;
		}
		rf__wipe(&fresh, sizeof(fresh));
	}
	*out = k;
	return k->count;
}

void rfs_keyring_forget(rf_store *s)
{
	s->keys.valid_until = INT64_MIN;
	s->keys.policies = 0;
}

void rfs_keyring_wipe(rf_store *s)
{
	rf__wipe(&s->keys, sizeof(s->keys));
}

int rfs_hash_key_insert(rf_store *s, const unsigned char secret[RF_SECRET_BYTES], int64_t now,
			int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_HASH_KEY_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_blob(st, 1, secret, RF_SECRET_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now);
	rc = rfs_exec(s, st, "adding a hash key");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int rfs_hash_key_retire(rf_store *s, int64_t now, int64_t expires_at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_HASH_KEY_RETIRE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, expires_at);
	return rfs_exec(s, st, "retiring the hash key");
}

int rfs_hash_key_destroy(rf_store *s, int64_t now, int64_t *destroyed)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_HASH_KEY_DESTROY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, now);
	rc = rfs_exec(s, st, "destroying expired hash keys");
	*destroyed = rc == RF_OK ? sqlite3_changes(s->db) : 0;
	if (rc == RF_OK && (rc = rfs_stmt(s, RFS_HASH_KEY_FORGET_FIRST, &st)) == RF_OK)
		rc = rfs_exec(s, st, "forgetting the first hash key");
	if (rc == RF_OK && sqlite3_changes(s->db) > 0)
		memset(s->secret, 0, RF_SECRET_BYTES / 2);
	return rc;
}

static void read_key_row(sqlite3_stmt *st, void *out)
{
	rfs_hash_key_row *r = out;
	r->id = sqlite3_column_int64(st, 0);
	r->created_at = sqlite3_column_int64(st, 1);
	r->retired_at = sqlite3_column_int64(st, 2);
	r->expires_at = sqlite3_column_int64(st, 3);
	r->live = sqlite3_column_int(st, 4);
	r->destroyed = sqlite3_column_int(st, 5);
}

int rfs_hash_key_all(rf_store *s, int64_t now, rfs_hash_key_row **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_HASH_KEY_ALL, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, now);
	void *out = NULL;
	rc = rfs_collect(s, st, read_key_row, sizeof(rfs_hash_key_row), 0, &out, count,
			 "listing hash keys");
	*rows = out;
	return rc;
}

int rfs_hash_key_live_count(rf_store *s, int64_t now, int *count)
{
	rfs_hash_key_row *rows = NULL;
	size_t n = 0;
	int rc = rfs_hash_key_all(s, now, &rows, &n);
	*count = 0;
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		*count += rows[i].live;
	free(rows);
	return rc;
}

int rfs_policy_current(rf_store *s, int64_t program_id, rfs_policy *row)
{
	sqlite3_stmt *st = NULL;
	memset(row, 0, sizeof(*row));
	int rc = rfs_stmt(s, RFS_POLICY_CURRENT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		row->revision = sqlite3_column_int64(st, 0);
		row->ip_truncate = sqlite3_column_int(st, 1);
		row->retention_ms = sqlite3_column_int64(st, 2);
		row->set_at = sqlite3_column_int64(st, 3);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "reading a privacy policy");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_policy_insert(rf_store *s, int64_t program_id, const rfs_policy *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_POLICY_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, row->revision);
	sqlite3_bind_int(st, 3, row->ip_truncate);
	sqlite3_bind_int64(st, 4, row->retention_ms);
	sqlite3_bind_int64(st, 5, row->set_at);
	return rfs_exec(s, st, "storing a privacy policy");
}

int rfs_policy_truncates(rf_store *s, int64_t program_id)
{
	const rfs_keyring *unused;
	rfs_keys_live(s, &unused); /* a reload empties the policy cache */
	rfs_keyring *k = &s->keys;
	for (int i = 0; i < k->policies; i++)
		if (k->policy_program[i] == program_id)
			return k->policy_truncate[i];
	rfs_policy p;
	if (rfs_policy_current(s, program_id, &p) != RF_OK)
		return 0;
	int slot = k->policies < RFS_POLICY_CACHE ? k->policies++ : (int)(program_id % RFS_POLICY_CACHE);
	k->policy_program[slot] = program_id;
	k->policy_truncate[slot] = p.ip_truncate;
	return p.ip_truncate;
}
