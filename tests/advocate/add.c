/* Adding, fetching and deactivating advocates. */
#include "fixture.h"
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_spec_init(void **state)
{
	(void)state;
	rf_advocate_spec s;
	memset(&s, 0x33, sizeof s);
	RFT_OK(rf_advocate_spec_init(&s, RF_ADVOCATE_SPEC_VERSION));
	assert_int_equal(s.version, RF_ADVOCATE_SPEC_VERSION);
	assert_null(s.external_id);
	assert_int_equal(s.kind, RF_ADVOCATE_CUSTOMER);
	assert_null(s.display_name);
	assert_null(s.email);
	RFT_RC(rf_advocate_spec_init(NULL, RF_ADVOCATE_SPEC_VERSION), RF_EINVALID);
	RFT_RC(rf_advocate_spec_init(&s, 0), RF_EVERSION);
	RFT_RC(rf_advocate_spec_init(&s, RF_ADVOCATE_SPEC_VERSION + 1), RF_EVERSION);
}

static void test_add_and_get(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 42;
	rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
	s.external_id = "user-1";
	s.kind = RF_ADVOCATE_EMPLOYEE;
	s.display_name = "Zo\xc3\xab";
	s.email = "zoe@example.com";
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_add(&a, f->store, &s));
	assert_non_null(a);
	assert_true(a->id > 0);
	assert_string_equal(a->external_id, "user-1");
	assert_int_equal(a->kind, RF_ADVOCATE_EMPLOYEE);
	assert_string_equal(a->display_name, "Zo\xc3\xab");
	assert_int_equal(a->status, RF_STATUS_ACTIVE);
	assert_int_equal(a->has_email, 1);
	assert_int_equal(a->created_at_ms, RFT_T0 + 42);

	rf_advocate *g = NULL;
	RFT_OK(rf_advocate_get(&g, f->store, "user-1"));
	assert_int_equal(g->id, a->id);
	assert_string_equal(g->external_id, a->external_id);
	assert_int_equal(g->kind, a->kind);
	assert_string_equal(g->display_name, a->display_name);
	assert_int_equal(g->has_email, 1);
	assert_int_equal(g->created_at_ms, a->created_at_ms);
	rf_advocate_free(g);
	rf_advocate_free(a);
	rf_advocate_free(NULL);

	/* minimal spec: customer, no name, no email; out may be NULL */
	rf_advocate_spec m = RF_ADVOCATE_SPEC_INIT;
	m.external_id = "user-2";
	RFT_OK(rf_advocate_add(NULL, f->store, &m));
	RFT_OK(rf_advocate_get(&g, f->store, "user-2"));
	assert_int_equal(g->kind, RF_ADVOCATE_CUSTOMER);
	assert_string_equal(g->display_name, "");
	assert_int_equal(g->has_email, 0);
	rf_advocate_free(g);
}

static void test_every_kind_and_limits(void **state)
{
	rft_fixture *f = *state;
	const int32_t kinds[] = { RF_ADVOCATE_CUSTOMER, RF_ADVOCATE_EMPLOYEE, RF_ADVOCATE_PARTNER,
				  RF_ADVOCATE_INFLUENCER };
	char id[16];
	for (size_t i = 0; i < 4; i++) {
		rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
		snprintf(id, sizeof id, "k%zu", i);
		s.external_id = id;
		s.kind = kinds[i];
		rf_advocate *a = NULL;
		RFT_OK(rf_advocate_add(&a, f->store, &s));
		assert_int_equal(a->kind, kinds[i]);
		rf_advocate_free(a);
	}
	char *max_id = rft_repeat('i', RF_MAX_ID_LEN);
	char *max_name = rft_repeat('n', RF_MAX_NAME_LEN);
	char *long_email = rft_repeat('e', RF_MAX_TEXT_LEN); /* exactly the limit */
	memcpy(long_email + RF_MAX_TEXT_LEN - 12, "@example.com", 12);
	rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
	s.external_id = max_id;
	s.display_name = max_name;
	s.email = long_email;
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_add(&a, f->store, &s));
	assert_string_equal(a->external_id, max_id);
	assert_string_equal(a->display_name, max_name);
	assert_int_equal(a->has_email, 1);
	rf_advocate_free(a);
	free(max_id);
	free(max_name);
	free(long_email);
	/* external ids are exact: case and Unicode matter */
	rf_advocate_spec u = RF_ADVOCATE_SPEC_INIT;
	u.external_id = "K0";
	RFT_OK(rf_advocate_add(NULL, f->store, &u));
	u.external_id = "\xc3\xa9l\xc3\xa8ve";
	RFT_OK(rf_advocate_add(NULL, f->store, &u));
	assert_int_equal(rft_advocate_count(f), 7);
}

static void add_fails(rft_fixture *f, const rf_advocate_spec *s, int want)
{
	char *before = rft_snapshot(f);
	rf_advocate *a = (rf_advocate *)&a;
	RFT_RC(rf_advocate_add(&a, f->store, s), want);
	assert_null(a);
	RFT_UNCHANGED(f, before);
}

