/* Batches: one transaction, all or nothing. */
#include "oracle.h"
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 60 };

typedef struct batch {
	rf_touchpoint_spec specs[N];
	const rf_touchpoint_spec *ptrs[N];
	char visitors[N][16];
} batch;

static void fill(rft_fixture *f, batch *b)
{
	for (int i = 0; i < N; i++) {
		rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
		snprintf(b->visitors[i], sizeof b->visitors[i], "bv%02d", i % 40);
		s.code = tp_code(f, i % 2);
		s.visitor_id = b->visitors[i];
		s.at_ms = RFT_T0 + i * 1000;
		s.kind = (int32_t)(1 + i % 3);
		b->specs[i] = s;
		b->ptrs[i] = &b->specs[i];
	}
}

static void test_batch_records_all(void **state)
{
	rft_fixture *f = *state;
	batch b;
	fill(f, &b);
	RFT_OK(rf_touchpoint_record_batch(f->store, b.ptrs, N));
	rft_counts all = rft_stats(f, "p", NULL);
	assert_int_equal(all.touchpoints, N);
	assert_int_equal(all.unique_visitors, 40);
	/* visitors 0..19 touch the same code twice, 40 s apart: duplicates */
	assert_int_equal(all.unique_touchpoints, 40);
	rft_counts ann = rft_stats(f, "p", "ann");
	rft_counts bob = rft_stats(f, "p", "bob");
	assert_int_equal(ann.touchpoints + bob.touchpoints, N);
	assert_int_equal(ann.touchpoints, N / 2);
}

static void test_batch_empty(void **state)
{
	rft_fixture *f = *state;
	batch b;
	fill(f, &b);
	RFT_OK(rf_touchpoint_record_batch(f->store, b.ptrs, 0));
	assert_int_equal(rft_stats(f, "p", NULL).touchpoints, 0);
}

/* Break spec `at` with `breaker`, expect `want`, nothing stored, and the
 * index named in the message. */
static void batch_fails(rft_fixture *f, size_t at, void (*breaker)(rf_touchpoint_spec *),
			int want)
{
	batch b;
	fill(f, &b);
	breaker(&b.specs[at]);
	char *before = rft_snapshot(f);
	RFT_RC(rf_touchpoint_record_batch(f->store, b.ptrs, N), want);
	char idx[16];
	snprintf(idx, sizeof idx, "%zu", at);
	const char *msg = rf_error_last()->message;
	if (!strstr(msg, idx))
		fail_msg("batch error \"%s\" does not name index %zu", msg, at);
	RFT_UNCHANGED(f, before);
}

static char unknown_code[RF_CODE_BUFSIZE];
static void no_visitor(rf_touchpoint_spec *s) { s->visitor_id = NULL; }
static void bad_utf8(rf_touchpoint_spec *s) { s->visitor_id = "\xff\xfe"; }
static void bad_kind(rf_touchpoint_spec *s) { s->kind = 77; }
static void bad_version(rf_touchpoint_spec *s) { s->version = 99; }
static void unknown(rf_touchpoint_spec *s) { s->code = unknown_code; }
static void no_code(rf_touchpoint_spec *s) { s->code = NULL; }

static void test_batch_all_or_nothing(void **state)
{
	rft_fixture *f = *state;
	snprintf(unknown_code, sizeof unknown_code, "%s", "MMMMMMMM");
	unknown_code[8] = rft_luhn_check(RFT_ALPHABET, unknown_code, 8);
	unknown_code[9] = '\0';
	batch_fails(f, 37, no_visitor, RF_EINVALID); /* every spec needs a visitor */
	batch_fails(f, 53, bad_utf8, RF_EINVALID);
	batch_fails(f, 41, bad_kind, RF_EINVALID);
	batch_fails(f, 29, unknown, RF_ENOTFOUND);
	batch_fails(f, 59, no_code, RF_EINVALID);
	batch_fails(f, 0, unknown, RF_ENOTFOUND);

	batch b;
	fill(f, &b);
	bad_version(&b.specs[33]);
	char *before = rft_snapshot(f);
	RFT_BAD_VERSION(rf_touchpoint_record_batch(f->store, b.ptrs, N));
	RFT_UNCHANGED(f, before);
}

static void test_batch_code_disabled_midway(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rf_code_disable(f->store, tp_code(f, 1)));
	batch b;
	fill(f, &b); /* odd specs use the disabled code */
	char *before = rft_snapshot(f);
	RFT_RC(rf_touchpoint_record_batch(f->store, b.ptrs, N), RF_EDISABLED);
	RFT_UNCHANGED(f, before);
}

static void test_batch_bad_arguments(void **state)
{
	rft_fixture *f = *state;
	batch b;
	fill(f, &b);
	char *before = rft_snapshot(f);
	RFT_RC(rf_touchpoint_record_batch(NULL, b.ptrs, N), RF_EINVALID);
	RFT_RC(rf_touchpoint_record_batch(f->store, NULL, 3), RF_EINVALID);
	b.ptrs[12] = NULL;
	RFT_RC(rf_touchpoint_record_batch(f->store, b.ptrs, N), RF_EINVALID);
	RFT_UNCHANGED(f, before);
}

int touchpoint_batch_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_batch_records_all, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_batch_empty, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_batch_all_or_nothing, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_batch_code_disabled_midway, tp_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_batch_bad_arguments, tp_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("touchpoint_batch", tests, NULL, NULL);
}
