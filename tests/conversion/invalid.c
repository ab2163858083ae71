/* Bad conversion input: every field, versions, unknown and archived
 * programs; nothing is written. */
#include "suite.h"

#include <stdlib.h>
#include <string.h>

static void test_spec_init(void **state)
{
	(void)state;
	rf_conversion_spec s;
	memset(&s, 0x55, sizeof s);
	RFT_OK(rf_conversion_spec_init(&s, RF_CONVERSION_SPEC_VERSION));
	assert_int_equal(s.version, RF_CONVERSION_SPEC_VERSION);
	assert_null(s.program);
	assert_null(s.visitor_id);
	assert_null(s.order_id);
	assert_int_equal(s.kind, RF_CONVERSION_PURCHASE);
	assert_int_equal(s.value_minor, 0);
	assert_null(s.currency);
	assert_int_equal(s.at_ms, 0);
	RFT_RC(rf_conversion_spec_init(NULL, RF_CONVERSION_SPEC_VERSION), RF_EINVALID);
	RFT_RC(rf_conversion_spec_init(&s, 0), RF_EVERSION);
	RFT_RC(rf_conversion_spec_init(&s, RF_CONVERSION_SPEC_VERSION + 1), RF_EVERSION);
}

static void record_fails(rft_fixture *f, const rf_conversion_spec *s, int want)
{
	char *before = rft_snapshot(f);
	rf_conversion *c = (rf_conversion *)&c;
	RFT_RC(rf_conversion_record(&c, f->store, s), want);
	assert_null(c);
	RFT_UNCHANGED(f, before);
}

static void test_record_bad_fields(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	char *long_id = rft_repeat('x', RF_MAX_ID_LEN + 1);
	const rf_conversion_spec base = { RF_CONVERSION_SPEC_VERSION, "last", "v", "o1",
					  RF_CONVERSION_PURCHASE, 100, "EUR", RFT_T0 + 1, NULL, NULL,
					  NULL, NULL, NULL, 0 };
	rf_conversion_spec s;
	record_fails(f, NULL, RF_EINVALID);
	const char *bad_text[] = { NULL, "", long_id, "\xff\xfe", "ok\xe2\x82" };
	for (size_t i = 0; i < 5; i++) {
		s = base;
		s.program = bad_text[i];
		record_fails(f, &s, RF_EINVALID);
		s = base;
		s.visitor_id = bad_text[i];
		record_fails(f, &s, RF_EINVALID);
		s = base;
		s.order_id = bad_text[i];
		record_fails(f, &s, RF_EINVALID);
	}
	const char *bad_currency[] = { NULL, "", "EU", "EURO", "E1R", "E R", "\xff\xfe\xfd", "\xc3\x89UR" };
	for (size_t i = 0; i < sizeof bad_currency / sizeof bad_currency[0]; i++) {
		s = base;
		s.currency = bad_currency[i];
		record_fails(f, &s, RF_EINVALID);
	}
	const int32_t bad_kind[] = { 0, 5, -1 };
	for (size_t i = 0; i < 3; i++) {
		s = base;
		s.kind = bad_kind[i];
		record_fails(f, &s, RF_EINVALID);
	}
	s = base;
	s.value_minor = -1;
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.value_minor = INT64_MIN;
	record_fails(f, &s, RF_EINVALID);
	s = base;
	s.at_ms = -1;
	record_fails(f, &s, RF_EINVALID);

	char *before = rft_snapshot(f);
	s = base;
	s.version = 0;
	RFT_BAD_VERSION(rf_conversion_record(NULL, f->store, &s));
	s.version = RF_CONVERSION_SPEC_VERSION + 1;
	RFT_BAD_VERSION(rf_conversion_record(NULL, f->store, &s));
	RFT_RC(rf_conversion_record(NULL, NULL, &base), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	assert_int_equal(rft_stats(f, "last", NULL).conversions, 0);
	rf_code *k = NULL;
	RFT_OK(rf_code_get(&k, f->store, CODE_ANN_LAST(f)));
	assert_int_equal(k->uses, 0);
	rf_code_free(k);
	free(long_id);

	/* the limits themselves pass */
	char *max_id = rft_repeat('m', RF_MAX_ID_LEN);
	s = base;
	s.visitor_id = max_id;
	s.order_id = max_id;
	RFT_OK(rf_conversion_record(NULL, f->store, &s));
	free(max_id);
}

static void test_record_unknown_or_archived_program(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", RFT_T0, NULL));
	RFT_OK(conv_record(f, NULL, "last", "v", "kept", 100, "EUR", RFT_T0 + 1));
	const rf_conversion_spec base = { RF_CONVERSION_SPEC_VERSION, "nope", "v", "o1",
					  RF_CONVERSION_PURCHASE, 100, "EUR", RFT_T0 + 1, NULL, NULL,
					  NULL, NULL, NULL, 0 };
	record_fails(f, &base, RF_ENOTFOUND);
	RFT_OK(rf_program_archive(f->store, "last"));
	rf_conversion_spec s = base;
	s.program = "last";
	record_fails(f, &s, RF_EDISABLED);
	/* history stays readable */
	rf_conversion *c = NULL;
	RFT_OK(rf_conversion_get(&c, f->store, "last", "kept"));
	assert_string_equal(c->credits[0]->advocate, "ann");
	rf_conversion_free(c);
	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "last", "kept"));
	rf_explanation_free(e);
}

static void test_get_failures(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(conv_record(f, NULL, "last", "v", "o1", 10, "EUR", RFT_T0));
	char *long_id = rft_repeat('x', RF_MAX_ID_LEN + 1);
	rf_conversion *c = (rf_conversion *)&c;
	RFT_RC(rf_conversion_get(&c, f->store, "last", "o2"), RF_ENOTFOUND);
	assert_null(c);
	c = (rf_conversion *)&c;
	RFT_RC(rf_conversion_get(&c, f->store, "first", "o1"), RF_ENOTFOUND);
	assert_null(c);
	RFT_RC(rf_conversion_get(&c, f->store, "nope", "o1"), RF_ENOTFOUND);
	RFT_RC(rf_conversion_get(&c, f->store, "last", "O1"), RF_ENOTFOUND);
	const char *bad[] = { NULL, "", long_id, "\xff\xfe" };
	for (size_t i = 0; i < 4; i++) {
		RFT_RC(rf_conversion_get(&c, f->store, bad[i], "o1"), RF_EINVALID);
		RFT_RC(rf_conversion_get(&c, f->store, "last", bad[i]), RF_EINVALID);
	}
	RFT_RC(rf_conversion_get(NULL, f->store, "last", "o1"), RF_EINVALID);
	RFT_RC(rf_conversion_get(&c, NULL, "last", "o1"), RF_EINVALID);
	free(long_id);
}

int conversion_invalid_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_init),
		cmocka_unit_test_setup_teardown(test_record_bad_fields, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_record_unknown_or_archived_program, conv_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_get_failures, conv_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("conversion_invalid", tests, NULL, NULL);
}
