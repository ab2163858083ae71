/* test_link: signed links (build, verify, keys). */
#include "link_tests.h"

#include <stdlib.h>
#include <string.h>

char *link_build(rft_fixture *f, const char *base, const char *code, const char *campaign,
		 const char *content, int64_t expires_at)
{
	rf_link *l = NULL;
	RFT_OK(rf_link_build(&l, f->store, base, code, campaign, content, expires_at));
	assert_non_null(l);
	char *url = strdup(l->url);
	assert_non_null(url);
	rf_link_free(l);
	return url;
}

int link_verify(rft_fixture *f, const char *url)
{
	rf_link *l = (rf_link *)1;
	int rc = rf_link_verify(&l, f->store, url);
	if (rc != RF_OK)
		assert_null(l);
	rf_link_free(l);
	return rc;
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_keys_add_list_retire, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_keys_errors, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_rotation, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_tamper_every_field, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_expiry, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_and_retired_keys, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_malformed_and_oversized, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_build_rejects, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_nulls, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("link", tests, NULL, NULL) ? 1 : 0;
}
