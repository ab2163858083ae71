/* test_scoring: activities, scores, tiers, badges, leaderboards, metrics. */
#include "suite.h"

int sc_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_program(f, "q", NULL);
	rft_advocate(f, "ann");
	rft_advocate(f, "bob");
	rft_advocate(f, "cat");
	/* activities are recorded only with tracking consent (quinn has none) */
	rft_advocate(f, "quinn");
	const char *const consenting[] = { "ann", "bob", "cat" };
	for (size_t i = 0; i < 3; i++) {
		if (rf_consent_set(f->store, consenting[i], RF_CONSENT_TRACKING, 1, "test") != RF_OK)
			return -1;
	}
	return 0;
}

int sc_activity(rft_fixture *f, const char *program, const char *advocate, int32_t type,
		int64_t at, int32_t answer)
{
	rf_activity_spec s = RF_ACTIVITY_SPEC_INIT;
	s.program = program;
	s.advocate = advocate;
	s.type = type;
	s.at_ms = at;
	s.answer = answer;
	return rf_activity_record(NULL, f->store, &s);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = scoring_activity_tests();
	failed += scoring_score_tests();
	failed += scoring_board_tests();
	return failed ? 1 : 0;
}
