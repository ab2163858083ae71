/*
 * libreferral — advocate scores: an explainable 0–100 score per advocate
 * and program, tiers with hysteresis, badges, leaderboards and program
 * metrics (viral coefficient, cycle time, active share, NPS).
 *
 * A score combines four components, each normalised to 0..1 and weighted
 * by the program's scoring configuration:
 *  - activity: the advocate's activities weighted by type, decayed with a
 *    half-life (default 30 days); normalised as x / (x + activity_half_points);
 *  - value: attributed conversion value net of refunds, decayed from each
 *    conversion's time (default half-life 90 days); x / (x + value_half_minor);
 *  - quality: the Wilson lower bound (95 %) of the share of the
 *    advocate's referred conversions that held (were not fully refunded);
 *  - network: PageRank over the referral graph (an edge from each
 *    advocate to the advocate who referred them), relative to the average
 *    (r = N x rank); normalised as max(0, r - 1) / (max(0, r - 1) + 1);
 * then discounted by the advocate's fraud risk (0..100) x risk_percent / 100.
 * Every result names the configuration version that produced it.
 */
#ifndef REFERRAL_SCORE_H
#define REFERRAL_SCORE_H

#include "activity.h"

RF_BEGIN_DECL

/** A program's scoring configuration. Every change makes a new version. */
typedef struct rf_score_config {
	unsigned version;                 /**< RF_SCORE_CONFIG_VERSION */
	const int32_t *activity_weights;  /**< weight per rf_activity_type (index type - 1),
	                                       0..1000; NULL: the defaults */
	uint32_t activity_weight_count;   /**< entries given (<= RF_ACTIVITY_TYPE_COUNT);
	                                       the rest keep their defaults */
	int64_t activity_half_life_ms;    /**< default 30 days */
	int64_t value_half_life_ms;       /**< default 90 days */
	int32_t weight_activity;          /**< component weights, 0..1000, sum > 0 (30) */
	int32_t weight_value;             /**< (40) */
	int32_t weight_quality;           /**< (20) */
	int32_t weight_network;           /**< (10) */
	int64_t activity_half_points;     /**< decayed points where activity is 0.5 (50) */
	int64_t value_half_minor;         /**< decayed value where value is 0.5 (10000) */
	int32_t risk_percent;             /**< share of the fraud risk taken off, 0..100 (100) */
	const char *tiers;                /**< "name:promote_at:demote_below,..." ascending,
	                                       demote_below <= promote_at, 0..100, at most 8;
	                                       NULL: "bronze:20:15,silver:50:40,gold:80:70";
	                                       "": no tiers */
} rf_score_config;

#define RF_SCORE_CONFIG_VERSION 1
#define RF_SCORE_CONFIG_INIT                                                               \
	{ RF_SCORE_CONFIG_VERSION, NULL, 0, INT64_C(2592000000), INT64_C(7776000000), 30, 40, \
	  20, 10, 50, 10000, 100, NULL }

/** Fill `config` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_score_config_init(rf_score_config *config, unsigned version);

/**
 * Set a program's scoring configuration. When it differs from the one in
 * force it becomes a new version and every score of the program is
 * recomputed with it, in the same transaction. `config_version` (may be
 * NULL) receives the version in force.
 * Errors: RF_EINVALID, RF_EVERSION, RF_ENOTFOUND, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_score_config_set(int64_t *config_version, rf_store *store,
				  const char *program, const rf_score_config *config);

/** A stored configuration. Read-only; owned by the object. */
typedef struct rf_score_settings {
	int64_t config_version;   /**< 0: the built-in defaults (never set) */
	rf_score_config *config;  /**< activity_weights has RF_ACTIVITY_TYPE_COUNT entries */
} rf_score_settings;

/** The configuration in force. Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_score_config_get(rf_score_settings **out, rf_store *store, const char *program);
/** Release settings. NULL is ignored. */
RF_EXTERN void rf_score_settings_free(rf_score_settings *settings);

