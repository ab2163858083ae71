/*
 * Looking at a store's file from outside, with SQLite directly. Only the
 * few tests that check what lands on disk use this (and link sqlite3).
 */
#ifndef RFT_DBFILE_H
#define RFT_DBFILE_H

#include <stddef.h>

/* Number of text or blob cells, in any table of the database at `path`,
 * that contain `needle` (compared case-insensitively for ASCII). The first
 * hit is described in `where` ("table.column"). */
int rft_db_count_cells_containing(const char *path, const char *needle, char *where,
				  size_t where_size);

/* Read or set PRAGMA user_version of the database at `path`. */
int rft_db_user_version(const char *path);
void rft_db_set_user_version(const char *path, int version);

/* Run one SQL script on the database at `path` (created if missing). */
void rft_db_exec(const char *path, const char *sql);

/* Text result of a one-row, one-column query (e.g. "PRAGMA journal_mode"),
 * copied into `out`. */
void rft_db_query_text(const char *path, const char *sql, char *out, size_t size);

#endif
