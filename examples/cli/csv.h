/* A small CSV reader (RFC 4180 with leniencies): fields separated by commas,
 * optionally quoted ("" is a quote inside quotes; quoted fields may hold
 * commas and line breaks), records ended by LF, CRLF or CR, a UTF-8 byte
 * order mark skipped, blank lines skipped. Reads a FILE one record at a time. */
#ifndef CLI_CSV_H
#define CLI_CSV_H

#include <stddef.h>
#include <stdio.h>

#define CSV_MAX_FIELDS 16
#define CSV_MAX_RECORD (1u << 20) /* bytes of field text in one record */

typedef struct csv_reader {
	FILE *f;
	long line;              /* physical line of the next character (1-based) */
	long record_line;       /* line where the last record (or error) started */
	char *buf;              /* the record's fields, each NUL-terminated */
	size_t len, cap;
	size_t starts[CSV_MAX_FIELDS];
	size_t count;           /* fields in the record (may exceed CSV_MAX_FIELDS) */
	int started;            /* the byte order mark check is done */
	const char *error;      /* why csv_next() failed (static text) */
} csv_reader;

void csv_init(csv_reader *r, FILE *f);
void csv_free(csv_reader *r);

/** Read the next record: 1, 0 at the end, -1 on a malformed record (r->error,
 *  r->record_line) or a read error (r->error names it). */
int csv_next(csv_reader *r);

/** Field i (< count and < CSV_MAX_FIELDS) of the last record. */
const char *csv_field(const csv_reader *r, size_t i);

/**
 * Parse a non-negative finite decimal ("2", "0.5", "1e3"; spaces around it
 * allowed; no sign, hex, inf or nan). Returns 0, or -1.
 */
int csv_number(double *out, const char *text);

/** 1 when `text`, trimmed of spaces, equals `word` ignoring ASCII case. */
int csv_is(const char *text, const char *word);

/** Write `s` as a CSV field (quoted when it holds a comma, quote, CR or LF). */
void csv_write_field(FILE *f, const char *s);

#endif
