/* Unit tests of the CLI's pure helpers: time parsing and formatting, exact
 * money parsing, JSON escaping and tables. No library, no database. */
#include "../money.h"
#include "../output.h"
#include "../table.h"
#include "../timeparse.h"
#include "../util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures, checks;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		checks++;                                                            \
		if (!(cond)) {                                                       \
			failures++;                                                  \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                    \
	} while (0)

static int64_t parsed(const char *text)
{
	int64_t ms = -1;
	return time_parse(&ms, text) == 0 ? ms : -1;
}

static void test_time_parse(void)
{
	CHECK(parsed("0") == 0);
	CHECK(parsed("1795428000000") == INT64_C(1795428000000));
	CHECK(parsed("1970-01-01") == 0);
	CHECK(parsed("2026-11-23") == INT64_C(1795392000000));
	CHECK(parsed("2026-11-23T10:00:00Z") == INT64_C(1795428000000));
	CHECK(parsed("2026-11-23t10:00:00z") == INT64_C(1795428000000));
	CHECK(parsed("2026-11-23 10:00:00Z") == INT64_C(1795428000000));
	CHECK(parsed("2026-11-23T10:00Z") == INT64_C(1795428000000));
	CHECK(parsed("2026-11-23T10:00:00") == INT64_C(1795428000000));
	CHECK(parsed("2026-11-23T10:00:00.5Z") == INT64_C(1795428000500));
	CHECK(parsed("2026-11-23T10:00:00.123456Z") == INT64_C(1795428000123));
	CHECK(parsed("2026-11-23T11:00:00+01:00") == INT64_C(1795428000000));
	CHECK(parsed("2026-11-23T05:30:00-0430") == INT64_C(1795428000000));
	CHECK(parsed("2024-02-29") == INT64_C(1709164800000));
	CHECK(parsed("2000-02-29") == INT64_C(951782400000));
	/* rejected */
	CHECK(parsed("") == -1);
	CHECK(parsed("2025-02-29") == -1);
	CHECK(parsed("1900-02-29") == -1);
	CHECK(parsed("1969-12-31") == -1);
	CHECK(parsed("2026-00-10") == -1);
	CHECK(parsed("2026-11-31") == -1);
	CHECK(parsed("2026-11-23T24:00:00Z") == -1);
	CHECK(parsed("2026-11-23T10:60:00Z") == -1);
	CHECK(parsed("2026-11-23T10:00:60Z") == -1);
	CHECK(parsed("2026-11-23T10:00:00.Z") == -1);
	CHECK(parsed("2026-11-23T10:00:00ZZ") == -1);
	CHECK(parsed("2026-11-23T10") == -1);
	CHECK(parsed("2026-11-23X") == -1);
	CHECK(parsed("26-11-23") == -1);
	CHECK(parsed("12abc") == -1);
	CHECK(parsed("1234567890123456") == -1); /* more than 15 digits */
	CHECK(parsed("1970-01-01T00:00:00+01:00") == -1); /* before the epoch */
}

static void test_time_format(void)
{
	char buf[TIME_BUFSIZE];
	time_format(buf, 0);
	CHECK(strcmp(buf, "1970-01-01T00:00:00Z") == 0);
	time_format(buf, INT64_C(1795428000000));
	CHECK(strcmp(buf, "2026-11-23T10:00:00Z") == 0);
	time_format(buf, INT64_C(1795428000007));
	CHECK(strcmp(buf, "2026-11-23T10:00:00.007Z") == 0);
	time_format(buf, INT64_C(951868799999));
	CHECK(strcmp(buf, "2000-02-29T23:59:59.999Z") == 0);
	time_format(buf, -5);
	CHECK(strcmp(buf, "-5") == 0);
	time_format(buf, INT64_MAX);
	CHECK(strcmp(buf, "9223372036854775807") == 0);
	/* round trip over many days */
	for (int64_t ms = 0; ms < INT64_C(4102444800000); ms += INT64_C(86399999) * 7) {
		time_format(buf, ms);
		CHECK(parsed(buf) == ms);
	}
}

