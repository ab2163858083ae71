/* SQLite-level inspection of store files; see dbfile.h. */
#include "dbfile.h"
#include "fixture.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static sqlite3 *db_open(const char *path)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		fail_msg("sqlite3_open_v2(%s): %s", path, sqlite3_errstr(rc));
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static int contains_ci(const unsigned char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	if (m == 0 || m > n)
		return 0;
	for (size_t i = 0; i + m <= n; i++) {
		size_t k = 0;
		while (k < m && tolower(hay[i + k]) == tolower((unsigned char)needle[k]))
			k++;
		if (k == m)
			return 1;
	}
	return 0;
}

static int scan_table(sqlite3 *db, const char *table, const char *needle, char *where,
		      size_t where_size, int found)
{
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT * FROM \"%.200s\"", table);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			int type = sqlite3_column_type(st, c);
			if (type != SQLITE_TEXT && type != SQLITE_BLOB)
				continue;
			const unsigned char *v = type == SQLITE_TEXT ? sqlite3_column_text(st, c)
								     : sqlite3_column_blob(st, c);
			size_t n = (size_t)sqlite3_column_bytes(st, c);
			if (v && contains_ci(v, n, needle)) {
				if (found++ == 0)
					snprintf(where, where_size, "%s.%s", table,
						 sqlite3_column_name(st, c));
			}
		}
	}
	sqlite3_finalize(st);
	return found;
}

int rft_db_count_cells_containing(const char *path, const char *needle, char *where,
				  size_t where_size)
{
	sqlite3 *db = db_open(path);
	sqlite3_stmt *st = NULL;
	const char *sql = "SELECT name FROM sqlite_schema WHERE type = 'table'";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	char names[64][128];
	int ntables = 0;
	while (sqlite3_step(st) == SQLITE_ROW && ntables < 64)
		snprintf(names[ntables++], sizeof names[0], "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	int found = 0;
	if (where_size)
		where[0] = '\0';
	for (int i = 0; i < ntables; i++)
		found = scan_table(db, names[i], needle, where, where_size, found);
	sqlite3_close(db);
	return found;
}

void rft_db_exec(const char *path, const char *sql)
{
	sqlite3 *db = db_open(path);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		print_error("%s: %s\n", sql, err ? err : "?");
		sqlite3_free(err);
		sqlite3_close(db);
		fail();
	}
	sqlite3_close(db);
}

void rft_db_query_text(const char *path, const char *sql, char *out, size_t size)
{
	sqlite3 *db = db_open(path);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *v = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", v ? (const char *)v : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int rft_db_user_version(const char *path)
{
	char v[32];
	rft_db_query_text(path, "PRAGMA user_version", v, sizeof v);
	return atoi(v);
}

void rft_db_set_user_version(const char *path, int version)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
	rft_db_exec(path, sql);
}
