/*
 * The raw side: what a careful hand-written application would run against
 * SQLite to store the same rows: the same tables and indexes, the same
 * connection settings, prepared statements reused, BEGIN IMMEDIATE.
 */
#include "bench.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>


int raw_fail(raw_side *r, const char *doing, int rc)
{
	fprintf(stderr, "bench: raw: %s: %s (%d)\n", doing, sqlite3_errmsg(r->db), rc);
	return -1;
}

int raw_run(raw_side *r, sqlite3_stmt *st, const char *doing)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : raw_fail(r, doing, rc);
}

static int prepare(raw_side *r, sqlite3_stmt **st, const char *sql)
{
	int rc = sqlite3_prepare_v3(r->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	return rc == SQLITE_OK ? 0 : raw_fail(r, "preparing", rc);
}

static int prepare_all(raw_side *r)
{
	return prepare(r, &r->begin, "BEGIN IMMEDIATE") || prepare(r, &r->commit, "COMMIT") ||
	       prepare(r, &r->code_id, "SELECT id FROM code WHERE code = ?1") ||
	       prepare(r, &r->visitor_put, "INSERT OR IGNORE INTO visitor(id, ext) VALUES(?1, ?2)") ||
	       prepare(r, &r->touch_put, "INSERT INTO touchpoint(code_id, visitor_id, kind, at,"
		       " duplicate, landing_url, ip_hash, ua_hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") ||
	       prepare(r, &r->touch_recent, "SELECT 1 FROM touchpoint WHERE visitor_id = ?1"
		       " AND at > ?2 AND at < ?3 AND code_id = ?4 AND duplicate = 0 LIMIT 1") ||
	       prepare(r, &r->code_row, "SELECT id, code, display, program_id, advocate_id, channel,"
		       " vanity, status, expires_at, max_uses, uses, created_at FROM code WHERE code = ?1") ||
	       prepare(r, &r->program, "SELECT p.id, p.status, p.rules_version, r.model, r.lookback_ms"
		       " FROM program p JOIN program_rules r ON r.program_id = p.id"
		       " AND r.version = p.rules_version WHERE p.key = ?1") ||
	       prepare(r, &r->order_seen, "SELECT 1 FROM conversion WHERE program_id = ?1 AND order_id = ?2") ||
	       prepare(r, &r->journey, "SELECT t.id, t.at, t.kind, t.code_id, c.advocate_id, c.channel"
		       " FROM touchpoint t JOIN code c ON c.id = t.code_id WHERE t.visitor_id = ?1"
		       " AND t.at >= ?2 AND t.at <= ?3 AND t.duplicate = 0 AND c.program_id = ?4"
		       " ORDER BY t.at, t.id") ||
	       prepare(r, &r->conv_put, "INSERT INTO conversion(program_id, order_id, visitor_id, kind,"
		       " value_minor, currency, at, rules_version, model, lookback_ms, attributed, summary)"
		       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)") ||
	       prepare(r, &r->credit_put, "INSERT INTO credit(conversion_id, seq, touchpoint_id, code_id,"
		       " advocate_id, channel, weight, value_minor, note)"
		       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") ||
	       prepare(r, &r->code_use, "UPDATE code SET uses = uses + 1 WHERE id = ?1");
}

int raw_open(raw_side *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	if (sodium_init() < 0) {
		fprintf(stderr, "bench: raw: libsodium failed to initialise\n");
		return -1;
	}
	randombytes_buf(r->key, sizeof(r->key));
	/* Same connection mode as the library: one thread, no mutex. */
	int rc = sqlite3_open_v2(path, &r->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return raw_fail(r, "opening", rc);
	/* The library's connection settings (lib/store/open.c, defaults). */
	sqlite3_busy_timeout(r->db, 5000);
	rc = sqlite3_exec(r->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
			  " PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"
			  " PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(r->db, raw_schema_sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return raw_fail(r, "creating the schema", rc);
	return prepare_all(r);
}

void raw_close(raw_side *r)
{
	sqlite3_stmt **all[] = { &r->begin, &r->commit, &r->code_id, &r->visitor_put,
				 &r->touch_put, &r->touch_recent, &r->code_row, &r->program,
				 &r->order_seen, &r->journey, &r->conv_put, &r->credit_put,
				 &r->code_use };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		sqlite3_finalize(*all[i]);
		*all[i] = NULL;
	}
	sqlite3_close(r->db);
	r->db = NULL;
}

void raw_hash(raw_side *r, unsigned char out[RAW_HASH_BYTES], const char *domain, const char *v)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, r->key, sizeof(r->key), RAW_HASH_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)domain, strlen(domain) + 1);
	crypto_generichash_update(&st, (const unsigned char *)v, strlen(v));
	crypto_generichash_final(&st, out, RAW_HASH_BYTES);
}

static int64_t visitor_key(const char *ext)
{
	uint64_t h = UINT64_C(0xCBF29CE484222325);
	for (; *ext; ext++)
		h = (h ^ (unsigned char)*ext) * UINT64_C(0x100000001B3);
	h &= (uint64_t)INT64_MAX;
	return h ? (int64_t)h : 1;
}

