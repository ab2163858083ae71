/* Reference asks: candidates, the ask cap, outcomes, activity, errors. */
#include "voice_tests.h"

#include <stdlib.h>
#include <string.h>

static void share(rft_fixture *f, const char *advocate, int times)
{
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT;
	a.program = "p";
	a.advocate = advocate;
	a.type = RF_ACTIVITY_SHARE;
	for (int i = 0; i < times; i++)
		RFT_OK(rf_activity_record(NULL, f->store, &a));
}

static rf_reference_candidates *find(rft_fixture *f, const rf_reference_query *q)
{
	rf_reference_candidates *list = NULL;
	RFT_OK(rf_reference_find(&list, f->store, q));
	assert_non_null(list);
	return list;
}

/* The candidates' external ids, comma-separated, into `out`. */
static const char *names(rft_fixture *f, const rf_reference_query *q, char *out, size_t size)
{
	rf_reference_candidates *list = find(f, q);
	out[0] = '\0';
	for (size_t i = 0; i < list->count; i++) {
		if (i)
			strncat(out, ",", size - strlen(out) - 1);
		strncat(out, list->items[i]->advocate, size - strlen(out) - 1);
	}
	rf_reference_candidates_free(list);
	return out;
}

static int64_t ask(rft_fixture *f, const char *program, const char *advocate)
{
	rf_reference *r = NULL;
	RFT_OK(rf_reference_ask(&r, f->store, program, advocate, "Acme Corp (CTO)"));
	int64_t id = r->id;
	rf_reference_free(r);
	return id;
}

void test_reference_find_order(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	voice_advocate(f, "zed", RF_ADVOCATE_CUSTOMER, 1, 1); /* no score in the program */
	share(f, "carol", 1);
	share(f, "bob", 1);
	share(f, "alice", 3);
	rf_reference_query q;
	RFT_OK(rf_reference_query_init(&q, RF_REFERENCE_QUERY_VERSION));
	q.program = "p";
	rf_reference_candidates *list = find(f, &q);
	assert_int_equal(list->count, 3);
	assert_string_equal(list->items[0]->advocate, "alice");
	assert_string_equal(list->items[1]->advocate, "bob");   /* tie with carol: smaller id */
	assert_string_equal(list->items[2]->advocate, "carol");
	assert_true(list->items[0]->score > list->items[1]->score);
	assert_true(list->items[1]->score == list->items[2]->score);
	assert_true(list->items[1]->id < list->items[2]->id);
	assert_int_equal(list->items[1]->advocate_kind, RF_ADVOCATE_EMPLOYEE);
	assert_int_equal(list->items[0]->asks, 0);
	assert_int_equal(list->items[0]->last_asked_at_ms, 0);
	assert_int_equal(list->at_ms, f->now);
	assert_int_equal(list->score_config_version, 0);
	assert_int_equal(list->config_version, 0);
	/* the score is the one rf_score_get() gives */
	rf_score *s = NULL;
	RFT_OK(rf_score_get(&s, f->store, "p", "alice", 0));
	assert_true(s->score == list->items[0]->score);
	rf_score_free(s);
	int32_t between = (int32_t)list->items[0]->score;
	assert_true(between > list->items[1]->score);
	rf_reference_candidates_free(list);

	char buf[256];
	q.limit = 2;
	assert_string_equal(names(f, &q, buf, sizeof buf), "alice,bob");
	q.limit = 0;
	q.min_score = between;
	assert_string_equal(names(f, &q, buf, sizeof buf), "alice");
	q.min_score = 100;
	assert_string_equal(names(f, &q, buf, sizeof buf), "");
	q.min_score = 0;
	q.advocate_kind = RF_ADVOCATE_PARTNER;
	assert_string_equal(names(f, &q, buf, sizeof buf), "carol");
	q.advocate_kind = 0;
	RFT_OK(rf_advocate_segment_set(f->store, "carol", "smb"));
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "smb"));
	q.segment = "smb";
	list = find(f, &q);
	assert_int_equal(list->count, 2);
	assert_string_equal(list->items[1]->advocate, "carol");
	assert_string_equal(list->items[1]->segment, "smb");
	rf_reference_candidates_free(list);
	q.segment = "enterprise";
	assert_string_equal(names(f, &q, buf, sizeof buf), "");
	/* a scoring configuration change shows in the versions */
	rf_score_config sc = RF_SCORE_CONFIG_INIT;
	sc.weight_activity = 50;
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &sc));
	q.segment = NULL;
	list = find(f, &q);
	assert_int_equal(list->score_config_version, 1);
	rf_reference_candidates_free(list);
}

