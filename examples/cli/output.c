#include "output.h"

#include "money.h"
#include "timeparse.h"
#include "util.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON strings ------------------------------------------------------ */

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_valid_len(const unsigned char *s)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return is_cont(s[1]) ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
		return s[1] >= lo && s[1] <= hi && is_cont(s[2]) ? 3 : 0;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
		return s[1] >= lo && s[1] <= hi && is_cont(s[2]) && is_cont(s[3]) ? 4 : 0;
	}
	return 0;
}

static void write_escaped_ascii(FILE *f, unsigned char c)
{
	switch (c) {
	case '"': fputs("\\\"", f); break;
	case '\\': fputs("\\\\", f); break;
	case '\b': fputs("\\b", f); break;
	case '\f': fputs("\\f", f); break;
	case '\n': fputs("\\n", f); break;
	case '\r': fputs("\\r", f); break;
	case '\t': fputs("\\t", f); break;
	default:
		if (c < 0x20 || c == 0x7F)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
}

void json_write_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	fputc('"', f);
	while (*p) {
		size_t n = utf8_valid_len(p);
		if (n == 0) {
			fputs("\\ufffd", f);
			p++;
		} else if (n == 1) {
			write_escaped_ascii(f, *p++);
		} else {
			fwrite(p, 1, n, f);
			p += n;
		}
	}
	fputc('"', f);
}

/* ---- JSON writer ----------------------------------------------------------- */

void jw_init(jw *w, FILE *f)
{
	memset(w, 0, sizeof *w);
	w->f = f;
}

/* Separator before a value or key at the current level. */
static void jw_sep(jw *w)
{
	if (w->need_comma[w->depth])
		fputc(',', w->f);
	w->need_comma[w->depth] = 1;
}

static void jw_open(jw *w, char ch)
{
	jw_sep(w);
	fputc(ch, w->f);
	if (w->depth + 1 < JW_MAX_DEPTH)
		w->depth++;
	w->need_comma[w->depth] = 0;
}

static void jw_close(jw *w, char ch)
{
	fputc(ch, w->f);
	if (w->depth > 0)
		w->depth--;
}

void jw_obj_begin(jw *w) { jw_open(w, '{'); }
void jw_obj_end(jw *w) { jw_close(w, '}'); }
void jw_arr_begin(jw *w) { jw_open(w, '['); }
void jw_arr_end(jw *w) { jw_close(w, ']'); }

void jw_key(jw *w, const char *key)
{
	jw_sep(w);
	json_write_string(w->f, key);
	fputc(':', w->f);
	w->need_comma[w->depth] = 0; /* the value follows without a comma */
}

void jw_str(jw *w, const char *s)
{
	jw_sep(w);
	if (s)
		json_write_string(w->f, s);
	else
		fputs("null", w->f);
}

void jw_int(jw *w, int64_t v)
{
	jw_sep(w);
	fprintf(w->f, "%" PRId64, v);
}

void jw_double(jw *w, double v)
{
	jw_sep(w);
	if (isfinite(v))
		fprintf(w->f, "%.10g", v);
	else
		fputs("null", w->f);
}

void jw_bool(jw *w, int v)
{
	jw_sep(w);
	fputs(v ? "true" : "false", w->f);
}

void jw_null(jw *w)
{
	jw_sep(w);
	fputs("null", w->f);
}

void jw_finish(jw *w)
{
	fputc('\n', w->f);
	fflush(w->f);
}

void jw_kstr(jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, s);
}

void jw_kint(jw *w, const char *key, int64_t v)
{
	jw_key(w, key);
	jw_int(w, v);
}

void jw_kdouble(jw *w, const char *key, double v)
{
	jw_key(w, key);
	jw_double(w, v);
}

void jw_doc_begin(jw *w)
{
	jw_init(w, stdout);
	jw_obj_begin(w);
}

void jw_doc_end(jw *w)
{
	jw_obj_end(w);
	jw_finish(w);
}

void jw_karr_begin(jw *w, const char *key)
{
	jw_key(w, key);
	jw_arr_begin(w);
}

void jw_kstr_or_null(jw *w, const char *key, const char *s)
{
	jw_kstr(w, key, s && *s ? s : NULL);
}

void jw_kbool(jw *w, const char *key, int v)
{
	jw_key(w, key);
	jw_bool(w, v);
}

void jw_ktime(jw *w, const char *key, int64_t ms, int optional)
{
	char iso[TIME_BUFSIZE], ms_key[64];
	snprintf(ms_key, sizeof ms_key, "%s_ms", key);
	if (optional && ms == 0) {
		jw_key(w, key);
		jw_null(w);
		jw_key(w, ms_key);
		jw_null(w);
		return;
	}
	time_format(iso, ms);
	jw_kstr(w, key, iso);
	jw_kint(w, ms_key, ms);
}

void jw_money_fields(jw *w, int64_t minor, const char *currency)
{
	char amount[MONEY_BUFSIZE];
	money_format(amount, minor, money_exponent(currency ? currency : ""));
	jw_kint(w, "value_minor", minor);
	jw_kstr(w, "currency", currency);
	jw_kstr(w, "amount", amount);
}
