/* Every signal, the verdict and the explanation, through the public API
 * with the fixture's injected clock. */
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN INT64_C(60000)
#define DAY RF_DAY_MS

static char ann_code[RF_CODE_BUFSIZE], bob_code[RF_CODE_BUFSIZE];

/* Program p; ann (customer c-ann, email, visitor, IP+UA) and bob, one code each. */
static void scene(rft_fixture *f)
{
	rft_program(f, "p", NULL);
	fx_advocate(f, "ann", "c-ann", "Ann.Lee@gmail.com", "v-ann", "203.0.113.1", "UA-ann");
	fx_advocate(f, "bob", "c-bob", NULL, NULL, NULL, NULL);
	rft_code(f, "p", "ann", ann_code);
	rft_code(f, "p", "bob", bob_code);
}

/* A click on `code` by `visitor` 10 minutes before `at`, then a conversion. */
static int convert(rft_fixture *f, const char *code, const char *visitor, const char *order,
		   const char *customer, const char *email, const char *ip, const char *ua,
		   int64_t at)
{
	RFT_OK(rft_click(f, code, visitor, at - 10 * MIN, NULL));
	return fx_convert(f, "p", visitor, order, customer, email, ip, ua, at);
}

rf_fraud_check *fx_check(rft_fixture *f, const char *order)
{
	rf_fraud_check *c = NULL;
	RFT_OK(rf_fraud_get(&c, f->store, "p", order));
	return c;
}

/* The signal of `kind` in a check, or NULL. */
const rf_fraud_signal_hit *fx_signal(const rf_fraud_check *c, int32_t kind)
{
	for (size_t i = 0; i < c->signal_count; i++)
		if (c->signals[i]->kind == kind)
			return c->signals[i];
	return NULL;
}

static void expect(rft_fixture *f, const char *order, int32_t kind, int32_t decision,
		   const char *evidence_part)
{
	rf_fraud_check *c = fx_check(f, order);
	const rf_fraud_signal_hit *h = fx_signal(c, kind);
	if (h == NULL)
		fail_msg("%s: no %s signal (%s)", order, rf_enum_name(RF_ENUM_FRAUD_SIGNAL, kind),
			 c->summary);
	if (evidence_part && strstr(h->evidence, evidence_part) == NULL)
		fail_msg("%s: evidence '%s' lacks '%s'", order, h->evidence, evidence_part);
	assert_int_equal(c->decision, decision);
	assert_non_null(strstr(c->summary, rf_enum_name(RF_ENUM_FRAUD_SIGNAL, kind)));
	rf_fraud_check_free(c);
}

static void expect_clean(rft_fixture *f, const char *order)
{
	rf_fraud_check *c = fx_check(f, order);
	if (c->signal_count != 0)
		fail_msg("%s: unexpected signals: %s", order, c->summary);
	assert_int_equal(c->risk, 0);
	assert_int_equal(c->decision, RF_FRAUD_APPROVE);
	assert_int_equal(c->status, RF_REVIEW_NONE);
	assert_string_equal(c->summary, "approve at risk 0: no signal fired");
	rf_fraud_check_free(c);
}

static void test_clean_conversion(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	RFT_OK(convert(f, ann_code, "v1", "o1", "c-1", "someone@example.com", "198.51.100.1",
		       "Mozilla/5.0", RFT_T0));
	expect_clean(f, "o1");
	rf_fraud_check *c = fx_check(f, "o1");
	assert_string_equal(c->program, "p");
	assert_string_equal(c->order_id, "o1");
	assert_string_equal(c->advocate, "ann");
	assert_int_equal(c->at_ms, RFT_T0);
	assert_int_equal(c->policy_version, 1);
	assert_string_equal(c->reviewer, "");
	rf_fraud_check_free(c);
	/* Unattributed: no advocate, still checked. */
	RFT_OK(fx_convert(f, "p", "nobody", "o2", NULL, NULL, NULL, NULL, RFT_T0));
	c = fx_check(f, "o2");
	assert_string_equal(c->advocate, "");
	assert_int_equal(c->decision, RF_FRAUD_APPROVE);
	rf_fraud_check_free(c);
}

