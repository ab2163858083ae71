/* Splits by advocate, channel and advocate kind; the funnel; bad input;
 * calendar edges (leap month, weeks across a year end). */
#include "suite.h"

#include <string.h>

static rf_report_split *split(rft_fixture *f, int32_t by, uint32_t limit)
{
	rf_report_query q = report_query(0, 0, RF_PERIOD_DAY);
	q.limit = limit;
	rf_report_split *s = NULL;
	RFT_OK(rf_report_split_get(&s, f->store, &q, by));
	assert_non_null(s);
	assert_int_equal(s->by, by);
	return s;
}

static void assert_row(const rf_report_split_row *r, const char *key, const char *name,
		       int64_t touches, int64_t visitors, int64_t conversions, const char *currency,
		       int64_t value)
{
	assert_string_equal(r->key, key);
	assert_string_equal(r->name, name);
	assert_int_equal(r->touchpoints, touches);
	assert_int_equal(r->unique_visitors, visitors);
	assert_int_equal(r->attributed_conversions, conversions);
	assert_float_equal(r->credited_conversions, (double)conversions, 1e-9);
	assert_int_equal(r->value_count, 1);
	assert_string_equal(r->values[0]->currency, currency);
	assert_int_equal(r->values[0]->value_minor, value);
}

void test_split_advocate(void **state)
{
	rft_fixture *f = *state;
	rf_report_split *s = split(f, RF_SPLIT_ADVOCATE, 0);
	assert_int_equal(s->count, 3);
	/* by credited conversions, then touchpoints: ann 3, cy 1 (2 touches), bob 1 */
	assert_row(s->rows[0], "ann", "Ann Archer", 3, 2, 3, "EUR", 1200);
	assert_row(s->rows[1], "cy", "Cy \"Quotes\", Jr.", 2, 2, 1, "EUR", 1500);
	assert_row(s->rows[2], "bob", "Bob Brown", 1, 1, 1, "USD", 500);
	rf_report_split_free(s);
	s = split(f, RF_SPLIT_ADVOCATE, 2);
	assert_int_equal(s->count, 2);
	assert_string_equal(s->rows[0]->key, "ann");
	assert_string_equal(s->rows[1]->key, "cy");
	assert_int_equal(report_value(s->rows[1]->values, s->rows[1]->value_count, "EUR"), 1500);
	rf_report_split_free(s);
	/* A period with only bob's click: one group, no values. */
	rf_report_query q = report_query(RFT_T0 + 2 * H, RFT_T0 + 3 * H, RF_PERIOD_DAY);
	RFT_OK(rf_report_split_get(&s, f->store, &q, RF_SPLIT_ADVOCATE));
	assert_int_equal(s->count, 1);
	assert_string_equal(s->rows[0]->key, "bob");
	assert_int_equal(s->rows[0]->touchpoints, 1);
	assert_int_equal(s->rows[0]->attributed_conversions, 0);
	assert_int_equal(s->rows[0]->value_count, 0);
	rf_report_split_free(s);
	rf_report_split_free(NULL);
}

void test_split_channel_and_kind(void **state)
{
	rft_fixture *f = *state;
	rf_report_split *s = split(f, RF_SPLIT_CHANNEL, 0);
	assert_int_equal(s->count, 3);
	assert_row(s->rows[0], "email", "email", 3, 2, 3, "EUR", 1200);
	assert_row(s->rows[1], "linkedin", "linkedin", 2, 2, 1, "EUR", 1500);
	assert_row(s->rows[2], "qr", "qr", 1, 1, 1, "USD", 500);
	rf_report_split_free(s);
	s = split(f, RF_SPLIT_ADVOCATE_KIND, 0);
	assert_int_equal(s->count, 3);
	assert_row(s->rows[0], "employee", "employee", 3, 2, 3, "EUR", 1200);
	assert_row(s->rows[1], "influencer", "influencer", 2, 2, 1, "EUR", 1500);
	assert_row(s->rows[2], "customer", "customer", 1, 1, 1, "USD", 500);
	rf_report_split_free(s);
}

