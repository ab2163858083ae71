/* Issuing random codes: shape, check symbol, uniqueness, failures. */
#include "oracle.h"
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_spec_init(void **state)
{
	(void)state;
	rf_code_spec s;
	memset(&s, 0x44, sizeof s);
	RFT_OK(rf_code_spec_init(&s, RF_CODE_SPEC_VERSION));
	assert_int_equal(s.version, RF_CODE_SPEC_VERSION);
	assert_null(s.program);
	assert_null(s.advocate);
	assert_int_equal(s.channel, RF_CHANNEL_NONE);
	assert_null(s.vanity);
	assert_int_equal(s.expires_at_ms, 0);
	assert_int_equal(s.max_uses, 0);
	RFT_RC(rf_code_spec_init(NULL, RF_CODE_SPEC_VERSION), RF_EINVALID);
	RFT_RC(rf_code_spec_init(&s, 0), RF_EVERSION);
	RFT_RC(rf_code_spec_init(&s, RF_CODE_SPEC_VERSION + 1), RF_EVERSION);
}

/* The oracle reproduces published Luhn mod N vectors. */
static void test_luhn_oracle(void **state)
{
	(void)state;
	assert_int_equal(rft_luhn_check("abcdef", "abcdef", 6), 'e');
	assert_int_equal(rft_luhn_check("0123456789", "7992739871", 10), '3');
	const char *a29 = "1234567890ABCDEFHKMNPRSTUWXYZ";
	assert_int_equal(rft_luhn_check(a29, "CHAR", 4), 'M');
	assert_int_equal(rft_luhn_check(a29, "SW1SS", 5), '9');
	assert_int_equal(rft_luhn_check(a29, "TRANSFERC0DE", 12), 'T');
	assert_int_equal(rft_luhn_check(a29, "Y8P8ECFN", 8), '8');
}

/* A random code: `len` payload symbols, then the Luhn mod 32 check. */
static void assert_random_shape(const char *code, int32_t len)
{
	assert_int_equal(strlen(code), (size_t)len + 1);
	for (int32_t i = 0; i <= len; i++)
		if (!code[i] || !strchr(RFT_ALPHABET, code[i]))
			fail_msg("code %s: symbol %d not in the alphabet", code, i);
	assert_int_equal(code[len], rft_luhn_check(RFT_ALPHABET, code, (size_t)len));
}

static void test_issue_random(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 9;
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, RF_CHANNEL_WHATSAPP, NULL, RFT_T0 + RF_DAY_MS, 3));
	assert_non_null(c);
	assert_true(c->id > 0);
	assert_random_shape(c->code, 8);
	char norm[RF_CODE_BUFSIZE];
	RFT_OK(rf_code_normalize(norm, sizeof norm, c->display));
	assert_string_equal(norm, c->code);
	assert_string_equal(c->program, "p");
	assert_string_equal(c->advocate, "ann");
	assert_int_equal(c->channel, RF_CHANNEL_WHATSAPP);
	assert_int_equal(c->status, RF_STATUS_ACTIVE);
	assert_int_equal(c->vanity, 0);
	assert_int_equal(c->expires_at_ms, RFT_T0 + RF_DAY_MS);
	assert_int_equal(c->max_uses, 3);
	assert_int_equal(c->uses, 0);
	assert_int_equal(c->created_at_ms, RFT_T0 + 9);

	rf_code *g = NULL;
	RFT_OK(rf_code_get(&g, f->store, c->code));
	assert_int_equal(g->id, c->id);
	assert_string_equal(g->code, c->code);
	assert_string_equal(g->display, c->display);
	assert_int_equal(g->channel, c->channel);
	assert_int_equal(g->expires_at_ms, c->expires_at_ms);
	assert_int_equal(g->max_uses, 3);
	rf_code_free(g);
	rf_code_free(c);
	rf_code_free(NULL);
	RFT_OK(code_issue(f, NULL, RF_CHANNEL_NONE, NULL, 0, 0)); /* out may be NULL */
}