static void test_self_referral(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	RFT_OK(convert(f, ann_code, "v1", "by-customer", "c-ann", NULL, NULL, NULL, RFT_T0));
	expect(f, "by-customer", RF_FRAUD_SELF_REFERRAL, RF_FRAUD_REJECT, "customer id");
	/* Gmail dots, +tag and googlemail.com are one mailbox. */
	RFT_OK(convert(f, ann_code, "v2", "by-email", NULL, "annlee+promo@GoogleMail.com", NULL,
		       NULL, RFT_T0));
	expect(f, "by-email", RF_FRAUD_SELF_REFERRAL, RF_FRAUD_REJECT, "email");
	RFT_OK(convert(f, ann_code, "v-ann", "by-visitor", NULL, NULL, NULL, NULL, RFT_T0));
	expect(f, "by-visitor", RF_FRAUD_SELF_REFERRAL, RF_FRAUD_REJECT, "visitor id");
	RFT_OK(convert(f, ann_code, "v3", "by-ip-ua", NULL, NULL, "203.0.113.1", "UA-ann", RFT_T0));
	expect(f, "by-ip-ua", RF_FRAUD_SELF_REFERRAL, RF_FRAUD_REJECT, "IP+user agent");
	rf_fraud_check *c = fx_check(f, "by-ip-ua");
	assert_int_equal(fx_signal(c, RF_FRAUD_SELF_REFERRAL)->hard, 1);
	assert_int_equal(c->risk, 100);
	assert_non_null(strstr(c->summary, "hard rule"));
	rf_fraud_check_free(c);
	/* The same IP with another user agent is not the advocate. */
	RFT_OK(convert(f, ann_code, "v4", "ip-only", NULL, NULL, "203.0.113.1", "UA-other", RFT_T0));
	expect_clean(f, "ip-only");
	/* Another advocate's customer id is no self-referral. */
	RFT_OK(convert(f, bob_code, "v5", "other", "c-ann", NULL, NULL, NULL, RFT_T0));
	rf_fraud_check *o = fx_check(f, "other");
	assert_null(fx_signal(o, RF_FRAUD_SELF_REFERRAL));
	rf_fraud_check_free(o);
}

/* Ann's identity was hashed under the key before a rotation: during the
 * overlap her email and IP+UA still give her away; once the old key is
 * gone they cannot be matched any more (nothing keeps the clear values). */
static void test_self_referral_after_rotation(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	f->now = RFT_T0 + DAY;
	int64_t key = 0;
	RFT_OK(rf_secret_rotate(&key, f->store, 7 * DAY));
	assert_int_equal(key, 2);
	RFT_OK(convert(f, ann_code, "v1", "rot-email", NULL, "ann.lee@gmail.com", NULL, NULL,
		       RFT_T0 + 2 * DAY));
	expect(f, "rot-email", RF_FRAUD_SELF_REFERRAL, RF_FRAUD_REJECT, "email");
	RFT_OK(convert(f, ann_code, "v2", "rot-ip-ua", NULL, NULL, "203.0.113.1", "UA-ann",
		       RFT_T0 + 3 * DAY));
	expect(f, "rot-ip-ua", RF_FRAUD_SELF_REFERRAL, RF_FRAUD_REJECT, "IP+user agent");

	f->now = RFT_T0 + 10 * DAY; /* the overlap is over */
	int64_t destroyed = 0;
	RFT_OK(rf_secret_expire(&destroyed, f->store));
	assert_int_equal(destroyed, 1);
	RFT_OK(convert(f, ann_code, "v3", "late-email", NULL, "ann.lee@gmail.com", NULL, NULL,
		       RFT_T0 + 11 * DAY));
	rf_fraud_check *c = fx_check(f, "late-email");
	assert_null(fx_signal(c, RF_FRAUD_SELF_REFERRAL));
	rf_fraud_check_free(c);
}

