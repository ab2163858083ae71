/* Rows of the fraud tables. */
#include "store/fraud.h"

#include <stdio.h>

/* Step a bound statement expected to give one integer row. */
static int one_int(rf_store *s, sqlite3_stmt *st, int64_t *out, const char *doing)
{
	int step = sqlite3_step(st);
	int rc = RF_OK;
	if (step == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		rc = rfs_fail(s, step == SQLITE_DONE ? SQLITE_ERROR : step, doing);
	sqlite3_reset(st);
	return rc;
}

static void format_weights(const rf_fraud_policy *p, char *out, size_t size)
{
	snprintf(out, size, "%d,%d,%d,%d,%d,%d,%d,%d,%d", (int)p->weight_self_referral,
		 (int)p->weight_disposable_email, (int)p->weight_conversion_velocity,
		 (int)p->weight_click_velocity, (int)p->weight_fast_conversion,
		 (int)p->weight_existing_customer, (int)p->weight_duplicate_identity,
		 (int)p->weight_referral_ring, (int)p->weight_bot);
}

int rfs_fraud_policy_insert(rf_store *s, int64_t program_id, int64_t version,
			    const rf_fraud_policy *p, int64_t now)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_POLICY_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	char weights[128];
	format_weights(p, weights, sizeof(weights));
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_int(st, 3, p->approve_below);
	sqlite3_bind_int(st, 4, p->reject_from);
	sqlite3_bind_text(st, 5, weights, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, p->hard_signals);
	sqlite3_bind_int64(st, 7, p->window_ms);
	sqlite3_bind_int(st, 8, p->max_conversions_advocate);
	sqlite3_bind_int(st, 9, p->max_conversions_ip);
	sqlite3_bind_int(st, 10, p->max_clicks_advocate);
	sqlite3_bind_int(st, 11, p->max_clicks_ip);
	sqlite3_bind_int64(st, 12, p->min_click_to_conversion_ms);
	sqlite3_bind_int(st, 13, p->ring_max_depth);
	sqlite3_bind_int64(st, 14, now);
	return rfs_exec(s, st, "storing a fraud policy");
}

int rfs_fraud_policy_latest(rf_store *s, int64_t program_id, rf_fraud_policy *p,
			    int64_t *version)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_POLICY_LATEST, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	int step = sqlite3_step(st);
	*version = 0;
	if (step == SQLITE_ROW) {
		*version = sqlite3_column_int64(st, 0);
		p->approve_below = sqlite3_column_int(st, 1);
		p->reject_from = sqlite3_column_int(st, 2);
		int w[9] = { 0 };
		const char *text = (const char *)sqlite3_column_text(st, 3);
		if (text == NULL || sscanf(text, "%d,%d,%d,%d,%d,%d,%d,%d,%d", &w[0], &w[1], &w[2],
					   &w[3], &w[4], &w[5], &w[6], &w[7], &w[8]) != 9)
			rc = rf__error(RF_ECORRUPT, "a stored fraud policy is damaged");
		p->weight_self_referral = w[0];
		p->weight_disposable_email = w[1];
		p->weight_conversion_velocity = w[2];
		p->weight_click_velocity = w[3];
		p->weight_fast_conversion = w[4];
		p->weight_existing_customer = w[5];
		p->weight_duplicate_identity = w[6];
		p->weight_referral_ring = w[7];
		p->weight_bot = w[8];
		p->hard_signals = (uint32_t)sqlite3_column_int64(st, 4);
		p->window_ms = sqlite3_column_int64(st, 5);
		p->max_conversions_advocate = sqlite3_column_int(st, 6);
		p->max_conversions_ip = sqlite3_column_int(st, 7);
		p->max_clicks_advocate = sqlite3_column_int(st, 8);
		p->max_clicks_ip = sqlite3_column_int(st, 9);
		p->min_click_to_conversion_ms = sqlite3_column_int64(st, 10);
		p->ring_max_depth = sqlite3_column_int(st, 11);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "reading a fraud policy");
	}
	sqlite3_reset(st);
	return rc;
}

static int col_hash(sqlite3_stmt *st, int i, unsigned char out[RF_HASH_BYTES])
{
	if (sqlite3_column_bytes(st, i) != RF_HASH_BYTES)
		return 0;
	memcpy(out, sqlite3_column_blob(st, i), RF_HASH_BYTES);
	return 1;
}

int rfs_advocate_identity_get(rf_store *s, int64_t advocate_id, rfs_identity_row *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_IDENTITY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, advocate_id);
	int step = sqlite3_step(st);
	memset(row, 0, sizeof(*row));
	if (step == SQLITE_ROW) {
		row->customer_id = sqlite3_column_int64(st, 0);
		row->visitor_id = sqlite3_column_int64(st, 1);
		row->has_email = col_hash(st, 2, row->email_key);
		row->has_ip = col_hash(st, 3, row->ip_hash);
		row->has_ua = col_hash(st, 4, row->ua_hash);
		rfs_col_text(st, 5, row->external_id, sizeof(row->external_id));
	} else {
		rc = step == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, step, "reading an advocate");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_advocate_of_customer(rf_store *s, int64_t customer_id, int64_t *id, char *ext,
			     size_t size)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATES_BY_CUSTOMER, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	int step = sqlite3_step(st);
	*id = 0;
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rfs_col_text(st, 1, ext, size);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "reading advocates by customer");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_fraud_conversions_advocate(rf_store *s, int64_t advocate_id, int64_t from, int64_t to,
				   int64_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_CONV_ADVOCATE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, advocate_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	return one_int(s, st, count, "counting conversions");
}

