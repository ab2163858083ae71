/*
 * Fault injection: a disk that fills up or fails (faultvfs.h) after N
 * writes/syncs, for N = 0, 1, 2... over a script of public calls. Every
 * call must succeed or fail cleanly (RF_EIO, RF_EBUSY, RF_ENOMEM, or
 * RF_ENOTFOUND when an earlier step of the same script failed); the file
 * must pass rf_store_check afterwards, and once the fault clears the same
 * script must work on the same handle and on a new one.
 */
#include "faultvfs.h"
#include "fixture.h"
#include "workload.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct script {
	rf_store *store;
	const rfw_scene *scene;
	long n;        /* iteration: names this run's ids */
	int faulty;    /* 1 while the fault may fire */
	int calls;
	char first_failure[300];
} script;

static int allowed(const script *sc, int rc)
{
	if (rc == RF_OK || rc == RF_DUPLICATE)
		return 1;
	/* A create that succeeded before the fault is there the second time. */
	if (!sc->faulty)
		return rc == RF_EEXISTS;
	return rc == RF_EIO || rc == RF_EBUSY || rc == RF_ENOMEM || rc == RF_ENOTFOUND;
}

static void step(script *sc, int rc, const char *what)
{
	sc->calls++;
	if (!allowed(sc, rc) && !sc->first_failure[0])
		snprintf(sc->first_failure, sizeof sc->first_failure, "%s %s (n=%ld): %d %s: %s",
			 sc->faulty ? "under fault" : "after fault", what, sc->n, rc, rf_strerror(rc),
			 rf_error_last()->message);
}

/* Every kind of write, and the reads after it. */
static void run_script(script *sc)
{
	char id[32], order[64];
	snprintf(id, sizeof id, "f%ld", sc->n);
	step(sc, rf_program_create(NULL, sc->store, id, "faulty", NULL), "program create");
	rf_advocate_spec as = RF_ADVOCATE_SPEC_INIT;
	as.external_id = id;
	as.email = "someone@example.com";
	step(sc, rf_advocate_add(NULL, sc->store, &as), "advocate add");
	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = RFW_PROGRAM;
	cs.advocate = id;
	rf_code *code = NULL;
	step(sc, rf_code_issue(&code, sc->store, &cs), "code issue");
	rf_code_free(code);
	/* Workload operations: a batch, a purchase, a refund. */
	for (int64_t u = 0; u < 3; u++)
		step(sc, rfw_op(sc->store, sc->scene, id, u), "workload op");
	rf_touchpoint_spec ts = RF_TOUCHPOINT_SPEC_INIT;
	ts.code = sc->scene->codes[1];
	ts.visitor_id = id;
	ts.at_ms = RFW_T0;
	rf_touchpoint *t = NULL;
	step(sc, rf_touchpoint_record(&t, sc->store, &ts), "touchpoint record");
	rf_touchpoint_free(t);
	snprintf(order, sizeof order, "%so0", id);
	rf_conversion *c = NULL;
	step(sc, rf_conversion_get(&c, sc->store, RFW_PROGRAM, order), "conversion get");
	rf_conversion_free(c);
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = RFW_PROGRAM;
	rf_stats *st = NULL;
	step(sc, rf_stats_get(&st, sc->store, &q), "stats get");
	rf_stats_free(st);
}

static void test_faults(void **state)
{
	(void)state;
	assert_int_equal(rft_faultvfs_install(), SQLITE_OK);
	char dir[256], path[320];
	rft_mkdtemp(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/faulty.db", dir);
	rfw_scene scene;
	rf_store *s = NULL;
	RFT_OK(rf_store_open(&s, path, NULL));
	RFT_OK(rfw_scene_create(s, &scene));
	rf_store_free(s);

	const int errors[] = { SQLITE_FULL, SQLITE_IOERR_WRITE };
	long iterations = 0, before = rft_faultvfs_injected();
	for (long n = 0;; n++) {
		int error = errors[n % 2];
		long injected = rft_faultvfs_injected();
		script sc = { .scene = &scene, .n = n, .faulty = 1 };
		rft_faultvfs_arm(n / 2, error);
		int rc = rf_store_open(&sc.store, path, NULL);
		step(&sc, rc, "store open");
		if (rc == RF_OK)
			run_script(&sc);
		rft_faultvfs_disarm();
		if (sc.first_failure[0])
			fail_msg("%s", sc.first_failure);
		int fired = rft_faultvfs_injected() > injected;
		iterations++;
		if (!fired) {
			rf_store_free(sc.store);
			break; /* the whole script ran before the fault: done */
		}
		/* The fault cleared: the handle (or a new one) works again. */
		if (rc != RF_OK)
			RFT_OK(rf_store_open(&sc.store, path, NULL));
		RFT_OK(rf_store_check(sc.store));
		sc.faulty = 0;
		run_script(&sc);
		if (sc.first_failure[0])
			fail_msg("%s", sc.first_failure);
		char why[256];
		for (int64_t u = 0; u < 3; u++) {
			char id[64];
			snprintf(id, sizeof id, "f%ld", n);
			if (!rfw_op_present(sc.store, id, u, why, sizeof why))
				fail_msg("after the fault: %s", why);
		}
		rf_store_free(sc.store);
		/* A new handle sees an intact file. */
		RFT_OK(rf_store_open(&s, path, NULL));
		RFT_OK(rf_store_check(s));
		rf_store_free(s);
	}
	printf("faults: %ld iterations, %ld faults injected (SQLITE_FULL and I/O errors)\n",
	       iterations, rft_faultvfs_injected() - before);
	rft_rmdir(dir);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faults),
	};
	return cmocka_run_group_tests_name("faults", tests, NULL, NULL);
}
