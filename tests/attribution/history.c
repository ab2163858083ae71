/* Fitting data-driven models on history, and replaying history under
 * other rules without writing anything. */
#include "suite.h"

/* Journeys over ann, bob, cat: ann alone converts twice, ann > bob once,
 * bob alone never, cat alone once. */
static void history(rft_fixture *f, const char *key, int32_t model)
{
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, key, model, codes);
	struct {
		const char *visitor;
		int a, b; /* code indexes, -1: none */
		int converts;
	} journeys[] = { { "v1", 0, -1, 1 }, { "v2", 0, -1, 1 }, { "v3", 0, 1, 1 },
			 { "v4", 1, -1, 0 }, { "v5", 1, -1, 0 }, { "v6", 2, -1, 1 } };
	for (size_t j = 0; j < sizeof(journeys) / sizeof(journeys[0]); j++) {
		int64_t t = RFT_T0 + (int64_t)j * H;
		RFT_OK(rft_click(f, codes[journeys[j].a], journeys[j].visitor, t, NULL));
		if (journeys[j].b >= 0)
			RFT_OK(rft_click(f, codes[journeys[j].b], journeys[j].visitor, t + 1, NULL));
		if (journeys[j].converts) {
			char order[32];
			snprintf(order, sizeof(order), "%s-%s", key, journeys[j].visitor);
			RFT_OK(convert(f, NULL, key, journeys[j].visitor, order,
				       RF_CONVERSION_PURCHASE, 100, t + 2, NULL, NULL));
		}
	}
}

static double fitted(const rf_fit *fit, const char *advocate)
{
	for (size_t i = 0; i < fit->count; i++) {
		if (strcmp(fit->values[i]->advocate, advocate) == 0)
			return fit->values[i]->value;
	}
	fail_msg("no fitted value for %s", advocate);
	return 0;
}

static void test_fit_shapley(void **state)
{
	rft_fixture *f = *state;
	history(f, "h", RF_MODEL_SHAPLEY);
	/* before any fit: linear fallback, and the explanation says so */
	rf_conversion *c = NULL;
	RFT_OK(rf_conversion_get(&c, f->store, "h", "h-v3"));
	assert_float_equal(weight_of(c, "ann"), 0.5, 1e-12);
	rf_conversion_free(c);
	rf_explanation *e = NULL;
	RFT_OK(rf_explanation_get(&e, f->store, "h", "h-v3"));
	assert_string_equal(e->parameters, "no fitted model: linear");
	rf_explanation_free(e);

	rf_fit *fit = NULL;
	RFT_OK(rf_model_fit(&fit, f->store, "h", RF_MODEL_SHAPLEY));
	assert_int_equal(fit->journeys, 6);
	assert_int_equal(fit->conversions, 4);
	/* ann: 1 + 1 + 1/2; bob: 1/2; cat: 1 */
	assert_float_equal(fitted(fit, "ann"), 2.5, 1e-12);
	assert_float_equal(fitted(fit, "bob"), 0.5, 1e-12);
	assert_float_equal(fitted(fit, "cat"), 1.0, 1e-12);
	assert_string_equal(fit->values[0]->advocate, "ann");
	assert_float_equal(fit->values[0]->weight, 2.5 / 4.0, 1e-12);
	rf_fit_free(fit);

	/* a new ann > bob conversion now splits 2.5 : 0.5 */
	char ann[RF_CODE_BUFSIZE], bob[RF_CODE_BUFSIZE];
	rft_code(f, "h", "ann", ann);
	rft_code(f, "h", "bob", bob);
	RFT_OK(rft_click(f, ann, "w", RFT_T0 + D, NULL));
	RFT_OK(rft_click(f, bob, "w", RFT_T0 + D + 1, NULL));
	RFT_OK(convert(f, &c, "h", "w", "new", RF_CONVERSION_PURCHASE, 600, RFT_T0 + D + 2, NULL,
		       NULL));
	assert_int_equal(value_of(c, "ann"), 500);
	assert_int_equal(value_of(c, "bob"), 100);
	rf_conversion_free(c);
}

static void test_fit_markov(void **state)
{
	rft_fixture *f = *state;
	history(f, "m", RF_MODEL_MARKOV);
	rf_fit *fit = NULL;
	RFT_OK(rf_model_fit(&fit, f->store, "m", RF_MODEL_MARKOV));
	assert_int_equal(fit->model, RF_MODEL_MARKOV);
	assert_true(fit->p_conversion > 0.0 && fit->p_conversion < 1.0);
	/* By hand: P(bob -> conv) = 1/3, P(ann -> conv) = 2/3 + 1/3 * 1/3 = 7/9,
	 * P(conv) = 3/6 * 7/9 + 2/6 * 1/3 + 1/6 = 2/3. Without ann: 2/6 * 1/3
	 * + 1/6 = 5/18, effect 7/12; without bob: 3/6 * 2/3 + 1/6 = 1/2,
	 * effect 1/4; without cat: 2/3 - 1/6, effect 1/4. */
	assert_float_equal(fit->p_conversion, 2.0 / 3.0, 1e-9);
	assert_float_equal(fitted(fit, "ann"), 7.0 / 12.0, 1e-9);
	assert_float_equal(fitted(fit, "bob"), 0.25, 1e-9);
	assert_float_equal(fitted(fit, "cat"), 0.25, 1e-9);
	rf_fit_free(fit);
	RFT_OK(rf_model_fit(NULL, f->store, "m", RF_MODEL_MARKOV)); /* refit, no result */
	RFT_RC(rf_model_fit(&fit, f->store, "m", RF_MODEL_LINEAR), RF_EINVALID);
	RFT_RC(rf_model_fit(&fit, f->store, "nope", RF_MODEL_MARKOV), RF_ENOTFOUND);
	char codes[3][RF_CODE_BUFSIZE];
	scene(f, "empty", RF_MODEL_MARKOV, codes);
	RFT_RC(rf_model_fit(&fit, f->store, "empty", RF_MODEL_MARKOV), RF_ERROR);
	assert_null(fit);
}

