/* Signed links: round trip, tampering, expiry, keys, malformed input. */
#include "link_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t add_key(rft_fixture *f)
{
	int64_t id = 0;
	RFT_OK(rf_link_key_add(f->store, &id));
	return id;
}

void test_round_trip(void **state)
{
	rft_fixture *f = *state;
	int64_t kid = add_key(f);
	rf_link *l = NULL, *v = NULL;
	RFT_OK(rf_link_build(&l, f->store, BASE, "ABCD-1234", NULL, NULL, 0));
	char prefix[128];
	snprintf(prefix, sizeof(prefix), BASE "?rc=ABCD-1234&kid=%lld&sig=", (long long)kid);
	assert_memory_equal(l->url, prefix, strlen(prefix));
	assert_int_equal(strlen(l->url), strlen(prefix) + 43);
	assert_string_equal(l->code, "ABCD-1234");
	assert_string_equal(l->campaign, "");
	assert_string_equal(l->content, "");
	assert_int_equal(l->expires_at_ms, 0);
	assert_int_equal(l->key_id, kid);
	RFT_OK(rf_link_verify(&v, f->store, l->url));
	assert_string_equal(v->url, l->url);
	assert_string_equal(v->code, "ABCD-1234");
	assert_string_equal(v->campaign, "");
	assert_int_equal(v->key_id, kid);
	rf_link_free(v);
	/* "" is the same as NULL: the same fields sign to the same link */
	RFT_OK(rf_link_build(&v, f->store, BASE, "ABCD-1234", "", "", 0));
	assert_string_equal(v->url, l->url);
	rf_link_free(v);
	rf_link_free(l);

	/* every field, text needing encoding, a base URL with its own query */
	const char *base = "https://shop.example/p?src=mail&x=1";
	RFT_OK(rf_link_build(&l, f->store, base, "ab c/é", "spring sale & more", "banner=1?",
			     RFT_T0 + 3600000));
	assert_memory_equal(l->url, "https://shop.example/p?src=mail&x=1&rc=ab%20c%2F%C3%A9"
			    "&cmp=spring%20sale%20%26%20more&cnt=banner%3D1%3F&exp=1767229200000&kid=",
			    strlen("https://shop.example/p?src=mail&x=1&rc=ab%20c%2F%C3%A9"
				   "&cmp=spring%20sale%20%26%20more&cnt=banner%3D1%3F&exp=1767229200000&kid="));
	RFT_OK(rf_link_verify(&v, f->store, l->url));
	assert_string_equal(v->code, "ab c/é");
	assert_string_equal(v->campaign, "spring sale & more");
	assert_string_equal(v->content, "banner=1?");
	assert_int_equal(v->expires_at_ms, RFT_T0 + 3600000);
	rf_link_free(v);
	rf_link_free(l);

	/* the largest inputs fit within RF_LINK_MAX_LEN */
	char *big_base = rft_repeat('a', RF_MAX_TEXT_LEN);
	memcpy(big_base, "https://x.example/", 18);
	char *code = rft_repeat('/', RF_LINK_CODE_MAX_LEN);
	char *text = rft_repeat(' ', RF_MAX_ID_LEN);
	RFT_OK(rf_link_build(&l, f->store, big_base, code, text, text, INT64_MAX));
	assert_true(strlen(l->url) <= RF_LINK_MAX_LEN);
	RFT_OK(rf_link_verify(&v, f->store, l->url));
	assert_string_equal(v->code, code);
	assert_string_equal(v->content, text);
	rf_link_free(v);
	rf_link_free(l);
	free(big_base);
	free(code);
	free(text);
}

