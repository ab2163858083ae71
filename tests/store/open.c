/* Store options, versions, opening in memory, the injected clock. */
#include "fixture.h"
#include "suite.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void test_version(void **state)
{
	(void)state;
	int major = -1, minor = -1, patch = -1;
	int n = rf_version(&major, &minor, &patch);
	assert_int_equal(n, RF_VERSION_NUMBER);
	assert_int_equal(major, RF_VERSION_MAJOR);
	assert_int_equal(minor, RF_VERSION_MINOR);
	assert_int_equal(patch, RF_VERSION_PATCH);
	assert_int_equal(n, major * 1000000 + minor * 1000 + patch);
	/* any pointer may be NULL */
	assert_int_equal(rf_version(NULL, NULL, NULL), RF_VERSION_NUMBER);
	assert_int_equal(rf_version(NULL, &minor, NULL), RF_VERSION_NUMBER);

	const char *s = rf_version_string();
	assert_non_null(s);
	assert_string_equal(s, RF_VERSION_STRING);
	char want[64];
	snprintf(want, sizeof want, "%d.%d.%d", major, minor, patch);
	assert_string_equal(s, want);
	assert_ptr_equal(rf_version_string(), s); /* static */
	assert_int_equal(rf_store_schema_version(), RF_SCHEMA_VERSION);
	assert_true(RF_SCHEMA_VERSION >= 1);
}

static void test_options_init(void **state)
{
	(void)state;
	rf_store_options want = RF_STORE_OPTIONS_INIT;
	rf_store_options got;
	memset(&got, 0x5a, sizeof got);
	RFT_OK(rf_store_options_init(&got, RF_STORE_OPTIONS_VERSION));
	assert_int_equal(got.version, RF_STORE_OPTIONS_VERSION);
	assert_int_equal(got.busy_timeout_ms, 5000);
	assert_int_equal(got.busy_timeout_ms, want.busy_timeout_ms);
	assert_int_equal(got.durability, RF_DURABILITY_NORMAL);
	assert_int_equal(got.flags, 0);
	assert_int_equal(got.cache_size_kib, want.cache_size_kib);
	assert_null(got.clock);
	assert_null(got.clock_ctx);

	RFT_RC(rf_store_options_init(NULL, RF_STORE_OPTIONS_VERSION), RF_EINVALID);
	RFT_RC(rf_store_options_init(&got, 0), RF_EVERSION);
	RFT_RC(rf_store_options_init(&got, RF_STORE_OPTIONS_VERSION + 1), RF_EVERSION);
	RFT_RC(rf_store_options_init(&got, 0xffffffffu), RF_EVERSION);
}

static void test_open_memory(void **state)
{
	(void)state;
	rf_store *a = NULL, *b = NULL;
	RFT_OK(rf_store_open(&a, ":memory:", NULL));
	assert_non_null(a);
	RFT_OK(rf_store_open(&b, ":memory:", NULL));
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	RFT_OK(rf_program_create(NULL, a, "only-in-a", NULL, NULL));
	rf_program *p = (rf_program *)1;
	RFT_RC(rf_program_get(&p, b, "only-in-a"), RF_ENOTFOUND);
	assert_null(p);
	RFT_OK(rf_program_get(&p, a, "only-in-a"));
	rf_program_free(p);
	RFT_OK(rf_store_check(a));
	RFT_OK(rf_store_check(b));
	rf_store_free(a);
	rf_store_free(b);
	rf_store_free(NULL);
}

static void open_fails(const char *path, const rf_store_options *opts, int want)
{
	rf_store *s = (rf_store *)&s; /* a non-NULL value that must be reset */
	RFT_RC(rf_store_open(&s, path, opts), want);
	assert_null(s);
}

static void test_open_bad_arguments(void **state)
{
	(void)state;
	RFT_RC(rf_store_open(NULL, ":memory:", NULL), RF_EINVALID);
	open_fails(NULL, NULL, RF_EINVALID);
	open_fails("", NULL, RF_EINVALID);
	open_fails("\xff\xfe.db", NULL, RF_EINVALID);

	rf_store_options o = RF_STORE_OPTIONS_INIT;
	o.version = 0;
	open_fails(":memory:", &o, RF_EVERSION);
	o.version = RF_STORE_OPTIONS_VERSION + 1;
	open_fails(":memory:", &o, RF_EVERSION);

	rf_store_options d = RF_STORE_OPTIONS_INIT;
	d.durability = 2;
	open_fails(":memory:", &d, RF_EINVALID);
	d.durability = -1;
	open_fails(":memory:", &d, RF_EINVALID);

	rf_store_options t = RF_STORE_OPTIONS_INIT;
	t.busy_timeout_ms = -1;
	open_fails(":memory:", &t, RF_EINVALID);
}

