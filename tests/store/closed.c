/* A closed store: every call fails with RF_EMISUSE and resets `*out`. */
#include "fixture.h"
#include "suite.h"

#include <string.h>

#define SENTINEL(T) ((T *)(uintptr_t)0x1)

static void test_close_then_everything_misuse(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann", code);
	RFT_OK(rft_click(f, code, "v1", RFT_T0, NULL));
	RFT_OK(rft_convert(f, "p", "v1", "o1", 100, "EUR", RFT_T0 + 1));

	RFT_OK(rf_store_close(f->store));
	RFT_OK(rf_store_close(f->store)); /* twice is harmless */
	rf_store *s = f->store;

	int64_t now = 0;
	RFT_RC(rf_store_now(&now, s), RF_EMISUSE);
	RFT_RC(rf_store_check(s), RF_EMISUSE);

	rf_program *p = SENTINEL(rf_program);
	RFT_RC(rf_program_create(&p, s, "q", NULL, NULL), RF_EMISUSE);
	assert_null(p);
	p = SENTINEL(rf_program);
	RFT_RC(rf_program_get(&p, s, "p"), RF_EMISUSE);
	assert_null(p);
	p = SENTINEL(rf_program);
	RFT_RC(rf_program_update(&p, s, "p", "new name", NULL), RF_EMISUSE);
	assert_null(p);
	RFT_RC(rf_program_archive(s, "p"), RF_EMISUSE);
	rf_programs *pl = SENTINEL(rf_programs);
	RFT_RC(rf_program_list(&pl, s, 0), RF_EMISUSE);
	assert_null(pl);

	rf_advocate_spec as = RF_ADVOCATE_SPEC_INIT;
	as.external_id = "bob";
	rf_advocate *a = SENTINEL(rf_advocate);
	RFT_RC(rf_advocate_add(&a, s, &as), RF_EMISUSE);
	assert_null(a);
	a = SENTINEL(rf_advocate);
	RFT_RC(rf_advocate_get(&a, s, "ann"), RF_EMISUSE);
	assert_null(a);
	rf_advocates *al = SENTINEL(rf_advocates);
	RFT_RC(rf_advocate_list(&al, s, 0, 10), RF_EMISUSE);
	assert_null(al);
	RFT_RC(rf_advocate_deactivate(s, "ann"), RF_EMISUSE);

	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = "p";
	cs.advocate = "ann";
	rf_code *c = SENTINEL(rf_code);
	RFT_RC(rf_code_issue(&c, s, &cs), RF_EMISUSE);
	assert_null(c);
	c = SENTINEL(rf_code);
	RFT_RC(rf_code_resolve(&c, s, code), RF_EMISUSE);
	assert_null(c);
	c = SENTINEL(rf_code);
	RFT_RC(rf_code_get(&c, s, code), RF_EMISUSE);
	assert_null(c);
	RFT_RC(rf_code_disable(s, code), RF_EMISUSE);
	rf_codes *cl = SENTINEL(rf_codes);
	RFT_RC(rf_code_list(&cl, s, "p", "ann"), RF_EMISUSE);
	assert_null(cl);

	rf_touchpoint_spec ts = RF_TOUCHPOINT_SPEC_INIT;
	ts.code = code;
	ts.visitor_id = "v2";
	rf_touchpoint *t = SENTINEL(rf_touchpoint);
	RFT_RC(rf_touchpoint_record(&t, s, &ts), RF_EMISUSE);
	assert_null(t);
	const rf_touchpoint_spec *batch[] = { &ts };
	RFT_RC(rf_touchpoint_record_batch(s, batch, 1), RF_EMISUSE);

	rf_conversion_spec vs = RF_CONVERSION_SPEC_INIT;
	vs.program = "p";
	vs.visitor_id = "v2";
	vs.order_id = "o2";
	vs.currency = "EUR";
	rf_conversion *v = SENTINEL(rf_conversion);
	RFT_RC(rf_conversion_record(&v, s, &vs), RF_EMISUSE);
	assert_null(v);
	v = SENTINEL(rf_conversion);
	RFT_RC(rf_conversion_get(&v, s, "p", "o1"), RF_EMISUSE);
	assert_null(v);
	rf_explanation *e = SENTINEL(rf_explanation);
	RFT_RC(rf_explanation_get(&e, s, "p", "o1"), RF_EMISUSE);
	assert_null(e);

	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = "p";
	rf_stats *st = SENTINEL(rf_stats);
	RFT_RC(rf_stats_get(&st, s, &q), RF_EMISUSE);
	assert_null(st);

	/* nothing was written while closed */
	rft_reopen(f);
	assert_int_equal(rft_program_count(f), 1);
	assert_int_equal(rft_advocate_count(f), 1);
	rft_counts n = rft_stats(f, "p", NULL);
	assert_int_equal(n.touchpoints, 1);
	assert_int_equal(n.conversions, 1);
	rf_advocate *ann = NULL;
	RFT_OK(rf_advocate_get(&ann, f->store, "ann"));
	assert_int_equal(ann->status, RF_STATUS_ACTIVE);
	rf_advocate_free(ann);
	rf_code *still = NULL;
	RFT_OK(rf_code_resolve(&still, f->store, code));
	rf_code_free(still);
}

static void test_free_without_close(void **state)
{
	(void)state;
	rf_store *s = NULL;
	RFT_OK(rf_store_open(&s, ":memory:", NULL));
	RFT_OK(rf_program_create(NULL, s, "p", NULL, NULL));
	rf_store_free(s); /* closes and releases; valgrind checks for leaks */

	RFT_OK(rf_store_open(&s, ":memory:", NULL));
	RFT_OK(rf_store_close(s));
	rf_store_free(s);
}

int store_closed_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_close_then_everything_misuse, rft_setup,
						rft_teardown),
		cmocka_unit_test(test_free_without_close),
	};
	return cmocka_run_group_tests_name("store_closed", tests, NULL, NULL);
}
