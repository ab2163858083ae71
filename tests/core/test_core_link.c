/* Signed links, pure part: HMAC-SHA-256 against RFC 4231, percent-encoding,
 * the canonical string and strict parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/link.h"
#include "internal.h"
#include "vectors.h"

#define HMAC_PATH "$.codes.hmac_sha256_rfc4231.cases"

/* Bytes of a vector field given as "<name>_hex" or "<name>_ascii". */
static unsigned char *vector_bytes(size_t i, const char *name, size_t *len)
{
	char path[128];
	snprintf(path, sizeof(path), HMAC_PATH "[%zu].%s_hex", i, name);
	char *hex = vector_text(path);
	if (hex != NULL) {
		*len = strlen(hex) / 2;
		unsigned char *out = malloc(*len + 1);
		assert_non_null(out);
		for (size_t k = 0; k < *len; k++) {
			unsigned v = 0;
			assert_int_equal(sscanf(hex + 2 * k, "%2x", &v), 1);
			out[k] = (unsigned char)v;
		}
		free(hex);
		return out;
	}
	snprintf(path, sizeof(path), HMAC_PATH "[%zu].%s_ascii", i, name);
	char *ascii = vector_text(path);
	assert_non_null(ascii);
	*len = strlen(ascii);
	return (unsigned char *)ascii;
}

static void test_hmac_rfc4231(void **state)
{
	(void)state;
	size_t n = vector_count(HMAC_PATH);
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) {
		size_t key_len = 0, data_len = 0;
		unsigned char *key = vector_bytes(i, "key", &key_len);
		unsigned char *data = vector_bytes(i, "data", &data_len);
		unsigned char mac[RF_HMAC_BYTES];
		rf__hmac_sha256(mac, key, key_len, data, data_len);
		char got[2 * RF_HMAC_BYTES + 1], path[96];
		for (size_t k = 0; k < RF_HMAC_BYTES; k++)
			snprintf(got + 2 * k, 3, "%02x", mac[k]);
		snprintf(path, sizeof(path), HMAC_PATH "[%zu].mac", i);
		char *want = vector_text(path);
		assert_string_equal(got, want);
		free(want);
		free(key);
		free(data);
	}
}

static void test_hmac_verify_32_byte_key(void **state)
{
	(void)state;
	unsigned char key[RF_SECRET_BYTES], mac[RF_HMAC_BYTES];
	for (int i = 0; i < RF_SECRET_BYTES; i++)
		key[i] = (unsigned char)(i * 7 + 1);
	rf__hmac_sha256(mac, key, sizeof(key), "payload", 7);
	assert_true(rf__hmac_sha256_verify(mac, key, "payload", 7));
	assert_false(rf__hmac_sha256_verify(mac, key, "payloaD", 7));
	mac[31] ^= 1;
	assert_false(rf__hmac_sha256_verify(mac, key, "payload", 7));
}

