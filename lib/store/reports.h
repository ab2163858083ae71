/*
 * Row readers of the reports area: each runs one aggregate of
 * sql_reports.h over a program and period [from, to) and hands back its
 * (already grouped) rows. They decide nothing.
 */
#ifndef RF_STORE_REPORTS_H
#define RF_STORE_REPORTS_H

#include "store/rows.h"

/* One grouped row of a series: bucket start and up to two counts. */
typedef struct rfs_bucket_row {
	int64_t bucket;
	int64_t a, b;
} rfs_bucket_row;

/* One grouped value: bucket start or split key, currency, net value. */
typedef struct rfs_value_row {
	int64_t key;
	char currency[4];
	int64_t value_minor;
} rfs_value_row;

/* Series rows into malloc'd arrays, by bucket: touchpoints (a: count,
 * b: distinct visitors), conversions (a: all, b: attributed), active
 * advocates (a), values (by bucket then currency). */
typedef enum rfs_series_of {
	RFS_SERIES_TOUCH,
	RFS_SERIES_CONV,
	RFS_SERIES_ADVOCATES
} rfs_series_of;
int rfs_report_series(rf_store *s, rfs_series_of what, int64_t program_id, int64_t from,
		      int64_t to, int32_t period, rfs_bucket_row **rows, size_t *count);
int rfs_report_series_values(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			     int32_t period, rfs_value_row **rows, size_t *count);

/* One group of a split. */
typedef struct rfs_split_row {
	int64_t key;
	char external_id[RFS_ID_SIZE];   /* advocate splits only */
	char display_name[RFS_NAME_SIZE];
	int64_t touchpoints, unique_visitors, conversions;
	double credited;
} rfs_split_row;

/* The groups (at most `limit`, 0: all), ordered as rf_report_split says. */
int rfs_report_split(rf_store *s, int64_t program_id, int64_t from, int64_t to, int32_t by,
		     uint32_t limit, rfs_split_row **rows, size_t *count);
/* Stream the split's values by key then currency. */
typedef int (*rfs_value_fn)(void *ctx, const rfs_value_row *row);
int rfs_report_split_values(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			    int32_t by, rfs_value_fn each, void *ctx);

/* Funnel counts: visitors, signed up, purchased after signing up, purchased. */
int rfs_report_funnel(rf_store *s, int64_t program_id, int64_t from, int64_t to,
		      int64_t out[4]);

/* Summary counts: touchpoints, unique visitors, conversions, attributed,
 * returning (attributed, with an earlier conversion), active advocates. */
int rfs_report_summary(rf_store *s, int64_t program_id, int64_t from, int64_t to,
		       int64_t out[6]);

/* Summary money by currency: attributed value (value_minor) and reward
 * cost (cost_minor). */
typedef struct rfs_money_row {
	char currency[4];
	int64_t value_minor, cost_minor;
} rfs_money_row;
int rfs_report_summary_money(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			     rfs_money_row **rows, size_t *count);

#endif
