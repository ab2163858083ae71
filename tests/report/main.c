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
		cmocka_unit_test_setup_teardown(test_split_content, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_summary, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_funnel, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_queries, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_edges, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_csv, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_csv_quoting, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_json, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_pseudonyms, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_streams_and_stops, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_bad_input, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_rewards, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_import_round_trip, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_import_iso_times_and_defaults, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_import_bad_rows, report_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_import_bad_input, report_setup, rft_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