static int64_t money(const char *text, int exponent, money_error *err)
{
	int64_t v = -1;
	*err = money_parse(&v, text, exponent);
	return v;
}

static void test_money(void)
{
	money_error e;
	char buf[MONEY_BUFSIZE], cur[4];

	CHECK(money("49.90", 2, &e) == 4990 && e == MONEY_OK);
	CHECK(money("49.9", 2, &e) == 4990 && e == MONEY_OK);
	CHECK(money("49", 2, &e) == 4900 && e == MONEY_OK);
	CHECK(money("0.01", 2, &e) == 1 && e == MONEY_OK);
	CHECK(money("1200", 0, &e) == 1200 && e == MONEY_OK);
	CHECK(money("1200.000", 0, &e) == 1200 && e == MONEY_OK);
	CHECK(money("1.250", 3, &e) == 1250 && e == MONEY_OK);
	CHECK(money("0.1", 3, &e) == 100 && e == MONEY_OK);
	CHECK(money("92233720368547758.07", 2, &e) == INT64_MAX && e == MONEY_OK);
	money("92233720368547758.08", 2, &e);
	CHECK(e == MONEY_RANGE);
	money("99999999999999999999", 0, &e);
	CHECK(e == MONEY_RANGE);
	money("49.999", 2, &e);
	CHECK(e == MONEY_PRECISION);
	money("1.5", 0, &e);
	CHECK(e == MONEY_PRECISION);
	money("-1", 2, &e);
	CHECK(e == MONEY_SYNTAX);
	money(".5", 2, &e);
	CHECK(e == MONEY_SYNTAX);
	money("5.", 2, &e);
	CHECK(e == MONEY_SYNTAX);
	money("1,5", 2, &e);
	CHECK(e == MONEY_SYNTAX);
	money("1e3", 2, &e);
	CHECK(e == MONEY_SYNTAX);
	money("", 2, &e);
	CHECK(e == MONEY_SYNTAX);

	CHECK(money_currency(cur, "eur") == 0 && strcmp(cur, "EUR") == 0);
	CHECK(money_currency(cur, "EU") == -1);
	CHECK(money_currency(cur, "EUR1") == -1);
	CHECK(money_currency(cur, "E1R") == -1);
	CHECK(money_exponent("JPY") == 0 && money_exponent("KRW") == 0);
	CHECK(money_exponent("KWD") == 3 && money_exponent("BHD") == 3 && money_exponent("OMR") == 3);
	CHECK(money_exponent("JOD") == 3 && money_exponent("TND") == 3);
	CHECK(money_exponent("EUR") == 2 && money_exponent("USD") == 2);

	money_format(buf, 4990, 2);
	CHECK(strcmp(buf, "49.90") == 0);
	money_format(buf, 5, 2);
	CHECK(strcmp(buf, "0.05") == 0);
	money_format(buf, 1200, 0);
	CHECK(strcmp(buf, "1200") == 0);
	money_format(buf, 1250, 3);
	CHECK(strcmp(buf, "1.250") == 0);
	money_format(buf, -5, 2);
	CHECK(strcmp(buf, "-0.05") == 0);
	money_format(buf, INT64_MIN, 2);
	CHECK(strcmp(buf, "-92233720368547758.08") == 0);
}

/* What `write` prints, as a string the caller frees. */
static char *capture(void (*write)(FILE *f, const void *arg), const void *arg)
{
	FILE *f = tmpfile();
	long size;
	char *text;
	if (!f)
		return xstrdup("");
	write(f, arg);
	size = ftell(f);
	rewind(f);
	text = xcalloc(1, (size_t)size + 1);
	if (fread(text, 1, (size_t)size, f) != (size_t)size)
		text[0] = '\0';
	fclose(f);
	return text;
}

static void write_string(FILE *f, const void *arg)
{
	json_write_string(f, arg);
}

static int escapes_to(const char *in, const char *want)
{
	char *got = capture(write_string, in);
	int same = strcmp(got, want) == 0;
	if (!same)
		fprintf(stderr, "escaped %s, expected %s\n", got, want);
	free(got);
	return same;
}

