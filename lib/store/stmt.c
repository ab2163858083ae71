/* Statement cache, transactions and SQLite error mapping. */
#include "store/db.h"

#include <time.h>
#include <unistd.h>

static const char *const stmt_sql[RFS_STMT_COUNT] = {
#define RFS_TEXT(id, sql) [RFS_##id] = sql,
	RFS_ALL_STATEMENTS(RFS_TEXT)
#undef RFS_TEXT
};

int rfs_usable(rf_store *s)
{
	if (s == NULL)
		return rf__error(RF_EINVALID, "store is NULL");
	if (s->db == NULL)
		return rf__error(RF_EMISUSE, "store is closed");
	if (s->pid != getpid())
		return rf__error(RF_EMISUSE, "store opened in process %ld used in process %ld;"
				 " open a new one after fork()", (long)s->pid, (long)getpid());
	return RF_OK;
}

int64_t rfs_now(rf_store *s)
{
	if (s->clock)
		return s->clock(s->clock_ctx);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int map_code(int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return RF_EEXISTS;
		return RF_EINVALID;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return RF_EBUSY;
	case SQLITE_NOMEM:
		return RF_ENOMEM;
	case SQLITE_CORRUPT:
		return RF_ECORRUPT;
	case SQLITE_NOTADB:
		return RF_ENOTADB;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return RF_EIO;
	default:
		return RF_ERROR;
	}
}

int rfs_fail(rf_store *s, int rc, const char *doing)
{
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	return rf__error_db(map_code(rc), rc, "%s: %s", doing, msg);
}

int rfs_stmt(rf_store *s, rfs_stmt_id id, sqlite3_stmt **out)
{
	if (s->stmts[id] == NULL) {
		int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					    &s->stmts[id], NULL);
		if (rc != SQLITE_OK)
			return rfs_fail(s, rc, "preparing a statement");
	}
	*out = s->stmts[id];
	return RF_OK;
}

int rfs_exec(rf_store *s, sqlite3_stmt *st, const char *doing)
{
	int rc = sqlite3_step(st);
	int status = rc == SQLITE_DONE || rc == SQLITE_ROW ? RF_OK : rfs_fail(s, rc, doing);
	sqlite3_reset(st);
	return status;
}

int rfs_collect(rf_store *s, sqlite3_stmt *st, rfs_read_fn read, size_t elem, size_t limit,
		void **rows, size_t *count, const char *doing)
{
	size_t cap = 0;
	int rc = RF_OK, step = SQLITE_DONE;
	char *data = NULL;
	*count = 0;
	while ((limit == 0 || *count < limit) && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count == cap) {
			size_t want = cap ? cap * 2 : 8;
			char *grown = realloc(data, want * elem);
			if (grown == NULL) {
				rc = rf__error(RF_ENOMEM, "out of memory %s", doing);
				break;
			}
			data = grown;
			cap = want;
		}
		read(st, data + elem * (*count)++);
	}
	if (rc == RF_OK && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = rfs_fail(s, step, doing);
	sqlite3_reset(st);
	if (rc != RF_OK) {
		free(data);
		data = NULL;
		*count = 0;
	}
	*rows = data;
	return rc;
}

static int run(rf_store *s, rfs_stmt_id id, const char *doing)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, id, &st);
	return rc ? rc : rfs_exec(s, st, doing);
}

int rfs_begin(rf_store *s)
{
	return run(s, RFS_BEGIN, "starting a transaction");
}

int rfs_commit(rf_store *s)
{
	int rc = run(s, RFS_COMMIT, "committing");
	if (rc != RF_OK)
		rfs_rollback(s);
	return rc;
}

void rfs_rollback(rf_store *s)
{
	/* The code cache may hold rows read inside what is undone. */
	rfs_codes_changed(s);
	if (!sqlite3_get_autocommit(s->db)) {
		sqlite3_stmt *st = NULL;
		if (rfs_stmt(s, RFS_ROLLBACK, &st) == RF_OK) {
			sqlite3_step(st);
			sqlite3_reset(st);
		}
	}
}

int rfs_end(rf_store *s, int rc)
{
	if (rc < 0) {
		/* Keep the first error's message: rollback must not replace it. */
		rfs_rollback(s);
		return rc;
	}
	int crc = rfs_commit(s);
	return crc < 0 ? crc : rc;
}

int rfs_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	/* Static: every caller keeps `v` alive until the statement is reset,
	 * and every use rebinds all parameters. */
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int rfs_bind_hash(sqlite3_stmt *st, int i, const unsigned char *hash)
{
	if (hash == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_blob(st, i, hash, RF_HASH_BYTES, SQLITE_TRANSIENT);
}

void rfs_bind_hashes(sqlite3_stmt *st, int first, int slots,
		     const unsigned char (*hashes)[RF_HASH_BYTES], int n)
{
	for (int i = 0; i < slots; i++)
		rfs_bind_hash(st, first + i, i < n ? hashes[i] : NULL);
}

void rfs_col_text(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(buf, t, n);
	buf[n] = '\0';
}
