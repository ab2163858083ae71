/* Consent: default none, set/withdraw with history, errors. */
#include "engagement_tests.h"

#include <stdlib.h>
#include <string.h>

void test_consent_default_none(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	rf_consent *c = NULL;
	RFT_OK(rf_consent_get(&c, f->store, "alice"));
	assert_string_equal(c->advocate, "alice");
	assert_int_equal(c->tracking, 0);
	assert_int_equal(c->messages, 0);
	assert_int_equal(c->tracking_at_ms, 0);
	assert_int_equal(c->messages_at_ms, 0);
	assert_int_equal(c->count, 0);
	rf_consent_free(c);
	rf_consent_free(NULL);
}

void test_consent_set_and_history(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, "signup-form"));
	f->now += 1000;
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_TRACKING, 1, "settings"));
	f->now += 1000;
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 0, "unsubscribe link"));
	f->now += 1000;
	/* a repeat is recorded too: the advocate confirmed again */
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 0, "settings"));
	rf_consent *c = NULL;
	RFT_OK(rf_consent_get(&c, f->store, "alice"));
	assert_int_equal(c->tracking, 1);
	assert_int_equal(c->messages, 0);
	assert_int_equal(c->tracking_at_ms, RFT_T0 + 1000);
	assert_int_equal(c->messages_at_ms, RFT_T0 + 3000);
	assert_int_equal(c->count, 4);
	const int32_t purposes[] = { RF_CONSENT_MESSAGES, RF_CONSENT_TRACKING, RF_CONSENT_MESSAGES,
				     RF_CONSENT_MESSAGES };
	const int32_t granted[] = { 1, 1, 0, 0 };
	const char *sources[] = { "signup-form", "settings", "unsubscribe link", "settings" };
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(c->items[i]->purpose, purposes[i]);
		assert_int_equal(c->items[i]->granted, granted[i]);
		assert_string_equal(c->items[i]->source, sources[i]);
		assert_int_equal(c->items[i]->at_ms, RFT_T0 + (int64_t)i * 1000);
	}
	rf_consent_free(c);
	/* bob is untouched */
	RFT_OK(rf_consent_get(&c, f->store, "bob"));
	assert_int_equal(c->messages + c->tracking + (int)c->count, 0);
	rf_consent_free(c);
}

void test_consent_errors(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	char *before = rft_snapshot(f);
	RFT_RC(rf_consent_set(f->store, "nobody", RF_CONSENT_MESSAGES, 1, "x"), RF_ENOTFOUND);
	RFT_RC(rf_consent_set(f->store, "alice", 0, 1, "x"), RF_EINVALID);
	RFT_RC(rf_consent_set(f->store, "alice", 3, 1, "x"), RF_EINVALID);
	RFT_RC(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 2, "x"), RF_EINVALID);
	RFT_RC(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, -1, "x"), RF_EINVALID);
	RFT_RC(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, NULL), RF_EINVALID);
	RFT_RC(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, ""), RF_EINVALID);
	char *long_source = rft_repeat('s', RF_MAX_NAME_LEN + 1);
	RFT_RC(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, long_source), RF_EINVALID);
	free(long_source);
	RFT_RC(rf_consent_set(f->store, NULL, RF_CONSENT_MESSAGES, 1, "x"), RF_EINVALID);
	RFT_RC(rf_consent_set(NULL, "alice", RF_CONSENT_MESSAGES, 1, "x"), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	rf_consent *c = (rf_consent *)1;
	RFT_RC(rf_consent_get(&c, f->store, "nobody"), RF_ENOTFOUND);
	assert_null(c);
	RFT_OK(rf_consent_get(&c, f->store, "alice"));
	assert_int_equal(c->count, 0); /* nothing above was recorded */
	rf_consent_free(c);
	RFT_RC(rf_consent_get(NULL, f->store, "alice"), RF_EINVALID);
	rf_store_close(f->store);
	RFT_RC(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, "x"), RF_EMISUSE);
	RFT_RC(rf_consent_get(&c, f->store, "alice"), RF_EMISUSE);
	rft_reopen(f);
}

void test_consent_survives_reopen(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "bob", 1, 1);
	rft_reopen(f);
	rf_consent *c = NULL;
	RFT_OK(rf_consent_get(&c, f->store, "bob"));
	assert_int_equal(c->tracking, 1);
	assert_int_equal(c->messages, 1);
	assert_int_equal(c->count, 2);
	rf_consent_free(c);
}