void test_reference_find_exclusions(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	voice_advocate(f, "dave", RF_ADVOCATE_CUSTOMER, 1, 1);
	voice_advocate(f, "erin", RF_ADVOCATE_CUSTOMER, 1, 0);
	voice_advocate(f, "frank", RF_ADVOCATE_CUSTOMER, 1, 1);
	const char *all[] = { "alice", "bob", "carol", "dave", "erin", "frank" };
	for (int i = 0; i < 6; i++)
		share(f, all[i], 6 - i);
	rf_reference_query q = RF_REFERENCE_QUERY_INIT;
	q.program = "p";
	char buf[256];
	assert_string_equal(names(f, &q, buf, sizeof buf), "alice,bob,carol,dave,frank");
	RFT_OK(rf_advocate_deactivate(f->store, "dave"));
	RFT_OK(rf_consent_set(f->store, "bob", RF_CONSENT_MESSAGES, 0, "unsubscribe"));
	ask(f, "p", "frank");
	rf_reference_candidates *list = find(f, &q);
	assert_int_equal(list->count, 3);
	assert_string_equal(list->items[2]->advocate, "frank");
	assert_int_equal(list->items[2]->asks, 1);
	assert_int_equal(list->items[2]->last_asked_at_ms, f->now);
	rf_reference_candidates_free(list);
	f->now += 1000;
	ask(f, "p", "frank"); /* the default cap is 2 per 90 days */
	assert_string_equal(names(f, &q, buf, sizeof buf), "alice,carol");
	/* asks in another program do not count here */
	rft_program(f, "q", NULL);
	ask(f, "q", "alice");
	ask(f, "q", "alice");
	assert_string_equal(names(f, &q, buf, sizeof buf), "alice,carol");
	/* 90 days after the first ask frank may be asked again */
	f->now += 90 * DAY - 1000;
	list = find(f, &q);
	assert_int_equal(list->count, 3);
	assert_string_equal(list->items[2]->advocate, "frank");
	assert_int_equal(list->items[2]->asks, 1);
	assert_int_equal(list->items[2]->last_asked_at_ms, f->now - 90 * DAY + 1000);
	rf_reference_candidates_free(list);
}

void test_reference_ask_cap_sliding(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	rf_engagement_config c = RF_ENGAGEMENT_CONFIG_INIT;
	c.ask_cap = 2;
	c.ask_window_ms = 10 * DAY;
	RFT_OK(rf_engagement_config_set(NULL, f->store, "p", &c));
	int64_t t1 = f->now;
	ask(f, "p", "alice");
	f->now = t1 + DAY;
	ask(f, "p", "alice");
	f->now = t1 + 2 * DAY;
	char *before = voice_snapshot(f);
	rf_reference *r = (rf_reference *)1;
	RFT_RC(rf_reference_ask(&r, f->store, "p", "alice", "Globex"), RF_ELIMIT);
	assert_null(r);
	assert_non_null(strstr(rf_error_last()->message, "ask cap"));
	f->now = t1 + 10 * DAY - 1;
	RFT_RC(rf_reference_ask(NULL, f->store, "p", "alice", "Globex"), RF_ELIMIT);
	VOICE_UNCHANGED(f, before);
	/* sliding: the first ask leaves the window exactly 10 days later */
	f->now = t1 + 10 * DAY;
	ask(f, "p", "alice");
	f->now = t1 + 11 * DAY - 1; /* the second ask is still inside */
	RFT_RC(rf_reference_ask(NULL, f->store, "p", "alice", "Globex"), RF_ELIMIT);
	f->now = t1 + 11 * DAY;
	ask(f, "p", "alice");
	/* in no window of 10 days were there more than 2 asks */
	rf_reference_query q = RF_REFERENCE_QUERY_INIT;
	q.program = "p";
	char buf[64];
	rf_reference_candidates *list = find(f, &q);
	for (size_t i = 0; i < list->count; i++)
		assert_string_not_equal(list->items[i]->advocate, "alice");
	assert_int_equal(list->config_version, 1);
	rf_reference_candidates_free(list);
	/* cap 0: nobody may be asked */
	c.ask_cap = 0;
	RFT_OK(rf_engagement_config_set(NULL, f->store, "p", &c));
	RFT_RC(rf_reference_ask(NULL, f->store, "p", "bob", "Globex"), RF_ELIMIT);
	share(f, "bob", 1);
	assert_string_equal(names(f, &q, buf, sizeof buf), "");
}

