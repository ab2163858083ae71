/* Rows of the link_key table. */
#include "store/links.h"

static void read_key(sqlite3_stmt *st, void *out)
{
	rfs_link_key *row = out;
	memset(row, 0, sizeof(*row));
	row->id = sqlite3_column_int64(st, 0);
	const void *blob = sqlite3_column_blob(st, 1);
	if (blob != NULL && sqlite3_column_bytes(st, 1) == RF_SECRET_BYTES)
		memcpy(row->secret, blob, RF_SECRET_BYTES);
	row->created_at = sqlite3_column_int64(st, 2);
	row->retired_at = sqlite3_column_int64(st, 3);
}

int rfs_link_key_insert(rf_store *s, const unsigned char secret[RF_SECRET_BYTES], int64_t now,
			int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_LINK_KEY_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_blob(st, 1, secret, RF_SECRET_BYTES, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now);
	rc = rfs_exec(s, st, "adding a link key");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static int one_key(rf_store *s, sqlite3_stmt *st, rfs_link_key *row)
{
	int step = sqlite3_step(st);
	int rc = RF_OK;
	if (step == SQLITE_ROW)
		read_key(st, row);
	else if (step == SQLITE_DONE)
		rc = RF_ENOTFOUND;
	else
		rc = rfs_fail(s, step, "reading a link key");
	sqlite3_reset(st);
	return rc;
}

int rfs_link_key_get(rf_store *s, int64_t id, rfs_link_key *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_LINK_KEY_GET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return one_key(s, st, row);
}

int rfs_link_key_newest(rf_store *s, rfs_link_key *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_LINK_KEY_NEWEST, &st);
	return rc != RF_OK ? rc : one_key(s, st, row);
}

int rfs_link_key_retire(rf_store *s, int64_t id, int64_t now, int *changed)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_LINK_KEY_RETIRE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	rc = rfs_exec(s, st, "retiring a link key");
	*changed = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_link_key_all(rf_store *s, rfs_link_key **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_LINK_KEY_ALL, &st);
	if (rc != RF_OK)
		return rc;
	void *out = NULL;
	rc = rfs_collect(s, st, read_key, sizeof(rfs_link_key), 0, &out, count, "listing link keys");
	*rows = out;
	return rc;
}
