/* rf_code_normalize(): pure input normalisation. */
#include "oracle.h"
#include "suite.h"

#include <stdlib.h>
#include <string.h>

static void norm_ok(const char *in, const char *want)
{
	char out[RF_CODE_BUFSIZE];
	RFT_OK(rf_code_normalize(out, sizeof out, in));
	assert_string_equal(out, want);
}

static void norm_bad(const char *in)
{
	char out[RF_CODE_BUFSIZE];
	RFT_RC(rf_code_normalize(out, sizeof out, in), RF_EINVALID);
}

static void test_normalize_rules(void **state)
{
	(void)state;
	norm_ok("ix-Lb-Ko", "1X1BK0"); /* published Crockford example */
	norm_ok("abc def", "ABCDEF");
	norm_ok("o0Oi1IlL", "00011111");
	norm_ok("  -A- -", "A");
	norm_ok("hjkmnpqrstvwxyz", "HJKMNPQRSTVWXYZ");
	norm_ok(RFT_ALPHABET, RFT_ALPHABET);
}

static void test_normalize_every_byte(void **state)
{
	(void)state;
	/* which single bytes are accepted, and what they become */
	for (int b = 1; b < 256; b++) {
		char in[4] = { 'A', (char)b, 'B', 0 };
		char out[RF_CODE_BUFSIZE];
		int rc = rf_code_normalize(out, sizeof out, in);
		char c = (char)b;
		char up = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
		if (up == 'I' || up == 'L')
			up = '1';
		if (up == 'O')
			up = '0';
		if (c == '-' || c == ' ') {
			RFT_OK(rc);
			assert_string_equal(out, "AB");
		} else if (b < 128 && strchr(RFT_ALPHABET, up)) {
			RFT_OK(rc);
			char want[4] = { 'A', up, 'B', 0 };
			assert_string_equal(out, want);
		} else {
			if (rc != RF_EINVALID)
				fail_msg("byte 0x%02x: got %d, want RF_EINVALID", b, rc);
		}
	}
}

static void test_normalize_bad_input(void **state)
{
	(void)state;
	char out[RF_CODE_BUFSIZE];
	norm_bad("");
	norm_bad("---");
	norm_bad("   ");
	norm_bad("BUY-NOW"); /* U is not a symbol */
	norm_bad("CAF\xc3\x89");
	norm_bad("\xff\xfe");
	norm_bad("AB\tCD");
	RFT_RC(rf_code_normalize(NULL, sizeof out, "ABC"), RF_EINVALID);
	RFT_RC(rf_code_normalize(out, sizeof out, NULL), RF_EINVALID);
	RFT_RC(rf_code_normalize(out, 0, "ABC"), RF_EINVALID);
}

static void test_normalize_buffer_size(void **state)
{
	(void)state;
	char out[8];
	RFT_OK(rf_code_normalize(out, 4, "a-b-c")); /* 3 symbols + NUL fit */
	assert_string_equal(out, "ABC");
	memset(out, 'x', sizeof out);
	RFT_RC(rf_code_normalize(out, 3, "abc"), RF_EINVALID);
	RFT_RC(rf_code_normalize(out, 1, "a"), RF_EINVALID);
	char *huge = rft_repeat('a', 100000);
	char big[RF_CODE_BUFSIZE];
	RFT_RC(rf_code_normalize(big, sizeof big, huge), RF_EINVALID);
	free(huge);
	/* RF_CODE_BUFSIZE holds the longest vanity code */
	char *v = rft_repeat('z', RF_VANITY_MAX);
	RFT_OK(rf_code_normalize(big, sizeof big, v));
	assert_int_equal(strlen(big), RF_VANITY_MAX);
	free(v);
}

int code_normalize_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_rules),
		cmocka_unit_test(test_normalize_every_byte),
		cmocka_unit_test(test_normalize_bad_input),
		cmocka_unit_test(test_normalize_buffer_size),
	};
	return cmocka_run_group_tests_name("code_normalize", tests, NULL, NULL);
}
