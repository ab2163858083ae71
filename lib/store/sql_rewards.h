/* Statements of the rewards area (see sql.h and rewards.c). Ledger
 * buckets: 0 program, 1 held, 2 pending, 3 approved, 4 paid, 5 owed. */
#ifndef RF_STORE_SQL_REWARDS_H
#define RF_STORE_SQL_REWARDS_H

#define RFS_RW_CONFIG_COLUMNS                                                              \
	"SELECT version, holding_ms, min_payout_minor, day_count, day_amount, week_count,"  \
	" week_amount, month_count, month_amount, total_count, total_amount, budget_minor," \
	" budget_currency FROM reward_config"

/* Balance of bucket b over ledger rows `l`. */
#define RFS_RW_BUCKET(b) \
	"coalesce(sum(CASE WHEN l.dst = " #b " THEN l.amount WHEN l.src = " #b " THEN -l.amount ELSE 0 END), 0)"

/* Recipient name of reward or ledger row `x`. */
#define RFS_RW_RECIPIENT(x)                                                                \
	"CASE " x ".holder_kind WHEN 1 THEN (SELECT external_id FROM advocate WHERE id = " x ".holder_id)" \
	" WHEN 2 THEN (SELECT ext FROM customer WHERE id = " x ".holder_id)"               \
	" ELSE (SELECT ext FROM visitor WHERE id = " x ".holder_id) END"

/* Live rewards (granted, counted by caps and budget, by count and by
 * what is left after refunds' clawbacks: amount - clawed). */
#define RFS_RW_LIVE "state IN (1, 2, 3, 4, 8)"