void test_funnel(void **state)
{
	rft_fixture *f = *state;
	rf_report_query q = report_query(0, 0, RF_PERIOD_DAY);
	rf_report_funnel *fu = NULL;
	RFT_OK(rf_report_funnel_get(&fu, f->store, &q));
	assert_int_equal(fu->visitors, 5);      /* v1..v5 (v9 never clicked) */
	assert_int_equal(fu->signed_up, 2);     /* v1, v3 */
	assert_int_equal(fu->purchased, 1);     /* v1 */
	assert_int_equal(fu->purchased_any, 3); /* v1, v2, v4 */
	assert_float_equal(fu->signup_rate, 0.4, 1e-12);
	assert_float_equal(fu->purchase_rate, 0.5, 1e-12);
	rf_report_funnel_free(fu);
	/* Only the first day: v1 and v2 clicked, v1 signed up and bought. */
	q = report_query(RFT_T0, RFT_T0 + D, RF_PERIOD_DAY);
	RFT_OK(rf_report_funnel_get(&fu, f->store, &q));
	assert_int_equal(fu->visitors, 2);
	assert_int_equal(fu->signed_up, 1);
	assert_int_equal(fu->purchased, 1);
	assert_int_equal(fu->purchased_any, 1);
	rf_report_funnel_free(fu);
	/* A signup recorded for another visitor id of the same customer counts. */
	RFT_OK(rf_identify(f->store, "v5", "cust-5"));
	RFT_OK(rf_identify(f->store, "v5-phone", "cust-5"));
	rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
	c.program = "p";
	c.visitor_id = "v5-phone";
	c.order_id = "o5s";
	c.kind = RF_CONVERSION_SIGNUP;
	c.currency = "EUR";
	c.at_ms = RFT_T0 + 32 * D;
	RFT_OK(rf_conversion_record(NULL, f->store, &c));
	rft_track_order(f, "p", "o5s");
	q = report_query(RFT_T0 + 31 * D, 0, RF_PERIOD_DAY);
	RFT_OK(rf_report_funnel_get(&fu, f->store, &q));
	assert_int_equal(fu->visitors, 1);
	assert_int_equal(fu->signed_up, 1);
	assert_int_equal(fu->purchased, 0);
	assert_float_equal(fu->purchase_rate, 0.0, 0);
	rf_report_funnel_free(fu);
	rf_report_funnel_free(NULL);
}

void test_bad_queries(void **state)
{
	rft_fixture *f = *state;
	char *before = rft_snapshot(f);
	rf_report_query q = report_query(0, 0, RF_PERIOD_DAY);
	rf_report_series *s = (rf_report_series *)&q; /* must be reset to NULL */
	rf_report_split *sp = NULL;
	rf_report_funnel *fu = NULL;
	RFT_RC(rf_report_series_get(NULL, f->store, &q), RF_EINVALID);
	RFT_RC(rf_report_series_get(&s, NULL, &q), RF_EINVALID);
	assert_null(s);
	RFT_RC(rf_report_series_get(&s, f->store, NULL), RF_EINVALID);
	q.period = 0;
	RFT_RC(rf_report_series_get(&s, f->store, &q), RF_EINVALID);
	q.period = 4;
	RFT_RC(rf_report_funnel_get(&fu, f->store, &q), RF_EINVALID);
	q = report_query(-1, 0, RF_PERIOD_DAY);
	RFT_RC(rf_report_series_get(&s, f->store, &q), RF_EINVALID);
	q = report_query(10, 10, RF_PERIOD_DAY);
	RFT_RC(rf_report_split_get(&sp, f->store, &q, RF_SPLIT_CHANNEL), RF_EINVALID);
	q = report_query(0, 0, RF_PERIOD_DAY);
	RFT_RC(rf_report_split_get(&sp, f->store, &q, 0), RF_EINVALID);
	RFT_RC(rf_report_split_get(&sp, f->store, &q, 5), RF_EINVALID);
	q.program = NULL;
	RFT_RC(rf_report_funnel_get(&fu, f->store, &q), RF_EINVALID);
	q.program = "nope";
	RFT_RC(rf_report_series_get(&s, f->store, &q), RF_ENOTFOUND);
	RFT_RC(rf_report_split_get(&sp, f->store, &q, RF_SPLIT_ADVOCATE), RF_ENOTFOUND);
	RFT_RC(rf_report_funnel_get(&fu, f->store, &q), RF_ENOTFOUND);
	q = report_query(0, 0, RF_PERIOD_DAY);
	q.version = 99;
	RFT_BAD_VERSION(rf_report_series_get(&s, f->store, &q));
	RFT_BAD_VERSION(rf_report_query_init(&q, 99));
	RFT_RC(rf_report_query_init(NULL, 1), RF_EINVALID);
	/* Too many buckets: every day since 1970. */
	q = report_query(1, RFT_T0, RF_PERIOD_DAY);
	RFT_RC(rf_report_series_get(&s, f->store, &q), RF_EINVALID);
	assert_null(s);
	assert_null(sp);
	assert_null(fu);
	RFT_OK(rf_report_query_init(&q, RF_REPORT_QUERY_VERSION));
	assert_int_equal(q.period, RF_PERIOD_DAY);
	assert_null(q.program);
	RFT_UNCHANGED(f, before);
}

