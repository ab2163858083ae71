/* Rows of the refund, refund_credit and identity tables. */
#include "store/rows.h"

int rfs_refund_find(rf_store *s, int64_t conversion_id, const char *key, int *found,
		    int64_t *amount)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REFUND_BY_KEY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	rfs_bind_text(st, 2, key);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (*found)
		*amount = sqlite3_column_int64(st, 0);
	else if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, "looking up a refund");
	sqlite3_reset(st);
	return rc;
}

int rfs_refund_insert(rf_store *s, int64_t conversion_id, const char *key, int64_t amount,
		      int64_t at, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REFUND_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	rfs_bind_text(st, 2, key);
	sqlite3_bind_int64(st, 3, amount);
	sqlite3_bind_int64(st, 4, at);
	rc = rfs_exec(s, st, "recording a refund");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

typedef struct remaining_row {
	int64_t seq, left;
} remaining_row;

static void read_remaining(sqlite3_stmt *st, void *row)
{
	remaining_row *r = row;
	r->seq = sqlite3_column_int64(st, 0);
	r->left = sqlite3_column_int64(st, 1);
}

int rfs_credit_remaining(rf_store *s, int64_t conversion_id, int64_t **seqs, int64_t **left,
			 size_t *count)
{
	sqlite3_stmt *st = NULL;
	remaining_row *rows = NULL;
	*seqs = *left = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_CREDIT_REMAINING, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	rc = rfs_collect(s, st, read_remaining, sizeof(*rows), 0, (void **)&rows, count,
			 "reading credit");
	if (rc != RF_OK)
		return rc;
	*seqs = malloc((*count + 1) * sizeof(int64_t));
	*left = malloc((*count + 1) * sizeof(int64_t));
	if (*seqs == NULL || *left == NULL) {
		free(*seqs);
		free(*left);
		free(rows);
		*seqs = *left = NULL;
		*count = 0;
		return rf__error(RF_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < *count; i++) {
		(*seqs)[i] = rows[i].seq;
		(*left)[i] = rows[i].left;
	}
	free(rows);
	return RF_OK;
}

int rfs_refund_credit_insert(rf_store *s, int64_t refund_id, int64_t conversion_id, int64_t seq,
			     int64_t value)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REFUND_CREDIT_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, refund_id);
	sqlite3_bind_int64(st, 2, conversion_id);
	sqlite3_bind_int64(st, 3, seq);
	sqlite3_bind_int64(st, 4, value);
	return rfs_exec(s, st, "recording a refund share");
}

int rfs_conversion_add_refund(rf_store *s, int64_t conversion_id, int64_t amount)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CONVERSION_ADD_REFUND, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	sqlite3_bind_int64(st, 2, amount);
	return rfs_exec(s, st, "updating a conversion");
}

int rfs_identity_get(rf_store *s, int64_t visitor_id, int64_t *customer_id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_IDENTITY_GET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, visitor_id);
	int step = sqlite3_step(st);
	*customer_id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading an identity");
	sqlite3_reset(st);
	return rc;
}

int rfs_identity_insert(rf_store *s, int64_t visitor_id, int64_t customer_id, int64_t at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_IDENTITY_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, visitor_id);
	sqlite3_bind_int64(st, 2, customer_id);
	sqlite3_bind_int64(st, 3, at);
	return rfs_exec(s, st, "tying a visitor to a customer");
}
