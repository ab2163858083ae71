/* Erasure leaves no trace in any cell of the file, keeps the money and
 * counts; export gives everything held about a person. */
#include "privacy_tests.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADV "adv-alice-7731"
#define NAME "Alice Marker-Name"
#define EMAIL "alice.erasable@example.org"
#define VANITY "ALICEMARK"
#define CUSTOMER "cust-bob-99183"
#define VISITOR "visitor-bob-5512"
#define LANDING "https://shop.example/welcome?who=bob-landing-6621"
#define IP "198.51.100.77"
#define UA "Mozilla/5.0 (RfEraseAgent/3.1)"
#define SOURCE "signup-form-alice-2231"
#define ADV_VISITOR "adv-visitor-alice-8820"
#define ADV_IP "192.0.2.44"
#define TESTIMONIAL "Testimonial words of alice 4471"
#define PROSPECT "Prospect Paula Person 9923"

typedef struct blob {
	unsigned char b[64];
	int n;
} blob;

static blob hex_blob(rft_fixture *f, const char *sql)
{
	char hex[140];
	blob out = { { 0 }, 0 };
	rft_db_query_text(f->path, sql, hex, sizeof hex);
	assert_int_equal(strlen(hex), 32);
	for (out.n = 0; out.n < 16; out.n++) {
		unsigned v = 0;
		sscanf(hex + 2 * out.n, "%2x", &v);
		out.b[out.n] = (unsigned char)v;
	}
	return out;
}

static int contains(const void *hay, int hn, const void *needle, int nn)
{
	for (int i = 0; i + nn <= hn; i++)
		if (!memcmp((const char *)hay + i, needle, (size_t)nn))
			return 1;
	return 0;
}

/* Cells of every column of every table holding the bytes; 0 when none. */
static int cells_with(const char *path, const void *needle, int n, char *where, size_t size)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *tables = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table'",
					    -1, &tables, NULL), SQLITE_OK);
	int found = 0;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[300];
		const char *table = (const char *)sqlite3_column_text(tables, 0);
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", table);
		sqlite3_stmt *rows = NULL;
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				const void *v = sqlite3_column_blob(rows, c);
				if (v && contains(v, sqlite3_column_bytes(rows, c), needle, n)) {
					if (!found++)
						snprintf(where, size, "%s.%s", table, sqlite3_column_name(rows, c));
				}
			}
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return found;
}

static void assert_gone(rft_fixture *f, const void *needle, int n, const char *what)
{
	char where[200] = "";
	int cells = cells_with(f->path, needle, n, where, sizeof where);
	if (cells)
		fail_msg("%s still in %d cell(s), e.g. %s", what, cells, where);
	size_t size = 0;
	unsigned char *bytes = rft_read_file(f->path, &size);
	int in_file = bytes && contains(bytes, (int)size, needle, n);
	free(bytes);
	if (in_file)
		fail_msg("%s still in the bytes of the file", what);
}

static void assert_text_gone(rft_fixture *f, const char *text)
{
	assert_gone(f, text, (int)strlen(text), text);
}