int raw_begin(raw_side *r)
{
	return raw_run(r, r->begin, "BEGIN");
}

int raw_commit(raw_side *r)
{
	return raw_run(r, r->commit, "COMMIT");
}

/* The code's id, or 0 when unknown. */
static int64_t code_id(raw_side *r, const char *code)
{
	sqlite3_bind_text(r->code_id, 1, code, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(r->code_id) == SQLITE_ROW ? sqlite3_column_int64(r->code_id, 0) : 0;
	sqlite3_reset(r->code_id);
	return id;
}

int raw_intern_visitor(raw_side *r, const char *ext, int64_t *id)
{
	*id = visitor_key(ext);
	sqlite3_bind_int64(r->visitor_put, 1, *id);
	sqlite3_bind_text(r->visitor_put, 2, ext, -1, SQLITE_STATIC);
	return raw_run(r, r->visitor_put, "adding a visitor");
}

static int is_repeat(raw_side *r, int64_t visitor, int64_t code, int64_t at)
{
	sqlite3_stmt *st = r->touch_recent;
	sqlite3_bind_int64(st, 1, visitor);
	sqlite3_bind_int64(st, 2, at - 3600000);
	sqlite3_bind_int64(st, 3, at + 3600000);
	sqlite3_bind_int64(st, 4, code);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

static int store_touch(raw_side *r, const touch_in *t, int dup_check)
{
	unsigned char ip[RAW_HASH_BYTES], ua[RAW_HASH_BYTES];
	int64_t code = code_id(r, t->code), visitor = 0;
	if (code == 0) {
		fprintf(stderr, "bench: raw: unknown code %s\n", t->code);
		return -1;
	}
	if (raw_intern_visitor(r, t->visitor, &visitor) != 0)
		return -1;
	int repeat = dup_check ? is_repeat(r, visitor, code, t->at) : 0;
	raw_hash(r, ip, "ip", t->ip);
	raw_hash(r, ua, "ua", t->ua);
	sqlite3_stmt *st = r->touch_put;
	sqlite3_bind_int64(st, 1, code);
	sqlite3_bind_int64(st, 2, visitor);
	sqlite3_bind_int(st, 3, RF_TOUCH_CLICK);
	sqlite3_bind_int64(st, 4, t->at);
	sqlite3_bind_int(st, 5, repeat);
	sqlite3_bind_text(st, 6, t->url, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 7, ip, RAW_HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_blob(st, 8, ua, RAW_HASH_BYTES, SQLITE_STATIC);
	return raw_run(r, st, "inserting a touchpoint");
}

BENCH_PHASE int raw_touch_single(raw_side *r, const touch_in *in, size_t n, int dup_check)
{
	for (size_t i = 0; i < n; i++) {
		if (raw_begin(r) || store_touch(r, &in[i], dup_check) || raw_commit(r))
			return -1;
	}
	return 0;
}

BENCH_PHASE int raw_touch_batched(raw_side *r, const touch_in *in, size_t n, size_t batch,
				  int dup_check)
{
	for (size_t i = 0; i < n; i += batch) {
		size_t m = n - i < batch ? n - i : batch;
		if (raw_begin(r))
			return -1;
		for (size_t k = 0; k < m; k++) {
			if (store_touch(r, &in[i + k], dup_check))
				return -1;
		}
		if (raw_commit(r))
			return -1;
	}
	return 0;
}

/* The columns an application would read from a resolved code. */
typedef struct code_row {
	int64_t id, program_id, advocate_id, expires_at, max_uses, uses, created_at;
	int32_t channel, vanity, status;
	char code[RF_CODE_BUFSIZE], display[RF_CODE_BUFSIZE];
} code_row;

static void copy_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
	n = n < size ? n : size - 1;
	memcpy(out, t ? (const char *)t : "", n);
	out[n] = '\0';
}

BENCH_PHASE int raw_resolve(raw_side *r, const char *const *codes, size_t n)
{
	sqlite3_stmt *st = r->code_row;
	for (size_t i = 0; i < n; i++) {
		code_row c;
		sqlite3_bind_text(st, 1, codes[i], -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			sqlite3_reset(st);
			return raw_fail(r, "resolving a code", rc);
		}
		c.id = sqlite3_column_int64(st, 0);
		copy_text(st, 1, c.code, sizeof(c.code));
		copy_text(st, 2, c.display, sizeof(c.display));
		c.program_id = sqlite3_column_int64(st, 3);
		c.advocate_id = sqlite3_column_int64(st, 4);
		c.channel = sqlite3_column_int(st, 5);
		c.vanity = sqlite3_column_int(st, 6);
		c.status = sqlite3_column_int(st, 7);
		c.expires_at = sqlite3_column_int64(st, 8);
		c.max_uses = sqlite3_column_int64(st, 9);
		c.uses = sqlite3_column_int64(st, 10);
		c.created_at = sqlite3_column_int64(st, 11);
		sqlite3_reset(st);
		if (c.id == 0 || c.code[0] == '\0')
			return -1;
	}
	return 0;
}
