/*
 * libreferral — fraud checks: signals, a risk score and a verdict for
 * every conversion, a review queue and explanations. See docs/FRAUD.md.
 *
 * Every new conversion is checked inside rf_conversion_record()'s
 * transaction, against the advocate with the largest credit and the
 * converting customer (conversion spec version 3, advocate spec version
 * 2). Each signal that fires has a weight and one line of evidence; the
 * risk is the sum of the weights, capped at 100. A hard signal rejects at
 * once; otherwise risk >= reject_from rejects, risk >= approve_below holds
 * the conversion for review, and anything lower is approved. Rewards
 * follow the verdict (held rewards wait for the review).
 */
#ifndef REFERRAL_FRAUD_H
#define REFERRAL_FRAUD_H

#include "store.h"

RF_BEGIN_DECL

/** Buffer size that always holds rf_email_normalize()'s result. */
#define RF_EMAIL_BUFSIZE (RF_MAX_TEXT_LEN + 1)

/**
 * Normalise an email the way the fraud checks compare people: trimmed,
 * ASCII lower-case, a "+tag" sub-address dropped, and for gmail.com and
 * googlemail.com the dots of the local part dropped and the domain
 * written gmail.com ("John.Smith+x@GoogleMail.com" -> "johnsmith@gmail.com").
 * Writes the result into `out` (`size` bytes; RF_EMAIL_BUFSIZE always
 * suffices). Errors: RF_EINVALID (NULL, not an address, too long for `out`).
 */
RF_EXTERN int rf_email_normalize(char *out, size_t size, const char *email);

/** The fraud signals (rf_enum_name(RF_ENUM_FRAUD_SIGNAL, ...) names them). */
typedef enum rf_fraud_signal {
	RF_FRAUD_SELF_REFERRAL = 1,       /**< the customer is the advocate: customer id, email,
	                                       visitor id, or IP + user agent match */
	RF_FRAUD_DISPOSABLE_EMAIL = 2,    /**< the customer's email domain is disposable */
	RF_FRAUD_CONVERSION_VELOCITY = 3, /**< too many conversions for the advocate or the IP
	                                       in the window */
	RF_FRAUD_CLICK_VELOCITY = 4,      /**< too many clicks on the advocate's codes, overall
	                                       or from the customer's IP, in the window */
	RF_FRAUD_FAST_CONVERSION = 5,     /**< converted sooner after the click than humans do
	                                       (cookie stuffing) */
	RF_FRAUD_EXISTING_CUSTOMER = 6,   /**< the host marked the customer as existing */
	RF_FRAUD_DUPLICATE_IDENTITY = 7,  /**< the advocate shares an identity (email, customer
	                                       id, visitor id, IP + user agent) with others */
	RF_FRAUD_REFERRAL_RING = 8,       /**< the referral closes a cycle in the referral graph */
	RF_FRAUD_BOT = 9                  /**< the customer's user agent is a bot or link preview */
} rf_fraud_signal;
#define RF_FRAUD_SIGNAL_MAX 9

/** Verdicts (RF_ENUM_FRAUD_DECISION: "approve", "review", "reject"). */
typedef enum rf_fraud_decision {
	RF_FRAUD_APPROVE = 0,
	RF_FRAUD_REVIEW = 1,
	RF_FRAUD_REJECT = 2
} rf_fraud_decision;

/** Review states (RF_ENUM_REVIEW_STATUS: "none", "held", "approved", "rejected"). */
typedef enum rf_review_status {
	RF_REVIEW_NONE = 0,      /**< decided automatically */
	RF_REVIEW_HELD = 1,      /**< waiting in the review queue */
	RF_REVIEW_APPROVED = 2,  /**< a reviewer approved it */
	RF_REVIEW_REJECTED = 3   /**< a reviewer rejected it */
} rf_review_status;

/**
 * A program's fraud policy. Weights are 0..100 (0 turns a signal off);
 * hard_signals is a bit set of (1 << rf_fraud_signal): those reject at once.
 * The default weights let no timing signal (velocity, fast conversion)
 * hold a conversion on its own (each is noisy alone); any two together,
 * or one identity signal, do.
 */
typedef struct rf_fraud_policy {
	unsigned version;                 /**< RF_FRAUD_POLICY_VERSION */
	int32_t approve_below;            /**< risk below this approves (default 30) */
	int32_t reject_from;              /**< risk from this rejects (default 70) */
	int32_t weight_self_referral;     /**< default 100 */
	int32_t weight_disposable_email;  /**< default 30 */
	int32_t weight_conversion_velocity; /**< default 25 */
	int32_t weight_click_velocity;    /**< default 25 */
	int32_t weight_fast_conversion;   /**< default 25 */
	int32_t weight_existing_customer; /**< default 100 */
	int32_t weight_duplicate_identity; /**< default 40 */
	int32_t weight_referral_ring;     /**< default 70 */
	int32_t weight_bot;               /**< default 70 */
	uint32_t hard_signals;            /**< default: self-referral and existing customer */
	int64_t window_ms;                /**< velocity window (default 1 hour) */
	int32_t max_conversions_advocate; /**< more in the window fires (default 10) */
	int32_t max_conversions_ip;       /**< default 3 */
	int32_t max_clicks_advocate;      /**< default 500 */
	int32_t max_clicks_ip;            /**< default 20 */
	int64_t min_click_to_conversion_ms; /**< sooner fires (default 5 seconds; 0: off) */
	int32_t ring_max_depth;           /**< longest cycle looked for, 2..32 (default 6) */
} rf_fraud_policy;

