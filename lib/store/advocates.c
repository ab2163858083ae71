/* Rows of the advocate table. */
#include "store/rows.h"

int rfs_advocate_insert(rf_store *s, const char *external_id, int32_t kind,
			const char *display_name, const unsigned char *email_hash,
			int64_t now, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, external_id);
	sqlite3_bind_int(st, 2, kind);
	rfs_bind_text(st, 3, display_name ? display_name : "");
	if (email_hash)
		sqlite3_bind_blob(st, 4, email_hash, RF_HASH_BYTES, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_int64(st, 5, now);
	rc = rfs_exec(s, st, "adding an advocate");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static void read_advocate(sqlite3_stmt *st, void *row)
{
	rfs_advocate *a = row;
	a->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, a->external_id, sizeof(a->external_id));
	a->kind = sqlite3_column_int(st, 2);
	rfs_col_text(st, 3, a->display_name, sizeof(a->display_name));
	a->status = sqlite3_column_int(st, 4);
	a->has_email = sqlite3_column_int(st, 5);
	a->created_at = sqlite3_column_int64(st, 6);
}

int rfs_advocate_by_ext(rf_store *s, const char *external_id, rfs_advocate *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_BY_EXT, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, external_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		read_advocate(st, row);
	else
		rc = step == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, step, "reading an advocate");
	sqlite3_reset(st);
	return rc;
}

int rfs_advocate_page(rf_store *s, int64_t after, uint32_t limit, rfs_advocate **rows,
		      size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_ADVOCATE_PAGE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, limit);
	return rfs_collect(s, st, read_advocate, sizeof(**rows), limit, (void **)rows, count,
			   "listing advocates");
}

int rfs_advocate_set_status(rf_store *s, int64_t id, int32_t status)
{
	rfs_codes_changed(s);
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_SET_STATUS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, status);
	return rfs_exec(s, st, "updating an advocate");
}
