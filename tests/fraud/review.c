/* The review queue and every review state transition; the fraud policy;
 * bad input changes nothing. The injected clock dates reviews. */
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char code[RF_CODE_BUFSIZE];

/* Program p, advocate ann, and `n` conversions held for review (a
 * disposable email weighs 30: review). */
static void held(rft_fixture *f, int n)
{
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	rft_code(f, "p", "ann", code);
	for (int i = 0; i < n; i++) {
		char visitor[16], order[16];
		snprintf(visitor, sizeof(visitor), "v%d", i);
		snprintf(order, sizeof(order), "h%d", i);
		RFT_OK(rft_click(f, code, visitor, RFT_T0 - 600000, NULL));
		RFT_OK(fx_convert(f, "p", visitor, order, NULL, "x@mailinator.com", NULL, NULL,
				  RFT_T0 + i));
	}
}

static size_t queue_len(rft_fixture *f)
{
	rf_fraud_checks *q = NULL;
	RFT_OK(rf_fraud_queue(&q, f->store, "p", 0, 1000));
	size_t n = q->count;
	rf_fraud_checks_free(q);
	return n;
}

static void test_queue_pages(void **state)
{
	rft_fixture *f = *state;
	held(f, 3);
	RFT_OK(rft_click(f, code, "clean", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "clean", "ok", NULL, NULL, NULL, NULL, RFT_T0 + 600000));
	rf_fraud_checks *q = NULL;
	RFT_OK(rf_fraud_queue(&q, f->store, "p", 0, 2));
	assert_int_equal(q->count, 2);
	assert_string_equal(q->items[0]->order_id, "h0");
	assert_string_equal(q->items[1]->order_id, "h1");
	assert_int_equal(q->items[0]->status, RF_REVIEW_HELD);
	assert_int_equal(q->items[0]->decision, RF_FRAUD_REVIEW);
	assert_int_equal(q->items[0]->signal_count, 1);
	assert_int_equal(q->items[0]->signals[0]->kind, RF_FRAUD_DISPOSABLE_EMAIL);
	assert_non_null(strstr(q->items[0]->summary, "held for review"));
	int64_t cursor = q->next_cursor;
	assert_true(cursor > 0);
	rf_fraud_checks_free(q);
	RFT_OK(rf_fraud_queue(&q, f->store, "p", cursor, 2));
	assert_int_equal(q->count, 1);
	assert_string_equal(q->items[0]->order_id, "h2");
	assert_int_equal(q->next_cursor, 0);
	rf_fraud_checks_free(q);
	RFT_RC(rf_fraud_queue(&q, f->store, "p", 0, 1001), RF_EINVALID);
	assert_null(q);
	RFT_RC(rf_fraud_queue(&q, f->store, "p", -1, 1), RF_EINVALID);
	RFT_RC(rf_fraud_queue(&q, f->store, "nope", 0, 1), RF_ENOTFOUND);
	RFT_RC(rf_fraud_queue(NULL, f->store, "p", 0, 1), RF_EINVALID);
}

static void test_approve_and_reject(void **state)
{
	rft_fixture *f = *state;
	held(f, 2);
	f->now = RFT_T0 + 3600000;
	rf_fraud_check *c = NULL;
	RFT_OK(rf_fraud_review(&c, f->store, "p", "h0", 1, "rita", "customer called: real friend"));
	assert_int_equal(c->status, RF_REVIEW_APPROVED);
	assert_int_equal(c->decision, RF_FRAUD_REVIEW); /* the automatic verdict stays */
	assert_string_equal(c->reviewer, "rita");
	assert_string_equal(c->review_reason, "customer called: real friend");
	assert_int_equal(c->reviewed_at_ms, RFT_T0 + 3600000);
	assert_non_null(strstr(c->summary, "approved by rita"));
	rf_fraud_check_free(c);
	f->now += 1000;
	RFT_OK(rf_fraud_review(NULL, f->store, "p", "h1", 0, "rita", "same card as the advocate"));
	c = fx_check(f, "h1");
	assert_int_equal(c->status, RF_REVIEW_REJECTED);
	assert_int_equal(c->reviewed_at_ms, RFT_T0 + 3601000);
	rf_fraud_check_free(c);
	assert_int_equal(queue_len(f), 0);
	/* A reviewed conversion cannot be reviewed again. */
	RFT_RC(rf_fraud_review(&c, f->store, "p", "h0", 0, "sam", "changed my mind"), RF_ECONFLICT);
	assert_null(c);
	RFT_RC(rf_fraud_review(NULL, f->store, "p", "h1", 1, "sam", "changed my mind"), RF_ECONFLICT);
	c = fx_check(f, "h0");
	assert_int_equal(c->status, RF_REVIEW_APPROVED);
	assert_string_equal(c->reviewer, "rita");
	rf_fraud_check_free(c);
}