/* A scene touching every kind of data kept about an advocate and a customer. */
static void scene(rft_fixture *f, char code[RF_CODE_BUFSIZE])
{
	rft_program(f, "p", NULL);
	rf_advocate_spec as = RF_ADVOCATE_SPEC_INIT;
	as.external_id = ADV;
	as.display_name = NAME;
	as.email = EMAIL;
	as.visitor_id = ADV_VISITOR;
	as.ip = ADV_IP;
	as.user_agent = "RfAdvocateAgent/1.0";
	RFT_OK(rf_advocate_add(NULL, f->store, &as));
	rft_advocate(f, "bystander");
	rf_code_spec cs = RF_CODE_SPEC_INIT;
	cs.program = "p";
	cs.advocate = ADV;
	cs.vanity = VANITY;
	rf_code *c = NULL;
	RFT_OK(rf_code_issue(&c, f->store, &cs));
	snprintf(code, RF_CODE_BUFSIZE, "%s", c->code);
	rf_code_free(c);
	char other[RF_CODE_BUFSIZE];
	rft_code(f, "p", "bystander", other);
	RFT_OK(rf_consent_set(f->store, ADV, RF_CONSENT_MESSAGES, 1, SOURCE));
	RFT_OK(rf_consent_set(f->store, ADV, RF_CONSENT_TRACKING, 1, SOURCE));
	rf_activity_spec act = RF_ACTIVITY_SPEC_INIT;
	act.program = "p";
	act.advocate = ADV;
	act.type = RF_ACTIVITY_SHARE;
	act.content = "spring-flyer";
	RFT_OK(rf_activity_record(NULL, f->store, &act));
	/* the advocate's voice: a segment, a testimonial, a reference ask
	 * naming a prospect; and the bystander's, which stays */
	RFT_OK(rf_advocate_segment_set(f->store, ADV, "enterprise"));
	rf_testimonial_spec ts = RF_TESTIMONIAL_SPEC_INIT;
	ts.program = "p";
	ts.advocate = ADV;
	ts.product = "crm";
	ts.body = TESTIMONIAL;
	ts.rating = 5;
	ts.publish_consent = 1;
	RFT_OK(rf_testimonial_submit(NULL, f->store, &ts));
	ts.advocate = "bystander";
	ts.body = "bystander words 5580";
	RFT_OK(rf_testimonial_submit(NULL, f->store, &ts));
	rf_reference *ref = NULL;
	RFT_OK(rf_reference_ask(&ref, f->store, "p", ADV, PROSPECT));
	RFT_OK(rf_reference_close(NULL, f->store, "p", ref->id, RF_REFERENCE_ACCEPTED));
	rf_reference_free(ref);
	rf_reward_rule rule = RF_REWARD_RULE_INIT;
	rule.amount = 500;
	rule.approve_at_once = 1;
	RFT_OK(rf_reward_rule_add(NULL, f->store, "p", &rule));
	rule.side = RF_SIDE_REFEREE;
	rule.amount = 300;
	RFT_OK(rf_reward_rule_add(NULL, f->store, "p", &rule));

	rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
	t.code = code;
	t.visitor_id = VISITOR;
	t.ip = IP;
	t.user_agent = UA;
	t.landing_url = LANDING;
	t.at_ms = RFT_T0;
	RFT_OK(rf_touchpoint_record(NULL, f->store, &t));
	RFT_OK(rf_identify(f->store, VISITOR, CUSTOMER));
	t.visitor_id = "someone-else";
	t.landing_url = "https://shop.example/other";
	RFT_OK(rf_touchpoint_record(NULL, f->store, &t));
	RFT_OK(rft_click(f, other, VISITOR, RFT_T0 + 1000, NULL));
	f->now = RFT_T0 + DAY_MS;
	rf_conversion_spec cv = RF_CONVERSION_SPEC_INIT;
	cv.program = "p";
	cv.visitor_id = VISITOR;
	cv.customer_id = CUSTOMER;
	cv.order_id = "order-1";
	cv.value_minor = 10000;
	cv.currency = "EUR";
	RFT_OK(rf_conversion_record(NULL, f->store, &cv));
	rft_track_order(f, "p", "order-1");
	cv.visitor_id = "someone-else";
	cv.customer_id = NULL;
	cv.order_id = "order-2";
	RFT_OK(rf_conversion_record(NULL, f->store, &cv));
	rft_track_order(f, "p", "order-2");
	rf_refund_spec r = RF_REFUND_SPEC_INIT;
	r.program = "p";
	r.order_id = "order-1";
	r.refund_id = "refund-1";
	r.amount_minor = 1000;
	RFT_OK(rf_conversion_refund(NULL, f->store, &r));
}

static char *export_of(rft_fixture *f, int advocate, const char *id)
{
	char *json = NULL;
	RFT_OK(advocate ? rf_advocate_export(&json, f->store, id) : rf_customer_export(&json, f->store, id));
	assert_non_null(json);
	return json;
}