/** Badges; names through rf_enum_name(RF_ENUM_BADGE, b). */
typedef enum rf_badge_kind {
	RF_BADGE_FIRST_REFERRAL = 1,  /**< "first-referral" */
	RF_BADGE_TEN_REFERRALS = 2,   /**< "ten-referrals" */
	RF_BADGE_FIRST_REVIEW = 3,    /**< "first-review" */
	RF_BADGE_TOP_PERCENT = 4      /**< "top-one-percent": top 1 % of a calendar month by
	                                   activity points (period: the month's start) */
} rf_badge_kind;

/** One component of a score. */
typedef struct rf_score_component {
	const char *name;    /**< "activity", "value", "quality", "network" */
	double raw;          /**< decayed points, decayed minor units, Wilson bound, relative rank */
	double normalized;   /**< 0..1 */
	int32_t weight;
	double points;       /**< its share of the 0..100 score before the risk discount */
} rf_score_component;

/** An event behind a score, with how much it moves it now. */
typedef struct rf_score_event {
	const char *kind;    /**< an activity type name, or "conversion" */
	int64_t id;          /**< activity id or conversion id */
	const char *ref;     /**< conversion: the order id; activity: "" */
	int64_t at_ms;
	double raw;          /**< decayed points or decayed net minor units, now */
	double points;       /**< approximate score points it brings (marginal) */
} rf_score_event;

/** An earned badge. */
typedef struct rf_badge {
	int32_t kind;        /**< rf_badge_kind */
	int64_t period_ms;   /**< 0, or the start of the month it was earned for */
	int64_t at_ms;
} rf_badge;

/** An advocate's score. Read-only; owned by the object. */
typedef struct rf_score {
	const char *program;
	const char *advocate;
	double score;               /**< 0..100 */
	int64_t config_version;     /**< the configuration that produced it */
	int64_t at_ms;              /**< the time it is valued at */
	double risk;                /**< fraud risk 0..100 (0 while no fraud signal exists) */
	int64_t activities;
	int64_t referrals;          /**< conversions crediting the advocate */
	int64_t kept;               /**< of those, not fully refunded */
	int64_t value_net_minor;    /**< credited value net of refunds (face value) */
	int64_t last_at_ms;         /**< last activity or credited conversion, 0: none */
	int32_t tier;               /**< 0: none, else 1.. (index in the configuration): the
	                                 tier at the score now, a decay below the demotion
	                                 bound counted before any refresh stores it */
	const char *tier_name;      /**< "" when none */
	int32_t recency_q, frequency_q, value_q; /**< RFM quintiles 1..5 in the program (5: best) */
	size_t component_count;
	rf_score_component **components;
	size_t event_count;         /**< explain only: the events that move it most */
	rf_score_event **events;
	size_t badge_count;
	rf_badge **badges;
} rf_score;

/**
 * An advocate's score now (the store's clock). With `explain` 1, also the
 * (at most 10) events that move it most. An advocate without events has
 * score 0. Errors: RF_EINVALID, RF_ENOTFOUND (program or advocate).
 */
RF_EXTERN int rf_score_get(rf_score **out, rf_store *store, const char *program,
			   const char *advocate, int32_t explain);
/** Release a score. NULL is ignored. */
RF_EXTERN void rf_score_free(rf_score *score);

/**
 * Recompute every score of a program from its events (streaming, memory
 * flat in the number of events), including the network component, in one
 * transaction; only rows whose numbers change are written. The O(1)
 * updates give the same numbers. Reports progress as "recompute" to the
 * store's callback (rf_store_set_progress()), which may cancel it.
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EBUSY, RF_EIO, RF_ECANCELED.
 */
RF_EXTERN int rf_score_recompute(rf_store *store, const char *program);

/**
 * Store tiers as they are at the store's clock (scores decay, so an
 * advocate may fall below a demotion bound without any event; readers
 * already show the lower tier and the advocate's next event stores it)
 * and award the top-one-percent badge of the month before now. `changed` (may be NULL)
 * receives how many tiers changed.
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_score_refresh(int64_t *changed, rf_store *store, const char *program);

/** Leaderboard periods (UTC calendar). */
typedef enum rf_board_period {
	RF_BOARD_ALL_TIME = 0,
	RF_BOARD_THIS_WEEK = 1,    /**< from Monday 00:00 UTC */
	RF_BOARD_THIS_MONTH = 2,
	RF_BOARD_LAST_MONTH = 3
} rf_board_period;