static void test_replay_first_touch(void **state)
{
	rft_fixture *f = *state;
	history(f, "r", RF_MODEL_LAST_TOUCH);
	char *before = rft_snapshot(f);
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.model = RF_MODEL_FIRST_TOUCH;
	rf_replay *rp = NULL;
	RFT_OK(rf_replay_run(&rp, f->store, "r", &r, 0, 0));
	RFT_UNCHANGED(f, before);
	assert_int_equal(rp->conversions, 4);
	assert_int_equal(rp->changed, 1); /* only v3 (ann > bob) moves: bob -> ann */
	int seen_ann = 0, seen_bob = 0;
	for (size_t i = 0; i < rp->count; i++) {
		const rf_replay_row *row = rp->rows[i];
		assert_string_equal(row->currency, "EUR");
		if (row->target == RF_TARGET_ADVOCATE && strcmp(row->name, "ann") == 0) {
			seen_ann = 1;
			assert_int_equal(row->current_value_minor, 200);
			assert_int_equal(row->replay_value_minor, 300);
			assert_float_equal(row->replay_conversions, 3.0, 1e-12);
		}
		if (row->target == RF_TARGET_ADVOCATE && strcmp(row->name, "bob") == 0) {
			seen_bob = 1;
			assert_int_equal(row->current_value_minor, 100);
			assert_int_equal(row->replay_value_minor, 0);
		}
		if (row->target == RF_TARGET_CHANNEL)
			assert_string_equal(row->name, "none");
	}
	assert_true(seen_ann && seen_bob);
	assert_int_equal(rp->rows[0]->target, RF_TARGET_ADVOCATE);
	assert_int_equal(rp->rows[rp->count - 1]->target, RF_TARGET_CHANNEL);
	rf_replay_free(rp);

	/* the same rules as stored: nothing changes; a narrow window: some lose credit */
	RFT_OK(rf_replay_run(&rp, f->store, "r", &(rf_program_rules)RF_PROGRAM_RULES_INIT, 0, 0));
	assert_int_equal(rp->changed, 0);
	rf_replay_free(rp);
	r = (rf_program_rules)RF_PROGRAM_RULES_INIT;
	r.lookback_ms = 1; /* only touches 1 ms before count: v3 keeps bob, the rest lose all */
	RFT_OK(rf_replay_run(&rp, f->store, "r", &r, 0, 0));
	assert_int_equal(rp->changed, 3);
	rf_replay_free(rp);
	/* a period with nothing in it, and bad input */
	RFT_OK(rf_replay_run(&rp, f->store, "r", &r, RFT_T0 + 100 * D, 0));
	assert_int_equal(rp->conversions, 0);
	assert_int_equal(rp->count, 0);
	rf_replay_free(rp);
	RFT_RC(rf_replay_run(&rp, f->store, "r", NULL, 0, 0), RF_EINVALID);
	RFT_RC(rf_replay_run(&rp, f->store, "r", &r, 10, 5), RF_EINVALID);
	RFT_RC(rf_replay_run(&rp, f->store, "nope", &r, 0, 0), RF_ENOTFOUND);
	r.model = 0;
	RFT_RC(rf_replay_run(&rp, f->store, "r", &r, 0, 0), RF_EINVALID);
	assert_null(rp);
}

typedef struct progress_log {
	int calls, stop_at;
	uint64_t first, last, total;
	int monotone;
} progress_log;

static int log_progress(void *ctx, const char *operation, uint64_t done, uint64_t total)
{
	progress_log *l = ctx;
	assert_string_equal(operation, "replay");
	if (l->calls++ == 0)
		l->first = done;
	else if (done < l->last)
		l->monotone = 0;
	l->last = done;
	l->total = total;
	return l->stop_at && done >= (uint64_t)l->stop_at;
}

static void test_replay_progress(void **state)
{
	rft_fixture *f = *state;
	history(f, "r", RF_MODEL_LAST_TOUCH);
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.model = RF_MODEL_FIRST_TOUCH;
	rf_replay *rp = NULL;
	progress_log l = { 0, 0, 99, 0, 0, 1 };
	RFT_OK(rf_store_set_progress(f->store, log_progress, &l));
	RFT_OK(rf_replay_run(&rp, f->store, "r", &r, 0, 0));
	assert_int_equal(rp->conversions, 4);
	rf_replay_free(rp);
	/* 0 first, then each of the 4 conversions, the last one once */
	assert_int_equal(l.calls, 5);
	assert_int_equal(l.first, 0);
	assert_int_equal(l.last, 4);
	assert_int_equal(l.total, 4);
	assert_true(l.monotone);

	/* the callback stops it half way: canceled, nothing returned */
	l = (progress_log){ 0, 2, 99, 0, 0, 1 };
	RFT_RC(rf_replay_run(&rp, f->store, "r", &r, 0, 0), RF_ECANCELED);
	assert_null(rp);
	assert_non_null(strstr(rf_error_last()->message, "replay"));
	assert_int_equal(l.last, 2);

	/* no callback: not called again */
	RFT_OK(rf_store_set_progress(f->store, NULL, NULL));
	l.calls = 0;
	RFT_OK(rf_replay_run(&rp, f->store, "r", &r, 0, 0));
	rf_replay_free(rp);
	assert_int_equal(l.calls, 0);
}

int attribution_history_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fit_shapley, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_fit_markov, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_replay_first_touch, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_replay_progress, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("attribution_history", tests, NULL, NULL);
}
