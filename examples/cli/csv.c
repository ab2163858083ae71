#include "csv.h"

#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void csv_init(csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->line = 1;
	r->record_line = 1;
}

void csv_free(csv_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->len = r->cap = 0;
}

static int push(csv_reader *r, char ch)
{
	if (r->len >= CSV_MAX_RECORD) {
		r->error = "record too long";
		return -1;
	}
	if (r->len == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->buf = xrealloc(r->buf, r->cap);
	}
	r->buf[r->len++] = ch;
	return 0;
}

static int end_field(csv_reader *r)
{
	if (push(r, '\0'))
		return -1;
	r->count++;
	if (r->count < CSV_MAX_FIELDS)
		r->starts[r->count] = r->len;
	return 0;
}

/* After a CR: swallow the LF of a CRLF. */
static void end_line(csv_reader *r, int ch)
{
	if (ch == '\r') {
		int next = getc(r->f);
		if (next != '\n' && next != EOF)
			ungetc(next, r->f);
	}
	r->line++;
}

static void skip_bom(csv_reader *r)
{
	int a = getc(r->f), b, c;
	r->started = 1;
	if (a != 0xEF) {
		if (a != EOF)
			ungetc(a, r->f);
		return;
	}
	b = getc(r->f);
	c = getc(r->f);
	if (b == 0xBB && c == 0xBF)
		return;
	/* Not a BOM: only one character can be pushed back; keep it simple. */
	r->error = "invalid byte at the start of the file";
	r->started = -1;
}

static int fail(csv_reader *r, const char *why)
{
	r->error = why;
	return -1;
}

/* A quoted field, the opening quote read. Returns the character after the
 * closing quote (',', a line end or EOF), or -2 after an error. */
static int quoted(csv_reader *r)
{
	for (;;) {
		int ch = getc(r->f);
		if (ch == EOF)
			return fail(r, ferror(r->f) ? "read error" : "unterminated quoted field") - 1;
		if (ch == '\0')
			return fail(r, "NUL byte in the file") - 1;
		if (ch == '"') {
			int next = getc(r->f);
			if (next != '"') {
				if (next != ',' && next != '\n' && next != '\r' && next != EOF)
					return fail(r, "unexpected character after a closing quote") - 1;
				return next;
			}
		}
		if (ch == '\n' || ch == '\r') {
			end_line(r, ch);
			ch = '\n';
		}
		if (push(r, (char)ch))
			return -2;
	}
}

/* One record into r->buf; returns its terminating character or -2. */
static int record(csv_reader *r, size_t *raw)
{
	int field_start = 1;
	for (;;) {
		int ch = getc(r->f);
		if (field_start && ch == '"') {
			(*raw)++;
			ch = quoted(r);
			if (ch == -2)
				return -2;
			if (end_field(r))
				return -2;
			if (ch != ',')
				return ch;
			continue;
		}
		field_start = 0;
		if (ch == ',' || ch == '\n' || ch == '\r' || ch == EOF) {
			if (ch == EOF && ferror(r->f))
				return fail(r, "read error") - 1;
			if (end_field(r))
				return -2;
			if (ch != ',')
				return ch;
			field_start = 1;
			(*raw)++;
			continue;
		}
		(*raw)++;
		if (ch == '\0')
			return fail(r, "NUL byte in the file") - 1;
		if (ch == '"')
			return fail(r, "quote inside an unquoted field (quote the whole field)") - 1;
		if (push(r, (char)ch))
			return -2;
	}
}

int csv_next(csv_reader *r)
{
	if (!r->started)
		skip_bom(r);
	if (r->started < 0)
		return -1;
	for (;;) {
		size_t raw = 0;
		int end;
		r->len = r->count = 0;
		r->starts[0] = 0;
		r->record_line = r->line;
		end = record(r, &raw);
		if (end == -2)
			return -1;
		if (end == '\n' || end == '\r')
			end_line(r, end);
		if (raw == 0) { /* a blank line, or the end */
			if (end == EOF)
				return 0;
			continue;
		}
		return 1;
	}
}

const char *csv_field(const csv_reader *r, size_t i)
{
	return r->buf + r->starts[i];
}

int csv_number(double *out, const char *text)
{
	const char *p = text, *end;
	char *stop;
	double v;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!((*p >= '0' && *p <= '9') || *p == '.'))
		return -1;
	for (end = p; *end; end++)
		if (!strchr("0123456789.eE+-", *end))
			break;
	for (const char *q = end; *q; q++)
		if (*q != ' ' && *q != '\t')
			return -1;
	errno = 0;
	v = strtod(p, &stop);
	if (stop != end || errno == ERANGE || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

int csv_is(const char *text, const char *word)
{
	size_t n = strlen(word);
	while (*text == ' ')
		text++;
	for (size_t i = 0; i < n; i++) {
		char ch = text[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch != word[i])
			return 0;
	}
	for (text += n; *text == ' '; text++)
		;
	return *text == '\0';
}

void csv_write_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