/* The IN lists of sql_fraud.h have room for every live key. */
_Static_assert(RF_HASH_KEYS_MAX == 4, "resize the IN lists of sql_fraud.h");

int rfs_fraud_conversions_ip(rf_store *s, int64_t program_id,
			     const unsigned char (*ip_hashes)[RF_HASH_BYTES], int n, int64_t from,
			     int64_t to, int64_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_CONV_IP, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	rfs_bind_hashes(st, 4, 2 * RF_HASH_KEYS_MAX, ip_hashes, n);
	return one_int(s, st, count, "counting conversions");
}

int rfs_fraud_clicks(rf_store *s, int64_t advocate_id, int64_t program_id, int64_t from,
		     int64_t to, const unsigned char (*ip_hashes)[RF_HASH_BYTES], int n,
		     int64_t *clicks, int64_t *from_ip)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_CLICKS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, advocate_id);
	sqlite3_bind_int64(st, 2, program_id);
	sqlite3_bind_int64(st, 3, from);
	sqlite3_bind_int64(st, 4, to);
	rfs_bind_hashes(st, 5, 2 * RF_HASH_KEYS_MAX, ip_hashes, n);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*clicks = sqlite3_column_int64(st, 0);
		*from_ip = sqlite3_column_int64(st, 1);
	} else {
		rc = rfs_fail(s, step == SQLITE_DONE ? SQLITE_ERROR : step, "counting clicks");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_advocate_rehash_email(rf_store *s, const unsigned char *email,
			      const unsigned char (*old)[RF_HASH_BYTES], int n)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_REHASH_EMAIL, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_hash(st, 1, email);
	rfs_bind_hashes(st, 2, RF_HASH_KEYS_MAX - 1, old, n);
	return rfs_exec(s, st, "rehashing advocates' emails");
}

int rfs_advocate_rehash_ip_ua(rf_store *s, const unsigned char *ip, const unsigned char *ua,
			      const unsigned char (*old_ip)[RF_HASH_BYTES], int n_ip,
			      const unsigned char (*old_ua)[RF_HASH_BYTES], int n_ua)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ADVOCATE_REHASH_IP_UA, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_hash(st, 1, ip);
	rfs_bind_hash(st, 2, ua);
	rfs_bind_hashes(st, 3, RF_HASH_KEYS_MAX - 1, old_ip, n_ip);
	rfs_bind_hashes(st, 3 + RF_HASH_KEYS_MAX - 1, RF_HASH_KEYS_MAX - 1, old_ua, n_ua);
	return rfs_exec(s, st, "rehashing advocates' sign-up IPs");
}

/* Append `item` to a comma-separated list unless it is there already. */
static void add_item(char *list, size_t size, const char *item)
{
	size_t n = strlen(item), len = strlen(list);
	for (const char *p = list; (p = strstr(p, item)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return;
	if (len + n + 3 < size)
		snprintf(list + len, size - len, "%s%s", len ? ", " : "", item);
}

/* An id the advocate has, or NULL (matches nothing). */
static void bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

int rfs_fraud_duplicates(rf_store *s, int64_t advocate_id, const rfs_identity_row *me,
			 int64_t *count, char *names, size_t names_size, char *fields,
			 size_t fields_size)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_DUPLICATES, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, advocate_id);
	int ip_ua = me->has_ip && me->has_ua;
	rfs_bind_hash(st, 2, me->has_email ? me->email_key : NULL);
	bind_id(st, 3, me->customer_id);
	bind_id(st, 4, me->visitor_id);
	rfs_bind_hash(st, 5, ip_ua ? me->ip_hash : NULL);
	rfs_bind_hash(st, 6, ip_ua ? me->ua_hash : NULL);
	*count = 0;
	names[0] = fields[0] = '\0';
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		size_t before = strlen(names);
		add_item(names, names_size, name ? name : "");
		*count += strlen(names) != before;
		add_item(fields, fields_size, (const char *)sqlite3_column_text(st, 1));
	}
	if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, "looking for duplicate identities");
	sqlite3_reset(st);
	return rc;
}

