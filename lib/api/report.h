/* Shared by the report files of the api layer. */
#ifndef RF_API_REPORT_H
#define RF_API_REPORT_H

#include "api/api.h"
#include "store/reports.h"

/* Check a query (pointer, version, period, granularity) and load its
 * program; *to is the exclusive end (INT64_MAX when open). */
int rf__report_begin(rf_store *s, const rf_report_query *q, rfs_program *p, int64_t *to);

/* Pack `n` values as an array of rf_money pointers (NULL when sizing). */
rf_money **rf__pack_money(rf_pack *pk, const rfs_value_row *values, size_t n);

#endif
