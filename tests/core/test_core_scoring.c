/* Scoring math against tests/vectors/vectors.json ("scoring"): the Wilson
 * interval, exponential half-life decay, the viral coefficient, NPS and
 * PageRank (networkx), plus the decayed-sum fold and tier hysteresis. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/scoring.h"
#include "vectors.h"

#define DAY INT64_C(86400000)

static void near(double got, double want, double tol, const char *what)
{
	if (fabs(got - want) > tol)
		fail_msg("%s: got %.12g, want %.12g", what, got, want);
}

static void test_wilson(void **state)
{
	(void)state;
	double z = vector_number("$.scoring.wilson_lower_bound.z");
	size_t n = vector_count("$.scoring.wilson_lower_bound.cases");
	assert_true(n >= 8);
	for (size_t i = 0; i < n; i++) {
		char path[96];
		snprintf(path, sizeof(path), "$.scoring.wilson_lower_bound.cases[%zu]", i);
		char p[128];
		snprintf(p, sizeof(p), "%s.pos", path);
		int64_t pos = (int64_t)vector_number(p);
		snprintf(p, sizeof(p), "%s.n", path);
		int64_t total = (int64_t)vector_number(p);
		snprintf(p, sizeof(p), "%s.lower", path);
		near(rfc_wilson_lower(pos, total, z), vector_number(p), 1e-9, p);
		snprintf(p, sizeof(p), "%s.upper", path);
		near(rfc_wilson_upper(pos, total, z), vector_number(p), 1e-9, p);
	}
	assert_true(rfc_wilson_lower(0, 0, z) == 0.0);
}

static void test_half_life(void **state)
{
	(void)state;
	const char *sets[] = { "half_life_30d", "half_life_7d" };
	const int64_t half[] = { 30, 7 };
	for (int s = 0; s < 2; s++) {
		char path[96];
		snprintf(path, sizeof(path), "$.scoring.exponential_half_life.%s", sets[s]);
		size_t n = vector_count(path);
		assert_true(n >= 5);
		for (size_t i = 0; i < n; i++) {
			char *key = NULL, *value = NULL;
			vector_item(path, i, &key, &value);
			int64_t days = strtoll(key, NULL, 10); /* "15d" */
			near(rfc_decay(days * DAY, half[s] * DAY), strtod(value, NULL), 1e-12, key);
			free(key);
			free(value);
		}
	}
}

static void test_k_factor(void **state)
{
	(void)state;
	near(rfc_k_factor(3.5, 0.20), vector_number("$.scoring.k_factor.cases.\"i=3.5,c=0.20\""),
	     1e-12, "K = 3.5 x 0.2");
	double k = 0.7;
	near(1 / (1 - k), vector_number("$.scoring.k_factor.cases.\"amplification_1/(1-K)_K=0.7\""),
	     1e-9, "amplification");
}

static void test_nps(void **state)
{
	(void)state;
	near(rfc_nps(50, 40, 10), vector_number("$.scoring.nps.cases.50P_40Pa_10D"), 1e-12, "50/40/10");
	/* one answer of 6: a detractor; one of 7: a passive */
	near(rfc_nps(0, 0, 1), vector_number("$.scoring.nps.cases.edge_6_is_detractor"), 1e-12, "6");
	near(rfc_nps(0, 1, 0), vector_number("$.scoring.nps.cases.edge_7_is_passive"), 1e-12, "7");
	/* "10_responses" does not publish its answers, so it cannot be replayed. */
	assert_true(rfc_nps(0, 0, 0) == 0.0);
}

/* Node labels of a case ("1".."6" or "0".."3") as indexes. */
static void test_pagerank_langville_meyer(void **state)
{
	(void)state;
	const char *base = "$.scoring.pagerank_networkx.cases[0]";
	char p[128];
	snprintf(p, sizeof(p), "%s.edges", base);
	size_t m = vector_count(p);
	uint32_t src[32], dst[32];
	assert_true(m <= 32);
	for (size_t e = 0; e < m; e++) {
		snprintf(p, sizeof(p), "%s.edges[%zu][0]", base, e);
		src[e] = (uint32_t)vector_number(p) - 1;
		snprintf(p, sizeof(p), "%s.edges[%zu][1]", base, e);
		dst[e] = (uint32_t)vector_number(p) - 1;
	}
	snprintf(p, sizeof(p), "%s.alpha", base);
	double alpha = vector_number(p);
	snprintf(p, sizeof(p), "%s.tol", base);
	double tol = vector_number(p);
	double tolerance = vector_number("$.scoring.pagerank_networkx.tolerance");
	double rank[6];
	assert_int_equal(rfc_pagerank(6, src, dst, m, alpha, NULL, 100, tol, rank), 0);
	for (int i = 0; i < 6; i++) {
		snprintf(p, sizeof(p), "%s.expected.\"%d\"", base, i + 1);
		near(rank[i], vector_number(p), tolerance, p);
	}
}