int rfs_fraud_check_insert(rf_store *s, const rfs_fraud_check_in *c)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_CHECK_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, c->conversion_id);
	sqlite3_bind_int64(st, 2, c->program_id);
	sqlite3_bind_int64(st, 3, c->advocate_id);
	sqlite3_bind_int64(st, 4, c->at);
	rfs_bind_hash(st, 5, c->email_key);
	rfs_bind_hash(st, 6, c->ip_hash);
	rfs_bind_hash(st, 7, c->ua_hash);
	sqlite3_bind_int(st, 8, c->existing);
	sqlite3_bind_int64(st, 9, c->policy_version);
	sqlite3_bind_int(st, 10, c->risk);
	sqlite3_bind_int(st, 11, c->decision);
	sqlite3_bind_int(st, 12, c->status);
	return rfs_exec(s, st, "storing a fraud check");
}

int rfs_fraud_signal_insert(rf_store *s, int64_t conversion_id, int seq, int32_t kind,
			    int32_t weight, int32_t hard, int64_t advocate_id, const char *evidence)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_SIGNAL_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_int(st, 3, kind);
	sqlite3_bind_int(st, 4, weight);
	sqlite3_bind_int(st, 5, hard);
	sqlite3_bind_int64(st, 6, advocate_id);
	rfs_bind_text(st, 7, evidence);
	return rfs_exec(s, st, "storing a fraud signal");
}

int rfs_fraud_check_get(rf_store *s, int64_t conversion_id, rfs_fraud_check_row *r)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_CHECK_GET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		r->conversion_id = sqlite3_column_int64(st, 0);
		rfs_col_text(st, 1, r->program, sizeof(r->program));
		rfs_col_text(st, 2, r->order_id, sizeof(r->order_id));
		rfs_col_text(st, 3, r->advocate, sizeof(r->advocate));
		r->at = sqlite3_column_int64(st, 4);
		r->risk = sqlite3_column_int(st, 5);
		r->decision = sqlite3_column_int(st, 6);
		r->status = sqlite3_column_int(st, 7);
		r->policy_version = sqlite3_column_int64(st, 8);
		rfs_col_text(st, 9, r->reviewer, sizeof(r->reviewer));
		rfs_col_text(st, 10, r->reason, sizeof(r->reason));
		r->reviewed_at = sqlite3_column_int64(st, 11);
	} else {
		rc = step == SQLITE_DONE ? RF_ENOTFOUND : rfs_fail(s, step, "reading a fraud check");
	}
	sqlite3_reset(st);
	return rc;
}

static void read_signal(sqlite3_stmt *st, void *row)
{
	rfs_fraud_signal_row *r = row;
	r->kind = sqlite3_column_int(st, 0);
	r->weight = sqlite3_column_int(st, 1);
	r->hard = sqlite3_column_int(st, 2);
	rfs_col_text(st, 3, r->evidence, sizeof(r->evidence));
}

int rfs_fraud_signals(rf_store *s, int64_t conversion_id, rfs_fraud_signal_row **rows,
		      size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_FRAUD_SIGNALS, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	return rfs_collect(s, st, read_signal, sizeof(**rows), 0, (void **)rows, count,
			   "reading fraud signals");
}

static void read_id(sqlite3_stmt *st, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

int rfs_fraud_queue(rf_store *s, int64_t program_id, int64_t cursor, uint32_t limit,
		    int64_t **ids, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*ids = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_FRAUD_QUEUE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, cursor);
	sqlite3_bind_int64(st, 3, limit);
	return rfs_collect(s, st, read_id, sizeof(**ids), limit, (void **)ids, count,
			   "reading the review queue");
}

int rfs_fraud_review_set(rf_store *s, int64_t conversion_id, int32_t status,
			 const char *reviewer, const char *reason, int64_t at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_FRAUD_REVIEW_SET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, conversion_id);
	sqlite3_bind_int(st, 2, status);
	rfs_bind_text(st, 3, reviewer);
	rfs_bind_text(st, 4, reason);
	sqlite3_bind_int64(st, 5, at);
	rc = rfs_exec(s, st, "recording a review");
	if (rc == RF_OK && sqlite3_changes(s->db) == 0)
		rc = rf__error(RF_ECONFLICT, "the conversion is not waiting for review");
	return rc;
}

static int exec_text(rf_store *s, rfs_stmt_id id, const char *text, const char *doing)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, id, &st);
	if (rc != RF_OK)
		return rc;
	if (text)
		rfs_bind_text(st, 1, text);
	return rfs_exec(s, st, doing);
}

int rfs_domains_clear(rf_store *s)
{
	return exec_text(s, RFS_DOMAINS_CLEAR, NULL, "clearing disposable domains");
}

int rfs_domain_insert(rf_store *s, const char *domain)
{
	return exec_text(s, RFS_DOMAIN_INSERT, domain, "storing a disposable domain");
}

static int exists(rf_store *s, rfs_stmt_id id, const char *text, int *found)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, id, &st);
	if (rc != RF_OK)
		return rc;
	if (text)
		rfs_bind_text(st, 1, text);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading disposable domains");
	sqlite3_reset(st);
	return rc;
}

int rfs_domains_any(rf_store *s, int *any)
{
	return exists(s, RFS_DOMAINS_ANY, NULL, any);
}

int rfs_domain_has(rf_store *s, const char *domain, int *found)
{
	return exists(s, RFS_DOMAIN_GET, domain, found);
}
