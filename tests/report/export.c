/* Exports: CSV and JSON of touchpoints, conversions, credit rows and
 * codes; chunked streaming with flat memory; a callback that stops. */
#include "suite.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

/* Output gathered from the callback. */
typedef struct sink {
	char *data;
	size_t len;
	size_t chunks, largest;
	int stop_after; /* stop (return 7) after this many chunks; 0: never */
} sink;

static int gather(void *payload, const char *data, size_t len)
{
	sink *k = payload;
	k->data = realloc(k->data, k->len + len + 1);
	memcpy(k->data + k->len, data, len);
	k->len += len;
	k->data[k->len] = '\0';
	k->chunks++;
	if (len > k->largest)
		k->largest = len;
	return k->stop_after && k->chunks >= (size_t)k->stop_after ? 7 : 0;
}

char *report_export(rf_store *store, const char *program, int32_t what, int32_t format,
		    uint32_t flags, int64_t *rows)
{
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	sink k = { 0 };
	o.program = program;
	o.what = what;
	o.format = format;
	o.flags = flags;
	RFT_OK(rf_export(rows, store, &o, gather, &k));
	assert_non_null(k.data);
	return k.data;
}

/* The line of `text` that starts with `prefix` (asserts there is one). */
static void assert_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = text; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
			return;
	}
	fail_msg("no line '%s' in:\n%s", line, text);
}

void test_export_csv(void **state)
{
	rft_fixture *f = *state;
	int64_t rows = 0;
	char *csv = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV, 0, &rows);
	assert_int_equal(rows, 6); /* program q's click stays out */
	assert_line(csv, "touchpoint_id,at_ms,at,code,advocate,channel,kind,visitor_id,customer_id,"
			 "direct,duplicate");
	char want[200];
	snprintf(want, sizeof(want), "1,%lld,2026-01-01T01:00:00.000Z,%s,ann,email,click,v1,,0,0",
		 (long long)(RFT_T0 + H), f->codes[0]);
	assert_line(csv, want);
	snprintf(want, sizeof(want), "2,%lld,2026-01-01T01:01:00.000Z,%s,ann,email,click,v1,,0,1",
		 (long long)(RFT_T0 + H + 60000), f->codes[0]);
	assert_line(csv, want);
	free(csv);

	csv = report_export(f->store, "p", RF_EXPORT_CONVERSIONS, RF_FORMAT_CSV, 0, &rows);
	assert_int_equal(rows, 6);
	assert_line(csv, "conversion_id,at_ms,at,order_id,kind,visitor_id,customer_id,value_minor,"
			 "currency,refunded_minor,attributed,model,rules_version,follows_order");
	assert_non_null(strstr(csv, ",2026-01-07T00:00:00.000Z,o4,purchase,v4,,2000,EUR,500,1,last,1,\n"));
	assert_non_null(strstr(csv, ",o9,purchase,v9,,700,EUR,0,0,last,1,\n"));
	/* Oldest first: o1s before o1 before o2. */
	assert_true(strstr(csv, ",o1s,") < strstr(csv, ",o1,"));
	assert_true(strstr(csv, ",o1,") < strstr(csv, ",o2,"));
	free(csv);

	csv = report_export(f->store, "p", RF_EXPORT_ATTRIBUTIONS, RF_FORMAT_CSV, 0, &rows);
	assert_int_equal(rows, 5); /* o9 credits nobody */
	assert_line(csv, "order_id,conversion_at_ms,conversion_at,seq,advocate,code,channel,"
			 "touchpoint_at_ms,weight,value_minor,refunded_minor,currency");
	snprintf(want, sizeof(want), "o4,%lld,2026-01-07T00:00:00.000Z,0,cy,%s,linkedin,%lld,1,2000,500,EUR",
		 (long long)(RFT_T0 + 6 * D), f->codes[2], (long long)(RFT_T0 + 5 * D));
	assert_line(csv, want);
	free(csv);

	csv = report_export(f->store, "p", RF_EXPORT_CODES, RF_FORMAT_CSV, 0, &rows);
	assert_int_equal(rows, 3);
	assert_line(csv, "code,display,advocate,advocate_kind,channel,vanity,status,expires_at_ms,"
			 "max_uses,uses,created_at_ms");
	/* No display names, emails or hashes leave the store. */
	assert_null(strstr(csv, "Archer"));
	assert_null(strstr(csv, "Quotes"));
	free(csv);
}

void test_export_csv_quoting(void **state)
{
	rft_fixture *f = *state;
	RFT_OK(rft_click(f, f->codes[0], "v,\"odd\" visitor", RFT_T0 + 2 * D, NULL));
	char *csv = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV, 0, NULL);
	assert_non_null(strstr(csv, ",click,\"v,\"\"odd\"\" visitor\",,0,0\n"));
	free(csv);
	char *json = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_JSON, 0, NULL);
	assert_non_null(strstr(json, "\"visitor_id\":\"v,\\\"odd\\\" visitor\""));
	free(json);
}

