/* Touchpoints from bots and link previews: kept, flagged RF_TOUCHPOINT_BOT
 * at ingestion (single and batch), and counted nowhere: stats, reports,
 * journeys, code uses, the click-velocity signal; exports show them. */
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fraud.h"

#define MIN INT64_C(60000)

static char code[RF_CODE_BUFSIZE];

static const char *const slack = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
static const char *const whatsapp = "WhatsApp/2.23.20.0 A";
static const char *const facebook = "facebookexternalhit/1.1";
static const char *const firefox =
	"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

static rf_touchpoint_spec touch(const char *visitor, const char *ua, int64_t at)
{
	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.code = code;
	s.visitor_id = visitor;
	s.user_agent = ua;
	s.at_ms = at;
	s.ip = "198.51.100.9";
	return s;
}

/* Program p (default rules: one-hour duplicate window), advocate ann;
 * a bot's click alone (visitor vb), a batch with two previews and a
 * person's click (visitor v1, also touched by a preview before). */
static void scene(rft_fixture *f)
{
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	rft_code(f, "p", "ann", code);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.max_clicks_advocate = 1;
	RFT_OK(rf_fraud_policy_set(NULL, f->store, "p", &p));

	rf_touchpoint_spec one = touch("vb", slack, RFT_T0 - 50 * MIN);
	rf_touchpoint *t = NULL;
	RFT_OK(rf_touchpoint_record(&t, f->store, &one));
	assert_int_equal(t->duplicate, RF_TOUCHPOINT_BOT);
	rf_touchpoint_free(t);

	rf_touchpoint_spec batch[3] = { touch("v1", facebook, RFT_T0 - 40 * MIN),
					touch("vb2", whatsapp, RFT_T0 - 35 * MIN),
					touch("v1", firefox, RFT_T0 - 30 * MIN) };
	const rf_touchpoint_spec *ptrs[3] = { &batch[0], &batch[1], &batch[2] };
	RFT_OK(rf_touchpoint_record_batch(f->store, ptrs, 3));
}

static void test_bot_agents(void **state)
{
	(void)state;
	const char *bots[] = { slack, whatsapp, facebook, "Twitterbot/1.0", "curl/8.4.0",
			       "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
			       "TelegramBot (like TwitterBot)", "python-requests/2.31",
			       "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0.0.0 Safari/537.36",
			       "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
			       "LinkedInBot/1.0 (compatible; Mozilla/5.0)", "DISCORDBOT", "x-bot" };
	for (size_t i = 0; i < sizeof(bots) / sizeof(bots[0]); i++)
		if (!rfc_is_bot_agent(bots[i]))
			fail_msg("not a bot: %s", bots[i]);
	const char *people[] = { firefox, "Mozilla/5.0", "b", "",
				 "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
				 " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
				 "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like"
				 " Gecko) Chrome/120.0.0.0 Mobile Safari/537.36" };
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		if (rfc_is_bot_agent(people[i]))
			fail_msg("a bot: %s", people[i]);
	assert_false(rfc_is_bot_agent(NULL));
}

static void test_flagged_at_ingestion(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	/* The person's click after a preview of the same link by the same
	 * visitor is no duplicate: a bot's touch is no earlier touch. */
	rf_touchpoint_spec again = touch("v1", firefox, RFT_T0 - 20 * MIN);
	rf_touchpoint *t = NULL;
	RFT_OK(rf_touchpoint_record(&t, f->store, &again));
	assert_int_equal(t->duplicate, RF_TOUCHPOINT_DUPLICATE);
	rf_touchpoint_free(t);
	rft_counts c = rft_stats(f, "p", NULL);
	assert_int_equal(c.touchpoints, 2);
	assert_int_equal(c.unique_touchpoints, 1);
	assert_int_equal(c.unique_visitors, 1);
	c = rft_stats(f, "p", "ann");
	assert_int_equal(c.touchpoints, 2);
	assert_int_equal(c.unique_visitors, 1);
}

static void test_reports_leave_bots_out(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_report_query q = RF_REPORT_QUERY_INIT;
	q.program = "p";
	rf_report_series *s = NULL;
	RFT_OK(rf_report_series_get(&s, f->store, &q));
	int64_t touches = 0, visitors = 0;
	for (size_t i = 0; i < s->count; i++) {
		touches += s->buckets[i]->touchpoints;
		visitors += s->buckets[i]->unique_visitors;
	}
	assert_int_equal(touches, 1);
	assert_int_equal(visitors, 1);
	rf_report_series_free(s);
	rf_report_split *sp = NULL;
	RFT_OK(rf_report_split_get(&sp, f->store, &q, RF_SPLIT_ADVOCATE));
	assert_int_equal(sp->count, 1);
	assert_int_equal(sp->rows[0]->touchpoints, 1);
	assert_int_equal(sp->rows[0]->unique_visitors, 1);
	rf_report_split_free(sp);
	rf_report_funnel *fu = NULL;
	RFT_OK(rf_report_funnel_get(&fu, f->store, &q));
	assert_int_equal(fu->visitors, 1);
	rf_report_funnel_free(fu);
}

