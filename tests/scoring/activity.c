/* Recording and listing activities. */
#include "suite.h"

static rf_activity_list *list(rft_fixture *f, const char *program, const char *advocate)
{
	rf_activity_list *l = NULL;
	RFT_OK(rf_activity_list_get(&l, f->store, program, advocate, 0, 0, 0));
	return l;
}

static void test_record_and_list(void **state)
{
	rft_fixture *f = *state;
	rf_activity_spec s = RF_ACTIVITY_SPEC_INIT;
	s.program = "p";
	s.advocate = "ann";
	s.type = RF_ACTIVITY_SHARE;
	s.channel = RF_CHANNEL_LINKEDIN;
	s.content = "post-42";
	int64_t id = 0;
	f->now = RFT_T0 + 5000;
	RFT_OK(rf_activity_record(&id, f->store, &s));
	assert_true(id > 0);
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_SURVEY, RFT_T0 + DAY, 9));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_REVIEW, RFT_T0 + 2 * DAY, -1));
	RFT_OK(sc_activity(f, "q", "ann", RF_ACTIVITY_INVITE, RFT_T0, -1));

	rf_activity_list *l = list(f, "p", "ann");
	assert_int_equal(l->count, 2);
	assert_int_equal(l->items[0]->type, RF_ACTIVITY_SURVEY); /* newest first */
	assert_int_equal(l->items[0]->answer, 9);
	assert_string_equal(l->items[1]->advocate, "ann");
	assert_int_equal(l->items[1]->id, id);
	assert_int_equal(l->items[1]->at_ms, RFT_T0 + 5000); /* the store's clock */
	assert_int_equal(l->items[1]->channel, RF_CHANNEL_LINKEDIN);
	assert_string_equal(l->items[1]->content, "post-42");
	assert_int_equal(l->items[1]->answer, -1);
	rf_activity_list_free(l);
	l = list(f, "p", NULL);
	assert_int_equal(l->count, 3);
	assert_string_equal(l->items[0]->advocate, "bob");
	rf_activity_list_free(l);

	/* a period, and a limit */
	RFT_OK(rf_activity_list_get(&l, f->store, "p", NULL, RFT_T0 + 1, RFT_T0 + 2 * DAY, 0));
	assert_int_equal(l->count, 2);
	rf_activity_list_free(l);
	RFT_OK(rf_activity_list_get(&l, f->store, "p", NULL, 0, 0, 1));
	assert_int_equal(l->count, 1);
	rf_activity_list_free(l);
	assert_string_equal(rf_enum_name(RF_ENUM_ACTIVITY, RF_ACTIVITY_BOOKMARK), "bookmark");
}

static void test_bad_input_changes_nothing(void **state)
{
	rft_fixture *f = *state;
	char *before = rft_snapshot(f);
	RFT_RC(sc_activity(f, "p", "ann", 0, RFT_T0, -1), RF_EINVALID);
	RFT_RC(sc_activity(f, "p", "ann", RF_ACTIVITY_TYPE_COUNT + 1, RFT_T0, -1), RF_EINVALID);
	RFT_RC(sc_activity(f, "p", "ann", RF_ACTIVITY_SURVEY, RFT_T0, -1), RF_EINVALID);
	RFT_RC(sc_activity(f, "p", "ann", RF_ACTIVITY_SURVEY, RFT_T0, 11), RF_EINVALID);
	RFT_RC(sc_activity(f, "p", "ann", RF_ACTIVITY_SHARE, RFT_T0, 5), RF_EINVALID);
	RFT_RC(sc_activity(f, "p", "ann", RF_ACTIVITY_SHARE, -1, -1), RF_EINVALID);
	RFT_RC(sc_activity(f, "nope", "ann", RF_ACTIVITY_SHARE, RFT_T0, -1), RF_ENOTFOUND);
	RFT_RC(sc_activity(f, "p", "nobody", RF_ACTIVITY_SHARE, RFT_T0, -1), RF_ENOTFOUND);
	RFT_RC(sc_activity(f, NULL, "ann", RF_ACTIVITY_SHARE, RFT_T0, -1), RF_EINVALID);
	RFT_RC(rf_activity_record(NULL, f->store, NULL), RF_EINVALID);
	rf_activity_spec s = RF_ACTIVITY_SPEC_INIT;
	s.version = 99;
	RFT_BAD_VERSION(rf_activity_record(NULL, f->store, &s));
	s = (rf_activity_spec)RF_ACTIVITY_SPEC_INIT;
	s.program = "p";
	s.advocate = "ann";
	s.type = RF_ACTIVITY_SHARE;
	s.channel = 999;
	RFT_RC(rf_activity_record(NULL, f->store, &s), RF_EINVALID);
	RFT_OK(rf_advocate_deactivate(f->store, "cat"));
	before = (free(before), rft_snapshot(f));
	RFT_RC(sc_activity(f, "p", "cat", RF_ACTIVITY_SHARE, RFT_T0, -1), RF_EDISABLED);
	RFT_OK(rf_program_archive(f->store, "q"));
	free(before);
	before = rft_snapshot(f);
	RFT_RC(sc_activity(f, "q", "ann", RF_ACTIVITY_SHARE, RFT_T0, -1), RF_EDISABLED);
	RFT_UNCHANGED(f, before);
	rf_activity_list *l = list(f, "p", NULL);
	assert_int_equal(l->count, 0);
	rf_activity_list_free(l);
	RFT_RC(rf_activity_list_get(&l, f->store, "p", NULL, 5, 5, 0), RF_EINVALID);
	assert_null(l);
}

