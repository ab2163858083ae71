/* Aggregate queries for statistics; each streams in SQLite. */
#include "store/rows.h"

/* Prepare `id` and bind the common period parameters. */
static int bind_period(rf_store *s, rfs_stmt_id id, int64_t program_id, int64_t advocate_id,
		       int64_t from, int64_t to, sqlite3_stmt **st)
{
	int rc = rfs_stmt(s, id, st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(*st, 1, program_id);
	sqlite3_bind_int64(*st, 2, from);
	sqlite3_bind_int64(*st, 3, to);
	if (advocate_id)
		sqlite3_bind_int64(*st, 4, advocate_id);
	return RF_OK;
}

/* Run an aggregate that returns one row; `read` copies its columns. */
static int one_row(rf_store *s, sqlite3_stmt *st, rfs_stats *out,
		   void (*read)(sqlite3_stmt *, rfs_stats *))
{
	int step = sqlite3_step(st);
	int rc = RF_OK;
	if (step == SQLITE_ROW)
		read(st, out);
	else
		rc = rfs_fail(s, step, "computing statistics");
	sqlite3_reset(st);
	return rc;
}

static void read_touches(sqlite3_stmt *st, rfs_stats *o)
{
	o->touchpoints = sqlite3_column_int64(st, 0);
	o->unique_touchpoints = sqlite3_column_int64(st, 1);
	o->unique_visitors = sqlite3_column_int64(st, 2);
}

static void read_program_conversions(sqlite3_stmt *st, rfs_stats *o)
{
	o->conversions = sqlite3_column_int64(st, 0);
	o->attributed_conversions = sqlite3_column_int64(st, 1);
}

static void read_credited(sqlite3_stmt *st, rfs_stats *o)
{
	o->credited_conversions = sqlite3_column_double(st, 0);
}

static void read_advocate_conversions(sqlite3_stmt *st, rfs_stats *o)
{
	o->conversions = o->attributed_conversions = sqlite3_column_int64(st, 0);
	o->credited_conversions = sqlite3_column_double(st, 1);
}

int rfs_stats_counts(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t from, int64_t to,
	      rfs_stats *out)
{
	sqlite3_stmt *st = NULL;
	memset(out, 0, sizeof(*out));
	int adv = advocate_id != 0;
	int rc = bind_period(s, adv ? RFS_STATS_TOUCH_ADVOCATE : RFS_STATS_TOUCH_PROGRAM,
			     program_id, advocate_id, from, to, &st);
	if (rc == RF_OK)
		rc = one_row(s, st, out, read_touches);
	if (rc != RF_OK)
		return rc;
	if (adv) {
		rc = bind_period(s, RFS_STATS_CONV_ADVOCATE, program_id, advocate_id, from, to, &st);
		return rc == RF_OK ? one_row(s, st, out, read_advocate_conversions) : rc;
	}
	rc = bind_period(s, RFS_STATS_CONV_PROGRAM, program_id, 0, from, to, &st);
	if (rc == RF_OK)
		rc = one_row(s, st, out, read_program_conversions);
	if (rc == RF_OK)
		rc = bind_period(s, RFS_STATS_CREDIT_PROGRAM, program_id, 0, from, to, &st);
	return rc == RF_OK ? one_row(s, st, out, read_credited) : rc;
}

static void read_money(sqlite3_stmt *st, void *row)
{
	rfs_money *m = row;
	rfs_col_text(st, 0, m->currency, sizeof(m->currency));
	m->value_minor = sqlite3_column_int64(st, 1);
}

int rfs_stats_values(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t from,
		     int64_t to, rfs_money **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = bind_period(s, advocate_id ? RFS_STATS_VALUE_ADVOCATE : RFS_STATS_VALUE_PROGRAM,
			     program_id, advocate_id, from, to, &st);
	if (rc != RF_OK)
		return rc;
	return rfs_collect(s, st, read_money, sizeof(**rows), 0, (void **)rows, count,
			   "computing statistics");
}
