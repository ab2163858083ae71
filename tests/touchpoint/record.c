/* Recording single touchpoints; duplicates; failures. */
#include "oracle.h"
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_spec_init(void **state)
{
	(void)state;
	rf_touchpoint_spec s;
	memset(&s, 0x21, sizeof s);
	RFT_OK(rf_touchpoint_spec_init(&s, RF_TOUCHPOINT_SPEC_VERSION));
	assert_int_equal(s.version, RF_TOUCHPOINT_SPEC_VERSION);
	assert_null(s.code);
	assert_null(s.visitor_id);
	assert_int_equal(s.kind, RF_TOUCH_CLICK);
	assert_int_equal(s.at_ms, 0);
	assert_null(s.landing_url);
	assert_null(s.ip);
	assert_null(s.user_agent);
	RFT_RC(rf_touchpoint_spec_init(NULL, RF_TOUCHPOINT_SPEC_VERSION), RF_EINVALID);
	RFT_RC(rf_touchpoint_spec_init(&s, 0), RF_EVERSION);
	RFT_RC(rf_touchpoint_spec_init(&s, RF_TOUCHPOINT_SPEC_VERSION + 1), RF_EVERSION);
}

static void test_record_fields(void **state)
{
	rft_fixture *f = *state;
	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = "p";
	cs.advocate = "bob";
	cs.channel = RF_CHANNEL_SMS;
	cs.vanity = "Bob-Sms";
	RFT_OK(rf_code_issue(NULL, f->store, &cs));

	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.code = "bob sms"; /* as typed */
	s.visitor_id = "cookie-123";
	s.kind = RF_TOUCH_SCAN;
	s.at_ms = RFT_T0 - 5000;
	s.landing_url = "https://shop.example/?ref=BOBSMS";
	s.ip = "198.51.100.7";
	s.user_agent = "Mozilla/5.0";
	rf_touchpoint *t = NULL;
	RFT_OK(rf_touchpoint_record(&t, f->store, &s));
	assert_non_null(t);
	assert_true(t->id > 0);
	assert_string_equal(t->visitor_id, "cookie-123");
	assert_string_equal(t->code, "B0BSMS");
	assert_string_equal(t->program, "p");
	assert_string_equal(t->advocate, "bob");
	assert_int_equal(t->channel, RF_CHANNEL_SMS);
	assert_int_equal(t->kind, RF_TOUCH_SCAN);
	assert_int_equal(t->at_ms, RFT_T0 - 5000);
	assert_int_equal(t->duplicate, 0);
	rf_touchpoint_free(t);
	rf_touchpoint_free(NULL);

	/* at 0: the store's clock; out may be NULL */
	f->now = RFT_T0 + 777;
	s.at_ms = 0;
	s.visitor_id = "cookie-456";
	s.kind = RF_TOUCH_VISIT;
	RFT_OK(rf_touchpoint_record(&t, f->store, &s));
	assert_int_equal(t->at_ms, RFT_T0 + 777);
	assert_int_equal(t->kind, RF_TOUCH_VISIT);
	rf_touchpoint_free(t);
	s.visitor_id = "cookie-789";
	RFT_OK(rf_touchpoint_record(NULL, f->store, &s));
	rft_counts n = rft_stats(f, "p", "bob");
	assert_int_equal(n.touchpoints, 3);
	assert_int_equal(n.unique_visitors, 3);
}

static void test_generated_visitor_ids(void **state)
{
	rft_fixture *f = *state;
	char seen[8][40];
	for (int i = 0; i < 8; i++) {
		rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
		s.code = tp_code(f, 0);
		rf_touchpoint *t = NULL;
		RFT_OK(rf_touchpoint_record(&t, f->store, &s));
		if (!rft_is_uuid4(t->visitor_id))
			fail_msg("generated visitor id \"%s\" is not a version-4 UUID", t->visitor_id);
		snprintf(seen[i], sizeof seen[i], "%s", t->visitor_id);
		for (int k = 0; k < i; k++)
			assert_string_not_equal(seen[k], seen[i]);
		assert_int_equal(t->duplicate, 0);
		rf_touchpoint_free(t);
	}
	rft_counts n = rft_stats(f, "p", NULL);
	assert_int_equal(n.touchpoints, 8);
	assert_int_equal(n.unique_visitors, 8);
}