void test_calendar_edges(void **state)
{
	rft_fixture *f = *state;
	const int64_t jan2028 = INT64_C(21184) * D, feb = INT64_C(21215) * D,
		      mar = INT64_C(21244) * D, apr = INT64_C(21275) * D;
	char a[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann", a);
	RFT_OK(rft_click(f, a, "w1", mar - 1, NULL)); /* 2028-02-29 23:59:59.999 */
	RFT_OK(rft_click(f, a, "w2", mar, NULL));
	RFT_OK(rft_click(f, a, "w3", jan2028 + 12 * H, NULL)); /* Saturday */
	rf_report_query q = report_query(jan2028 + 14 * D, apr, RF_PERIOD_MONTH);
	rf_report_series *s = NULL;
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	assert_int_equal(s->count, 3);
	assert_int_equal(s->buckets[0]->start_ms, jan2028);
	assert_int_equal(s->buckets[0]->touchpoints, 0); /* before from */
	assert_int_equal(s->buckets[1]->start_ms, feb);
	assert_int_equal(s->buckets[1]->end_ms, mar);
	assert_int_equal(s->buckets[1]->touchpoints, 1);
	assert_int_equal(s->buckets[2]->start_ms, mar);
	assert_int_equal(s->buckets[2]->end_ms, apr);
	assert_int_equal(s->buckets[2]->touchpoints, 1);
	rf_report_series_free(s);
	/* Weeks across a year end: Saturday 2028-01-01 is in the week of Monday 2027-12-27. */
	q = report_query(jan2028, jan2028 + 3 * D, RF_PERIOD_WEEK);
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	assert_int_equal(s->count, 2);
	assert_int_equal(s->buckets[0]->start_ms, INT64_C(21179) * D);
	assert_int_equal(s->buckets[0]->touchpoints, 1);
	assert_int_equal(s->buckets[1]->start_ms, INT64_C(21186) * D);
	rf_report_series_free(s);
}

void test_split_content(void **state)
{
	rft_fixture *f = *state;
	/* No code is bound to an item yet: no group. */
	rf_report_split *s = split(f, RF_SPLIT_CONTENT, 0);
	assert_int_equal(s->count, 0);
	rf_report_split_free(s);

	rf_content_spec cs = RF_CONTENT_SPEC_INIT;
	cs.program = "p";
	cs.key = "guide";
	cs.title = "The buyer's guide";
	cs.url = "https://example.com/guide";
	RFT_OK(rf_content_add(NULL, f->store, &cs));
	rf_code_spec code = RF_CODE_SPEC_INIT;
	code.program = "p";
	code.advocate = "ann";
	code.channel = RF_CHANNEL_LINKEDIN;
	code.content = "guide";
	rf_code *issued = NULL;
	RFT_OK(rf_code_issue(&issued, f->store, &code));
	rft_track_code(f, issued->code);
	int64_t t = RFT_T0 + 40 * D;
	RFT_OK(rft_click(f, issued->code, "v7", t, NULL));
	RFT_OK(rft_click(f, issued->code, "v8", t + 1, NULL));
	RFT_OK(rft_convert(f, "p", "v7", "o7", 700, "EUR", t + H));
	rf_code_free(issued);

	s = split(f, RF_SPLIT_CONTENT, 0);
	assert_int_equal(s->count, 1); /* the unbound codes' touches are left out */
	assert_row(s->rows[0], "guide", "The buyer's guide", 2, 2, 1, "EUR", 700);
	rf_report_split_free(s);
	/* The same item's numbers through the advocate split: ann gained them. */
	s = split(f, RF_SPLIT_ADVOCATE, 1);
	assert_string_equal(s->rows[0]->key, "ann");
	assert_int_equal(s->rows[0]->touchpoints, 5);
	rf_report_split_free(s);
	rf_report_query q = report_query(0, 0, RF_PERIOD_DAY);
	RFT_RC(rf_report_split_get(&s, f->store, &q, RF_SPLIT_CONTENT + 1), RF_EINVALID);
	assert_null(s);
}

static rf_report_summary *summary_of(rft_fixture *f, int64_t from, int64_t to)
{
	rf_report_query q = report_query(from, to, RF_PERIOD_DAY);
	rf_report_summary *s = NULL;
	RFT_OK(rf_report_summary_get(&s, f->store, &q));
	assert_non_null(s);
	return s;
}

static const rf_report_currency *currency_of(const rf_report_summary *s, const char *cur)
{
	for (size_t i = 0; i < s->currency_count; i++)
		if (strcmp(s->currencies[i]->currency, cur) == 0)
			return s->currencies[i];
	fail_msg("no %s in the summary", cur);
	return NULL;
}

void test_summary(void **state)
{
	rft_fixture *f = *state;
	rf_report_summary *s0 = summary_of(f, 0, 0);
	/* The same counts as the series, added up. */
	rf_report_query q = report_query(0, 0, RF_PERIOD_DAY);
	rf_report_series *ser = NULL;
	RFT_OK(rf_report_series_get(&ser, f->store, &q));
	int64_t touches = 0, conversions = 0, attributed = 0;
	for (size_t i = 0; i < ser->count; i++) {
		touches += ser->buckets[i]->touchpoints;
		conversions += ser->buckets[i]->conversions;
		attributed += ser->buckets[i]->attributed_conversions;
	}
	rf_report_series_free(ser);
	assert_int_equal(s0->touchpoints, touches);
	assert_int_equal(s0->conversions, conversions);
	assert_int_equal(s0->attributed_conversions, attributed);
	assert_int_equal(s0->new_customers + s0->returning_customers, attributed);
	assert_int_equal(currency_of(s0, "EUR")->reward_cost_minor, 0); /* no rule yet */

	/* 10 % to the referrer, then v1 buys again through ann: returning. */
	rf_reward_rule r = RF_REWARD_RULE_INIT;
	r.basis = RF_AMOUNT_PERCENT;
	r.amount = 1000;
	RFT_OK(rf_reward_rule_add(NULL, f->store, "p", &r));
	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = "p";
	cs.advocate = "ann";
	rf_code *code = NULL;
	RFT_OK(rf_code_issue(&code, f->store, &cs));
	rft_track_code(f, code->code);
	int64_t t = RFT_T0 + 40 * D;
	RFT_OK(rft_click(f, code->code, "v1", t - H, NULL));
	rf_code_free(code);
	RFT_OK(rft_convert(f, "p", "v1", "o1b", 2000, "EUR", t));
	rf_refund_spec rs = RF_REFUND_SPEC_INIT;
	rs.program = "p";
	rs.order_id = "o1b";
	rs.refund_id = "r1b";
	rs.amount_minor = 1000;
	rs.at_ms = t + H;
	RFT_OK(rf_conversion_refund(NULL, f->store, &rs));

	rf_report_summary *s1 = summary_of(f, 0, 0);
	assert_int_equal(s1->conversions, s0->conversions + 1);
	assert_int_equal(s1->attributed_conversions, s0->attributed_conversions + 1);
	assert_int_equal(s1->returning_customers, s0->returning_customers + 1);
	assert_int_equal(s1->new_customers, s0->new_customers);
	assert_int_equal(currency_of(s1, "EUR")->value_minor, currency_of(s0, "EUR")->value_minor + 1000);
	assert_int_equal(currency_of(s1, "EUR")->reward_cost_minor, 100); /* 200 less 100 clawed */
	rf_report_summary_free(s0);
	rf_report_summary_free(s1);

	/* Only the new period: one returning customer, value 10x its cost. */
	rf_report_summary *s2 = summary_of(f, t - D, 0);
	assert_int_equal(s2->conversions, 1);
	assert_int_equal(s2->new_customers, 0);
	assert_int_equal(s2->returning_customers, 1);
	assert_int_equal(s2->touchpoints, 1);
	assert_int_equal(s2->unique_visitors, 1);
	assert_float_equal(s2->conversion_rate, 1.0, 1e-12);
	assert_int_equal(s2->active_advocates, 1);
	assert_int_equal(s2->currency_count, 1);
	assert_int_equal(s2->currencies[0]->value_minor, 1000);
	assert_float_equal(s2->currencies[0]->return_on_spend, 10.0, 1e-12);
	rf_report_summary_free(s2);
	rf_report_summary_free(NULL);

	rf_report_summary *bad = NULL;
	q = report_query(10, 5, RF_PERIOD_DAY);
	RFT_RC(rf_report_summary_get(&bad, f->store, &q), RF_EINVALID);
	q = report_query(0, 0, RF_PERIOD_DAY);
	q.program = "nope";
	RFT_RC(rf_report_summary_get(&bad, f->store, &q), RF_ENOTFOUND);
	assert_null(bad);
}
