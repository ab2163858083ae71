/* Rows of the code and visitor tables. */
#include "store/rows.h"

#include <stdio.h>

int rfs_code_exists(rf_store *s, const char *code, int *exists)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CODE_EXISTS, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, code);
	int step = sqlite3_step(st);
	*exists = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "looking up a code");
	sqlite3_reset(st);
	return rc;
}

int rfs_code_insert(rf_store *s, const char *code, const char *display, int64_t program_id,
		    int64_t advocate_id, int32_t channel, int32_t vanity, int64_t expires_at,
		    int64_t max_uses, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CODE_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, code);
	rfs_bind_text(st, 2, display);
	sqlite3_bind_int64(st, 3, program_id);
	sqlite3_bind_int64(st, 4, advocate_id);
	sqlite3_bind_int(st, 5, channel);
	sqlite3_bind_int(st, 6, vanity);
	sqlite3_bind_int64(st, 7, expires_at);
	sqlite3_bind_int64(st, 8, max_uses);
	sqlite3_bind_int64(st, 9, now);
	rc = rfs_exec(s, st, "issuing a code");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static void read_code(sqlite3_stmt *st, void *row)
{
	rfs_code *c = row;
	c->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, c->code, sizeof(c->code));
	rfs_col_text(st, 2, c->display, sizeof(c->display));
	c->program_id = sqlite3_column_int64(st, 3);
	c->advocate_id = sqlite3_column_int64(st, 4);
	c->channel = sqlite3_column_int(st, 5);
	c->vanity = sqlite3_column_int(st, 6);
	c->status = sqlite3_column_int(st, 7);
	c->expires_at = sqlite3_column_int64(st, 8);
	c->max_uses = sqlite3_column_int64(st, 9);
	c->uses = sqlite3_column_int64(st, 10);
	c->created_at = sqlite3_column_int64(st, 11);
	rfs_col_text(st, 12, c->program_key, sizeof(c->program_key));
	c->program_status = sqlite3_column_int(st, 13);
	rfs_col_text(st, 14, c->advocate_ext, sizeof(c->advocate_ext));
	c->advocate_status = sqlite3_column_int(st, 15);
	c->duplicate_window_ms = sqlite3_column_int64(st, 16);
	c->content_id = sqlite3_column_int64(st, 17);
	c->content[0] = '\0';
}

int rfs_code_by_text(rf_store *s, const char *code, rfs_code *c)
{
	if (rfs_code_cached(s, code, c))
		return RF_OK;
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CODE_BY_TEXT, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, code);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		read_code(st, c);
		rfs_code_remember(s, c);
	} else {
		rc = step == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, step, "reading a code");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_code_list(rf_store *s, int64_t advocate_id, int64_t program_id, rfs_code **rows,
		  size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_CODE_LIST, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, advocate_id);
	sqlite3_bind_int64(st, 2, program_id);
	return rfs_collect(s, st, read_code, sizeof(**rows), 0, (void **)rows, count,
			   "listing codes");
}

static int update_one(rf_store *s, rfs_stmt_id id, int64_t row, const int32_t *value,
		      const char *doing)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, id, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, row);
	if (value)
		sqlite3_bind_int(st, 2, *value);
	return rfs_exec(s, st, doing);
}

int rfs_code_set_status(rf_store *s, int64_t id, int32_t status)
{
	rfs_codes_changed(s);
	return update_one(s, RFS_CODE_SET_STATUS, id, &status, "updating a code");
}

int rfs_code_add_use(rf_store *s, int64_t id)
{
	rfs_codes_changed(s);
	return update_one(s, RFS_CODE_ADD_USE, id, NULL, "counting a code use");
}

/* Probe from the keyed hash of the id until its row or a free slot. The
 * domain keeps visitor and customer ids apart. */
static int intern(rf_store *s, rfs_stmt_id get_id, rfs_stmt_id put_id, const char *domain,
		  const char *ext, int create, int64_t *id)
{
	sqlite3_stmt *get = NULL, *put = NULL;
	int rc = rfs_stmt(s, get_id, &get);
	if (rc == RF_OK && create)
		rc = rfs_stmt(s, put_id, &put);
	if (rc != RF_OK)
		return rc;
	size_t len = strlen(ext);
	char keyed[RF_MAX_ID_LEN + 16];
	int klen = snprintf(keyed, sizeof(keyed), "%s:%s", domain, ext);
	/* Positive 63-bit ids; 0 is never used so it can mean "none". */
	uint64_t slot = rf__hash64(s->secret, keyed, (size_t)klen) & INT64_MAX;
	for (int probe = 0; probe < 64; probe++, slot = (slot + 1) & INT64_MAX) {
		if (slot == 0)
			continue;
		sqlite3_bind_int64(get, 1, (int64_t)slot);
		int step = sqlite3_step(get);
		int same = step == SQLITE_ROW && (size_t)sqlite3_column_bytes(get, 0) == len &&
			   memcmp(sqlite3_column_text(get, 0), ext, len) == 0;
		sqlite3_reset(get);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return rfs_fail(s, step, "reading an interned id");
		if (same) {
			*id = (int64_t)slot;
			return RF_OK;
		}
		if (step == SQLITE_ROW)
			continue; /* another id holds this slot */
		if (!create) {
			*id = 0;
			return RF_OK;
		}
		sqlite3_bind_int64(put, 1, (int64_t)slot);
		rfs_bind_text(put, 2, ext);
		rc = rfs_exec(s, put, "interning an id");
		if (rc == RF_OK)
			*id = (int64_t)slot;
		return rc;
	}
	return rf__error(RF_ERROR, "interned id table is too crowded at one slot");
}

int rfs_visitor_intern(rf_store *s, const char *ext, int create, int64_t *id)
{
	return intern(s, RFS_VISITOR_GET, RFS_VISITOR_INSERT, "visitor", ext, create, id);
}

int rfs_customer_intern(rf_store *s, const char *ext, int create, int64_t *id)
{
	return intern(s, RFS_CUSTOMER_GET, RFS_CUSTOMER_INSERT, "customer", ext, create, id);
}
