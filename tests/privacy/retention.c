/* Retention: old touchpoints go, totals and conversions stay. */
#include "privacy_tests.h"

#include <stdio.h>
#include <string.h>

static void set_retention(rft_fixture *f, const char *program, int64_t ms)
{
	rf_privacy_policy p = RF_PRIVACY_POLICY_INIT;
	p.retention_ms = ms;
	RFT_OK(rf_privacy_policy_set(NULL, f->store, program, &p));
}

/* Touches per day of the first `days` days, from the daily series. */
static void series(rft_fixture *f, int64_t *touches, int days)
{
	rf_report_query q = RF_REPORT_QUERY_INIT;
	q.program = "p";
	q.from_ms = RFT_T0;
	q.to_ms = RFT_T0 + days * DAY_MS;
	rf_report_series *s = NULL;
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	assert_int_equal(s->count, (size_t)days);
	for (int i = 0; i < days; i++)
		touches[i] = s->buckets[i]->touchpoints;
	rf_report_series_free(s);
}

static rf_conversion *conversion(rft_fixture *f, const char *order)
{
	rf_conversion *c = NULL;
	RFT_OK(rf_conversion_get(&c, f->store, "p", order));
	return c;
}

static rf_purge *purge(rft_fixture *f)
{
	rf_purge *p = NULL;
	RFT_OK(rf_retention_purge(&p, f->store, "p"));
	assert_non_null(p);
	assert_string_equal(p->program, "p");
	return p;
}

void test_retention_purge(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_program(f, "other", NULL);
	rft_advocate(f, "alice");
	rft_advocate(f, "bob");
	char ca[RF_CODE_BUFSIZE], cb[RF_CODE_BUFSIZE], co[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", ca);
	rft_code(f, "p", "bob", cb);
	rft_code(f, "other", "alice", co);
	/* a click a day for 40 days, two on day 2 (the second a duplicate) */
	char v[32];
	for (int d = 0; d < 40; d++) {
		snprintf(v, sizeof v, "v%d", d);
		int64_t at = RFT_T0 + d * DAY_MS + 3600000;
		RFT_OK(rft_click(f, d % 3 ? ca : cb, v, at, NULL));
		RFT_OK(rft_click(f, co, v, at, NULL));
	}
	RFT_OK(rft_click(f, cb, "v2", RFT_T0 + 2 * DAY_MS + 3700000, NULL));
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_TRACKING, 1, "test"));
	rf_activity_spec act = RF_ACTIVITY_SPEC_INIT;
	act.program = "p";
	act.advocate = "alice";
	act.type = RF_ACTIVITY_SHARE;
	for (int d = 10; d < 20; d++) {
		act.at_ms = RFT_T0 + d * DAY_MS;
		RFT_OK(rf_activity_record(NULL, f->store, &act));
	}
	RFT_OK(rft_convert(f, "p", "v3", "early", 10000, "EUR", RFT_T0 + 5 * DAY_MS));
	RFT_OK(rft_convert(f, "p", "v38", "late", 5000, "EUR", RFT_T0 + 39 * DAY_MS));
	rf_conversion *early = conversion(f, "early");
	assert_int_equal(early->attributed, 1);

	rft_counts all = rft_stats(f, "p", NULL), alice = rft_stats(f, "p", "alice");
	rft_counts other = rft_stats(f, "other", NULL);
	int64_t before[40], after[40];
	series(f, before, 40);
	assert_int_equal(all.touchpoints, 41);
	assert_int_equal(before[2], 2);

	/* no retention: nothing happens */
	f->now = RFT_T0 + 45 * DAY_MS + 5000;
	rf_purge *p = purge(f);
	assert_int_equal(p->cutoff_ms, 0);
	assert_int_equal(p->touchpoints, 0);
	rf_purge_free(p);

	set_retention(f, "p", 30 * DAY_MS);
	p = purge(f);
	assert_int_equal(p->cutoff_ms, RFT_T0 + 15 * DAY_MS); /* start of that day */
	assert_int_equal(p->touchpoints, 16);
	assert_int_equal(p->activities, 5); /* days 10..14 */
	rf_purge_free(p);
	assert_int_equal(priv_query_int(f, "SELECT count(*) FROM touchpoint t JOIN code c ON c.id = t.code_id"
					   " JOIN program p ON p.id = c.program_id WHERE p.key = 'p'"), 25);

	/* counts stay (unique visitors excepted), day by day too */
	rft_counts now_all = rft_stats(f, "p", NULL), now_alice = rft_stats(f, "p", "alice");
	assert_int_equal(now_all.touchpoints, all.touchpoints);
	assert_int_equal(now_all.unique_touchpoints, all.unique_touchpoints);
	assert_int_equal(now_alice.touchpoints, alice.touchpoints);
	assert_int_equal(now_alice.unique_touchpoints, alice.unique_touchpoints);
	assert_int_equal(now_all.conversions, all.conversions);
	assert_int_equal(now_all.attributed_conversions, all.attributed_conversions);
	assert_true(now_all.unique_visitors < all.unique_visitors);
	series(f, after, 40);
	for (int d = 0; d < 40; d++)
		assert_int_equal(after[d], before[d]);
	/* the other program keeps everything */
	rft_counts now_other = rft_stats(f, "other", NULL);
	assert_int_equal(now_other.unique_visitors, other.unique_visitors);

	/* the conversion's credit keeps its numbers */
	rf_conversion *again = conversion(f, "early");
	assert_int_equal(again->credit_count, early->credit_count);
	for (size_t i = 0; i < again->credit_count; i++) {
		assert_int_equal(again->credits[i]->value_minor, early->credits[i]->value_minor);
		assert_string_equal(again->credits[i]->advocate, early->credits[i]->advocate);
	}
	rf_conversion_free(again);
	rf_conversion_free(early);
	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "p", "early"));
	rf_explanation_free(e);

	/* a second purge finds nothing and counts nothing twice */
	p = purge(f);
	assert_int_equal(p->touchpoints, 0);
	rf_purge_free(p);
	now_all = rft_stats(f, "p", NULL);
	assert_int_equal(now_all.touchpoints, all.touchpoints);
	/* a day later, one more day goes */
	f->now += DAY_MS;
	p = purge(f);
	assert_int_equal(p->touchpoints, 1);
	rf_purge_free(p);
	now_all = rft_stats(f, "p", NULL);
	assert_int_equal(now_all.touchpoints, all.touchpoints);
	/* a refund of the purged conversion still works */
	rf_refund_spec r = RF_REFUND_SPEC_INIT;
	r.program = "p";
	r.order_id = "early";
	r.refund_id = "r1";
	r.amount_minor = 2500;
	RFT_OK(rf_conversion_refund(NULL, f->store, &r));
	RFT_OK(rf_store_check(f->store));
}

void test_retention_errors(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	char *before = rft_snapshot(f);
	rf_purge *p = (rf_purge *)1;
	RFT_RC(rf_retention_purge(&p, f->store, "nope"), RF_ENOTFOUND);
	assert_null(p);
	RFT_RC(rf_retention_purge(&p, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_retention_purge(&p, f->store, ""), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	RFT_OK(rf_retention_purge(NULL, f->store, "p"));
}