static void test_batch_all_or_nothing(void **state)
{
	rft_fixture *f = *state;
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT, b, c;
	a.program = "p";
	a.advocate = "ann";
	a.type = RF_ACTIVITY_COMMENT;
	a.at_ms = RFT_T0;
	b = a;
	b.advocate = "bob";
	c = a;
	c.advocate = "nobody";
	const rf_activity_spec *bad[] = { &a, &b, &c };
	RFT_RC(rf_activity_record_batch(f->store, bad, 3), RF_ENOTFOUND);
	assert_non_null(strstr(rf_error_last()->message, "activity 2"));
	rf_activity_list *l = list(f, "p", NULL);
	assert_int_equal(l->count, 0);
	rf_activity_list_free(l);
	const rf_activity_spec *good[] = { &a, &b };
	RFT_OK(rf_activity_record_batch(f->store, good, 2));
	RFT_OK(rf_activity_record_batch(f->store, good, 0));
	l = list(f, "p", NULL);
	assert_int_equal(l->count, 2);
	rf_activity_list_free(l);
}

static rf_score *score_of(rft_fixture *f, const char *advocate)
{
	rf_score *sc = NULL;
	RFT_OK(rf_score_get(&sc, f->store, "p", advocate, 0));
	return sc;
}

static void test_tracking_consent(void **state)
{
	rft_fixture *f = *state;
	/* never asked: refused, nothing stored, the score does not move */
	char *before = rft_snapshot(f);
	RFT_RC(sc_activity(f, "p", "quinn", RF_ACTIVITY_REVIEW, RFT_T0, -1), RF_ECONSENT);
	assert_non_null(strstr(rf_error_last()->message, "consent"));
	/* a batch with one such advocate stops: all or nothing */
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT, d;
	a.program = "p";
	a.advocate = "ann";
	a.type = RF_ACTIVITY_SHARE;
	a.at_ms = RFT_T0;
	d = a;
	d.advocate = "quinn";
	const rf_activity_spec *mixed[] = { &a, &d };
	RFT_RC(rf_activity_record_batch(f->store, mixed, 2), RF_ECONSENT);
	assert_non_null(strstr(rf_error_last()->message, "activity 1"));
	RFT_UNCHANGED(f, before);

	/* granted: recorded and scored */
	RFT_OK(rf_consent_set(f->store, "quinn", RF_CONSENT_TRACKING, 1, "settings"));
	RFT_OK(rf_activity_record_batch(f->store, mixed, 2));
	rf_score *sc = score_of(f, "quinn");
	assert_int_equal(sc->activities, 1);
	double had = sc->score;
	assert_true(had > 0);
	rf_score_free(sc);

	/* withdrawn later: refused again, the history and score stay */
	RFT_OK(rf_consent_set(f->store, "quinn", RF_CONSENT_TRACKING, 0, "settings"));
	before = rft_snapshot(f);
	RFT_RC(sc_activity(f, "p", "quinn", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1), RF_ECONSENT);
	RFT_RC(rf_activity_record_batch(f->store, mixed, 2), RF_ECONSENT);
	RFT_UNCHANGED(f, before);
	rf_activity_list *l = list(f, "p", "quinn");
	assert_int_equal(l->count, 1);
	rf_activity_list_free(l);
	sc = score_of(f, "quinn");
	assert_int_equal(sc->activities, 1);
	assert_true(sc->score == had);
	rf_score_free(sc);
	/* messages consent is not tracking consent */
	RFT_OK(rf_consent_set(f->store, "quinn", RF_CONSENT_MESSAGES, 1, "settings"));
	RFT_RC(sc_activity(f, "p", "quinn", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1), RF_ECONSENT);
}

int scoring_activity_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_record_and_list, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_changes_nothing, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_batch_all_or_nothing, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_tracking_consent, sc_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("activity", tests, NULL, NULL);
}
