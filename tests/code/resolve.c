/* Resolving codes: every distinct status, typos, get and disable. */
#include "oracle.h"
#include "suite.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void resolve_rc(rft_fixture *f, const char *input, int want)
{
	rf_code *c = (rf_code *)&c;
	RFT_RC(rf_code_resolve(&c, f->store, input), want);
	if (want == RF_OK) {
		assert_non_null(c);
		rf_code_free(c);
	} else {
		assert_null(c);
	}
}

static void test_resolve_ok_any_spelling(void **state)
{
	rft_fixture *f = *state;
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, RF_CHANNEL_QR, NULL, 0, 0));
	/* lower case, O for 0 and L/I for 1, hyphens and spaces */
	char typed[64];
	size_t n = 0;
	for (size_t i = 0; c->code[i]; i++) {
		char s = c->code[i];
		if (s == '0')
			s = 'o';
		else if (s == '1')
			s = i % 2 ? 'l' : 'I';
		typed[n++] = (char)tolower((unsigned char)s);
		if (i % 3 == 2)
			typed[n++] = i % 2 ? '-' : ' ';
	}
	typed[n] = '\0';
	rf_code *r = NULL;
	RFT_OK(rf_code_resolve(&r, f->store, typed));
	assert_int_equal(r->id, c->id);
	assert_string_equal(r->code, c->code);
	assert_string_equal(r->program, "p");
	assert_string_equal(r->advocate, "ann");
	assert_int_equal(r->channel, RF_CHANNEL_QR);
	assert_int_equal(r->status, RF_STATUS_ACTIVE);
	rf_code_free(r);
	rf_code_free(c);
}

static void test_every_substitution_is_caught(void **state)
{
	rft_fixture *f = *state;
	for (int k = 0; k < 3; k++) {
		rf_code *c = NULL;
		RFT_OK(code_issue(f, &c, 0, NULL, 0, 0));
		char typo[RF_CODE_BUFSIZE];
		size_t len = strlen(c->code);
		for (size_t pos = 0; pos < len; pos++) {
			for (const char *s = RFT_ALPHABET; *s; s++) {
				if (*s == c->code[pos])
					continue;
				strcpy(typo, c->code);
				typo[pos] = *s;
				rf_code *r = (rf_code *)&r;
				int rc = rf_code_resolve(&r, f->store, typo);
				if (rc != RF_ECHECK)
					fail_msg("typo %s of %s: got %d, want RF_ECHECK", typo, c->code, rc);
				assert_null(r);
			}
		}
		rf_code_free(c);
	}
}

static void test_unknown_vs_mistyped(void **state)
{
	rft_fixture *f = *state;
	/* well formed (right check symbol) but never issued */
	char code[RF_CODE_BUFSIZE] = "7YQ2MZ0H";
	code[8] = rft_luhn_check(RFT_ALPHABET, code, 8);
	code[9] = '\0';
	resolve_rc(f, code, RF_ENOTFOUND);
	/* the same with a wrong check symbol */
	code[8] = code[8] == 'A' ? 'B' : 'A';
	resolve_rc(f, code, RF_ECHECK);
}

// LOCAL-BUG-BEGIN
/* rf_code_get documents only RF_EINVALID and RF_ENOTFOUND: a code that was
 * never issued is not found, whatever its check symbol. */
static void test_get_unknown_is_not_found(void **state)
{
	rft_fixture *f = *state;
	char code[RF_CODE_BUFSIZE] = "7YQ2MZ0H";
	code[8] = rft_luhn_check(RFT_ALPHABET, code, 8);
	code[9] = '\0';
	rf_code *c = (rf_code *)&c;
	RFT_RC(rf_code_get(&c, f->store, code), RF_ENOTFOUND);
	assert_null(c);
	code[8] = code[8] == 'A' ? 'B' : 'A'; /* wrong check symbol */
	c = (rf_code *)&c;
	RFT_RC(rf_code_get(&c, f->store, code), RF_ENOTFOUND);
	assert_null(c);
	RFT_RC(rf_code_disable(f->store, code), RF_ENOTFOUND);
}
// LOCAL-BUG-END

static void test_resolve_bad_input(void **state)
{
	rft_fixture *f = *state;
	char *long_input = rft_repeat('A', 200);
	const char *bad[] = { NULL, "", "   ", "--", "\xff\xfe", "ABC!DEF", "BUYNOW12", long_input };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		resolve_rc(f, bad[i], RF_EINVALID);
		rf_code *c = NULL;
		RFT_RC(rf_code_get(&c, f->store, bad[i]), RF_EINVALID);
		RFT_RC(rf_code_disable(f->store, bad[i]), RF_EINVALID);
	}
	free(long_input);
	RFT_RC(rf_code_resolve(NULL, f->store, "ABCD"), RF_EINVALID);
	RFT_RC(rf_code_get(NULL, f->store, "ABCD"), RF_EINVALID);
	rf_code *c = NULL;
	RFT_RC(rf_code_resolve(&c, NULL, "ABCD"), RF_EINVALID);
	RFT_RC(rf_code_get(&c, NULL, "ABCD"), RF_EINVALID);
	RFT_RC(rf_code_disable(NULL, "ABCD"), RF_EINVALID);
}

