/*
 * A pure CSV reader (RFC 4180): fields separated by commas, optionally
 * quoted ("" is a quote inside quotes; quoted fields may hold commas and
 * line breaks); records end with LF, CRLF or CR; a UTF-8 byte order mark
 * at the start is skipped; blank lines are skipped. Input arrives through
 * a callback in blocks, so memory is one block plus one record. No I/O of
 * its own.
 */
#ifndef RF_CORE_CSV_H
#define RF_CORE_CSV_H

#include <stddef.h>
#include <stdint.h>

#define RFC_CSV_MAX_FIELDS 64
#define RFC_CSV_BLOCK 16384

/* Supplies up to `size` bytes; returns the count, 0 at the end, < 0 on error. */
typedef int64_t (*rfc_csv_read_fn)(void *ctx, char *buf, size_t size);

typedef struct rfc_csv {
	rfc_csv_read_fn read;
	void *ctx;
	size_t max_record;     /* most field bytes in one record */
	char block[RFC_CSV_BLOCK];
	size_t pos, avail;
	int eof, started;
	int64_t line;          /* physical line of the next byte (1-based) */
	int64_t record_line;   /* line where the last record (or error) started */
	char *buf;             /* the record's fields, each NUL-terminated */
	size_t len, cap;
	size_t starts[RFC_CSV_MAX_FIELDS];
	size_t count;          /* fields in the record */
	size_t error_field;    /* 0-based field where an error was found */
	const char *error;     /* why rfc_csv_next() failed (static text) */
} rfc_csv;

/* Start reading; `max_record` bounds one record's bytes. */
void rfc_csv_init(rfc_csv *r, rfc_csv_read_fn read, void *ctx, size_t max_record);
void rfc_csv_free(rfc_csv *r);

/* Read the next record: 1, 0 at the end, -1 when malformed (error,
 * record_line, error_field), -2 when the read callback failed, -3 out of
 * memory. */
int rfc_csv_next(rfc_csv *r);

/* Field i of the last record (i < count). */
static inline const char *rfc_csv_field(const rfc_csv *r, size_t i)
{
	return r->buf + r->starts[i];
}

#endif
