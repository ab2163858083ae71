/*
 * Pure reward math: which rules fire for a conversion and how much each
 * gives (rfc_reward_evaluate), what caps and the budget leave of it
 * (rfc_reward_cap), and how much of a reward a refund claws back
 * (rfc_reward_clawed). No I/O; every input is passed in.
 */
#ifndef RF_CORE_REWARD_H
#define RF_CORE_REWARD_H

#include <stddef.h>
#include <stdint.h>

/* A rule as the core sees it (rf_reward_rule, checked, currency upper-case). */
typedef struct rfc_reward_rule {
	int64_t id;
	int32_t side, event, kind, basis;
	int64_t amount, min_referrals, max_referrals, nth;
	int32_t months, kinds;
	int64_t min_value, max_value;
	char currency[4]; /* "" : any */
	int32_t approve_at_once;
} rfc_reward_rule;

/* One credited advocate of the conversion. */
typedef struct rfc_reward_share {
	int64_t value_minor; /* attributed share of the value */
	int64_t referrals;   /* the advocate's referral count, this one included */
} rfc_reward_share;

typedef struct rfc_reward_input {
	int32_t kind;              /* rf_conversion_kind */
	int64_t value_minor;
	const char *currency;      /* upper-case */
	int64_t at;
	int64_t person_nth;        /* this conversion's rank among the person's (1-based) */
	int64_t first_purchase_at; /* the person's first purchase, -1: none */
	size_t share_count;
	const rfc_reward_share *shares;
} rfc_reward_input;

#define RFC_REWARD_NOTE 160

/* A reward a rule gives, before caps. */
typedef struct rfc_reward_line {
	int64_t rule_id;
	int32_t side, kind;
	int32_t share;   /* index into shares (referrer side); -1: the referee */
	int64_t amount;  /* > 0 unless the rule computed 0 */
	int32_t approve_at_once;
	char note[RFC_REWARD_NOTE];
} rfc_reward_line;

/* Which rules need the person's rank or first purchase (to skip queries). */
int rfc_reward_needs_person(const rfc_reward_rule *rules, size_t n);

/* Evaluate `n` rules for a conversion into `out` (room for `max` lines);
 * returns the number of lines (at most max). Referrer rules give one line
 * per share they apply to; referee rules one line. */
size_t rfc_reward_evaluate(const rfc_reward_rule *rules, size_t n, const rfc_reward_input *in,
			   rfc_reward_line *out, size_t max);

/* `bp` basis points of `value`, rounded down (value <= 10^15, bp <= 10000). */
int64_t rfc_reward_percent(int64_t value, int64_t bp);

/* The time `months` calendar months after `at` (UTC, day clamped to the month's end). */
int64_t rfc_add_months(int64_t at, int32_t months);

/* Cap windows: UTC day, week, month, all time. */
enum { RFC_CAP_DAY, RFC_CAP_WEEK, RFC_CAP_MONTH, RFC_CAP_TOTAL, RFC_CAP_WINDOWS };

typedef struct rfc_caps {
	int64_t count[RFC_CAP_WINDOWS];  /* 0: no cap */
	int64_t amount[RFC_CAP_WINDOWS]; /* 0: no cap */
	int64_t budget_left;             /* -1: no budget for this unit */
} rfc_caps;

typedef struct rfc_cap_usage {
	int64_t count[RFC_CAP_WINDOWS];
	int64_t amount[RFC_CAP_WINDOWS];
} rfc_cap_usage;

/* What caps leave of `want` given the holder's usage: `want`, less, or 0;
 * when cut, `why` (may be NULL) says which cap. */
int64_t rfc_reward_cap(const rfc_caps *caps, const rfc_cap_usage *used, int64_t want, char *why,
		       size_t why_size);

/* Count a granted reward into usage (and the budget). */
void rfc_reward_use(rfc_caps *caps, rfc_cap_usage *used, int64_t granted);

/* Total clawed back from a reward of `amount` once `refunded` of the
 * conversion's `value` is refunded: amount - floor(amount * left / value),
 * so partial refunds add up to exactly the reward at a full refund. */
int64_t rfc_reward_clawed(int64_t amount, int64_t value, int64_t refunded);

#endif
