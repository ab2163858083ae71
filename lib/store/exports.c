/* Row streams of the exports area (see exports.h). */
#include "store/exports.h"

static int statement_of(int32_t what, rfs_stmt_id *id)
{
	switch (what) {
	case RF_EXPORT_TOUCHPOINTS: *id = RFS_EXPORT_TOUCHPOINTS; return RF_OK;
	case RF_EXPORT_CONVERSIONS: *id = RFS_EXPORT_CONVERSIONS; return RF_OK;
	case RF_EXPORT_ATTRIBUTIONS: *id = RFS_EXPORT_ATTRIBUTIONS; return RF_OK;
	case RF_EXPORT_CODES: *id = RFS_EXPORT_CODES; return RF_OK;
	case RF_EXPORT_REWARDS: *id = RFS_EXPORT_REWARDS; return RF_OK;
	case RF_EXPORT_SCORES: *id = RFS_EXPORT_SCORES; return RF_OK;
	default: return rf__error(RF_EINVALID, "unknown export %d", (int)what);
	}
}

static void read_cells(sqlite3_stmt *st, rfs_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rfs_cell *c = &cells[i];
		int col = (int)i;
		switch (sqlite3_column_type(st, col)) {
		case SQLITE_INTEGER:
			*c = (rfs_cell){ RFS_CELL_INT, sqlite3_column_int64(st, col), 0.0, NULL };
			break;
		case SQLITE_FLOAT:
			*c = (rfs_cell){ RFS_CELL_REAL, 0, sqlite3_column_double(st, col), NULL };
			break;
		case SQLITE_NULL:
			*c = (rfs_cell){ RFS_CELL_NULL, 0, 0.0, NULL };
			break;
		default:
			*c = (rfs_cell){ RFS_CELL_TEXT, 0, 0.0,
					 (const char *)sqlite3_column_text(st, col) };
			if (c->s == NULL)
				c->s = "";
			break;
		}
	}
}

int rfs_export_rows(rf_store *s, int32_t what, int64_t program_id, int64_t from, int64_t to,
		    rfs_export_row_fn each, void *ctx)
{
	rfs_stmt_id id = (rfs_stmt_id)0; /* statement_of() sets it; gcc -O2 cannot tell */
	sqlite3_stmt *st = NULL;
	int rc = statement_of(what, &id);
	if (rc == RF_OK)
		rc = rfs_stmt(s, id, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	size_t n = (size_t)sqlite3_column_count(st);
	if (n > RFS_EXPORT_MAX_CELLS)
		n = RFS_EXPORT_MAX_CELLS;
	rfs_cell cells[RFS_EXPORT_MAX_CELLS];
	int step = SQLITE_DONE;
	while (rc == RF_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		read_cells(st, cells, n);
		rc = each(ctx, cells, n);
	}
	if (rc == RF_OK && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "exporting");
	sqlite3_reset(st);
	return rc;
}
