/* Explanation records: what was considered, what won, and why. */
#include "suite.h"

#include <stdlib.h>
#include <string.h>

static void test_explanation_last_touch(void **state)
{
	rft_fixture *f = *state;
	const int64_t at = RFT_T0 + 40 * RF_DAY_MS;
	int64_t old_id = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", at - 31 * RF_DAY_MS, &old_id)); /* outside */
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", at - 3 * RF_DAY_MS, &t1));
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "v", at - 2 * RF_DAY_MS, &t2));
	RFT_OK(rft_click(f, CODE_ANN_LAST(f), "v", at - RF_DAY_MS, &t3));
	/* bob again, a day after his first touch: not a duplicate */
	RFT_OK(rft_click(f, CODE_BOB_LAST(f), "v", at - RF_DAY_MS + 1000, &t4));
	RFT_OK(conv_record(f, NULL, "last", "v", "o1", 1001, "EUR", at));

	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "last", "o1"));
	assert_non_null(e);
	assert_string_equal(e->program, "last");
	assert_string_equal(e->order_id, "o1");
	assert_int_equal(e->model, RF_MODEL_LAST_TOUCH);
	assert_int_equal(e->rules_version, 1);
	assert_int_equal(e->lookback_ms, 30 * RF_DAY_MS);
	assert_int_equal(e->window_start_ms, at - 30 * RF_DAY_MS);
	assert_int_equal(e->window_end_ms, at);
	assert_non_null(e->summary);
	assert_true(strlen(e->summary) > 0);
	assert_null(strchr(e->summary, '\n'));

	assert_int_equal(e->touch_count, 4);
	const int64_t ids[] = { t1, t2, t3, t4 };
	const char *advocates[] = { "ann", "bob", "ann", "bob" };
	int64_t sum = 0;
	double w = 0;
	for (size_t i = 0; i < e->touch_count; i++) {
		const rf_explained_touch *t = e->touches[i];
		assert_int_equal(t->touchpoint_id, ids[i]);
		assert_int_not_equal(t->touchpoint_id, old_id);
		assert_string_equal(t->advocate, advocates[i]);
		assert_int_equal(t->kind, RF_TOUCH_CLICK);
		assert_int_equal(t->channel, RF_CHANNEL_NONE);
		if (i > 0)
			assert_true(t->at_ms >= e->touches[i - 1]->at_ms); /* oldest first */
		assert_non_null(t->note);
		assert_true(strlen(t->note) > 0);
		sum += t->value_minor;
		w += t->weight;
	}
	/* the last touch won everything */
	const rf_explained_touch *won = e->touches[3];
	assert_string_equal(won->code, CODE_BOB_LAST(f));
	assert_float_equal(won->weight, 1.0, 1e-12);
	assert_int_equal(won->value_minor, 1001);
	for (size_t i = 0; i < 3; i++) {
		assert_float_equal(e->touches[i]->weight, 0.0, 1e-12);
		assert_int_equal(e->touches[i]->value_minor, 0);
		assert_string_not_equal(e->touches[i]->note, won->note);
	}
	assert_int_equal(sum, 1001);
	assert_float_equal(w, 1.0, 1e-12);
	rf_explanation_free(e);
	rf_explanation_free(NULL);
}

static void test_explanation_first_touch_and_empty(void **state)
{
	rft_fixture *f = *state;
	int64_t t1 = 0;
	RFT_OK(rft_click(f, CODE_BOB_FIRST(f), "v", RFT_T0, &t1));
	RFT_OK(rft_click(f, CODE_ANN_FIRST(f), "v", RFT_T0 + 1, NULL));
	RFT_OK(conv_record(f, NULL, "first", "v", "o1", 10, "EUR", RFT_T0 + 2));
	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "first", "o1"));
	assert_int_equal(e->model, RF_MODEL_FIRST_TOUCH);
	assert_int_equal(e->touch_count, 2);
	assert_int_equal(e->touches[0]->touchpoint_id, t1);
	assert_float_equal(e->touches[0]->weight, 1.0, 1e-12);
	assert_int_equal(e->touches[0]->value_minor, 10);
	assert_float_equal(e->touches[1]->weight, 0.0, 1e-12);
	rf_explanation_free(e);

	/* unattributed: an explanation with no touch */
	RFT_OK(conv_record(f, NULL, "first", "nobody", "o2", 10, "EUR", RFT_T0 + 2));
	RFT_OK(rf_explanation_get(&e, f->store, "first", "o2"));
	assert_int_equal(e->touch_count, 0);
	assert_int_equal(e->window_end_ms, RFT_T0 + 2);
	assert_int_equal(e->window_start_ms, RFT_T0 + 2 - 30 * RF_DAY_MS);
	assert_true(strlen(e->summary) > 0);
	rf_explanation_free(e);
}

static void test_explanation_get_failures(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(conv_record(f, NULL, "last", "v", "o1", 10, "EUR", RFT_T0));
	char *long_id = rft_repeat('x', RF_MAX_ID_LEN + 1);
	rf_explanation *e = (rf_explanation *)&e;
	RFT_RC(rf_explanation_get(&e, f->store, "last", "o2"), RF_ENOTFOUND);
	assert_null(e);
	e = (rf_explanation *)&e;
	RFT_RC(rf_explanation_get(&e, f->store, "first", "o1"), RF_ENOTFOUND);
	assert_null(e);
	RFT_RC(rf_explanation_get(&e, f->store, "nope", "o1"), RF_ENOTFOUND);
	const char *bad[] = { NULL, "", long_id, "\xff\xfe" };
	for (size_t i = 0; i < 4; i++) {
		RFT_RC(rf_explanation_get(&e, f->store, bad[i], "o1"), RF_EINVALID);
		RFT_RC(rf_explanation_get(&e, f->store, "last", bad[i]), RF_EINVALID);
	}
	RFT_RC(rf_explanation_get(NULL, f->store, "last", "o1"), RF_EINVALID);
	RFT_RC(rf_explanation_get(&e, NULL, "last", "o1"), RF_EINVALID);
	free(long_id);
}

int conversion_explanation_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_explanation_last_touch, conv_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_explanation_first_touch_and_empty, conv_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_explanation_get_failures, conv_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("conversion_explanation", tests, NULL, NULL);
}
