/* Output: a streaming JSON writer (text for people: table.h). */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(__GNUC__)
#define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CLI_PRINTF(fmt, args)
#endif

/* ---- JSON ------------------------------------------------------------ */

#define JW_MAX_DEPTH 16

/** Compact JSON writer. Strings are escaped; invalid UTF-8 becomes U+FFFD. */
typedef struct jw {
	FILE *f;
	int depth;
	int need_comma[JW_MAX_DEPTH];
} jw;

void jw_init(jw *w, FILE *f);
void jw_obj_begin(jw *w);
void jw_obj_end(jw *w);
void jw_arr_begin(jw *w);
void jw_arr_end(jw *w);
void jw_key(jw *w, const char *key);      /* next value belongs to key */
void jw_str(jw *w, const char *s);        /* NULL writes null */
void jw_int(jw *w, int64_t v);
void jw_double(jw *w, double v);          /* NaN/inf write null */
void jw_bool(jw *w, int v);
void jw_null(jw *w);
/** End the document with a newline and flush. */
void jw_finish(jw *w);
/** A document on stdout that is one object: jw_init() and jw_obj_begin(). */
void jw_doc_begin(jw *w);
/** Close the document's object and end it: jw_obj_end() and jw_finish(). */
void jw_doc_end(jw *w);

void jw_kstr(jw *w, const char *key, const char *s);
void jw_kint(jw *w, const char *key, int64_t v);
void jw_kdouble(jw *w, const char *key, double v);
void jw_kbool(jw *w, const char *key, int v);
/** A string, null when NULL or empty (the library's "none"). */
void jw_kstr_or_null(jw *w, const char *key, const char *s);
/** "<key>": [ — close with jw_arr_end(). */
void jw_karr_begin(jw *w, const char *key);
/** "<key>": ISO 8601 string and "<key>_ms": integer; both null when
 *  `optional` and ms is 0. */
void jw_ktime(jw *w, const char *key, int64_t ms, int optional);
/** "value_minor", "currency" and "amount" (exact decimal string). */
void jw_money_fields(jw *w, int64_t minor, const char *currency);

/** Write `s` as a JSON string literal (quotes included). */
void json_write_string(FILE *f, const char *s);

#endif
