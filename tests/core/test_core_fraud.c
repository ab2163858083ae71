/* Pure fraud checks against published vectors: email normalisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/fraud.h"
#include "vectors.h"

#define CASES "$.fraud.email_normalization_cases.cases"

static void test_email_vectors(void **state)
{
	(void)state;
	size_t n = vector_count(CASES);
	assert_true(n >= 4);
	for (size_t i = 0; i < n; i++) {
		char *in = NULL, *want = NULL, out[256];
		vector_item(CASES, i, &in, &want);
		assert_non_null(in);
		assert_non_null(want);
		assert_int_equal(rfc_email_normalize(in, out, sizeof(out)), 0);
		if (strcmp(out, want) != 0)
			fail_msg("%s -> %s, want %s", in, out, want);
		/* Normalising twice changes nothing more. */
		char again[256];
		assert_int_equal(rfc_email_normalize(out, again, sizeof(again)), 0);
		assert_string_equal(again, want);
		free(in);
		free(want);
	}
}

static void test_email_rules(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "  Mixed.Case@Example.ORG \t", "mixed.case@example.org" },
		{ "a.b.c+one+two@gmail.com", "abc@gmail.com" },
		{ "A.B@GoogleMail.Com", "ab@gmail.com" },
		{ "x@sub.gmail.com", "x@sub.gmail.com" },   /* not Gmail: dots stay */
		{ "first.last@outlook.com", "first.last@outlook.com" },
		{ "\"a@b\"@example.com", "\"a@b\"@example.com" }, /* the last @ splits */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char out[64];
		assert_int_equal(rfc_email_normalize(cases[i][0], out, sizeof(out)), 0);
		assert_string_equal(out, cases[i][1]);
	}
	static const char *const bad[] = { "", "   ", "plain", "@example.com", "x@", "+tag@x.com",
					   "..@gmail.com" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char out[64];
		if (rfc_email_normalize(bad[i], out, sizeof(out)) != -1)
			fail_msg("'%s' normalised to '%s'", bad[i], out);
	}
	char tiny[8];
	assert_int_equal(rfc_email_normalize("abcdef@example.com", tiny, sizeof(tiny)), -1);
	assert_string_equal(rfc_email_domain("ab@gmail.com"), "gmail.com");
	assert_null(rfc_email_domain("nothing"));
}

static int setup(void **state)
{
	(void)state;
	vectors_load();
	return 0;
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
		cmocka_unit_test(test_email_vectors),
		cmocka_unit_test(test_email_rules),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
