/* Offline path attribution through the public rf_paths API. */
#include "suite.h"

static double credit_of(const rf_path_credits *r, const char *channel, int value)
{
	for (size_t i = 0; i < r->count; i++) {
		if (strcmp(r->items[i]->channel, channel) == 0)
			return value ? r->items[i]->value : r->items[i]->conversions;
	}
	fail_msg("no channel %s", channel);
	return 0;
}

static rf_path_credits *run(int32_t model, int add_puzyrov)
{
	rf_paths_options o;
	assert_int_equal(rf_paths_options_init(&o, RF_PATHS_OPTIONS_VERSION), RF_OK);
	o.model = model;
	rf_paths *p = NULL;
	RFT_OK(rf_paths_new(&p, &o));
	if (add_puzyrov) {
		RFT_OK(rf_paths_add(p, "google ads", 2, 20, 0));
		RFT_OK(rf_paths_add(p, "mailing", 1, 10, 0));
		RFT_OK(rf_paths_add(p, " google ads >mailing ", 1, 10, 0));
		RFT_OK(rf_paths_add(p, "google ads", 0, 0, 1));
	}
	rf_path_credits *r = NULL;
	int rc = rf_paths_result(&r, p);
	rf_paths_free(p);
	return rc == RF_OK ? r : NULL;
}

static void test_markov_and_order(void **state)
{
	(void)state;
	rf_path_credits *r = run(RF_MODEL_MARKOV, 1);
	assert_non_null(r);
	assert_int_equal(r->count, 2);
	assert_string_equal(r->items[0]->channel, "google ads"); /* sorted by name */
	assert_float_equal(credit_of(r, "google ads", 0), 2.4, 1e-9);
	assert_float_equal(credit_of(r, "mailing", 0), 1.6, 1e-9);
	assert_float_equal(credit_of(r, "mailing", 1), 16.0, 1e-9);
	rf_path_credits_free(r);
	assert_null(run(RF_MODEL_MARKOV, 0)); /* nothing converts */
}

static void test_heuristics_and_shapley(void **state)
{
	(void)state;
	rf_path_credits *r = run(RF_MODEL_LINEAR, 1);
	assert_float_equal(credit_of(r, "google ads", 0), 2.5, 1e-12);
	assert_float_equal(credit_of(r, "mailing", 1), 15.0, 1e-12);
	rf_path_credits_free(r);
	r = run(RF_MODEL_SHAPLEY, 1);
	assert_float_equal(credit_of(r, "google ads", 0), 2.5, 1e-12);
	assert_float_equal(credit_of(r, "mailing", 0), 1.5, 1e-12);
	rf_path_credits_free(r);
	r = run(RF_MODEL_FIRST_TOUCH, 1);
	assert_float_equal(credit_of(r, "google ads", 0), 3.0, 1e-12);
	rf_path_credits_free(r);
	r = run(RF_MODEL_LINEAR, 0);
	assert_int_equal(r->count, 0);
	rf_path_credits_free(r);
}

static void test_bad_paths_add_nothing(void **state)
{
	(void)state;
	rf_paths *p = NULL;
	RFT_OK(rf_paths_new(&p, NULL));
	RFT_OK(rf_paths_add(p, "a > b", 1, 1, 0));
	RFT_RC(rf_paths_add(p, "a > > c", 1, 1, 0), RF_EINVALID);
	RFT_RC(rf_paths_add(p, "new > ", 1, 1, 0), RF_EINVALID);
	RFT_RC(rf_paths_add(p, "", 1, 1, 0), RF_EINVALID);
	RFT_RC(rf_paths_add(p, "a", -1, 1, 0), RF_EINVALID);
	RFT_RC(rf_paths_add(p, "a", 1, 0.0 / 0.0, 0), RF_EINVALID);
	RFT_RC(rf_paths_add(p, "\xff", 1, 1, 0), RF_EINVALID);
	RFT_RC(rf_paths_add(p, NULL, 1, 1, 0), RF_EINVALID);
	rf_path_credits *r = NULL;
	RFT_OK(rf_paths_result(&r, p));
	assert_int_equal(r->count, 2); /* "new" and "c" left no trace */
	assert_float_equal(credit_of(r, "a", 0), 0.5, 1e-12);
	rf_path_credits_free(r);
	rf_paths_free(p);
	rf_paths_options o = RF_PATHS_OPTIONS_INIT;
	o.markov_order = 2;
	RFT_RC(rf_paths_new(&p, &o), RF_EINVALID);
	o = (rf_paths_options)RF_PATHS_OPTIONS_INIT;
	o.model = RF_MODEL_CUSTOM;
	RFT_RC(rf_paths_new(&p, &o), RF_EINVALID);
	o.model = 42;
	RFT_RC(rf_paths_new(&p, &o), RF_EINVALID);
	assert_null(p);
	RFT_RC(rf_paths_options_init(&o, 0), RF_EVERSION);
	rf_paths_free(NULL);
	rf_path_credits_free(NULL);
}

int attribution_paths_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markov_and_order),
		cmocka_unit_test(test_heuristics_and_shapley),
		cmocka_unit_test(test_bad_paths_add_nothing),
	};
	return cmocka_run_group_tests_name("attribution_paths", tests, NULL, NULL);
}
