/* Text for people: aligned tables and "key  value" lines, on stdout. */
#ifndef CLI_TABLE_H
#define CLI_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "output.h"  /* CLI_PRINTF */

/* ---- tables ---------------------------------------------------------- */

typedef struct table table;

/** A table with `ncols` columns and these headers (copied). */
table *table_new(size_t ncols, const char *const *headers);
/** Right-align a column (numbers). */
void table_align_right(table *t, size_t col);
/** Start a new row; then call table_cell() once per column. */
void table_row(table *t);
void table_cell(table *t, const char *fmt, ...) CLI_PRINTF(2, 3);
/** A time cell: ISO 8601, or "-" when ms is 0. */
void table_cell_time(table *t, int64_t ms);
/** Print headers and rows with columns padded to their widest cell. */
void table_print(const table *t, FILE *f);
void table_free(table *t);
/** table_print() to stdout, then table_free(). */
void table_print_free(table *t);

/* ---- key/value lines --------------------------------------------------- */

/** Print "<key padded to 18>  <formatted value>\n" to stdout. */
void kv(const char *key, const char *fmt, ...) CLI_PRINTF(2, 3);
/** kv() of a time in ISO 8601. */
void kv_time(const char *key, int64_t ms);
/** "period  <from> .. <to>", "start" and "now" for 0 (open). */
void kv_period(int64_t from_ms, int64_t to_ms);

/** `s`, or "-" when it is empty (the library's "none"). */
const char *or_dash(const char *s);

#endif
