/* Rows of the touchpoint table. */
#include "store/rows.h"

int rfs_touch_recent(rf_store *s, int64_t visitor_id, int64_t code_id, int64_t from,
		     int64_t to, int *found)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_TOUCH_RECENT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, visitor_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	sqlite3_bind_int64(st, 4, code_id);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "checking for duplicate touchpoints");
	sqlite3_reset(st);
	return rc;
}

int rfs_touch_insert(rf_store *s, const rfs_touch *t, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_TOUCH_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, t->code_id);
	sqlite3_bind_int64(st, 2, t->visitor_id);
	sqlite3_bind_int(st, 3, t->kind);
	sqlite3_bind_int64(st, 4, t->at);
	sqlite3_bind_int(st, 5, t->duplicate);
	rfs_bind_text(st, 6, t->landing_url);
	rfs_bind_hash(st, 7, t->ip_hash);
	rfs_bind_hash(st, 8, t->ua_hash);
	sqlite3_bind_int(st, 9, t->direct);
	rc = rfs_exec(s, st, "recording a touchpoint");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}
