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
	rfs_bind_hash(st, 4, email_hash);
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
	rfs_col_text(st, 7, a->customer, sizeof(a->customer));
	a->customer_id = sqlite3_column_int64(st, 8);
	a->visitor_id = sqlite3_column_int64(st, 9);
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

int rfs_advocate_set_identity(rf_store *s, int64_t id, const rfs_advocate_identity *identity)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_SET_IDENTITY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, identity->customer_id);
	sqlite3_bind_int64(st, 3, identity->visitor_id);
	rfs_bind_hash(st, 4, identity->email_key);
	rfs_bind_hash(st, 5, identity->ip_hash);
	rfs_bind_hash(st, 6, identity->ua_hash);
	return rfs_exec(s, st, "recording an advocate's identity");
}

int rfs_referral_edges(rf_store *s, int64_t program_id, rfs_edge_fn each, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REFERRAL_EDGES, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	int step = SQLITE_DONE;
	while (rc == RF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		rfs_edge e = { sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1) };
		rc = each(ctx, &e);
	}
	if (rc == RF_OK && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading the referral graph");
	sqlite3_reset(st);
	return rc;
}

static void read_id(sqlite3_stmt *st, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

int rfs_referral_edges_from(rf_store *s, int64_t program_id, int64_t from, int64_t **to,
			    size_t *count)
{
	sqlite3_stmt *st = NULL;
	*to = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_REFERRAL_EDGES_FROM, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, from);
	return rfs_collect(s, st, read_id, sizeof(**to), 0, (void **)to, count,
			   "reading the referral graph");
}
