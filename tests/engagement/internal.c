/* test_engagement_internal: the pure rules (templates) and the seam
 * other areas call (rf__notify), many times inside one transaction. */
#include "fixture.h"

#include "api/engagement.h"

#include <string.h>

static const char *lookup(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	if (len == 4 && memcmp(name, "name", 4) == 0)
		return "Ana";
	if (len == 3 && memcmp(name, "a.b", 3) == 0)
		return "dotted";
	return NULL;
}

static void test_render(void **state)
{
	(void)state;
	char out[64];
	rfc_render(out, sizeof(out), "Hi {{name}}!", lookup, NULL);
	assert_string_equal(out, "Hi Ana!");
	rfc_render(out, sizeof(out), "{{ name }}{{a.b}}{{x}}{{}}{{ }}{{na me}}{{", lookup, NULL);
	assert_string_equal(out, "Anadotted{{}}{{ }}{{na me}}{{");
	rfc_render(out, sizeof(out), "", lookup, NULL);
	assert_string_equal(out, "");
	/* cut at a character boundary: é is 2 bytes */
	char small[6];
	assert_int_equal(rfc_render(small, sizeof(small), "abcd\xc3\xa9", lookup, NULL), 4);
	assert_string_equal(small, "abcd");
	assert_int_equal(rfc_render(small, sizeof(small), "{{name}}{{name}}", lookup, NULL), 5);
	assert_string_equal(small, "AnaAn");
	char name65[80] = "{{";
	memset(name65 + 2, 'n', 65);
	strcpy(name65 + 67, "}}");
	rfc_render(out, sizeof(out), name65, lookup, NULL);
	assert_int_equal(strncmp(out, "{{nnn", 5), 0);
	assert_true(rfc_kind_valid("reward_earned"));
	assert_true(rfc_kind_valid("a-1"));
	assert_false(rfc_kind_valid(""));
	assert_false(rfc_kind_valid("A"));
	assert_false(rfc_kind_valid("a b"));
	assert_false(rfc_kind_valid(NULL));
}

static int64_t advocate_id(rft_fixture *f, const char *ext)
{
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_get(&a, f->store, ext));
	int64_t id = a->id;
	rf_advocate_free(a);
	return id;
}

static int64_t program_id(rft_fixture *f, const char *key)
{
	rf_program *p = NULL;
	RFT_OK(rf_program_get(&p, f->store, key));
	int64_t id = p->id;
	rf_program_free(p);
	return id;
}

static void count_messages(rft_fixture *f, size_t *queued, size_t *held)
{
	rf_messages *all = NULL;
	RFT_OK(rf_outbox_list(&all, f->store, NULL, 0, 1000, RF_OUTBOX_ALL));
	*queued = *held = 0;
	for (size_t i = 0; i < all->count; i++) {
		if (all->items[i]->status == RF_MESSAGE_HELD)
			(*held)++;
		else
			(*queued)++;
	}
	rf_messages_free(all);
}

/* As a conversion with many rewards, tiers and badges would: many
 * notifications to the same advocates inside one write transaction. */
static void test_many_in_one_transaction(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_advocate(f, "alice");
	rft_advocate(f, "bob");
	rft_advocate(f, "carol");
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, "t"));
	RFT_OK(rf_consent_set(f->store, "bob", RF_CONSENT_MESSAGES, 1, "t"));
	int64_t p = program_id(f, "p"), a = advocate_id(f, "alice"), b = advocate_id(f, "bob"),
		c = advocate_id(f, "carol");
	RFT_OK(rfs_begin(f->store));
	for (int i = 0; i < 50; i++) {
		RFT_OK(rf__notify(f->store, p, a, "reward_earned", "{\"n\":1}", f->now));
		RFT_OK(rf__notify(f->store, p, b, "badge_earned", NULL, f->now));
		RFT_OK(rf__notify(f->store, p, c, "tier_reached", NULL, f->now));
	}
	RFT_OK(rfs_end(f->store, RF_OK));
	size_t queued = 0, held = 0;
	count_messages(f, &queued, &held);
	assert_int_equal(queued, 6); /* 3 each for alice and bob, none for carol */
	assert_int_equal(held, 144);
	/* a transaction that rolls back leaves nothing */
	f->now += 8 * 7 * RF_DAY_MS;
	RFT_OK(rfs_begin(f->store));
	for (int i = 0; i < 10; i++)
		RFT_OK(rf__notify(f->store, p, a, "reward_earned", NULL, f->now));
	rfs_end(f->store, RF_ERROR);
	count_messages(f, &queued, &held);
	assert_int_equal(queued + held, 150);
	/* bad input from an area is an error, not a message */
	RFT_RC(rf__notify(f->store, p, a, "Bad", NULL, f->now), RF_EINVALID);
	RFT_RC(rf__notify(f->store, p, a, "k", "[", f->now), RF_EINVALID);
	RFT_RC(rf__notify(f->store, p, 9999, "k", NULL, f->now), RF_ENOTFOUND);
	count_messages(f, &queued, &held);
	assert_int_equal(queued + held, 150);
}

/* The stage rules, in their order, at their edges. */
static void test_stage_rules(void **state)
{
	(void)state;
	const int64_t day = 86400000, now = 1000 * day;
	rfc_stage_rules r = { 1, 1, 5, 60 * day };
	rfc_stage_facts f = { 0, 0, 0, 0 };
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_INVITED);
	f = (rfc_stage_facts){ 1, 0, now, 0 };
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_ACTIVE);
	f = (rfc_stage_facts){ 0, 1, 0, now };
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_REFERRING);
	f.referrals = 4;
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_REFERRING);
	f.referrals = 5;
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_CHAMPION);
	/* dormancy: the later of the two times counts, the edge is inclusive */
	f = (rfc_stage_facts){ 3, 5, now - 60 * day + 1, now - 90 * day };
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_CHAMPION);
	f.last_activity_at = now - 60 * day;
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_DORMANT);
	/* nothing done is never dormant */
	f = (rfc_stage_facts){ 0, 0, 0, 0 };
	assert_int_equal(rfc_stage_for(&r, &f, now + 1000 * day), RF_STAGE_INVITED);
	/* thresholds: three events make active, activities and referrals alike */
	r = (rfc_stage_rules){ 3, 2, 4, 10 * day };
	f = (rfc_stage_facts){ 2, 0, now, 0 };
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_INVITED);
	f.referrals = 1;
	f.last_referral_at = now;
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_ACTIVE);
	f.referrals = 2;
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_REFERRING);
	/* zero thresholds place everyone at once */
	r = (rfc_stage_rules){ 0, 0, 0, day };
	f = (rfc_stage_facts){ 0, 0, 0, 0 };
	assert_int_equal(rfc_stage_for(&r, &f, now), RF_STAGE_CHAMPION);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_stage_rules),
		cmocka_unit_test_setup_teardown(test_many_in_one_transaction, rft_setup,
						rft_teardown),
	};
	return cmocka_run_group_tests_name("engagement_internal", tests, NULL, NULL) ? 1 : 0;
}
