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
#include "core/markov.h"
#include "core/shapley.h"
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

/* Channel totals of a model over the DP6 journeys vs the expected table;
 * touches of channel `direct` (0: none) are marked direct. */
static void check_dp6(const rfc_params *params, const char *expected, char direct)
{
	double value = vector_number(DP6 ".input.conversion_value_each");
	size_t journeys = vector_count(DP6 ".input.journeys");
	double totals[3] = { 0, 0, 0 }; /* channels A, B, C */
	for (size_t j = 0; j < journeys; j++) {
		char *path_text, *names[MAX_TOUCHES];
		double weights[MAX_TOUCHES];
		vector_item(DP6 ".input.journeys", j, NULL, &path_text);
		size_t n = split_path(path_text, names);
		rfc_touch touches[MAX_TOUCHES] = { { 0, 0 } };
		for (size_t i = 0; i < n; i++)
			touches[i].direct = names[i][0] == direct;
		assert_int_equal(rfc_weights(params, touches, n, 0, weights), 0);
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

static void check_dp6_totals(int model, const char *expected)
{
	rfc_params params = { model, 0, 0.4, 0.4, NULL, 0 };
	check_dp6(&params, expected, 0);
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

static void test_linear_dp6(void **state)
{
	(void)state;
	check_dp6_totals(RF_MODEL_LINEAR, "linear");
}

static void test_position_dp6(void **state)
{
	(void)state;
	check_dp6_totals(RF_MODEL_POSITION, "position_based_40_20_40");
}

/* Per-journey expectations: position weights and last non-direct with
 * channel A marked direct, against the DP6 tables. */
static void check_per_journey(const rfc_params *params, const char *table, char direct)
{
	char path[160];
	snprintf(path, sizeof(path), DP6 ".expected.%s", table);
	size_t journeys = vector_count(path);
	assert_true(journeys > 0);
	double value = vector_number(DP6 ".input.conversion_value_each");
	for (size_t j = 0; j < journeys; j++) {
		char *key, *list, *names[MAX_TOUCHES];
		double weights[MAX_TOUCHES];
		vector_item(path, j, &key, &list);
		char item[200];
		snprintf(item, sizeof(item), "%s.\"%s\"", path, key);
		size_t n = split_path(key, names);
		rfc_touch touches[MAX_TOUCHES] = { { 0, 0 } };
		for (size_t i = 0; i < n; i++)
			touches[i].direct = names[i][0] == direct;
		assert_int_equal(rfc_weights(params, touches, n, 0, weights), 0);
		assert_int_equal(vector_count(item), n);
		for (size_t i = 0; i < n; i++) {
			char at[256];
			snprintf(at, sizeof(at), "%s[%zu]", item, i);
			assert_float_equal(weights[i] * value, vector_number(at), 1e-6);
		}
		free(key);
		free(list);
	}
}

static void test_position_per_journey_dp6(void **state)
{
	(void)state;
	rfc_params params = { RF_MODEL_POSITION, 0, 0.4, 0.4, NULL, 0 };
	check_per_journey(&params, "position_based_per_journey", 0);
}

static void test_last_non_direct_dp6(void **state)
{
	(void)state;
	rfc_params params = { RF_MODEL_LAST_NON_DIRECT, 0, 0, 0, NULL, 0 };
	check_per_journey(&params, "last_non_A_per_journey", 'A');
}

/* ChannelAttribution's "a > a > b": linear counts each occurrence. */
static void test_heuristics_repeated_channel(void **state)
{
	(void)state;
	const char *base = "$.attribution.channelattribution_heuristics_semantics";
	char path[160];
	snprintf(path, sizeof(path), "%s.input.paths[0].total_conversion_value", base);
	double value = vector_number(path);
	rfc_touch t[3] = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	double w[3];
	const struct { int model; const char *table; } models[] = {
		{ RF_MODEL_FIRST_TOUCH, "first_touch_conversions" },
		{ RF_MODEL_LAST_TOUCH, "last_touch_conversions" },
		{ RF_MODEL_LINEAR, "linear_touch_conversions" },
	};
	for (size_t m = 0; m < 3; m++) {
		rfc_params params = { models[m].model, 0, 0, 0, NULL, 0 };
		assert_int_equal(rfc_weights(&params, t, 3, 0, w), 0);
		snprintf(path, sizeof(path), "%s.expected.%s.a", base, models[m].table);
		assert_float_equal(w[0] + w[1], vector_number(path), 1e-6);
		snprintf(path, sizeof(path), "%s.expected.%s.b", base, models[m].table);
		assert_float_equal(w[2], vector_number(path), 1e-6);
	}
	rfc_params linear = { RF_MODEL_LINEAR, 0, 0, 0, NULL, 0 };
	rfc_weights(&linear, t, 3, 0, w);
	snprintf(path, sizeof(path), "%s.expected.linear_touch_value.a", base);
	assert_float_equal((w[0] + w[1]) * value, vector_number(path), 1e-6);
}

static void test_time_decay_vectors(void **state)
{
	(void)state;
	const char *base = "$.attribution.time_decay_halflife_7d.cases";
	size_t cases = vector_count(base);
	assert_true(cases >= 2);
	rfc_params params = { RF_MODEL_TIME_DECAY, 7.0 * 86400000.0, 0, 0, NULL, 0 };
	for (size_t c = 0; c < cases; c++) {
		char path[160];
		snprintf(path, sizeof(path), "%s[%zu].days_before_conversion", base, c);
		size_t n = vector_count(path);
		rfc_touch t[MAX_TOUCHES];
		double w[MAX_TOUCHES];
		for (size_t i = 0; i < n; i++) {
			char at[200];
			snprintf(at, sizeof(at), "%s[%zu]", path, i);
			t[i] = (rfc_touch){ -(int64_t)(vector_number(at) * 86400000.0), 0 };
		}
		assert_int_equal(rfc_weights(&params, t, n, 0, w), 0);
		for (size_t i = 0; i < n; i++) {
			char at[180];
			snprintf(at, sizeof(at), "%s[%zu].normalized[%zu]", base, c, i);
			assert_float_equal(w[i], vector_number(at), 1e-6);
		}
	}
}

static void test_position_vectors(void **state)
{
	(void)state;
	const char *base = "$.attribution.position_based_40_20_40.cases";
	size_t cases = vector_count(base);
	rfc_params params = { RF_MODEL_POSITION, 0, 0.4, 0.4, NULL, 0 };
	for (size_t c = 0; c < cases; c++) {
		char path[160];
		snprintf(path, sizeof(path), "%s[%zu].n", base, c);
		size_t n = (size_t)vector_number(path);
		rfc_touch t[MAX_TOUCHES] = { { 0, 0 } };
		double w[MAX_TOUCHES];
		assert_int_equal(rfc_weights(&params, t, n, 0, w), 0);
		for (size_t i = 0; i < n; i++) {
			snprintf(path, sizeof(path), "%s[%zu].weights[%zu]", base, c, i);
			assert_float_equal(w[i], vector_number(path), 1e-6);
		}
	}
}

static void test_custom_weights(void **state)
{
	(void)state;
	const double custom[] = { 3, 1 };
	rfc_params params = { RF_MODEL_CUSTOM, 0, 0, 0, custom, 2 };
	rfc_touch t[4] = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } };
	double w[4];
	assert_int_equal(rfc_weights(&params, t, 4, 0, w), 0); /* 3,1,1,1 */
	assert_float_equal(w[0], 0.5, 1e-12);
	assert_float_equal(w[3], 1.0 / 6, 1e-12);
	const double zero[] = { 0 };
	rfc_params bad = { RF_MODEL_CUSTOM, 0, 0, 0, zero, 1 };
	assert_int_equal(rfc_weights(&bad, t, 2, 0, w), -1);
}

/* Puzyrov's worked example: published transitions, exact removal effects. */
static void test_markov_puzyrov(void **state)
{
	(void)state;
	const char *base = "$.attribution.markov_puzyrov_2019";
	char path[160];
	snprintf(path, sizeof(path), "%s.input.paths", base);
	size_t paths = vector_count(path);
	rfc_markov *m = rfc_markov_new(2); /* 0 = google ads, 1 = mailing */
	assert_non_null(m);
	double total = 0;
	for (size_t p = 0; p < paths; p++) {
		char at[200];
		snprintf(at, sizeof(at), "%s.input.paths[%zu].path", base, p);
		size_t n = vector_count(at);
		uint32_t ids[4];
		for (size_t i = 0; i < n; i++) {
			char *name;
			vector_item(at, i, NULL, &name);
			ids[i] = strcmp(name, "google ads") == 0 ? 0 : 1;
			free(name);
		}
		snprintf(at, sizeof(at), "%s.input.paths[%zu].conv", base, p);
		double conv = vector_number(at);
		snprintf(at, sizeof(at), "%s.input.paths[%zu].null", base, p);
		assert_int_equal(rfc_markov_add(m, ids, n, conv, vector_number(at)), 0);
		total += conv;
	}
	double removal[2], weights[2], p_conv;
	assert_int_equal(rfc_markov_solve(m, removal, weights, &p_conv), 0);
	assert_float_equal(p_conv, 0.8, 1e-9);
	const char *names[2] = { "google ads", "mailing" };
	for (int k = 0; k < 2; k++) {
		snprintf(path, sizeof(path), "%s.expected.removal_effect.\"%s\"", base, names[k]);
		assert_float_equal(removal[k], vector_number(path), 1e-6);
		snprintf(path, sizeof(path), "%s.expected.weight.\"%s\"", base, names[k]);
		assert_float_equal(weights[k], vector_number(path), 1e-6);
		snprintf(path, sizeof(path), "%s.expected.attributed_conversions.\"%s\"", base,
			 names[k]);
		assert_float_equal(weights[k] * total, vector_number(path), 1e-6);
	}
	uint32_t bad = 7;
	assert_int_equal(rfc_markov_add(m, &bad, 1, 1, 0), -1);
	rfc_markov_free(m);
	assert_null(rfc_markov_new(0));
	assert_null(rfc_markov_new(RFC_MARKOV_MAX_PLAYERS + 1));
}

/* The closed form equals the Shapley value by definition (enumerating
 * every coalition) on random games of up to 8 players. */
static void test_shapley_closed_form(void **state)
{
	(void)state;
	for (int round = 0; round < 200; round++) {
		uint32_t r[40];
		rf__random(r, sizeof(r));
		size_t players = 2 + r[0] % 7, journeys = 1 + r[1] % 12;
		uint32_t sets[16];
		double worth[16], closed[8] = { 0 }, exact[8];
		unsigned char seen[8] = { 0 };
		for (size_t j = 0; j < journeys; j++) {
			uint32_t path[8];
			size_t n = 1 + r[2 + j] % 5;
			sets[j] = 0;
			for (size_t i = 0; i < n; i++) {
				path[i] = (r[2 + j] >> (3 * i + 4)) % (uint32_t)players;
				sets[j] |= 1u << path[i];
			}
			worth[j] = (double)(r[20 + j] % 10);
			assert_int_equal(rfc_shapley_add(closed, players, path, n, worth[j], seen), 0);
		}
		rfc_shapley_enumerate(players, sets, worth, journeys, exact);
		for (size_t i = 0; i < players; i++)
			assert_float_equal(closed[i], exact[i], 1e-9);
	}
}

static void test_models_edge_cases(void **state)
{
	(void)state;
	double w[3] = { 9, 9, 9 };
	rfc_touch t[3] = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
	rfc_params last = { RF_MODEL_LAST_TOUCH, 0, 0, 0, NULL, 0 };
	rfc_params first = { RF_MODEL_FIRST_TOUCH, 0, 0, 0, NULL, 0 };
	rfc_params unknown = { 99, 0, 0, 0, NULL, 0 };
	assert_int_equal(rfc_weights(&last, t, 0, 0, w), 0);
	assert_int_equal(rfc_weights(&first, t, 1, 0, w), 0);
	assert_float_equal(w[0], 1.0, 0);
	assert_int_equal(rfc_weights(&unknown, t, 3, 0, w), -1);
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
		cmocka_unit_test(test_linear_dp6),
		cmocka_unit_test(test_position_dp6),
		cmocka_unit_test(test_position_per_journey_dp6),
		cmocka_unit_test(test_last_non_direct_dp6),
		cmocka_unit_test(test_heuristics_repeated_channel),
		cmocka_unit_test(test_time_decay_vectors),
		cmocka_unit_test(test_position_vectors),
		cmocka_unit_test(test_custom_weights),
		cmocka_unit_test(test_markov_puzyrov),
		cmocka_unit_test(test_shapley_closed_form),
		cmocka_unit_test(test_models_edge_cases),
		cmocka_unit_test(test_split_thirds_tie_break),
		cmocka_unit_test(test_split_largest_remainder),
		cmocka_unit_test(test_split_always_exact),
		cmocka_unit_test(test_split_extremes),
	};
	return cmocka_run_group_tests_name("core_attribution", tests, setup, teardown);
}
