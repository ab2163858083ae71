/* Rows of the conversion and credit tables. */
#include "store/rows.h"

int rfs_conversion_by_order(rf_store *s, int64_t program_id, const char *order_id,
			    rfs_conversion *c)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CONVERSION_BY_ORDER, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	rfs_bind_text(st, 2, order_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		rfs_col_text(st, 1, c->program_key, sizeof(c->program_key));
		rfs_col_text(st, 2, c->order_id, sizeof(c->order_id));
		rfs_col_text(st, 3, c->visitor, sizeof(c->visitor));
		c->kind = sqlite3_column_int(st, 4);
		c->value_minor = sqlite3_column_int64(st, 5);
		rfs_col_text(st, 6, c->currency, sizeof(c->currency));
		c->at = sqlite3_column_int64(st, 7);
		c->attributed = sqlite3_column_int(st, 8);
		c->model = sqlite3_column_int(st, 9);
		c->rules_version = sqlite3_column_int64(st, 10);
		c->lookback_ms = sqlite3_column_int64(st, 11);
		rfs_col_text(st, 12, c->summary, sizeof(c->summary));
	} else {
		rc = step == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, step, "reading a conversion");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_conversion_insert(rf_store *s, int64_t program_id, const char *order_id,
			  int64_t visitor_id, const rfs_conversion *c, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CONVERSION_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	rfs_bind_text(st, 2, order_id);
	sqlite3_bind_int64(st, 3, visitor_id);
	sqlite3_bind_int(st, 4, c->kind);
	sqlite3_bind_int64(st, 5, c->value_minor);
	rfs_bind_text(st, 6, c->currency);
	sqlite3_bind_int64(st, 7, c->at);
	sqlite3_bind_int64(st, 8, c->rules_version);
	sqlite3_bind_int(st, 9, c->model);
	sqlite3_bind_int64(st, 10, c->lookback_ms);
	sqlite3_bind_int(st, 11, c->attributed);
	rfs_bind_text(st, 12, c->summary);
	rc = rfs_exec(s, st, "recording a conversion");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int rfs_credit_insert(rf_store *s, int64_t conversion_id, int seq, const rfs_credit_in *c)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CREDIT_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	sqlite3_bind_int(st, 2, seq);
	if (c->touchpoint_id)
		sqlite3_bind_int64(st, 3, c->touchpoint_id);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int64(st, 4, c->code_id);
	sqlite3_bind_int64(st, 5, c->advocate_id);
	sqlite3_bind_int(st, 6, c->channel);
	sqlite3_bind_double(st, 7, c->weight);
	sqlite3_bind_int64(st, 8, c->value_minor);
	rfs_bind_text(st, 9, c->note);
	return rfs_exec(s, st, "recording credit");
}

static void read_touch(sqlite3_stmt *st, void *row)
{
	rfs_journey_touch *t = row;
	t->touchpoint_id = sqlite3_column_int64(st, 0);
	t->at = sqlite3_column_int64(st, 1);
	t->kind = sqlite3_column_int(st, 2);
	t->code_id = sqlite3_column_int64(st, 3);
	t->advocate_id = sqlite3_column_int64(st, 4);
	t->channel = sqlite3_column_int(st, 5);
}

int rfs_journey(rf_store *s, int64_t visitor_id, int64_t program_id, int64_t from, int64_t to,
		rfs_journey_touch **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_JOURNEY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, visitor_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	sqlite3_bind_int64(st, 4, program_id);
	return rfs_collect(s, st, read_touch, sizeof(**rows), 0, (void **)rows, count,
			   "reading a journey");
}

int rfs_first_referrer(rf_store *s, int64_t program_id, int64_t visitor_id, int *found,
		       rfs_journey_touch *t, char *order_id, size_t order_size)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FIRST_REFERRER, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, visitor_id);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (*found) {
		memset(t, 0, sizeof(*t));
		t->touchpoint_id = sqlite3_column_int64(st, 0);
		t->code_id = sqlite3_column_int64(st, 1);
		t->advocate_id = sqlite3_column_int64(st, 2);
		t->channel = sqlite3_column_int(st, 3);
		rfs_col_text(st, 4, order_id, order_size);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "looking up the first referrer");
	}
	sqlite3_reset(st);
	return rc;
}

static void read_credit_share(sqlite3_stmt *st, void *row)
{
	rfs_credit_out *c = row;
	memset(c, 0, sizeof(*c));
	rfs_col_text(st, 0, c->code, sizeof(c->code));
	rfs_col_text(st, 1, c->advocate, sizeof(c->advocate));
	c->channel = sqlite3_column_int(st, 2);
	c->weight = sqlite3_column_double(st, 3);
	c->value_minor = sqlite3_column_int64(st, 4);
}

static void read_credit_explained(sqlite3_stmt *st, void *row)
{
	rfs_credit_out *c = row;
	c->touchpoint_id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, c->code, sizeof(c->code));
	rfs_col_text(st, 2, c->advocate, sizeof(c->advocate));
	c->channel = sqlite3_column_int(st, 3);
	c->kind = sqlite3_column_int(st, 4);
	c->at = sqlite3_column_int64(st, 5);
	c->weight = sqlite3_column_double(st, 6);
	c->value_minor = sqlite3_column_int64(st, 7);
	rfs_col_text(st, 8, c->note, sizeof(c->note));
}

int rfs_credits(rf_store *s, int64_t conversion_id, int explained, rfs_credit_out **rows,
		size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, explained ? RFS_CREDITS_EXPLAINED : RFS_CREDITS_BY_CODE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	return rfs_collect(s, st, explained ? read_credit_explained : read_credit_share,
			   sizeof(**rows), 0, (void **)rows, count, "reading credit");
}
