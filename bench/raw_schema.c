/*
 * The raw side's tables: a copy of the DDL in lib/store/schema.c (every
 * table these benchmarks touch, with every index, so raw inserts maintain
 * the same b-trees). raw_schema_drift() compares it with the library's own
 * file at run time, so a schema change cannot silently skew the ratios.
 */
#include "bench.h"

#include <ctype.h>
#include <string.h>

const char raw_schema_sql[] =
	"CREATE TABLE program("
	" id INTEGER PRIMARY KEY,"
	" key TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" rules_version INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" updated_at INTEGER NOT NULL) STRICT;"

	"CREATE TABLE program_rules("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" model INTEGER NOT NULL,"
	" code_length INTEGER NOT NULL,"
	" lookback_ms INTEGER NOT NULL,"
	" duplicate_window_ms INTEGER NOT NULL,"
	" lock_first_referrer INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"

	"CREATE TABLE advocate("
	" id INTEGER PRIMARY KEY,"
	" external_id TEXT NOT NULL UNIQUE,"
	" kind INTEGER NOT NULL,"
	" display_name TEXT NOT NULL,"
	" email_hash BLOB,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL) STRICT;"

	"CREATE TABLE code("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" display TEXT NOT NULL,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" channel INTEGER NOT NULL,"
	" vanity INTEGER NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" expires_at INTEGER NOT NULL DEFAULT 0,"
	" max_uses INTEGER NOT NULL DEFAULT 0,"
	" uses INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX code_program ON code(program_id);"
	"CREATE INDEX code_advocate ON code(advocate_id);"

	"CREATE TABLE visitor("
	" id INTEGER PRIMARY KEY,"
	" ext TEXT NOT NULL) STRICT;"

	"CREATE TABLE touchpoint("
	" id INTEGER PRIMARY KEY,"
	" code_id INTEGER NOT NULL REFERENCES code(id),"
	" visitor_id INTEGER NOT NULL REFERENCES visitor(id),"
	" kind INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" duplicate INTEGER NOT NULL,"
	" landing_url TEXT,"
	" ip_hash BLOB,"
	" ua_hash BLOB) STRICT;"
	"CREATE INDEX touchpoint_visitor ON touchpoint(visitor_id, at, code_id, duplicate);"
	"CREATE INDEX touchpoint_code ON touchpoint(code_id, at);"

	"CREATE TABLE conversion("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" order_id TEXT NOT NULL,"
	" visitor_id INTEGER NOT NULL REFERENCES visitor(id),"
	" kind INTEGER NOT NULL,"
	" value_minor INTEGER NOT NULL,"
	" currency TEXT NOT NULL,"
	" at INTEGER NOT NULL,"
	" rules_version INTEGER NOT NULL,"
	" model INTEGER NOT NULL,"
	" lookback_ms INTEGER NOT NULL,"
	" attributed INTEGER NOT NULL,"
	" summary TEXT NOT NULL,"
	" UNIQUE(program_id, order_id)) STRICT;"
	"CREATE INDEX conversion_program_at ON conversion(program_id, at);"
	"CREATE INDEX conversion_visitor ON conversion(visitor_id, program_id);"

	"CREATE TABLE credit("
	" conversion_id INTEGER NOT NULL REFERENCES conversion(id),"
	" seq INTEGER NOT NULL,"
	" touchpoint_id INTEGER REFERENCES touchpoint(id),"
	" code_id INTEGER NOT NULL REFERENCES code(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" channel INTEGER NOT NULL,"
	" weight REAL NOT NULL,"
	" value_minor INTEGER NOT NULL,"
	" note TEXT NOT NULL,"
	" PRIMARY KEY(conversion_id, seq)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX credit_advocate ON credit(advocate_id, conversion_id) WHERE weight > 0;"

	/* Schema version 2, applied the way the library migrates: the same
	 * ALTERs in the same order, so the stored DDL text matches. */
	"ALTER TABLE program_rules ADD COLUMN half_life_ms INTEGER NOT NULL DEFAULT 604800000;"
	"ALTER TABLE program_rules ADD COLUMN position_first_bp INTEGER NOT NULL DEFAULT 4000;"
	"ALTER TABLE program_rules ADD COLUMN position_last_bp INTEGER NOT NULL DEFAULT 4000;"
	"ALTER TABLE program_rules ADD COLUMN custom_weights TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE program_rules ADD COLUMN sale_follows_lead INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE program_rules ADD COLUMN renewal_months INTEGER NOT NULL DEFAULT 12;"
	"CREATE TABLE customer("
	" id INTEGER PRIMARY KEY,"
	" ext TEXT NOT NULL) STRICT;"
	"CREATE TABLE identity("
	" visitor_id INTEGER PRIMARY KEY REFERENCES visitor(id),"
	" customer_id INTEGER NOT NULL REFERENCES customer(id),"
	" at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX identity_customer ON identity(customer_id);"
	"ALTER TABLE conversion ADD COLUMN customer_id INTEGER REFERENCES customer(id);"
	"ALTER TABLE conversion ADD COLUMN follows_id INTEGER REFERENCES conversion(id);"
	"ALTER TABLE conversion ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE conversion ADD COLUMN parameters TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE touchpoint ADD COLUMN direct INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX conversion_customer ON conversion(customer_id, program_id) WHERE customer_id IS NOT NULL;"
	/* Later versions: content offered through codes (never written here),
	 * advocates' identities (fraud checks), credit by touchpoint (retention). */
	"CREATE TABLE content("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" key TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" url TEXT NOT NULL,"
	" kind INTEGER NOT NULL,"
	" stages INTEGER NOT NULL,"
	" tier TEXT NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL,"
	" UNIQUE(program_id, key)) STRICT;"
	"ALTER TABLE code ADD COLUMN content_id INTEGER REFERENCES content(id);"
	"CREATE INDEX code_content ON code(content_id) WHERE content_id IS NOT NULL;"
	"CREATE INDEX advocate_email ON advocate(email_hash) WHERE email_hash IS NOT NULL;"
	"ALTER TABLE advocate ADD COLUMN customer_id INTEGER REFERENCES customer(id);"
	"ALTER TABLE advocate ADD COLUMN visitor_id INTEGER REFERENCES visitor(id);"
	"ALTER TABLE advocate ADD COLUMN email_key BLOB;"
	"ALTER TABLE advocate ADD COLUMN ip_hash BLOB;"
	"ALTER TABLE advocate ADD COLUMN ua_hash BLOB;"
	"CREATE INDEX advocate_customer ON advocate(customer_id) WHERE customer_id IS NOT NULL;"
	"CREATE INDEX advocate_visitor ON advocate(visitor_id) WHERE visitor_id IS NOT NULL;"
	"CREATE INDEX advocate_email_key ON advocate(email_key) WHERE email_key IS NOT NULL;"
	"CREATE INDEX advocate_ip_ua ON advocate(ip_hash, ua_hash) WHERE ip_hash IS NOT NULL;"
	"CREATE INDEX credit_touchpoint ON credit(touchpoint_id);";