static void test_automatic_verdicts_are_not_reviewable(void **state)
{
	rft_fixture *f = *state;
	held(f, 0);
	RFT_OK(rft_click(f, code, "v", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "v", "clean", NULL, NULL, NULL, NULL, RFT_T0 + 600000));
	RFT_RC(rf_fraud_review(NULL, f->store, "p", "clean", 1, "rita", "ok"), RF_ECONFLICT);
	RFT_OK(rft_click(f, code, "w", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "w", "bot", NULL, NULL, NULL, "curl/8.5", RFT_T0 + 600000));
	RFT_RC(rf_fraud_review(NULL, f->store, "p", "bot", 1, "rita", "ok"), RF_ECONFLICT);
	rf_fraud_check *c = fx_check(f, "bot");
	assert_int_equal(c->decision, RF_FRAUD_REJECT);
	assert_int_equal(c->status, RF_REVIEW_NONE);
	rf_fraud_check_free(c);
}

static void test_bad_review_changes_nothing(void **state)
{
	rft_fixture *f = *state;
	held(f, 1);
	char *long_name = rft_repeat('r', RF_MAX_NAME_LEN + 1);
	struct { const char *program, *order; int32_t approve; const char *who, *why; int want; } bad[] = {
		{ "p", "h0", 2, "rita", "x", RF_EINVALID },
		{ "p", "h0", -1, "rita", "x", RF_EINVALID },
		{ "p", "h0", 1, "", "x", RF_EINVALID },
		{ "p", "h0", 1, NULL, "x", RF_EINVALID },
		{ "p", "h0", 1, long_name, "x", RF_EINVALID },
		{ "p", "h0", 1, "rita", "", RF_EINVALID },
		{ "p", "h0", 1, "rita", "\xff", RF_EINVALID },
		{ "p", "nope", 1, "rita", "x", RF_ENOTFOUND },
		{ "q", "h0", 1, "rita", "x", RF_ENOTFOUND },
		{ NULL, "h0", 1, "rita", "x", RF_EINVALID },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *before = rft_snapshot(f);
		rf_fraud_check *c = (rf_fraud_check *)&c;
		RFT_RC(rf_fraud_review(&c, f->store, bad[i].program, bad[i].order, bad[i].approve,
				       bad[i].who, bad[i].why), bad[i].want);
		assert_null(c);
		RFT_UNCHANGED(f, before);
		assert_int_equal(queue_len(f), 1);
	}
	free(long_name);
	rf_fraud_check *c = NULL;
	RFT_RC(rf_fraud_get(&c, f->store, "p", "nope"), RF_ENOTFOUND);
	RFT_RC(rf_fraud_get(&c, f->store, NULL, "h0"), RF_EINVALID);
	RFT_RC(rf_fraud_get(NULL, f->store, "p", "h0"), RF_EINVALID);
}

static void same_policy(const rf_fraud_policy *a, const rf_fraud_policy *b)
{
	assert_int_equal(a->version, b->version);
	assert_int_equal(a->approve_below, b->approve_below);
	assert_int_equal(a->reject_from, b->reject_from);
	assert_int_equal(a->weight_self_referral, b->weight_self_referral);
	assert_int_equal(a->weight_disposable_email, b->weight_disposable_email);
	assert_int_equal(a->weight_conversion_velocity, b->weight_conversion_velocity);
	assert_int_equal(a->weight_click_velocity, b->weight_click_velocity);
	assert_int_equal(a->weight_fast_conversion, b->weight_fast_conversion);
	assert_int_equal(a->weight_existing_customer, b->weight_existing_customer);
	assert_int_equal(a->weight_duplicate_identity, b->weight_duplicate_identity);
	assert_int_equal(a->weight_referral_ring, b->weight_referral_ring);
	assert_int_equal(a->weight_bot, b->weight_bot);
	assert_int_equal(a->hard_signals, b->hard_signals);
	assert_int_equal(a->window_ms, b->window_ms);
	assert_int_equal(a->max_conversions_advocate, b->max_conversions_advocate);
	assert_int_equal(a->max_conversions_ip, b->max_conversions_ip);
	assert_int_equal(a->max_clicks_advocate, b->max_clicks_advocate);
	assert_int_equal(a->max_clicks_ip, b->max_clicks_ip);
	assert_int_equal(a->min_click_to_conversion_ms, b->min_click_to_conversion_ms);
	assert_int_equal(a->ring_max_depth, b->ring_max_depth);
}

