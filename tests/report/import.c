/* Imports: codes, touchpoints and conversions from CSV; the round trip
 * export -> import into a fresh store gives identical reports; bad rows
 * name their line and column and change nothing. */
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A reader over a string, a few bytes at a time to cross block edges. */
typedef struct text_reader {
	const char *text;
	size_t pos, step;
	int fail_at; /* fail the read that would pass this offset (0: never) */
} text_reader;

static int64_t read_text(void *payload, char *buf, size_t size)
{
	text_reader *r = payload;
	size_t left = strlen(r->text + r->pos);
	size_t n = left < size ? left : size;
	if (r->step && n > r->step)
		n = r->step;
	if (r->fail_at && r->pos + n > (size_t)r->fail_at)
		return -1;
	memcpy(buf, r->text + r->pos, n);
	r->pos += n;
	return (int64_t)n;
}

int report_import(rf_store *store, const char *program, int32_t what, const char *csv,
		  int64_t *rows)
{
	rf_import_options o = RF_IMPORT_OPTIONS_INIT;
	text_reader r = { csv, 0, 7, 0 };
	o.program = program;
	o.what = what;
	return rf_import(rows, store, &o, read_text, &r);
}

/* Append printf output to a growing string. */
static void add(char **s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(char **s, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	size_t n = *s ? strlen(*s) : 0;
	*s = realloc(*s, n + strlen(line) + 1);
	strcpy(*s + n, line);
}

static void add_values(char **s, rf_money **values, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add(s, " %s=%lld", values[i]->currency, (long long)values[i]->value_minor);
	add(s, "\n");
}

/* Every report number of a program, as text. */
char *report_numbers(rf_store *store, const char *program)
{
	char *out = NULL;
	rf_report_query q = RF_REPORT_QUERY_INIT;
	q.program = program;
	for (int32_t period = RF_PERIOD_DAY; period <= RF_PERIOD_MONTH; period++) {
		rf_report_series *s = NULL;
		q.period = period;
		RFT_OK(rf_report_series_get(&s, store, &q));
		for (size_t i = 0; i < s->count; i++) {
			const rf_report_bucket *b = s->buckets[i];
			add(&out, "series %d %lld: %lld %lld %lld %lld %.12g %lld", (int)period,
			    (long long)b->start_ms, (long long)b->touchpoints,
			    (long long)b->unique_visitors, (long long)b->conversions,
			    (long long)b->attributed_conversions, b->conversion_rate,
			    (long long)b->active_advocates);
			add_values(&out, b->values, b->value_count);
		}
		rf_report_series_free(s);
	}
	for (int32_t by = RF_SPLIT_ADVOCATE; by <= RF_SPLIT_ADVOCATE_KIND; by++) {
		rf_report_split *sp = NULL;
		RFT_OK(rf_report_split_get(&sp, store, &q, by));
		for (size_t i = 0; i < sp->count; i++) {
			const rf_report_split_row *r = sp->rows[i];
			add(&out, "split %d %s: %lld %lld %lld %.12g", (int)by, r->key,
			    (long long)r->touchpoints, (long long)r->unique_visitors,
			    (long long)r->attributed_conversions, r->credited_conversions);
			add_values(&out, r->values, r->value_count);
		}
		rf_report_split_free(sp);
	}
	rf_report_funnel *fu = NULL;
	RFT_OK(rf_report_funnel_get(&fu, store, &q));
	add(&out, "funnel %lld %lld %lld %lld\n", (long long)fu->visitors, (long long)fu->signed_up,
	    (long long)fu->purchased, (long long)fu->purchased_any);
	rf_report_funnel_free(fu);
	rf_stats_query sq = RF_STATS_QUERY_INIT;
	rf_stats *st = NULL;
	sq.program = program;
	RFT_OK(rf_stats_get(&st, store, &sq));
	add(&out, "stats %lld %lld %lld %lld %lld %.12g", (long long)st->touchpoints,
	    (long long)st->unique_touchpoints, (long long)st->unique_visitors,
	    (long long)st->conversions, (long long)st->attributed_conversions,
	    st->credited_conversions);
	add_values(&out, st->values, st->value_count);
	rf_stats_free(st);
	return out;
}

/* Equal texts, or fail naming the first line that differs. */
static void assert_same_text(const char *got, const char *want)
{
	size_t line = 1;
	const char *g = got, *w = want;
	while (*g && *g == *w) {
		if (*g == '\n')
			line++;
		g++;
		w++;
	}
	if (*g == *w)
		return;
	const char *ge = strchr(g, '\n'), *we = strchr(w, '\n');
	fail_msg("line %zu differs:\n got: %.*s\nwant: %.*s", line,
		 (int)(ge ? ge - g : (long)strlen(g)), g, (int)(we ? we - w : (long)strlen(w)), w);
}

/* Remove the first field of every line (in place). */
static void drop_first_column(char *text)
{
	char *out = text;
	for (const char *p = text; *p;) {
		const char *comma = strchr(p, ','), *end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		if (comma && comma < end)
			p = comma + 1;
		size_t n = (size_t)(end - p) + (*end == '\n');
		memmove(out, p, n);
		out += n;
		p = end + (*end == '\n');
	}
	*out = '\0';
}

static rf_store *fresh_store(rft_fixture *f, const char *name)
{
	char path[400];
	rf_store_options o = rft_options(f);
	rf_store *s = NULL;
	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	RFT_OK(rf_store_open(&s, path, &o));
	RFT_OK(rf_program_create(NULL, s, "p", "copy", NULL));
	return s;
}

/* Export codes, touchpoints and conversions of "p" and import them into `to`. */
static void copy_program(rf_store *from, rf_store *to, uint32_t flags)
{
	static const int32_t order[] = { RF_EXPORT_CODES, RF_EXPORT_TOUCHPOINTS,
					 RF_EXPORT_CONVERSIONS };
	for (size_t i = 0; i < 3; i++) {
		int64_t exported = 0, imported = 0;
		char *csv = report_export(from, "p", order[i], RF_FORMAT_CSV, flags, &exported);
		RFT_OK(report_import(to, "p", order[i], csv, &imported));
		assert_int_equal(imported, exported);
		free(csv);
	}
}

void test_import_round_trip(void **state)
{
	rft_fixture *f = *state;
	/* A visitor tied to a customer, whose purchase as that customer
	 * credits the touches of both visitor ids. */
	RFT_OK(rft_click(f, f->codes[1], "v7", RFT_T0 + 8 * D, NULL));
	RFT_OK(rf_identify(f->store, "v7", "cust-7"));
	rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
	c.program = "p";
	c.visitor_id = "v7-phone";
	c.customer_id = "cust-7";
	c.order_id = "o7";
	c.value_minor = 333;
	c.currency = "EUR";
	c.at_ms = RFT_T0 + 9 * D;
	RFT_OK(rf_conversion_record(NULL, f->store, &c));

	rf_store *copy = fresh_store(f, "copy.db");
	copy_program(f->store, copy, 0);
	char *want = report_numbers(f->store, "p"), *got = report_numbers(copy, "p");
	assert_same_text(got, want);
	free(got);
	/* The credit rows are the same, row for row. */
	static const int32_t all[] = { RF_EXPORT_TOUCHPOINTS, RF_EXPORT_CONVERSIONS,
				       RF_EXPORT_ATTRIBUTIONS, RF_EXPORT_CODES };
	for (size_t i = 0; i < 4; i++) {
		char *a = report_export(f->store, "p", all[i], RF_FORMAT_CSV, 0, NULL);
		char *b = report_export(copy, "p", all[i], RF_FORMAT_CSV, 0, NULL);
		/* Row ids are the store's own (program q's rows took some). */
		if (all[i] == RF_EXPORT_TOUCHPOINTS || all[i] == RF_EXPORT_CONVERSIONS) {
			drop_first_column(a);
			drop_first_column(b);
		}
		assert_same_text(b, a);
		free(a);
		free(b);
	}
	assert_int_equal(rf_store_check(copy), RF_OK);
	rf_store_free(copy);

	/* Pseudonymised ids round-trip to the same numbers too. */
	copy = fresh_store(f, "pseudo.db");
	copy_program(f->store, copy, RF_EXPORT_PSEUDONYMS);
	got = report_numbers(copy, "p");
	assert_same_text(got, want);
	free(got);
	free(want);
	rf_store_free(copy);
}

void test_import_iso_times_and_defaults(void **state)
{
	rft_fixture *f = *state;
	rf_store *s = fresh_store(f, "iso.db");
	int64_t rows = 0;
	RFT_OK(report_import(s, "p", RF_EXPORT_CODES,
			     "advocate,code,vanity\r\nzed,ZED-2026,1\r\n", &rows));
	assert_int_equal(rows, 1);
	RFT_OK(report_import(s, "p", RF_EXPORT_TOUCHPOINTS,
			     "\xEF\xBB\xBF" "code,visitor_id,at,kind,landing_url\n"
			     "zed2026,w1,2026-01-01T10:00:00Z,visit,\"https://x.test/?a=1,2\"\n"
			     "\n"
			     "ZED2026,w2,2026-01-01 11:00:00.5Z,,\n", &rows));
	assert_int_equal(rows, 2);
	RFT_OK(report_import(s, "p", RF_EXPORT_CONVERSIONS,
			     "order_id,visitor_id,value_minor,currency,at\n"
			     "a1,w2,1234,eur,2026-01-02T00:00:00Z\n", &rows));
	rf_conversion *cv = NULL;
	RFT_OK(rf_conversion_get(&cv, s, "p", "a1"));
	assert_int_equal(cv->at_ms, RFT_T0 + D);
	assert_int_equal(cv->kind, RF_CONVERSION_PURCHASE);
	assert_string_equal(cv->currency, "EUR");
	assert_int_equal(cv->credit_count, 1);
	assert_string_equal(cv->credits[0]->advocate, "zed");
	rf_conversion_free(cv);
	char *csv = report_export(s, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV, 0, NULL);
	assert_non_null(strstr(csv, ",2026-01-01T10:00:00.000Z,ZED2026,zed,none,visit,w1,,0,0\n"));
	assert_non_null(strstr(csv, ",2026-01-01T11:00:00.500Z,ZED2026,zed,none,click,w2,,0,0\n"));
	free(csv);
	/* Importing the codes again changes nothing; conversions are idempotent. */
	RFT_OK(report_import(s, "p", RF_EXPORT_CODES, "advocate,code,vanity\nzed,ZED2026,1\n", NULL));
	RFT_OK(report_import(s, "p", RF_EXPORT_CONVERSIONS,
			     "order_id,visitor_id,value_minor,currency,at_ms\n"
			     "a1,w2,1234,EUR,1767312000000\n", &rows));
	assert_int_equal(rows, 1);
	rf_store_free(s);
}

/* An import into the scene that must fail with `rc`, a message starting
 * with `message`, and no change. */
static void assert_refused(rft_fixture *f, int32_t what, const char *csv, int rc,
			   const char *message)
{
	char *before = rft_snapshot(f);
	char *touches = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV, 0, NULL);
	char *codes = report_export(f->store, "p", RF_EXPORT_CODES, RF_FORMAT_CSV, 0, NULL);
	int64_t rows = 99;
	RFT_RC(report_import(f->store, "p", what, csv, &rows), rc);
	assert_int_equal(rows, 0);
	const char *got = rf_error_last()->message;
	if (strncmp(got, message, strlen(message)) != 0)
		fail_msg("message '%s' does not start with '%s'", got, message);
	assert_non_null(strstr(got, "nothing imported"));
	RFT_UNCHANGED(f, before);
	char *after = report_export(f->store, "p", RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV, 0, NULL);
	assert_string_equal(after, touches);
	free(after);
	after = report_export(f->store, "p", RF_EXPORT_CODES, RF_FORMAT_CSV, 0, NULL);
	assert_string_equal(after, codes);
	free(after);
	free(touches);
	free(codes);
}