/* The tables above; their indexes are found through sqlite_schema. */
const char *const raw_schema_objects[] = {
	"program", "program_rules", "advocate", "code", "visitor", "touchpoint",
	"conversion", "credit", "customer", "identity", NULL,
};

/* Stored DDL with all white space removed, so layout does not matter. */
static void squeeze(const unsigned char *in, char *out, size_t size)
{
	size_t n = 0;
	for (; in && *in && n + 1 < size; in++) {
		if (!isspace(*in))
			out[n++] = (char)*in;
	}
	out[n] = '\0';
}

static void ddl_of(sqlite3 *db, const char *name, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE name = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		squeeze(sqlite3_column_text(st, 0), out, size);
	sqlite3_finalize(st);
}

/* Objects of `db` on one of our tables that `other` lacks (or, unless
 * missing_only, defines differently); each is named on `warn`. */
static int differences(sqlite3 *db, sqlite3 *other, int missing_only, FILE *warn)
{
	sqlite3_stmt *st = NULL;
	int drift = 0;
	if (sqlite3_prepare_v2(db, "SELECT name, tbl_name FROM sqlite_schema WHERE sql IS NOT NULL",
			       -1, &st, NULL) != SQLITE_OK)
		return 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *table = (const char *)sqlite3_column_text(st, 1);
		int ours = 0;
		for (size_t i = 0; raw_schema_objects[i] && !ours; i++)
			ours = strcmp(table, raw_schema_objects[i]) == 0;
		char a[2048], b[2048];
		ddl_of(db, name, a, sizeof(a));
		ddl_of(other, name, b, sizeof(b));
		if (ours && strcmp(a, b) != 0 && (!missing_only || b[0] == '\0')) {
			fprintf(warn, "bench: WARNING: the raw side's DDL of '%s' differs from the"
				" library's; update bench/raw_schema.c from lib/store/schema.c\n", name);
			drift++;
		}
	}
	sqlite3_finalize(st);
	return drift;
}

int raw_schema_drift(const char *lib_path, const char *raw_path, FILE *warn)
{
	sqlite3 *lib = NULL, *raw = NULL;
	int drift;
	if (sqlite3_open_v2(lib_path, &lib, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(raw_path, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(warn, "bench: cannot open the databases to compare schemas\n");
		drift = 1;
	} else {
		drift = differences(lib, raw, 0, warn);
		drift += differences(raw, lib, 1, warn); /* objects only the raw side has */
	}
	sqlite3_close(lib);
	sqlite3_close(raw);
	return drift;
}
