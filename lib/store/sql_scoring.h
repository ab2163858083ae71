/* Statements of the scoring area (see sql.h): activities, scoring
 * configurations, the per-advocate score state, tiers, badges,
 * leaderboards and program metrics.
 *
 * Common parameters: ?1 program id. */
#ifndef RF_STORE_SQL_SCORING_H
#define RF_STORE_SQL_SCORING_H

#define RFS_SCORE_CONFIG_COLUMNS                                                            \
	"SELECT version, activity_weights, activity_half_life_ms, value_half_life_ms,"      \
	" weight_activity, weight_value, weight_quality, weight_network,"                   \
	" activity_half_points, value_half_minor, risk_percent, tiers FROM score_config"

#define RFS_SCORE_STATE_COLUMNS                                                             \
	"s.advocate_id, s.config_version, s.act_sum, s.act_ref, s.val_sum, s.val_ref,"      \
	" s.activities, s.reviews, s.referrals, s.kept, s.value_net, s.last_at, s.network"

/* One advocate's credited share of each conversion crediting it, as
 * (advocate, conversion time, net value, kept). */
#define RFS_CREDITED_SHARES                                                                 \
	"SELECT cr.advocate_id AS adv, c.at AS at,"                                         \
	" sum(cr.value_minor + " RFS_REFUNDED_OF_CREDIT ") AS v,"                           \
	" (c.value_minor = 0 OR c.refunded_minor < c.value_minor) AS kept"                  \
	" FROM credit cr JOIN conversion c ON c.id = cr.conversion_id"

