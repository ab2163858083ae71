/* Rows of the engagement tables (see store/engagement.h). */
#include "store/engagement.h"

static int bind_all(sqlite3_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i')
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		else
			rfs_bind_text(st, i + 1, va_arg(ap, const char *));
	}
	return RF_OK;
}

static int prepare(rf_store *s, rfs_stmt_id id, sqlite3_stmt **st, const char *types, va_list ap)
{
	int rc = rfs_stmt(s, id, st);
	if (rc == RF_OK)
		rc = bind_all(*st, types, ap);
	return rc;
}

int rfs_q_exec(rf_store *s, rfs_stmt_id id, const char *doing, const char *types, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, types);
	int rc = prepare(s, id, &st, types, ap);
	va_end(ap);
	return rc == RF_OK ? rfs_exec(s, st, doing) : rc;
}

static int one_row(rf_store *s, sqlite3_stmt *st, rfs_read_fn read, void *row, int *found,
		   const char *doing)
{
	int step = sqlite3_step(st), rc = RF_OK;
	*found = step == SQLITE_ROW;
	if (*found)
		read(st, row);
	else if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, doing);
	sqlite3_reset(st);
	return rc;
}

static void read_int(sqlite3_stmt *st, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

static int q_one(rf_store *s, rfs_stmt_id id, rfs_read_fn read, void *row, int *found,
		 const char *doing, const char *types, va_list ap)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, id, &st, types, ap);
	*found = 0;
	return rc == RF_OK ? one_row(s, st, read, row, found, doing) : rc;
}

int rfs_q_int(rf_store *s, rfs_stmt_id id, int64_t *value, int *found, const char *doing,
	      const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	*value = 0;
	int rc = q_one(s, id, read_int, value, found, doing, types, ap);
	va_end(ap);
	return rc;
}

int rfs_q_one(rf_store *s, rfs_stmt_id id, rfs_read_fn read, void *row, int *found,
	      const char *doing, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int rc = q_one(s, id, read, row, found, doing, types, ap);
	va_end(ap);
	return rc;
}

int rfs_q_rows(rf_store *s, rfs_stmt_id id, rfs_read_fn read, size_t elem, void **rows,
	       size_t *count, const char *doing, const char *types, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, types);
	int rc = prepare(s, id, &st, types, ap);
	va_end(ap);
	*rows = NULL;
	*count = 0;
	return rc == RF_OK ? rfs_collect(s, st, read, elem, 0, rows, count, doing) : rc;
}

int64_t rfs_last_id(rf_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

/* Consent. */

int rfs_consent_set(rf_store *s, int64_t advocate_id, int32_t purpose, int32_t granted,
		    const char *source, int64_t at)
{
	int rc = rfs_q_exec(s, RFS_CONSENT_ENSURE, "recording consent", "i", advocate_id);
	if (rc == RF_OK)
		rc = rfs_q_exec(s, RFS_CONSENT_UPDATE, "recording consent", "iiii", advocate_id,
				(int64_t)purpose, (int64_t)granted, at);
	if (rc == RF_OK)
		rc = rfs_q_exec(s, RFS_CONSENT_CHANGE_INSERT, "recording consent", "iiiti",
				advocate_id, (int64_t)purpose, (int64_t)granted, source, at);
	return rc;
}

static void read_consent(sqlite3_stmt *st, void *row)
{
	rfs_consent *c = row;
	c->tracking = sqlite3_column_int(st, 0);
	c->messages = sqlite3_column_int(st, 1);
	c->tracking_at = sqlite3_column_int64(st, 2);
	c->messages_at = sqlite3_column_int64(st, 3);
}

int rfs_consent_get(rf_store *s, int64_t advocate_id, rfs_consent *out)
{
	int found = 0;
	memset(out, 0, sizeof(*out));
	return rfs_q_one(s, RFS_CONSENT_GET, read_consent, out, &found, "reading consent", "i",
			 advocate_id);
}

static void read_change(sqlite3_stmt *st, void *row)
{
	rfs_consent_change *c = row;
	c->purpose = sqlite3_column_int(st, 0);
	c->granted = sqlite3_column_int(st, 1);
	rfs_col_text(st, 2, c->source, sizeof(c->source));
	c->at = sqlite3_column_int64(st, 3);
}

int rfs_consent_history(rf_store *s, int64_t advocate_id, rfs_consent_change **rows,
			size_t *count)
{
	return rfs_q_rows(s, RFS_CONSENT_HISTORY, read_change, sizeof(**rows), (void **)rows, count,
			  "reading consent history", "i", advocate_id);
}
