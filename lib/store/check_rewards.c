/* The reward ledger's invariants, checked from the entries themselves. */
#include "store/rewards.h"

#define B(b) "sum(CASE WHEN dst = " #b " THEN amount WHEN src = " #b " THEN -amount ELSE 0 END)"

/* Per reward: what the program gave (net), first earned, and per bucket. */
#define PER_REWARD                                                                         \
	"(SELECT reward_id, sum(CASE WHEN src = 0 THEN amount WHEN dst = 0 THEN -amount ELSE 0 END) net," \
	" sum(CASE WHEN src = 0 AND amount > 0 THEN amount ELSE 0 END) earned,"              \
	" -sum(CASE WHEN src = 0 AND amount < 0 THEN amount ELSE 0 END) clawed,"             \
	" " B(1) " h, " B(2) " p, " B(3) " a, " B(4) " pd, " B(5) " o"                      \
	" FROM ledger WHERE reward_id IS NOT NULL GROUP BY reward_id)"

static const rfs_check_item checks[] = {
	{ "SELECT 1 FROM (SELECT " B(1) " h, " B(2) " p, " B(3) " a, " B(4) " pd, " B(5) " o"
	  " FROM ledger GROUP BY program_id, holder_kind, holder_id, kind, unit)"
	  " WHERE h < 0 OR p < 0 OR a < 0 OR pd < 0 OR o > 0 LIMIT 1",
	  "a holder's held, pending, approved or paid balance is negative, or owed is positive" },
	{ "SELECT r.id FROM reward r LEFT JOIN " PER_REWARD " l ON l.reward_id = r.id"
	  " WHERE coalesce(l.earned, 0) != r.amount OR coalesce(l.clawed, 0) != r.clawed"
	  " OR coalesce(l.net, 0) < 0"
	  " OR coalesce(l.net, 0) > r.amount OR l.h < 0 OR l.p < 0 OR l.a < 0 LIMIT 1",
	  "a reward's entries do not match its amount" },
	{ "SELECT r.id FROM reward r LEFT JOIN " PER_REWARD " l ON l.reward_id = r.id WHERE"
	  " (r.state IN (5, 7) AND (r.amount != 0 OR l.reward_id IS NOT NULL))"
	  " OR (r.state = 1 AND (l.p != 0 OR l.a != 0 OR l.pd != 0))"
	  " OR (r.state = 2 AND (l.h != 0 OR l.a != 0 OR l.pd != 0))"
	  " OR (r.state = 3 AND (l.h != 0 OR l.p != 0 OR l.pd != 0))"
	  " OR (r.state = 4 AND (l.h != 0 OR l.p != 0 OR l.a != 0))"
	  " OR (r.state IN (6, 8) AND (l.h != 0 OR l.p != 0 OR l.a != 0))"
	  " OR (r.state = 6 AND l.net != 0) LIMIT 1",
	  "a reward's state does not match its entries" },
	{ "SELECT p.id FROM payout p WHERE (SELECT coalesce(sum(amount), 0) FROM payout_line"
	  " WHERE payout_id = p.id) != (SELECT coalesce(sum(CASE WHEN src = 3 THEN amount"
	  " ELSE -amount END), 0) FROM ledger WHERE payout_id = p.id) LIMIT 1",
	  "a payout's lines do not add up to its entries" },
	{ "SELECT 1 FROM (SELECT program_id, holder_kind, holder_id, kind, unit, " B(4) " pd"
	  " FROM ledger GROUP BY program_id, holder_kind, holder_id, kind, unit) b"
	  " LEFT JOIN (SELECT p.program_id, pl.holder_kind, pl.holder_id, pl.kind, pl.unit,"
	  " sum(pl.amount) s FROM payout_line pl JOIN payout p ON p.id = pl.payout_id"
	  " GROUP BY p.program_id, pl.holder_kind, pl.holder_id, pl.kind, pl.unit) q"
	  " ON q.program_id = b.program_id AND q.holder_kind = b.holder_kind"
	  " AND q.holder_id = b.holder_id AND q.kind = b.kind AND q.unit = b.unit"
	  " WHERE b.pd != coalesce(q.s, 0) LIMIT 1",
	  "a holder's paid balance differs from what payouts transferred" },
	{ "SELECT r.id FROM reward r WHERE r.kind = 4 AND r.amount > 0"
	  " AND NOT EXISTS(SELECT 1 FROM reward_code c WHERE c.reward_id = r.id) LIMIT 1",
	  "a coupon reward has no code" },
	{ "SELECT l.id FROM ledger l LEFT JOIN reward r ON r.id = l.reward_id"
	  " WHERE l.reward_id IS NOT NULL AND (r.id IS NULL OR r.holder_kind != l.holder_kind"
	  " OR r.holder_id != l.holder_id OR r.kind != l.kind OR r.unit != l.unit) LIMIT 1",
	  "a ledger entry is booked to another holder than its reward's" },
};

int rfs_check_rewards(rf_store *s)
{
	return rfs_run_checks(s, checks, sizeof(checks) / sizeof(checks[0]));
}