void test_reference_outcomes(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	f->now = RFT_T0 + 100;
	rf_reference *r = NULL;
	RFT_OK(rf_reference_ask(&r, f->store, "p", "alice", "Initech, Bill L."));
	assert_string_equal(r->program, "p");
	assert_string_equal(r->advocate, "alice");
	assert_string_equal(r->prospect, "Initech, Bill L.");
	assert_int_equal(r->outcome, RF_REFERENCE_OPEN);
	assert_int_equal(r->asked_at_ms, RFT_T0 + 100);
	assert_int_equal(r->accepted_at_ms, 0);
	assert_int_equal(r->closed_at_ms, 0);
	int64_t id = r->id;
	rf_reference_free(r);
	f->now = RFT_T0 + 200;
	RFT_OK(rf_reference_close(&r, f->store, "p", id, RF_REFERENCE_ACCEPTED));
	assert_int_equal(r->outcome, RF_REFERENCE_ACCEPTED);
	assert_int_equal(r->accepted_at_ms, RFT_T0 + 200);
	assert_int_equal(r->closed_at_ms, RFT_T0 + 200);
	rf_reference_free(r);
	f->now = RFT_T0 + 300;
	RFT_OK(rf_reference_close(&r, f->store, "p", id, RF_REFERENCE_ACCEPTED)); /* repeat */
	assert_int_equal(r->closed_at_ms, RFT_T0 + 200);
	rf_reference_free(r);
	RFT_OK(rf_reference_close(&r, f->store, "p", id, RF_REFERENCE_COMPLETED));
	assert_int_equal(r->outcome, RF_REFERENCE_COMPLETED);
	assert_int_equal(r->accepted_at_ms, RFT_T0 + 200);
	assert_int_equal(r->closed_at_ms, RFT_T0 + 300);
	rf_reference_free(r);
	RFT_OK(rf_reference_close(NULL, f->store, "p", id, RF_REFERENCE_COMPLETED));
	/* final outcomes stay */
	char *before = voice_snapshot(f);
	for (int32_t o = RF_REFERENCE_ACCEPTED; o <= RF_REFERENCE_NO_RESPONSE; o++) {
		if (o == RF_REFERENCE_COMPLETED)
			continue;
		r = (rf_reference *)1;
		RFT_RC(rf_reference_close(&r, f->store, "p", id, o), RF_EINVALID);
		assert_null(r);
		assert_non_null(strstr(rf_error_last()->message, "already closed"));
	}
	VOICE_UNCHANGED(f, before);
	/* open -> declined; open -> no-response; accepted -> no-response */
	int64_t b = ask(f, "p", "bob");
	RFT_OK(rf_reference_close(&r, f->store, "p", b, RF_REFERENCE_DECLINED));
	assert_int_equal(r->accepted_at_ms, 0);
	assert_int_equal(r->closed_at_ms, RFT_T0 + 300);
	rf_reference_free(r);
	RFT_RC(rf_reference_close(NULL, f->store, "p", b, RF_REFERENCE_ACCEPTED), RF_EINVALID);
	int64_t c = ask(f, "p", "carol");
	RFT_OK(rf_reference_close(NULL, f->store, "p", c, RF_REFERENCE_NO_RESPONSE));
	int64_t d = ask(f, "p", "bob");
	RFT_OK(rf_reference_close(NULL, f->store, "p", d, RF_REFERENCE_ACCEPTED));
	RFT_OK(rf_reference_close(NULL, f->store, "p", d, RF_REFERENCE_NO_RESPONSE));
	rft_reopen(f);
	RFT_OK(rf_reference_get(&r, f->store, "p", d));
	assert_int_equal(r->outcome, RF_REFERENCE_NO_RESPONSE);
	assert_int_equal(r->accepted_at_ms, RFT_T0 + 300);
	rf_reference_free(r);
	/* closed asks still count towards the cap: bob has two */
	RFT_RC(rf_reference_ask(NULL, f->store, "p", "bob", "x"), RF_ELIMIT);
}

