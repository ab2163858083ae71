/* Rows of the scoring area. */
#include "store/scoring.h"

#include <stdio.h>

int rfs_activity_insert(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t type,
			int64_t at, int32_t channel, const char *content, int32_t answer,
			int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_ACTIVITY_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	sqlite3_bind_int(st, 3, type);
	sqlite3_bind_int64(st, 4, at);
	sqlite3_bind_int(st, 5, channel);
	rfs_bind_text(st, 6, content && *content ? content : NULL);
	if (answer >= 0)
		sqlite3_bind_int(st, 7, answer);
	else
		sqlite3_bind_null(st, 7);
	rc = rfs_exec(s, st, "recording an activity");
	if (rc == RF_OK && id)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static void weights_text(const int32_t *w, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < RF_ACTIVITY_TYPE_COUNT && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%d", i ? "," : "", (int)w[i]);
}

static void weights_parse(const char *text, int32_t *w)
{
	for (int i = 0; i < RF_ACTIVITY_TYPE_COUNT && text && *text; i++) {
		char *end = NULL;
		w[i] = (int32_t)strtol(text, &end, 10);
		text = end && *end == ',' ? end + 1 : end;
	}
}

int rfs_score_config_latest(rf_store *s, int64_t program_id, rfs_score_config *c, int *found)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_CONFIG_LATEST, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (step == SQLITE_ROW) {
		c->version = sqlite3_column_int64(st, 0);
		weights_parse((const char *)sqlite3_column_text(st, 1), c->weights);
		c->activity_half_life_ms = sqlite3_column_int64(st, 2);
		c->value_half_life_ms = sqlite3_column_int64(st, 3);
		c->weight_activity = sqlite3_column_int(st, 4);
		c->weight_value = sqlite3_column_int(st, 5);
		c->weight_quality = sqlite3_column_int(st, 6);
		c->weight_network = sqlite3_column_int(st, 7);
		c->activity_half_points = sqlite3_column_int64(st, 8);
		c->value_half_minor = sqlite3_column_int64(st, 9);
		c->risk_percent = sqlite3_column_int(st, 10);
		rfs_col_text(st, 11, c->tiers, sizeof(c->tiers));
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "reading the scoring configuration");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_score_config_insert(rf_store *s, int64_t program_id, const rfs_score_config *c,
			    int64_t now)
{
	sqlite3_stmt *st = NULL;
	char weights[RF_ACTIVITY_TYPE_COUNT * 12 + 1];
	int rc = rfs_stmt(s, RFS_SCORE_CONFIG_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	weights_text(c->weights, weights, sizeof(weights));
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, c->version);
	rfs_bind_text(st, 3, weights);
	sqlite3_bind_int64(st, 4, c->activity_half_life_ms);
	sqlite3_bind_int64(st, 5, c->value_half_life_ms);
	sqlite3_bind_int(st, 6, c->weight_activity);
	sqlite3_bind_int(st, 7, c->weight_value);
	sqlite3_bind_int(st, 8, c->weight_quality);
	sqlite3_bind_int(st, 9, c->weight_network);
	sqlite3_bind_int64(st, 10, c->activity_half_points);
	sqlite3_bind_int64(st, 11, c->value_half_minor);
	sqlite3_bind_int(st, 12, c->risk_percent);
	rfs_bind_text(st, 13, c->tiers);
	sqlite3_bind_int64(st, 14, now);
	return rfs_exec(s, st, "storing a scoring configuration");
}

void rfs_score_state_read(sqlite3_stmt *st, rfs_score_state *r)
{
	r->advocate_id = sqlite3_column_int64(st, 0);
	r->config_version = sqlite3_column_int64(st, 1);
	r->act_sum = sqlite3_column_double(st, 2);
	r->act_ref = sqlite3_column_int64(st, 3);
	r->val_sum = sqlite3_column_double(st, 4);
	r->val_ref = sqlite3_column_int64(st, 5);
	r->activities = sqlite3_column_int64(st, 6);
	r->reviews = sqlite3_column_int64(st, 7);
	r->referrals = sqlite3_column_int64(st, 8);
	r->kept = sqlite3_column_int64(st, 9);
	r->value_net = sqlite3_column_int64(st, 10);
	r->last_at = sqlite3_column_int64(st, 11);
	r->network = sqlite3_column_double(st, 12);
}

int rfs_score_state_get(rf_store *s, int64_t program_id, int64_t advocate_id,
			rfs_score_state *row, int *found)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_STATE_GET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	memset(row, 0, sizeof(*row));
	row->advocate_id = advocate_id;
	if (step == SQLITE_ROW)
		rfs_score_state_read(st, row);
	else if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, "reading a score");
	sqlite3_reset(st);
	return rc;
}