#define RFS_STATEMENTS_SCORING(X)                                                          \
	X(ACTIVITY_INSERT, "INSERT INTO activity(program_id, advocate_id, type, at, channel, content," \
			   " answer) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")                 \
	/* ?2 advocate (0: all), ?3 from, ?4 to, ?5 limit. */                      \
	X(ACTIVITY_LIST, "SELECT a.id, ad.external_id, a.type, a.at, a.channel,"           \
			 " coalesce(a.content, ''), coalesce(a.answer, -1)"                \
			 " FROM activity a JOIN advocate ad ON ad.id = a.advocate_id"      \
			 " WHERE a.program_id = ?1 AND (?2 = 0 OR a.advocate_id = ?2)"     \
			 " AND a.at >= ?3 AND a.at < ?4 ORDER BY a.at DESC, a.id DESC LIMIT ?5") \
	X(SCORE_CONFIG_LATEST, RFS_SCORE_CONFIG_COLUMNS " WHERE program_id = ?1"          \
			       " ORDER BY version DESC LIMIT 1")                           \
	X(SCORE_CONFIG_INSERT, "INSERT INTO score_config(program_id, version, activity_weights," \
			       " activity_half_life_ms, value_half_life_ms, weight_activity," \
			       " weight_value, weight_quality, weight_network, activity_half_points," \
			       " value_half_minor, risk_percent, tiers, created_at)"       \
			       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)") \
	X(SCORE_STATE_GET, "SELECT " RFS_SCORE_STATE_COLUMNS " FROM score_state s"          \
			   " WHERE s.program_id = ?1 AND s.advocate_id = ?2")              \
	X(SCORE_STATE_PUT, "INSERT OR REPLACE INTO score_state(program_id, advocate_id,"   \
			   " config_version, act_sum, act_ref, val_sum, val_ref, activities," \
			   " reviews, referrals, kept, value_net, last_at, network)"       \
			   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)") \
	/* The full recompute overwrites rows in place: an UPDATE that leaves \
	 * the keys alone skips the foreign key checks an INSERT makes (they  \
	 * were a third of the recompute). */                                 \
	X(SCORE_STATE_UPDATE, "UPDATE score_state SET config_version = ?3, act_sum = ?4,"  \
			      " act_ref = ?5, val_sum = ?6, val_ref = ?7, activities = ?8," \
			      " reviews = ?9, referrals = ?10, kept = ?11, value_net = ?12," \
			      " last_at = ?13, network = ?14"                               \
			      " WHERE program_id = ?1 AND advocate_id = ?2")                \
	X(SCORE_STATE_DELETE, "DELETE FROM score_state WHERE program_id = ?1 AND advocate_id = ?2") \
	/* The stored rows a full recompute compares with, by advocate. */       \
	X(SCORE_STATE_SCAN, "SELECT " RFS_SCORE_STATE_COLUMNS " FROM score_state s"        \
			    " WHERE s.program_id = ?1 ORDER BY s.advocate_id")             \
	/* Every state row of a program with its advocate, by advocate id. */     \
	X(SCORE_STATE_ALL, "SELECT " RFS_SCORE_STATE_COLUMNS ", a.external_id, a.display_name" \
			   " FROM score_state s JOIN advocate a ON a.id = s.advocate_id"   \
			   " WHERE s.program_id = ?1 ORDER BY s.advocate_id")              \
	/* Full recompute: every activity of the program, by advocate (the   \
	 * covering index's order); the decay is done in C over the rows.     \
	 * Grouping in SQL with a CASE for the weights and pow() per row was  \
	 * 3.3x one raw GROUP BY; streaming rows is ~1x. */                   \
	X(SCORE_ACTIVITY_ROWS, "SELECT advocate_id, type, at"                             \
			       " FROM activity INDEXED BY activity_advocate"               \
			       " WHERE program_id = ?1 ORDER BY advocate_id")              \
	/* Retention: fold the activities before ?2 into the carried sums, at  \
	 * ref ?2 under half-life ?3 (a carried sum made under another        \
	 * half-life is converted as if its events shared their mean decay). */ \
	X(SCORE_CARRY_FOLD, "INSERT INTO score_carry(program_id, advocate_id, type, events, decayed," \
			    " ref, half_life_ms, last_at)"                                 \
			    " SELECT ?1, advocate_id, type, count(*),"                     \
			    " sum(pow(0.5, (?2 - at) / CAST(?3 AS REAL))), ?2, ?3, max(at)" \
			    " FROM activity INDEXED BY activity_advocate"                  \
			    " WHERE program_id = ?1 AND at < ?2 GROUP BY advocate_id, type" \
			    " ON CONFLICT(program_id, advocate_id, type) DO UPDATE SET"    \
			    " decayed = excluded.decayed + events * pow(decayed / events," \
			    " CAST(half_life_ms AS REAL) / excluded.half_life_ms)"         \
			    " * pow(0.5, (excluded.ref - ref) / CAST(excluded.half_life_ms AS REAL))," \
			    " events = events + excluded.events, ref = excluded.ref,"      \
			    " half_life_ms = excluded.half_life_ms,"                       \
			    " last_at = max(last_at, excluded.last_at)")                   \
	/* The full recompute's carried sums, by advocate. */                   \
	X(SCORE_CARRY_ROWS, "SELECT advocate_id, type, events, decayed, ref, half_life_ms, last_at" \
			    " FROM score_carry WHERE program_id = ?1 ORDER BY advocate_id, type") \
	X(SCORE_CREDIT_GROUPS, "SELECT adv, count(*), sum(kept), sum(v),"                 \
			       " sum(v * pow(0.5, (?2 - at) / ?3)), max(at) FROM ("        \
			       RFS_CREDITED_SHARES " WHERE c.program_id = ?1 AND cr.weight > 0" \
			       " GROUP BY cr.advocate_id, cr.conversion_id)"               \
			       " GROUP BY adv ORDER BY adv")                               \
	/* Incremental: a refund's share per advocate. */                          \
	X(REFUND_SHARES, "SELECT cr.advocate_id, sum(rc.value_minor) FROM refund_credit rc" \
			 " JOIN credit cr ON cr.conversion_id = rc.conversion_id AND cr.seq = rc.seq" \
			 " WHERE rc.refund_id = ?1 AND cr.weight > 0 GROUP BY cr.advocate_id") \
	/* The events that moved an advocate's score: activities (?3 type,    \
	 * ignored) and credited conversions, newest first, ?4 the most. */   \
	X(SCORE_ACTIVITY_EVENTS, "SELECT id, type, at FROM activity"                      \
				 " WHERE program_id = ?1 AND advocate_id = ?2"             \
				 " ORDER BY at DESC, id DESC LIMIT ?4")                    \
	X(SCORE_CREDIT_EVENTS, "SELECT c.id, c.order_id, c.at,"                           \
			       " sum(cr.value_minor + " RFS_REFUNDED_OF_CREDIT ")"         \
			       " FROM credit cr JOIN conversion c ON c.id = cr.conversion_id" \
			       " WHERE cr.advocate_id = ?2 AND cr.weight > 0 AND c.program_id = ?1" \
			       " GROUP BY c.id ORDER BY c.at DESC, c.id DESC LIMIT ?4")    \
	/* RFM: how many of the program's advocates are at or below ?2       \
	 * (last event), ?3 (activities + referrals), ?4 (net value). */      \
	X(SCORE_RFM, "SELECT count(*), coalesce(sum(last_at <= ?2), 0),"                     \
		     " coalesce(sum(activities + referrals <= ?3), 0), coalesce(sum(value_net <= ?4), 0)" \
		     " FROM score_state WHERE program_id = ?1")                              \
	/* The fraud checks' mean risk of an advocate's conversions. */       \
	X(SCORE_RISK, "SELECT coalesce(avg(risk), 0) FROM fraud_check INDEXED BY fraud_check_advocate" \
		      " WHERE advocate_id = ?2 AND program_id = ?1")                        \
	/* The scores export: every state row with its advocate, tier and     \
	 * fraud risk, by advocate (?2, ?3: the export's period, unused). */    \
	X(EXPORT_SCORES, "SELECT " RFS_SCORE_STATE_COLUMNS ", a.external_id,"              \
			 " coalesce((SELECT t.tier FROM score_tier t WHERE t.program_id = s.program_id" \
			 " AND t.advocate_id = s.advocate_id), 0),"                         \
			 " (SELECT coalesce(avg(f.risk), 0) FROM fraud_check f INDEXED BY fraud_check_advocate" \
			 " WHERE f.advocate_id = s.advocate_id AND f.program_id = s.program_id)" \
			 " FROM score_state s JOIN advocate a ON a.id = s.advocate_id"      \
			 " WHERE s.program_id = ?1 AND ?2 <= ?3 ORDER BY s.advocate_id")   \
	X(SCORE_TIER_GET, "SELECT tier, at FROM score_tier WHERE program_id = ?1 AND advocate_id = ?2") \
	X(SCORE_TIER_PUT, "INSERT OR REPLACE INTO score_tier(program_id, advocate_id, tier, at)" \
			  " VALUES(?1, ?2, ?3, ?4)")                                       \
	X(BADGE_INSERT, "INSERT OR IGNORE INTO badge(program_id, advocate_id, badge, period, at)" \
			" VALUES(?1, ?2, ?3, ?4, ?5)")                                     \
	X(BADGE_LIST, "SELECT badge, period, at FROM badge WHERE program_id = ?1 AND advocate_id = ?2" \
		      " ORDER BY at, badge, period")                                       \
	/* Period leaderboards: ?2 from, ?3 to. */                                 \
	X(BOARD_ACTIVITY, "SELECT x.advocate_id, x.type, count(*), a.external_id, a.display_name" \
			  " FROM activity x INDEXED BY activity_program_at"                \
			  " JOIN advocate a ON a.id = x.advocate_id"                       \
			  " WHERE x.program_id = ?1 AND x.at >= ?2 AND x.at < ?3"          \
			  " GROUP BY x.advocate_id, x.type ORDER BY x.advocate_id, x.type") \
	X(BOARD_CREDIT, "SELECT adv, count(*), sum(v), a.external_id, a.display_name FROM (" \
			RFS_CREDITED_SHARES " WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3" \
			" AND cr.weight > 0 GROUP BY cr.advocate_id, cr.conversion_id)"    \
			" JOIN advocate a ON a.id = adv GROUP BY adv ORDER BY adv")        \
	/* Program metrics over [?2, ?3). */                                       \
	X(METRIC_ADVOCATES, "SELECT count(*) FROM (SELECT advocate_id FROM code WHERE program_id = ?1" \
			    " UNION SELECT advocate_id FROM score_state WHERE program_id = ?1)") \
	X(METRIC_ACTIVE, "SELECT count(*) FROM (SELECT advocate_id FROM activity"          \
			 " WHERE program_id = ?1 AND at >= ?2 AND at < ?3"                 \
			 " UNION SELECT cr.advocate_id FROM conversion c"                  \
			 " JOIN credit cr ON cr.conversion_id = c.id"                      \
			 " WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3 AND cr.weight > 0)") \
	X(METRIC_INVITES, "SELECT count(*), count(DISTINCT advocate_id) FROM activity"    \
			  " WHERE program_id = ?1 AND at >= ?2 AND at < ?3 AND type = ?4") \
	X(METRIC_NPS, "SELECT coalesce(sum(answer >= 9), 0),"                              \
		      " coalesce(sum(answer BETWEEN 7 AND 8), 0), coalesce(sum(answer <= 6), 0)" \
		      " FROM activity WHERE program_id = ?1 AND at >= ?2 AND at < ?3"       \
		      " AND type = ?4 AND answer IS NOT NULL")                             \
	/* Cycle time: conversion time minus its earliest credited touch. */      \
	X(METRIC_CYCLE, "SELECT coalesce(avg(d), 0), count(*) FROM (SELECT c.at - min(t.at) AS d" \
			" FROM conversion c JOIN credit cr ON cr.conversion_id = c.id"     \
			" JOIN touchpoint t ON t.id = cr.touchpoint_id"                    \
			" WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3 AND cr.weight > 0" \
			" GROUP BY c.id)")                                                 \
	X(METRIC_REFERRED, "SELECT count(DISTINCT c.id) FROM conversion c"                \
			   " JOIN credit cr ON cr.conversion_id = c.id"                    \
			   " WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3 AND cr.weight > 0")

#endif