void test_export_person(void **state)
{
	rft_fixture *f = *state;
	char code[RF_CODE_BUFSIZE];
	scene(f, code);
	char *a = export_of(f, 1, ADV);
	const char *want_a[] = { "\"kind\":\"advocate\"", "\"external_id\":\"" ADV "\"",
				 "\"display_name\":\"" NAME "\"", "\"email\":\"held as a keyed hash\"",
				 "\"vanity\":1", "\"touchpoints\":2", "\"order_id\":\"order-2\"", "\"source\":\"" SOURCE "\"",
				 "\"rewards\":[{", "\"amount\":500", "\"ledger\":[{", "\"messages\":[",
				 "\"testimonials\":[{", "\"body\":\"" TESTIMONIAL "\"",
				 "\"prospect\":\"" PROSPECT "\"", "\"accepted_at_ms\":",
				 "\"segments\":[\"enterprise\"]", "\"visitor_id\":\"" ADV_VISITOR "\"",
				 "\"content\":\"spring-flyer\"", "\"activities\":[{", "\"scores\":[",
				 "\"fraud_signals\":[]", "\"stages\":[{\"program\":\"p\",\"stage\":3",
				 "\"stage_history\":[{\"program\":\"p\",\"stage\":2,\"previous\":0" };
	for (size_t i = 0; i < sizeof want_a / sizeof want_a[0]; i++)
		if (!strstr(a, want_a[i]))
			fail_msg("advocate export lacks %s: %s", want_a[i], a);
	assert_null(strstr(a, EMAIL));
	char want_code[64];
	snprintf(want_code, sizeof want_code, "\"code\":\"%s\"", code);
	assert_non_null(strstr(a, want_code));
	assert_null(strstr(a, "order-1")); /* credited to the bystander */
	assert_null(strstr(a, "bystander words")); /* the bystander's testimonial */
	rf_person_export_free(a);

	char *c = export_of(f, 0, CUSTOMER);
	const char *want_c[] = { "\"kind\":\"customer\"", "\"customer_id\":\"" CUSTOMER "\"",
				 "\"visitors\":[\"" VISITOR "\"]", "\"landing_url\":\"" LANDING "\"",
				 "\"ip\":\"held as a keyed hash\"", "\"order_id\":\"order-1\"",
				 "\"refund_id\":\"refund-1\"", "\"amount\":300", "\"fraud_checks\":[" };
	for (size_t i = 0; i < sizeof want_c / sizeof want_c[0]; i++)
		if (!strstr(c, want_c[i]))
			fail_msg("customer export lacks %s: %s", want_c[i], c);
	assert_null(strstr(c, "order-2")); /* someone else's */
	assert_null(strstr(c, IP));
	rf_person_export_free(c);

	char *json = (char *)1;
	RFT_RC(rf_advocate_export(&json, f->store, "nobody"), RF_ENOTFOUND);
	assert_null(json);
	RFT_RC(rf_customer_export(&json, f->store, "nobody"), RF_ENOTFOUND);
	RFT_RC(rf_customer_export(NULL, f->store, CUSTOMER), RF_EINVALID);
	RFT_RC(rf_advocate_export(&json, f->store, ""), RF_EINVALID);
}

