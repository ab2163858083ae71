/* test_privacy: hash keys, privacy policies, retention, erasure, export. */
#include "privacy_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void priv_advocate(rft_fixture *f, const char *external_id, const char *email)
{
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = external_id;
	spec.email = email;
	RFT_OK(rf_advocate_add(NULL, f->store, &spec));
}

const char *priv_find(rft_fixture *f, const char *email, char *buf, size_t size)
{
	rf_advocate *a = NULL;
	int rc = rf_advocate_find_by_email(&a, f->store, email);
	buf[0] = '\0';
	if (rc == RF_OK)
		snprintf(buf, size, "%s", a->external_id);
	else
		RFT_RC(rc, RF_ENOTFOUND);
	rf_advocate_free(a);
	return buf;
}

int64_t priv_click_ip(rft_fixture *f, const char *code, const char *visitor, const char *ip,
		      int64_t at)
{
	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.code = code;
	s.visitor_id = visitor;
	s.ip = ip;
	s.at_ms = at;
	rf_touchpoint *t = NULL;
	RFT_OK(rf_touchpoint_record(&t, f->store, &s));
	int64_t id = t->id;
	rf_touchpoint_free(t);
	return id;
}

long long priv_query_int(rft_fixture *f, const char *sql)
{
	char out[64];
	rft_db_query_text(f->path, sql, out, sizeof out);
	return atoll(out);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rotation_overlap, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_rotation_other_handle, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_rotation_errors, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_expired_secret_leaves_file, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_policy_versions, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_policy_errors, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_ip_truncation, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_retention_purge, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_retention_errors, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_export_person, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_erase_leaves_no_trace, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("privacy", tests, NULL, NULL) ? 1 : 0;
}
