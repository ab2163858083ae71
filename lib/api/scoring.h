/*
 * The scoring area's internal interface: the configuration in force, the
 * O(1) update every event goes through, the score of a state at a time,
 * tiers and badges. Other areas call rf__activity_add() inside their own
 * transaction (engagement: a testimonial given, a reference call taken).
 */
#ifndef RF_API_SCORING_H
#define RF_API_SCORING_H

#include "api/api.h"
#include "store/scoring.h"

/*
 * Record an activity of an advocate in a program, inside the caller's
 * write transaction, and move the advocate's score (O(1)). The caller
 * has checked the ids; `type` is an rf_activity_type, `at` the event
 * time (ms), `channel` an rf_channel (0: none), `content` a content
 * reference or NULL, `answer` -1 or 0..10. `id` may be NULL.
 */
int rf__activity_add(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t type,
		     int64_t at, int32_t channel, const char *content, int32_t answer,
		     int64_t *id);

/* Rebuild every advocate's score state of a program from its events under
 * `c`, inside the caller's write transaction (score_recompute.c). */
int rf__score_recompute(rf_store *s, int64_t program_id, const rfs_score_config *c);

/* Retention is about to delete the program's activities before `cutoff`
 * (inside the caller's transaction): fold them into the carried sums the
 * full recompute reads, so scores stay the same. */
int rf__scores_on_purge(rf_store *s, int64_t program_id, int64_t cutoff);

/* The built-in defaults (version 0). */
void rf__score_config_defaults(rfs_score_config *c);
/* The configuration in force for a program (the defaults when none set). */
int rf__score_config_load(rf_store *s, int64_t program_id, rfs_score_config *c);
/* A program by key and its configuration in force. */
int rf__score_program_load(rf_store *s, const char *program, rfs_program *p,
			   rfs_score_config *c);

/* Tiers parsed from "name:promote_at:demote_below,..." */
#define RF__TIERS_MAX 8
#define RF__TIER_NAME_MAX 32
typedef struct rf__tiers {
	int32_t count;
	char names[RF__TIERS_MAX][RF__TIER_NAME_MAX + 1];
	double promote_at[RF__TIERS_MAX], demote_below[RF__TIERS_MAX];
} rf__tiers;
int rf__tiers_parse(const char *text, rf__tiers *out);

/* Components in a fixed order. */
enum { RF__COMP_ACTIVITY, RF__COMP_VALUE, RF__COMP_QUALITY, RF__COMP_NETWORK, RF__COMP_COUNT };

/* A state's score at time q. */
typedef struct rf__score_parts {
	double raw[RF__COMP_COUNT];    /* decayed points, decayed value, Wilson, relative PageRank */
	double norm[RF__COMP_COUNT];   /* 0..1 */
	int32_t weight[RF__COMP_COUNT];
	double points[RF__COMP_COUNT]; /* contributions before the risk discount */
	double risk;                   /* 0..100 */
	double factor;                 /* 1 - risk discount */
	double score;                  /* 0..100 */
} rf__score_parts;
void rf__score_compute(const rfs_score_config *c, const rfs_score_state *st, double risk,
		       int64_t q, rf__score_parts *out);

/* Fraud risk of an advocate (0..100) for the risk discount. */
int rf__score_risk(rf_store *s, int64_t program_id, int64_t advocate_id, double *risk);

/* One event's effect on an advocate's state. */
typedef struct rf__score_delta {
	double points;       /* weighted activity points (0: none) */
	int64_t points_at;
	double value;        /* referral value in minor units, at value_at */
	int64_t value_at;
	int64_t activities, reviews, referrals, kept, value_net;
	int64_t at;          /* the event time, for recency */
} rf__score_delta;

/* Apply a delta to an advocate's stored state (O(1)), then look at tiers
 * and badges. Inside the caller's transaction. */
int rf__score_apply(rf_store *s, int64_t program_id, const rfs_score_config *c,
		    int64_t advocate_id, const rf__score_delta *d);

/* Move an advocate's stored tier along its score: `score_before` just
 * before an event (scores only decay between events: the lowest point,
 * where a demotion is due), then `score` after it; announce a higher tier
 * through rf__notify(). A refresh passes the same score twice. */
int rf__score_tier_check(rf_store *s, int64_t program_id, const rfs_score_config *c,
			 int64_t advocate_id, double score_before, double score, int64_t at);
/* The tier an advocate whose stored tier is `stored` has at `score` now
 * (what a refresh would store): readers show it without writing. */
int32_t rf__score_tier_at(const rfs_score_config *c, int32_t stored, double score);
/* An advocate's tier now (0: none): the stored one at its current score. */
int rf__score_tier_now(rf_store *s, int64_t program_id, const rfs_score_config *c,
		       int64_t advocate_id, int32_t *tier);
int rf__badge_award(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t badge,
		    int64_t period, int64_t at);

/* Award the top-one-percent badge of the month before `now` (leaderboard.c). */
int rf__board_top_percent(rf_store *s, int64_t program_id, const rfs_score_config *c, int64_t now);

#endif