static void test_json_strings(void)
{
	CHECK(escapes_to("plain", "\"plain\""));
	CHECK(escapes_to("a\"b\\c", "\"a\\\"b\\\\c\""));
	CHECK(escapes_to("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""));
	CHECK(escapes_to("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\""));
	CHECK(escapes_to("Zoé 🙂", "\"Zoé 🙂\""));
	CHECK(escapes_to("bad\xff", "\"bad\\ufffd\""));
	CHECK(escapes_to("\xc3", "\"\\ufffd\""));              /* truncated */
	CHECK(escapes_to("\xc0\xaf", "\"\\ufffd\\ufffd\""));   /* overlong */
	CHECK(escapes_to("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"")); /* surrogate */
	CHECK(escapes_to("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"")); /* > U+10FFFF */
}

static void write_document(FILE *f, const void *arg)
{
	jw w;
	(void)arg;
	jw_init(&w, f);
	jw_obj_begin(&w);
	jw_kstr(&w, "s", "x");
	jw_kstr(&w, "none", NULL);
	jw_kint(&w, "i", -3);
	jw_kbool(&w, "b", 1);
	jw_key(&w, "a");
	jw_arr_begin(&w);
	jw_int(&w, 1);
	jw_obj_begin(&w);
	jw_obj_end(&w);
	jw_arr_begin(&w);
	jw_arr_end(&w);
	jw_double(&w, 0.5);
	jw_arr_end(&w);
	jw_ktime(&w, "t", 1000, 0);
	jw_ktime(&w, "u", 0, 1);
	jw_money_fields(&w, 1250, "KWD");
	jw_obj_end(&w);
	jw_finish(&w);
}

static void test_json_document(void)
{
	char *doc = capture(write_document, NULL);
	CHECK(strcmp(doc, "{\"s\":\"x\",\"none\":null,\"i\":-3,\"b\":true,\"a\":[1,{},[],0.5],"
			  "\"t\":\"1970-01-01T00:00:01Z\",\"t_ms\":1000,\"u\":null,\"u_ms\":null,"
			  "\"value_minor\":1250,\"currency\":\"KWD\",\"amount\":\"1.250\"}\n") == 0);
	free(doc);
}

static void write_table(FILE *f, const void *arg)
{
	static const char *const head[] = { "NAME", "N" };
	table *t = table_new(2, head);
	(void)arg;
	table_align_right(t, 1);
	table_row(t);
	table_cell(t, "%s", "Zoé");
	table_cell(t, "%d", 5);
	table_row(t);
	table_cell(t, "%s", "Bartholomew");
	table_cell(t, "%d", 1234);
	table_row(t); /* short row: padded */
	table_cell(t, "%s", "x");
	table_print(t, f);
	table_free(t);
}

static void test_table(void)
{
	char *text = capture(write_table, NULL);
	CHECK(strcmp(text, "NAME            N\n"
			   "Zoé             5\n"
			   "Bartholomew  1234\n"
			   "x                \n") == 0);
	free(text);
}

static void test_parse_i64(void)
{
	int64_t v = 0;
	CHECK(parse_i64(&v, "42", 0, 100) == 0 && v == 42);
	CHECK(parse_i64(&v, "-42", -100, 100) == 0 && v == -42);
	CHECK(parse_i64(&v, "9223372036854775807", 0, INT64_MAX) == 0 && v == INT64_MAX);
	CHECK(parse_i64(&v, "-9223372036854775808", INT64_MIN, 0) == 0 && v == INT64_MIN);
	CHECK(parse_i64(&v, "9223372036854775808", 0, INT64_MAX) == -1);
	CHECK(parse_i64(&v, "101", 0, 100) == -1);
	CHECK(parse_i64(&v, "-1", 0, 100) == -1);
	CHECK(parse_i64(&v, "", 0, 100) == -1);
	CHECK(parse_i64(&v, "-", 0, 100) == -1);
	CHECK(parse_i64(&v, "1x", 0, 100) == -1);
	CHECK(parse_i64(&v, " 1", 0, 100) == -1);
}

int main(void)
{
	test_time_parse();
	test_time_format();
	test_money();
	test_json_strings();
	test_json_document();
	test_table();
	test_parse_i64();
	printf("%d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