static int32_t click_dup(rft_fixture *f, int which, const char *visitor, int64_t at)
{
	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.code = tp_code(f, which);
	s.visitor_id = visitor;
	s.at_ms = at;
	rf_touchpoint *t = NULL;
	RFT_OK(rf_touchpoint_record(&t, f->store, &s));
	int32_t d = t->duplicate;
	rf_touchpoint_free(t);
	return d;
}

static void test_duplicate_window(void **state)
{
	rft_fixture *f = *state;
	const int64_t t0 = RFT_T0, w = RF_HOUR_MS;
	assert_int_equal(click_dup(f, 0, "v1", t0), 0);
	assert_int_equal(click_dup(f, 0, "v1", t0 + w - 1), 1); /* within the window */
	assert_int_equal(click_dup(f, 1, "v1", t0 + 10), 0);    /* another code */
	assert_int_equal(click_dup(f, 0, "v2", t0 + 10), 0);    /* another visitor */
	assert_int_equal(click_dup(f, 0, "v3", t0), 0);
	assert_int_equal(click_dup(f, 0, "v3", t0 + w + 1), 0); /* after the window */
	rft_counts n = rft_stats(f, "p", NULL);
	assert_int_equal(n.touchpoints, 6);
	assert_int_equal(n.unique_touchpoints, 5);
	assert_int_equal(n.unique_visitors, 3);
}

static void test_duplicate_window_zero_and_custom(void **state)
{
	rft_fixture *f = *state;
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.duplicate_window_ms = 0; /* never */
	rft_program(f, "nodup", &r);
	r.duplicate_window_ms = 10 * 60 * 1000;
	rft_program(f, "ten", &r);
	char a[RF_CODE_BUFSIZE], b[RF_CODE_BUFSIZE];
	rft_code(f, "nodup", "ann", a);
	rft_code(f, "ten", "ann", b);
	int64_t id1 = 0, id2 = 0;
	RFT_OK(rft_click(f, a, "v", RFT_T0, &id1));
	RFT_OK(rft_click(f, a, "v", RFT_T0, &id2));
	assert_int_not_equal(id1, id2);
	assert_int_equal(rft_stats(f, "nodup", NULL).unique_touchpoints, 2);
	RFT_OK(rft_click(f, b, "v", RFT_T0, NULL));
	RFT_OK(rft_click(f, b, "v", RFT_T0 + 9 * 60 * 1000, NULL));  /* duplicate */
	RFT_OK(rft_click(f, b, "w", RFT_T0, NULL));
	RFT_OK(rft_click(f, b, "w", RFT_T0 + 11 * 60 * 1000, NULL)); /* not */
	rft_counts n = rft_stats(f, "ten", NULL);
	assert_int_equal(n.touchpoints, 4);
	assert_int_equal(n.unique_touchpoints, 3);

	/* a new window applies to later touches */
	r.duplicate_window_ms = RF_DAY_MS;
	RFT_OK(rf_program_update(NULL, f->store, "ten", NULL, &r));
	RFT_OK(rft_click(f, b, "w", RFT_T0 + 5 * RF_HOUR_MS, NULL)); /* now a duplicate */
	n = rft_stats(f, "ten", NULL);
	assert_int_equal(n.touchpoints, 5);
	assert_int_equal(n.unique_touchpoints, 3);
}

static void record_fails(rft_fixture *f, const rf_touchpoint_spec *s, int want)
{
	char *before = rft_snapshot(f);
	rf_touchpoint *t = (rf_touchpoint *)&t;
	RFT_RC(rf_touchpoint_record(&t, f->store, s), want);
	assert_null(t);
	RFT_UNCHANGED(f, before);
}

