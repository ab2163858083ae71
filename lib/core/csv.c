/* The CSV reader of imports (see csv.h). */
#include "core/csv.h"

#include <stdlib.h>
#include <string.h>

#define END -1     /* end of input */
#define FAILED -2  /* the read callback failed */

void rfc_csv_init(rfc_csv *r, rfc_csv_read_fn read, void *ctx, size_t max_record)
{
	memset(r, 0, sizeof(*r));
	r->read = read;
	r->ctx = ctx;
	r->max_record = max_record;
	r->line = 1;
	r->record_line = 1;
}

void rfc_csv_free(rfc_csv *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

static int get(rfc_csv *r)
{
	if (r->pos == r->avail) {
		if (r->eof)
			return END;
		int64_t n = r->read(r->ctx, r->block, sizeof(r->block));
		if (n < 0)
			return FAILED;
		if (n == 0) {
			r->eof = 1;
			return END;
		}
		r->pos = 0;
		r->avail = (size_t)n > sizeof(r->block) ? sizeof(r->block) : (size_t)n;
	}
	return (unsigned char)r->block[r->pos++];
}

/* Give back the byte just read (only right after a get() that returned one). */
static void unget(rfc_csv *r)
{
	r->pos--;
}

static int fail(rfc_csv *r, const char *why)
{
	r->error = why;
	r->error_field = r->count;
	return -1;
}

/* Append one byte to the record: 0, or the rfc_csv_next() failure. */
static int put(rfc_csv *r, char ch)
{
	if (r->len >= r->max_record)
		return fail(r, "record too long");
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		char *grown = realloc(r->buf, cap);
		if (grown == NULL)
			return -3;
		r->buf = grown;
		r->cap = cap;
	}
	r->buf[r->len++] = ch;
	return 0;
}

/* After a CR: swallow the LF of a CRLF. */
static void after_cr(rfc_csv *r)
{
	int c = get(r);
	if (c >= 0 && c != '\n')
		unget(r);
}

static int skip_bom(rfc_csv *r)
{
	r->started = 1;
	int c = get(r);
	if (c == FAILED)
		return -2;
	if (c == 0xEF) {
		if (get(r) != 0xBB || get(r) != 0xBF)
			return fail(r, "malformed byte order mark");
	} else if (c >= 0) {
		unget(r);
	}
	return 0;
}

/* A quoted field, after its opening quote; returns the byte after the
 * closing quote (or a negative failure with *rc set). */
static int quoted(rfc_csv *r, int *rc)
{
	for (;;) {
		int c = get(r);
		if (c == FAILED || c == END) {
			*rc = c == FAILED ? -2 : fail(r, "unterminated quoted field");
			return c;
		}
		if (c == '"') {
			c = get(r);
			if (c != '"')
				return c;
		} else if (c == '\n') {
			r->line++;
		} else if (c == '\r') {
			r->line++;
			if ((*rc = put(r, '\r')) != 0)
				return FAILED;
			c = get(r);
			if (c != '\n') {
				if (c >= 0)
					unget(r);
				continue;
			}
		} else if (c == 0) {
			*rc = fail(r, "NUL byte in a field");
			return FAILED;
		}
		if ((*rc = put(r, (char)c)) != 0)
			return FAILED;
	}
}

int rfc_csv_next(rfc_csv *r)
{
	int rc = 0;
	r->len = 0;
	r->count = 0;
	r->error = NULL;
	if (!r->started && (rc = skip_bom(r)) != 0)
		return rc;
	int c = get(r);
	while (c == '\n' || c == '\r') { /* blank lines */
		r->line++;
		if (c == '\r')
			after_cr(r);
		c = get(r);
	}
	if (c == END)
		return 0;
	if (c == FAILED)
		return -2;
	r->record_line = r->line;
	for (;;) {
		if (r->count == RFC_CSV_MAX_FIELDS)
			return fail(r, "too many fields");
		r->starts[r->count] = r->len;
		if (c == '"') {
			c = quoted(r, &rc);
			if (rc != 0)
				return rc;
			if (c != ',' && c != '\n' && c != '\r' && c != END && c != FAILED)
				return fail(r, "text after a closing quote");
		} else {
			while (c != ',' && c != '\n' && c != '\r' && c != END && c != FAILED) {
				if (c == '"')
					return fail(r, "quote inside an unquoted field");
				if (c == 0)
					return fail(r, "NUL byte in a field");
				if ((rc = put(r, (char)c)) != 0)
					return rc;
				c = get(r);
			}
		}
		if ((rc = put(r, '\0')) != 0)
			return rc;
		r->count++;
		if (c == FAILED)
			return -2;
		if (c != ',')
			break;
		c = get(r);
	}
	if (c == '\n' || c == '\r') {
		r->line++;
		if (c == '\r')
			after_cr(r);
	}
	return 1;
}
