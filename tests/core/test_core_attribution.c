/* Pure attribution models and money splitting against published vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/attribution.h"
#include "internal.h"
#include "vectors.h"

#define MAX_TOUCHES 16
#define DP6 "$.attribution.dp6_mam_test_dataset"

/* Split "A > B > C" into channel names. */
static size_t split_path(char *path, char **names)
{
	size_t n = 0;
	for (char *tok = strtok(path, ">"); tok && n < MAX_TOUCHES; tok = strtok(NULL, ">")) {
		while (*tok == ' ')
			tok++;
		char *end = tok + strlen(tok);
		while (end > tok && end[-1] == ' ')
			*--end = '\0';
		names[n++] = tok;
	}
	return n;
}

/* Channel totals of a model over the DP6 journeys vs the expected table. */
static void check_dp6_totals(int model, const char *expected)
{
	double value = vector_number(DP6 ".input.conversion_value_each");
	size_t journeys = vector_count(DP6 ".input.journeys");
	double totals[3] = { 0, 0, 0 }; /* channels A, B, C */
	for (size_t j = 0; j < journeys; j++) {
		char *path_text, *names[MAX_TOUCHES];
		double weights[MAX_TOUCHES];
		vector_item(DP6 ".input.journeys", j, NULL, &path_text);
		size_t n = split_path(path_text, names);
		assert_int_equal(rfc_attribute(model, n, weights), 0);
		for (size_t i = 0; i < n; i++)
			totals[names[i][0] - 'A'] += weights[i] * value;
		free(path_text);
	}
	char path[128];
	for (int c = 0; c < 3; c++) {
		snprintf(path, sizeof(path), DP6 ".expected.%s.%c", expected, 'A' + c);
		assert_float_equal(totals[c], vector_number(path), 1e-6);
	}
}

static void test_first_touch_dp6(void **state)
{
	(void)state;
	check_dp6_totals(RF_MODEL_FIRST_TOUCH, "first_touch");
}

static void test_last_touch_dp6(void **state)
{
	(void)state;
	check_dp6_totals(RF_MODEL_LAST_TOUCH, "last_touch");
}

static void test_models_edge_cases(void **state)
{
	(void)state;
	double w[3] = { 9, 9, 9 };
	assert_int_equal(rfc_attribute(RF_MODEL_LAST_TOUCH, 0, w), 0);
	assert_int_equal(rfc_attribute(RF_MODEL_FIRST_TOUCH, 1, w), 0);
	assert_float_equal(w[0], 1.0, 0);
	assert_int_equal(rfc_attribute(99, 3, w), -1);
	assert_float_equal(w[0] + w[1] + w[2], 0.0, 0);
}

static int64_t sum(const int64_t *parts, size_t n)
{
	int64_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += parts[i];
	return total;
}

static void test_split_thirds_tie_break(void **state)
{
	(void)state;
	double w[3] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
	int64_t parts[3];
	rfc_split_value(100, w, 3, parts);
	/* 33.33 each: the spare unit goes to the earliest. */
	assert_int_equal(parts[0], 34);
	assert_int_equal(parts[1], 33);
	assert_int_equal(parts[2], 33);
	rfc_split_value(-100, w, 3, parts);
	assert_int_equal(sum(parts, 3), -100);
	assert_int_equal(parts[0], -34);
}

static void test_split_largest_remainder(void **state)
{
	(void)state;
	double w[3] = { 0.2, 0.35, 0.45 };
	int64_t parts[3];
	rfc_split_value(7, w, 3, parts); /* exact 1.4, 2.45, 3.15 */
	assert_int_equal(parts[0], 1);
	assert_int_equal(parts[1], 3);
	assert_int_equal(parts[2], 3);
}

/* Random weights and totals: the parts always add up exactly. */
static void test_split_always_exact(void **state)
{
	(void)state;
	for (int round = 0; round < 20000; round++) {
		uint32_t r[MAX_TOUCHES + 2];
		rf__random(r, sizeof(r));
		size_t n = 1 + r[0] % MAX_TOUCHES;
		double w[MAX_TOUCHES], total_w = 0;
		for (size_t i = 0; i < n; i++)
			total_w += w[i] = (double)(r[i + 1] % 1000);
		if (total_w == 0)
			continue;
		for (size_t i = 0; i < n; i++)
			w[i] /= total_w;
		int64_t value = (int64_t)(r[MAX_TOUCHES + 1] % 100000000) - 1000;
		int64_t parts[MAX_TOUCHES];
		rfc_split_value(value, w, n, parts);
		assert_int_equal(sum(parts, n), value);
		for (size_t i = 0; i < n; i++) {
			double exact = (double)value * w[i];
			assert_true(parts[i] - exact < 1.0 + 1e-6 && exact - parts[i] < 1.0 + 1e-6);
		}
	}
}

/* The extremes of int64 split without overflow and still add up. */
static void test_split_extremes(void **state)
{
	(void)state;
	const int64_t totals[] = { INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 1, -1, 0 };
	double thirds[3] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
	double one[1] = { 1.0 };
	double skew[4] = { 0.999999, 0.0000005, 0.0000005, 0.0 };
	for (size_t t = 0; t < sizeof(totals) / sizeof(totals[0]); t++) {
		int64_t parts[4];
		rfc_split_value(totals[t], one, 1, parts);
		assert_true(parts[0] == totals[t]);
		rfc_split_value(totals[t], thirds, 3, parts);
		for (int i = 0; i < 3; i++)
			assert_true(totals[t] >= 0 ? parts[i] >= 0 : parts[i] <= 0);
		/* Sum in unsigned arithmetic: the exact total, modulo 2^64. */
		uint64_t s3 = (uint64_t)parts[0] + (uint64_t)parts[1] + (uint64_t)parts[2];
		assert_true(s3 == (uint64_t)totals[t]);
		rfc_split_value(totals[t], skew, 4, parts);
		uint64_t s4 = (uint64_t)parts[0] + (uint64_t)parts[1] + (uint64_t)parts[2] +
			      (uint64_t)parts[3];
		assert_true(s4 == (uint64_t)totals[t]);
		assert_true(parts[3] == 0);
	}
}

static int setup(void **state)
{
	(void)state;
	vectors_load();
	return rf__crypto_init() == RF_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	vectors_free();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_touch_dp6),
		cmocka_unit_test(test_last_touch_dp6),
		cmocka_unit_test(test_models_edge_cases),
		cmocka_unit_test(test_split_thirds_tie_break),
		cmocka_unit_test(test_split_largest_remainder),
		cmocka_unit_test(test_split_always_exact),
		cmocka_unit_test(test_split_extremes),
	};
	return cmocka_run_group_tests_name("core_attribution", tests, setup, teardown);
}
