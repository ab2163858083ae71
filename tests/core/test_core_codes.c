/* Pure code encoding against published vectors and exhaustive properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/codes.h"
#include "internal.h"
#include "vectors.h"

static void test_alphabet_matches_crockford(void **state)
{
	(void)state;
	char *symbols = vector_text("$.codes.crockford_base32.symbols");
	assert_string_equal(rfc_alphabet, symbols);
	for (int i = 0; i < 32; i++)
		assert_int_equal(rfc_symbol_value(symbols[i]), i);
	assert_int_equal(rfc_symbol_value('U'), -1);
	assert_int_equal(rfc_symbol_value('I'), -1);
	free(symbols);
}

static void test_normalize_vectors(void **state)
{
	(void)state;
	size_t n = vector_count("$.codes.crockford_base32.normalize");
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		char path[96], out[64];
		snprintf(path, sizeof(path), "$.codes.crockford_base32.normalize[%zu].in", i);
		char *in = vector_text(path);
		snprintf(path, sizeof(path), "$.codes.crockford_base32.normalize[%zu].out", i);
		char *want = vector_text(path);
		assert_true(rfc_normalize(out, sizeof(out), in) >= 0);
		assert_string_equal(out, want);
		free(in);
		free(want);
	}
}

static void test_normalize_rules(void **state)
{
	(void)state;
	char out[16];
	assert_int_equal(rfc_normalize(out, sizeof(out), "ab c-d o i l"), 7);
	assert_string_equal(out, "ABCD011");
	assert_int_equal(rfc_normalize(out, sizeof(out), "u"), -1);
	assert_int_equal(rfc_normalize(out, sizeof(out), "a*b"), -1);
	assert_int_equal(rfc_normalize(out, 4, "ABCD"), -2);
	assert_int_equal(rfc_normalize(out, sizeof(out), "- -"), 0);
}

/* One luhn_mod_n case: check characters, validations, valid/invalid lists. */
static void check_luhn_case(size_t i)
{
	char path[128];
	snprintf(path, sizeof(path), "$.codes.luhn_mod_n.cases[%zu].alphabet", i);
	char *alphabet = vector_text(path);
	snprintf(path, sizeof(path), "$.codes.luhn_mod_n.cases[%zu].in", i);
	char *in = vector_text(path);
	if (in) {
		snprintf(path, sizeof(path), "$.codes.luhn_mod_n.cases[%zu].check", i);
		char *check = vector_text(path);
		assert_int_equal(rfc_luhn_check(alphabet, in, strlen(in)), check[0]);
		free(check);
	}
	const char *maps[] = { "validate", "cases" };
	for (int m = 0; m < 2; m++) {
		snprintf(path, sizeof(path), "$.codes.luhn_mod_n.cases[%zu].%s", i, maps[m]);
		size_t n = vector_count(path);
		for (size_t k = 0; k < n; k++) {
			char *key, *value;
			vector_item(path, k, &key, &value);
			if (m == 0)
				assert_int_equal(rfc_luhn_valid(alphabet, key, strlen(key)),
						 value[0] == '1');
			else
				assert_int_equal(rfc_luhn_check(alphabet, key, strlen(key)), value[0]);
			free(key);
			free(value);
		}
	}
	const char *lists[] = { "valid_9char_codes", "invalid_9char_codes" };
	for (int l = 0; l < 2; l++) {
		snprintf(path, sizeof(path), "$.codes.luhn_mod_n.cases[%zu].%s", i, lists[l]);
		size_t n = vector_count(path);
		for (size_t k = 0; k < n; k++) {
			char *code;
			vector_item(path, k, NULL, &code);
			assert_int_equal(rfc_luhn_valid(alphabet, code, strlen(code)), l == 0);
			free(code);
		}
	}
	free(alphabet);
	free(in);
}

static void test_luhn_mod_n_vectors(void **state)
{
	(void)state;
	size_t n = vector_count("$.codes.luhn_mod_n.cases");
	assert_true(n >= 4);
	for (size_t i = 0; i < n; i++)
		check_luhn_case(i);
}

