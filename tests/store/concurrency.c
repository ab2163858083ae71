/* Locks, threads and processes: RF_EBUSY after the busy timeout, one store
 * per thread on one file, and a store used after fork(). */
#include "fixture.h"
#include "suite.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void test_busy_after_timeout(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rf_store_free(f->store);
	rf_store_options o = rft_options(f);
	o.busy_timeout_ms = 50;
	RFT_OK(rf_store_open(&f->store, f->path, &o));

	char *before = rft_snapshot(f);
	/* another connection holds the write lock */
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);

	rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
	s.external_id = "ann";
	RFT_RC(rf_advocate_add(NULL, f->store, &s), RF_EBUSY);
	assert_int_equal(rf_error_last()->db_code & 0xff, SQLITE_BUSY);
	RFT_RC(rf_program_create(NULL, f->store, "q", NULL, NULL), RF_EBUSY);
	/* readers are not blocked (WAL) */
	rf_program *p = NULL;
	RFT_OK(rf_program_get(&p, f->store, "p"));
	rf_program_free(p);

	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	RFT_UNCHANGED(f, before);
	RFT_OK(rf_advocate_add(NULL, f->store, &s)); /* usable again */
	assert_int_equal(rft_advocate_count(f), 1);
}

enum { THREADS = 4, PER_THREAD = 40 };

typedef struct worker {
	const char *path;
	int n;
	int failures;
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	rf_store *s = NULL;
	if (rf_store_open(&s, w->path, NULL) != RF_OK) {
		w->failures = PER_THREAD;
		return NULL;
	}
	char id[32];
	for (int i = 0; i < PER_THREAD; i++) {
		rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
		snprintf(id, sizeof id, "t%d-%d", w->n, i);
		spec.external_id = id;
		if (rf_advocate_add(NULL, s, &spec) != RF_OK)
			w->failures++;
	}
	rf_store_free(s);
	return NULL;
}

static void test_one_store_per_thread(void **state)
{
	rft_fixture *f = *state;
	pthread_t t[THREADS];
	worker w[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (worker){ f->path, i, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].failures, 0);
	}
	assert_int_equal(rft_advocate_count(f), THREADS * PER_THREAD);
}

static void test_store_in_forked_child(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		rf_program *p = NULL;
		int a = rf_program_get(&p, f->store, "p");
		int b = rf_program_create(NULL, f->store, "from-child", NULL, NULL);
		char ok = a == RF_EMISUSE && b == RF_EMISUSE && p == NULL ? 'y' : 'n';
		if (write(fds[1], &ok, 1) != 1)
			ok = 'n';
		/* leave without exit handlers, and without valgrind reporting
		 * the parent's memory as the child's leaks */
		execlp("true", "true", (char *)NULL);
		_exit(0);
	}
	close(fds[1]);
	char ok = 0;
	assert_int_equal(read(fds[0], &ok, 1), 1);
	close(fds[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(ok, 'y');
	/* the parent's store still works, and the child wrote nothing */
	rf_program *p = NULL;
	RFT_RC(rf_program_get(&p, f->store, "from-child"), RF_ENOTFOUND);
	RFT_OK(rf_program_get(&p, f->store, "p"));
	rf_program_free(p);
}

int store_concurrency_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_busy_after_timeout, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_one_store_per_thread, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_store_in_forked_child, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("store_concurrency", tests, NULL, NULL);
}
