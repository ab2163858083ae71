/* Hash key rotation: old hashes match during the overlap, not after; the
 * expired secret leaves the file; other handles follow. */
#include "privacy_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALICE "Alice@Example.org"
#define BOB "bob@example.org"

static rf_hash_keys *keys(rft_fixture *f)
{
	rf_hash_keys *k = NULL;
	RFT_OK(rf_secret_list(&k, f->store));
	return k;
}

void test_rotation_overlap(void **state)
{
	rft_fixture *f = *state;
	char buf[300];
	priv_advocate(f, "alice", ALICE);
	assert_string_equal(priv_find(f, " alice@EXAMPLE.org ", buf, sizeof buf), "alice");

	int64_t id = 0;
	RFT_OK(rf_secret_rotate(&id, f->store, 7 * DAY_MS));
	assert_int_equal(id, 2);
	priv_advocate(f, "bob", BOB); /* hashed under key 2 */
	/* during the overlap both match */
	f->now += 7 * DAY_MS - 1;
	assert_string_equal(priv_find(f, ALICE, buf, sizeof buf), "alice");
	assert_string_equal(priv_find(f, BOB, buf, sizeof buf), "bob");
	rf_hash_keys *k = keys(f);
	assert_int_equal(k->count, 2);
	assert_int_equal(k->items[0]->id, 1);
	assert_int_equal(k->items[0]->live, 1);
	assert_int_equal(k->items[0]->retired_at_ms, RFT_T0);
	assert_int_equal(k->items[0]->expires_at_ms, RFT_T0 + 7 * DAY_MS);
	assert_int_equal(k->items[1]->retired_at_ms, 0);
	rf_hash_keys_free(k);

	/* after it, the old hash no longer matches, even after a reopen */
	f->now += 1;
	assert_string_equal(priv_find(f, ALICE, buf, sizeof buf), "");
	assert_string_equal(priv_find(f, BOB, buf, sizeof buf), "bob");
	rft_reopen(f);
	assert_string_equal(priv_find(f, ALICE, buf, sizeof buf), "");
	k = keys(f);
	assert_int_equal(k->items[0]->live, 0);
	assert_int_equal(k->items[0]->destroyed, 0);
	rf_hash_keys_free(k);

	int64_t destroyed = -1;
	RFT_OK(rf_secret_expire(&destroyed, f->store));
	assert_int_equal(destroyed, 1);
	RFT_OK(rf_secret_expire(&destroyed, f->store));
	assert_int_equal(destroyed, 0);
	k = keys(f);
	assert_int_equal(k->items[0]->destroyed, 1);
	rf_hash_keys_free(k);

	/* the host gives the clear value again: re-keyed, found again */
	RFT_OK(rf_advocate_set_email(f->store, "alice", ALICE));
	assert_string_equal(priv_find(f, ALICE, buf, sizeof buf), "alice");
	RFT_OK(rf_advocate_set_email(f->store, "alice", NULL));
	assert_string_equal(priv_find(f, ALICE, buf, sizeof buf), "");
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_get(&a, f->store, "alice"));
	assert_int_equal(a->has_email, 0);
	rf_advocate_free(a);
}

void test_rotation_other_handle(void **state)
{
	rft_fixture *f = *state;
	char buf[300];
	rf_store_options o = rft_options(f);
	rf_store *other = NULL;
	RFT_OK(rf_store_open(&other, f->path, &o));
	priv_advocate(f, "alice", ALICE);
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_find_by_email(&a, other, ALICE));
	rf_advocate_free(a);

	/* no overlap: key 1 expires now; this handle sees it at once */
	RFT_OK(rf_secret_rotate(NULL, f->store, 0));
	assert_string_equal(priv_find(f, ALICE, buf, sizeof buf), "");
	/* the other handle trusts its keys for up to a second */
	f->now += 1000;
	RFT_RC(rf_advocate_find_by_email(&a, other, ALICE), RF_ENOTFOUND);
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = "bob";
	spec.email = BOB;
	RFT_OK(rf_advocate_add(NULL, other, &spec)); /* hashed under key 2 */
	assert_string_equal(priv_find(f, BOB, buf, sizeof buf), "bob");
	rf_store_free(other);
}

