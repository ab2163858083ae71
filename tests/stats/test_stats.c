/* test_stats: program and advocate statistics over periods. */
#include "fixture.h"

#include <stdlib.h>
#include <string.h>

#define H RF_HOUR_MS
#define M (60 * 1000)

/*
 * Program "p" (last touch): ann's code A, bob's code B; cat does nothing.
 *   T0        v1 clicks A          T0+3h  v1 buys 1000 EUR  -> ann
 *   T0+10m    v1 clicks A (dup)    T0+4h  v2 buys  500 USD  -> ann
 *   T0+1h     v2 clicks A          T0+5h  v4 buys  700 EUR  (unattributed)
 *   T0+2h     v3 clicks B          T0+6h  v3 signs up, 250 EUR -> bob
 *   T0+2h30m  v5 clicks B
 * Program "q" has activity of its own, which must not leak into "p".
 */
static int stats_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	char a[RF_CODE_BUFSIZE], b[RF_CODE_BUFSIZE], qa[RF_CODE_BUFSIZE];
	rft_program(f, "p", NULL);
	rft_program(f, "q", NULL);
	rft_advocate(f, "ann");
	rft_advocate(f, "bob");
	rft_advocate(f, "cat");
	rft_code(f, "p", "ann", a);
	rft_code(f, "p", "bob", b);
	rft_code(f, "q", "ann", qa);
	RFT_OK(rft_click(f, a, "v1", RFT_T0, NULL));
	RFT_OK(rft_click(f, a, "v1", RFT_T0 + 10 * M, NULL));
	RFT_OK(rft_click(f, a, "v2", RFT_T0 + H, NULL));
	RFT_OK(rft_click(f, b, "v3", RFT_T0 + 2 * H, NULL));
	RFT_OK(rft_click(f, b, "v5", RFT_T0 + 2 * H + 30 * M, NULL));
	RFT_OK(rft_convert(f, "p", "v1", "o1", 1000, "EUR", RFT_T0 + 3 * H));
	RFT_OK(rft_convert(f, "p", "v2", "o2", 500, "usd", RFT_T0 + 4 * H));
	RFT_OK(rft_convert(f, "p", "v4", "o4", 700, "EUR", RFT_T0 + 5 * H));
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = "p";
	s.visitor_id = "v3";
	s.order_id = "o3";
	s.kind = RF_CONVERSION_SIGNUP;
	s.value_minor = 250;
	s.currency = "EUR";
	s.at_ms = RFT_T0 + 6 * H;
	RFT_OK(rf_conversion_record(NULL, f->store, &s));
	/* program q: the same visitors, other data */
	RFT_OK(rft_click(f, qa, "v1", RFT_T0 + H, NULL));
	RFT_OK(rft_click(f, qa, "v9", RFT_T0 + H, NULL));
	RFT_OK(rft_convert(f, "q", "v1", "o1", 99999, "GBP", RFT_T0 + 2 * H));
	return 0;
}

static rf_stats *get(rft_fixture *f, const char *program, const char *advocate, int64_t from,
		     int64_t to)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = program;
	q.advocate = advocate;
	q.from_ms = from;
	q.to_ms = to;
	rf_stats *s = NULL;
	RFT_OK(rf_stats_get(&s, f->store, &q));
	assert_non_null(s);
	return s;
}

static void assert_counts(const rf_stats *s, int64_t touch, int64_t uniq, int64_t visitors,
			  int64_t conv, int64_t attributed)
{
	assert_int_equal(s->touchpoints, touch);
	assert_int_equal(s->unique_touchpoints, uniq);
	assert_int_equal(s->unique_visitors, visitors);
	assert_int_equal(s->conversions, conv);
	assert_int_equal(s->attributed_conversions, attributed);
	assert_float_equal(s->credited_conversions, (double)attributed, 1e-9);
	double rate = visitors ? (double)attributed / (double)visitors : 0.0;
	assert_float_equal(s->conversion_rate, rate, 1e-9);
}

static void assert_value(const rf_stats *s, size_t i, const char *currency, int64_t value)
{
	assert_true(i < s->value_count);
	assert_string_equal(s->values[i]->currency, currency);
	assert_int_equal(s->values[i]->value_minor, value);
}

static void test_query_init(void **state)
{
	(void)state;
	rf_stats_query q;
	memset(&q, 0x66, sizeof q);
	RFT_OK(rf_stats_query_init(&q, RF_STATS_QUERY_VERSION));
	assert_int_equal(q.version, RF_STATS_QUERY_VERSION);
	assert_null(q.program);
	assert_null(q.advocate);
	assert_int_equal(q.from_ms, 0);
	assert_int_equal(q.to_ms, 0);
	RFT_RC(rf_stats_query_init(NULL, RF_STATS_QUERY_VERSION), RF_EINVALID);
	RFT_RC(rf_stats_query_init(&q, 0), RF_EVERSION);
	RFT_RC(rf_stats_query_init(&q, RF_STATS_QUERY_VERSION + 1), RF_EVERSION);
}

static void test_program_totals(void **state)
{
	rft_fixture *f = *state;
	rf_stats *s = get(f, "p", NULL, 0, 0);
	assert_counts(s, 5, 4, 4, 4, 3);
	assert_float_equal(s->conversion_rate, 0.75, 1e-9);
	assert_int_equal(s->value_count, 2); /* attributed value only, by currency code */
	assert_value(s, 0, "EUR", 1250);
	assert_value(s, 1, "USD", 500);
	rf_stats_free(s);
	rf_stats_free(NULL);

	s = get(f, "q", NULL, 0, 0);
	assert_counts(s, 2, 2, 2, 1, 1);
	assert_int_equal(s->value_count, 1);
	assert_value(s, 0, "GBP", 99999);
	rf_stats_free(s);
}

