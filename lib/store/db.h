/*
 * The store layer: the SQLite connection, its prepared-statement cache,
 * transactions and error mapping. Knows tables, not business rules.
 */
#ifndef RF_STORE_DB_H
#define RF_STORE_DB_H

#include <sqlite3.h>
#include <sys/types.h>

#include "internal.h"
#include "store/sql.h"

struct rfs_code_cache; /* see codecache.c */

/* The live hash keys (newest, the current one, first) and the programs'
 * IP truncation, reloaded at least every second of the store clock so
 * that a rotation or policy change by another handle is noticed. */
#define RFS_POLICY_CACHE 8
typedef struct rfs_keyring {
	int count;
	int64_t ids[RF_HASH_KEYS_MAX];
	unsigned char secrets[RF_HASH_KEYS_MAX][RF_SECRET_BYTES];
	int64_t loaded_at, valid_until;
	int policies;
	int64_t policy_program[RFS_POLICY_CACHE];
	int32_t policy_truncate[RFS_POLICY_CACHE];
} rfs_keyring;

struct rf_store {
	sqlite3 *db;             /* NULL once closed */
	pid_t pid;               /* process that opened it */
	rf_clock_fn clock;
	void *clock_ctx;
	unsigned char secret[RF_SECRET_BYTES];
	sqlite3_stmt *stmts[RFS_STMT_COUNT];
	struct rfs_code_cache *codes; /* resolved code rows; NULL until first use */
	uint64_t generation;     /* bumped by our own writes to codes, programs, advocates */
	rfs_keyring keys;        /* see lib/store/privacy.c */
	rf_progress_fn progress; /* rf_store_set_progress(); NULL: none */
	void *progress_ctx;
};

/* Our own write changed rows the code cache copies (codes, programs,
 * advocates, rules): forget what it holds. */
void rfs_codes_changed(rf_store *s);

/* RF_OK when the store may be used now; RF_EMISUSE when closed or used
 * from another process. */
int rfs_usable(rf_store *s);

/* The store's clock. */
int64_t rfs_now(rf_store *s);

/* The cached statement `id`, reset and ready to bind. */
int rfs_stmt(rf_store *s, rfs_stmt_id id, sqlite3_stmt **out);

/* Map an SQLite result to a status, with the connection's message. */
int rfs_fail(rf_store *s, int rc, const char *doing);

/* Step a statement expected to finish (no row); resets it. */
int rfs_exec(rf_store *s, sqlite3_stmt *st, const char *doing);

/* A row reader: copy the current row of `st` into `row`. */
typedef void (*rfs_read_fn)(sqlite3_stmt *st, void *row);

/*
 * Step a bound statement to the end, reading every row with `read` into a
 * malloc'd array of `elem`-sized rows (at most `limit`, 0 = no limit).
 * Resets the statement; on failure frees the array and sets *rows = NULL.
 */
int rfs_collect(rf_store *s, sqlite3_stmt *st, rfs_read_fn read, size_t elem, size_t limit,
		void **rows, size_t *count, const char *doing);

/* Transactions: every public write runs inside begin .. commit. */
int rfs_begin(rf_store *s);
int rfs_commit(rf_store *s);
void rfs_rollback(rf_store *s);

/* Finish a write: commit when rc is RF_OK (or another success status),
 * otherwise roll back. Returns the final status. */
int rfs_end(rf_store *s, int rc);

/* Run the schema migrations on an open connection (see schema.c). */
int rfs_migrate(rf_store *s);

/* Open the connection, configure it, migrate, load the secret. On
 * failure everything is released again. */
int rfs_open(rf_store *s, const char *path, const rf_store_options *o);
/* Finalize statements and close the connection (idempotent). */
void rfs_close(rf_store *s);

/* Read-only check that the open file is an empty database or ours at a
 * supported version (RF_ENOTADB / RF_EVERSION otherwise). */
int rfs_inspect(rf_store *s, int *version, int *is_empty);

/* Load the per-store secret into s->secret. */
int rfs_load_secret(rf_store *s);

/* Integrity and invariant checks (RF_ECORRUPT with the first problem). */
int rfs_check(rf_store *s);
/* Run a list of checks: each query returns a row when something is wrong. */
typedef struct rfs_check_item {
	const char *sql;
	const char *problem;
} rfs_check_item;
int rfs_run_checks(rf_store *s, const rfs_check_item *list, size_t count);

/* Bind helpers: NULL text binds SQL NULL. */
int rfs_bind_text(sqlite3_stmt *st, int i, const char *v);
/* A keyed hash (RF_HASH_BYTES) as a blob; NULL binds SQL NULL. */
int rfs_bind_hash(sqlite3_stmt *st, int i, const unsigned char *hash);
/* `n` hashes into parameters first .. first + slots - 1, the rest NULL
 * (for `col IN (?, ?, ...)` lists of a fixed length). */
void rfs_bind_hashes(sqlite3_stmt *st, int first, int slots,
		     const unsigned char (*hashes)[RF_HASH_BYTES], int n);
/* Copy column `i` as text into buf (truncating to size - 1). */
void rfs_col_text(sqlite3_stmt *st, int i, char *buf, size_t size);

#endif
