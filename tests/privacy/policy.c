/* Per-program privacy policy: versions, checks, IP truncation. */
#include "privacy_tests.h"

#include <stdio.h>
#include <string.h>

static rf_privacy_settings *get(rft_fixture *f, const char *program)
{
	rf_privacy_settings *s = NULL;
	RFT_OK(rf_privacy_policy_get(&s, f->store, program));
	return s;
}

void test_policy_versions(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rf_privacy_settings *s = get(f, "p");
	assert_string_equal(s->program, "p");
	assert_int_equal(s->revision, 0);
	assert_int_equal(s->ip_truncate, 0);
	assert_int_equal(s->retention_ms, 0);
	rf_privacy_settings_free(s);

	rf_privacy_policy p;
	RFT_OK(rf_privacy_policy_init(&p, RF_PRIVACY_POLICY_VERSION));
	p.ip_truncate = 1;
	p.retention_ms = 30 * DAY_MS;
	int64_t rev = 0;
	RFT_OK(rf_privacy_policy_set(&rev, f->store, "p", &p));
	assert_int_equal(rev, 1);
	RFT_OK(rf_privacy_policy_set(&rev, f->store, "p", &p)); /* unchanged: same revision */
	assert_int_equal(rev, 1);
	f->now += 5;
	p.retention_ms = 0;
	RFT_OK(rf_privacy_policy_set(&rev, f->store, "p", &p));
	assert_int_equal(rev, 2);
	s = get(f, "p");
	assert_int_equal(s->revision, 2);
	assert_int_equal(s->ip_truncate, 1);
	assert_int_equal(s->retention_ms, 0);
	assert_int_equal(s->set_at_ms, RFT_T0 + 5);
	rf_privacy_settings_free(s);
	assert_int_equal(priv_query_int(f, "SELECT count(*) FROM privacy_policy"), 2);
}

void test_policy_errors(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	char *before = rft_snapshot(f);
	rf_privacy_policy p = RF_PRIVACY_POLICY_INIT;
	p.ip_truncate = 2;
	RFT_RC(rf_privacy_policy_set(NULL, f->store, "p", &p), RF_EINVALID);
	p.ip_truncate = 0;
	p.retention_ms = -1;
	RFT_RC(rf_privacy_policy_set(NULL, f->store, "p", &p), RF_EINVALID);
	p.retention_ms = RF_RETENTION_MAX_MS + 1;
	RFT_RC(rf_privacy_policy_set(NULL, f->store, "p", &p), RF_EINVALID);
	p.retention_ms = 0;
	RFT_RC(rf_privacy_policy_set(NULL, f->store, "nope", &p), RF_ENOTFOUND);
	RFT_RC(rf_privacy_policy_set(NULL, f->store, "p", NULL), RF_EINVALID);
	p.version = 99;
	RFT_BAD_VERSION(rf_privacy_policy_set(NULL, f->store, "p", &p));
	RFT_BAD_VERSION(rf_privacy_policy_init(&p, 99));
	RFT_UNCHANGED(f, before);
	assert_int_equal(priv_query_int(f, "SELECT count(*) FROM privacy_policy"), 0);
	rf_privacy_settings *s = (rf_privacy_settings *)1;
	RFT_RC(rf_privacy_policy_get(&s, f->store, "nope"), RF_ENOTFOUND);
	assert_null(s);
	RFT_RC(rf_privacy_policy_get(NULL, f->store, "p"), RF_EINVALID);
}

/* Distinct IP hashes among the given touchpoint ids. */
static long long distinct_ips(rft_fixture *f, int64_t a, int64_t b)
{
	char sql[200];
	snprintf(sql, sizeof sql,
		 "SELECT count(DISTINCT ip_hash) FROM touchpoint WHERE id IN (%lld, %lld)",
		 (long long)a, (long long)b);
	return priv_query_int(f, sql);
}

void test_ip_truncation(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_program(f, "whole", NULL);
	rft_advocate(f, "alice");
	char cp[RF_CODE_BUFSIZE], cw[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", cp);
	rft_code(f, "whole", "alice", cw);
	rf_privacy_policy p = RF_PRIVACY_POLICY_INIT;
	p.ip_truncate = 1;
	RFT_OK(rf_privacy_policy_set(NULL, f->store, "p", &p));

	int64_t t = RFT_T0;
	int64_t a = priv_click_ip(f, cp, "v1", "203.0.113.7", t);
	int64_t b = priv_click_ip(f, cp, "v2", "203.0.113.200", t);
	int64_t c = priv_click_ip(f, cp, "v3", "203.0.114.7", t);
	int64_t m = priv_click_ip(f, cp, "v4", "::ffff:203.0.113.9", t);
	assert_int_equal(distinct_ips(f, a, b), 1);
	assert_int_equal(distinct_ips(f, a, c), 2);
	assert_int_equal(distinct_ips(f, a, m), 1);
	int64_t x = priv_click_ip(f, cp, "v5", "2001:db8:1:2::1", t);
	int64_t y = priv_click_ip(f, cp, "v6", "2001:DB8:1:ffff:1:2:3:4", t);
	int64_t z = priv_click_ip(f, cp, "v7", "2001:db8:2::1", t);
	assert_int_equal(distinct_ips(f, x, y), 1);
	assert_int_equal(distinct_ips(f, x, z), 2);
	/* not an address: nothing stored rather than the whole text */
	int64_t g = priv_click_ip(f, cp, "v8", "not-an-ip", t);
	char sql[120];
	snprintf(sql, sizeof sql, "SELECT ip_hash IS NULL FROM touchpoint WHERE id = %lld", (long long)g);
	assert_int_equal(priv_query_int(f, sql), 1);

	/* the program without truncation keeps whole addresses apart */
	int64_t wa = priv_click_ip(f, cw, "v1", "203.0.113.7", t);
	int64_t wb = priv_click_ip(f, cw, "v2", "203.0.113.200", t);
	assert_int_equal(distinct_ips(f, wa, wb), 2);
	/* and the /24 is not the hash of the whole address */
	assert_int_equal(distinct_ips(f, a, wa), 2);

	/* batches follow the policy too; turning it off takes effect at once */
	rf_touchpoint_spec s1 = RF_TOUCHPOINT_SPEC_INIT, s2 = RF_TOUCHPOINT_SPEC_INIT;
	s1.code = s2.code = cp;
	s1.visitor_id = "b1";
	s2.visitor_id = "b2";
	s1.ip = "198.51.100.1";
	s2.ip = "198.51.100.2";
	const rf_touchpoint_spec *batch[] = { &s1, &s2 };
	RFT_OK(rf_touchpoint_record_batch(f->store, batch, 2));
	assert_int_equal(priv_query_int(f, "SELECT count(DISTINCT t.ip_hash) FROM touchpoint t"
					   " JOIN visitor v ON v.id = t.visitor_id WHERE v.ext IN ('b1', 'b2')"),
			 1);
	p.ip_truncate = 0;
	RFT_OK(rf_privacy_policy_set(NULL, f->store, "p", &p));
	int64_t d = priv_click_ip(f, cp, "v9", "203.0.113.7", t);
	assert_int_equal(distinct_ips(f, d, wa), 1);
}
