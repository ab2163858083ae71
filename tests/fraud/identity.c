/* Who advocates are (spec version 2), what conversions say of the
 * customer (spec version 3), and the referral graph built from both. */
#include "suite.h"

#include <stdlib.h>
#include <string.h>

#include "dbfile.h"
#include "store/rows.h"

/* Cells of the store's file that hold `needle` (case-insensitive). */
static int on_disk(rft_fixture *f, const char *needle)
{
	char where[128];
	return rft_db_count_cells_containing(f->path, needle, where, sizeof(where));
}

static void test_advocate_identity(void **state)
{
	rft_fixture *f = *state;
	rf_advocate_spec s;
	RFT_OK(rf_advocate_spec_init(&s, RF_ADVOCATE_SPEC_VERSION));
	assert_null(s.customer_id);
	assert_null(s.visitor_id);
	assert_null(s.ip);
	assert_null(s.user_agent);
	s.external_id = "ann";
	s.email = "Ann.Lee+promo@GoogleMail.com";
	s.customer_id = "cust-ann";
	s.visitor_id = "v-ann";
	s.ip = "203.0.113.9";
	s.user_agent = "Mozilla/5.0 (ann)";
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_add(&a, f->store, &s));
	assert_string_equal(a->customer_id, "cust-ann");
	assert_int_equal(a->has_email, 1);
	rf_advocate_free(a);
	RFT_OK(rf_advocate_get(&a, f->store, "ann"));
	assert_string_equal(a->customer_id, "cust-ann");
	rf_advocate_free(a);
	rft_advocate(f, "bob");
	RFT_OK(rf_advocate_get(&a, f->store, "bob"));
	assert_string_equal(a->customer_id, "");
	rf_advocate_free(a);
	/* Empty optional texts count as not given. */
	fx_advocate(f, "cy", "", NULL, "", "", "");
	RFT_OK(rf_advocate_get(&a, f->store, "cy"));
	assert_string_equal(a->customer_id, "");
	rf_advocate_free(a);
	/* Nothing personal in clear on disk. */
	assert_int_equal(on_disk(f, "203.0.113.9"), 0);
	assert_int_equal(on_disk(f, "Mozilla/5.0"), 0);
	assert_int_equal(on_disk(f, "annlee@gmail.com"), 0);
	assert_int_equal(on_disk(f, "Ann.Lee"), 0);
	assert_int_equal(on_disk(f, "cust-ann"), 1); /* the host's id, interned as given */
}

static void test_advocate_v1_spec(void **state)
{
	rft_fixture *f = *state;
	/* A caller built against version 1 (no identity fields). */
	struct { unsigned version; const char *ext; int32_t kind; const char *name, *email; } v1 = {
		1, "old", RF_ADVOCATE_CUSTOMER, "Old", "old@example.com"
	};
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_add(&a, f->store, (const rf_advocate_spec *)(const void *)&v1));
	assert_string_equal(a->external_id, "old");
	assert_string_equal(a->customer_id, "");
	rf_advocate_free(a);
}

static void test_advocate_bad_identity(void **state)
{
	rft_fixture *f = *state;
	char *long_id = rft_repeat('c', RF_MAX_ID_LEN + 1);
	char *long_text = rft_repeat('u', RF_MAX_TEXT_LEN + 1);
	rf_advocate_spec base = RF_ADVOCATE_SPEC_INIT, s;
	base.external_id = "new";
	for (int field = 0; field < 5; field++) {
		/* ids up to RF_MAX_ID_LEN, texts up to RF_MAX_TEXT_LEN, valid UTF-8;
		 * an email must be an address. */
		const char *bad[] = { field < 2 ? long_id : long_text, "\xff\xfe",
				      field == 4 ? "not-an-address" : "ok\xe2\x82" };
		for (size_t i = 0; i < 3; i++) {
			s = base;
			const char **slot[] = { &s.customer_id, &s.visitor_id, &s.ip, &s.user_agent,
						&s.email };
			*slot[field] = bad[i];
			char *before = rft_snapshot(f);
			RFT_RC(rf_advocate_add(NULL, f->store, &s), RF_EINVALID);
			RFT_UNCHANGED(f, before);
		}
	}
	free(long_id);
	free(long_text);
}