static void test_journeys_uses_and_velocity(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	/* The bot-only visitor's conversion credits no one. */
	RFT_OK(fx_convert(f, "p", "vb", "o-bot", NULL, NULL, NULL, NULL, RFT_T0));
	rf_conversion *cv = NULL;
	RFT_OK(rf_conversion_get(&cv, f->store, "p", "o-bot"));
	assert_int_equal(cv->attributed, 0);
	rf_conversion_free(cv);
	rf_code *k = NULL;
	RFT_OK(rf_code_get(&k, f->store, code));
	assert_int_equal(k->uses, 0);
	rf_code_free(k);
	/* The person's does; one counted click is not above the velocity
	 * limit of 1 (the three bot clicks would have been). */
	RFT_OK(fx_convert(f, "p", "v1", "o1", NULL, NULL, "198.51.100.9", firefox, RFT_T0));
	RFT_OK(rf_conversion_get(&cv, f->store, "p", "o1"));
	assert_int_equal(cv->attributed, 1);
	assert_int_equal(cv->credit_count, 1);
	rf_conversion_free(cv);
	RFT_OK(rf_code_get(&k, f->store, code));
	assert_int_equal(k->uses, 1);
	rf_code_free(k);
	rf_fraud_check *c = fx_check(f, "o1");
	assert_null(fx_signal(c, RF_FRAUD_CLICK_VELOCITY));
	rf_fraud_check_free(c);
}

typedef struct sink {
	char buf[8192];
	size_t len;
} sink;

static int collect(void *payload, const char *data, size_t len)
{
	sink *s = payload;
	if (s->len + len >= sizeof(s->buf))
		return 1;
	memcpy(s->buf + s->len, data, len);
	s->len += len;
	s->buf[s->len] = '\0';
	return 0;
}

typedef struct source {
	const char *at;
	size_t left;
} source;

static int64_t feed(void *payload, char *buf, size_t size)
{
	source *s = payload;
	size_t n = s->left < size ? s->left : size;
	memcpy(buf, s->at, n);
	s->at += n;
	s->left -= n;
	return (int64_t)n;
}

/* Lines of `text` ending in `tail` (before the line break). */
static int lines_ending(const char *text, const char *tail)
{
	int n = 0;
	size_t k = strlen(tail);
	for (const char *p = strchr(text, '\n'); p; p = strchr(p + 1, '\n')) {
		const char *end = p > text && p[-1] == '\r' ? p - 1 : p;
		if ((size_t)(end - text) >= k && memcmp(end - k, tail, k) == 0)
			n++;
	}
	return n;
}

static void test_exports_keep_the_flag(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	o.program = "p";
	sink s = { .len = 0 };
	int64_t rows = 0;
	RFT_OK(rf_export(&rows, f->store, &o, collect, &s));
	assert_int_equal(rows, 4);
	assert_non_null(strstr(s.buf, ",duplicate"));
	assert_int_equal(lines_ending(s.buf, ",2"), 3);
	assert_int_equal(lines_ending(s.buf, ",0"), 1);
	/* Imported again, the flags stay: the bot rows still count nowhere. */
	source src = { s.buf, s.len };
	rf_import_options io = RF_IMPORT_OPTIONS_INIT;
	io.program = "p";
	RFT_OK(rf_import(&rows, f->store, &io, feed, &src));
	assert_int_equal(rows, 4);
	rft_counts c = rft_stats(f, "p", NULL);
	assert_int_equal(c.touchpoints, 2); /* the person's click, and its copy (a repeat) */
	assert_int_equal(c.unique_touchpoints, 1);
	assert_int_equal(c.unique_visitors, 1);
	RFT_OK(rf_export(&rows, f->store, &o, collect, &(sink){ .len = 0 }));
	assert_int_equal(rows, 8);
}

int fraud_bot_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bot_agents),
		cmocka_unit_test_setup_teardown(test_flagged_at_ingestion, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_reports_leave_bots_out, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_journeys_uses_and_velocity, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_exports_keep_the_flag, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("fraud_bots", tests, NULL, NULL);
}
