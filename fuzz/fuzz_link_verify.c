/*
 * rf_link_verify on arbitrary links, and rf_link_build -> rf_link_verify
 * round trips with fields cut from the input. Control byte, bits 0-1:
 *   0  verify the rest of the input as a link;
 *   1  verify a genuine link with one byte overwritten (position and value
 *      from the next three bytes);
 *   2  verify a genuine link with the rest of the input appended;
 *   3  build a link from base URL, code, campaign and content cut from the
 *      rest at NUL bytes (bits 2-3: expiry none, future, past), then
 *      verify it.
 * Checked: a documented status; *out NULL on failure; a link that verifies
 * is exactly what rf_link_build makes of its fields (one spelling), under
 * the active key, not expired; a built link verifies to the same fields
 * (or is RF_EEXPIRED when built with a past expiry).
 */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

static fz_fixture fixture;
static int64_t active_key;
static rf_link *genuine[3];
static rf_link sentinel;

static void close_fixture(void)
{
	for (int i = 0; i < 3; i++)
		rf_link_free(genuine[i]);
	fz_fixture_close(&fixture);
}

static void setup(void)
{
	int64_t retired = 0;
	fz_fixture_open(&fixture);
	FZ_CHECK(rf_link_key_add(fixture.store, &retired) == RF_OK, "adding a key");
	FZ_CHECK(rf_link_key_add(fixture.store, &active_key) == RF_OK, "adding a key");
	FZ_CHECK(rf_link_key_retire(fixture.store, retired) == RF_OK, "retiring a key");
	FZ_CHECK(rf_link_build(&genuine[0], fixture.store, "https://shop.example/join",
			       fixture.codes[FZ_ACTIVE], NULL, NULL, 0) == RF_OK, "building");
	FZ_CHECK(rf_link_build(&genuine[1], fixture.store, "https://x.test/a?b=c&d",
			       fixture.codes[FZ_RANDOM], "spring sale", "vid\xC3\xA9o/1",
			       fixture.now + 86400000) == RF_OK, "building");
	FZ_CHECK(rf_link_build(&genuine[2], fixture.store, "http://h/", "c0de", "x", NULL,
			       fixture.now + 1) == RF_OK, "building");
	atexit(close_fixture);
}

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* An accepted link is the one rf_link_build makes of its fields: try each
 * place its "rc=" parameter may start. */
static void check_accepted(const char *input, const rf_link *l)
{
	FZ_CHECK(l != NULL && l != &sentinel, "RF_OK without a link");
	FZ_CHECK(strcmp(l->url, input) == 0, "url is not the input");
	FZ_CHECK(l->key_id == active_key, "verified under key %lld", (long long)l->key_id);
	FZ_CHECK(l->expires_at_ms == 0 || l->expires_at_ms > fixture.now, "expired link accepted");
	size_t n = strlen(input);
	char *base = malloc(n + 1);
	int same = 0;
	for (size_t i = 0; !same && i + 4 <= n; i++) {
		if ((input[i] != '?' && input[i] != '&') || strncmp(input + i + 1, "rc=", 3) != 0)
			continue;
		memcpy(base, input, i);
		base[i] = '\0';
		rf_link *again = NULL;
		if (rf_link_build(&again, fixture.store, base, l->code, opt(l->campaign),
				  opt(l->content), l->expires_at_ms) == RF_OK)
			same = strcmp(again->url, input) == 0;
		rf_link_free(again);
	}
	free(base);
	FZ_CHECK(same, "accepted '%s', which rf_link_build does not spell that way", input);
}

static int verify(const char *link)
{
	rf_link *l = &sentinel;
	int rc = rf_link_verify(&l, fixture.store, link);
	FZ_CHECK(rc == RF_OK || rc == RF_ETAMPERED || rc == RF_EKEY || rc == RF_EEXPIRED,
		 "undocumented status %d", rc);
	if (rc == RF_OK)
		check_accepted(link, l);
	else
		FZ_CHECK(l == NULL, "failure %d left *out set", rc);
	rf_link_free(rc == RF_OK ? l : NULL);
	return rc;
}

static void build_and_verify(const char *rest, size_t size, int expiry)
{
	const char *field[4] = { NULL, NULL, NULL, NULL };
	size_t at = 0;
	for (int i = 0; i < 4 && at <= size; i++) {
		field[i] = rest + at;
		at += strlen(rest + at) + 1;
	}
	int64_t expires = expiry == 1 ? fixture.now + 1000 : expiry == 2 ? fixture.now - 1000 : 0;
	rf_link *l = &sentinel;
	int rc = rf_link_build(&l, fixture.store, field[0], field[1], field[2], field[3], expires);
	FZ_CHECK(rc == RF_OK || rc == RF_EINVALID, "build: undocumented status %d", rc);
	if (rc != RF_OK) {
		FZ_CHECK(l == NULL, "build failure left *out set");
		return;
	}
	rf_link *v = NULL;
	rc = rf_link_verify(&v, fixture.store, l->url);
	if (expiry == 2) {
		FZ_CHECK(rc == RF_EEXPIRED, "a link past its expiry gave %d", rc);
	} else {
		FZ_CHECK(rc == RF_OK, "a link just built does not verify (%d): %s", rc, l->url);
		FZ_CHECK(strcmp(v->code, l->code) == 0 && strcmp(v->campaign, l->campaign) == 0 &&
			 strcmp(v->content, l->content) == 0 && v->expires_at_ms == expires,
			 "fields changed in the round trip: %s", l->url);
		check_accepted(l->url, v);
	}
	rf_link_free(v);
	rf_link_free(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fixture.store == NULL)
		setup();
	if (size == 0)
		return 0;
	int mode = data[0] & 3;
	if (mode == 1 && size >= 4) {
		const rf_link *g = genuine[data[1] % 3];
		size_t n = strlen(g->url);
		char *link = fz_cstr((const uint8_t *)g->url, n);
		link[data[2] % n] = (char)(data[3] ? data[3] : 1);
		verify(link);
		free(link);
		return 0;
	}
	char *rest = fz_cstr(data + 1, size - 1);
	if (mode == 2) {
		const rf_link *g = genuine[size % 3];
		size_t n = strlen(g->url), m = strlen(rest);
		char *link = malloc(n + m + 1);
		memcpy(link, g->url, n);
		memcpy(link + n, rest, m + 1);
		verify(link);
		free(link);
	} else if (mode == 3) {
		/* Fields at NUL bytes: use the raw bytes, not the C string. */
		char *raw = malloc(size);
		memcpy(raw, data + 1, size - 1);
		raw[size - 1] = '\0';
		build_and_verify(raw, size - 1, (data[0] >> 2) % 3);
		free(raw);
	} else {
		verify(rest);
	}
	free(rest);
	return 0;
}