static void test_disposable_email(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	RFT_OK(convert(f, ann_code, "v1", "o1", NULL, "x@Mailinator.com", NULL, NULL, RFT_T0));
	expect(f, "o1", RF_FRAUD_DISPOSABLE_EMAIL, RF_FRAUD_REVIEW, "mailinator.com");
	RFT_OK(convert(f, ann_code, "v2", "o2", NULL, "x@mail.yopmail.com", NULL, NULL, RFT_T0));
	expect(f, "o2", RF_FRAUD_DISPOSABLE_EMAIL, RF_FRAUD_REVIEW, "mail.yopmail.com");
	/* The host's list replaces the shipped one. */
	char path[400];
	snprintf(path, sizeof(path), "%s/domains.txt", f->dir);
	const char *list = "# our list\n  Burner.Example \nthrowaway.test # trailing comment\n\n";
	rft_write_file(path, list, strlen(list));
	int64_t n = 0;
	RFT_OK(rf_fraud_domains_load(&n, f->store, path));
	assert_int_equal(n, 2);
	RFT_OK(convert(f, ann_code, "v3", "o3", NULL, "x@mailinator.com", NULL, NULL, RFT_T0));
	expect_clean(f, "o3");
	RFT_OK(convert(f, ann_code, "v4", "o4", NULL, "x@eu.burner.example", NULL, NULL, RFT_T0));
	expect(f, "o4", RF_FRAUD_DISPOSABLE_EMAIL, RF_FRAUD_REVIEW, "burner.example");
	/* A bad file changes nothing. */
	const char *bad = "fine.example\nnot a domain\n";
	rft_write_file(path, bad, strlen(bad));
	n = -1;
	RFT_RC(rf_fraud_domains_load(&n, f->store, path), RF_EINVALID);
	assert_int_equal(n, 0);
	assert_non_null(strstr(rf_error_last()->message, "line 2"));
	RFT_OK(convert(f, ann_code, "v5", "o5", NULL, "x@burner.example", NULL, NULL, RFT_T0));
	expect(f, "o5", RF_FRAUD_DISPOSABLE_EMAIL, RF_FRAUD_REVIEW, NULL);
	RFT_RC(rf_fraud_domains_load(NULL, f->store, "/nonexistent/list"), RF_EIO);
	RFT_RC(rf_fraud_domains_load(NULL, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_fraud_domains_load(NULL, f->store, ""), RF_EINVALID);
	/* An empty list brings the shipped one back. */
	rft_write_file(path, "# nothing\n", 10);
	RFT_OK(rf_fraud_domains_load(&n, f->store, path));
	assert_int_equal(n, 0);
	RFT_OK(convert(f, ann_code, "v6", "o6", NULL, "x@mailinator.com", NULL, NULL, RFT_T0));
	expect(f, "o6", RF_FRAUD_DISPOSABLE_EMAIL, RF_FRAUD_REVIEW, NULL);
}

static void set_policy(rft_fixture *f, const rf_fraud_policy *p)
{
	int64_t v = 0;
	RFT_OK(rf_fraud_policy_set(&v, f->store, "p", p));
	assert_true(v >= 2);
}

/* `n` clicks on `code` a minute apart from `at`, by visitors c0, c1, ...,
 * the i-th from ips[i]. */
static void ip_clicks(rft_fixture *f, const char *code, const char *const *ips, int n, int64_t at)
{
	for (int i = 0; i < n; i++) {
		rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
		char visitor[16];
		snprintf(visitor, sizeof(visitor), "c%d", i);
		t.code = code;
		t.visitor_id = visitor;
		t.at_ms = at + i * MIN;
		t.ip = ips[i];
		RFT_OK(rf_touchpoint_record(NULL, f->store, &t));
	}
}

static void test_conversion_velocity(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.max_conversions_advocate = 2;
	p.max_conversions_ip = 2;
	p.window_ms = 60 * MIN;
	set_policy(f, &p);
	RFT_OK(convert(f, ann_code, "v1", "o1", NULL, NULL, NULL, NULL, RFT_T0));
	RFT_OK(convert(f, ann_code, "v2", "o2", NULL, NULL, NULL, NULL, RFT_T0 + 10 * MIN));
	expect_clean(f, "o2");
	RFT_OK(convert(f, ann_code, "v3", "o3", NULL, NULL, NULL, NULL, RFT_T0 + 20 * MIN));
	expect(f, "o3", RF_FRAUD_CONVERSION_VELOCITY, RF_FRAUD_APPROVE, "3 conversions for advocate ann");
	/* The window slides: an hour after the first, two remain. */
	RFT_OK(convert(f, ann_code, "v4", "o4", NULL, NULL, NULL, NULL, RFT_T0 + 70 * MIN + 1));
	expect_clean(f, "o4");
	/* Per IP, across advocates. */
	RFT_OK(convert(f, bob_code, "w1", "i1", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + 100 * MIN));
	RFT_OK(convert(f, bob_code, "w2", "i2", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + 101 * MIN));
	RFT_OK(convert(f, ann_code, "w3", "i3", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + 102 * MIN));
	expect(f, "i3", RF_FRAUD_CONVERSION_VELOCITY, RF_FRAUD_APPROVE, "from the customer's IP");
}

static void test_click_velocity_and_fast_conversion(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.max_clicks_advocate = 5;
	p.max_clicks_ip = 2;
	set_policy(f, &p);
	/* Three clicks from one IP on ann's codes, then a conversion from it. */
	const char *ips[] = { "192.0.2.50", "192.0.2.50", "192.0.2.50" };
	ip_clicks(f, ann_code, ips, 3, RFT_T0);
	RFT_OK(convert(f, ann_code, "v1", "o1", NULL, NULL, "192.0.2.50", NULL, RFT_T0 + 20 * MIN));
	expect(f, "o1", RF_FRAUD_CLICK_VELOCITY, RF_FRAUD_APPROVE, "from the customer's IP");
	for (int i = 0; i < 3; i++)
		RFT_OK(rft_click(f, ann_code, "burst", RFT_T0 + 21 * MIN + i, NULL));
	RFT_OK(convert(f, ann_code, "v2", "o2", NULL, NULL, NULL, NULL, RFT_T0 + 30 * MIN));
	expect(f, "o2", RF_FRAUD_CLICK_VELOCITY, RF_FRAUD_APPROVE, "clicks on advocate ann's codes");
	/* Cookie stuffing: a conversion 800 ms after the click. */
	RFT_OK(rft_click(f, bob_code, "fast", RFT_T0 + 200 * MIN, NULL));
	RFT_OK(fx_convert(f, "p", "fast", "o3", NULL, NULL, NULL, NULL, RFT_T0 + 200 * MIN + 800));
	expect(f, "o3", RF_FRAUD_FAST_CONVERSION, RF_FRAUD_APPROVE, "800 ms");
	RFT_OK(rft_click(f, bob_code, "slow", RFT_T0 + 300 * MIN, NULL));
	RFT_OK(fx_convert(f, "p", "slow", "o4", NULL, NULL, NULL, NULL, RFT_T0 + 300 * MIN + 6000));
	expect_clean(f, "o4");
	/* Two timing signals together hold the conversion. */
	rf_fraud_check *c = fx_check(f, "o1");
	assert_int_equal(c->risk, 25);
	rf_fraud_check_free(c);
}

/* Per-IP velocity across a key rotation: the conversions and clicks
 * before it were hashed under the old key, the new conversion's IP is
 * matched under every live key. */
static void test_velocity_after_rotation(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.max_conversions_ip = 2;
	p.max_clicks_ip = 2;
	p.window_ms = 60 * MIN;
	set_policy(f, &p);
	RFT_OK(convert(f, bob_code, "w1", "i1", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + MIN));
	RFT_OK(convert(f, bob_code, "w2", "i2", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + 2 * MIN));
	const char *ips[] = { "192.0.2.50", "192.0.2.50", "192.0.2.50" };
	ip_clicks(f, ann_code, ips, 3, RFT_T0 + 3 * MIN);
	f->now = RFT_T0 + 10 * MIN;
	RFT_OK(rf_secret_rotate(NULL, f->store, DAY));
	RFT_OK(convert(f, ann_code, "w3", "i3", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + 20 * MIN));
	expect(f, "i3", RF_FRAUD_CONVERSION_VELOCITY, RF_FRAUD_APPROVE,
	       "3 conversions from the customer's IP");
	RFT_OK(convert(f, ann_code, "w4", "i4", NULL, NULL, "192.0.2.50", NULL, RFT_T0 + 21 * MIN));
	expect(f, "i4", RF_FRAUD_CLICK_VELOCITY, RF_FRAUD_APPROVE,
	       "3 clicks on advocate ann's codes from the customer's IP");
}

/* A program that truncates IPs stores its clicks' /24: a conversion from
 * that network matches them. */
static void test_click_velocity_truncated_ips(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.max_clicks_ip = 2;
	set_policy(f, &p);
	rf_privacy_policy pp = RF_PRIVACY_POLICY_INIT;
	pp.ip_truncate = 1;
	RFT_OK(rf_privacy_policy_set(NULL, f->store, "p", &pp));
	const char *ips[] = { "192.0.2.50", "192.0.2.51", "192.0.2.52" };
	ip_clicks(f, ann_code, ips, 3, RFT_T0);
	RFT_OK(convert(f, ann_code, "v1", "o1", NULL, NULL, "192.0.2.60", NULL, RFT_T0 + 20 * MIN));
	expect(f, "o1", RF_FRAUD_CLICK_VELOCITY, RF_FRAUD_APPROVE, "from the customer's IP");
	/* Another network does not. */
	RFT_OK(convert(f, ann_code, "v2", "o2", NULL, NULL, "192.0.3.50", NULL, RFT_T0 + 21 * MIN));
	expect_clean(f, "o2");
}

/* A program that truncates IPs keeps its conversions' /24 too, never the
 * whole address: conversions from one network count together. */
static void test_conversion_velocity_truncated_ips(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.max_conversions_ip = 2;
	set_policy(f, &p);
	rf_privacy_policy pp = RF_PRIVACY_POLICY_INIT;
	pp.ip_truncate = 1;
	RFT_OK(rf_privacy_policy_set(NULL, f->store, "p", &pp));
	RFT_OK(convert(f, bob_code, "w1", "i1", NULL, NULL, "192.0.2.9", NULL, RFT_T0 + MIN));
	RFT_OK(convert(f, bob_code, "w2", "i2", NULL, NULL, "192.0.2.10", NULL, RFT_T0 + 2 * MIN));
	RFT_OK(convert(f, ann_code, "w3", "i3", NULL, NULL, "192.0.2.11", NULL, RFT_T0 + 3 * MIN));
	expect(f, "i3", RF_FRAUD_CONVERSION_VELOCITY, RF_FRAUD_APPROVE,
	       "3 conversions from the customer's IP");
	/* Another network does not. */
	RFT_OK(convert(f, ann_code, "w4", "i4", NULL, NULL, "192.0.3.11", NULL, RFT_T0 + 4 * MIN));
	expect_clean(f, "i4");
}

static void test_existing_customer_and_bot(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	RFT_OK(rft_click(f, ann_code, "v1", RFT_T0 - 10 * MIN, NULL));
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = "p";
	s.visitor_id = "v1";
	s.order_id = "old";
	s.currency = "EUR";
	s.value_minor = 500;
	s.existing_customer = 1;
	RFT_OK(rf_conversion_record(NULL, f->store, &s));
	expect(f, "old", RF_FRAUD_EXISTING_CUSTOMER, RF_FRAUD_REJECT, "existing");
	RFT_OK(convert(f, ann_code, "v2", "bot", NULL, NULL, NULL,
		       "Mozilla/5.0 (compatible; Googlebot/2.1)", RFT_T0));
	expect(f, "bot", RF_FRAUD_BOT, RF_FRAUD_REJECT, "bot");
	RFT_OK(convert(f, ann_code, "v3", "preview", NULL, NULL, NULL,
		       "facebookexternalhit/1.1", RFT_T0));
	expect(f, "preview", RF_FRAUD_BOT, RF_FRAUD_REJECT, NULL);
}

static void test_duplicate_identity(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	/* Two more accounts of ann: same mailbox, same sign-up device. */
	fx_advocate(f, "ann2", NULL, "annlee@gmail.com", NULL, NULL, NULL);
	fx_advocate(f, "ann3", NULL, NULL, NULL, "203.0.113.1", "UA-ann");
	RFT_OK(convert(f, ann_code, "v1", "o1", NULL, NULL, NULL, NULL, RFT_T0));
	expect(f, "o1", RF_FRAUD_DUPLICATE_IDENTITY, RF_FRAUD_REVIEW, "2 other advocate(s): ann2, ann3");
	rf_fraud_check *c = fx_check(f, "o1");
	const rf_fraud_signal_hit *h = fx_signal(c, RF_FRAUD_DUPLICATE_IDENTITY);
	assert_non_null(strstr(h->evidence, "email"));
	assert_non_null(strstr(h->evidence, "IP+user agent"));
	assert_int_equal(c->status, RF_REVIEW_HELD);
	rf_fraud_check_free(c);
	RFT_OK(convert(f, bob_code, "v2", "o2", NULL, NULL, NULL, NULL, RFT_T0));
	expect_clean(f, "o2");
}

/* Duplicate identities across a key rotation. Ann signed up under the
 * old key; ann2 (her mailbox) and ann3 (her sign-up IP+UA) sign up during
 * the overlap, under the new key: they match her from either side. Dora,
 * not seen again before the old key expired, matches nobody afterwards. */
static void test_duplicate_identity_after_rotation(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	fx_advocate(f, "dora", NULL, "dora@example.com", NULL, "198.51.100.7", "UA-dora");
	f->now = RFT_T0 + DAY;
	RFT_OK(rf_secret_rotate(NULL, f->store, 7 * DAY));
	f->now = RFT_T0 + 2 * DAY;
	fx_advocate(f, "ann2", NULL, "annlee@gmail.com", NULL, NULL, NULL);
	fx_advocate(f, "ann3", NULL, NULL, NULL, "203.0.113.1", "UA-ann");
	RFT_OK(convert(f, ann_code, "v1", "o1", NULL, NULL, NULL, NULL, f->now));
	expect(f, "o1", RF_FRAUD_DUPLICATE_IDENTITY, RF_FRAUD_REVIEW,
	       "2 other advocate(s): ann2, ann3");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann3", code);
	RFT_OK(convert(f, code, "v2", "o2", NULL, NULL, NULL, NULL, f->now));
	expect(f, "o2", RF_FRAUD_DUPLICATE_IDENTITY, RF_FRAUD_REVIEW,
	       "IP+user agent with 1 other advocate(s): ann");

	f->now = RFT_T0 + 10 * DAY; /* the overlap is over */
	RFT_OK(rf_secret_expire(NULL, f->store));
	fx_advocate(f, "dora2", NULL, "dora@example.com", NULL, "198.51.100.7", "UA-dora");
	rft_code(f, "p", "dora2", code);
	RFT_OK(convert(f, code, "v3", "o3", NULL, NULL, NULL, NULL, f->now));
	expect_clean(f, "o3");
}

static void test_referral_ring(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	fx_advocate(f, "cy", "c-cy", NULL, NULL, NULL, NULL);
	char cy_code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "cy", cy_code);
	/* ann -> bob -> cy, then cy refers ann: a ring of three. */
	RFT_OK(convert(f, ann_code, "vb", "o1", "c-bob", NULL, NULL, NULL, RFT_T0));
	expect_clean(f, "o1");
	RFT_OK(convert(f, bob_code, "vc", "o2", "c-cy", NULL, NULL, NULL, RFT_T0 + MIN));
	expect_clean(f, "o2");
	RFT_OK(convert(f, cy_code, "va", "o3", "c-ann", NULL, NULL, NULL, RFT_T0 + 2 * MIN));
	expect(f, "o3", RF_FRAUD_REFERRAL_RING, RF_FRAUD_REJECT, "3 advocates: cy -> ann -> bob -> cy");
	/* Shorter depth limit: the same cycle is not looked for. */
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.ring_max_depth = 2;
	set_policy(f, &p);
	RFT_OK(convert(f, cy_code, "va2", "o4", "c-ann", NULL, NULL, NULL, RFT_T0 + 3 * MIN));
	rf_fraud_check *c = fx_check(f, "o4");
	assert_null(fx_signal(c, RF_FRAUD_REFERRAL_RING));
	assert_int_equal(c->policy_version, 2);
	rf_fraud_check_free(c);
	/* A ring of two: bob refers ann back. */
	RFT_OK(convert(f, bob_code, "va3", "o5", "c-ann", NULL, NULL, NULL, RFT_T0 + 4 * MIN));
	expect(f, "o5", RF_FRAUD_REFERRAL_RING, RF_FRAUD_REJECT, "2 advocates: bob -> ann -> bob");
}

