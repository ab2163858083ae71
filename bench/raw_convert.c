/*
 * The raw side, continued: the same program, advocates and codes as the
 * library's store, and a conversion with last-touch attribution done by
 * hand: the statements rf_conversion_record() needs, in one transaction.
 */
#include "bench.h"

#include <stdio.h>
#include <string.h>

#define JOURNEY_MAX 64
#define LOOKBACK_MS (30 * RF_DAY_MS)

static int exec(raw_side *r, const char *sql, const char *doing)
{
	int rc = sqlite3_exec(r->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : raw_fail(r, doing, rc);
}

static int put_code(raw_side *r, sqlite3_stmt *adv, sqlite3_stmt *code, const char *text,
		    size_t i)
{
	static const int32_t channels[] = { RF_CHANNEL_EMAIL, RF_CHANNEL_WHATSAPP,
					    RF_CHANNEL_LINKEDIN, RF_CHANNEL_X, RF_CHANNEL_QR,
					    RF_CHANNEL_NONE };
	char ext[32], name[48], email[64];
	unsigned char email_hash[RAW_HASH_BYTES];
	snprintf(ext, sizeof(ext), "adv-%07zu", i);
	snprintf(name, sizeof(name), "Advocate %zu", i);
	snprintf(email, sizeof(email), "advocate%zu@example.com", i);
	raw_hash(r, email_hash, "email", email);
	sqlite3_bind_text(adv, 1, ext, -1, SQLITE_STATIC);
	sqlite3_bind_int(adv, 2, i % 10 == 0 ? RF_ADVOCATE_EMPLOYEE : RF_ADVOCATE_CUSTOMER);
	sqlite3_bind_text(adv, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(adv, 4, email_hash, RAW_HASH_BYTES, SQLITE_STATIC);
	if (raw_run(r, adv, "adding an advocate"))
		return -1;
	sqlite3_bind_text(code, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(code, 2, sqlite3_last_insert_rowid(r->db));
	sqlite3_bind_int(code, 3, channels[i % (sizeof(channels) / sizeof(channels[0]))]);
	return raw_run(r, code, "adding a code");
}

int raw_populate(raw_side *r, const workload *w)
{
	sqlite3_stmt *adv = NULL, *code = NULL;
	int rc = exec(r, "BEGIN IMMEDIATE;"
		      " INSERT INTO program(id, key, name, status, rules_version, created_at, updated_at)"
		      "  VALUES(1, '" BENCH_PROGRAM "', 'Benchmark program', 0, 1, 0, 0);"
		      " INSERT INTO program_rules(program_id, version, model, code_length, lookback_ms,"
		      " duplicate_window_ms, lock_first_referrer, created_at)"
		      " VALUES(1, 1, 1, 8, 2592000000, 3600000, 0, 0);",
		      "creating the program");
	if (rc == 0 && sqlite3_prepare_v2(r->db, "INSERT INTO advocate(external_id, kind,"
					  " display_name, email_hash, status, created_at)"
					  " VALUES(?1, ?2, ?3, ?4, 0, 0)", -1, &adv, NULL) != SQLITE_OK)
		rc = raw_fail(r, "preparing", SQLITE_ERROR);
	if (rc == 0 && sqlite3_prepare_v2(r->db, "INSERT INTO code(code, display, program_id,"
					  " advocate_id, channel, vanity, created_at)"
					  " VALUES(?1, ?1, 1, ?2, ?3, 0, 0)", -1, &code, NULL) != SQLITE_OK)
		rc = raw_fail(r, "preparing", SQLITE_ERROR);
	for (size_t i = 0; rc == 0 && i < w->ncodes; i++)
		rc = put_code(r, adv, code, w->codes[i], i);
	sqlite3_finalize(adv);
	sqlite3_finalize(code);
	return rc == 0 ? exec(r, "COMMIT", "committing the population") : rc;
}

typedef struct program_row {
	int64_t id, status, rules_version, model, lookback;
} program_row;

static int load_program(raw_side *r, program_row *p)
{
	sqlite3_stmt *st = r->program;
	sqlite3_bind_text(st, 1, BENCH_PROGRAM, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->status = sqlite3_column_int64(st, 1);
		p->rules_version = sqlite3_column_int64(st, 2);
		p->model = sqlite3_column_int64(st, 3);
		p->lookback = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : raw_fail(r, "loading the program", rc);
}

static int order_seen(raw_side *r, int64_t program, const char *order)
{
	sqlite3_bind_int64(r->order_seen, 1, program);
	sqlite3_bind_text(r->order_seen, 2, order, -1, SQLITE_STATIC);
	int seen = sqlite3_step(r->order_seen) == SQLITE_ROW;
	sqlite3_reset(r->order_seen);
	return seen;
}

typedef struct touch_row {
	int64_t id, at, code_id, advocate_id;
	int32_t kind, channel;
} touch_row;

static size_t journey(raw_side *r, int64_t visitor, int64_t program, int64_t at,
		      touch_row *rows)
{
	sqlite3_stmt *st = r->journey;
	size_t n = 0;
	sqlite3_bind_int64(st, 1, visitor);
	sqlite3_bind_int64(st, 2, at - LOOKBACK_MS);
	sqlite3_bind_int64(st, 3, at);
	sqlite3_bind_int64(st, 4, program);
	while (n < JOURNEY_MAX && sqlite3_step(st) == SQLITE_ROW) {
		rows[n] = (touch_row){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
				       sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4),
				       sqlite3_column_int(st, 2), sqlite3_column_int(st, 5) };
		n++;
	}
	sqlite3_reset(st);
	return n;
}

static int put_conversion(raw_side *r, const program_row *p, const conversion_in *c,
			  int64_t visitor, size_t n)
{
	char summary[96];
	snprintf(summary, sizeof(summary), "last touch over %zu touchpoints in the 30-day window", n);
	sqlite3_stmt *st = r->conv_put;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_text(st, 2, c->order, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, visitor);
	sqlite3_bind_int(st, 4, RF_CONVERSION_PURCHASE);
	sqlite3_bind_int64(st, 5, c->value);
	sqlite3_bind_text(st, 6, BENCH_CURRENCY, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, c->at);
	sqlite3_bind_int64(st, 8, p->rules_version);
	sqlite3_bind_int64(st, 9, p->model);
	sqlite3_bind_int64(st, 10, p->lookback);
	sqlite3_bind_int(st, 11, n > 0);
	sqlite3_bind_text(st, 12, summary, -1, SQLITE_TRANSIENT);
	return raw_run(r, st, "inserting a conversion");
}

/* One credit row per touchpoint considered; the latest gets it all. */
static int put_credits(raw_side *r, int64_t conversion, const touch_row *t, size_t n,
		       int64_t value)
{
	sqlite3_stmt *st = r->credit_put;
	for (size_t i = 0; i < n; i++) {
		int won = i + 1 == n;
		sqlite3_bind_int64(st, 1, conversion);
		sqlite3_bind_int(st, 2, (int)i);
		sqlite3_bind_int64(st, 3, t[i].id);
		sqlite3_bind_int64(st, 4, t[i].code_id);
		sqlite3_bind_int64(st, 5, t[i].advocate_id);
		sqlite3_bind_int(st, 6, t[i].channel);
		sqlite3_bind_double(st, 7, won ? 1.0 : 0.0);
		sqlite3_bind_int64(st, 8, won ? value : 0);
		sqlite3_bind_text(st, 9, won ? "latest touchpoint in the window: all credit (last touch)"
				  : "earlier touchpoint: last touch credits only the latest",
				  -1, SQLITE_STATIC);
		if (raw_run(r, st, "inserting credit"))
			return -1;
	}
	if (n == 0)
		return 0;
	sqlite3_bind_int64(r->code_use, 1, t[n - 1].code_id);
	return raw_run(r, r->code_use, "counting a code use");
}

static int convert_one(raw_side *r, const conversion_in *c)
{
	touch_row rows[JOURNEY_MAX];
	program_row p = { 0 };
	int64_t visitor = 0;
	if (load_program(r, &p))
		return -1;
	if (order_seen(r, p.id, c->order))
		return 0; /* idempotent: already recorded */
	if (raw_intern_visitor(r, c->visitor, &visitor))
		return -1;
	size_t n = journey(r, visitor, p.id, c->at, rows);
	if (put_conversion(r, &p, c, visitor, n))
		return -1;
	return put_credits(r, sqlite3_last_insert_rowid(r->db), rows, n, c->value);
}

BENCH_PHASE int raw_convert(raw_side *r, const conversion_in *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (raw_begin(r) || convert_one(r, &in[i]) || raw_commit(r))
			return -1;
	}
	return 0;
}