/** What a leaderboard ranks by. */
typedef enum rf_board_by {
	RF_BOARD_BY_SCORE = 1,     /**< all time: the score; a period: activity points earned in it */
	RF_BOARD_BY_REFERRALS = 2, /**< conversions credited */
	RF_BOARD_BY_VALUE = 3      /**< net credited value */
} rf_board_by;

typedef struct rf_leaderboard_query {
	unsigned version;          /**< RF_LEADERBOARD_QUERY_VERSION */
	const char *program;       /**< required */
	int32_t period;            /**< rf_board_period */
	int32_t by;                /**< rf_board_by */
	uint32_t top;              /**< entries, 1..1000 (default 10) */
	const char *advocate;      /**< optional: also give this advocate's rank */
} rf_leaderboard_query;

#define RF_LEADERBOARD_QUERY_VERSION 1
#define RF_LEADERBOARD_QUERY_INIT \
	{ RF_LEADERBOARD_QUERY_VERSION, NULL, RF_BOARD_ALL_TIME, RF_BOARD_BY_SCORE, 10, NULL }

/** Fill `query` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_leaderboard_query_init(rf_leaderboard_query *query, unsigned version);

/** One row of a leaderboard. */
typedef struct rf_leaderboard_entry {
	int64_t rank;              /**< 1.. ; ties broken by external id, ascending */
	const char *advocate;
	const char *display_name;
	double metric;             /**< what it ranks by */
	int64_t referrals;
	int64_t value_minor;
} rf_leaderboard_entry;

/** A leaderboard. Read-only; owned by the object. */
typedef struct rf_leaderboard {
	int64_t from_ms, to_ms;    /**< the period (0, 0: all time) */
	int64_t config_version;
	int64_t ranked;            /**< advocates with a non-zero metric */
	size_t count;
	rf_leaderboard_entry **entries;
	rf_leaderboard_entry *advocate; /**< the asked advocate, NULL when not asked or unranked */
} rf_leaderboard;

/**
 * Rank a program's advocates with a non-zero metric, at the store's clock.
 * Errors: RF_EINVALID, RF_EVERSION, RF_ENOTFOUND.
 */
RF_EXTERN int rf_leaderboard_get(rf_leaderboard **out, rf_store *store,
				 const rf_leaderboard_query *query);
/** Release a leaderboard. NULL is ignored. */
RF_EXTERN void rf_leaderboard_free(rf_leaderboard *leaderboard);

/** Program metrics over a period. Read-only; owned by the object. */
typedef struct rf_program_metrics {
	int64_t from_ms, to_ms;
	int64_t advocates;            /**< with a code or a score in the program */
	int64_t active_advocates;     /**< with an activity or credited conversion in the period */
	double active_share;          /**< active / advocates */
	int64_t invites;              /**< invite activities in the period */
	int64_t inviting_advocates;
	int64_t referred_conversions; /**< conversions crediting an advocate in the period */
	double invites_per_advocate;  /**< invites / inviting advocates */
	double invite_conversion;     /**< referred conversions / invites */
	double k_factor;              /**< invites_per_advocate x invite_conversion */
	double cycle_time_ms;         /**< mean time from first credited touch to conversion */
	int64_t cycles;               /**< conversions behind the cycle time */
	int64_t promoters, passives, detractors; /**< survey answers 9-10, 7-8, 0-6 */
	double nps;                   /**< -100..100, 0 without answers */
} rf_program_metrics;

/**
 * Metrics of a program over [from_ms, to_ms) (to_ms 0: no end).
 * Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_program_metrics_get(rf_program_metrics **out, rf_store *store,
				     const char *program, int64_t from_ms, int64_t to_ms);
/** Release metrics. NULL is ignored. */
RF_EXTERN void rf_program_metrics_free(rf_program_metrics *metrics);

RF_END_DECL
#endif
