/*
 * Rows of the scoring area: activities, scoring configurations, score
 * state, tiers, badges, and the grouped streams the full recompute,
 * leaderboards and metrics read. They decide nothing.
 */
#ifndef RF_STORE_SCORING_H
#define RF_STORE_SCORING_H

#include "store/rows.h"

#define RFS_TIERS_SIZE 512

/* A stored scoring configuration (version 0: the built-in defaults). */
typedef struct rfs_score_config {
	int64_t version;
	int32_t weights[RF_ACTIVITY_TYPE_COUNT]; /* index type - 1 */
	int64_t activity_half_life_ms, value_half_life_ms;
	int32_t weight_activity, weight_value, weight_quality, weight_network;
	int64_t activity_half_points, value_half_minor;
	int32_t risk_percent;
	char tiers[RFS_TIERS_SIZE];
} rfs_score_config;

/* The per-advocate state O(1) updates keep. */
typedef struct rfs_score_state {
	int64_t advocate_id;
	int64_t config_version;
	double act_sum;
	int64_t act_ref;
	double val_sum;
	int64_t val_ref;
	int64_t activities, reviews, referrals, kept, value_net, last_at;
	double network;
} rfs_score_state;

int rfs_activity_insert(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t type,
			int64_t at, int32_t channel, const char *content, int32_t answer,
			int64_t *id);

/* The newest configuration: RF_OK with *found 0 when there is none. */
int rfs_score_config_latest(rf_store *s, int64_t program_id, rfs_score_config *c, int *found);
int rfs_score_config_insert(rf_store *s, int64_t program_id, const rfs_score_config *c,
			    int64_t now);

/* RF_OK with *found 0 (and a zeroed row) when the advocate has none. */
int rfs_score_state_get(rf_store *s, int64_t program_id, int64_t advocate_id,
			rfs_score_state *row, int *found);
int rfs_score_state_put(rf_store *s, int64_t program_id, const rfs_score_state *row);
/* Overwrite an existing row; *updated 0 when the advocate has none. */
int rfs_score_state_update(rf_store *s, int64_t program_id, const rfs_score_state *row,
			   int *updated);
int rfs_score_state_delete(rf_store *s, int64_t program_id, int64_t advocate_id);
/* Fold a program's activities before `cutoff` into score_carry. */
int rfs_score_carry_fold(rf_store *s, int64_t program_id, int64_t cutoff, int64_t half_life_ms);

int rfs_score_tier_get(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t *tier,
		       int64_t *at);
int rfs_score_tier_put(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t tier,
		       int64_t at);
/* *added 1 when the badge is new. */
int rfs_badge_insert(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t badge,
		     int64_t period, int64_t at, int *added);

/* Run a bound statement, calling `each` per row (stops on non-RF_OK). */
typedef int (*rfs_row_fn)(void *ctx, sqlite3_stmt *st);
int rfs_each_row(rf_store *s, sqlite3_stmt *st, rfs_row_fn each, void *ctx, const char *doing);

/* Read a state row from the columns RFS_SCORE_STATE_COLUMNS (from 0). */
void rfs_score_state_read(sqlite3_stmt *st, rfs_score_state *row);

/* Run a one-row aggregate bound by the caller, copying `n` int64 columns. */
int rfs_one_row_ints(rf_store *s, sqlite3_stmt *st, int64_t *out, int n, const char *doing);

#endif