void test_import_bad_rows(void **state)
{
	rft_fixture *f = *state;
	char good[160], csv[600];
	snprintf(good, sizeof(good), "%s,n1,1767312000000\n", f->codes[0]);
	/* Good rows first: they are rolled back with the bad one. */
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%sZZ!Z,n2,1767312000000\n", good, good);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 4, column 'code':");
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%s%s,n2,12x\n", good, good, f->codes[0]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 4, column 'at_ms':");
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms,kind\n%s,n2,5,hop\n", f->codes[0]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 2, column 'kind':");
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%s,,5\n", good, f->codes[0]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 3, column 'visitor_id':");
	/* A code of another program. */
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%s,n2,5\n", good, f->codes[3]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 3, column 'code':");
	/* Malformed CSV: a quoted field spanning lines counts them. */
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms,advocate\n%s,n1,5,\n\"%s\",n2,5,\"a\n\rb\"\n"
		 "%s,\"n3,5,x\n", f->codes[0], f->codes[0], f->codes[0]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 6, column 'visitor_id': unterminated");
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%s,n\"2,5\n", good, f->codes[0]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 3, column 'visitor_id': quote");
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%s,n2\n", good, f->codes[0]);
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, csv, RF_EINVALID, "line 3: 2 fields");
	/* Headers. */
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, "code,visitor,at_ms\n", RF_EINVALID,
		       "line 1, column 'visitor': unknown column");
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, "code,at_ms\n", RF_EINVALID,
		       "line 1, column 'visitor_id': required");
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, "code,visitor_id\n", RF_EINVALID,
		       "line 1, column 'at_ms':");
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, "code,code,visitor_id,at_ms\n", RF_EINVALID,
		       "line 1, column 'code': column given twice");
	assert_refused(f, RF_EXPORT_TOUCHPOINTS, "", RF_EINVALID, "line 1: no header");
	/* Conversions: a conflict with a recorded order, a bad currency,
	 * a refund above the value. */
	assert_refused(f, RF_EXPORT_CONVERSIONS,
		       "order_id,visitor_id,value_minor,currency,at_ms\n"
		       "n1,v1,100,EUR,1767312000000\no1,v1,999,EUR,1767312000000\n",
		       RF_ECONFLICT, "line 3, column 'order_id':");
	assert_refused(f, RF_EXPORT_CONVERSIONS,
		       "order_id,visitor_id,value_minor,currency,at_ms\nn1,v1,100,EURO,5\n",
		       RF_EINVALID, "line 2, column 'currency':");
	assert_refused(f, RF_EXPORT_CONVERSIONS,
		       "order_id,visitor_id,value_minor,currency,at_ms,refunded_minor\n"
		       "n1,v1,100,EUR,5,101\n",
		       RF_EINVALID, "line 2, column 'refunded_minor':");
	assert_refused(f, RF_EXPORT_CONVERSIONS,
		       "order_id,visitor_id,value_minor,currency,at_ms\nn1,v1,-1,EUR,5\n",
		       RF_EINVALID, "line 2, column 'value_minor':");
	/* Codes: a random code with a wrong check symbol, a taken code. */
	char typo[RF_CODE_BUFSIZE];
	strcpy(typo, f->codes[0]);
	typo[strlen(typo) - 1] = typo[strlen(typo) - 1] == '0' ? '1' : '0';
	snprintf(csv, sizeof(csv), "code,advocate,vanity\nNEWADV1,newbie,1\n%s,newbie,0\n", typo);
	assert_refused(f, RF_EXPORT_CODES, csv, RF_EINVALID, "line 3, column 'code':");
	snprintf(csv, sizeof(csv), "code,advocate\n%s,bob\n", f->codes[0]);
	assert_refused(f, RF_EXPORT_CODES, csv, RF_EEXISTS, "line 2, column 'code':");
	/* A read error. */
	rf_import_options o = RF_IMPORT_OPTIONS_INIT;
	snprintf(csv, sizeof(csv), "code,visitor_id,at_ms\n%s%s", good, good);
	text_reader r = { csv, 0, 5, 40 };
	o.program = "p";
	RFT_RC(rf_import(NULL, f->store, &o, read_text, &r), RF_EIO);
}

