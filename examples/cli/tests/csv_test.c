/* Unit tests of the CLI's CSV reader (csv.c): quoting, line ends, line
 * numbers, malformed records, numbers. No library, no database. */
#include "../csv.h"

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

/* A FILE holding `len` bytes of `text` (tmpfile: standard C). */
static FILE *file_of(const char *text, size_t len)
{
	FILE *f = tmpfile();
	if (!f) {
		perror("tmpfile");
		exit(2);
	}
	fwrite(text, 1, len, f);
	rewind(f);
	return f;
}

/* Read every record of `text`; each record's fields joined by '|', records
 * by ';', into `out`. Returns csv_next()'s last result (0 or -1). */
static int read_all(const char *text, char *out, size_t size, csv_reader *r)
{
	FILE *f = file_of(text, strlen(text));
	int rc;
	out[0] = '\0';
	csv_init(r, f);
	while ((rc = csv_next(r)) == 1) {
		if (*out)
			strncat(out, ";", size - strlen(out) - 1);
		for (size_t i = 0; i < r->count && i < CSV_MAX_FIELDS; i++) {
			if (i)
				strncat(out, "|", size - strlen(out) - 1);
			strncat(out, csv_field(r, i), size - strlen(out) - 1);
		}
	}
	csv_free(r);
	fclose(f);
	return rc;
}

static void test_records(void)
{
	char out[256];
	csv_reader r;
	CHECK(read_all("a,b\nc,d\n", out, sizeof out, &r) == 0 && strcmp(out, "a|b;c|d") == 0);
	CHECK(read_all("a,b\r\nc,d", out, sizeof out, &r) == 0 && strcmp(out, "a|b;c|d") == 0);
	CHECK(read_all("a\rb\r", out, sizeof out, &r) == 0 && strcmp(out, "a;b") == 0);
	CHECK(read_all("\n\na\n\n", out, sizeof out, &r) == 0 && strcmp(out, "a") == 0);
	CHECK(read_all("\"a,b\",\"say \"\"hi\"\"\"\n", out, sizeof out, &r) == 0 &&
	      strcmp(out, "a,b|say \"hi\"") == 0);
	CHECK(read_all("\"two\r\nlines\",x\n", out, sizeof out, &r) == 0 &&
	      strcmp(out, "two\nlines|x") == 0);
	CHECK(read_all(",\n", out, sizeof out, &r) == 0 && strcmp(out, "|") == 0);
	CHECK(read_all("\"\"\n", out, sizeof out, &r) == 0 && strcmp(out, "") == 0 && r.count == 1);
	CHECK(read_all("\xEF\xBB\xBFh,i\n", out, sizeof out, &r) == 0 && strcmp(out, "h|i") == 0);
	CHECK(read_all("", out, sizeof out, &r) == 0 && strcmp(out, "") == 0);
}

static void test_line_numbers(void)
{
	char out[256];
	csv_reader r;
	CHECK(read_all("a\n\"b\nc\",d\n\"e", out, sizeof out, &r) == -1);
	CHECK(r.record_line == 4 && strcmp(r.error, "unterminated quoted field") == 0);
	CHECK(read_all("a\r\nb\"c\n", out, sizeof out, &r) == -1);
	CHECK(r.record_line == 2 && strstr(r.error, "quote inside") != NULL);
	CHECK(read_all("\"a\"b\n", out, sizeof out, &r) == -1);
	CHECK(r.record_line == 1 && strstr(r.error, "after a closing quote") != NULL);
	CHECK(read_all("\xEF\xBB", out, sizeof out, &r) == -1 && r.record_line == 1);
	{
		FILE *f = file_of("a\0b\n", 4);
		csv_init(&r, f);
		CHECK(csv_next(&r) == -1 && strstr(r.error, "NUL") != NULL);
		csv_free(&r);
		fclose(f);
	}
}

static void test_many_fields(void)
{
	char text[128] = "";
	csv_reader r;
	FILE *f;
	for (int i = 0; i < 20; i++)
		strcat(text, i ? ",x" : "x");
	strcat(text, "\n");
	f = file_of(text, strlen(text));
	csv_init(&r, f);
	CHECK(csv_next(&r) == 1 && r.count == 20); /* counted beyond CSV_MAX_FIELDS */
	CHECK(strcmp(csv_field(&r, CSV_MAX_FIELDS - 1), "x") == 0);
	CHECK(csv_next(&r) == 0);
	csv_free(&r);
	fclose(f);
}

static void test_numbers(void)
{
	double v = -1;
	CHECK(csv_number(&v, "2") == 0 && v == 2.0);
	CHECK(csv_number(&v, " 0.5 ") == 0 && v == 0.5);
	CHECK(csv_number(&v, "1e3") == 0 && v == 1000.0);
	CHECK(csv_number(&v, ".25") == 0 && v == 0.25);
	CHECK(csv_number(&v, "0") == 0 && v == 0.0);
	CHECK(csv_number(&v, "") == -1);
	CHECK(csv_number(&v, "-1") == -1);
	CHECK(csv_number(&v, "+1") == -1);
	CHECK(csv_number(&v, "nan") == -1);
	CHECK(csv_number(&v, "inf") == -1);
	CHECK(csv_number(&v, "0x10") == -1);
	CHECK(csv_number(&v, "1e999") == -1);
	CHECK(csv_number(&v, "1.5.2") == -1);
	CHECK(csv_number(&v, "1 2") == -1);
	CHECK(csv_number(&v, "1e") == -1);
}

static void test_words_and_output(void)
{
	FILE *f = tmpfile();
	char buf[64] = "";
	CHECK(csv_is(" Path ", "path"));
	CHECK(csv_is("NULLS", "nulls"));
	CHECK(!csv_is("paths", "path"));
	CHECK(!csv_is("pat", "path"));
	if (!f)
		return;
	csv_write_field(f, "plain");
	fputc(';', f);
	csv_write_field(f, "a, \"b\"");
	rewind(f);
	CHECK(fgets(buf, sizeof buf, f) != NULL);
	CHECK(strcmp(buf, "plain;\"a, \"\"b\"\"\"") == 0);
	fclose(f);
}

int main(void)
{
	test_records();
	test_line_numbers();
	test_many_fields();
	test_numbers();
	test_words_and_output();
	printf("%d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
