/* Updating and archiving programs. */
#include "fixture.h"
#include "suite.h"

#include <stdlib.h>
#include <string.h>

static void test_update_name_only(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	f->now = RFT_T0 + 60000;
	rf_program *p = NULL;
	RFT_OK(rf_program_update(&p, f->store, "p", "Renamed", NULL));
	assert_string_equal(p->name, "Renamed");
	assert_int_equal(p->rules_version, 1);
	assert_int_equal(p->created_at_ms, RFT_T0);
	assert_int_equal(p->updated_at_ms, RFT_T0 + 60000);
	rf_program_free(p);
	RFT_OK(rf_program_get(&p, f->store, "p"));
	assert_string_equal(p->name, "Renamed");
	assert_int_equal(p->rules_version, 1);
	rf_program_free(p);
	/* out may be NULL; NULL name and rules keep everything */
	RFT_OK(rf_program_update(NULL, f->store, "p", NULL, NULL));
	RFT_OK(rf_program_get(&p, f->store, "p"));
	assert_string_equal(p->name, "Renamed");
	assert_int_equal(p->rules_version, 1);
	rf_program_free(p);
}

static void test_update_rules_bumps_version(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.model = RF_MODEL_FIRST_TOUCH;
	r.lookback_ms = 3 * RF_DAY_MS;
	rf_program *p = NULL;
	RFT_OK(rf_program_update(&p, f->store, "p", NULL, &r));
	assert_int_equal(p->rules_version, 2);
	assert_int_equal(p->rules->model, RF_MODEL_FIRST_TOUCH);
	assert_int_equal(p->rules->lookback_ms, 3 * RF_DAY_MS);
	assert_string_equal(p->name, "p");
	rf_program_free(p);

	/* the same rules again change nothing */
	RFT_OK(rf_program_update(&p, f->store, "p", NULL, &r));
	assert_int_equal(p->rules_version, 2);
	rf_program_free(p);

	r.lock_first_referrer = 1;
	RFT_OK(rf_program_update(NULL, f->store, "p", "new", &r));
	RFT_OK(rf_program_get(&p, f->store, "p"));
	assert_int_equal(p->rules_version, 3);
	assert_int_equal(p->rules->lock_first_referrer, 1);
	assert_string_equal(p->name, "new");
	rf_program_free(p);
}

static void update_fails(rft_fixture *f, const char *key, const char *name,
			 const rf_program_rules *rules, int want)
{
	char *before = rft_snapshot(f);
	rf_program *p = (rf_program *)&p;
	RFT_RC(rf_program_update(&p, f->store, key, name, rules), want);
	assert_null(p);
	RFT_UNCHANGED(f, before);
}

static void test_update_failures(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_program(f, "old", NULL);
	RFT_OK(rf_program_archive(f->store, "old"));
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	char *long_name = rft_repeat('n', RF_MAX_NAME_LEN + 1);
	char *long_key = rft_repeat('k', RF_MAX_ID_LEN + 1);

	update_fails(f, "nope", "x", NULL, RF_ENOTFOUND);
	update_fails(f, "old", "x", NULL, RF_EDISABLED);
	update_fails(f, "old", NULL, &r, RF_EDISABLED);
	update_fails(f, NULL, "x", NULL, RF_EINVALID);
	update_fails(f, "", "x", NULL, RF_EINVALID);
	update_fails(f, long_key, "x", NULL, RF_EINVALID);
	update_fails(f, "\xff\xfe", "x", NULL, RF_EINVALID);
	update_fails(f, "p", long_name, NULL, RF_EINVALID);
	update_fails(f, "p", "\xff\xfe", NULL, RF_EINVALID);
	r.code_length = RF_CODE_LENGTH_MAX + 1;
	update_fails(f, "p", "good name", &r, RF_EINVALID); /* nothing half-applied */
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.lookback_ms = 0;
	update_fails(f, "p", NULL, &r, RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.model = RF_MODEL_SHAPLEY + 1;
	update_fails(f, "p", NULL, &r, RF_EINVALID);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.version = 99;
	char *before = rft_snapshot(f);
	RFT_BAD_VERSION(rf_program_update(NULL, f->store, "p", NULL, &r));
	RFT_UNCHANGED(f, before);
	RFT_RC(rf_program_update(NULL, NULL, "p", "x", NULL), RF_EINVALID);
	free(long_name);
	free(long_key);
}

static void test_archive(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	RFT_OK(rf_program_archive(f->store, "p"));
	RFT_OK(rf_program_archive(f->store, "p")); /* twice is harmless */
	rf_program *p = NULL;
	RFT_OK(rf_program_get(&p, f->store, "p")); /* history stays */
	assert_int_equal(p->status, RF_STATUS_ARCHIVED);
	assert_int_equal(p->rules_version, 1);
	rf_program_free(p);
	/* the key stays taken */
	RFT_RC(rf_program_create(NULL, f->store, "p", NULL, NULL), RF_EEXISTS);

	char *before = rft_snapshot(f);
	RFT_RC(rf_program_archive(f->store, "nope"), RF_ENOTFOUND);
	RFT_RC(rf_program_archive(f->store, NULL), RF_EINVALID);
	RFT_RC(rf_program_archive(f->store, ""), RF_EINVALID);
	RFT_RC(rf_program_archive(f->store, "\xff\xfe"), RF_EINVALID);
	RFT_RC(rf_program_archive(NULL, "p"), RF_EINVALID);
	RFT_UNCHANGED(f, before);
}

static void test_archived_program_refuses_new_work(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann", code);
	RFT_OK(rft_click(f, code, "v1", RFT_T0, NULL));
	RFT_OK(rf_program_archive(f->store, "p"));

	char *before = rft_snapshot(f);
	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = "p";
	cs.advocate = "ann";
	RFT_RC(rf_code_issue(NULL, f->store, &cs), RF_EDISABLED);
	RFT_RC(rft_click(f, code, "v2", RFT_T0 + 1, NULL), RF_EDISABLED);
	RFT_RC(rft_convert(f, "p", "v1", "o1", 100, "EUR", RFT_T0 + 2), RF_EDISABLED);
	rf_code *c = (rf_code *)&c;
	RFT_RC(rf_code_resolve(&c, f->store, code), RF_EDISABLED);
	assert_null(c);
	RFT_UNCHANGED(f, before);
	assert_int_equal(rft_stats(f, "p", NULL).touchpoints, 1);
}

int program_update_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_update_name_only, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_update_rules_bumps_version, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_update_failures, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_archive, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_archived_program_refuses_new_work, rft_setup,
						rft_teardown),
	};
	return cmocka_run_group_tests_name("program_update", tests, NULL, NULL);
}