#define RFS_STATEMENTS_REWARDS(X)                                                          \
	X(RW_CONFIG_LATEST, RFS_RW_CONFIG_COLUMNS " WHERE program_id = ?1"                 \
			    " ORDER BY version DESC LIMIT 1")                              \
	X(RW_CONFIG_AT, RFS_RW_CONFIG_COLUMNS " WHERE program_id = ?1 AND version = ?2")   \
	X(RW_CONFIG_INSERT, "INSERT INTO reward_config(program_id, version, holding_ms,"    \
			    " min_payout_minor, day_count, day_amount, week_count, week_amount," \
			    " month_count, month_amount, total_count, total_amount, budget_minor," \
			    " budget_currency, created_at)"                                \
			    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)") \
	X(RW_RULES_AT, "SELECT id, side, event, kind, basis, amount, min_referrals, max_referrals," \
		       " nth, months, kinds, min_value, max_value, currency, code_bank,"   \
		       " approve_at_once, label FROM reward_rule"                          \
		       " WHERE program_id = ?1 AND added_version <= ?2"                    \
		       " AND (removed_version IS NULL OR removed_version > ?2) ORDER BY id") \
	X(RW_RULE_INSERT, "INSERT INTO reward_rule(program_id, added_version, side, event, kind," \
			  " basis, amount, min_referrals, max_referrals, nth, months, kinds," \
			  " min_value, max_value, currency, code_bank, approve_at_once, label)" \
			  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14," \
			  " ?15, ?16, ?17, ?18)")                                          \
	X(RW_RULE_REMOVE, "UPDATE reward_rule SET removed_version = ?3"                    \
			  " WHERE id = ?2 AND program_id = ?1 AND removed_version IS NULL") \
	X(RW_CODE_INSERT, "INSERT INTO reward_code(program_id, bank, code) VALUES(?1, ?2, ?3)" \
			  " ON CONFLICT DO NOTHING")                                       \
	X(RW_CODE_FREE, "SELECT id, code FROM reward_code"                                 \
			" WHERE program_id = ?1 AND bank = ?2 AND reward_id IS NULL ORDER BY id LIMIT 1") \
	X(RW_CODE_TAKE, "UPDATE reward_code SET reward_id = ?2 WHERE id = ?1")             \
	X(RW_REFERRALS_BUMP, "INSERT INTO reward_referrals(program_id, advocate_id, referrals)" \
			     " VALUES(?1, ?2, 1) ON CONFLICT(program_id, advocate_id)"     \
			     " DO UPDATE SET referrals = referrals + 1 RETURNING referrals") \
	X(RW_REFERRALS_GET, "SELECT referrals FROM reward_referrals"                         \
			    " WHERE program_id = ?1 AND advocate_id = ?2")                 \
	X(RW_REFERRALS_DROP, "UPDATE reward_referrals SET referrals = referrals - 1"       \
			     " WHERE program_id = ?1 AND advocate_id = ?2 AND referrals > 0") \
	X(RW_HELD_REFERRAL_INSERT, "INSERT OR IGNORE INTO reward_held_referral(conversion_id," \
				   " program_id, advocate_id) VALUES(?1, ?2, ?3)")         \
	X(RW_HELD_REFERRALS_TAKE, "DELETE FROM reward_held_referral WHERE conversion_id = ?1" \
				  " RETURNING program_id, advocate_id")                    \
	X(RW_INSERT, "INSERT INTO reward(program_id, conversion_id, holder_kind, holder_id, side," \
		     " rule_id, config_version, kind, unit, requested, amount, state,"     \
		     " approve_at_once, coupon, note, created_at, due_at)"                 \
		     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)") \
	X(RW_SET_STATE, "UPDATE reward SET state = ?2, due_at = ?3 WHERE id = ?1")         \
	/* After clawbacks: the reward's clawed total, from its entries. */        \
	X(RW_SET_CLAWED, "UPDATE reward SET clawed = (SELECT coalesce(-sum(l.amount), 0)"  \
			 " FROM ledger l WHERE l.reward_id = ?1 AND l.src = 0 AND l.amount < 0)" \
			 " WHERE id = ?1")                                                 \
	X(RW_USAGE, "SELECT coalesce(sum(created_at >= ?5), 0),"                           \
		    " coalesce(sum(CASE WHEN created_at >= ?5 THEN amount - clawed END), 0)," \
		    " coalesce(sum(created_at >= ?6), 0),"                                 \
		    " coalesce(sum(CASE WHEN created_at >= ?6 THEN amount - clawed END), 0)," \
		    " coalesce(sum(created_at >= ?7), 0),"                                 \
		    " coalesce(sum(CASE WHEN created_at >= ?7 THEN amount - clawed END), 0)," \
		    " count(*), coalesce(sum(amount - clawed), 0) FROM reward"             \
		    " WHERE program_id = ?1 AND holder_kind = ?2 AND holder_id = ?3 AND unit = ?4" \
		    " AND " RFS_RW_LIVE)                                                   \
	X(RW_BUDGET_USED, "SELECT coalesce(sum(amount - clawed), 0) FROM reward"          \
			  " WHERE program_id = ?1 AND unit = ?2 AND " RFS_RW_LIVE)         \
	X(RW_OF_CONVERSION, "SELECT id, holder_kind, holder_id, kind, unit, amount, state,"  \
			    " config_version, approve_at_once, program_id FROM reward"     \
			    " WHERE conversion_id = ?1 ORDER BY id")                       \
	X(RW_REWARD_BUCKETS, "SELECT " RFS_RW_BUCKET(1) ", " RFS_RW_BUCKET(2) ", "          \
			     RFS_RW_BUCKET(3) ", " RFS_RW_BUCKET(4) ", " RFS_RW_BUCKET(5) "," \
			     " coalesce(-sum(CASE WHEN l.src = 0 AND l.amount < 0 THEN l.amount END), 0)" \
			     " FROM ledger l WHERE l.reward_id = ?1")                      \
	X(RW_DUE, "SELECT id, holder_kind, holder_id, kind, unit, amount FROM reward"      \
		  " WHERE program_id = ?1 AND state = 2 AND due_at <= ?2 ORDER BY id")     \
	X(RW_HELD_OF_CONVERSION, "SELECT id, holder_kind, holder_id, kind, unit, amount,"  \
				 " config_version, approve_at_once, program_id FROM reward" \
				 " WHERE conversion_id = ?1 AND state = 1 ORDER BY id")    \
	X(RW_LIST, "SELECT r.id, c.order_id, " RFS_RW_RECIPIENT("r") ", r.side, r.rule_id,"  \
		   " r.config_version, r.kind, r.state, r.unit, r.requested, r.amount,"    \
		   " (SELECT coalesce(-sum(l.amount), 0) FROM ledger l WHERE l.reward_id = r.id" \
		   " AND l.src = 0 AND l.amount < 0), r.coupon, r.note, r.created_at, r.due_at" \
		   " FROM reward r JOIN conversion c ON c.id = r.conversion_id"            \
		   " WHERE r.program_id = ?1 AND (?2 = 0 OR (r.holder_kind = 1 AND r.holder_id = ?2))" \
		   " AND (?3 = 0 OR r.conversion_id = ?3) ORDER BY r.id")                  \
	X(RW_ENTRY, "INSERT INTO ledger(program_id, cause, reward_id, payout_id, holder_kind,"  \
		    " holder_id, kind, unit, src, dst, amount, at)"                        \
		    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"           \
		    " ON CONFLICT(program_id, cause) DO NOTHING")                          \
	X(RW_BALANCES, "SELECT " RFS_RW_RECIPIENT("l") ", l.holder_kind, l.kind, l.unit, "  \
		       RFS_RW_BUCKET(1) ", " RFS_RW_BUCKET(2) ", " RFS_RW_BUCKET(3) ", "  \
		       RFS_RW_BUCKET(4) ", " RFS_RW_BUCKET(5) " FROM ledger l"             \
		       " WHERE l.program_id = ?1 AND (?2 = 0 OR (l.holder_kind = 1 AND l.holder_id = ?2))" \
		       " GROUP BY l.holder_kind, l.holder_id, l.kind, l.unit"              \
		       " ORDER BY l.holder_kind, 1, l.holder_id, l.kind, l.unit")          \
	X(RW_APPROVED, "SELECT r.id, r.holder_kind, r.holder_id, r.kind, r.unit,"          \
		       " (SELECT " RFS_RW_BUCKET(3) " FROM ledger l WHERE l.reward_id = r.id)" \
		       " FROM reward r INDEXED BY reward_due WHERE r.program_id = ?1 AND r.state = 3" \
		       " ORDER BY r.holder_kind, r.holder_id, r.kind, r.unit, r.id")       \
	X(RW_OWED, "SELECT " RFS_RW_BUCKET(5) " FROM ledger l"                             \
		   " WHERE l.program_id = ?1 AND l.holder_kind = ?2 AND l.holder_id = ?3"   \
		   " AND l.kind = ?4 AND l.unit = ?5")                                     \
	X(RW_PAYOUT_FIND, "SELECT id, at FROM payout WHERE program_id = ?1 AND payout_key = ?2") \
	X(RW_PAYOUT_INSERT, "INSERT INTO payout(program_id, payout_key, at) VALUES(?1, ?2, ?3)") \
	X(RW_PAYOUT_LINE_INSERT, "INSERT INTO payout_line(payout_id, holder_kind, holder_id, kind," \
				 " unit, amount, settled_owed, rewards)"                   \
				 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")                \
	X(RW_PAYOUT_LINES, "SELECT " RFS_RW_RECIPIENT("pl") ", pl.holder_kind, pl.kind, pl.unit," \
			   " pl.amount, pl.settled_owed, pl.rewards FROM payout_line pl"   \
			   " WHERE pl.payout_id = ?1"                                      \
			   " ORDER BY pl.holder_kind, 1, pl.holder_id, pl.kind, pl.unit")  \
	X(RW_PERSON_RANK, "SELECT count(*) FROM conversion c WHERE c.id IN ("             \
			  RFS_CONVERSIONS_OF_PERSON ") AND (c.at < ?5 OR (c.at = ?5 AND c.id <= ?6))")

#endif
