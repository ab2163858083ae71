/*
 * rf_import of arbitrary CSV. Control byte: bits 0-1 what (0 codes, 1
 * touchpoints, 2 conversions, 3 touchpoints with a header prepended, so
 * mutations reach the rows), bits 2-4 the read size (1, 2, 3, 7, 64, 512,
 * 4096, all), bit 5 a read error once the input is used up. The rest is
 * the file.
 * Checked: a documented status; on failure nothing changed (touchpoints,
 * conversions and codes counted through the public API) and an invalid
 * file's message names its line; on success the counts grew by the rows
 * imported (touchpoints) and the row count is no more than the records;
 * rf_store_check passes every 100 runs.
 */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESET_EVERY 500

static fz_fixture fixture;
static unsigned runs;

typedef struct reader {
	const uint8_t *data;
	size_t size, pos, step;
	int fail_at_end;
} reader;

static int64_t read_some(void *payload, char *buf, size_t size)
{
	reader *r = payload;
	size_t n = r->size - r->pos;
	if (n == 0 && r->fail_at_end)
		return -1;
	if (n > size)
		n = size;
	if (r->step && n > r->step)
		n = r->step;
	memcpy(buf, r->data + r->pos, n);
	r->pos += n;
	return (int64_t)n;
}

static int count_rows(void *payload, const char *data, size_t len)
{
	int64_t *bytes = payload;
	(void)data;
	*bytes += (int64_t)len;
	return 0;
}

typedef struct counts {
	int64_t touchpoints, conversions, codes, code_bytes;
} counts;

static counts count(void)
{
	counts c = { 0, 0, 0, 0 };
	rf_stats_query q = RF_STATS_QUERY_INIT;
	rf_stats *st = NULL;
	q.program = FZ_PROGRAM;
	FZ_CHECK(rf_stats_get(&st, fixture.store, &q) == RF_OK, "rf_stats_get");
	c.touchpoints = st->touchpoints;
	c.conversions = st->conversions;
	rf_stats_free(st);
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	o.program = FZ_PROGRAM;
	o.what = RF_EXPORT_CODES;
	FZ_CHECK(rf_export(&c.codes, fixture.store, &o, count_rows, &c.code_bytes) == RF_OK,
		 "exporting codes");
	return c;
}

static void close_fixture(void)
{
	fz_fixture_close(&fixture);
}

static int documented(int rc)
{
	switch (rc) {
	case RF_OK: case RF_EINVALID: case RF_ENOTFOUND: case RF_EDISABLED: case RF_ECONFLICT:
	case RF_EEXISTS: case RF_EIO: case RF_ECHECK: case RF_EEXPIRED: case RF_EEXHAUSTED:
		return 1;
	default:
		return 0;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t steps[] = { 1, 2, 3, 7, 64, 512, 4096, 0 };
	static const int32_t whats[] = { RF_EXPORT_CODES, RF_EXPORT_TOUCHPOINTS,
					 RF_EXPORT_CONVERSIONS, RF_EXPORT_TOUCHPOINTS };
	static const char header[] = "code,visitor_id,at_ms,kind,direct,customer_id\n";
	if (size == 0)
		return 0;
	if (fixture.store == NULL || runs % RESET_EVERY == 0) {
		if (fixture.store == NULL)
			atexit(close_fixture);
		else
			fz_fixture_close(&fixture);
		fz_fixture_open(&fixture);
	}
	runs++;
	uint8_t control = data[0];
	uint8_t *file = NULL;
	size_t n = size - 1;
	if ((control & 3) == 3) { /* a valid header, then the input as rows */
		file = malloc(sizeof(header) - 1 + n);
		memcpy(file, header, sizeof(header) - 1);
		memcpy(file + sizeof(header) - 1, data + 1, n);
		n += sizeof(header) - 1;
	}
	reader r = { file ? file : data + 1, n, 0, steps[(control >> 2) & 7], (control >> 5) & 1 };
	counts before = count();
	rf_import_options o = RF_IMPORT_OPTIONS_INIT;
	o.program = FZ_PROGRAM;
	o.what = whats[control & 3];
	int64_t rows = -1;
	int rc = rf_import(&rows, fixture.store, &o, read_some, &r);
	FZ_CHECK(documented(rc), "undocumented status %d", rc);
	counts after = count();
	if (rc != RF_OK) {
		FZ_CHECK(rows == 0, "failure with rows %lld", (long long)rows);
		FZ_CHECK(memcmp(&before, &after, sizeof(before)) == 0, "a failed import changed"
			 " the store (%d: %s)", rc, rf_error_last()->message);
		if (rc == RF_EINVALID || rc == RF_EIO)
			FZ_CHECK(strncmp(rf_error_last()->message, "line ", 5) == 0,
				 "error without a line: %s", rf_error_last()->message);
		FZ_CHECK(!r.fail_at_end || r.pos == r.size || rc != RF_EIO, "early read error");
	} else {
		FZ_CHECK(!r.fail_at_end, "a read error went unnoticed");
		FZ_CHECK(rows >= 0 && (size_t)rows <= n, "rows %lld", (long long)rows);
		if (o.what == RF_EXPORT_TOUCHPOINTS)
			FZ_CHECK(after.touchpoints == before.touchpoints + rows, "touchpoints %lld -> %lld"
				 " for %lld rows", (long long)before.touchpoints,
				 (long long)after.touchpoints, (long long)rows);
		if (o.what == RF_EXPORT_CODES)
			FZ_CHECK(after.codes >= before.codes && after.codes <= before.codes + rows,
				 "codes %lld -> %lld", (long long)before.codes, (long long)after.codes);
	}
	if (runs % 100 == 0)
		FZ_CHECK(rf_store_check(fixture.store) == RF_OK, "store check failed");
	free(file);
	return 0;
}
