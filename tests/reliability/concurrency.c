/*
 * Concurrency: several processes (each opening its store after fork) and
 * threads (one store each) run the workload on one file at once. Each
 * writer has its own ids and also repeats a shared writer's ("s"): the
 * same order, refund and visitor ids from every writer at the same time.
 * With the default busy timeout no call may fail (RF_EBUSY included), no
 * conversion or refund may count twice, and the result must equal a
 * serial replay of the same calls.
 *
 * RF_CONC_OPS (default 60) sets the operations per writer and id set.
 */
#include "fixture.h"
#include "workload.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

enum { PROCS = 3, THREADS = 3, WRITERS = PROCS + THREADS };

typedef struct outcome {
	int calls;
	int failures;
	int first_status;
	char first_error[240];
} outcome;

typedef struct writer_arg {
	const char *path;
	const rfw_scene *scene;
	char name[16];
	int64_t ops;
	outcome result;
} writer_arg;

static void note(outcome *o, int rc, const char *what, int64_t u)
{
	o->calls++;
	if (rc == RF_OK || rc == RF_DUPLICATE)
		return;
	if (o->failures++ == 0) {
		o->first_status = rc;
		snprintf(o->first_error, sizeof o->first_error, "%s op %lld: %s", what,
			 (long long)u, rf_error_last()->message);
	}
}

/* One writer: its own op u, then the shared writer's op u. */
static void run_writer(writer_arg *w)
{
	rf_store *s = NULL;
	int rc = rf_store_open(&s, w->path, NULL);
	note(&w->result, rc, "open", 0);
	for (int64_t u = 0; rc == RF_OK && u < w->ops; u++) {
		note(&w->result, rfw_op(s, w->scene, w->name, u), w->name, u);
		note(&w->result, rfw_op(s, w->scene, "s", u), "s", u);
	}
	rf_store_free(s);
}

static void *thread_main(void *arg)
{
	run_writer(arg);
	return NULL;
}

static long env_long(const char *name, long fallback)
{
	const char *v = getenv(name);
	return v && *v ? strtol(v, NULL, 10) : fallback;
}

static void check_outcome(const writer_arg *w)
{
	if (w->result.failures)
		fail_msg("writer %s: %d of %d calls failed, first %d (%s): %s", w->name,
			 w->result.failures, w->result.calls, w->result.first_status,
			 rf_strerror(w->result.first_status), w->result.first_error);
}

static void test_writers_at_once(void **state)
{
	(void)state;
	char dir[256], path[320], replay_path[320];
	rft_mkdtemp(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/shared.db", dir);
	snprintf(replay_path, sizeof replay_path, "%s/serial.db", dir);
	int64_t ops = env_long("RF_CONC_OPS", 60);

	rfw_scene scene;
	rf_store *s = NULL;
	RFT_OK(rf_store_open(&s, path, NULL));
	RFT_OK(rfw_scene_create(s, &scene));
	rf_store_free(s);

	writer_arg w[WRITERS];
	for (int n = 0; n < WRITERS; n++) {
		w[n] = (writer_arg){ .path = path, .scene = &scene, .ops = ops };
		snprintf(w[n].name, sizeof w[n].name, "w%d", n);
	}
	/* Fork before any thread exists; children report through a pipe. */
	pid_t pids[PROCS];
	int fds[PROCS];
	fflush(NULL);
	for (int n = 0; n < PROCS; n++) {
		int p[2];
		assert_int_equal(pipe(p), 0);
		pids[n] = fork();
		assert_true(pids[n] >= 0);
		if (pids[n] == 0) {
			close(p[0]);
			run_writer(&w[n]);
			ssize_t wrote = write(p[1], &w[n].result, sizeof w[n].result);
			_exit(wrote == (ssize_t)sizeof w[n].result ? 0 : 1);
		}
		close(p[1]);
		fds[n] = p[0];
	}
	pthread_t threads[THREADS];
	for (int n = 0; n < THREADS; n++)
		assert_int_equal(pthread_create(&threads[n], NULL, thread_main, &w[PROCS + n]), 0);
	for (int n = 0; n < THREADS; n++)
		assert_int_equal(pthread_join(threads[n], NULL), 0);
	for (int n = 0; n < PROCS; n++) {
		int status = 0;
		assert_int_equal(read(fds[n], &w[n].result, sizeof w[n].result),
				 (ssize_t)sizeof w[n].result);
		close(fds[n]);
		assert_int_equal(waitpid(pids[n], &status, 0), pids[n]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	int calls = 0;
	for (int n = 0; n < WRITERS; n++) {
		check_outcome(&w[n]);
		calls += w[n].result.calls;
	}

	/* The same calls, one writer after another, on a fresh file. */
	rf_store *r = NULL;
	rfw_scene serial_scene;
	RFT_OK(rf_store_open(&r, replay_path, NULL));
	RFT_OK(rfw_scene_create(r, &serial_scene));
	for (int n = 0; n < WRITERS; n++) {
		for (int64_t u = 0; u < ops; u++) {
			RFT_OK(rfw_op(r, &serial_scene, w[n].name, u));
			int rc = rfw_op(r, &serial_scene, "s", u);
			assert_true(rc == (n == 0 ? RF_OK : RF_DUPLICATE) || u % 3 == 0);
		}
	}
	const char *names[WRITERS + 1] = { "s" };
	for (int n = 0; n < WRITERS; n++)
		names[n + 1] = w[n].name;
	RFT_OK(rf_store_open(&s, path, NULL));
	RFT_OK(rf_store_check(s));
	char *got = rfw_digest(s, names, WRITERS + 1, ops);
	char *want = rfw_digest(r, names, WRITERS + 1, ops);
	assert_non_null(got);
	assert_non_null(want);
	assert_string_equal(got, want);
	/* Shared conversions exist once each, with one refund each. */
	char why[256];
	for (int64_t u = 0; u < ops; u++) {
		if (!rfw_op_present(s, "s", u, why, sizeof why))
			fail_msg("%s", why);
	}
	free(got);
	free(want);
	rf_store_free(r);
	rf_store_free(s);
	printf("concurrency: %d processes + %d threads, %d calls, no busy error, equal to serial\n",
	       PROCS, THREADS, calls);
	rft_rmdir(dir);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writers_at_once),
	};
	return cmocka_run_group_tests_name("concurrency", tests, NULL, NULL);
}