static void test_conversion_fields(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann", code);
	RFT_OK(rft_click(f, code, "v1", RFT_T0, NULL));
	rf_conversion_spec s;
	RFT_OK(rf_conversion_spec_init(&s, RF_CONVERSION_SPEC_VERSION));
	assert_null(s.email);
	assert_null(s.ip);
	assert_null(s.user_agent);
	assert_int_equal(s.existing_customer, 0);
	RFT_OK(fx_convert(f, "p", "v1", "o1", "c1", "Buyer@Example.com", "198.51.100.1", "UA",
			  RFT_T0 + 1000));
	/* Bad customer fields: nothing is written. */
	rf_conversion_spec base = RF_CONVERSION_SPEC_INIT;
	base.program = "p";
	base.visitor_id = "v1";
	base.order_id = "o2";
	base.currency = "EUR";
	char *long_text = rft_repeat('x', RF_MAX_TEXT_LEN + 1);
	const char *bad_email[] = { "nope", "@x.com", "x@", long_text, "\xff@x.com" };
	for (size_t i = 0; i < 5; i++) {
		s = base;
		s.email = bad_email[i];
		char *before = rft_snapshot(f);
		RFT_RC(rf_conversion_record(NULL, f->store, &s), RF_EINVALID);
		RFT_UNCHANGED(f, before);
	}
	const int32_t bad_mark[] = { -1, 2, 100 };
	for (size_t i = 0; i < 3; i++) {
		s = base;
		s.existing_customer = bad_mark[i];
		char *before = rft_snapshot(f);
		RFT_RC(rf_conversion_record(NULL, f->store, &s), RF_EINVALID);
		RFT_UNCHANGED(f, before);
	}
	s = base;
	s.ip = long_text;
	char *before = rft_snapshot(f);
	RFT_RC(rf_conversion_record(NULL, f->store, &s), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	s = base;
	s.user_agent = "\xc0\xaf";
	before = rft_snapshot(f);
	RFT_RC(rf_conversion_record(NULL, f->store, &s), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	free(long_text);
	/* A retry need not repeat the customer fields. */
	RFT_RC(fx_convert(f, "p", "v1", "o1", "c1", NULL, NULL, NULL, RFT_T0 + 1000), RF_DUPLICATE);
	assert_int_equal(on_disk(f, "buyer@example.com"), 0);
	assert_int_equal(on_disk(f, "198.51.100.1"), 0);
}

/* Collect edges into a flat array of (from, to). */
typedef struct edges {
	int64_t pairs[32][2];
	size_t n;
} edges;

static int collect(void *ctx, const rfs_edge *e)
{
	edges *out = ctx;
	assert_true(out->n < 32);
	out->pairs[out->n][0] = e->from;
	out->pairs[out->n][1] = e->to;
	out->n++;
	return RF_OK;
}

static int64_t advocate_id(rft_fixture *f, const char *ext)
{
	rf_advocate *a = NULL;
	RFT_OK(rf_advocate_get(&a, f->store, ext));
	int64_t id = a->id;
	rf_advocate_free(a);
	return id;
}

static void test_referral_graph(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_program(f, "q", NULL);
	fx_advocate(f, "ann", "c-ann", NULL, NULL, NULL, NULL);
	fx_advocate(f, "bob", "c-bob", NULL, NULL, NULL, NULL);
	fx_advocate(f, "cy", "c-cy", NULL, NULL, NULL, NULL);
	fx_advocate(f, "dee", NULL, NULL, NULL, NULL, NULL);
	char ann[RF_CODE_BUFSIZE], bob[RF_CODE_BUFSIZE], bob_q[RF_CODE_BUFSIZE];
	rft_code(f, "p", "ann", ann);
	rft_code(f, "p", "bob", bob);
	rft_code(f, "q", "bob", bob_q);
	/* ann referred bob (twice: one edge), bob referred cy in q, ann's own
	 * purchase is no edge, a stranger's purchase is no edge. */
	RFT_OK(rft_click(f, ann, "vb", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "vb", "o1", "c-bob", NULL, NULL, NULL, RFT_T0 + 1));
	RFT_OK(fx_convert(f, "p", "vb", "o2", "c-bob", NULL, NULL, NULL, RFT_T0 + 2));
	RFT_OK(rft_click(f, bob_q, "vc", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "q", "vc", "o3", "c-cy", NULL, NULL, NULL, RFT_T0 + 3));
	RFT_OK(rft_click(f, ann, "va", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "va", "o4", "c-ann", NULL, NULL, NULL, RFT_T0 + 4));
	RFT_OK(rft_click(f, bob, "vx", RFT_T0, NULL));
	RFT_OK(fx_convert(f, "p", "vx", "o5", "c-stranger", NULL, NULL, NULL, RFT_T0 + 5));
	int64_t a = advocate_id(f, "ann"), b = advocate_id(f, "bob"), c = advocate_id(f, "cy");
	rf_program *pp = NULL, *pq = NULL;
	RFT_OK(rf_program_get(&pp, f->store, "p"));
	RFT_OK(rf_program_get(&pq, f->store, "q"));

	edges all = { 0 }, in_p = { 0 }, in_q = { 0 };
	RFT_OK(rfs_referral_edges(f->store, 0, collect, &all));
	RFT_OK(rfs_referral_edges(f->store, pp->id, collect, &in_p));
	RFT_OK(rfs_referral_edges(f->store, pq->id, collect, &in_q));
	assert_int_equal(all.n, 2);
	int64_t want_all[2][2] = { { a, b }, { b, c } };
	if (a > b) /* ordered by from */
		assert_true(0);
	assert_memory_equal(all.pairs, want_all, sizeof(want_all));
	assert_int_equal(in_p.n, 1);
	assert_int_equal(in_p.pairs[0][0], a);
	assert_int_equal(in_p.pairs[0][1], b);
	assert_int_equal(in_q.n, 1);
	assert_int_equal(in_q.pairs[0][0], b);
	assert_int_equal(in_q.pairs[0][1], c);

	int64_t *to = NULL;
	size_t n = 0;
	RFT_OK(rfs_referral_edges_from(f->store, 0, a, &to, &n));
	assert_int_equal(n, 1);
	assert_int_equal(to[0], b);
	free(to);
	RFT_OK(rfs_referral_edges_from(f->store, pp->id, b, &to, &n));
	assert_int_equal(n, 0);
	free(to);
	RFT_OK(rfs_referral_edges_from(f->store, 0, b, &to, &n));
	assert_int_equal(n, 1);
	assert_int_equal(to[0], c);
	free(to);
	rf_program_free(pp);
	rf_program_free(pq);
}

int fraud_identity_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_advocate_identity, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_advocate_v1_spec, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_advocate_bad_identity, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_conversion_fields, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_referral_graph, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("identity", tests, NULL, NULL);
}