static void test_add_failures(void **state)
{
	rft_fixture *f = *state;
	rft_advocate(f, "taken");
	char *long_id = rft_repeat('i', RF_MAX_ID_LEN + 1);
	char *long_name = rft_repeat('n', RF_MAX_NAME_LEN + 1);
	char *long_email = rft_repeat('e', RF_MAX_TEXT_LEN + 1);
	const rf_advocate_spec base = { RF_ADVOCATE_SPEC_VERSION, "new", RF_ADVOCATE_CUSTOMER,
					NULL, NULL, NULL, NULL, NULL, NULL };
	rf_advocate_spec s;

	add_fails(f, NULL, RF_EINVALID);
	const char *bad_ids[] = { NULL, "", long_id, "\xff\xfe", "ab\xc0\xaf" /* overlong */,
				  "\xed\xa0\x80" /* surrogate */ };
	for (size_t i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
		s = base;
		s.external_id = bad_ids[i];
		add_fails(f, &s, RF_EINVALID);
	}
	const int32_t bad_kinds[] = { 0, 5, -1 };
	for (size_t i = 0; i < 3; i++) {
		s = base;
		s.kind = bad_kinds[i];
		add_fails(f, &s, RF_EINVALID);
	}
	s = base;
	s.display_name = long_name;
	add_fails(f, &s, RF_EINVALID);
	s = base;
	s.display_name = "\xff\xfe";
	add_fails(f, &s, RF_EINVALID);
	s = base;
	s.email = long_email;
	add_fails(f, &s, RF_EINVALID);
	s = base;
	s.email = "bad\xff@example.com";
	add_fails(f, &s, RF_EINVALID);
	s = base;
	s.external_id = "taken";
	add_fails(f, &s, RF_EEXISTS);
	s.kind = RF_ADVOCATE_PARTNER;
	add_fails(f, &s, RF_EEXISTS);

	char *before = rft_snapshot(f);
	s = base;
	s.version = 0;
	RFT_BAD_VERSION(rf_advocate_add(NULL, f->store, &s));
	s.version = RF_ADVOCATE_SPEC_VERSION + 1;
	RFT_BAD_VERSION(rf_advocate_add(NULL, f->store, &s));
	s = base;
	RFT_RC(rf_advocate_add(NULL, NULL, &s), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	assert_int_equal(rft_advocate_count(f), 1);
	free(long_id);
	free(long_name);
	free(long_email);
}

static void test_get_failures(void **state)
{
	rft_fixture *f = *state;
	rft_advocate(f, "ann");
	rf_advocate *a = (rf_advocate *)&a;
	RFT_RC(rf_advocate_get(&a, f->store, "bob"), RF_ENOTFOUND);
	assert_null(a);
	a = (rf_advocate *)&a;
	RFT_RC(rf_advocate_get(&a, f->store, "ANN"), RF_ENOTFOUND);
	assert_null(a);
	char *long_id = rft_repeat('i', RF_MAX_ID_LEN + 1);
	RFT_RC(rf_advocate_get(&a, f->store, long_id), RF_EINVALID);
	free(long_id);
	RFT_RC(rf_advocate_get(&a, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_advocate_get(&a, f->store, ""), RF_EINVALID);
	RFT_RC(rf_advocate_get(&a, f->store, "\xff\xfe"), RF_EINVALID);
	RFT_RC(rf_advocate_get(NULL, f->store, "ann"), RF_EINVALID);
	RFT_RC(rf_advocate_get(&a, NULL, "ann"), RF_EINVALID);
}

static void test_deactivate(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann", code);
	RFT_OK(rft_click(f, code, "v1", RFT_T0, NULL));

	RFT_OK(rf_advocate_deactivate(f->store, "ann"));
	RFT_OK(rf_advocate_deactivate(f->store, "ann")); /* twice is harmless */
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_get(&a, f->store, "ann"));
	assert_int_equal(a->status, RF_STATUS_INACTIVE);
	rf_advocate_free(a);
	/* codes stop resolving; history stays */
	rf_code *c = NULL;
	RFT_RC(rf_code_resolve(&c, f->store, code), RF_EDISABLED);
	assert_int_equal(rft_stats(f, "p", "ann").touchpoints, 1);
	/* the external id stays taken */
	rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
	s.external_id = "ann";
	RFT_RC(rf_advocate_add(NULL, f->store, &s), RF_EEXISTS);

	char *before = rft_snapshot(f);
	RFT_RC(rf_advocate_deactivate(f->store, "nobody"), RF_ENOTFOUND);
	RFT_RC(rf_advocate_deactivate(f->store, NULL), RF_EINVALID);
	RFT_RC(rf_advocate_deactivate(f->store, ""), RF_EINVALID);
	RFT_RC(rf_advocate_deactivate(f->store, "\xff\xfe"), RF_EINVALID);
	RFT_RC(rf_advocate_deactivate(NULL, "ann"), RF_EINVALID);
	RFT_UNCHANGED(f, before);
}

int advocate_add_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_init),
		cmocka_unit_test_setup_teardown(test_add_and_get, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_every_kind_and_limits, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_add_failures, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_get_failures, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_deactivate, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("advocate_add", tests, NULL, NULL);
}