static void test_pagerank_personalized(void **state)
{
	(void)state;
	const char *base = "$.scoring.pagerank_networkx.cases[1]";
	char p[128];
	/* complete_graph(4), undirected: both directions of every pair */
	uint32_t src[12], dst[12];
	size_t m = 0;
	for (uint32_t a = 0; a < 4; a++) {
		for (uint32_t b = 0; b < 4; b++) {
			if (a != b) {
				src[m] = a;
				dst[m++] = b;
			}
		}
	}
	double pers[4], rank[4];
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s.personalization.\"%d\"", base, i);
		pers[i] = vector_number(p);
	}
	snprintf(p, sizeof(p), "%s.alpha", base);
	assert_int_equal(rfc_pagerank(4, src, dst, m, vector_number(p), pers, 100, 1e-6, rank), 0);
	double tolerance = vector_number("$.scoring.pagerank_networkx.tolerance");
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s.expected.\"%d\"", base, i);
		near(rank[i], vector_number(p), tolerance, p);
	}
}

/* The O(1) fold equals the direct sum, whatever the order of arrival. */
static void test_decay_fold(void **state)
{
	(void)state;
	const int64_t h = 30 * DAY, q = 400 * DAY;
	const int64_t at[] = { 5 * DAY, 90 * DAY, 2 * DAY, 300 * DAY, 299 * DAY, 0 };
	const double w[] = { 10, 3, 8, 1, 5, 2 };
	double direct = 0, sum = 0;
	int64_t ref = 0;
	for (int i = 0; i < 6; i++) {
		direct += w[i] * rfc_decay(q - at[i], h);
		rfc_decay_add(&sum, &ref, w[i], at[i], h);
	}
	assert_int_equal(ref, 300 * DAY);
	near(rfc_decayed_at(sum, ref, q, h), direct, 1e-12, "fold");
	near(rfc_decayed_at(10, 0, 30 * DAY, h), 5, 1e-12, "one half-life");
}

static void test_tiers_hysteresis(void **state)
{
	(void)state;
	const double up[] = { 20, 50, 80 }, down[] = { 15, 40, 70 };
	assert_int_equal(rfc_tier_next(0, 19.9, up, down, 3), 0);
	assert_int_equal(rfc_tier_next(0, 20, up, down, 3), 1);
	assert_int_equal(rfc_tier_next(0, 85, up, down, 3), 3);  /* straight to the top */
	assert_int_equal(rfc_tier_next(2, 45, up, down, 3), 2);  /* below 50, above 40: stays */
	assert_int_equal(rfc_tier_next(2, 39, up, down, 3), 1);
	assert_int_equal(rfc_tier_next(3, 10, up, down, 3), 0);  /* falls through */
	assert_int_equal(rfc_tier_next(3, 16, up, down, 3), 1);
	assert_int_equal(rfc_quintile(1, 10), 1);
	assert_int_equal(rfc_quintile(10, 10), 5);
	assert_int_equal(rfc_quintile(5, 10), 3);
	assert_int_equal(rfc_quintile(1, 1), 5);
	assert_int_equal(rfc_quintile(0, 0), 0);
	near(rfc_saturate(50, 50), 0.5, 1e-12, "saturate");
	assert_true(rfc_saturate(-3, 50) == 0.0);
}

int main(void)
{
	vectors_load();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_half_life),
		cmocka_unit_test(test_k_factor),
		cmocka_unit_test(test_nps),
		cmocka_unit_test(test_pagerank_langville_meyer),
		cmocka_unit_test(test_pagerank_personalized),
		cmocka_unit_test(test_decay_fold),
		cmocka_unit_test(test_tiers_hysteresis),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	vectors_free();
	return failed;
}
