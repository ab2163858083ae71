/* Vanity codes: normalisation, length, alphabet, blocklist, uniqueness. */
#include "oracle.h"
#include "suite.h"

#include <stdlib.h>
#include <string.h>

static void test_vanity_issue_and_resolve(void **state)
{
	rft_fixture *f = *state;
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, RF_CHANNEL_LINKEDIN, "Spring-Sale 26", 0, 0));
	assert_string_equal(c->code, "SPR1NGSA1E26");
	assert_string_equal(c->display, "SPRING-SALE 26");
	assert_int_equal(c->vanity, 1);
	assert_int_equal(c->channel, RF_CHANNEL_LINKEDIN);
	int64_t id = c->id;
	rf_code_free(c);
	/* a vanity code has no check symbol: its last symbol is not the Luhn
	 * check of the rest, and it must resolve all the same */
	assert_int_not_equal(rft_luhn_check(RFT_ALPHABET, "SPR1NGSA1E2", 11), '6');

	const char *typed[] = { "spring sale 26", "SPR1NG-SA1E-26", "sprlngsaie26", "spr1ngsa1e26" };
	for (size_t i = 0; i < 4; i++) {
		RFT_OK(rf_code_resolve(&c, f->store, typed[i]));
		assert_int_equal(c->id, id);
		assert_string_equal(c->code, "SPR1NGSA1E26");
		assert_string_equal(c->advocate, "ann");
		rf_code_free(c);
	}
}

static void test_vanity_length_bounds(void **state)
{
	rft_fixture *f = *state;
	char *max = rft_repeat('7', RF_VANITY_MAX);
	char *over = rft_repeat('8', RF_VANITY_MAX + 1);
	rf_code *c = NULL;
	RFT_OK(code_issue(f, &c, 0, "a-b-c-d", 0, 0)); /* 4 symbols once hyphens go */
	assert_string_equal(c->code, "ABCD");
	rf_code_free(c);
	RFT_OK(code_issue(f, &c, 0, max, 0, 0));
	assert_string_equal(c->code, max);
	rf_code_free(c);

	char *before = rft_snapshot(f);
	RFT_RC(code_issue(f, NULL, 0, "a-b-c", 0, 0), RF_EINVALID);
	RFT_RC(code_issue(f, NULL, 0, "XYZ", 0, 0), RF_EINVALID);
	RFT_RC(code_issue(f, NULL, 0, over, 0, 0), RF_EINVALID);
	RFT_RC(code_issue(f, NULL, 0, "", 0, 0), RF_EINVALID);
	RFT_RC(code_issue(f, NULL, 0, "- - -", 0, 0), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	free(max);
	free(over);
}

static void test_vanity_bad_symbols(void **state)
{
	rft_fixture *f = *state;
	const char *bad[] = { "BUYNOW", "HELLO!", "CAF\xc3\x89-42", "\xff\xfe\xff\xfe", "AB_CD",
			      "ABCD\n", "AB.CD.EF" };
	char *before = rft_snapshot(f);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		RFT_RC(code_issue(f, NULL, 0, bad[i], 0, 0), RF_EINVALID);
	RFT_UNCHANGED(f, before);
}

static void test_vanity_blocklist(void **state)
{
	rft_fixture *f = *state;
	/* unmistakably offensive words, spelled with code symbols once
	 * normalised (I -> 1, O -> 0), alone or inside a longer vanity */
	const char *blocked[] = { "shit", "SHIT-DEAL", "bestshit42", "d1ck", "MYDICK", "cock",
				  "whore", "bastard77", "nazi", "go-nazi-go" };
	char *before = rft_snapshot(f);
	for (size_t i = 0; i < sizeof blocked / sizeof blocked[0]; i++) {
		int rc = code_issue(f, NULL, 0, blocked[i], 0, 0);
		if (rc != RF_EINVALID)
			fail_msg("vanity \"%s\": got %d, want RF_EINVALID (blocked word)", blocked[i], rc);
		rf_code *c = NULL; /* not created (get's exact status is tested elsewhere) */
		assert_true(rf_code_get(&c, f->store, blocked[i]) < 0);
		assert_null(c);
	}
	RFT_UNCHANGED(f, before);
	/* harmless words pass */
	RFT_OK(code_issue(f, NULL, 0, "THANKS-2026", 0, 0));
}

static void test_vanity_unique(void **state)
{
	rft_fixture *f = *state;
	rft_advocate(f, "bob");
	RFT_OK(code_issue(f, NULL, 0, "FRIEND-26", 0, 0));
	rf_code *random = NULL;
	RFT_OK(code_issue(f, &random, 0, NULL, 0, 0));

	char *before = rft_snapshot(f);
	RFT_RC(code_issue(f, NULL, 0, "friend 26", 0, 0), RF_EEXISTS);
	RFT_RC(code_issue(f, NULL, 0, "FR1END26", 0, 0), RF_EEXISTS);
	/* the same vanity for another advocate, or in another program */
	rf_code_spec s = RF_CODE_SPEC_INIT;
	s.program = "p";
	s.advocate = "bob";
	s.vanity = "Friend-26";
	RFT_RC(rf_code_issue(NULL, f->store, &s), RF_EEXISTS);
	rft_program(f, "q", NULL);
	free(before);
	before = rft_snapshot(f);
	s.program = "q";
	RFT_RC(rf_code_issue(NULL, f->store, &s), RF_EEXISTS);
	/* a vanity equal to an issued random code */
	s.vanity = random->code;
	RFT_RC(rf_code_issue(NULL, f->store, &s), RF_EEXISTS);
	RFT_UNCHANGED(f, before);
	rf_code *g = NULL;
	RFT_OK(rf_code_get(&g, f->store, "FRIEND26"));
	assert_string_equal(g->advocate, "ann");
	assert_string_equal(g->program, "p");
	rf_code_free(g);
	rf_code_free(random);
}

int code_vanity_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_vanity_issue_and_resolve, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_vanity_length_bounds, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_vanity_bad_symbols, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_vanity_blocklist, code_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_vanity_unique, code_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("code_vanity", tests, NULL, NULL);
}
