/*
 * bench_fit: time and memory of fitting the data-driven models over many
 * journeys (issue 3: "fitting Markov and Shapley over 1M journeys streams
 * them"). Builds a program with A advocates and J visitors, each touching
 * one to three advocates' codes (skewed), a share of them converting, then
 * fits both models and prints the time and peak RSS after each step, so a
 * flat memory curve is visible. Public API only.
 *
 *   bench_fit [JOURNEYS] [ADVOCATES] [DB]     defaults: 1000000 200 a temp file
 */
#include <referral.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define BATCH 2000

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long peak_rss_kib(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss;
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Skewed choice: advocate i with weight ~ 1 / (i + 1). */
static int pick(int advocates)
{
	double u = (double)(next() % 1000000) / 1e6;
	return (int)((double)advocates * u * u * u) % advocates;
}

static int fail(const char *what)
{
	fprintf(stderr, "bench_fit: %s: %s\n", what, rf_error_last()->message);
	return 1;
}

static int setup(rf_store *s, int advocates, char (*codes)[RF_CODE_BUFSIZE])
{
	if (rf_program_create(NULL, s, "fit", NULL, NULL) != RF_OK)
		return fail("program");
	for (int i = 0; i < advocates; i++) {
		char id[32];
		snprintf(id, sizeof(id), "adv-%d", i);
		rf_advocate_spec a = RF_ADVOCATE_SPEC_INIT;
		a.external_id = id;
		rf_code_spec c = RF_CODE_SPEC_INIT;
		c.program = "fit";
		c.advocate = id;
		rf_code *code = NULL;
		if (rf_advocate_add(NULL, s, &a) != RF_OK || rf_code_issue(&code, s, &c) != RF_OK)
			return fail("advocate");
		memcpy(codes[i], code->code, RF_CODE_BUFSIZE);
		rf_code_free(code);
	}
	return 0;
}

static int ingest(rf_store *s, long journeys, int advocates, char (*codes)[RF_CODE_BUFSIZE])
{
	static rf_touchpoint_spec specs[BATCH];
	static const rf_touchpoint_spec *ptrs[BATCH];
	static char visitors[BATCH][24];
	int n = 0;
	int64_t t0 = INT64_C(1767225600000);
	for (long j = 0; j < journeys; j++) {
		int steps = 1 + (int)(next() % 3);
		for (int k = 0; k < steps; k++) {
			rf_touchpoint_spec *sp = &specs[n];
			*sp = (rf_touchpoint_spec)RF_TOUCHPOINT_SPEC_INIT;
			snprintf(visitors[n], sizeof(visitors[n]), "v%ld", j);
			sp->visitor_id = visitors[n];
			sp->code = codes[pick(advocates)];
			sp->at_ms = t0 + j * 1000 + k * 7200000;
			ptrs[n] = sp;
			if (++n == BATCH) {
				if (rf_touchpoint_record_batch(s, ptrs, (size_t)n) != RF_OK)
					return fail("touchpoints");
				n = 0;
			}
		}
		if (next() % 20 == 0) { /* 5 % convert */
			if (n && rf_touchpoint_record_batch(s, ptrs, (size_t)n) != RF_OK)
				return fail("touchpoints");
			n = 0;
			char visitor[24], order[24];
			snprintf(visitor, sizeof(visitor), "v%ld", j);
			snprintf(order, sizeof(order), "o%ld", j);
			rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
			c.program = "fit";
			c.visitor_id = visitor;
			c.order_id = order;
			c.value_minor = 1000;
			c.currency = "EUR";
			c.at_ms = t0 + j * 1000 + 4 * 7200000;
			if (rf_conversion_record(NULL, s, &c) != RF_OK)
				return fail("conversion");
		}
	}
	if (n && rf_touchpoint_record_batch(s, ptrs, (size_t)n) != RF_OK)
		return fail("touchpoints");
	return 0;
}

static int fit(rf_store *s, int32_t model)
{
	double t = seconds();
	rf_fit *f = NULL;
	if (rf_model_fit(&f, s, "fit", model) != RF_OK)
		return fail("fit");
	printf("%-8s %8.2f s  journeys %lld  conversions %lld  top %s %.4f  peak RSS %ld KiB\n",
	       rf_enum_name(RF_ENUM_MODEL, model), seconds() - t, (long long)f->journeys,
	       (long long)f->conversions, f->values[0]->advocate, f->values[0]->weight,
	       peak_rss_kib());
	rf_fit_free(f);
	return 0;
}

int main(int argc, char **argv)
{
	long journeys = argc > 1 ? atol(argv[1]) : 1000000;
	int advocates = argc > 2 ? atoi(argv[2]) : 200;
	char path[256];
	snprintf(path, sizeof(path), "%s", argc > 3 ? argv[3] : "/tmp/bench_fit.db");
	if (journeys < 1 || advocates < 1) {
		fprintf(stderr, "usage: bench_fit [JOURNEYS] [ADVOCATES] [DB]\n");
		return 2;
	}
	int fresh = access(path, F_OK) != 0;
	rf_store *s = NULL;
	if (rf_store_open(&s, path, NULL) != RF_OK)
		return fail("open");
	char (*codes)[RF_CODE_BUFSIZE] = calloc((size_t)advocates, RF_CODE_BUFSIZE);
	int rc = codes ? 0 : 1;
	if (rc == 0 && fresh) {
		double t = seconds();
		rc = setup(s, advocates, codes);
		if (rc == 0)
			rc = ingest(s, journeys, advocates, codes);
		printf("ingest   %8.2f s  %ld journeys, %d advocates  peak RSS %ld KiB\n",
		       seconds() - t, journeys, advocates, peak_rss_kib());
	}
	if (rc == 0)
		rc = fit(s, RF_MODEL_SHAPLEY);
	if (rc == 0)
		rc = fit(s, RF_MODEL_MARKOV);
	free(codes);
	rf_store_free(s);
	return rc;
}