static void test_issue_every_channel(void **state)
{
	rft_fixture *f = *state;
	for (int32_t ch = RF_CHANNEL_NONE; ch <= RF_CHANNEL_OTHER; ch++) {
		rf_code *c = NULL;
		RFT_OK(code_issue(f, &c, ch, NULL, 0, 0));
		assert_int_equal(c->channel, ch);
		rf_code_free(c);
	}
}

static void test_code_length_follows_rules(void **state)
{
	rft_fixture *f = *state;
	const int32_t lengths[] = { RF_CODE_LENGTH_MIN, 12, RF_CODE_LENGTH_MAX };
	for (size_t i = 0; i < 3; i++) {
		rf_program_rules r = RF_PROGRAM_RULES_INIT;
		r.code_length = lengths[i];
		char key[16];
		snprintf(key, sizeof key, "len%d", lengths[i]);
		rft_program(f, key, &r);
		for (int k = 0; k < 20; k++) {
			rf_code_spec s = RF_CODE_SPEC_INIT;
			s.program = key;
			s.advocate = "ann";
			rf_code *c = NULL;
			RFT_OK(rf_code_issue(&c, f->store, &s));
			assert_random_shape(c->code, lengths[i]);
			rf_code_free(c);
		}
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_codes_unique_and_varied(void **state)
{
	rft_fixture *f = *state;
	enum { N = 400 };
	char *codes[N];
	unsigned seen[9][32] = { { 0 } };
	for (int i = 0; i < N; i++) {
		rf_code *c = NULL;
		RFT_OK(code_issue(f, &c, RF_CHANNEL_NONE, NULL, 0, 0));
		assert_random_shape(c->code, 8);
		codes[i] = strdup(c->code);
		for (int k = 0; k < 8; k++)
			seen[k][strchr(RFT_ALPHABET, c->code[k]) - RFT_ALPHABET]++;
		rf_code_free(c);
	}
	qsort(codes, N, sizeof codes[0], cmp_str);
	for (int i = 1; i < N; i++)
		assert_string_not_equal(codes[i - 1], codes[i]);
	for (int i = 0; i < N; i++)
		free(codes[i]);
	/* every position uses most of the alphabet (400 draws of 32 symbols:
	 * a uniform source leaves fewer than 3 symbols unseen) */
	for (int k = 0; k < 8; k++) {
		int used = 0;
		for (int s = 0; s < 32; s++)
			used += seen[k][s] > 0;
		assert_true(used >= 26);
	}
}

static void issue_fails(rft_fixture *f, const rf_code_spec *s, int want)
{
	char *before = rft_snapshot(f);
	rf_code *c = (rf_code *)&c;
	RFT_RC(rf_code_issue(&c, f->store, s), want);
	assert_null(c);
	RFT_UNCHANGED(f, before);
}

/* rf_code_list: an advocate's codes in issue order, per program or all,
 * in every state; other advocates' codes never appear. */
static void test_list_codes(void **state)
{
	rft_fixture *f = *state;
	rf_code *a = NULL, *b = NULL;
	RFT_OK(code_issue(f, &a, RF_CHANNEL_EMAIL, NULL, 0, 0));
	RFT_OK(code_issue(f, &b, RF_CHANNEL_SMS, "ANN-LIST", 0, 0));
	RFT_OK(rf_code_disable(f->store, b->code));
	RFT_OK(rf_program_create(NULL, f->store, "q", NULL, NULL));
	rft_advocate(f, "bob");
	char other[RF_CODE_BUFSIZE], in_q[RF_CODE_BUFSIZE];
	rft_code(f, "p", "bob", other);
	rft_code(f, "q", "ann", in_q);

	rf_codes *list = NULL;
	RFT_OK(rf_code_list(&list, f->store, "p", "ann"));
	assert_int_equal(list->count, 2);
	assert_string_equal(list->items[0]->code, a->code);
	assert_string_equal(list->items[1]->code, b->code);
	assert_int_equal(list->items[1]->status, RF_STATUS_DISABLED);
	assert_int_equal(list->items[1]->channel, RF_CHANNEL_SMS);
	rf_codes_free(list);

	RFT_OK(rf_code_list(&list, f->store, NULL, "ann"));
	assert_int_equal(list->count, 3);
	assert_string_equal(list->items[2]->code, in_q);
	assert_string_equal(list->items[2]->program, "q");
	rf_codes_free(list);

	RFT_OK(rf_code_list(&list, f->store, "q", "bob"));
	assert_int_equal(list->count, 0);
	rf_codes_free(list);

	RFT_RC(rf_code_list(&list, f->store, "nope", "ann"), RF_ENOTFOUND);
	assert_null(list);
	RFT_RC(rf_code_list(&list, f->store, "p", "nobody"), RF_ENOTFOUND);
	RFT_RC(rf_code_list(&list, f->store, "p", NULL), RF_EINVALID);
	RFT_RC(rf_code_list(&list, f->store, "p", "\xff"), RF_EINVALID);
	RFT_RC(rf_code_list(NULL, f->store, "p", "ann"), RF_EINVALID);
	rf_codes_free(NULL);
	rf_code_free(a);
	rf_code_free(b);
}

static void test_issue_failures(void **state)
{
	rft_fixture *f = *state;
	rft_advocate(f, "gone");
	RFT_OK(rf_advocate_deactivate(f->store, "gone"));
	rft_program(f, "old", NULL);
	RFT_OK(rf_program_archive(f->store, "old"));
	char *long_id = rft_repeat('x', RF_MAX_ID_LEN + 1);
	const rf_code_spec base = { RF_CODE_SPEC_VERSION, "p", "ann", RF_CHANNEL_NONE, NULL, 0, 0, NULL };
	rf_code_spec s;

	issue_fails(f, NULL, RF_EINVALID);
	const char *bad_text[] = { NULL, "", long_id, "\xff\xfe" };
	for (size_t i = 0; i < 4; i++) {
		s = base;
		s.program = bad_text[i];
		issue_fails(f, &s, RF_EINVALID);
		s = base;
		s.advocate = bad_text[i];
		issue_fails(f, &s, RF_EINVALID);
	}
	s = base;
	s.program = "nope";
	issue_fails(f, &s, RF_ENOTFOUND);
	s = base;
	s.advocate = "nobody";
	issue_fails(f, &s, RF_ENOTFOUND);
	s = base;
	s.program = "old";
	issue_fails(f, &s, RF_EDISABLED);
	s = base;
	s.advocate = "gone";
	issue_fails(f, &s, RF_EDISABLED);
	const int32_t bad_channels[] = { -1, RF_CHANNEL_OTHER + 1, 1000 };
	for (size_t i = 0; i < 3; i++) {
		s = base;
		s.channel = bad_channels[i];
		issue_fails(f, &s, RF_EINVALID);
	}
	s = base;
	s.max_uses = -1;
	issue_fails(f, &s, RF_EINVALID);
	s = base;
	s.expires_at_ms = -5;
	issue_fails(f, &s, RF_EINVALID);

	char *before = rft_snapshot(f);
	s = base;
	s.version = 0;
	RFT_BAD_VERSION(rf_code_issue(NULL, f->store, &s));
	s.version = RF_CODE_SPEC_VERSION + 1;
	RFT_BAD_VERSION(rf_code_issue(NULL, f->store, &s));
	s = base;
	RFT_RC(rf_code_issue(NULL, NULL, &s), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	free(long_id);
}

int code_issue_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_init),
		cmocka_unit_test(test_luhn_oracle),
		cmocka_unit_test_setup_teardown(test_issue_random, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_issue_every_channel, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_code_length_follows_rules, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_codes_unique_and_varied, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_issue_failures, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_codes, code_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("code_issue", tests, NULL, NULL);
}