/* Every single-byte change and every deletion fails verification. */
void test_tamper_every_field(void **state)
{
	rft_fixture *f = *state;
	add_key(f);
	char *url = link_build(f, "https://shop.example/j?s=1", "AB-12 é", "spring", "ban/1",
			       RFT_T0 + 3600000);
	RFT_OK(link_verify(f, url));
	size_t n = strlen(url);
	char *t = malloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		const char repl[] = { 'A', '0', '%', '&', 'z' };
		for (size_t r = 0; r < sizeof repl; r++) {
			if (url[i] == repl[r])
				continue;
			memcpy(t, url, n + 1);
			t[i] = repl[r];
			int rc = link_verify(f, t);
			if (rc != RF_ETAMPERED && rc != RF_EKEY)
				fail_msg("changing byte %zu to '%c' gave %d: %s", i, repl[r], rc, t);
		}
		memcpy(t, url, i);
		memcpy(t + i, url + i + 1, n - i);
		int rc = link_verify(f, t);
		if (rc != RF_ETAMPERED && rc != RF_EKEY)
			fail_msg("deleting byte %zu gave %d", i, rc);
	}
	free(t);

	/* field by field, with the statuses they must give */
	char buf[512];
	const char *q = strstr(url, "&rc=");
	const char *kid = strstr(url, "&kid=");
	const char *sig = strstr(url, "&sig=") + 5;
	/* another code */
	snprintf(buf, sizeof(buf), "https://shop.example/j?s=1&rc=AB-13%s", strstr(q, "&cmp="));
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	/* campaign or content dropped */
	snprintf(buf, sizeof(buf), "%.*s%s", (int)(strstr(url, "&cmp=") - url), url, strstr(url, "&cnt="));
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	snprintf(buf, sizeof(buf), "%.*s%s", (int)(strstr(url, "&cnt=") - url), url, strstr(url, "&exp="));
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	/* expiry dropped or pushed later */
	snprintf(buf, sizeof(buf), "%.*s%s", (int)(strstr(url, "&exp=") - url), url, kid);
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	snprintf(buf, sizeof(buf), "%.*s&exp=1767229200001%s", (int)(strstr(url, "&exp=") - url), url, kid);
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	/* another existing key: bad signature; an unknown key: RF_EKEY */
	int64_t other = add_key(f);
	snprintf(buf, sizeof(buf), "%.*s&kid=%lld&sig=%s", (int)(kid - url), url, (long long)other, sig);
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	snprintf(buf, sizeof(buf), "%.*s&kid=999&sig=%s", (int)(kid - url), url, sig);
	RFT_RC(link_verify(f, buf), RF_EKEY);
	/* another host, an extra parameter, a signature from another link */
	snprintf(buf, sizeof(buf), "https://evil.example/j?s=1%s", q);
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	snprintf(buf, sizeof(buf), "%s&x=1", url);
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	char *plain = link_build(f, "https://shop.example/j?s=1", "AB-12 é", "spring", "ban/1",
				 RFT_T0 + 3600000); /* signed by `other` */
	snprintf(buf, sizeof(buf), "%.*s%s", (int)(sig - url), url, strstr(plain, "&sig=") + 5);
	RFT_RC(link_verify(f, buf), RF_ETAMPERED);
	free(plain);
	free(url);
}

void test_expiry(void **state)
{
	rft_fixture *f = *state;
	add_key(f);
	char *url = link_build(f, BASE, "CODE", NULL, NULL, RFT_T0 + 1000);
	RFT_OK(link_verify(f, url));
	f->now = RFT_T0 + 999;
	RFT_OK(link_verify(f, url));
	f->now = RFT_T0 + 1000;
	RFT_RC(link_verify(f, url), RF_EEXPIRED);
	f->now = RFT_T0 + 100000000;
	RFT_RC(link_verify(f, url), RF_EEXPIRED);
	/* a forged signature is reported as such, not as expired */
	size_t n = strlen(url);
	url[n - 1] = url[n - 1] == 'A' ? 'B' : 'A';
	RFT_RC(link_verify(f, url), RF_ETAMPERED);
	free(url);
	/* no expiry: valid whenever */
	url = link_build(f, BASE, "CODE", NULL, NULL, 0);
	f->now = INT64_C(253402300799000);
	RFT_OK(link_verify(f, url));
	free(url);
}

void test_unknown_and_retired_keys(void **state)
{
	rft_fixture *f = *state;
	int64_t kid = add_key(f);
	char *url = link_build(f, BASE, "CODE", "c", NULL, 0);
	RFT_OK(link_verify(f, url));
	RFT_OK(rf_link_key_retire(f->store, kid));
	RFT_RC(link_verify(f, url), RF_EKEY);
	free(url);
	/* a link from another store: its key id means nothing here */
	rf_store *other = NULL;
	rf_store_options o = rft_options(f);
	RFT_OK(rf_store_open(&other, ":memory:", &o));
	RFT_OK(rf_link_key_add(other, NULL));
	RFT_OK(rf_link_key_add(other, NULL));
	rf_link *l = NULL;
	RFT_OK(rf_link_build(&l, other, BASE, "CODE", NULL, NULL, 0));
	RFT_RC(link_verify(f, l->url), RF_EKEY);
	/* same key id in both stores, different secrets */
	add_key(f);
	assert_int_equal(l->key_id, 2);
	RFT_RC(link_verify(f, l->url), RF_ETAMPERED);
	rf_link_free(l);
	rf_store_free(other);
}