static void test_open_missing_directory(void **state)
{
	(void)state;
	rf_store *s = (rf_store *)&s;
	int rc = rf_store_open(&s, "/nonexistent-rftest-dir/sub/x.db", NULL);
	assert_true(rc < 0);
	assert_int_not_equal(rc, RF_ERROR); /* a specific status, e.g. RF_EIO */
	assert_null(s);
	assert_int_equal(rf_error_last()->code, rc);

	/* a directory is no store either */
	char dir[256];
	rft_mkdtemp(dir, sizeof dir);
	s = (rf_store *)&s;
	rc = rf_store_open(&s, dir, NULL);
	assert_true(rc < 0);
	assert_null(s);
	rft_rmdir(dir);
}

static int64_t counting_clock(void *ctx)
{
	int64_t *t = ctx;
	return *t;
}

static void test_injected_clock(void **state)
{
	rft_fixture *f = *state;
	int64_t now = 0;
	f->now = RFT_T0 + 12345;
	RFT_OK(rf_store_now(&now, f->store));
	assert_int_equal(now, RFT_T0 + 12345);
	f->now = 42;
	RFT_OK(rf_store_now(&now, f->store));
	assert_int_equal(now, 42);

	/* objects are stamped by the injected clock */
	f->now = RFT_T0 + 777;
	rf_program *p = NULL;
	RFT_OK(rf_program_create(&p, f->store, "clocked", NULL, NULL));
	assert_int_equal(p->created_at_ms, RFT_T0 + 777);
	rf_program_free(p);

	/* the context pointer reaches the clock */
	int64_t t = 99999;
	rf_store_options o = RF_STORE_OPTIONS_INIT;
	o.clock = counting_clock;
	o.clock_ctx = &t;
	rf_store *s = NULL;
	RFT_OK(rf_store_open(&s, ":memory:", &o));
	RFT_OK(rf_store_now(&now, s));
	assert_int_equal(now, 99999);
	t = 5;
	RFT_OK(rf_store_now(&now, s));
	assert_int_equal(now, 5);
	rf_store_free(s);
}

static void test_system_clock(void **state)
{
	(void)state;
	rf_store *s = NULL;
	RFT_OK(rf_store_open(&s, ":memory:", NULL));
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t before = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	int64_t now = 0;
	RFT_OK(rf_store_now(&now, s));
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t after = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	assert_true(now >= before - 1 && now <= after + 1);
	rf_store_free(s);
}

static void test_store_now_bad_arguments(void **state)
{
	rft_fixture *f = *state;
	int64_t now = 0;
	RFT_RC(rf_store_now(NULL, f->store), RF_EINVALID);
	RFT_RC(rf_store_now(&now, NULL), RF_EINVALID);
	RFT_RC(rf_store_check(NULL), RF_EINVALID);
	RFT_RC(rf_store_close(NULL), RF_EINVALID);
}

static void test_durability_full(void **state)
{
	rft_fixture *f = *state;
	rf_store_free(f->store);
	f->store = NULL;
	rf_store_options o = rft_options(f);
	o.durability = RF_DURABILITY_FULL;
	o.busy_timeout_ms = 0;
	o.cache_size_kib = 1024;
	RFT_OK(rf_store_open(&f->store, f->path, &o));
	rft_program(f, "durable", NULL);
	rft_advocate(f, "ann");
	rft_reopen(f);
	assert_int_equal(rft_program_count(f), 1);
	assert_int_equal(rft_advocate_count(f), 1);
}

int store_open_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_options_init),
		cmocka_unit_test(test_open_memory),
		cmocka_unit_test(test_open_bad_arguments),
		cmocka_unit_test(test_open_missing_directory),
		cmocka_unit_test_setup_teardown(test_injected_clock, rft_setup, rft_teardown),
		cmocka_unit_test(test_system_clock),
		cmocka_unit_test_setup_teardown(test_store_now_bad_arguments, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_durability_full, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("store_open", tests, NULL, NULL);
}