static void test_random_codes_are_valid(void **state)
{
	(void)state;
	unsigned char random[16];
	char code[20];
	for (int round = 0; round < 2000; round++) {
		rf__random(random, sizeof(random));
		int length = 8 + round % 9;
		rfc_code_from_random(code, random, length);
		assert_int_equal(strlen(code), (size_t)length + 1);
		for (int i = 0; i <= length; i++)
			assert_true(rfc_symbol_value(code[i]) >= 0);
		assert_true(rfc_luhn_valid(rfc_alphabet, code, strlen(code)));
	}
}

/* Every single-symbol substitution of a code breaks its check symbol. */
static void test_check_catches_every_substitution(void **state)
{
	(void)state;
	unsigned char random[8];
	char code[16];
	for (int round = 0; round < 500; round++) {
		rf__random(random, sizeof(random));
		rfc_code_from_random(code, random, 8);
		for (int pos = 0; pos < 9; pos++) {
			char original = code[pos];
			for (int v = 0; v < 32; v++) {
				if (rfc_alphabet[v] == original)
					continue;
				code[pos] = rfc_alphabet[v];
				assert_false(rfc_luhn_valid(rfc_alphabet, code, 9));
			}
			code[pos] = original;
		}
	}
}

/* Adjacent transpositions: Luhn mod 32 catches every swap except one of
 * the symbols '0' and 'Z' (values 0 and 31 fold to the same sums). */
static void test_check_catches_transpositions(void **state)
{
	(void)state;
	for (int a = 0; a < 32; a++) {
		for (int b = 0; b < 32; b++) {
			if (a == b)
				continue;
			char code[] = "7KQ2M9XA", swapped[16], original[16];
			code[3] = rfc_alphabet[a];
			code[4] = rfc_alphabet[b];
			snprintf(original, sizeof(original), "%s%c", code,
				 rfc_luhn_check(rfc_alphabet, code, 8));
			memcpy(swapped, original, sizeof(swapped));
			swapped[3] = original[4];
			swapped[4] = original[3];
			int escapes = (a == 0 && b == 31) || (a == 31 && b == 0);
			assert_int_equal(rfc_luhn_valid(rfc_alphabet, swapped, 9), escapes);
		}
	}
}

static void test_blocklist(void **state)
{
	(void)state;
	assert_true(rfc_code_is_blocked("XXSH1TXX"));
	assert_true(rfc_code_is_blocked("5H1T"));
	assert_true(rfc_code_is_blocked("FVCK"));
	assert_true(rfc_code_is_blocked("A55"));
	assert_false(rfc_code_is_blocked("7KQ2M9XA4"));
	assert_false(rfc_code_is_blocked("B0BR0CK5"));
}

static void test_uuid_v4_vector(void **state)
{
	(void)state;
	char *hex = vector_text("$.codes.uuid_rfc9562.v4.random_bytes_hex");
	char *want = vector_text("$.codes.uuid_rfc9562.v4.uuid");
	unsigned char bytes[16];
	for (int i = 0; i < 16; i++) {
		unsigned v;
		assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
		bytes[i] = (unsigned char)v;
	}
	char out[37];
	rf__uuid4_from_bytes(out, bytes);
	assert_string_equal(out, want);
	free(hex);
	free(want);
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
		cmocka_unit_test(test_alphabet_matches_crockford),
		cmocka_unit_test(test_normalize_vectors),
		cmocka_unit_test(test_normalize_rules),
		cmocka_unit_test(test_luhn_mod_n_vectors),
		cmocka_unit_test(test_random_codes_are_valid),
		cmocka_unit_test(test_check_catches_every_substitution),
		cmocka_unit_test(test_check_catches_transpositions),
		cmocka_unit_test(test_blocklist),
		cmocka_unit_test(test_uuid_v4_vector),
	};
	return cmocka_run_group_tests_name("core_codes", tests, setup, teardown);
}
