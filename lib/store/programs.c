/* Rows of the program and program_rules tables. */
#include "store/rows.h"

#include <stdio.h>

int rfs_rules_insert(rf_store *s, int64_t program_id, int64_t version,
		     const rf_program_rules *r, int64_t now)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_RULES_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_int(st, 3, r->model);
	sqlite3_bind_int(st, 4, r->code_length);
	sqlite3_bind_int64(st, 5, r->lookback_ms);
	sqlite3_bind_int64(st, 6, r->duplicate_window_ms);
	sqlite3_bind_int(st, 7, r->lock_first_referrer);
	sqlite3_bind_int64(st, 8, now);
	sqlite3_bind_int64(st, 9, r->half_life_ms);
	sqlite3_bind_int(st, 10, r->position_first_bp);
	sqlite3_bind_int(st, 11, r->position_last_bp);
	char weights[RF_CUSTOM_WEIGHTS_MAX * 12 + 1] = "";
	size_t used = 0;
	for (uint32_t i = 0; i < r->custom_count && i < RF_CUSTOM_WEIGHTS_MAX; i++)
		used += (size_t)snprintf(weights + used, sizeof(weights) - used, "%s%d",
					 i ? "," : "", (int)r->custom_weights[i]);
	rfs_bind_text(st, 12, weights);
	sqlite3_bind_int(st, 13, r->sale_follows_lead);
	sqlite3_bind_int(st, 14, r->renewal_months);
	return rfs_exec(s, st, "storing program rules");
}

int rfs_program_insert(rf_store *s, const char *key, const char *name,
		       const rf_program_rules *rules, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_PROGRAM_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, key);
	rfs_bind_text(st, 2, name);
	sqlite3_bind_int64(st, 3, now);
	rc = rfs_exec(s, st, "creating a program");
	if (rc != RF_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
	return rfs_rules_insert(s, *id, 1, rules, now);
}

static void read_program(sqlite3_stmt *st, void *row)
{
	rfs_program *p = row;
	p->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, p->key, sizeof(p->key));
	rfs_col_text(st, 2, p->name, sizeof(p->name));
	p->status = sqlite3_column_int(st, 3);
	p->rules_version = sqlite3_column_int64(st, 4);
	p->created_at = sqlite3_column_int64(st, 5);
	p->updated_at = sqlite3_column_int64(st, 6);
	p->rules.version = RF_PROGRAM_RULES_VERSION;
	p->rules.model = sqlite3_column_int(st, 7);
	p->rules.code_length = sqlite3_column_int(st, 8);
	p->rules.lookback_ms = sqlite3_column_int64(st, 9);
	p->rules.duplicate_window_ms = sqlite3_column_int64(st, 10);
	p->rules.lock_first_referrer = sqlite3_column_int(st, 11);
	p->rules.half_life_ms = sqlite3_column_int64(st, 12);
	p->rules.position_first_bp = sqlite3_column_int(st, 13);
	p->rules.position_last_bp = sqlite3_column_int(st, 14);
	p->rules.custom_count = 0;
	p->rules.custom_weights = NULL;
	/* "3,2,1": parse what rfs_rules_insert wrote. */
	const char *w = (const char *)sqlite3_column_text(st, 15);
	while (w && *w && p->rules.custom_count < RF_CUSTOM_WEIGHTS_MAX) {
		char *end;
		p->custom[p->rules.custom_count++] = (int32_t)strtol(w, &end, 10);
		w = *end == ',' ? end + 1 : NULL;
	}
	p->rules.sale_follows_lead = sqlite3_column_int(st, 16);
	p->rules.renewal_months = sqlite3_column_int(st, 17);
}

static int fetch_one(rf_store *s, sqlite3_stmt *st, rfs_program *row)
{
	int step = sqlite3_step(st);
	int rc = RF_OK;
	if (step == SQLITE_ROW)
		read_program(st, row);
	else if (step == SQLITE_DONE)
		rc = RF_ENOTFOUND;
	else
		rc = rfs_fail(s, step, "reading a program");
	sqlite3_reset(st);
	return rc;
}

int rfs_program_by_key(rf_store *s, const char *key, rfs_program *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_PROGRAM_BY_KEY, &st);
	if (rc != RF_OK)
		return rc;
	rfs_bind_text(st, 1, key);
	return fetch_one(s, st, row);
}

int rfs_program_by_id(rf_store *s, int64_t id, rfs_program *row)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_PROGRAM_BY_ID, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return fetch_one(s, st, row);
}

int rfs_program_update(rf_store *s, int64_t id, const char *name, int64_t rules_version,
		       int64_t now)
{
	rfs_codes_changed(s);
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_PROGRAM_UPDATE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rfs_bind_text(st, 2, name);
	sqlite3_bind_int64(st, 3, rules_version);
	sqlite3_bind_int64(st, 4, now);
	return rfs_exec(s, st, "updating a program");
}

int rfs_program_archive(rf_store *s, int64_t id, int64_t now)
{
	rfs_codes_changed(s);
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_PROGRAM_ARCHIVE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return rfs_exec(s, st, "archiving a program");
}

int rfs_program_all(rf_store *s, int include_archived, rfs_program **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = rfs_stmt(s, RFS_PROGRAM_LIST, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int(st, 1, include_archived);
	return rfs_collect(s, st, read_program, sizeof(**rows), 0, (void **)rows, count,
			   "listing programs");
}
