/* test_report: see suite.h. */
#include "suite.h"

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_series_daily, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_series_weekly_open, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_series_monthly, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_series_empty_and_clipped, report_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_split_advocate, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_split_channel_and_kind, report_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_funnel, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_queries, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_edges, report_setup, rft_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
