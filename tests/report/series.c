/* Time series: daily, weekly (Monday), monthly, empty buckets, clipping. */
#include "suite.h"

static rf_report_series *series(rft_fixture *f, int64_t from, int64_t to, int32_t period)
{
	rf_report_query q = report_query(from, to, period);
	rf_report_series *s = NULL;
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	assert_non_null(s);
	assert_int_equal(s->period, period);
	return s;
}

static void assert_bucket(const rf_report_bucket *b, int64_t start, int64_t end, int64_t touches,
			  int64_t visitors, int64_t conversions, int64_t attributed,
			  int64_t advocates)
{
	assert_int_equal(b->start_ms, start);
	assert_int_equal(b->end_ms, end);
	assert_int_equal(b->touchpoints, touches);
	assert_int_equal(b->unique_visitors, visitors);
	assert_int_equal(b->conversions, conversions);
	assert_int_equal(b->attributed_conversions, attributed);
	assert_int_equal(b->active_advocates, advocates);
	double rate = visitors ? (double)attributed / (double)visitors : 0.0;
	assert_float_equal(b->conversion_rate, rate, 1e-12);
}

void test_series_daily(void **state)
{
	rft_fixture *f = *state;
	int64_t t = RFT_T0;
	rf_report_series *s = series(f, t, t + 7 * D, RF_PERIOD_DAY);
	assert_int_equal(s->count, 7);
	rf_report_bucket **b = s->buckets;
	assert_bucket(b[0], t, t + D, 3, 2, 2, 2, 2);
	assert_int_equal(b[0]->value_count, 1);
	assert_int_equal(report_value(b[0]->values, b[0]->value_count, "EUR"), 1100);
	assert_bucket(b[1], t + D, t + 2 * D, 1, 1, 2, 2, 2);
	assert_int_equal(b[1]->value_count, 2);
	assert_string_equal(b[1]->values[0]->currency, "EUR"); /* by currency code */
	assert_int_equal(b[1]->values[0]->value_minor, 100);
	assert_string_equal(b[1]->values[1]->currency, "USD");
	assert_int_equal(b[1]->values[1]->value_minor, 500);
	for (int i = 2; i < 5; i++) {
		assert_bucket(b[i], t + i * D, t + (i + 1) * D, 0, 0, 0, 0, 0);
		assert_int_equal(b[i]->value_count, 0);
	}
	assert_bucket(b[5], t + 5 * D, t + 6 * D, 1, 1, 1, 0, 1);
	assert_int_equal(b[5]->value_count, 0);
	assert_bucket(b[6], t + 6 * D, t + 7 * D, 0, 0, 1, 1, 1);
	/* net of the 500 refund */
	assert_int_equal(report_value(b[6]->values, b[6]->value_count, "EUR"), 1500);
	rf_report_series_free(s);
}

void test_series_weekly_open(void **state)
{
	rft_fixture *f = *state;
	int64_t t = RFT_T0, monday = t - 3 * D, w = 7 * D; /* Mon 2025-12-29 */
	rf_report_series *s = series(f, 0, 0, RF_PERIOD_WEEK);
	/* Open ends: from the first bucket with data to the last. */
	assert_int_equal(s->count, 5);
	rf_report_bucket **b = s->buckets;
	assert_bucket(b[0], monday, monday + w, 4, 3, 4, 4, 2);
	assert_int_equal(report_value(b[0]->values, b[0]->value_count, "EUR"), 1200);
	assert_int_equal(report_value(b[0]->values, b[0]->value_count, "USD"), 500);
	assert_bucket(b[1], monday + w, monday + 2 * w, 1, 1, 2, 1, 1);
	assert_int_equal(report_value(b[1]->values, b[1]->value_count, "EUR"), 1500);
	assert_bucket(b[2], monday + 2 * w, monday + 3 * w, 0, 0, 0, 0, 0);
	assert_bucket(b[3], monday + 3 * w, monday + 4 * w, 0, 0, 0, 0, 0);
	/* Sunday Feb 1 belongs to the week that started on Monday Jan 26. */
	assert_bucket(b[4], monday + 4 * w, monday + 5 * w, 1, 1, 0, 0, 1);
	rf_report_series_free(s);
}

void test_series_monthly(void **state)
{
	rft_fixture *f = *state;
	int64_t t = RFT_T0;
	rf_report_series *s = series(f, 0, 0, RF_PERIOD_MONTH);
	assert_int_equal(s->count, 2);
	assert_bucket(s->buckets[0], t, t + 31 * D, 5, 4, 6, 5, 3);
	assert_int_equal(report_value(s->buckets[0]->values, s->buckets[0]->value_count, "EUR"), 2700);
	assert_bucket(s->buckets[1], t + 31 * D, t + 59 * D, 1, 1, 0, 0, 1); /* Feb: 28 days */
	rf_report_series_free(s);
	/* The sum of a series equals rf_stats_get over the same period. */
	rf_stats_query q = RF_STATS_QUERY_INIT;
	rf_stats *st = NULL;
	q.program = "p";
	RFT_OK(rf_stats_get(&st, f->store, &q));
	assert_int_equal(st->touchpoints, 6);
	assert_int_equal(st->conversions, 6);
	assert_int_equal(report_value(st->values, st->value_count, "EUR"), 2700);
	rf_stats_free(st);
}

void test_series_empty_and_clipped(void **state)
{
	rft_fixture *f = *state;
	int64_t t = RFT_T0;
	/* A period inside one day: one bucket, calendar bounds, clipped counts. */
	rf_report_series *s = series(f, t + 2 * H, t + 4 * H, RF_PERIOD_DAY);
	assert_int_equal(s->count, 1);
	assert_bucket(s->buckets[0], t, t + D, 1, 1, 1, 1, 2);
	assert_int_equal(report_value(s->buckets[0]->values, 1, "EUR"), 100);
	rf_report_series_free(s);
	/* A program with no activity and open ends: no buckets. */
	rft_program(f, "empty", NULL);
	rf_report_query q = report_query(0, 0, RF_PERIOD_DAY);
	q.program = "empty";
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	assert_int_equal(s->count, 0);
	rf_report_series_free(s);
	/* A start but no data and no end: the start's bucket, empty. */
	q.from_ms = t + 3 * D + 5;
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	assert_int_equal(s->count, 1);
	assert_bucket(s->buckets[0], t + 3 * D, t + 4 * D, 0, 0, 0, 0, 0);
	rf_report_series_free(s);
	/* Exactly RF_REPORT_MAX_BUCKETS days is allowed. */
	s = series(f, t, t + (int64_t)RF_REPORT_MAX_BUCKETS * D, RF_PERIOD_DAY);
	assert_int_equal(s->count, RF_REPORT_MAX_BUCKETS);
	assert_int_equal(s->buckets[RF_REPORT_MAX_BUCKETS - 1]->touchpoints, 0);
	rf_report_series_free(s);
	rf_report_series_free(NULL);
}