void test_reference_activity_rules(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	voice_advocate(f, "dan", RF_ADVOCATE_CUSTOMER, 0, 1);
	int64_t a = ask(f, "p", "alice");
	assert_int_equal(voice_activities(f, "alice", RF_ACTIVITY_REFERENCE), 0); /* asking is not taking part */
	RFT_OK(rf_reference_close(NULL, f->store, "p", a, RF_REFERENCE_ACCEPTED));
	assert_int_equal(voice_activities(f, "alice", RF_ACTIVITY_REFERENCE), 1);
	RFT_OK(rf_reference_close(NULL, f->store, "p", a, RF_REFERENCE_COMPLETED));
	assert_int_equal(voice_activities(f, "alice", RF_ACTIVITY_REFERENCE), 1); /* once per ask */
	rf_score *s = NULL;
	RFT_OK(rf_score_get(&s, f->store, "p", "alice", 0));
	assert_int_equal(s->activities, 1);
	rf_score_free(s);
	int64_t b = ask(f, "p", "bob");
	RFT_OK(rf_reference_close(NULL, f->store, "p", b, RF_REFERENCE_COMPLETED));
	assert_int_equal(voice_activities(f, "bob", RF_ACTIVITY_REFERENCE), 1);
	int64_t c = ask(f, "p", "carol");
	RFT_OK(rf_reference_close(NULL, f->store, "p", c, RF_REFERENCE_DECLINED));
	assert_int_equal(voice_activities(f, "carol", RF_ACTIVITY_REFERENCE), 0);
	/* no tracking consent: the outcome is kept, no activity */
	int64_t d = ask(f, "p", "dan");
	RFT_OK(rf_reference_close(NULL, f->store, "p", d, RF_REFERENCE_COMPLETED));
	assert_int_equal(voice_activities(f, "dan", RF_ACTIVITY_REFERENCE), 0);
	/* an advocate deactivated after the ask: the outcome is kept, no activity */
	int64_t e = ask(f, "p", "carol");
	RFT_OK(rf_advocate_deactivate(f->store, "carol"));
	rf_reference *r = NULL;
	RFT_OK(rf_reference_close(&r, f->store, "p", e, RF_REFERENCE_ACCEPTED));
	assert_int_equal(r->outcome, RF_REFERENCE_ACCEPTED);
	rf_reference_free(r);
	assert_int_equal(voice_activities(f, "carol", RF_ACTIVITY_REFERENCE), 0);
}

