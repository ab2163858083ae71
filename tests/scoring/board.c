/* Leaderboards and program metrics. */
#include "suite.h"

#include <math.h>

static rf_leaderboard *board(rft_fixture *f, int32_t period, int32_t by, uint32_t top,
			     const char *advocate)
{
	rf_leaderboard_query q = RF_LEADERBOARD_QUERY_INIT;
	q.program = "p";
	q.period = period;
	q.by = by;
	q.top = top;
	q.advocate = advocate;
	rf_leaderboard *b = NULL;
	RFT_OK(rf_leaderboard_get(&b, f->store, &q));
	assert_non_null(b);
	return b;
}

static void test_leaderboard(void **state)
{
	rft_fixture *f = *state;
	rft_advocate(f, "dan");
	RFT_OK(rf_consent_set(f->store, "dan", RF_CONSENT_TRACKING, 1, "test"));
	f->now = RFT_T0 + 40 * DAY; /* 2026-02-10, a Tuesday */
	/* January: ann 2 invites (20), bob 1 review (8); February: cat 1 share (5), dan 1 share (5) */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0 + DAY, -1));
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0 + 2 * DAY, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_REVIEW, RFT_T0 + 3 * DAY, -1));
	RFT_OK(sc_activity(f, "p", "dan", RF_ACTIVITY_SHARE, RFT_T0 + 39 * DAY, -1));
	RFT_OK(sc_activity(f, "p", "cat", RF_ACTIVITY_SHARE, RFT_T0 + 39 * DAY, -1));
	/* referrals: bob 2 (300 + 100), dan 1 (500), February */
	sc_referral(f, "bob", "o1", 300, RFT_T0 + 35 * DAY);
	sc_referral(f, "bob", "o2", 100, RFT_T0 + 36 * DAY);
	sc_referral(f, "dan", "o3", 500, RFT_T0 + 37 * DAY);

	rf_leaderboard *b = board(f, RF_BOARD_LAST_MONTH, RF_BOARD_BY_SCORE, 10, "bob");
	assert_int_equal(b->from_ms, RFT_T0);
	assert_int_equal(b->to_ms, RFT_T0 + 31 * DAY);
	assert_int_equal(b->ranked, 2);
	assert_int_equal(b->count, 2);
	assert_string_equal(b->entries[0]->advocate, "ann");
	assert_true(b->entries[0]->metric == 20);
	assert_int_equal(b->entries[1]->rank, 2);
	assert_non_null(b->advocate);
	assert_int_equal(b->advocate->rank, 2);
	rf_leaderboard_free(b);

	/* this month by score: cat and dan tie on 5; the smaller id wins */
	b = board(f, RF_BOARD_THIS_MONTH, RF_BOARD_BY_SCORE, 10, "dan");
	assert_int_equal(b->count, 2);
	assert_string_equal(b->entries[0]->advocate, "cat");
	assert_string_equal(b->entries[1]->advocate, "dan");
	assert_int_equal(b->advocate->rank, 2);
	rf_leaderboard_free(b);

	/* this week (from Monday 2026-02-09): the two shares of the 9th */
	b = board(f, RF_BOARD_THIS_WEEK, RF_BOARD_BY_SCORE, 1, NULL);
	assert_int_equal(b->from_ms, RFT_T0 + 39 * DAY);
	assert_int_equal(b->ranked, 2);
	assert_int_equal(b->count, 1);
	assert_null(b->advocate);
	rf_leaderboard_free(b);

	/* referrals and value, this month and all time */
	b = board(f, RF_BOARD_THIS_MONTH, RF_BOARD_BY_REFERRALS, 10, "ann");
	assert_int_equal(b->count, 2);
	assert_string_equal(b->entries[0]->advocate, "bob");
	assert_int_equal(b->entries[0]->referrals, 2);
	assert_int_equal(b->entries[0]->value_minor, 400);
	assert_null(b->advocate); /* ann has none: unranked */
	rf_leaderboard_free(b);
	b = board(f, RF_BOARD_ALL_TIME, RF_BOARD_BY_VALUE, 10, NULL);
	assert_string_equal(b->entries[0]->advocate, "dan");
	assert_true(b->entries[0]->metric == 500);
	rf_leaderboard_free(b);

	/* all time by score: everyone with a score, best first, ranks agree */
	b = board(f, RF_BOARD_ALL_TIME, RF_BOARD_BY_SCORE, 10, "cat");
	assert_int_equal(b->ranked, 4);
	for (size_t i = 1; i < b->count; i++)
		assert_true(b->entries[i - 1]->metric >= b->entries[i]->metric);
	for (size_t i = 0; i < b->count; i++) {
		rf_score *s = NULL;
		RFT_OK(rf_score_get(&s, f->store, "p", b->entries[i]->advocate, 0));
		assert_true(fabs(s->score - b->entries[i]->metric) < 1e-12);
		if (strcmp(b->entries[i]->advocate, "cat") == 0)
			assert_int_equal(b->advocate->rank, (int64_t)i + 1);
		rf_score_free(s);
	}
	rf_leaderboard_free(b);

	rf_leaderboard_query q = RF_LEADERBOARD_QUERY_INIT;
	q.program = "p";
	q.top = 0;
	RFT_RC(rf_leaderboard_get(&b, f->store, &q), RF_EINVALID);
	q.top = 5;
	q.period = 9;
	RFT_RC(rf_leaderboard_get(&b, f->store, &q), RF_EINVALID);
	q.period = 0;
	q.advocate = "nobody";
	RFT_RC(rf_leaderboard_get(&b, f->store, &q), RF_ENOTFOUND);
	assert_null(b);
}

