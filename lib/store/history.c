/* Streaming reads over a program's history, for fitting and replay. */
#include "store/rows.h"

int rfs_begin_read(rf_store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_BEGIN_READ, &st);
	return rc == RF_OK ? rfs_exec(s, st, "starting a read") : rc;
}

static void read_id(sqlite3_stmt *st, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

int rfs_program_advocates(rf_store *s, int64_t program_id, int64_t **ids, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*ids = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_PROGRAM_ADVOCATES, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	return rfs_collect(s, st, read_id, sizeof(int64_t), 0, (void **)ids, count,
			   "listing a program's advocates");
}

int rfs_fit_journeys(rf_store *s, int64_t program_id, rfs_journey_step_fn step, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FIT_JOURNEYS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	int r = SQLITE_DONE;
	while (rc == RF_OK && (r = sqlite3_step(st)) == SQLITE_ROW)
		rc = step(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			  sqlite3_column_int64(st, 2));
	if (rc == RF_OK && r != SQLITE_DONE)
		rc = rfs_fail(s, r, "reading journeys");
	sqlite3_reset(st);
	return rc;
}

int rfs_first_conversion_at(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t *at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FIRST_CONVERSION_AT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, visitor_id);
	sqlite3_bind_int64(st, 2, program_id);
	int r = sqlite3_step(st);
	*at = r == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
		      ? sqlite3_column_int64(st, 0) : -1;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = rfs_fail(s, r, "reading conversions");
	sqlite3_reset(st);
	return rc;
}

int rfs_fit_store(rf_store *s, int64_t program_id, int32_t model, const int64_t *advocates,
		  const double *values, size_t count, int64_t now)
{
	sqlite3_stmt *del = NULL, *ins = NULL;
	int rc = rfs_stmt(s, RFS_FIT_DELETE, &del);
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_FIT_INSERT, &ins);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(del, 1, program_id);
	sqlite3_bind_int(del, 2, model);
	rc = rfs_exec(s, del, "replacing a fitted model");
	for (size_t i = 0; rc == RF_OK && i < count; i++) {
		sqlite3_bind_int64(ins, 1, program_id);
		sqlite3_bind_int(ins, 2, model);
		sqlite3_bind_int64(ins, 3, advocates[i]);
		sqlite3_bind_double(ins, 4, values[i]);
		sqlite3_bind_int64(ins, 5, now);
		rc = rfs_exec(s, ins, "storing a fitted model");
	}
	return rc;
}

int rfs_advocate_ext(rf_store *s, int64_t id, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_EXT_BY_ID, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		rfs_col_text(st, 0, out, size);
	else
		rc = r == SQLITE_DONE ? rf__error(RF_ECORRUPT, "advocate %lld is missing", (long long)id)
				      : rfs_fail(s, r, "reading an advocate");
	sqlite3_reset(st);
	return rc;
}

static void read_replay(sqlite3_stmt *st, rfs_replay_conversion *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->visitor_id = sqlite3_column_int64(st, 1);
	c->customer_id = sqlite3_column_int64(st, 2);
	c->kind = sqlite3_column_int(st, 3);
	c->value_minor = sqlite3_column_int64(st, 4);
	rfs_col_text(st, 5, c->currency, sizeof(c->currency));
	c->at = sqlite3_column_int64(st, 6);
	c->follows_id = sqlite3_column_int64(st, 7);
}

int rfs_replay_conversions(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			   rfs_replay_fn each, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REPLAY_CONVERSIONS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	int r = SQLITE_DONE;
	rfs_replay_conversion c;
	while (rc == RF_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
		read_replay(st, &c);
		rc = each(ctx, &c);
	}
	if (rc == RF_OK && r != SQLITE_DONE)
		rc = rfs_fail(s, r, "reading conversions");
	sqlite3_reset(st);
	return rc;
}

int rfs_advocate_max_id(rf_store *s, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_MAX_ID, &st);
	if (rc != RF_OK)
		return rc;
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		rc = rfs_fail(s, r, "reading advocates");
	sqlite3_reset(st);
	return rc;
}

int rfs_replay_count(rf_store *s, int64_t program_id, int64_t from, int64_t to, int64_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REPLAY_COUNT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	else
		rc = rfs_fail(s, r, "counting conversions");
	sqlite3_reset(st);
	return rc;
}

int rfs_conversion_by_id(rf_store *s, int64_t id, rfs_replay_conversion *c)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CONVERSION_BY_ID, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int r = sqlite3_step(st);
	memset(c, 0, sizeof(*c));
	if (r == SQLITE_ROW) {
		c->id = id;
		c->visitor_id = sqlite3_column_int64(st, 0);
		c->customer_id = sqlite3_column_int64(st, 1);
		c->at = sqlite3_column_int64(st, 2);
		c->follows_id = sqlite3_column_int64(st, 3);
	} else {
		rc = r == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, r, "reading a conversion");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_first_conversion_of_person(rf_store *s, int64_t program_id, int64_t visitor_id,
				   int64_t customer_id, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FIRST_CONVERSION_OF_PERSON, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, visitor_id);
	sqlite3_bind_int64(st, 4, customer_id);
	int r = sqlite3_step(st);
	*id = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = rfs_fail(s, r, "reading conversions");
	sqlite3_reset(st);
	return rc;
}

static void read_stored(sqlite3_stmt *st, void *row)
{
	rfs_stored_credit *c = row;
	c->advocate_id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, c->advocate, sizeof(c->advocate));
	c->channel = sqlite3_column_int(st, 2);
	c->weight = sqlite3_column_double(st, 3);
	c->value_minor = sqlite3_column_int64(st, 4);
}

int rfs_stored_credits(rf_store *s, int64_t conversion_id, rfs_stored_credit **rows,
		       size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_STORED_CREDITS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	return rfs_collect(s, st, read_stored, sizeof(**rows), 0, (void **)rows, count,
			   "reading credit");
}
