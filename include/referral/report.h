/*
 * libreferral — program reports: a time series per day, week or month,
 * splits of a period by advocate, channel or advocate kind, and a funnel.
 * Streamed exports (CSV, JSON) and CSV imports are in export.h.
 *
 * Everything is computed by SQL aggregates inside SQLite: memory grows
 * with the rows of the result (buckets, groups), not with history.
 * Periods are [from_ms, to_ms) in UTC; touchpoints count by their time,
 * conversions (and their credit and value) by theirs. Values are the
 * attributed value net of refunds, per currency, as in rf_stats_get().
 *
 * See docs/REPORTS.md.
 */
#ifndef REFERRAL_REPORT_H
#define REFERRAL_REPORT_H

#include "stats.h"

RF_BEGIN_DECL

/** Granularity of a time series (UTC). */
typedef enum rf_period {
	RF_PERIOD_DAY = 1,
	RF_PERIOD_WEEK = 2,   /**< weeks start on Monday 00:00 UTC */
	RF_PERIOD_MONTH = 3   /**< calendar months */
} rf_period;

/** What a split groups by. */
typedef enum rf_split_by {
	RF_SPLIT_ADVOCATE = 1,      /**< key: external id; name: display name */
	RF_SPLIT_CHANNEL = 2,       /**< key: channel name (rf_enum_name) */
	RF_SPLIT_ADVOCATE_KIND = 3, /**< key: "customer", "employee", "partner", "influencer" */
	RF_SPLIT_CONTENT = 4        /**< key: content item key; name: its title (codes bound
	                                 to no item are left out; see content.h) */
} rf_split_by;

/** Most buckets one series may hold (RF_EINVALID beyond). */
#define RF_REPORT_MAX_BUCKETS 20000

/** What to report on. */
typedef struct rf_report_query {
	unsigned version;    /**< RF_REPORT_QUERY_VERSION */
	const char *program; /**< program key (required) */
	int64_t from_ms;     /**< inclusive; 0: from the beginning */
	int64_t to_ms;       /**< exclusive; 0: no end */
	int32_t period;      /**< rf_period of a series (default RF_PERIOD_DAY) */
	uint32_t limit;      /**< most rows of a split (0: all) */
} rf_report_query;

#define RF_REPORT_QUERY_VERSION 1
#define RF_REPORT_QUERY_INIT { RF_REPORT_QUERY_VERSION, NULL, 0, 0, RF_PERIOD_DAY, 0 }

/** Fill `query` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_report_query_init(rf_report_query *query, unsigned version);

/** One bucket of a time series. */
typedef struct rf_report_bucket {
	int64_t start_ms;               /**< calendar start of the bucket (UTC) */
	int64_t end_ms;                 /**< calendar end (exclusive); the first and last
	                                     buckets count only what lies in the query period */
	int64_t touchpoints;            /**< clicks, visits, scans (duplicates included) */
	int64_t unique_visitors;        /**< distinct visitors with a touchpoint in the bucket */
	int64_t conversions;            /**< all conversions */
	int64_t attributed_conversions; /**< conversions crediting an advocate */
	double conversion_rate;         /**< attributed_conversions / unique_visitors (0 if none) */
	int64_t active_advocates;       /**< advocates with a touchpoint on their codes or
	                                     a credited conversion in the bucket */
	size_t value_count;
	rf_money **values;              /**< attributed value net of refunds, by currency */
} rf_report_bucket;

/** A time series. Read-only; owned by the object. */
typedef struct rf_report_series {
	int32_t period;              /**< rf_period */
	size_t count;
	rf_report_bucket **buckets;  /**< consecutive, oldest first, empty buckets included;
	                                  an open end stops at the first/last bucket with data */
} rf_report_series;

/**
 * A time series of the program over the query's period, at its `period`
 * granularity. Errors: RF_EINVALID (bad query, or more than
 * RF_REPORT_MAX_BUCKETS buckets), RF_EVERSION, RF_ENOTFOUND (program).
 */
RF_EXTERN int rf_report_series_get(rf_report_series **out, rf_store *store,
				   const rf_report_query *query);
/** Release a series. NULL is ignored. */
RF_EXTERN void rf_report_series_free(rf_report_series *series);

