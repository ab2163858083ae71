/*
 * libreferral — rewards: rules, caps and a double-entry ledger.
 *
 * Each program has a reward configuration: a policy (holding period,
 * minimum payout, caps, budget) and a set of rules. Every change makes a
 * new configuration version; rewards record the version that produced
 * them. When a conversion is recorded, the current rules are evaluated for
 * every credited advocate (the referrer side, on its attributed share of
 * the value) and for the converting customer (the referee side), caps are
 * applied, and each reward becomes ledger entries.
 *
 * Ledger: entries are append-only (never updated or deleted); each moves an
 * amount between two accounts of a holder: the program (the source of
 * every reward), held (waiting for a fraud review), pending (in its holding
 * period), approved (payable), paid and owed. A reversal is a negative
 * entry on the pair it reverses. A refund claws back every reward of its
 * conversion in proportion (held first, then pending, approved, and what
 * was already paid becomes owed); the next payout first settles what is
 * owed. Every entry has a key derived from its cause (conversion and rule,
 * refund, payout, review, maturing), so retries never move money twice.
 *
 * Balances are sums of entries; rf_reward_check() verifies the ledger's
 * invariants (rf_store_check() runs it too).
 */
#ifndef REFERRAL_REWARD_H
#define REFERRAL_REWARD_H

#include "store.h"

RF_BEGIN_DECL

/** Who a rule rewards. */
typedef enum rf_reward_side {
	RF_SIDE_REFERRER = 1, /**< each credited advocate, on its share */
	RF_SIDE_REFEREE = 2   /**< the converting customer (or visitor) */
} rf_reward_side;

/** What a rule fires on. */
typedef enum rf_reward_event {
	RF_ON_CONVERSION = 1, /**< any conversion (see kinds) */
	RF_ON_SIGNUP = 2,     /**< a signup */
	RF_ON_PURCHASE = 3,   /**< a purchase */
	RF_ON_CUSTOM = 4,     /**< a custom conversion */
	RF_ON_RENEWAL = 5,    /**< recurring: a renewal within `months` of the person's first purchase */
	RF_ON_NTH = 6,        /**< the referred person's `nth` conversion in the program */
	RF_ON_MILESTONE = 7   /**< once, when the advocate reaches `nth` referrals (referrer side) */
} rf_reward_event;

/** What a reward is paid in. */
typedef enum rf_reward_kind {
	RF_REWARD_CASH = 1,   /**< minor units of the conversion's currency */
	RF_REWARD_CREDIT = 2, /**< store credit, minor units of the conversion's currency */
	RF_REWARD_POINTS = 3, /**< points (unit "PTS") */
	RF_REWARD_COUPON = 4  /**< one coupon code from the rule's code bank (unit "CPN", amount 1) */
} rf_reward_kind;

/** How a rule's amount is computed. */
typedef enum rf_reward_basis {
	RF_AMOUNT_FIXED = 1,  /**< `amount` as is */
	RF_AMOUNT_PERCENT = 2 /**< `amount` basis points (1000 = 10 %) of the attributed value, rounded down */
} rf_reward_basis;

/** A reward's state. */
typedef enum rf_reward_state {
	RF_REWARD_HELD = 1,     /**< waiting for a fraud review; not payable */
	RF_REWARD_PENDING = 2,  /**< in its holding period */
	RF_REWARD_APPROVED = 3, /**< payable */
	RF_REWARD_PAID = 4,     /**< paid in a payout */
	RF_REWARD_REJECTED = 5, /**< the fraud check rejected the conversion: no money */
	RF_REWARD_VOIDED = 6,   /**< a reviewer rejected it: its entries were reversed */
	RF_REWARD_SKIPPED = 7,  /**< a cap, the budget or an empty code bank left nothing */
	RF_REWARD_REVERSED = 8  /**< refunds clawed all of it back */
} rf_reward_state;