static void test_policy(void **state)
{
	rft_fixture *f = *state;
	held(f, 0);
	rf_fraud_policy p;
	int64_t v = 0;
	RFT_OK(rf_fraud_policy_get(&p, &v, f->store, "p"));
	assert_int_equal(v, 1);
	rf_fraud_policy d;
	RFT_OK(rf_fraud_policy_init(&d, RF_FRAUD_POLICY_VERSION));
	same_policy(&p, &d);
	assert_int_equal(d.approve_below, 30);
	assert_int_equal(d.reject_from, 70);
	RFT_RC(rf_fraud_policy_init(&d, 0), RF_EVERSION);
	RFT_RC(rf_fraud_policy_init(&d, RF_FRAUD_POLICY_VERSION + 1), RF_EVERSION);
	RFT_RC(rf_fraud_policy_init(NULL, RF_FRAUD_POLICY_VERSION), RF_EINVALID);
	/* Raise the disposable weight: now it rejects. */
	p.weight_disposable_email = 80;
	RFT_OK(rf_fraud_policy_set(&v, f->store, "p", &p));
	assert_int_equal(v, 2);
	rf_fraud_policy got;
	RFT_OK(rf_fraud_policy_get(&got, &v, f->store, "p"));
	assert_int_equal(v, 2);
	same_policy(&got, &p);
	RFT_OK(rft_click(f, code, "v", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "v", "o1", NULL, "a@yopmail.com", NULL, NULL, RFT_T0 + 600000));
	rf_fraud_check *c = fx_check(f, "o1");
	assert_int_equal(c->decision, RF_FRAUD_REJECT);
	assert_int_equal(c->risk, 80);
	assert_int_equal(c->policy_version, 2);
	rf_fraud_check_free(c);
	/* Bad policies: nothing changes. */
	rf_fraud_policy b;
	for (int i = 0; i < 11; i++) {
		b = got;
		switch (i) {
		case 0: b.weight_bot = 101; break;
		case 1: b.weight_referral_ring = -1; break;
		case 2: b.approve_below = 0; break;
		case 3: b.approve_below = 80; b.reject_from = 70; break;
		case 4: b.reject_from = 102; break;
		case 5: b.hard_signals = 1u << 20; break;
		case 6: b.window_ms = 0; break;
		case 7: b.max_clicks_ip = 0; break;
		case 8: b.ring_max_depth = 1; break;
		case 9: b.ring_max_depth = 33; break;
		default: b.version = 99; break;
		}
		int want = i == 10 ? RF_EVERSION : RF_EINVALID;
		v = -1;
		if (i == 10)
			RFT_BAD_VERSION(rf_fraud_policy_set(&v, f->store, "p", &b));
		else
			RFT_RC(rf_fraud_policy_set(&v, f->store, "p", &b), want);
		assert_int_equal(v, 0);
		RFT_OK(rf_fraud_policy_get(&p, &v, f->store, "p"));
		assert_int_equal(v, 2);
	}
	RFT_RC(rf_fraud_policy_set(NULL, f->store, "p", NULL), RF_EINVALID);
	RFT_RC(rf_fraud_policy_set(NULL, f->store, "nope", &got), RF_ENOTFOUND);
	RFT_RC(rf_fraud_policy_get(&p, NULL, f->store, "nope"), RF_ENOTFOUND);
}

int fraud_review_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_queue_pages, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_approve_and_reject, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_automatic_verdicts_are_not_reviewable, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_bad_review_changes_nothing, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_policy, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("review", tests, NULL, NULL);
}
