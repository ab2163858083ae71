/* test_code: issuing, resolving, normalising and disabling codes. */
#include "suite.h"

int code_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	if (rf_program_create(NULL, f->store, "p", NULL, NULL) != RF_OK)
		return -1;
	rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
	s.external_id = "ann";
	return rf_advocate_add(NULL, f->store, &s) == RF_OK ? 0 : -1;
}

int code_issue(rft_fixture *f, rf_code **out, int32_t channel, const char *vanity,
	       int64_t expires_at_ms, int64_t max_uses)
{
	rf_code_spec s = RF_CODE_SPEC_INIT;
	s.program = "p";
	s.advocate = "ann";
	s.channel = channel;
	s.vanity = vanity;
	s.expires_at_ms = expires_at_ms;
	s.max_uses = max_uses;
	int rc = rf_code_issue(out, f->store, &s);
	if (rc == RF_OK && out && *out)
		rft_track_code(f, (*out)->code);
	return rc;
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = code_normalize_tests();
	failed += code_issue_tests();
	failed += code_vanity_tests();
	failed += code_resolve_tests();
	return failed ? 1 : 0;
}
