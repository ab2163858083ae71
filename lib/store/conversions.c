/* Rows of the conversion and credit tables. */
#include "store/rows.h"

int rfs_conversion_by_order(rf_store *s, int64_t program_id, const char *order_id,
			    rfs_conversion *c)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CONVERSION_BY_ORDER, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	rfs_bind_text(st, 2, order_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		c->program_id = program_id;
		rfs_col_text(st, 1, c->program_key, sizeof(c->program_key));
		rfs_col_text(st, 2, c->order_id, sizeof(c->order_id));
		rfs_col_text(st, 3, c->visitor, sizeof(c->visitor));
		c->kind = sqlite3_column_int(st, 4);
		c->value_minor = sqlite3_column_int64(st, 5);
		rfs_col_text(st, 6, c->currency, sizeof(c->currency));
		c->at = sqlite3_column_int64(st, 7);
		c->attributed = sqlite3_column_int(st, 8);
		c->model = sqlite3_column_int(st, 9);
		c->rules_version = sqlite3_column_int64(st, 10);
		c->lookback_ms = sqlite3_column_int64(st, 11);
		rfs_col_text(st, 12, c->summary, sizeof(c->summary));
		rfs_col_text(st, 13, c->customer, sizeof(c->customer));
		rfs_col_text(st, 14, c->follows_order, sizeof(c->follows_order));
		c->refunded_minor = sqlite3_column_int64(st, 15);
		rfs_col_text(st, 16, c->parameters, sizeof(c->parameters));
	} else {
		rc = step == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, step, "reading a conversion");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_conversion_insert(rf_store *s, int64_t program_id, const char *order_id,
			  int64_t visitor_id, const rfs_conversion *c, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CONVERSION_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	rfs_bind_text(st, 2, order_id);
	sqlite3_bind_int64(st, 3, visitor_id);
	sqlite3_bind_int(st, 4, c->kind);
	sqlite3_bind_int64(st, 5, c->value_minor);
	rfs_bind_text(st, 6, c->currency);
	sqlite3_bind_int64(st, 7, c->at);
	sqlite3_bind_int64(st, 8, c->rules_version);
	sqlite3_bind_int(st, 9, c->model);
	sqlite3_bind_int64(st, 10, c->lookback_ms);
	sqlite3_bind_int(st, 11, c->attributed);
	rfs_bind_text(st, 12, c->summary);
	if (c->customer_id)
		sqlite3_bind_int64(st, 13, c->customer_id);
	else
		sqlite3_bind_null(st, 13);
	if (c->follows_id)
		sqlite3_bind_int64(st, 14, c->follows_id);
	else
		sqlite3_bind_null(st, 14);
	rfs_bind_text(st, 15, c->parameters);
	rc = rfs_exec(s, st, "recording a conversion");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int rfs_credit_insert(rf_store *s, int64_t conversion_id, int seq, const rfs_credit_in *c)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_CREDIT_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	sqlite3_bind_int(st, 2, seq);
	if (c->touchpoint_id)
		sqlite3_bind_int64(st, 3, c->touchpoint_id);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int64(st, 4, c->code_id);
	sqlite3_bind_int64(st, 5, c->advocate_id);
	sqlite3_bind_int(st, 6, c->channel);
	sqlite3_bind_double(st, 7, c->weight);
	sqlite3_bind_int64(st, 8, c->value_minor);
	rfs_bind_text(st, 9, c->note);
	return rfs_exec(s, st, "recording credit");
}

static void read_touch(sqlite3_stmt *st, void *row)
{
	rfs_journey_touch *t = row;
	t->touchpoint_id = sqlite3_column_int64(st, 0);
	t->at = sqlite3_column_int64(st, 1);
	t->kind = sqlite3_column_int(st, 2);
	t->code_id = sqlite3_column_int64(st, 3);
	t->advocate_id = sqlite3_column_int64(st, 4);
	t->channel = sqlite3_column_int(st, 5);
	t->direct = sqlite3_column_int(st, 6);
}

int rfs_journey(rf_store *s, int64_t visitor_id, int64_t customer_id, int64_t program_id,
		int64_t from, int64_t to, rfs_journey_touch **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, customer_id ? RFS_JOURNEY : RFS_JOURNEY_VISITOR, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, visitor_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	sqlite3_bind_int64(st, 4, program_id);
	if (customer_id)
		sqlite3_bind_int64(st, 5, customer_id);
	return rfs_collect(s, st, read_touch, sizeof(**rows), 0, (void **)rows, count,
			   "reading a journey");
}

/* The statement of a person's conversions: `with_customer` when there is
 * a customer (RFS_CONVERSIONS_OF_PERSON), else `visitor_only`
 * (RFS_VISITOR_CONVERSIONS); ?1 program, ?2 visitor, ?4 customer bound. */