/** One reward rule. Input to rf_reward_rule_add(); also read back. */
typedef struct rf_reward_rule {
	unsigned version;        /**< RF_REWARD_RULE_VERSION */
	int64_t id;              /**< set by the library (ignored on add) */
	int32_t side;            /**< rf_reward_side (default referrer) */
	int32_t event;           /**< rf_reward_event (default conversion) */
	int32_t kind;            /**< rf_reward_kind (default cash) */
	int32_t basis;           /**< rf_reward_basis (default fixed) */
	int64_t amount;          /**< fixed: minor units or points; percent: basis points (0..10000) */
	int64_t min_referrals;   /**< tier: the advocate's referral count (this one included) >= this; 0: no bound */
	int64_t max_referrals;   /**< tier: <= this; 0: no bound */
	int64_t nth;             /**< RF_ON_NTH and RF_ON_MILESTONE: N (>= 1) */
	int32_t months;          /**< RF_ON_RENEWAL: months after the first purchase (1..120) */
	int32_t kinds;           /**< conversion kinds, bit (1 << rf_conversion_kind); 0: any */
	int64_t min_value;       /**< conversion value >= this (minor units) */
	int64_t max_value;       /**< conversion value <= this; 0: no bound */
	const char *currency;    /**< only conversions in this currency; NULL or "": any */
	const char *code_bank;   /**< RF_REWARD_COUPON: the bank codes are drawn from */
	int32_t approve_at_once; /**< 1: approved at once, no holding period */
	const char *label;       /**< a name for people, may be NULL */
} rf_reward_rule;

#define RF_REWARD_RULE_VERSION 1
#define RF_REWARD_RULE_INIT                                                                 \
	{ RF_REWARD_RULE_VERSION, 0, RF_SIDE_REFERRER, RF_ON_CONVERSION, RF_REWARD_CASH,   \
	  RF_AMOUNT_FIXED, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL }

/** Fill `rule` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_reward_rule_init(rf_reward_rule *rule, unsigned version);

/** Default holding period: 30 days. */
#define RF_REWARD_HOLDING_DEFAULT_MS INT64_C(2592000000)

/**
 * A program's reward policy. Caps count and sum the rewards a holder
 * received (per unit; skipped, rejected and voided ones do not count) in
 * the UTC day, Monday-based week and calendar month of the conversion, and
 * over all time; 0 means no cap. A reward that would cross a cap or the
 * budget is cut to what is left, or skipped when nothing is left, and says
 * why in its note.
 */
typedef struct rf_reward_policy {
	unsigned version;         /**< RF_REWARD_POLICY_VERSION */
	int64_t holding_ms;       /**< pending -> approved after this (default 30 days; 0..10 years) */
	int64_t min_payout_minor; /**< a holder's cash or credit is paid once it reaches this */
	int64_t day_count, day_amount;
	int64_t week_count, week_amount;
	int64_t month_count, month_amount;
	int64_t total_count, total_amount;
	int64_t budget_minor;     /**< all rewards of the program in budget_currency; 0: none */
	const char *budget_currency; /**< ISO 4217; required when budget_minor > 0 */
} rf_reward_policy;

#define RF_REWARD_POLICY_VERSION 1
#define RF_REWARD_POLICY_INIT                                                               \
	{ RF_REWARD_POLICY_VERSION, RF_REWARD_HOLDING_DEFAULT_MS, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL }

/** Fill `policy` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_reward_policy_init(rf_reward_policy *policy, unsigned version);

/** A program's reward configuration at one version. Owned by the object. */
typedef struct rf_reward_config {
	const char *program;
	int64_t version;          /**< 0: never configured (defaults, no rules) */
	rf_reward_policy *policy;
	size_t rule_count;
	rf_reward_rule **rules;   /**< by id */
} rf_reward_config;

/**
 * Replace a program's policy (a new configuration version, same rules).
 * `version` (may be NULL) receives the new version.
 * Errors: RF_EINVALID, RF_ENOTFOUND (program).
 */
RF_EXTERN int rf_reward_policy_set(int64_t *version, rf_store *store, const char *program,
				   const rf_reward_policy *policy);

/**
 * Add a rule (a new configuration version). `id` (may be NULL) receives
 * the rule's id. Errors: RF_EINVALID, RF_ENOTFOUND (program).
 */
RF_EXTERN int rf_reward_rule_add(int64_t *id, rf_store *store, const char *program,
				 const rf_reward_rule *rule);

/** Remove a rule (a new configuration version; rewards it produced stay).
 *  Errors: RF_EINVALID, RF_ENOTFOUND (program or rule). */
RF_EXTERN int rf_reward_rule_remove(rf_store *store, const char *program, int64_t rule_id);

/** The current configuration (version 0: none). Free with rf_reward_config_free().
 *  Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_reward_config_get(rf_reward_config **out, rf_store *store, const char *program);

/** Release a configuration. NULL is ignored. */
RF_EXTERN void rf_reward_config_free(rf_reward_config *config);

/**
 * Load coupon codes into a program's code bank; codes already in the bank
 * are ignored. `added` (may be NULL) receives how many were new.
 * Errors: RF_EINVALID (bad bank or code, count > 100000), RF_ENOTFOUND.
 */
