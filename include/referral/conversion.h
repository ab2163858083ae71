/*
 * libreferral — conversions and their attribution.
 *
 * A conversion is identified by (program, order id): recording it again
 * returns the original with RF_DUPLICATE and changes nothing; recording the
 * same order id with other data fails with RF_ECONFLICT.
 *
 * Attribution uses the program's current rules: the visitor's touchpoints
 * on the program's codes inside [at - lookback, at] (duplicates excluded)
 * are the journey; the model picks the credited touchpoints; the value is
 * split in minor units so the parts add up exactly. With
 * lock_first_referrer, a visitor once credited to an advocate stays
 * credited to that advocate. No touchpoint in the window: the conversion is
 * stored unattributed. Every attribution keeps an explanation.
 *
 * Journeys: with a customer id, the touchpoints of every visitor id tied to
 * that customer (rf_identify()) count too. A code given with the
 * conversion (typed at checkout, a coupon) is recorded as a checkout
 * touchpoint at the conversion's time, inside the journey. A purchase by a
 * visitor or customer whose earlier signup was attributed inherits that
 * signup's credit (rule sale_follows_lead); a renewal within
 * renewal_months of the first purchase inherits the purchase's credit.
 *
 * Data-driven models (Markov, Shapley) weight each advocate in the journey
 * by its value from the program's last rf_model_fit(); without a fit they
 * fall back to linear, and the explanation says so.
 */
#ifndef REFERRAL_CONVERSION_H
#define REFERRAL_CONVERSION_H

#include "store.h"

RF_BEGIN_DECL

/** Largest accepted conversion value in minor units (10^15): sums over
 *  thousands of such conversions still fit in int64. */
#define RF_VALUE_MAX_MINOR INT64_C(1000000000000000)

typedef enum rf_conversion_kind {
	RF_CONVERSION_SIGNUP = 1,
	RF_CONVERSION_PURCHASE = 2,
	RF_CONVERSION_CUSTOM = 3,
	RF_CONVERSION_RENEWAL = 4  /**< a subscription renewal (see renewal_months) */
} rf_conversion_kind;

/** Input to rf_conversion_record(). */
typedef struct rf_conversion_spec {
	unsigned version;        /**< RF_CONVERSION_SPEC_VERSION */
	const char *program;     /**< program key */
	const char *visitor_id;  /**< whose journey is attributed */
	const char *order_id;    /**< the host's idempotency key */
	int32_t kind;            /**< rf_conversion_kind (default purchase) */
	int64_t value_minor;     /**< 0..RF_VALUE_MAX_MINOR, minor units of currency */
	const char *currency;    /**< ISO 4217, three letters (case-insensitive) */
	int64_t at_ms;           /**< 0: the store's clock */
	/* Version 2 fields. */
	const char *customer_id; /**< optional: the host's customer id; ties the visitor to it */
	const char *code;        /**< optional: a code typed at checkout or used as a coupon */
	/* Version 3 fields: the converting customer, for the fraud checks
	 * (see fraud.h); none of them is stored in clear. */
	const char *email;       /**< optional; normalised, then kept as a keyed hash */
	const char *ip;          /**< optional; keyed hash only */
	const char *user_agent;  /**< optional; keyed hash only */
	int32_t existing_customer; /**< 1: the host already had this customer (no referral) */
} rf_conversion_spec;

#define RF_CONVERSION_SPEC_VERSION 3
#define RF_CONVERSION_SPEC_INIT \
	{ RF_CONVERSION_SPEC_VERSION, NULL, NULL, NULL, RF_CONVERSION_PURCHASE, 0, NULL, 0, NULL, NULL, \
	  NULL, NULL, NULL, 0 }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_conversion_spec_init(rf_conversion_spec *spec, unsigned version);

/** One share of a conversion's credit. */
typedef struct rf_credit {
	const char *advocate;   /**< advocate external id */
	const char *code;       /**< the code credited */
	int32_t channel;        /**< the code's rf_channel */
	double weight;          /**< share of the credit, 0..1; shares sum to 1 */
	int64_t value_minor;    /**< share of the value; shares sum to the value */
	int64_t refunded_minor; /**< share of the refunds (>= 0); shares sum to the refunds */
} rf_credit;

