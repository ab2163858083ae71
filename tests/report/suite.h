/* test_report: time series, splits, funnel and exports. */
#ifndef RFT_REPORT_SUITE_H
#define RFT_REPORT_SUITE_H

#include "fixture.h"

#define D RF_DAY_MS
#define H RF_HOUR_MS

/* The shared scene (scene.c): program "p" with ann (employee, email),
 * bob (customer, qr), cy (influencer, linkedin); see scene.c. */
int report_setup(void **state);
/* A query on "p" over [from, to) at `period`. */
rf_report_query report_query(int64_t from, int64_t to, int32_t period);
/* The value of `currency` in a list (0 when absent). */
int64_t report_value(rf_money **values, size_t n, const char *currency);

void test_series_daily(void **state);
void test_series_weekly_open(void **state);
void test_series_monthly(void **state);
void test_series_empty_and_clipped(void **state);
void test_split_advocate(void **state);
void test_split_channel_and_kind(void **state);
void test_split_content(void **state);
void test_summary(void **state);
void test_funnel(void **state);
void test_bad_queries(void **state);
void test_calendar_edges(void **state);

/* Export (export.c) into a malloc'd string, failing the test on error. */
char *report_export(rf_store *store, const char *program, int32_t what, int32_t format,
		    uint32_t flags, int64_t *rows);
/* Import CSV text (import.c), read a few bytes at a time. */
int report_import(rf_store *store, const char *program, int32_t what, const char *csv,
		  int64_t *rows);
/* Every report number of a program as text (series, splits, funnel, stats). */
char *report_numbers(rf_store *store, const char *program);

void test_export_csv(void **state);
void test_export_csv_quoting(void **state);
void test_export_pseudonyms(void **state);
void test_export_json(void **state);
void test_export_streams_and_stops(void **state);
void test_export_bad_input(void **state);
void test_export_rewards(void **state);
void test_import_round_trip(void **state);
void test_import_iso_times_and_defaults(void **state);
void test_import_bad_rows(void **state);
void test_import_bad_input(void **state);

#endif
