/*
 * Rows of the rewards area: configuration versions, rules, code banks,
 * referral counters, rewards, ledger entries and payouts. Reads and
 * writes only; the rules live in core/reward.c and api/reward*.c.
 */
#ifndef RF_STORE_REWARDS_H
#define RF_STORE_REWARDS_H

#include "core/reward.h"
#include "store/rows.h"

/* Ledger buckets. */
enum { RFS_B_PROGRAM = 0, RFS_B_HELD, RFS_B_PENDING, RFS_B_APPROVED, RFS_B_PAID, RFS_B_OWED,
       RFS_BUCKETS };
/* Holders. */
enum { RFS_H_ADVOCATE = 1, RFS_H_CUSTOMER = 2, RFS_H_VISITOR = 3 };

#define RFS_UNIT_SIZE 8

typedef struct rfs_reward_config {
	int64_t version; /* 0: none stored (defaults) */
	rf_reward_policy policy; /* budget_currency points into currency */
	char currency[4];
} rfs_reward_config;

typedef struct rfs_reward_rule {
	rfc_reward_rule core;
	char code_bank[RFS_ID_SIZE];
	char label[RFS_NAME_SIZE];
} rfs_reward_rule;

/* A holder's account set: who, which kind, which unit. */
typedef struct rfs_holder {
	int32_t holder_kind;
	int64_t holder_id;
	int32_t kind;
	char unit[RFS_UNIT_SIZE];
} rfs_holder;

typedef struct rfs_reward_row {
	int64_t id, program_id, conversion_id;
	rfs_holder h;
	int32_t side;
	int64_t rule_id, config_version;
	int64_t requested, amount;
	int32_t state, approve_at_once;
	const char *coupon, *note;
	int64_t created_at, due_at;
} rfs_reward_row;

/* Configuration: latest (version 0 = at latest) or one version; found 0 when none. */
int rfs_rw_config(rf_store *s, int64_t program_id, int64_t version, int *found,
		  rfs_reward_config *out);
int rfs_rw_config_insert(rf_store *s, int64_t program_id, int64_t version,
			 const rf_reward_policy *p, int64_t now);
/* Rules of a configuration version, by id, into a malloc'd array. */
int rfs_rw_rules(rf_store *s, int64_t program_id, int64_t version, rfs_reward_rule **rows,
		 size_t *count);
int rfs_rw_rule_insert(rf_store *s, int64_t program_id, int64_t version,
		       const rfs_reward_rule *r, int64_t *id);
/* Mark a rule removed from `version` on; *changed 0 when no such live rule. */
int rfs_rw_rule_remove(rf_store *s, int64_t program_id, int64_t rule_id, int64_t version,
		       int *changed);

/* Coupon codes. */
int rfs_rw_code_insert(rf_store *s, int64_t program_id, const char *bank, const char *code,
		       int *added);
/* The oldest free code of a bank (found 0 when empty), and giving it to a reward. */
int rfs_rw_code_peek(rf_store *s, int64_t program_id, const char *bank, int *found,
		     int64_t *code_id, char *code, size_t size);
int rfs_rw_code_use(rf_store *s, int64_t code_id, int64_t reward_id);
/* An advocate's referral count. */
int rfs_rw_referrals(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t *count);

/* An advocate's referral count after counting one more. */
int rfs_rw_referral_bump(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t *count);
/* The rank of a conversion among its person's conversions (1-based). */
int rfs_rw_person_rank(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		       int64_t at, int64_t conversion_id, int64_t *rank);

/* Rewards. */
int rfs_rw_insert(rf_store *s, const rfs_reward_row *r, int64_t *id);
int rfs_rw_set_state(rf_store *s, int64_t id, int32_t state, int64_t due_at);
/* Bring reward.clawed up to date with the reward's clawback entries. */
int rfs_rw_set_clawed(rf_store *s, int64_t id);
/* A referral counted for a conversion held for review; at the review the
 * conversion's are forgotten and, when `rejected`, taken off the counters. */