void test_malformed_and_oversized(void **state)
{
	rft_fixture *f = *state;
	add_key(f);
	char *before = rft_snapshot(f);
	const char *bad[] = {
		"", "x", BASE, BASE "?", BASE "?rc=A", BASE "?rc=A&kid=1",
		BASE "?rc=A&kid=1&sig=",
		BASE "?rc=A&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  /* 42 */
		BASE "?rc=A&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", /* padding bits */
		BASE "?rc=A&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
		BASE "?rc=%FF&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		BASE "?rc=A&kid=99999999999999999999&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"javascript:alert(1)?rc=A&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		RFT_RC(link_verify(f, bad[i]), RF_ETAMPERED);
	/* a well-formed link with a signature of zeros */
	RFT_RC(link_verify(f, BASE "?rc=A&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
	       RF_ETAMPERED);
	/* a code longer than any link carries */
	char *code = rft_repeat('C', RF_LINK_CODE_MAX_LEN + 1);
	char link[256];
	snprintf(link, sizeof(link), BASE "?rc=%s&kid=1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		 code);
	RFT_RC(link_verify(f, link), RF_ETAMPERED);
	free(code);
	/* oversized: a valid link padded past the limit, and a huge string */
	char *url = link_build(f, BASE, "CODE", NULL, NULL, 0);
	char *huge = rft_repeat('a', RF_LINK_MAX_LEN + 1);
	memcpy(huge, url, strlen(url));
	RFT_RC(link_verify(f, huge), RF_ETAMPERED);
	free(huge);
	huge = rft_repeat('%', 1 << 20);
	RFT_RC(link_verify(f, huge), RF_ETAMPERED);
	free(huge);
	free(url);
	RFT_UNCHANGED(f, before);
}

void test_build_rejects(void **state)
{
	rft_fixture *f = *state;
	add_key(f);
	char *before = rft_snapshot(f);
	rf_link *l = NULL;
	char *long_base = rft_repeat('a', RF_MAX_TEXT_LEN + 1);
	memcpy(long_base, "https://x.example/", 18);
	const char *bases[] = { "", "ftp://x.example/", "https://", "https://x.example/#top",
				"https://x.example/a b", "https://x.example/\xc3\xa9", "x.example",
				long_base };
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++)
		RFT_RC(rf_link_build(&l, f->store, bases[i], "CODE", NULL, NULL, 0), RF_EINVALID);
	free(long_base);
	char *long_code = rft_repeat('C', RF_LINK_CODE_MAX_LEN + 1);
	char *long_id = rft_repeat('i', RF_MAX_ID_LEN + 1);
	RFT_RC(rf_link_build(&l, f->store, BASE, "", NULL, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, long_code, NULL, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, "\xff", NULL, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, "C", long_id, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, "C", NULL, long_id, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, "C", "\xc3", NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, "C", NULL, NULL, -1), RF_EINVALID);
	assert_null(l);
	free(long_code);
	free(long_id);
	RFT_UNCHANGED(f, before);
}

void test_nulls(void **state)
{
	rft_fixture *f = *state;
	add_key(f);
	rf_link *l = NULL;
	RFT_RC(rf_link_build(NULL, f->store, BASE, "C", NULL, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, NULL, BASE, "C", NULL, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, NULL, "C", NULL, NULL, 0), RF_EINVALID);
	RFT_RC(rf_link_build(&l, f->store, BASE, NULL, NULL, NULL, 0), RF_EINVALID);
	char *url = link_build(f, BASE, "C", NULL, NULL, 0);
	RFT_RC(rf_link_verify(NULL, f->store, url), RF_EINVALID);
	RFT_RC(rf_link_verify(&l, NULL, url), RF_EINVALID);
	RFT_RC(rf_link_verify(&l, f->store, NULL), RF_EINVALID);
	assert_null(l);
	rf_link_free(NULL);
	free(url);
}
