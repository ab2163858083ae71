/* Aggregates of the reports area (sql_reports.h); each streams in SQLite
 * and returns grouped rows only. */
#include "store/reports.h"

#define DOING "computing a report"

static int bind_period(rf_store *s, rfs_stmt_id id, int64_t program_id, int64_t from, int64_t to,
		       int32_t param4, sqlite3_stmt **st)
{
	int rc = rfs_stmt(s, id, st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(*st, 1, program_id);
	sqlite3_bind_int64(*st, 2, from);
	sqlite3_bind_int64(*st, 3, to);
	sqlite3_bind_int(*st, 4, param4);
	return RF_OK;
}

static void read_bucket(sqlite3_stmt *st, void *row)
{
	rfs_bucket_row *r = row;
	r->bucket = sqlite3_column_int64(st, 0);
	r->a = sqlite3_column_int64(st, 1);
	r->b = sqlite3_column_count(st) > 2 ? sqlite3_column_int64(st, 2) : 0;
}

int rfs_report_series(rf_store *s, rfs_series_of what, int64_t program_id, int64_t from,
		      int64_t to, int32_t period, rfs_bucket_row **rows, size_t *count)
{
	static const rfs_stmt_id ids[] = { RFS_REPORT_SERIES_TOUCH, RFS_REPORT_SERIES_CONV,
					   RFS_REPORT_SERIES_ADVOCATES };
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = bind_period(s, ids[what], program_id, from, to, period, &st);
	return rc != RF_OK ? rc
			   : rfs_collect(s, st, read_bucket, sizeof(**rows), 0, (void **)rows,
					 count, DOING);
}

static void read_value(sqlite3_stmt *st, void *row)
{
	rfs_value_row *r = row;
	r->key = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, r->currency, sizeof(r->currency));
	r->value_minor = sqlite3_column_int64(st, 2);
}

int rfs_report_series_values(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			     int32_t period, rfs_value_row **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = bind_period(s, RFS_REPORT_SERIES_VALUE, program_id, from, to, period, &st);
	return rc != RF_OK ? rc
			   : rfs_collect(s, st, read_value, sizeof(**rows), 0, (void **)rows,
					 count, DOING);
}

static void read_split(sqlite3_stmt *st, void *row)
{
	rfs_split_row *r = row;
	r->key = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, r->external_id, sizeof(r->external_id));
	rfs_col_text(st, 2, r->display_name, sizeof(r->display_name));
	r->touchpoints = sqlite3_column_int64(st, 3);
	r->unique_visitors = sqlite3_column_int64(st, 4);
	r->conversions = sqlite3_column_int64(st, 5);
	r->credited = sqlite3_column_double(st, 6);
}

int rfs_report_split(rf_store *s, int64_t program_id, int64_t from, int64_t to, int32_t by,
		     uint32_t limit, rfs_split_row **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = bind_period(s, RFS_REPORT_SPLIT, program_id, from, to, by, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 5, limit ? (int64_t)limit : -1);
	return rfs_collect(s, st, read_split, sizeof(**rows), 0, (void **)rows, count, DOING);
}

int rfs_report_split_values(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			    int32_t by, rfs_value_fn each, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = bind_period(s, RFS_REPORT_SPLIT_VALUE, program_id, from, to, by, &st);
	int step = SQLITE_DONE;
	while (rc == RF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		rfs_value_row row;
		read_value(st, &row);
		rc = each(ctx, &row);
	}
	if (rc == RF_OK && step != SQLITE_DONE)
		rc = rfs_fail(s, step, DOING);
	if (st)
		sqlite3_reset(st);
	return rc;
}

int rfs_report_funnel(rf_store *s, int64_t program_id, int64_t from, int64_t to,
		      int64_t out[4])
{
	sqlite3_stmt *st = NULL;
	int rc = bind_period(s, RFS_REPORT_FUNNEL, program_id, from, to, 0, &st);
	if (rc != RF_OK)
		return rc;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		for (int i = 0; i < 4; i++)
			out[i] = sqlite3_column_int64(st, i);
	} else {
		rc = rfs_fail(s, step, DOING);
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_report_summary(rf_store *s, int64_t program_id, int64_t from, int64_t to,
		       int64_t out[6])
{
	sqlite3_stmt *st = NULL;
	int rc = bind_period(s, RFS_REPORT_SUMMARY, program_id, from, to, 0, &st);
	if (rc != RF_OK)
		return rc;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		for (int i = 0; i < 6; i++)
			out[i] = sqlite3_column_int64(st, i);
	} else {
		rc = rfs_fail(s, step, DOING);
	}
	sqlite3_reset(st);
	return rc;
}

static void read_money(sqlite3_stmt *st, void *row)
{
	rfs_money_row *r = row;
	rfs_col_text(st, 0, r->currency, sizeof(r->currency));
	r->value_minor = sqlite3_column_int64(st, 1);
	r->cost_minor = sqlite3_column_int64(st, 2);
}

int rfs_report_summary_money(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			     rfs_money_row **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = bind_period(s, RFS_REPORT_SUMMARY_MONEY, program_id, from, to, 0, &st);
	return rc != RF_OK ? rc
			   : rfs_collect(s, st, read_money, sizeof(**rows), 0, (void **)rows,
					 count, DOING);
}