static void bind_state(sqlite3_stmt *st, int64_t program_id, const rfs_score_state *r)
{
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, r->advocate_id);
	sqlite3_bind_int64(st, 3, r->config_version);
	sqlite3_bind_double(st, 4, r->act_sum);
	sqlite3_bind_int64(st, 5, r->act_ref);
	sqlite3_bind_double(st, 6, r->val_sum);
	sqlite3_bind_int64(st, 7, r->val_ref);
	sqlite3_bind_int64(st, 8, r->activities);
	sqlite3_bind_int64(st, 9, r->reviews);
	sqlite3_bind_int64(st, 10, r->referrals);
	sqlite3_bind_int64(st, 11, r->kept);
	sqlite3_bind_int64(st, 12, r->value_net);
	sqlite3_bind_int64(st, 13, r->last_at);
	sqlite3_bind_double(st, 14, r->network);
}

int rfs_score_state_put(rf_store *s, int64_t program_id, const rfs_score_state *r)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_STATE_PUT, &st);
	if (rc != RF_OK)
		return rc;
	bind_state(st, program_id, r);
	return rfs_exec(s, st, "storing a score");
}

int rfs_score_state_update(rf_store *s, int64_t program_id, const rfs_score_state *r,
			   int *updated)
{
	sqlite3_stmt *st = NULL;
	*updated = 0;
	int rc = rfs_stmt(s, RFS_SCORE_STATE_UPDATE, &st);
	if (rc != RF_OK)
		return rc;
	bind_state(st, program_id, r);
	rc = rfs_exec(s, st, "storing a score");
	*updated = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_score_carry_fold(rf_store *s, int64_t program_id, int64_t cutoff, int64_t half_life_ms)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_CARRY_FOLD, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, cutoff);
	sqlite3_bind_int64(st, 3, half_life_ms);
	return rfs_exec(s, st, "carrying purged activities into scores");
}

int rfs_score_state_delete(rf_store *s, int64_t program_id, int64_t advocate_id)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_STATE_DELETE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	return rfs_exec(s, st, "deleting a score");
}

int rfs_score_tier_get(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t *tier,
		       int64_t *at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_TIER_GET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	int step = sqlite3_step(st);
	*tier = 0;
	*at = 0;
	if (step == SQLITE_ROW) {
		*tier = sqlite3_column_int(st, 0);
		*at = sqlite3_column_int64(st, 1);
	} else if (step != SQLITE_DONE) {
		rc = rfs_fail(s, step, "reading a tier");
	}
	sqlite3_reset(st);
	return rc;
}

int rfs_score_tier_put(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t tier,
		       int64_t at)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_SCORE_TIER_PUT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	sqlite3_bind_int(st, 3, tier);
	sqlite3_bind_int64(st, 4, at);
	return rfs_exec(s, st, "storing a tier");
}

int rfs_badge_insert(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t badge,
		     int64_t period, int64_t at, int *added)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_BADGE_INSERT, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, advocate_id);
	sqlite3_bind_int(st, 3, badge);
	sqlite3_bind_int64(st, 4, period);
	sqlite3_bind_int64(st, 5, at);
	rc = rfs_exec(s, st, "awarding a badge");
	*added = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_each_row(rf_store *s, sqlite3_stmt *st, rfs_row_fn each, void *ctx, const char *doing)
{
	int rc = RF_OK, step = SQLITE_DONE;
	while (rc == RF_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = each(ctx, st);
	if (rc == RF_OK && step != SQLITE_DONE)
		rc = rfs_fail(s, step, doing);
	sqlite3_reset(st);
	return rc;
}

int rfs_one_row_ints(rf_store *s, sqlite3_stmt *st, int64_t *out, int n, const char *doing)
{
	int step = sqlite3_step(st), rc = RF_OK;
	if (step == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			out[i] = sqlite3_column_int64(st, i);
	} else {
		rc = rfs_fail(s, step, doing);
	}
	sqlite3_reset(st);
	return rc;
}