static void test_metrics(void **state)
{
	rft_fixture *f = *state;
	/* surveys: 2 promoters, 1 passive, 1 detractor (6 is a detractor) -> 25 */
	RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_SURVEY, RFT_T0, 10));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_SURVEY, RFT_T0, 9));
	RFT_OK(sc_activity(f, "p", "cat", RF_ACTIVITY_SURVEY, RFT_T0, 7));
	RFT_OK(sc_activity(f, "p", "cat", RF_ACTIVITY_SURVEY, RFT_T0, 6));
	RFT_OK(sc_activity(f, "q", "cat", RF_ACTIVITY_SURVEY, RFT_T0, 0)); /* another program */
	/* invites: ann 3, bob 1 -> 2 per inviting advocate; 1 referred conversion -> c = 1/4 */
	for (int i = 0; i < 3; i++)
		RFT_OK(sc_activity(f, "p", "ann", RF_ACTIVITY_INVITE, RFT_T0 + i, -1));
	RFT_OK(sc_activity(f, "p", "bob", RF_ACTIVITY_INVITE, RFT_T0, -1));
	sc_referral(f, "ann", "o1", 100, RFT_T0 + 2 * DAY); /* clicked 1 s before */
	rf_program_metrics *m = NULL;
	RFT_OK(rf_program_metrics_get(&m, f->store, "p", RFT_T0, RFT_T0 + 7 * DAY));
	assert_int_equal(m->promoters, 2);
	assert_int_equal(m->passives, 1);
	assert_int_equal(m->detractors, 1);
	assert_true(fabs(m->nps - 25) < 1e-12);
	assert_int_equal(m->invites, 4);
	assert_int_equal(m->inviting_advocates, 2);
	assert_int_equal(m->referred_conversions, 1);
	assert_true(fabs(m->k_factor - 2 * 0.25) < 1e-12);
	assert_int_equal(m->cycles, 1);
	assert_true(fabs(m->cycle_time_ms - 1000) < 1e-9);
	assert_int_equal(m->advocates, 3);
	assert_int_equal(m->active_advocates, 3);
	assert_true(fabs(m->active_share - 1) < 1e-12);
	rf_program_metrics_free(m);
	RFT_OK(rf_program_metrics_get(&m, f->store, "p", RFT_T0 + DAY, 0));
	assert_int_equal(m->invites, 0);
	assert_int_equal(m->active_advocates, 1);
	assert_true(m->nps == 0);
	rf_program_metrics_free(m);
	RFT_RC(rf_program_metrics_get(&m, f->store, "p", 5, 1), RF_EINVALID);
	RFT_RC(rf_program_metrics_get(&m, f->store, "zz", 0, 0), RF_ENOTFOUND);
}

int scoring_board_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_leaderboard, sc_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_metrics, sc_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("board", tests, NULL, NULL);
}
