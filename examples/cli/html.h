/* Writing HTML: markup of our own as is, every other string escaped.
 * Errors are sticky: check html_ok() once at the end. */
#ifndef CLI_HTML_H
#define CLI_HTML_H

#include <stddef.h>
#include <stdio.h>

#include "output.h"

typedef struct html {
	FILE *f;
	int failed;  /* 1 after a write error */
} html;

void html_init(html *h, FILE *f);

/** Markup written as is: only literals of the program, never data. */
void html_raw(html *h, const char *markup);

/** Formatted markup as is: numbers only in the arguments, never data strings. */
void html_rawf(html *h, const char *fmt, ...) CLI_PRINTF(2, 3);

/** Text or an attribute value, escaped (& < > " ' and control characters).
 *  NULL writes nothing. */
void html_text(html *h, const char *s);

/** 1 when every write so far succeeded. */
int html_ok(const html *h);

/**
 * Escape `s` into `out` (NUL-terminated, truncated to fit `size`, never in
 * the middle of an entity). Returns the length the whole escape needs.
 */
size_t html_escape(char *out, size_t size, const char *s);

#endif
