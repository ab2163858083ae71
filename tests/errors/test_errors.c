/* test_errors: status texts and the per-thread last error. */
#include "fixture.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static const int all_codes[] = {
	RF_OK, RF_DUPLICATE, RF_ERROR, RF_EINVALID, RF_ENOTFOUND, RF_EEXISTS,
	RF_ECONFLICT, RF_EBUSY, RF_ENOMEM, RF_EVERSION, RF_EMISUSE, RF_ECORRUPT,
	RF_EIO, RF_ENOTADB, RF_ECHECK, RF_EEXPIRED, RF_EDISABLED, RF_EEXHAUSTED,
	RF_ETAMPERED, RF_EKEY, RF_ECONSENT, RF_ELIMIT, RF_ECANCELED
};
#define NCODES (sizeof all_codes / sizeof all_codes[0])

static void test_code_values_frozen(void **state)
{
	(void)state;
	/* published values: an ABI promise */
	assert_int_equal(RF_OK, 0);
	assert_int_equal(RF_DUPLICATE, 1);
	for (int i = 2; i < (int)NCODES; i++)
		assert_int_equal(all_codes[i], 1 - i);
}

static void test_strerror_every_code(void **state)
{
	(void)state;
	const char *unknown = rf_strerror(-9999);
	assert_non_null(unknown);
	assert_string_equal(unknown, "unknown status");
	for (size_t i = 0; i < NCODES; i++) {
		const char *s = rf_strerror(all_codes[i]);
		assert_non_null(s);
		assert_true(strlen(s) > 0);
		assert_null(strchr(s, '\n'));
		assert_string_not_equal(s, "unknown status");
		assert_ptr_equal(s, rf_strerror(all_codes[i])); /* static */
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(s, rf_strerror(all_codes[k]));
	}
	const int bogus[] = { 2, 3, 100, -22, -100, INT_MIN, INT_MAX };
	for (size_t i = 0; i < sizeof bogus / sizeof bogus[0]; i++)
		assert_string_equal(rf_strerror(bogus[i]), "unknown status");
}

/* Runs first: this thread has made no failing call yet. */
static void test_last_error_initially_ok(void **state)
{
	(void)state;
	const rf_error *e = rf_error_last();
	assert_non_null(e);
	assert_int_equal(e->code, RF_OK);
	assert_int_equal(e->db_code, 0);
	assert_non_null(e->message);
	assert_string_equal(e->message, "no error");
}

static void *check_fresh(void *arg)
{
	int *ok = arg;
	const rf_error *e = rf_error_last();
	*ok = e && e->code == RF_OK && e->message && !strcmp(e->message, "no error");
	return NULL;
}

static void test_last_error_fresh_thread(void **state)
{
	(void)state;
	/* make this thread's error non-OK first: the new thread must not see it */
	RFT_RC(rf_store_options_init(NULL, RF_STORE_OPTIONS_VERSION), RF_EINVALID);
	int ok = 0;
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, check_fresh, &ok), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_true(ok);
	assert_int_equal(rf_error_last()->code, RF_EINVALID);
}

static void test_last_error_after_failure_and_clear(void **state)
{
	(void)state;
	rf_store_options o;
	RFT_RC(rf_store_options_init(&o, 77), RF_EVERSION);
	const rf_error *e = rf_error_last();
	assert_non_null(e);
	assert_int_equal(e->code, RF_EVERSION);
	assert_int_equal(e->db_code, 0);
	assert_non_null(e->message);
	assert_true(strlen(e->message) > 0);
	assert_null(strchr(e->message, '\n'));

	char name[8];
	RFT_RC(rf_code_normalize(name, sizeof name, "\xff\xfe"), RF_EINVALID);
	e = rf_error_last();
	assert_int_equal(e->code, RF_EINVALID);
	char copy[512];
	snprintf(copy, sizeof copy, "%s", e->message);
	/* still valid, and unchanged, after calls that succeed */
	RFT_OK(rf_code_normalize(name, sizeof name, "abc"));
	RFT_OK(rf_store_options_init(&o, RF_STORE_OPTIONS_VERSION));
	assert_string_equal(e->message, copy);

	rf_error_clear();
	e = rf_error_last();
	assert_non_null(e);
	assert_int_equal(e->code, RF_OK);
	assert_int_equal(e->db_code, 0);
	assert_string_equal(e->message, "no error");
	rf_error_clear(); /* twice is fine */
	assert_int_equal(rf_error_last()->code, RF_OK);
}

static void test_store_error_is_reported(void **state)
{
	rft_fixture *f = *state;
	rf_program *p = NULL;
	RFT_RC(rf_program_get(&p, f->store, "no-such-program"), RF_ENOTFOUND);
	const rf_error *e = rf_error_last();
	assert_int_equal(e->code, RF_ENOTFOUND);
	assert_true(strlen(e->message) > 0);
	assert_null(strchr(e->message, '\n'));
}

/* Two threads fail differently at the same time; each sees its own error. */
typedef struct racer {
	pthread_barrier_t *barrier;
	int want;
	int ok;
} racer;

static void *race(void *arg)
{
	racer *r = arg;
	rf_store_options o;
	char out[4];
	int ok = 1;
	for (int i = 0; i < 200; i++) {
		if (r->want == RF_EVERSION)
			ok &= rf_store_options_init(&o, 1000) == RF_EVERSION;
		else
			ok &= rf_code_normalize(out, sizeof out, "!!") == RF_EINVALID;
		pthread_barrier_wait(r->barrier);
		/* the other thread has failed too by now */
		const rf_error *e = rf_error_last();
		ok &= e != NULL && e->code == r->want && e->message != NULL;
		pthread_barrier_wait(r->barrier);
	}
	r->ok = ok;
	return NULL;
}

static void test_last_error_is_per_thread(void **state)
{
	(void)state;
	pthread_barrier_t barrier;
	assert_int_equal(pthread_barrier_init(&barrier, NULL, 2), 0);
	racer a = { &barrier, RF_EVERSION, 0 }, b = { &barrier, RF_EINVALID, 0 };
	pthread_t ta, tb;
	rf_error_clear();
	assert_int_equal(pthread_create(&ta, NULL, race, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, race, &b), 0);
	assert_int_equal(pthread_join(ta, NULL), 0);
	assert_int_equal(pthread_join(tb, NULL), 0);
	pthread_barrier_destroy(&barrier);
	assert_true(a.ok);
	assert_true(b.ok);
	assert_int_equal(rf_error_last()->code, RF_OK); /* main thread untouched */
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_error_initially_ok),
		cmocka_unit_test(test_code_values_frozen),
		cmocka_unit_test(test_strerror_every_code),
		cmocka_unit_test(test_last_error_fresh_thread),
		cmocka_unit_test(test_last_error_after_failure_and_clear),
		cmocka_unit_test_setup_teardown(test_store_error_is_reported, rft_setup, rft_teardown),
		cmocka_unit_test(test_last_error_is_per_thread),
	};
	return cmocka_run_group_tests_name("errors", tests, NULL, NULL) ? 1 : 0;
}