RF_EXTERN int rf_reward_codes_load(size_t *added, rf_store *store, const char *program,
				   const char *bank, const char *const *codes, size_t count);

/** One reward. Read-only; owned by its list. */
typedef struct rf_reward {
	int64_t id;
	const char *order_id;     /**< the conversion that caused it */
	const char *recipient;    /**< advocate external id, or the referee's customer or visitor id */
	int32_t side;             /**< rf_reward_side */
	int64_t rule_id;
	int64_t config_version;   /**< the configuration that produced it */
	int32_t kind;             /**< rf_reward_kind */
	int32_t state;            /**< rf_reward_state */
	const char *unit;         /**< currency, "PTS" or "CPN" */
	int64_t requested;        /**< what the rule gave before caps */
	int64_t amount;           /**< what was granted */
	int64_t clawed;           /**< taken back by refunds or a review (0..amount) */
	const char *coupon;       /**< the coupon code, or "" */
	const char *note;         /**< how it was computed, and any cut */
	int64_t created_at_ms;
	int64_t due_at_ms;        /**< when it becomes approved (pending); 0 otherwise */
} rf_reward;

typedef struct rf_reward_list {
	size_t count;
	rf_reward **items;        /**< by id */
} rf_reward_list;

/**
 * A program's rewards, optionally only one advocate's (`advocate`) and/or
 * one conversion's (`order_id`); NULL: no filter.
 * Errors: RF_EINVALID, RF_ENOTFOUND (program, advocate or order).
 */
RF_EXTERN int rf_reward_list_get(rf_reward_list **out, rf_store *store, const char *program,
				 const char *advocate, const char *order_id);

/** Release a reward list. NULL is ignored. */
RF_EXTERN void rf_reward_list_free(rf_reward_list *list);

/** A holder's balances in one unit, derived from the ledger. */
typedef struct rf_balance {
	const char *recipient;
	int32_t side;             /**< RF_SIDE_REFERRER for advocates */
	int32_t kind;             /**< rf_reward_kind */
	const char *unit;
	int64_t held, pending, approved, paid; /**< >= 0 */
	int64_t owed;             /**< clawed back after payment, not yet recovered (>= 0) */
} rf_balance;

typedef struct rf_balance_list {
	size_t count;
	rf_balance **items;
} rf_balance_list;

/**
 * Balances of a program's holders, or one advocate's: advocates first,
 * then referees, each by recipient id, then kind and unit.
 * Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_reward_balances(rf_balance_list **out, rf_store *store, const char *program,
				 const char *advocate);

/** Release a balance list. NULL is ignored. */
RF_EXTERN void rf_balance_list_free(rf_balance_list *list);

/**
 * Approve every pending reward whose holding period ended at or before
 * `at_ms` (0: the store's clock). Idempotent. `approved` (may be NULL)
 * receives how many were approved by this call.
 * Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_reward_settle(size_t *approved, rf_store *store, const char *program,
			       int64_t at_ms);

/** One line of a payout: what one holder receives in one unit. */
typedef struct rf_payout_line {
	const char *recipient;
	int32_t side;
	int32_t kind;
	const char *unit;
	int64_t amount;           /**< transferred: approved minus owed settled */
	int64_t settled_owed;     /**< owed debt settled from approved rewards */
	int64_t rewards;          /**< rewards paid */
} rf_payout_line;

/** A payout batch. Owned by the object. */
typedef struct rf_payout {
	const char *program;
	const char *payout_id;
	int64_t at_ms;
	size_t count;
	rf_payout_line **lines;   /**< advocates first, then referees, each by recipient id */
	int32_t replayed;         /**< 1 when this id was already paid (RF_DUPLICATE) */
} rf_payout;

/**
 * Pay a program's approved rewards in one batch identified by
 * `payout_id` (the host's key): settles first (as rf_reward_settle() at
 * `at_ms`), then for each holder and unit pays the approved rewards when
 * approved minus owed reaches the policy's minimum payout (cash and credit;
 * points and coupons: any amount), settling what is owed first. Running the
 * same id again pays nothing and returns the batch with RF_DUPLICATE.
 * Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_payout_run(rf_payout **out, rf_store *store, const char *program,
			    const char *payout_id, int64_t at_ms);

/** Release a payout. NULL is ignored. */
RF_EXTERN void rf_payout_free(rf_payout *payout);

/** Verify the reward ledger's invariants. Errors: RF_ECORRUPT (named), database errors. */
RF_EXTERN int rf_reward_check(rf_store *store);

RF_END_DECL
#endif
