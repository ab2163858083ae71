/* Rows of the model_fit table. */
#include "store/rows.h"

int rfs_fit_value(rf_store *s, int64_t program_id, int32_t model, int64_t advocate_id,
		  int *found, double *value)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FIT_VALUE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int(st, 2, model);
	sqlite3_bind_int64(st, 3, advocate_id);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	*value = *found ? sqlite3_column_double(st, 0) : 0.0;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading a fitted model");
	sqlite3_reset(st);
	return rc;
}

int rfs_fit_exists(rf_store *s, int64_t program_id, int32_t model, int64_t *fitted_at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FIT_ANY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int(st, 2, model);
	int step = sqlite3_step(st);
	*fitted_at = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading a fitted model");
	sqlite3_reset(st);
	return rc;
}
