/* Vectors from JSON, parsed by SQLite (json_extract, json_each). */
#include "vectors.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

static sqlite3 *db;
static char *json;

void vectors_load(void)
{
	FILE *f = fopen(RF_VECTORS_FILE, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	json = malloc((size_t)n + 1);
	assert_non_null(json);
	assert_int_equal(fread(json, 1, (size_t)n, f), (size_t)n);
	json[n] = '\0';
	fclose(f);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
}

void vectors_free(void)
{
	sqlite3_close(db);
	free(json);
	db = NULL;
	json = NULL;
}

static sqlite3_stmt *query(const char *sql, const char *path)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_TRANSIENT);
	return st;
}

static char *dup_column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

char *vector_text(const char *path)
{
	sqlite3_stmt *st = query("SELECT json_extract(?1, ?2)", path);
	char *out = sqlite3_step(st) == SQLITE_ROW ? dup_column(st, 0) : NULL;
	sqlite3_finalize(st);
	return out;
}

double vector_number(const char *path)
{
	sqlite3_stmt *st = query("SELECT json_extract(?1, ?2)", path);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_not_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
	double v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

size_t vector_count(const char *path)
{
	sqlite3_stmt *st = query("SELECT count(*) FROM json_each(?1, ?2)", path);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	size_t n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

void vector_item(const char *path, size_t i, char **key, char **value)
{
	sqlite3_stmt *st = query("SELECT CASE WHEN typeof(key) = 'text' THEN key END, value"
				 " FROM json_each(?1, ?2) LIMIT 1 OFFSET ?3", path);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)i);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	if (key)
		*key = dup_column(st, 0);
	if (value)
		*value = dup_column(st, 1);
	sqlite3_finalize(st);
}