void test_rotation_errors(void **state)
{
	rft_fixture *f = *state;
	char *before = rft_snapshot(f);
	RFT_RC(rf_secret_rotate(NULL, f->store, -1), RF_EINVALID);
	RFT_RC(rf_secret_rotate(NULL, f->store, RF_HASH_OVERLAP_MAX_MS + 1), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	RFT_RC(rf_secret_list(NULL, f->store), RF_EINVALID);
	rf_advocate *a = (rf_advocate *)1;
	RFT_RC(rf_advocate_find_by_email(&a, f->store, "not an address"), RF_EINVALID);
	assert_null(a);
	RFT_RC(rf_advocate_find_by_email(&a, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_advocate_set_email(f->store, "nobody", "x@y.z"), RF_ENOTFOUND);
	rft_advocate(f, "carol");
	RFT_RC(rf_advocate_set_email(f->store, "carol", "nope"), RF_EINVALID);

	/* at most RF_HASH_KEYS_MAX live keys */
	for (int i = 1; i < RF_HASH_KEYS_MAX; i++)
		RFT_OK(rf_secret_rotate(NULL, f->store, DAY_MS));
	rf_hash_keys *k = keys(f);
	assert_int_equal(k->count, RF_HASH_KEYS_MAX);
	rf_hash_keys_free(k);
	RFT_RC(rf_secret_rotate(NULL, f->store, DAY_MS), RF_EINVALID);
	int64_t id = 0;
	RFT_OK(rf_secret_rotate(&id, f->store, 0)); /* no overlap: still four live */
	assert_int_equal(id, RF_HASH_KEYS_MAX + 1);
	f->now += DAY_MS;
	RFT_OK(rf_secret_rotate(NULL, f->store, DAY_MS)); /* the others expired */
	k = keys(f);
	int live = 0, destroyed = 0;
	for (size_t i = 0; i < k->count; i++) {
		live += k->items[i]->live;
		destroyed += k->items[i]->destroyed;
	}
	rf_hash_keys_free(k);
	assert_int_equal(live, 2);
	assert_int_equal(destroyed, RF_HASH_KEYS_MAX);
}

void test_expired_secret_leaves_file(void **state)
{
	rft_fixture *f = *state;
	char hex[80], half[40];
	rft_db_query_text(f->path, "SELECT hex(value) FROM meta WHERE key = 'secret'", hex, sizeof hex);
	assert_int_equal(strlen(hex), 64);
	snprintf(half, sizeof half, "%.32s", hex);
	rft_program(f, "p", NULL);
	rft_advocate(f, "alice");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", code);
	RFT_OK(rft_click(f, code, "visitor-1", 0, NULL));

	RFT_OK(rf_secret_rotate(NULL, f->store, DAY_MS));
	f->now += DAY_MS;
	RFT_OK(rf_secret_expire(NULL, f->store));
	/* ids are still interned the same way: the same visitor again */
	RFT_OK(rft_click(f, code, "visitor-1", 0, NULL));
	rft_counts c = rft_stats(f, "p", NULL);
	assert_int_equal(c.touchpoints, 2);
	assert_int_equal(c.unique_visitors, 1);
	rft_reopen(f);
	RFT_OK(rft_click(f, code, "visitor-1", 0, NULL));
	c = rft_stats(f, "p", NULL);
	assert_int_equal(c.unique_visitors, 1);
	rf_store_free(f->store);
	f->store = NULL;

	assert_int_equal(priv_query_int(f, "SELECT count(*) FROM hash_key WHERE secret IS NOT NULL"), 1);
	char now_hex[80];
	rft_db_query_text(f->path, "SELECT hex(value) FROM meta WHERE key = 'secret'", now_hex,
			  sizeof now_hex);
	assert_int_equal(strncmp(now_hex, "00000000000000000000000000000000", 32), 0);
	assert_string_equal(now_hex + 32, hex + 32); /* the interning half stays */
	/* the first half of key 1 is nowhere in the file's bytes */
	unsigned char bin[16];
	for (int i = 0; i < 16; i++) {
		unsigned v = 0;
		sscanf(half + 2 * i, "%2x", &v);
		bin[i] = (unsigned char)v;
	}
	size_t n = 0;
	unsigned char *bytes = rft_read_file(f->path, &n);
	assert_non_null(bytes);
	for (size_t i = 0; i + sizeof bin <= n; i++)
		if (!memcmp(bytes + i, bin, sizeof bin))
			fail_msg("the expired key is still in the file at offset %zu", i);
	free(bytes);
	rft_reopen(f);
}
