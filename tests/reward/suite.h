/* test_reward: reward rules, caps, the ledger and its invariants. */
#ifndef TEST_REWARD_SUITE_H
#define TEST_REWARD_SUITE_H

#include "fixture.h"

#define DAY INT64_C(86400000)
#define HOUR INT64_C(3600000)

/* Program "p" (last touch) with advocates ann and bob and one code each. */
int rw_setup(void **state);
/* Codes of ann and bob in "p". */
const char *rw_code(const char *advocate);
/* A click on the advocate's code by `visitor` an hour before `at` (no fast-conversion
 * signal), then a conversion. */
int rw_convert(rft_fixture *f, const char *advocate, const char *visitor, const char *order,
	       int32_t kind, int64_t value, const char *currency, int64_t at);
int rw_refund(rft_fixture *f, const char *order, const char *refund_id, int64_t amount,
	      int64_t at);
/* Add a rule; returns its id. */
int64_t rw_rule(rft_fixture *f, const rf_reward_rule *rule);
/* The rewards of the program (one advocate's, or one order's; NULL: all). */
rf_reward_list *rw_list(rft_fixture *f, const char *advocate, const char *order);
/* Balance of a recipient in a unit (all zero when it has none). */
rf_balance rw_balance(rft_fixture *f, const char *recipient, const char *unit, int32_t kind);

int reward_ledger_tests(void);
int reward_rules_tests(void);
int reward_random_tests(void);

#endif
