/*
 * libreferral — offline attribution of aggregated paths (no store): feed
 * journeys like "email > whatsapp > qr" with their conversions, value and
 * non-converting count, and read the credit per channel under any model.
 * This is what `referral attribute FILE` does with a CSV file.
 */
#ifndef REFERRAL_PATHS_H
#define REFERRAL_PATHS_H

#include "common.h"

RF_BEGIN_DECL

/** Opaque accumulator of paths. */
typedef struct rf_paths rf_paths;

typedef struct rf_paths_options {
	unsigned version;          /**< RF_PATHS_OPTIONS_VERSION */
	int32_t model;             /**< any rf_model (default linear) */
	int64_t half_life_ms;      /**< time decay: steps of a path are one day apart
	                                (default 7 days) */
	int32_t position_first_bp; /**< position: default 4000 */
	int32_t position_last_bp;  /**< position: default 4000 */
	int32_t markov_order;      /**< Markov order; only 1 is supported (default 1) */
} rf_paths_options;

#define RF_PATHS_OPTIONS_VERSION 1
#define RF_PATHS_OPTIONS_INIT { RF_PATHS_OPTIONS_VERSION, 4, 7 * INT64_C(86400000), 4000, 4000, 1 }

/** Limits on paths. */
#define RF_PATH_MAX_STEPS 1024
#define RF_PATH_MAX_CHANNELS 2000

/** Fill `opts` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_paths_options_init(rf_paths_options *opts, unsigned version);

/**
 * Start an accumulator. `opts` may be NULL (linear). Release it with
 * rf_paths_free(). Errors: RF_EINVALID (unknown model; custom weights are
 * not available here; markov_order other than 1), RF_EVERSION, RF_ENOMEM.
 */
RF_EXTERN int rf_paths_new(rf_paths **out, const rf_paths_options *opts);

/**
 * Add a path: channel names joined by '>', spaces around names trimmed
 * (e.g. "email > qr"), seen `conversions` times converting with total
 * `value`, and `nulls` times without converting (counts >= 0, finite).
 * Errors: RF_EINVALID (empty name, too many steps or channels, bad
 * counts, not UTF-8); nothing is added then.
 */
RF_EXTERN int rf_paths_add(rf_paths *paths, const char *path, double conversions, double value,
			   double nulls);

/** Credit of one channel. */
typedef struct rf_path_credit {
	const char *channel;
	double conversions;
	double value;
} rf_path_credit;

/** Credit per channel, sorted by channel name (byte order). */
typedef struct rf_path_credits {
	size_t count;
	rf_path_credit **items;
} rf_path_credits;

/**
 * Attribute everything added so far. The result is owned by the caller
 * (rf_path_credits_free()); with no path added, a rule-based model gives
 * an empty list. Errors: RF_EINVALID (NULL), RF_ERROR (a data-driven model
 * with nothing converting, including no path at all).
 */
RF_EXTERN int rf_paths_result(rf_path_credits **out, rf_paths *paths);

/** Release an accumulator. NULL is ignored. */
RF_EXTERN void rf_paths_free(rf_paths *paths);

/** Release a result. NULL is ignored. */
RF_EXTERN void rf_path_credits_free(rf_path_credits *credits);

RF_END_DECL
#endif