/** A recorded conversion and its credit. Read-only; owned by the object. */
typedef struct rf_conversion {
	int64_t id;
	const char *program;
	const char *order_id;
	const char *visitor_id;
	int32_t kind;            /**< rf_conversion_kind */
	int64_t value_minor;
	const char *currency;    /**< upper-case */
	int64_t at_ms;
	int32_t attributed;      /**< 1 if any advocate was credited */
	int32_t model;           /**< rf_model used */
	int64_t rules_version;   /**< program rules version used */
	size_t credit_count;
	rf_credit **credits;     /**< credited shares, largest first */
	const char *customer_id; /**< "" when none */
	int64_t refunded_minor;  /**< refunded so far, 0..value_minor */
	const char *follows_order; /**< the signup or purchase whose credit this inherited, or "" */
	int32_t replayed;        /**< 1 when this call returned an earlier result (RF_DUPLICATE) */
} rf_conversion;

/**
 * Record and attribute a conversion in one transaction. `out` may be NULL.
 * Returns RF_OK, or RF_DUPLICATE when the order id was already recorded with
 * the same data (the original result is returned).
 * The fraud checks assess every new conversion inside the same
 * transaction (rf_fraud_get() shows their verdict). The version 3 fields
 * are not part of the idempotency comparison: a retry need not repeat them.
 * Errors: RF_EINVALID (also: an email that is not an address, or
 * existing_customer not 0/1), RF_ENOTFOUND (program), RF_EDISABLED
 * (archived program), RF_ECONFLICT (order id recorded with other data).
 */
RF_EXTERN int rf_conversion_record(rf_conversion **out, rf_store *store,
				   const rf_conversion_spec *spec);

/** Fetch a conversion by program and order id. Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_conversion_get(rf_conversion **out, rf_store *store,
				const char *program, const char *order_id);

/** Release a conversion. NULL is ignored. */
RF_EXTERN void rf_conversion_free(rf_conversion *conversion);

/** Input to rf_conversion_refund(). */
typedef struct rf_refund_spec {
	unsigned version;        /**< RF_REFUND_SPEC_VERSION */
	const char *program;     /**< program key */
	const char *order_id;    /**< the conversion refunded */
	const char *refund_id;   /**< the host's idempotency key for this refund */
	int64_t amount_minor;    /**< > 0; 0: everything not yet refunded */
	int64_t at_ms;           /**< 0: the store's clock */
} rf_refund_spec;

#define RF_REFUND_SPEC_VERSION 1
#define RF_REFUND_SPEC_INIT { RF_REFUND_SPEC_VERSION, NULL, NULL, NULL, 0, 0 }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_refund_spec_init(rf_refund_spec *spec, unsigned version);

/**
 * Refund part or all of a conversion in one transaction. The refund is
 * split over the conversion's credit in proportion to each share (exactly,
 * in minor units); credit rows are never rewritten, so history stays.
 * `out` (may be NULL) receives the conversion after the refund.
 * Returns RF_OK, or RF_DUPLICATE when this refund id was already applied
 * with the same amount (nothing changes).
 * Errors: RF_EINVALID (bad spec, amount above what is left), RF_ENOTFOUND
 * (program or order), RF_ECONFLICT (refund id reused with another amount).
 */
RF_EXTERN int rf_conversion_refund(rf_conversion **out, rf_store *store,
				   const rf_refund_spec *spec);

/** One touchpoint of an explanation. */
typedef struct rf_explained_touch {
	int64_t touchpoint_id;
	const char *code;
	const char *advocate;
	int32_t channel;
	int32_t kind;            /**< rf_touchpoint_kind */
	int64_t at_ms;
	double weight;           /**< 0 when not credited */
	int64_t value_minor;
	const char *note;        /**< why it got this weight, one line */
} rf_explained_touch;

/** Why a conversion was credited as it was. Read-only; owned by the object. */
typedef struct rf_explanation {
	const char *program;
	const char *order_id;
	int32_t model;
	int64_t rules_version;
	int64_t lookback_ms;
	int64_t window_start_ms;  /**< journey window: [start, end] */
	int64_t window_end_ms;
	const char *summary;      /**< one line */
	size_t touch_count;
	rf_explained_touch **touches; /**< touchpoints considered, oldest first */
	const char *parameters;   /**< the model's parameters, e.g. "half_life_ms=604800000" */
	const char *currency;     /**< the conversion's currency */
} rf_explanation;

/** Fetch the explanation of a conversion. Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_explanation_get(rf_explanation **out, rf_store *store,
				 const char *program, const char *order_id);

/** Release an explanation. NULL is ignored. */
RF_EXTERN void rf_explanation_free(rf_explanation *explanation);

RF_END_DECL
#endif