void test_export_json(void **state)
{
	rft_fixture *f = *state;
	int64_t rows = 0;
	char *json = report_export(f->store, "p", RF_EXPORT_CONVERSIONS, RF_FORMAT_JSON, 0, &rows);
	assert_int_equal(rows, 6);
	assert_true(strncmp(json, "[\n{\"conversion_id\":", 19) == 0);
	assert_non_null(strstr(json, "\"order_id\":\"o4\",\"kind\":\"purchase\",\"visitor_id\":\"v4\","
				     "\"customer_id\":null,\"value_minor\":2000,\"currency\":\"EUR\","
				     "\"refunded_minor\":500,\"attributed\":1,\"model\":\"last\","
				     "\"rules_version\":1,\"follows_order\":null}"));
	assert_string_equal(json + strlen(json) - 3, "\n]\n");
	free(json);

	json = report_export(f->store, "p", RF_EXPORT_ATTRIBUTIONS, RF_FORMAT_JSON, 0, &rows);
	assert_non_null(strstr(json, "\"weight\":1,\"value_minor\":2000,\"refunded_minor\":500"));
	free(json);

	/* An empty period is an empty array (and a CSV header alone). */
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	sink k = { 0 };
	o.program = "p";
	o.format = RF_FORMAT_JSON;
	o.from_ms = RFT_T0 + 100 * D;
	RFT_OK(rf_export(&rows, f->store, &o, gather, &k));
	assert_int_equal(rows, 0);
	assert_string_equal(k.data, "[]\n");
	free(k.data);
}

void test_export_pseudonyms(void **state)
{
	rft_fixture *f = *state;
	char *csv = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV,
				  RF_EXPORT_PSEUDONYMS, NULL);
	assert_null(strstr(csv, ",v1,"));
	/* v1's two clicks carry the same pseudonym. */
	const char *first = strstr(csv, ",v-");
	assert_non_null(first);
	char pseudo[32];
	memcpy(pseudo, first, 27);
	pseudo[27] = '\0';
	assert_non_null(strstr(first + 1, pseudo));
	char *again = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV,
				    RF_EXPORT_PSEUDONYMS, NULL);
	assert_string_equal(csv, again);
	free(csv);
	free(again);
}

/* What a large export's callback saw. */
typedef struct measured {
	size_t total, chunks, largest;
	size_t heap_second, heap_last; /* heap in use at the 2nd and last chunk */
	int torn;                      /* a chunk did not end a row */
} measured;

static int measure(void *payload, const char *data, size_t len)
{
	measured *m = payload;
	struct mallinfo2 mi = mallinfo2();
	m->total += len;
	if (len > m->largest)
		m->largest = len;
	if (++m->chunks == 2)
		m->heap_second = mi.uordblks;
	m->heap_last = mi.uordblks;
	if (data[len - 1] != '\n' && data[len - 1] != '}')
		m->torn = 1;
	return 0;
}

void test_export_streams_and_stops(void **state)
{
	rft_fixture *f = *state;
	enum { N = 40000, BATCH = 1000 };
	rf_touchpoint_spec specs[BATCH];
	const rf_touchpoint_spec *ptrs[BATCH];
	char visitors[BATCH][24];
	for (int i = 0; i < N; i += BATCH) {
		for (int j = 0; j < BATCH; j++) {
			specs[j] = (rf_touchpoint_spec)RF_TOUCHPOINT_SPEC_INIT;
			snprintf(visitors[j], sizeof(visitors[j]), "bulk-%d", i + j);
			specs[j].code = f->codes[(i + j) % 3];
			specs[j].visitor_id = visitors[j];
			specs[j].at_ms = RFT_T0 + 40 * D + i + j;
			ptrs[j] = &specs[j];
		}
		RFT_OK(rf_touchpoint_record_batch(f->store, ptrs, BATCH));
	}
	/* A second handle with a small page cache, so what is left to grow
	 * is the export's own memory. */
	rf_store_options so = rft_options(f);
	so.cache_size_kib = 256;
	rf_store *small = NULL;
	RFT_OK(rf_store_open(&small, f->path, &so));

	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	o.program = "p";
	o.format = RF_FORMAT_JSON;
	measured m = { 0 };
	int64_t rows = 0;
	RFT_OK(rf_export(&rows, small, &o, measure, &m));
	assert_int_equal(rows, N + 6);
	/* Chunks of whole rows, at most 64 KiB each. */
	assert_false(m.torn);
	assert_true(m.chunks > 40);
	assert_true(m.largest <= 65536);
	assert_true(m.total > 4u * 1000 * 1000);
	/* Between the second chunk and the last the heap grew by less than
	 * 256 KiB while more than 4 MB went through (under valgrind
	 * mallinfo2 reads 0: the check then holds trivially). */
	long growth = (long)m.heap_last - (long)m.heap_second;
	print_message("export: %zu bytes in %zu chunks, heap growth %ld bytes\n", m.total,
		      m.chunks, growth);
	assert_true(growth < 256 * 1024);

	/* A callback that says stop: the export ends with RF_ERROR. */
	sink k = { 0 };
	k.stop_after = 2;
	RFT_RC(rf_export(&rows, small, &o, gather, &k), RF_ERROR);
	assert_int_equal(k.chunks, 2);
	assert_non_null(strstr(rf_error_last()->message, "stopped"));
	free(k.data);
	/* The read transaction ended: writers go on. */
	RFT_OK(rft_click(f, f->codes[0], "after", RFT_T0 + 50 * D, NULL));
	rf_store_free(small);
}