static int person_stmt(rf_store *s, rfs_stmt_id with_customer, rfs_stmt_id visitor_only,
		       int64_t program_id, int64_t visitor_id, int64_t customer_id,
		       sqlite3_stmt **st)
{
	int rc = rfs_stmt(s, customer_id ? with_customer : visitor_only, st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(*st, 1, program_id);
	sqlite3_bind_int64(*st, 2, visitor_id);
	if (customer_id)
		sqlite3_bind_int64(*st, 4, customer_id);
	return RF_OK;
}

int rfs_first_referrer(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		       int *found, rfs_journey_touch *t, char *order_id, size_t order_size)
{
	sqlite3_stmt *st = NULL;
	int rc = person_stmt(s, RFS_FIRST_REFERRER, RFS_FIRST_REFERRER_VISITOR, program_id,
			     visitor_id, customer_id, &st);
	if (rc != RF_OK)
		return rc;
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (*found) {
		memset(t, 0, sizeof(*t));
		t->touchpoint_id = sqlite3_column_int64(st, 0);
		t->code_id = sqlite3_column_int64(st, 1);
		t->advocate_id = sqlite3_column_int64(st, 2);
		t->channel = sqlite3_column_int(st, 3);
		rfs_col_text(st, 4, order_id, order_size);
		t->at = sqlite3_column_int64(st, 5);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "looking up the first referrer");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_first_of_kind(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		      int32_t kind, int64_t *id, int64_t *at, char *order_id, size_t order_size)
{
	sqlite3_stmt *st = NULL;
	int rc = person_stmt(s, RFS_FIRST_OF_KIND, RFS_FIRST_OF_KIND_VISITOR, program_id,
			     visitor_id, customer_id, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int(st, 3, kind);
	*id = 0;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rfs_col_text(st, 1, order_id, order_size);
		*at = sqlite3_column_int64(st, 2);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "looking up an earlier conversion");
	}
	sqlite3_reset(st);
	return rc;
}

/* Credit rows as journey touches; the weight goes to a parallel array. */
typedef struct weighted_touch {
	rfs_journey_touch touch;
	double weight;
} weighted_touch;

static void read_weighted(sqlite3_stmt *st, void *row)
{
	weighted_touch *w = row;
	memset(w, 0, sizeof(*w));
	w->touch.touchpoint_id = sqlite3_column_int64(st, 0);
	w->touch.at = sqlite3_column_int64(st, 1);
	w->touch.code_id = sqlite3_column_int64(st, 2);
	w->touch.advocate_id = sqlite3_column_int64(st, 3);
	w->touch.channel = sqlite3_column_int(st, 4);
	w->weight = sqlite3_column_double(st, 5);
}

int rfs_credit_rows(rf_store *s, int64_t conversion_id, rfs_journey_touch **rows,
		    double **weights, size_t *count)
{
	sqlite3_stmt *st = NULL;
	weighted_touch *got = NULL;
	*rows = NULL;
	*weights = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_CREDIT_ROWS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	rc = rfs_collect(s, st, read_weighted, sizeof(*got), 0, (void **)&got, count,
			 "reading credit");
	if (rc != RF_OK)
		return rc;
	*rows = malloc((*count + 1) * sizeof(**rows));
	*weights = malloc((*count + 1) * sizeof(**weights));
	if (*rows == NULL || *weights == NULL) {
		free(*rows);
		free(*weights);
		free(got);
		*rows = NULL;
		*weights = NULL;
		*count = 0;
		return rf__error(RF_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < *count; i++) {
		(*rows)[i] = got[i].touch;
		(*weights)[i] = got[i].weight;
	}
	free(got);
	return RF_OK;
}

static void read_credit_share(sqlite3_stmt *st, void *row)
{
	rfs_credit_out *c = row;
	memset(c, 0, sizeof(*c));
	rfs_col_text(st, 0, c->code, sizeof(c->code));
	rfs_col_text(st, 1, c->advocate, sizeof(c->advocate));
	c->channel = sqlite3_column_int(st, 2);
	c->weight = sqlite3_column_double(st, 3);
	c->value_minor = sqlite3_column_int64(st, 4);
	c->refunded_minor = sqlite3_column_int64(st, 5);
}

static void read_credit_explained(sqlite3_stmt *st, void *row)
{
	rfs_credit_out *c = row;
	c->touchpoint_id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, c->code, sizeof(c->code));
	rfs_col_text(st, 2, c->advocate, sizeof(c->advocate));
	c->channel = sqlite3_column_int(st, 3);
	c->kind = sqlite3_column_int(st, 4);
	c->at = sqlite3_column_int64(st, 5);
	c->weight = sqlite3_column_double(st, 6);
	c->value_minor = sqlite3_column_int64(st, 7);
	rfs_col_text(st, 8, c->note, sizeof(c->note));
}

int rfs_credits(rf_store *s, int64_t conversion_id, int explained, rfs_credit_out **rows,
		size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, explained ? RFS_CREDITS_EXPLAINED : RFS_CREDITS_BY_CODE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	return rfs_collect(s, st, explained ? read_credit_explained : read_credit_share,
			   sizeof(**rows), 0, (void **)rows, count, "reading credit");
}