static void test_record_bad_arguments(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, tp_code(f, 0), "seen", RFT_T0, NULL));
	char *long_id = rft_repeat('v', RF_MAX_ID_LEN + 1);
	char *long_text = rft_repeat('t', RF_MAX_TEXT_LEN + 1);
	char *max_id = rft_repeat('v', RF_MAX_ID_LEN);
	char *max_text = rft_repeat('t', RF_MAX_TEXT_LEN);
	rf_touchpoint_spec base = RF_TOUCHPOINT_SPEC_INIT, s;
	base.code = tp_code(f, 0);
	base.visitor_id = "v";

	record_fails(f, NULL, RF_EINVALID);
	const char *bad_code[] = { NULL, "", "\xff\xfe", "NOT-A-C0DE!" };
	for (size_t i = 0; i < 4; i++) {
		s = base;
		s.code = bad_code[i];
		record_fails(f, &s, RF_EINVALID);
	}
	const char *bad_visitor[] = { "", long_id, "\xff\xfe", "v\xc3" };
	for (size_t i = 0; i < 4; i++) {
		s = base;
		s.visitor_id = bad_visitor[i];
		record_fails(f, &s, RF_EINVALID);
	}
	const int32_t bad_kind[] = { 0, 5, -1 };
	for (size_t i = 0; i < 3; i++) {
		s = base;
		s.kind = bad_kind[i];
		record_fails(f, &s, RF_EINVALID);
	}
	s = base;
	s.at_ms = -1;
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.landing_url = long_text;
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.landing_url = "https://x.example/\xff";
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.ip = long_text;
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.ip = "\xff\xfe";
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.user_agent = long_text;
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.user_agent = "\xc0\x80";
	record_fails(f, &s, RF_EINVALID);

	char *before = rft_snapshot(f);
	s = base;
	s.version = 0;
	RFT_BAD_VERSION(rf_touchpoint_record(NULL, f->store, &s));
	s.version = RF_TOUCHPOINT_SPEC_VERSION + 1;
	RFT_BAD_VERSION(rf_touchpoint_record(NULL, f->store, &s));
	RFT_RC(rf_touchpoint_record(NULL, NULL, &base), RF_EINVALID);
	RFT_UNCHANGED(f, before);

	/* the limits themselves are accepted */
	s = base;
	s.visitor_id = max_id;
	s.landing_url = max_text;
	s.ip = max_text;
	s.user_agent = max_text;
	RFT_OK(rf_touchpoint_record(NULL, f->store, &s));
	free(long_id);
	free(long_text);
	free(max_id);
	free(max_text);
}

static void test_record_code_states(void **state)
{
	rft_fixture *f = *state;
	char code[RF_CODE_BUFSIZE];
	snprintf(code, sizeof code, "%s", tp_code(f, 0));
	char typo[RF_CODE_BUFSIZE];
	snprintf(typo, sizeof typo, "%s", code);
	typo[2] = typo[2] == 'Q' ? 'R' : 'Q';
	char unknown[RF_CODE_BUFSIZE] = "QQQQQQQQ";
	unknown[8] = rft_luhn_check(RFT_ALPHABET, unknown, 8);
	unknown[9] = '\0';
	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = "p";
	cs.advocate = "ann";
	cs.expires_at_ms = RFT_T0 + 1000;
	rf_code *exp = NULL;
	RFT_OK(rf_code_issue(&exp, f->store, &cs));
	rft_track_code(f, exp->code);

	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.visitor_id = "v";
	s.code = typo;
	record_fails(f, &s, RF_ECHECK);
	s.code = unknown;
	record_fails(f, &s, RF_ENOTFOUND);
	f->now = RFT_T0 + 2000;
	s.code = exp->code;
	record_fails(f, &s, RF_EEXPIRED);
	RFT_OK(rf_code_disable(f->store, code));
	s.code = code;
	record_fails(f, &s, RF_EDISABLED);
	RFT_OK(rf_advocate_deactivate(f->store, "bob"));
	s.code = tp_code(f, 1);
	record_fails(f, &s, RF_EDISABLED);
	rf_code_free(exp);
}

int touchpoint_record_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_init),
		cmocka_unit_test_setup_teardown(test_record_fields, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_generated_visitor_ids, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_window, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_window_zero_and_custom, tp_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_record_bad_arguments, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_record_code_states, tp_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("touchpoint_record", tests, NULL, NULL);
}