void test_reference_errors(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	voice_advocate(f, "dan", RF_ADVOCATE_CUSTOMER, 1, 0);
	voice_advocate(f, "eve", RF_ADVOCATE_CUSTOMER, 1, 1);
	RFT_OK(rf_advocate_deactivate(f->store, "eve"));
	rft_program(f, "old", NULL);
	RFT_OK(rf_program_archive(f->store, "old"));
	int64_t id = ask(f, "p", "alice");
	char *before = voice_snapshot(f);
	char *long_prospect = rft_repeat('p', RF_PROSPECT_MAX_LEN + 1);
	char *longest = rft_repeat('p', RF_PROSPECT_MAX_LEN);
	struct {
		const char *program, *advocate, *prospect;
		int want;
	} cases[] = {
		{ "p", "bob", NULL, RF_EINVALID },        { "p", "bob", "", RF_EINVALID },
		{ "p", "bob", long_prospect, RF_EINVALID }, { "p", "bob", "a\nb", RF_EINVALID },
		{ "p", "bob", "bad \xff", RF_EINVALID },  { NULL, "bob", "x", RF_EINVALID },
		{ "p", NULL, "x", RF_EINVALID },          { "nope", "bob", "x", RF_ENOTFOUND },
		{ "p", "nobody", "x", RF_ENOTFOUND },     { "old", "bob", "x", RF_EDISABLED },
		{ "p", "eve", "x", RF_EDISABLED },        { "p", "dan", "x", RF_ECONSENT },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rf_reference *r = (rf_reference *)1;
		RFT_RC(rf_reference_ask(&r, f->store, cases[i].program, cases[i].advocate,
					cases[i].prospect), cases[i].want);
		assert_null(r);
	}
	RFT_RC(rf_reference_ask(NULL, NULL, "p", "bob", "x"), RF_EINVALID);
	/* outcomes */
	rf_reference *r = (rf_reference *)1;
	RFT_RC(rf_reference_close(&r, f->store, "p", id, RF_REFERENCE_OPEN), RF_EINVALID);
	assert_null(r);
	RFT_RC(rf_reference_close(NULL, f->store, "p", id, 5), RF_EINVALID);
	RFT_RC(rf_reference_close(NULL, f->store, "p", 0, RF_REFERENCE_ACCEPTED), RF_EINVALID);
	RFT_RC(rf_reference_close(NULL, f->store, "p", id + 50, RF_REFERENCE_ACCEPTED), RF_ENOTFOUND);
	RFT_RC(rf_reference_close(NULL, f->store, "old", id, RF_REFERENCE_ACCEPTED), RF_ENOTFOUND);
	RFT_RC(rf_reference_close(NULL, f->store, "nope", id, RF_REFERENCE_ACCEPTED), RF_ENOTFOUND);
	RFT_RC(rf_reference_get(&r, f->store, "old", id), RF_ENOTFOUND);
	RFT_RC(rf_reference_get(NULL, f->store, "p", id), RF_EINVALID);
	RFT_RC(rf_reference_get(&r, f->store, "p", -3), RF_EINVALID);
	/* queries */
	rf_reference_query q = RF_REFERENCE_QUERY_INIT;
	rf_reference_candidates *list = (rf_reference_candidates *)1;
#define BADQ(field, value, want)                                             \
	do {                                                                 \
		q = (rf_reference_query)RF_REFERENCE_QUERY_INIT;             \
		q.program = "p";                                             \
		q.field = value;                                             \
		list = (rf_reference_candidates *)1;                         \
		RFT_RC(rf_reference_find(&list, f->store, &q), want);        \
		assert_null(list);                                           \
	} while (0)
	BADQ(program, NULL, RF_EINVALID);
	BADQ(program, "nope", RF_ENOTFOUND);
	BADQ(advocate_kind, 7, RF_EINVALID);
	BADQ(segment, "", RF_EINVALID);
	BADQ(min_score, -1, RF_EINVALID);
	BADQ(min_score, 101, RF_EINVALID);
	BADQ(limit, 101, RF_EINVALID);
	BADQ(version, 0, RF_EVERSION);
#undef BADQ
	RFT_RC(rf_reference_find(NULL, f->store, &q), RF_EINVALID);
	RFT_BAD_VERSION(rf_reference_query_init(&q, 0));
	VOICE_UNCHANGED(f, before);
	/* the longest prospect fits */
	RFT_OK(rf_reference_ask(&r, f->store, "p", "bob", longest));
	assert_string_equal(r->prospect, longest);
	rf_reference_free(r);
	free(long_prospect);
	free(longest);
}
