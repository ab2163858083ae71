/*
 * libreferral — program and advocate statistics.
 */
#ifndef REFERRAL_STATS_H
#define REFERRAL_STATS_H

#include "store.h"

RF_BEGIN_DECL

/** What to count. */
typedef struct rf_stats_query {
	unsigned version;       /**< RF_STATS_QUERY_VERSION */
	const char *program;    /**< program key (required) */
	const char *advocate;   /**< NULL: the whole program; else one advocate */
	int64_t from_ms;        /**< inclusive; 0: from the beginning */
	int64_t to_ms;          /**< exclusive; 0: no end */
} rf_stats_query;

#define RF_STATS_QUERY_VERSION 1
#define RF_STATS_QUERY_INIT { RF_STATS_QUERY_VERSION, NULL, NULL, 0, 0 }

/** Fill `query` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_stats_query_init(rf_stats_query *query, unsigned version);

/** An amount of money in one currency. */
typedef struct rf_money {
	const char *currency;
	int64_t value_minor;
} rf_money;

/** Counts over a period. Read-only; owned by the object. */
typedef struct rf_stats {
	int64_t touchpoints;           /**< all touchpoints, duplicates included (bots and link
	                                    previews, RF_TOUCHPOINT_BOT, count nowhere) */
	int64_t unique_touchpoints;    /**< touchpoints not marked duplicate */
	int64_t unique_visitors;       /**< distinct visitors with a touchpoint */
	int64_t conversions;           /**< program: all conversions; advocate: those crediting them */
	int64_t attributed_conversions;/**< conversions crediting any advocate (or this one) */
	double credited_conversions;   /**< sum of credit weights (fractional models) */
	double conversion_rate;        /**< attributed_conversions / unique_visitors, 0 if none */
	size_t value_count;
	rf_money **values;             /**< attributed value per currency, by currency code */
} rf_stats;

/**
 * Count touchpoints (by their time) and conversions (by theirs) in the
 * period. Errors: RF_EINVALID, RF_ENOTFOUND (program or advocate).
 */
RF_EXTERN int rf_stats_get(rf_stats **out, rf_store *store, const rf_stats_query *query);

/** Release statistics. NULL is ignored. */
RF_EXTERN void rf_stats_free(rf_stats *stats);

RF_END_DECL
#endif