static void test_expiry_follows_clock(void **state)
{
	rft_fixture *f = *state;
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, 0, NULL, RFT_T0 + RF_HOUR_MS, 0));
	f->now = RFT_T0 + RF_HOUR_MS - 1;
	resolve_rc(f, c->code, RF_OK);
	f->now = RFT_T0 + RF_HOUR_MS + 1;
	resolve_rc(f, c->code, RF_EEXPIRED);
	rf_code *g = NULL;
	RFT_OK(rf_code_get(&g, f->store, c->code)); /* any state */
	assert_int_equal(g->expires_at_ms, RFT_T0 + RF_HOUR_MS);
	rf_code_free(g);
	f->now = RFT_T0; /* the clock decides, not a stored flag */
	resolve_rc(f, c->code, RF_OK);
	rf_code_free(c);
}

static void test_disable(void **state)
{
	rft_fixture *f = *state;
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, 0, NULL, 0, 0));
	RFT_OK(rf_code_disable(f->store, c->code));
	RFT_OK(rf_code_disable(f->store, c->code)); /* twice is harmless */
	resolve_rc(f, c->code, RF_EDISABLED);
	rf_code *g = NULL;
	RFT_OK(rf_code_get(&g, f->store, c->code));
	assert_int_equal(g->status, RF_STATUS_DISABLED);
	rf_code_free(g);
	/* disabling through any spelling */
	rf_code *v = NULL;
	RFT_OK(code_issue(f, &v, 0, "Disable-Me", 0, 0));
	RFT_OK(rf_code_disable(f->store, "disable me"));
	resolve_rc(f, "D1SAB1EME", RF_EDISABLED);
	rf_code_free(v);

	char unknown[RF_CODE_BUFSIZE] = "ZZZZZZZZ";
	unknown[8] = rft_luhn_check(RFT_ALPHABET, unknown, 8);
	unknown[9] = '\0';
	char *before = rft_snapshot(f);
	RFT_RC(rf_code_disable(f->store, unknown), RF_ENOTFOUND);
	RFT_UNCHANGED(f, before);
	rf_code_free(c);
}

static void test_inactive_owner_or_archived_program(void **state)
{
	rft_fixture *f = *state;
	rft_advocate(f, "bob");
	rft_program(f, "q", NULL);
	char by_bob[RF_CODE_BUFSIZE], in_q[RF_CODE_BUFSIZE], other[RF_CODE_BUFSIZE];
	rft_code(f, "p", "bob", by_bob);
	rft_code(f, "q", "ann", in_q);
	rft_code(f, "p", "ann", other);
	RFT_OK(rf_advocate_deactivate(f->store, "bob"));
	RFT_OK(rf_program_archive(f->store, "q"));
	resolve_rc(f, by_bob, RF_EDISABLED);
	resolve_rc(f, in_q, RF_EDISABLED);
	resolve_rc(f, other, RF_OK);
	rf_code *g = NULL;
	RFT_OK(rf_code_get(&g, f->store, by_bob));
	assert_string_equal(g->advocate, "bob");
	rf_code_free(g);
}

static void test_max_uses(void **state)
{
	rft_fixture *f = *state;
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, 0, NULL, 0, 2));
	char visitor[16], order[16];
	for (int i = 0; i < 2; i++) {
		resolve_rc(f, c->code, RF_OK);
		snprintf(visitor, sizeof visitor, "v%d", i);
		snprintf(order, sizeof order, "o%d", i);
		f->now += 1000;
		RFT_OK(rft_click(f, c->code, visitor, 0, NULL));
		f->now += 1000;
		RFT_OK(rft_convert(f, "p", visitor, order, 500, "EUR", 0));
		rf_code *g = NULL;
		RFT_OK(rf_code_get(&g, f->store, c->code));
		assert_int_equal(g->uses, i + 1);
		rf_code_free(g);
	}
	resolve_rc(f, c->code, RF_EEXHAUSTED);
	char *before = rft_snapshot(f);
	RFT_RC(rft_click(f, c->code, "v-late", 0, NULL), RF_EEXHAUSTED);
	RFT_UNCHANGED(f, before);
	/* an unattributed conversion uses nothing */
	rf_code *u = NULL;
	RFT_OK(code_issue(f, &u, 0, NULL, 0, 1));
	RFT_OK(rft_convert(f, "p", "stranger", "o9", 100, "EUR", 0));
	resolve_rc(f, u->code, RF_OK);
	rf_code_free(u);
	rf_code_free(c);
}

int code_resolve_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_resolve_ok_any_spelling, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_every_substitution_is_caught, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_vs_mistyped, code_setup, rft_teardown),
		// LOCAL-BUG-BEGIN
		cmocka_unit_test_setup_teardown(test_get_unknown_is_not_found, code_setup, rft_teardown),
		// LOCAL-BUG-END
		cmocka_unit_test_setup_teardown(test_resolve_bad_input, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_expiry_follows_clock, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_disable, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_inactive_owner_or_archived_program, code_setup,
						rft_teardown),
		cmocka_unit_test_setup_teardown(test_max_uses, code_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("code_resolve", tests, NULL, NULL);
}
