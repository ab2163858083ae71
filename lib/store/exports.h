/*
 * Row streams of the exports area (sql_exports.h): each statement's rows
 * handed one at a time to a callback as typed cells, inside the caller's
 * read transaction. They decide nothing about formats.
 */
#ifndef RF_STORE_EXPORTS_H
#define RF_STORE_EXPORTS_H

#include "store/rows.h"

enum { RFS_CELL_NULL = 0, RFS_CELL_INT = 1, RFS_CELL_REAL = 2, RFS_CELL_TEXT = 3 };

/* One column of a row; text is valid only during the callback. */
typedef struct rfs_cell {
	int type;
	int64_t i;
	double d;
	const char *s;
} rfs_cell;

#define RFS_EXPORT_MAX_CELLS 16

typedef int (*rfs_export_row_fn)(void *ctx, const rfs_cell *cells, size_t n);

/* Stream the rows of export `what` (an rf_export_what) of a program over
 * [from, to); stops at the first status the callback returns. */
int rfs_export_rows(rf_store *s, int32_t what, int64_t program_id, int64_t from, int64_t to,
		    rfs_export_row_fn each, void *ctx);

#endif
