/*
 * libreferral — names of enumerated values, for command lines, bindings,
 * exports and logs. Names are lower-case ASCII and stable.
 */
#ifndef REFERRAL_NAMES_H
#define REFERRAL_NAMES_H

#include "common.h"

RF_BEGIN_DECL

/** The enumerations that have names. */
typedef enum rf_enum {
	RF_ENUM_MODEL = 1,           /**< rf_model: "last", "first", "last-non-direct", "linear",
	                                  "time-decay", "position", "custom", "markov", "shapley" */
	RF_ENUM_ADVOCATE_KIND = 2,   /**< rf_advocate_kind: "customer", ... */
	RF_ENUM_CHANNEL = 3,         /**< rf_channel: "none", "email", ... */
	RF_ENUM_TOUCHPOINT_KIND = 4, /**< rf_touchpoint_kind: "click", "visit", "scan", "checkout" */
	RF_ENUM_CONVERSION_KIND = 5, /**< rf_conversion_kind: "signup", "purchase", "custom",
	                                  "renewal" */
	RF_ENUM_STATUS = 6,          /**< rf_record_status: "active", "archived", ... */
	RF_ENUM_TARGET = 7,          /**< rf_target: "advocate", "channel" */
	RF_ENUM_REWARD_SIDE = 8,     /**< rf_reward_side: "referrer", "referee" */
	RF_ENUM_REWARD_EVENT = 9,    /**< rf_reward_event: "conversion", "signup", "purchase",
	                                  "custom", "renewal", "nth", "milestone" */
	RF_ENUM_REWARD_KIND = 10,    /**< rf_reward_kind: "cash", "credit", "points", "coupon" */
	RF_ENUM_REWARD_BASIS = 11,   /**< rf_reward_basis: "fixed", "percent" */
	RF_ENUM_REWARD_STATE = 12,   /**< rf_reward_state: "held", "pending", "approved", "paid",
	                                  "rejected", "voided", "skipped", "reversed" */
	RF_ENUM_ACTIVITY = 13,       /**< rf_activity_type: "share", "invite", ... */
	RF_ENUM_FRAUD_SIGNAL = 14,   /**< rf_fraud_signal: "self-referral", "disposable-email",
	                                  "conversion-velocity", "click-velocity",
	                                  "fast-conversion", "existing-customer",
	                                  "duplicate-identity", "referral-ring", "bot" */
	RF_ENUM_FRAUD_DECISION = 15, /**< rf_fraud_decision: "approve", "review", "reject" */
	RF_ENUM_REVIEW_STATUS = 16,  /**< rf_review_status: "none", "held", "approved", "rejected" */
	RF_ENUM_BADGE = 17,          /**< rf_badge_kind: "first-referral", ... */
	RF_ENUM_STAGE = 18,          /**< rf_stage_kind: "invited", "active", "referring",
	                                  "champion", "dormant" */
	RF_ENUM_CONTENT_KIND = 19,   /**< rf_content_kind: "article", "video", "image",
	                                  "document", "post", "email", "other" */
	RF_ENUM_TESTIMONIAL_STATUS = 20, /**< rf_testimonial_status: "pending", "approved",
	                                      "rejected" */
	RF_ENUM_REFERENCE_OUTCOME = 21   /**< rf_reference_outcome: "open", "accepted",
	                                      "declined", "completed", "no-response" */
} rf_enum;

/** Name of `value` in enumeration `type`; NULL when it has none. Static. */
RF_EXTERN const char *rf_enum_name(int type, int32_t value);

/**
 * Parse a name (case-insensitive) of enumeration `type` into `*out`.
 * Errors: RF_EINVALID (NULL, unknown type or name).
 */
RF_EXTERN int rf_enum_parse(int32_t *out, int type, const char *name);

/** Status of programs, advocates and codes. */
typedef enum rf_record_status {
	RF_STATUS_ACTIVE = 0,
	RF_STATUS_ARCHIVED = 1,    /**< programs */
	RF_STATUS_INACTIVE = 2,    /**< advocates */
	RF_STATUS_DISABLED = 3     /**< codes */
} rf_record_status;

RF_END_DECL
#endif
