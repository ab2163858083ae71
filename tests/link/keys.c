/* Link keys: add, list, retire, rotation. */
#include "link_tests.h"

#include <stdlib.h>
#include <string.h>

void test_keys_add_list_retire(void **state)
{
	rft_fixture *f = *state;
	rf_link_keys *keys = NULL;
	RFT_OK(rf_link_key_list(&keys, f->store));
	assert_int_equal(keys->count, 0);
	rf_link_keys_free(keys);

	int64_t a = 0, b = 0;
	RFT_OK(rf_link_key_add(f->store, &a));
	f->now += 1000;
	RFT_OK(rf_link_key_add(f->store, &b));
	RFT_OK(rf_link_key_add(f->store, NULL));
	assert_true(a > 0 && b > a);

	f->now += 1000;
	RFT_OK(rf_link_key_retire(f->store, a));
	f->now += 1000;
	RFT_OK(rf_link_key_retire(f->store, a)); /* twice: harmless, keeps the first time */
	RFT_OK(rf_link_key_list(&keys, f->store));
	assert_int_equal(keys->count, 3);
	assert_int_equal(keys->items[0]->id, a);
	assert_int_equal(keys->items[0]->created_at_ms, RFT_T0);
	assert_int_equal(keys->items[0]->retired_at_ms, RFT_T0 + 2000);
	assert_int_equal(keys->items[1]->id, b);
	assert_int_equal(keys->items[1]->created_at_ms, RFT_T0 + 1000);
	assert_int_equal(keys->items[1]->retired_at_ms, 0);
	rf_link_keys_free(keys);
	rf_link_keys_free(NULL);

	/* survives reopening; a new key never reuses a retired id */
	rft_reopen(f);
	int64_t c = 0;
	RFT_OK(rf_link_key_add(f->store, &c));
	assert_true(c > b + 1);
}

void test_keys_errors(void **state)
{
	rft_fixture *f = *state;
	char *before = rft_snapshot(f);
	RFT_RC(rf_link_key_retire(f->store, 42), RF_ENOTFOUND);
	RFT_RC(rf_link_key_retire(f->store, -1), RF_ENOTFOUND);
	RFT_UNCHANGED(f, before);
	RFT_RC(rf_link_key_add(NULL, NULL), RF_EINVALID);
	RFT_RC(rf_link_key_retire(NULL, 1), RF_EINVALID);
	rf_link_keys *keys = NULL;
	RFT_RC(rf_link_key_list(NULL, f->store), RF_EINVALID);
	RFT_RC(rf_link_key_list(&keys, NULL), RF_EINVALID);
	assert_null(keys);
	/* no key yet: nothing can be signed */
	rf_link *l = NULL;
	RFT_RC(rf_link_build(&l, f->store, BASE, "ABC", NULL, NULL, 0), RF_EKEY);
	assert_null(l);
	/* a closed store */
	rf_store_close(f->store);
	RFT_RC(rf_link_key_add(f->store, NULL), RF_EMISUSE);
	RFT_RC(rf_link_key_list(&keys, f->store), RF_EMISUSE);
	RFT_RC(rf_link_verify(&l, f->store, BASE "?rc=A&kid=1&sig=x"), RF_EMISUSE);
	rft_reopen(f);
}

void test_rotation(void **state)
{
	rft_fixture *f = *state;
	int64_t old_key = 0, new_key = 0;
	RFT_OK(rf_link_key_add(f->store, &old_key));
	char *old_link = link_build(f, BASE, "CODE1", NULL, NULL, 0);
	RFT_OK(rf_link_key_add(f->store, &new_key));
	rf_link *l = NULL;
	/* the newest active key signs */
	RFT_OK(rf_link_build(&l, f->store, BASE, "CODE1", NULL, NULL, 0));
	assert_int_equal(l->key_id, new_key);
	char *new_link = strdup(l->url);
	rf_link_free(l);
	assert_string_not_equal(old_link, new_link);
	/* the old key verifies until retired */
	RFT_OK(rf_link_verify(&l, f->store, old_link));
	assert_int_equal(l->key_id, old_key);
	rf_link_free(l);
	RFT_OK(rf_link_key_retire(f->store, old_key));
	RFT_RC(link_verify(f, old_link), RF_EKEY);
	RFT_OK(link_verify(f, new_link));
	/* retiring the newest leaves the older active one... none here: EKEY */
	RFT_OK(rf_link_key_retire(f->store, new_key));
	RFT_RC(link_verify(f, new_link), RF_EKEY);
	RFT_RC(rf_link_build(&l, f->store, BASE, "CODE1", NULL, NULL, 0), RF_EKEY);
	/* a fresh key signs again; retired keys stay retired */
	int64_t third = 0;
	RFT_OK(rf_link_key_add(f->store, &third));
	RFT_OK(rf_link_build(&l, f->store, BASE, "CODE1", NULL, NULL, 0));
	assert_int_equal(l->key_id, third);
	rf_link_free(l);
	RFT_RC(link_verify(f, old_link), RF_EKEY);
	free(old_link);
	free(new_link);
}