static void test_advocate_totals(void **state)
{
	rft_fixture *f = *state;
	rf_stats *s = get(f, "p", "ann", 0, 0);
	assert_counts(s, 3, 2, 2, 2, 2);
	assert_float_equal(s->conversion_rate, 1.0, 1e-9);
	assert_int_equal(s->value_count, 2);
	assert_value(s, 0, "EUR", 1000);
	assert_value(s, 1, "USD", 500);
	rf_stats_free(s);

	s = get(f, "p", "bob", 0, 0);
	assert_counts(s, 2, 2, 2, 1, 1);
	assert_float_equal(s->conversion_rate, 0.5, 1e-9);
	assert_int_equal(s->value_count, 1);
	assert_value(s, 0, "EUR", 250);
	rf_stats_free(s);

	s = get(f, "p", "cat", 0, 0); /* no activity */
	assert_counts(s, 0, 0, 0, 0, 0);
	assert_int_equal(s->value_count, 0);
	rf_stats_free(s);

	s = get(f, "q", "bob", 0, 0); /* in the store, not in the program */
	assert_counts(s, 0, 0, 0, 0, 0);
	rf_stats_free(s);
}

static void test_periods(void **state)
{
	rft_fixture *f = *state;
	/* [T0+1h, T0+4h): v2, v3, v5 touch; only o1 converts */
	rf_stats *s = get(f, "p", NULL, RFT_T0 + H, RFT_T0 + 4 * H);
	assert_counts(s, 3, 3, 3, 1, 1);
	assert_int_equal(s->value_count, 1);
	assert_value(s, 0, "EUR", 1000);
	rf_stats_free(s);

	/* from is inclusive: o2 at exactly T0+4h counts; no touch: rate 0 */
	s = get(f, "p", NULL, RFT_T0 + 4 * H, 0);
	assert_counts(s, 0, 0, 0, 3, 2);
	assert_float_equal(s->conversion_rate, 0.0, 1e-12);
	assert_value(s, 0, "EUR", 250);
	assert_value(s, 1, "USD", 500);
	rf_stats_free(s);

	/* to is exclusive: the first touch at T0 is out of [0, T0) */
	s = get(f, "p", NULL, 0, RFT_T0);
	assert_counts(s, 0, 0, 0, 0, 0);
	rf_stats_free(s);
	s = get(f, "p", NULL, 0, RFT_T0 + 1);
	assert_counts(s, 1, 1, 1, 0, 0);
	rf_stats_free(s);

	/* the duplicate alone */
	s = get(f, "p", "ann", RFT_T0 + 1, RFT_T0 + H);
	assert_counts(s, 1, 0, 1, 0, 0);
	rf_stats_free(s);
}

static void test_archived_program_keeps_stats(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rf_program_archive(f->store, "p"));
	RFT_OK(rf_advocate_deactivate(f->store, "ann"));
	rf_stats *s = get(f, "p", NULL, 0, 0);
	assert_counts(s, 5, 4, 4, 4, 3);
	rf_stats_free(s);
	s = get(f, "p", "ann", 0, 0);
	assert_counts(s, 3, 2, 2, 2, 2);
	rf_stats_free(s);
}

static void get_fails(rft_fixture *f, const rf_stats_query *q, int want)
{
	rf_stats *s = (rf_stats *)&s;
	RFT_RC(rf_stats_get(&s, f->store, q), want);
	assert_null(s);
}

static void test_bad_queries(void **state)
{
	rft_fixture *f = *state;
	char *long_id = rft_repeat('x', RF_MAX_ID_LEN + 1);
	const rf_stats_query base = { RF_STATS_QUERY_VERSION, "p", NULL, 0, 0 };
	rf_stats_query q = base;
	get_fails(f, NULL, RF_EINVALID);
	const char *bad[] = { "", long_id, "\xff\xfe" };
	q.program = NULL;
	get_fails(f, &q, RF_EINVALID);
	for (size_t i = 0; i < 3; i++) {
		q = base;
		q.program = bad[i];
		get_fails(f, &q, RF_EINVALID);
		q = base;
		q.advocate = bad[i];
		get_fails(f, &q, RF_EINVALID);
	}
	q = base;
	q.program = "nope";
	get_fails(f, &q, RF_ENOTFOUND);
	q = base;
	q.advocate = "nobody";
	get_fails(f, &q, RF_ENOTFOUND);
	q = base;
	q.version = 0;
	rf_stats *s = NULL;
	RFT_BAD_VERSION(rf_stats_get(&s, f->store, &q));
	q.version = RF_STATS_QUERY_VERSION + 1;
	RFT_BAD_VERSION(rf_stats_get(&s, f->store, &q));
	RFT_RC(rf_stats_get(NULL, f->store, &base), RF_EINVALID);
	RFT_RC(rf_stats_get(&s, NULL, &base), RF_EINVALID);
	free(long_id);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_init),
		cmocka_unit_test_setup_teardown(test_program_totals, stats_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_advocate_totals, stats_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_periods, stats_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_archived_program_keeps_stats, stats_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_queries, stats_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("stats", tests, NULL, NULL) ? 1 : 0;
}