static void test_risk_is_capped(void **state)
{
	rft_fixture *f = *state;
	scene(f);
	fx_advocate(f, "ann2", NULL, "annlee@gmail.com", NULL, NULL, NULL);
	rf_fraud_policy p = RF_FRAUD_POLICY_INIT;
	p.hard_signals = 0;
	p.reject_from = 101; /* never by risk alone */
	set_policy(f, &p);
	RFT_OK(convert(f, ann_code, "v-ann", "o1", "c-ann", "x@mailinator.com", NULL, "curl/8.0",
		       RFT_T0));
	rf_fraud_check *c = fx_check(f, "o1");
	assert_true(c->signal_count >= 4);
	assert_int_equal(c->risk, 100);
	assert_int_equal(c->decision, RF_FRAUD_REVIEW);
	for (size_t i = 0; i < c->signal_count; i++)
		assert_int_equal(c->signals[i]->hard, 0);
	rf_fraud_check_free(c);
}

int fraud_signal_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_clean_conversion, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_self_referral, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_self_referral_after_rotation, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_disposable_email, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_conversion_velocity, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_click_velocity_and_fast_conversion, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_velocity_after_rotation, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_conversion_velocity_truncated_ips, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_click_velocity_truncated_ips, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_existing_customer_and_bot, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_identity, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_identity_after_rotation, rft_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_referral_ring, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_risk_is_capped, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("signals", tests, NULL, NULL);
}
