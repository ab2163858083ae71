#include "table.h"

#include "timeparse.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>

/* ---- tables ------------------------------------------------------------ */

struct table {
	size_t ncols;
	char **cells;      /* row-major; row 0 holds the headers */
	size_t nrows;      /* including the header row */
	size_t filled;     /* cells written so far */
	size_t cap;        /* cells allocated */
	int *right;        /* per column */
};

table *table_new(size_t ncols, const char *const *headers)
{
	table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->right = xcalloc(ncols, sizeof *t->right);
	table_row(t);
	for (size_t i = 0; i < ncols; i++)
		table_cell(t, "%s", headers[i]);
	return t;
}

void table_align_right(table *t, size_t col)
{
	if (col < t->ncols)
		t->right[col] = 1;
}

void table_row(table *t)
{
	/* Pad an unfinished row so every row has ncols cells. */
	while (t->nrows && t->filled < t->nrows * t->ncols)
		table_cell(t, "%s", "");
	if (t->cap < (t->nrows + 1) * t->ncols) {
		t->cap = t->cap ? t->cap * 2 : 16 * t->ncols;
		t->cells = xrealloc(t->cells, t->cap * sizeof *t->cells);
	}
	t->nrows++;
}

void table_cell(table *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	if (t->filled >= t->nrows * t->ncols)
		return; /* more cells than columns: ignored */
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	t->cells[t->filled++] = s;
}

/* Display width: code points, not bytes. */
static size_t text_width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

static const char *cell_at(const table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;
	return i < t->filled ? t->cells[i] : "";
}

static void print_cell(FILE *f, const char *s, size_t width, int right, int last)
{
	size_t pad = width - text_width(s);
	if (right)
		fprintf(f, "%*s", (int)pad, "");
	fputs(s, f);
	if (!right && !last)
		fprintf(f, "%*s", (int)pad, "");
}

void table_print(const table *t, FILE *f)
{
	size_t *width = xcalloc(t->ncols, sizeof *width);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t w = text_width(cell_at(t, r, c));
			if (w > width[c])
				width[c] = w;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputs("  ", f);
			print_cell(f, cell_at(t, r, c), width[c], t->right[c], c + 1 == t->ncols);
		}
		fputc('\n', f);
	}
	free(width);
}

void table_cell_time(table *t, int64_t ms)
{
	char when[TIME_BUFSIZE] = "-";
	if (ms)
		time_format(when, ms);
	table_cell(t, "%s", when);
}

void table_free(table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->filled; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->right);
	free(t);
}

void table_print_free(table *t)
{
	table_print(t, stdout);
	table_free(t);
}

/* ---- key/value lines ------------------------------------------------------ */

void kv(const char *key, const char *fmt, ...)
{
	va_list ap;
	printf("%-18s  ", key);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void kv_time(const char *key, int64_t ms)
{
	char when[TIME_BUFSIZE];
	time_format(when, ms);
	kv(key, "%s", when);
}

void kv_period(int64_t from_ms, int64_t to_ms)
{
	char from[TIME_BUFSIZE], to[TIME_BUFSIZE];
	kv("period", "%s .. %s", from_ms ? time_format(from, from_ms) : "start",
	   to_ms ? time_format(to, to_ms) : "now");
}

const char *or_dash(const char *s)
{
	return *s ? s : "-";
}
