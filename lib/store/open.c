/* Opening and closing the SQLite connection, with its pragmas. */
#include "store/privacy.h"

#include <stdio.h>
#include <unistd.h>

static int exec_sql(rf_store *s, const char *sql, const char *doing)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? RF_OK : rfs_fail(s, rc, doing);
}

static int is_memory(const char *path)
{
	return strcmp(path, ":memory:") == 0;
}

static int set_pragmas(rf_store *s, const rf_store_options *o)
{
	char sql[256];
	int rc = RF_OK;
	/* secure_delete: new and freed b-tree pages are zeroed, so stale heap
	 * bytes (a caller's clear email, say) never reach the file. */
	snprintf(sql, sizeof(sql),
		 "PRAGMA foreign_keys = ON; PRAGMA synchronous = %s; PRAGMA cache_size = -%d;"
		 " PRAGMA temp_store = MEMORY; PRAGMA secure_delete = FAST",
		 o->durability == RF_DURABILITY_FULL ? "FULL" : "NORMAL", (int)o->cache_size_kib);
	rc = exec_sql(s, sql, "configuring the connection");
	if (rc == RF_OK)
		rc = exec_sql(s, "PRAGMA journal_mode = WAL", "enabling WAL");
	return rc;
}

static int open_connection(rf_store *s, const char *path, const rf_store_options *o)
{
	/* One thread at a time per store (the API contract): no SQLite mutex. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW |
		    SQLITE_OPEN_NOMUTEX;
	if (!(o->flags & RF_STORE_NO_CREATE) || is_memory(path))
		flags |= SQLITE_OPEN_CREATE;
	else if (access(path, F_OK) != 0)
		return rf__error(RF_ENOTFOUND, "no database at '%s'", path);
	int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK)
		return rfs_fail(s, rc, "opening the database");
	/* The busy timeout must come before any other statement. */
	sqlite3_busy_timeout(s->db, o->busy_timeout_ms);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	return RF_OK;
}

int rfs_open(rf_store *s, const char *path, const rf_store_options *o)
{
	int version = 0, is_empty = 0;
	int rc = open_connection(s, path, o);
	/* Inspect before any pragma that writes: a foreign or newer file must
	 * be left exactly as it was. */
	if (rc == RF_OK)
		rc = rfs_inspect(s, &version, &is_empty);
	if (rc == RF_OK)
		rc = set_pragmas(s, o);
	if (rc == RF_OK && (is_empty || version < RF_SCHEMA_VERSION))
		rc = rfs_migrate(s);
	if (rc == RF_OK)
		rc = rfs_load_secret(s);
	if (rc != RF_OK)
		rfs_close(s);
	return rc;
}

void rfs_close(rf_store *s)
{
	rfs_keyring_wipe(s);
	rfs_code_cache_free(s);
	for (int i = 0; i < RFS_STMT_COUNT; i++) {
		sqlite3_finalize(s->stmts[i]);
		s->stmts[i] = NULL;
	}
	if (s->db == NULL)
		return;
	/* SQLite's advice: never close an inherited connection in a child. */
	if (s->pid == getpid()) {
		if (sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	s->db = NULL;
}