#define RF_FRAUD_POLICY_VERSION 1
#define RF_FRAUD_HARD(signal) (UINT32_C(1) << (signal))
#define RF_FRAUD_POLICY_INIT                                                              \
	{ RF_FRAUD_POLICY_VERSION, 30, 70, 100, 30, 25, 25, 25, 100, 40, 70, 70,          \
	  RF_FRAUD_HARD(RF_FRAUD_SELF_REFERRAL) | RF_FRAUD_HARD(RF_FRAUD_EXISTING_CUSTOMER), \
	  INT64_C(3600000), 10, 3, 500, 20, INT64_C(5000), 6 }

/** Fill `policy` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_fraud_policy_init(rf_fraud_policy *policy, unsigned version);

/**
 * Set a program's fraud policy: a new version (written to `*version` when
 * not NULL; the first set gives 2, version 1 being the defaults every
 * program starts with). Checks made later use it; earlier ones keep
 * saying which version decided them.
 * Errors: RF_EINVALID (a weight outside 0..100, thresholds not
 * 1 <= approve_below <= reject_from <= 101, windows < 0, limits < 1, ring
 * depth outside 2..32, unknown hard bits), RF_ENOTFOUND (program).
 */
RF_EXTERN int rf_fraud_policy_set(int64_t *version, rf_store *store, const char *program,
				  const rf_fraud_policy *policy);

/** A program's current fraud policy and its version (1: the defaults).
 *  Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_fraud_policy_get(rf_fraud_policy *out, int64_t *version, rf_store *store,
				  const char *program);

/** One signal that fired. */
typedef struct rf_fraud_signal_hit {
	int32_t kind;            /**< rf_fraud_signal */
	int32_t weight;          /**< what it added to the risk */
	int32_t hard;            /**< 1: a hard rule (rejects at once) */
	const char *evidence;    /**< one line: what matched, counts, times */
} rf_fraud_signal_hit;

/** The fraud check of one conversion. Read-only; owned by the object. */
typedef struct rf_fraud_check {
	const char *program;
	const char *order_id;
	const char *advocate;      /**< the advocate checked (largest credit), "" when none */
	int64_t at_ms;             /**< the conversion's time */
	int32_t risk;              /**< 0..100 */
	int32_t decision;          /**< rf_fraud_decision */
	int32_t status;            /**< rf_review_status */
	int64_t policy_version;    /**< the fraud policy that decided */
	const char *reviewer;      /**< "" until reviewed */
	const char *review_reason; /**< "" until reviewed */
	int64_t reviewed_at_ms;    /**< 0 until reviewed */
	const char *summary;       /**< one line: the verdict and why */
	size_t signal_count;
	rf_fraud_signal_hit **signals; /**< in the order they were evaluated */
} rf_fraud_check;

/** A page of fraud checks. */
typedef struct rf_fraud_checks {
	size_t count;
	rf_fraud_check **items;
	int64_t next_cursor;       /**< pass to the next call; 0 when this is the last page */
} rf_fraud_checks;

/**
 * The fraud check of a conversion: verdict, review and every signal with
 * its evidence. Errors: RF_EINVALID, RF_ENOTFOUND (program, order, or a
 * conversion recorded before fraud checks existed).
 */
RF_EXTERN int rf_fraud_get(rf_fraud_check **out, rf_store *store, const char *program,
			   const char *order_id);

/**
 * The review queue: a program's conversions held for review, oldest
 * first, one page at a time (start with cursor 0; limit 1..1000, 0 means 100).
 * Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_fraud_queue(rf_fraud_checks **out, rf_store *store, const char *program,
			     int64_t cursor, uint32_t limit);

/**
 * A reviewer's decision on a held conversion: `approve` 1 releases its
 * held rewards, 0 voids them. Recorded with the reviewer, the reason and
 * the store's time. `out` (may be NULL) receives the check after it.
 * Errors: RF_EINVALID (approve not 0/1, reviewer or reason empty or too
 * long), RF_ENOTFOUND, RF_ECONFLICT (not waiting for review: decided
 * automatically or reviewed already).
 */
RF_EXTERN int rf_fraud_review(rf_fraud_check **out, rf_store *store, const char *program,
			      const char *order_id, int32_t approve, const char *reviewer,
			      const char *reason);

/** Release a fraud check. NULL is ignored. */
RF_EXTERN void rf_fraud_check_free(rf_fraud_check *check);
/** Release a page of fraud checks. NULL is ignored. */
RF_EXTERN void rf_fraud_checks_free(rf_fraud_checks *checks);

/**
 * Replace the store's disposable email domains with those of a text file
 * the host provides: one domain per line, '#' starts a comment, blank lines
 * and surrounding spaces ignored, case-insensitive. An empty list brings
 * back the small list the library ships. `count` (may be NULL) receives
 * the number of domains loaded.
 * Errors: RF_EINVALID (bad path; a line that is not a domain, named by
 * number; more than RF_FRAUD_DOMAINS_MAX), RF_EIO (cannot read the file).
 */
RF_EXTERN int rf_fraud_domains_load(int64_t *count, rf_store *store, const char *path);
#define RF_FRAUD_DOMAINS_MAX 100000

RF_END_DECL
#endif
