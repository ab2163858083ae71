/* HTML output with escaping; see html.h. */
#include "html.h"

#include <stdarg.h>
#include <string.h>

void html_init(html *h, FILE *f)
{
	h->f = f;
	h->failed = 0;
}

void html_raw(html *h, const char *markup)
{
	if (fputs(markup, h->f) < 0)
		h->failed = 1;
}

void html_rawf(html *h, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (vfprintf(h->f, fmt, ap) < 0)
		h->failed = 1;
	va_end(ap);
}

/* The entity standing for `ch`, "" to drop it, or NULL to keep it. */
static const char *entity(unsigned char ch)
{
	switch (ch) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	case '\t':
	case '\n': return NULL;
	default: return ch < 0x20 || ch == 0x7f ? "" : NULL;
	}
}

size_t html_escape(char *out, size_t size, const char *s)
{
	size_t need = 0, used = 0;
	int full = 0;
	for (; s && *s; s++) {
		const char *e = entity((unsigned char)*s);
		size_t len = e ? strlen(e) : 1;
		need += len;
		if (full || !size || used + len >= size) {
			full = 1;
			continue;
		}
		if (e)
			memcpy(out + used, e, len);
		else
			out[used] = *s;
		used += len;
	}
	if (size)
		out[used] = '\0';
	return need;
}

void html_text(html *h, const char *s)
{
	for (; s && *s; s++) {
		const char *e = entity((unsigned char)*s);
		int rc = e ? fputs(e, h->f) : fputc(*s, h->f);
		if (rc < 0)
			h->failed = 1;
	}
}

int html_ok(const html *h)
{
	return !h->failed && !ferror(h->f);
}
