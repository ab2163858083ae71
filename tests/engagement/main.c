/* test_engagement: consent, outbox, content, stages, testimonials, references. */
#include "engagement_tests.h"

void eng_scene(rft_fixture *f)
{
	rft_program(f, "p", NULL);
	rft_advocate(f, "alice");
	rft_advocate(f, "bob");
}

void eng_consent(rft_fixture *f, const char *advocate, int tracking, int messages)
{
	RFT_OK(rf_consent_set(f->store, advocate, RF_CONSENT_TRACKING, tracking, "test"));
	RFT_OK(rf_consent_set(f->store, advocate, RF_CONSENT_MESSAGES, messages, "test"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, rft_setup, rft_teardown)

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		T(test_consent_default_none),
		T(test_consent_set_and_history),
		T(test_consent_errors),
		T(test_consent_survives_reopen),
		T(test_outbox_needs_consent),
		T(test_outbox_rendering),
		T(test_outbox_cap_sliding_window),
		T(test_outbox_cap_across_week_boundary),
		T(test_outbox_cap_never_broken),
		T(test_outbox_cap_per_program),
		T(test_outbox_drain),
		T(test_outbox_errors),
		T(test_engagement_config),
		T(test_stage_lifecycle),
		T(test_stage_rules_from_config),
		T(test_stage_old_activity),
		T(test_stage_counts),
		T(test_stage_refresh_many),
		T(test_stage_errors),
		T(test_content_library),
		T(test_content_for_stage_and_tier),
		T(test_content_stage_message),
		T(test_content_codes_and_performance),
	};
	return cmocka_run_group_tests_name("engagement", tests, NULL, NULL) ? 1 : 0;
}
