/* Ledger moves shared by the reward hooks and the public ledger calls. */
#ifndef RF_API_REWARD_LEDGER_H
#define RF_API_REWARD_LEDGER_H

#include "api/api.h"
#include "core/calendar.h"
#include "store/rewards.h"

/* Book one entry moving `amount` of a reward's (or holder's) account from
 * bucket src to dst, keyed by `cause`; an entry whose cause is already
 * booked is not booked again. */
int rf__reward_move(rf_store *s, int64_t program_id, const char *cause, int64_t reward_id,
		    int64_t payout_id, const rfs_holder *h, int32_t src, int32_t dst,
		    int64_t amount, int64_t at);

/* Approve a program's pending rewards due at `at`; *count (may be NULL)
 * receives how many. */
int rf__reward_settle(rf_store *s, int64_t program_id, int64_t at, size_t *count);

#endif