void test_erase_leaves_no_trace(void **state)
{
	rft_fixture *f = *state;
	char code[RF_CODE_BUFSIZE];
	scene(f, code);
	blob email = hex_blob(f, "SELECT hex(email_hash) FROM advocate WHERE external_id = '" ADV "'");
	blob ip = hex_blob(f, "SELECT hex(ip_hash) FROM touchpoint WHERE landing_url = '" LANDING "'");
	blob ua = hex_blob(f, "SELECT hex(ua_hash) FROM touchpoint WHERE landing_url = '" LANDING "'");
	blob adv_ip = hex_blob(f, "SELECT hex(ip_hash) FROM advocate WHERE external_id = '" ADV "'");
	blob adv_ua = hex_blob(f, "SELECT hex(ua_hash) FROM advocate WHERE external_id = '" ADV "'");
	rft_counts before = rft_stats(f, "p", NULL);
	char *snap_before = rft_snapshot(f);
	long long ledger = priv_query_int(f, "SELECT count(*) FROM ledger");
	long long ledger_sum = priv_query_int(f, "SELECT sum(amount) FROM ledger");
	assert_true(ledger > 0);
	long long adv_id = priv_query_int(f, "SELECT id FROM advocate WHERE external_id = '" ADV "'");
	char stage_rows[160];
	snprintf(stage_rows, sizeof stage_rows, "SELECT (SELECT count(*) FROM advocate_stage WHERE"
		 " advocate_id = %lld) + (SELECT count(*) FROM stage_change WHERE advocate_id = %lld)",
		 adv_id, adv_id);
	assert_int_equal(priv_query_int(f, stage_rows), 3); /* a stage, active then referring */

	/* bad input changes nothing */
	RFT_RC(rf_advocate_erase(f->store, "nobody"), RF_ENOTFOUND);
	RFT_RC(rf_customer_erase(f->store, "nobody"), RF_ENOTFOUND);
	RFT_RC(rf_advocate_erase(f->store, NULL), RF_EINVALID);
	RFT_UNCHANGED(f, snap_before);

	RFT_OK(rf_advocate_erase(f->store, ADV));
	RFT_OK(rf_customer_erase(f->store, CUSTOMER));
	RFT_RC(rf_advocate_erase(f->store, ADV), RF_ENOTFOUND);
	RFT_RC(rf_customer_erase(f->store, CUSTOMER), RF_ENOTFOUND);

	/* no query finds them */
	rf_advocate *a = NULL;
	RFT_RC(rf_advocate_get(&a, f->store, ADV), RF_ENOTFOUND);
	RFT_RC(rf_advocate_find_by_email(&a, f->store, EMAIL), RF_ENOTFOUND);
	rf_code *c = NULL;
	RFT_RC(rf_code_get(&c, f->store, code), RF_ENOTFOUND);
	char *json = NULL;
	RFT_RC(rf_advocate_export(&json, f->store, ADV), RF_ENOTFOUND);
	RFT_RC(rf_customer_export(&json, f->store, CUSTOMER), RF_ENOTFOUND);

	/* counts and money stay */
	rft_counts after = rft_stats(f, "p", NULL);
	assert_memory_equal(&after, &before, sizeof after);
	assert_int_equal(priv_query_int(f, "SELECT count(*) FROM ledger"), ledger);
	assert_int_equal(priv_query_int(f, "SELECT sum(amount) FROM ledger"), ledger_sum);
	assert_int_equal(priv_query_int(f, stage_rows), 0); /* stage and history gone */
	rf_conversion *cv = NULL;
	RFT_OK(rf_conversion_get(&cv, f->store, "p", "order-1"));
	assert_int_equal(cv->value_minor, 10000);
	assert_int_equal(cv->refunded_minor, 1000);
	assert_int_equal(strncmp(cv->customer_id, "erased-", 7), 0);
	assert_int_equal(strncmp(cv->visitor_id, "erased-", 7), 0);
	assert_string_equal(cv->credits[0]->advocate, "bystander");
	rf_conversion_free(cv);
	RFT_OK(rf_conversion_get(&cv, f->store, "p", "order-2"));
	assert_int_equal(cv->credit_count, 1);
	assert_int_equal(strncmp(cv->credits[0]->advocate, "erased-", 7), 0);
	assert_int_equal(cv->credits[0]->value_minor, 10000);
	assert_string_equal(cv->visitor_id, "someone-else");
	rf_conversion_free(cv);
	RFT_OK(rf_store_check(f->store));
	/* the same ids start afresh */
	rft_advocate(f, ADV);
	RFT_OK(rf_advocate_erase(f->store, ADV));

	rf_store_free(f->store); /* checkpoints the WAL into the file */
	f->store = NULL;
	char where[200];
	assert_true(rft_db_count_cells_containing(f->path, "someone-else", where, sizeof where) > 0);
	assert_text_gone(f, ADV);
	assert_text_gone(f, NAME);
	assert_text_gone(f, EMAIL);
	assert_text_gone(f, VANITY);
	assert_text_gone(f, code);
	assert_text_gone(f, CUSTOMER);
	assert_text_gone(f, VISITOR);
	assert_text_gone(f, "bob-landing-6621");
	assert_text_gone(f, SOURCE);
	assert_text_gone(f, TESTIMONIAL);
	assert_text_gone(f, PROSPECT);
	assert_true(rft_db_count_cells_containing(f->path, "bystander words 5580", where, sizeof where) > 0);
	assert_gone(f, email.b, email.n, "the email hash");
	assert_gone(f, ip.b, ip.n, "the IP hash");
	assert_gone(f, ua.b, ua.n, "the user-agent hash");
	assert_gone(f, adv_ip.b, adv_ip.n, "the advocate's IP hash");
	assert_gone(f, adv_ua.b, adv_ua.n, "the advocate's user-agent hash");
	assert_text_gone(f, ADV_VISITOR);
	rft_reopen(f);
}