int rfs_rw_held_referral(rf_store *s, int64_t conversion_id, int64_t program_id,
			 int64_t advocate_id);
int rfs_rw_held_referrals_settle(rf_store *s, int64_t conversion_id, int rejected);
/* A holder's usage of a unit since the day, week and month starts. */
int rfs_rw_usage(rf_store *s, int64_t program_id, const rfs_holder *h, const int64_t since[3],
		 rfc_cap_usage *out);
int rfs_rw_budget_used(rf_store *s, int64_t program_id, const char *unit, int64_t *used);
/* Rewards of a conversion (held_only: only held ones), by id, malloc'd;
 * coupon and note are not read. */
int rfs_rw_of_conversion(rf_store *s, int64_t conversion_id, int held_only,
			 rfs_reward_row **rows, size_t *count);
/* Per-bucket balances of one reward (index by RFS_B_*) and its clawed total. */
int rfs_rw_reward_buckets(rf_store *s, int64_t reward_id, int64_t b[RFS_BUCKETS],
			  int64_t *clawed);
/* Pending rewards due at `at`, by id (amount and holder read), malloc'd. */
int rfs_rw_due(rf_store *s, int64_t program_id, int64_t at, rfs_reward_row **rows,
	       size_t *count);
/* Approved rewards (amount = approved balance), by holder then id, malloc'd. */
int rfs_rw_approved(rf_store *s, int64_t program_id, rfs_reward_row **rows, size_t *count);
/* A holder's owed balance (<= 0 means debt). */
int rfs_rw_owed(rf_store *s, int64_t program_id, const rfs_holder *h, int64_t *balance);

/* One ledger entry; *inserted 0 when its cause was already recorded. */
typedef struct rfs_entry {
	int64_t program_id;
	const char *cause;
	int64_t reward_id, payout_id; /* 0: none */
	const rfs_holder *h;
	int32_t src, dst;
	int64_t amount;
	int64_t at;
} rfs_entry;
int rfs_rw_entry(rf_store *s, const rfs_entry *e, int *inserted);

/* Payouts. */
int rfs_rw_payout_find(rf_store *s, int64_t program_id, const char *key, int64_t *id,
		       int64_t *at);
int rfs_rw_payout_insert(rf_store *s, int64_t program_id, const char *key, int64_t at,
			 int64_t *id);
int rfs_rw_payout_line(rf_store *s, int64_t payout_id, const rfs_holder *h, int64_t amount,
		       int64_t settled, int64_t rewards);

/* Listing rows with names, for the public lists. */
typedef struct rfs_reward_out {
	int64_t id;
	char order_id[RFS_ID_SIZE];
	char recipient[RFS_ID_SIZE];
	int32_t side;
	int64_t rule_id, config_version;
	int32_t kind, state;
	char unit[RFS_UNIT_SIZE];
	int64_t requested, amount, clawed;
	char coupon[RFS_ID_SIZE];
	char note[RFS_NOTE_SIZE];
	int64_t created_at, due_at;
} rfs_reward_out;
int rfs_rw_list(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t conversion_id,
		rfs_reward_out **rows, size_t *count);

typedef struct rfs_balance_out {
	char recipient[RFS_ID_SIZE];
	int32_t holder_kind, kind;
	char unit[RFS_UNIT_SIZE];
	int64_t b[RFS_BUCKETS];
} rfs_balance_out;
int rfs_rw_balances(rf_store *s, int64_t program_id, int64_t advocate_id,
		    rfs_balance_out **rows, size_t *count);

typedef struct rfs_payout_out {
	char recipient[RFS_ID_SIZE];
	int32_t holder_kind, kind;
	char unit[RFS_UNIT_SIZE];
	int64_t amount, settled, rewards;
} rfs_payout_out;
int rfs_rw_payout_lines(rf_store *s, int64_t payout_id, rfs_payout_out **rows, size_t *count);

/* The ledger's invariants (RF_ECORRUPT naming the first broken one). */
int rfs_check_rewards(rf_store *s);

#endif