void test_import_bad_input(void **state)
{
	rft_fixture *f = *state;
	rf_import_options o = RF_IMPORT_OPTIONS_INIT;
	text_reader r = { "code,visitor_id,at_ms\n", 0, 0, 0 };
	RFT_RC(rf_import(NULL, f->store, NULL, read_text, &r), RF_EINVALID);
	RFT_RC(rf_import(NULL, f->store, &o, read_text, &r), RF_EINVALID); /* no program */
	o.program = "p";
	RFT_RC(rf_import(NULL, f->store, &o, NULL, &r), RF_EINVALID);
	RFT_RC(rf_import(NULL, NULL, &o, read_text, &r), RF_EINVALID);
	o.what = RF_EXPORT_ATTRIBUTIONS;
	RFT_RC(rf_import(NULL, f->store, &o, read_text, &r), RF_EINVALID);
	o.what = RF_EXPORT_TOUCHPOINTS;
	o.program = "nope";
	RFT_RC(rf_import(NULL, f->store, &o, read_text, &r), RF_ENOTFOUND);
	RFT_OK(rf_program_archive(f->store, "q"));
	o.program = "q";
	RFT_RC(rf_import(NULL, f->store, &o, read_text, &r), RF_EDISABLED);
	o.version = 7;
	RFT_BAD_VERSION(rf_import(NULL, f->store, &o, read_text, &r));
	RFT_BAD_VERSION(rf_import_options_init(&o, 7));
	RFT_OK(rf_import_options_init(&o, 1));
	assert_int_equal(o.what, RF_EXPORT_TOUCHPOINTS);
	/* A header alone imports nothing, successfully. */
	o.program = "p";
	int64_t rows = 5;
	RFT_OK(rf_import(&rows, f->store, &o, read_text, &r));
	assert_int_equal(rows, 0);
}
