/*
 * rf_touchpoint_record (or _batch) with fields cut from arbitrary bytes.
 * Layout: one control byte, then code, visitor id, landing URL, IP and user
 * agent separated by NUL bytes (a missing field is NULL). Control bits:
 * 0-1 kind (0 is invalid), 2 batch of two copies, 3 take the code from the
 * fixture instead (picked by bits 4-6), 4-7 time (0: the store's clock,
 * else T0 + n * 10 min, so repeats fall inside the duplicate window).
 * Checked: a documented status; exactly the touchpoints acknowledged are
 * stored (none on failure); the returned object matches the input; and
 * rf_store_check passes afterwards.
 */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

/* A fresh fixture now and then keeps tables (and check times) small. */
#define RESET_EVERY 1000
#define FIELDS 5

static fz_fixture fixture;
static unsigned runs;
static rf_touchpoint sentinel; /* proves *out is reset on failure */

static int64_t touch_count(void)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	rf_stats *st = NULL;
	q.program = FZ_PROGRAM;
	int rc = rf_stats_get(&st, fixture.store, &q);
	FZ_CHECK(rc == RF_OK, "rf_stats_get failed with %d", rc);
	int64_t n = st->touchpoints;
	rf_stats_free(st);
	return n;
}

/* Split at NUL bytes; fields past the end of the input stay NULL. */
static void split(char *buf, size_t size, const char *field[FIELDS])
{
	size_t at = 0;
	for (int i = 0; i < FIELDS; i++) {
		field[i] = at <= size ? buf + at : NULL;
		at += at <= size ? strlen(buf + at) + 1 : 0;
	}
}

static void check_touch(const rf_touchpoint *t, const rf_touchpoint_spec *s)
{
	FZ_CHECK(t != NULL && t != &sentinel, "RF_OK without a touchpoint");
	FZ_CHECK(s->visitor_id ? strcmp(t->visitor_id, s->visitor_id) == 0
			       : strlen(t->visitor_id) == 36, "visitor id '%s'", t->visitor_id);
	FZ_CHECK(fz_all_symbols(t->code) && fz_fixture_find(&fixture, t->code) >= 0,
		 "recorded code '%s' is not one of the fixture's", t->code);
	FZ_CHECK(strcmp(t->program, FZ_PROGRAM) == 0, "program '%s'", t->program);
	FZ_CHECK(t->kind == s->kind && t->duplicate >= 0 && t->duplicate <= RF_TOUCHPOINT_BOT,
		 "kind/duplicate");
	FZ_CHECK(t->at_ms == (s->at_ms ? s->at_ms : fixture.now), "time %lld",
		 (long long)t->at_ms);
}

/* *bot: 1 when the touch was kept as a bot's or link preview's (counted
 * nowhere), 0 when not, -1 unknown (a batch says nothing per touch). */
static int record(const rf_touchpoint_spec *s, int batch, int *bot)
{
	*bot = -1;
	if (batch) {
		const rf_touchpoint_spec *two[2] = { s, s };
		return rf_touchpoint_record_batch(fixture.store, two, 2);
	}
	rf_touchpoint *t = &sentinel;
	int rc = rf_touchpoint_record(&t, fixture.store, s);
	if (rc == RF_OK) {
		check_touch(t, s);
		*bot = t->duplicate == RF_TOUCHPOINT_BOT;
	}
	else
		FZ_CHECK(t == NULL, "failure %d left *out set", rc);
	rf_touchpoint_free(rc == RF_OK ? t : NULL);
	return rc;
}

static void close_fixture(void)
{
	fz_fixture_close(&fixture);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (runs == 0)
		atexit(close_fixture);
	if (runs++ % RESET_EVERY == 0) {
		fz_fixture_close(&fixture);
		fz_fixture_open(&fixture);
	}
	unsigned ctl = data[0];
	char *buf = fz_cstr(data + 1, size - 1);
	const char *field[FIELDS];
	split(buf, size - 1, field);
	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.kind = (int32_t)(ctl & 3);
	s.code = ctl & 8 ? fixture.codes[(ctl >> 4) % FZ_NCODES] : field[0];
	s.visitor_id = field[1];
	s.landing_url = field[2];
	s.ip = field[3];
	s.user_agent = field[4];
	s.at_ms = ctl >> 4 ? FZ_T0 + (int64_t)(ctl >> 4) * 600000 : 0;
	int batch = (ctl & 4) != 0;
	int64_t before = touch_count();
	int bot;
	int rc = record(&s, batch, &bot);
	FZ_CHECK(fz_lookup_status(rc), "unexpected status %d", rc);
	/* Counted touches: none after a failure or for a bot (kept, flagged);
	 * both of a batch or neither (the same spec twice). */
	int64_t stored = touch_count() - before;
	int64_t counted = rc == RF_OK ? 1 + batch : 0;
	FZ_CHECK(stored == (bot == 1 ? 0 : counted) || (bot == -1 && rc == RF_OK && stored == 0),
		 "status %d (bot %d) but %lld touchpoints counted", rc, bot, (long long)stored);
	rc = rf_store_check(fixture.store);
	FZ_CHECK(rc == RF_OK, "rf_store_check failed with %d", rc);
	free(buf);
	return 0;
}