/** One group of a split. */
typedef struct rf_report_split_row {
	const char *key;                /**< see rf_split_by */
	const char *name;               /**< advocate display name; else the key */
	int64_t touchpoints;            /**< on the group's codes */
	int64_t unique_visitors;        /**< distinct visitors touching the group's codes */
	int64_t attributed_conversions; /**< conversions crediting the group */
	double credited_conversions;    /**< sum of the group's credit weights */
	size_t value_count;
	rf_money **values;              /**< the group's credited value net of refunds */
} rf_report_split_row;

/** A split of a period. Read-only; owned by the object. */
typedef struct rf_report_split {
	int32_t by;                  /**< rf_split_by */
	size_t count;
	rf_report_split_row **rows;  /**< by credited conversions, then touchpoints (both
	                                  descending), then key; at most `limit` */
} rf_report_split;

/**
 * Split the program's period by `by` (an rf_split_by). Groups with no
 * touchpoint and no credit in the period are absent. Errors: RF_EINVALID,
 * RF_EVERSION, RF_ENOTFOUND (program).
 */
RF_EXTERN int rf_report_split_get(rf_report_split **out, rf_store *store,
				  const rf_report_query *query, int32_t by);
/** Release a split. NULL is ignored. */
RF_EXTERN void rf_report_split_free(rf_report_split *split);

/**
 * The funnel click -> signup -> purchase of a period. A visitor "signed
 * up" (or "purchased") when a signup (purchase) conversion of the program
 * in the period was recorded for that visitor id or for the customer it is
 * tied to (rf_identify). Read-only; owned by the object.
 */
typedef struct rf_report_funnel {
	int64_t visitors;        /**< distinct visitors with a touchpoint in the period */
	int64_t signed_up;       /**< of those, visitors with a signup */
	int64_t purchased;       /**< of those who signed up, visitors with a purchase */
	int64_t purchased_any;   /**< visitors with a touchpoint and a purchase, signup or not */
	double signup_rate;      /**< signed_up / visitors (0 if none) */
	double purchase_rate;    /**< purchased / signed_up (0 if none) */
} rf_report_funnel;

/** The program's funnel over the query's period. Errors as rf_report_series_get(). */
RF_EXTERN int rf_report_funnel_get(rf_report_funnel **out, rf_store *store,
				   const rf_report_query *query);
/** Release a funnel. NULL is ignored. */
RF_EXTERN void rf_report_funnel_free(rf_report_funnel *funnel);

/** Money of a period in one currency. */
typedef struct rf_report_currency {
	const char *currency;
	int64_t value_minor;       /**< attributed value net of refunds */
	int64_t reward_cost_minor; /**< cash and credit rewards of the period's conversions,
	                                granted (not held, rejected, voided or skipped),
	                                less what refunds clawed back */
	double return_on_spend;    /**< value / reward cost (0 without cost) */
} rf_report_currency;

/** A period's headline numbers. Read-only; owned by the object. */
typedef struct rf_report_summary {
	int64_t touchpoints;            /**< as in a series (bots left out, purged days kept) */
	int64_t unique_visitors;
	int64_t conversions;
	int64_t attributed_conversions;
	double conversion_rate;         /**< attributed_conversions / unique_visitors (0 if none) */
	int64_t new_customers;          /**< attributed conversions that are the person's
	                                     first in the program (visitor or tied customer) */
	int64_t returning_customers;    /**< attributed conversions of people who converted before */
	int64_t active_advocates;       /**< as in a series bucket */
	double k_factor;                /**< as rf_program_metrics_get() over the period */
	size_t currency_count;
	rf_report_currency **currencies; /**< by currency code */
} rf_report_summary;

/**
 * The program's headline numbers over the query's period (query->period
 * is not used): traffic, conversions, new and returning customers, active
 * advocates, K-factor, and per currency the attributed value, the reward
 * cost and the return on reward spend. Errors as rf_report_series_get().
 */
RF_EXTERN int rf_report_summary_get(rf_report_summary **out, rf_store *store,
				    const rf_report_query *query);
/** Release a summary. NULL is ignored. */
RF_EXTERN void rf_report_summary_free(rf_report_summary *summary);

RF_END_DECL
#endif