static void test_percent_encoding(void **state)
{
	(void)state;
	const char *in = "a b&c=d%e/é~-._Z9?#+";
	char enc[3 * 64 + 1], dec[64];
	rfc_pct_encode(enc, in);
	assert_string_equal(enc, "a%20b%26c%3Dd%25e%2F%C3%A9~-._Z9%3F%23%2B");
	assert_int_equal(rfc_pct_decode(dec, sizeof(dec), enc, strlen(enc)), (long)strlen(in));
	assert_string_equal(dec, in);
	/* only the encoder's own spelling decodes */
	const char *bad[] = { "%41", "%2f", "%2", "a b", "a&b", "%00", "%FF", "a+b", "%C3" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(rfc_pct_decode(dec, sizeof(dec), bad[i], strlen(bad[i])), -1);
	/* does not fit */
	assert_int_equal(rfc_pct_decode(dec, 3, "abc", 3), -1);
}

static void fields(rfc_link_fields *f, const char *base, const char *code, const char *cmp,
		   const char *cnt, int64_t exp, int64_t kid)
{
	memset(f, 0, sizeof(*f));
	f->base = base;
	f->base_len = strlen(base);
	strcpy(f->code, code);
	strcpy(f->campaign, cmp);
	strcpy(f->content, cnt);
	f->expires_at = exp;
	f->key_id = kid;
}

static void test_canonical_is_unambiguous(void **state)
{
	(void)state;
	rfc_link_fields a, b;
	char ca[512], cb[512];
	/* moving bytes between adjacent fields changes the string */
	fields(&a, "https://x.example/", "AB", "C", "", 0, 1);
	fields(&b, "https://x.example/", "A", "BC", "", 0, 1);
	size_t na = rfc_link_canonical(ca, sizeof(ca), &a);
	size_t nb = rfc_link_canonical(cb, sizeof(cb), &b);
	assert_true(na > 0 && nb > 0);
	assert_false(na == nb && memcmp(ca, cb, na) == 0);
	fields(&b, "https://x.example/", "AB", "", "C", 0, 1);
	nb = rfc_link_canonical(cb, sizeof(cb), &b);
	assert_false(na == nb && memcmp(ca, cb, na) == 0);
	/* too small a buffer */
	assert_int_equal(rfc_link_canonical(ca, 20, &a), 0);
}

static void test_parse(void **state)
{
	(void)state;
	rfc_link_fields f;
	const char *sig = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	char link[512];
	snprintf(link, sizeof(link), "https://x.example/j?a=1&rc=AB%%20C&cmp=x&exp=5&kid=3&sig=%s", sig);
	assert_int_equal(rfc_link_parse(link, strlen(link), &f), 0);
	assert_int_equal(f.base_len, strlen("https://x.example/j?a=1"));
	assert_string_equal(f.code, "AB C");
	assert_string_equal(f.campaign, "x");
	assert_string_equal(f.content, "");
	assert_int_equal(f.expires_at, 5);
	assert_int_equal(f.key_id, 3);
	assert_string_equal(f.sig, sig);
	const char *bad[] = {
		"https://x.example/j?rc=A&kid=3",                /* no signature */
		"https://x.example/j?rc=A&sig=%s",               /* no key id */
		"https://x.example/j?rc=A&kid=03&sig=%s",        /* leading zero */
		"https://x.example/j?rc=A&kid=0&sig=%s",         /* key id 0 */
		"https://x.example/j?rc=&kid=3&sig=%s",          /* empty code */
		"https://x.example/j?rc=A&cmp=&kid=3&sig=%s",    /* empty campaign */
		"https://x.example/j?rc=A&cnt=b&cmp=a&kid=3&sig=%s", /* order */
		"https://x.example/j?rc=A&kid=3&sig=%s&x=1",     /* trailing */
		"https://x.example/j?rc=A&kid=3&sig=%s=",        /* signature length */
		"https://x.example/j&rc=A&kid=3&sig=%s",         /* '&' without a query */
		"https://x.example/j?a?rc=A&kid=3&sig=%s",       /* '?' twice */
		"ftp://x.example/j?rc=A&kid=3&sig=%s",           /* scheme */
		"https://x.example/#j?rc=A&kid=3&sig=%s",        /* fragment */
		"https://x.example/j?rc=A&exp=-1&kid=3&sig=%s",  /* negative expiry */
		"https://x.example/j?rc=A&exp=9223372036854775808&kid=3&sig=%s", /* overflow */
		"https://x.example/j?rc=A&exp=10000000000000000000&kid=3&sig=%s", /* 20 digits */
		"", "rc=", "?rc=A&kid=1&sig=%s",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		/* the template with its "%s" replaced by the signature */
		const char *mark = strstr(bad[i], "%s");
		if (mark == NULL)
			snprintf(link, sizeof(link), "%s", bad[i]);
		else
			snprintf(link, sizeof(link), "%.*s%s%s", (int)(mark - bad[i]), bad[i], sig,
				 mark + 2);
		assert_int_equal(rfc_link_parse(link, strlen(link), &f), -1);
	}
}

static int setup(void **state)
{
	(void)state;
	assert_int_equal(rf__crypto_init(), RF_OK);
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
		cmocka_unit_test(test_hmac_rfc4231),
		cmocka_unit_test(test_hmac_verify_32_byte_key),
		cmocka_unit_test(test_percent_encoding),
		cmocka_unit_test(test_canonical_is_unambiguous),
		cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests_name("core_link", tests, setup, teardown);
}