void test_export_rewards(void **state)
{
	rft_fixture *f = *state;
	rf_reward_rule rule = RF_REWARD_RULE_INIT;
	rule.amount = 250;
	rule.approve_at_once = 1;
	RFT_OK(rf_reward_rule_add(NULL, f->store, "p", &rule));
	rule.side = RF_SIDE_REFEREE;
	rule.kind = RF_REWARD_POINTS;
	rule.amount = 10;
	RFT_OK(rf_reward_rule_add(NULL, f->store, "p", &rule));
	RFT_OK(rft_click(f, f->codes[1], "w1", RFT_T0 + 10 * D, NULL));
	rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
	c.program = "p";
	c.visitor_id = "w1";
	c.customer_id = "cust-w1";
	c.order_id = "ow1";
	c.value_minor = 900;
	c.currency = "EUR";
	c.at_ms = RFT_T0 + 10 * D + H;
	RFT_OK(rf_conversion_record(NULL, f->store, &c));
	int64_t rows = 0;
	char *csv = report_export(f->store, "p", RF_EXPORT_REWARDS, RF_FORMAT_CSV, 0, &rows);
	assert_true(rows >= 2);
	assert_line(csv, "entry_id,at_ms,at,cause,order_id,payout,holder_kind,holder,kind,unit,from,"
			 "to,amount");
	/* The advocate's cash, approved at once, out of the program's account. */
	assert_non_null(strstr(csv, ",ow1,,advocate,bob,cash,EUR,program,"));
	assert_non_null(strstr(csv, ",250\n"));
	assert_non_null(strstr(csv, ",ow1,,customer,cust-w1,points,PTS,program,"));
	free(csv);
	/* Pseudonyms hide the customer, not the advocate. */
	csv = report_export(f->store, "p", RF_EXPORT_REWARDS, RF_FORMAT_JSON, RF_EXPORT_PSEUDONYMS,
			    NULL);
	assert_null(strstr(csv, "cust-w1"));
	assert_non_null(strstr(csv, "\"holder_kind\":\"customer\",\"holder\":\"c-"));
	assert_non_null(strstr(csv, "\"holder_kind\":\"advocate\",\"holder\":\"bob\""));
	free(csv);
	/* Before the conversion: none. */
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	sink k = { 0 };
	o.program = "p";
	o.what = RF_EXPORT_REWARDS;
	o.to_ms = RFT_T0 + 10 * D;
	RFT_OK(rf_export(&rows, f->store, &o, gather, &k));
	assert_int_equal(rows, 0);
	free(k.data);
	/* Rewards are not imported. */
	RFT_RC(report_import(f->store, "p", RF_EXPORT_REWARDS, "entry_id\n", NULL), RF_EINVALID);
}

void test_export_bad_input(void **state)
{
	rft_fixture *f = *state;
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	sink k = { 0 };
	int64_t rows = 5;
	RFT_RC(rf_export(&rows, f->store, NULL, gather, &k), RF_EINVALID);
	assert_int_equal(rows, 0);
	RFT_RC(rf_export(NULL, f->store, &o, gather, &k), RF_EINVALID); /* no program */
	o.program = "p";
	RFT_RC(rf_export(NULL, f->store, &o, NULL, &k), RF_EINVALID);
	RFT_RC(rf_export(NULL, NULL, &o, gather, &k), RF_EINVALID);
	o.program = "nope";
	RFT_RC(rf_export(NULL, f->store, &o, gather, &k), RF_ENOTFOUND);
	o.program = "p";
	o.what = RF_EXPORT_SCORES + 1;
	RFT_RC(rf_export(NULL, f->store, &o, gather, &k), RF_EINVALID);
	o.what = RF_EXPORT_CODES;
	o.format = 3;
	RFT_RC(rf_export(NULL, f->store, &o, gather, &k), RF_EINVALID);
	o.format = RF_FORMAT_JSON;
	o.from_ms = 10;
	o.to_ms = 10;
	RFT_RC(rf_export(NULL, f->store, &o, gather, &k), RF_EINVALID);
	o.to_ms = 0;
	o.flags = 0x80;
	RFT_RC(rf_export(NULL, f->store, &o, gather, &k), RF_EINVALID);
	o.flags = 0;
	o.version = 99;
	RFT_BAD_VERSION(rf_export(NULL, f->store, &o, gather, &k));
	RFT_BAD_VERSION(rf_export_options_init(&o, 99));
	RFT_RC(rf_export_options_init(NULL, 1), RF_EINVALID);
	RFT_OK(rf_export_options_init(&o, 1));
	assert_int_equal(o.what, RF_EXPORT_TOUCHPOINTS);
	assert_int_equal(o.format, RF_FORMAT_CSV);
	assert_int_equal(k.chunks, 0);
	free(k.data);
}
