/*
 * Every SQL statement the library runs, prepared once per store and
 * reused. One list, so the cache and the texts cannot drift apart.
 */
#ifndef RF_STORE_SQL_H
#define RF_STORE_SQL_H

#define RFS_PROGRAM_COLUMNS \
	"SELECT p.id, p.key, p.name, p.status, p.rules_version, p.created_at, p.updated_at," \
	" r.model, r.code_length, r.lookback_ms, r.duplicate_window_ms, r.lock_first_referrer," \
	" r.half_life_ms, r.position_first_bp, r.position_last_bp, r.custom_weights," \
	" r.sale_follows_lead, r.renewal_months" \
	" FROM program p JOIN program_rules r ON r.program_id = p.id AND r.version = p.rules_version"

#define RFS_ADVOCATE_COLUMNS \
	"SELECT id, external_id, kind, display_name, status, email_hash IS NOT NULL, created_at," \
	" coalesce((SELECT ext FROM customer WHERE customer.id = advocate.customer_id), '')," \
	" coalesce(customer_id, 0), coalesce(visitor_id, 0) FROM advocate"

#define RFS_CODE_COLUMNS \
	"SELECT c.id, c.code, c.display, c.program_id, c.advocate_id, c.channel, c.vanity, c.status," \
	" c.expires_at, c.max_uses, c.uses, c.created_at, p.key, p.status, a.external_id, a.status," \
	" r.duplicate_window_ms, coalesce(c.content_id, 0)" \
	" FROM code c JOIN program p ON p.id = c.program_id JOIN advocate a ON a.id = c.advocate_id" \
	" JOIN program_rules r ON r.program_id = p.id AND r.version = p.rules_version"

#define RFS_CONVERSION_COLUMNS \
	"SELECT c.id, p.key, c.order_id, v.ext, c.kind, c.value_minor, c.currency, c.at," \
	" c.attributed, c.model, c.rules_version, c.lookback_ms, c.summary," \
	" coalesce(cu.ext, ''), coalesce(f.order_id, ''), c.refunded_minor, c.parameters" \
	" FROM conversion c JOIN program p ON p.id = c.program_id JOIN visitor v ON v.id = c.visitor_id" \
	" LEFT JOIN customer cu ON cu.id = c.customer_id LEFT JOIN conversion f ON f.id = c.follows_id"

/* Conversions of a person in a program: ?1 program, ?2 visitor, ?4 customer (0: none). */
#define RFS_CONVERSIONS_OF_PERSON \
	"SELECT id FROM conversion WHERE visitor_id = ?2 AND program_id = ?1" \
	" UNION SELECT id FROM conversion WHERE customer_id = ?4 AND program_id = ?1"

/* Conversions of a visitor without a customer (c INDEXED BY
 * conversion_visitor: for ORDER BY at LIMIT 1 the planner otherwise walks
 * the whole program in conversion_program_at): no UNION, no temporary b-tree. */
#define RFS_VISITOR_CONVERSIONS "c.visitor_id = ?2 AND c.program_id = ?1"

/* A journey: the touches `touches` yields (t, with the visitor filter in
 * its join or in `visitor`). CROSS JOIN keeps the visitors first: left to
 * itself the planner walked every touch of the program's codes in the
 * window (touchpoint_code), making each conversion O(touches in the window). */
#define RFS_JOURNEY_OF(touches, visitor) \
	"SELECT t.id, t.at, t.kind, t.code_id, c.advocate_id, c.channel, t.direct" \
	" FROM " touches " CROSS JOIN code c ON c.id = t.code_id" \
	" WHERE " visitor "t.at >= ?2 AND t.at <= ?3 AND t.duplicate = 0" \
	" AND c.program_id = ?4 ORDER BY t.at, t.id"

/* The first credit given for the conversions `person` selects (c, with
 * index `hint`). */
#define RFS_FIRST_REFERRER_OF(hint, person) \
	"SELECT cr.touchpoint_id, cr.code_id, cr.advocate_id, cr.channel, c.order_id," \
	" coalesce((SELECT t.at FROM touchpoint t WHERE t.id = cr.touchpoint_id), 0)" \
	" FROM conversion c" hint " JOIN credit cr ON cr.conversion_id = c.id" \
	" WHERE " person " AND cr.weight > 0 ORDER BY c.at, c.id, cr.seq LIMIT 1"

/* What refunds took from one credit row `cr` (<= 0). */
#define RFS_REFUNDED_OF_CREDIT \
	"coalesce((SELECT sum(rc.value_minor) FROM refund_credit rc" \
	" WHERE rc.conversion_id = cr.conversion_id AND rc.seq = cr.seq), 0)"

#define RFS_STATEMENTS(X)                                                                  \
	X(BEGIN, "BEGIN IMMEDIATE")                                                        \
	X(BEGIN_READ, "BEGIN")                                                             \
	X(COMMIT, "COMMIT")                                                                \
	X(ROLLBACK, "ROLLBACK")                                                            \
	X(META_GET, "SELECT value FROM meta WHERE key = ?1")                               \
	X(PROGRAM_INSERT, "INSERT INTO program(key, name, status, rules_version, created_at, updated_at)" \
			  " VALUES(?1, ?2, 0, 1, ?3, ?3)")                                 \
	X(RULES_INSERT, "INSERT INTO program_rules(program_id, version, model, code_length, lookback_ms," \
			" duplicate_window_ms, lock_first_referrer, created_at, half_life_ms," \
			" position_first_bp, position_last_bp, custom_weights, sale_follows_lead," \
			" renewal_months)"                                                 \
			" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)") \
	X(PROGRAM_BY_KEY, RFS_PROGRAM_COLUMNS " WHERE p.key = ?1")                         \
	X(PROGRAM_BY_ID, RFS_PROGRAM_COLUMNS " WHERE p.id = ?1")                           \
	X(PROGRAM_LIST, RFS_PROGRAM_COLUMNS " WHERE p.status = 0 OR ?1 ORDER BY p.key")    \
	X(PROGRAM_UPDATE, "UPDATE program SET name = ?2, rules_version = ?3, updated_at = ?4 WHERE id = ?1") \
	X(PROGRAM_ARCHIVE, "UPDATE program SET status = 1, updated_at = ?2 WHERE id = ?1") \
	X(ADVOCATE_INSERT, "INSERT INTO advocate(external_id, kind, display_name, email_hash, status, created_at)" \
			   " VALUES(?1, ?2, ?3, ?4, 0, ?5)")                               \
	X(ADVOCATE_BY_EXT, RFS_ADVOCATE_COLUMNS " WHERE external_id = ?1")                 \
	X(ADVOCATE_PAGE, RFS_ADVOCATE_COLUMNS " WHERE id > ?1 ORDER BY id LIMIT ?2")       \
	X(ADVOCATE_SET_STATUS, "UPDATE advocate SET status = ?2 WHERE id = ?1")            \
	X(CODE_INSERT, "INSERT INTO code(code, display, program_id, advocate_id, channel, vanity, status," \
		       " expires_at, max_uses, uses, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, 0, ?9)") \
	X(CODE_EXISTS, "SELECT 1 FROM code WHERE code = ?1")                               \
	X(CODE_BY_TEXT, RFS_CODE_COLUMNS " WHERE c.code = ?1")                             \
	X(CODE_LIST, RFS_CODE_COLUMNS " WHERE c.advocate_id = ?1 AND (?2 = 0 OR c.program_id = ?2)" \
		     " ORDER BY c.id")                                                     \
	X(CODE_SET_STATUS, "UPDATE code SET status = ?2 WHERE id = ?1")                    \
	X(CODE_ADD_USE, "UPDATE code SET uses = uses + 1 WHERE id = ?1")                   \
	X(VISITOR_GET, "SELECT ext FROM visitor WHERE id = ?1")                            \
	X(VISITOR_INSERT, "INSERT INTO visitor(id, ext) VALUES(?1, ?2)")                   \
	X(TOUCH_RECENT, "SELECT 1 FROM touchpoint WHERE visitor_id = ?1 AND at > ?2 AND at < ?3" \
			" AND code_id = ?4 AND duplicate = 0 LIMIT 1")                     \
	X(TOUCH_INSERT, "INSERT INTO touchpoint(code_id, visitor_id, kind, at, duplicate, landing_url," \
			" ip_hash, ua_hash, direct) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	/* The visitor's journey, with every visitor id of its customer. */    \
	X(JOURNEY, RFS_JOURNEY_OF("(SELECT ?1 AS v UNION SELECT visitor_id FROM identity"  \
				  " WHERE customer_id = ?5) vs CROSS JOIN touchpoint t"    \
				  " ON t.visitor_id = vs.v", ""))                          \
	X(FIRST_REFERRER, RFS_FIRST_REFERRER_OF("", "c.id IN (" RFS_CONVERSIONS_OF_PERSON ")")) \
	/* The first attributed conversion of a kind by this visitor/customer. */ \
	X(FIRST_OF_KIND, "SELECT c.id, c.order_id, c.at FROM conversion c"                \
			 " WHERE c.id IN (" RFS_CONVERSIONS_OF_PERSON ") AND c.kind = ?3"  \
			 " AND c.attributed = 1 ORDER BY c.at, c.id LIMIT 1")              \
	X(CREDIT_ROWS, "SELECT touchpoint_id, at_touch, code_id, advocate_id, channel, weight"   \
		       " FROM (SELECT cr.touchpoint_id, coalesce(t.at, 0) AS at_touch, cr.code_id," \
		       " cr.advocate_id, cr.channel, cr.weight, cr.seq FROM credit cr"     \
		       " LEFT JOIN touchpoint t ON t.id = cr.touchpoint_id"                \
		       " WHERE cr.conversion_id = ?1 AND cr.weight > 0) ORDER BY seq")     \
	X(CONVERSION_BY_ORDER, RFS_CONVERSION_COLUMNS " WHERE c.program_id = ?1 AND c.order_id = ?2") \
	X(CONVERSION_INSERT, "INSERT INTO conversion(program_id, order_id, visitor_id, kind, value_minor," \
			     " currency, at, rules_version, model, lookback_ms, attributed, summary," \
			     " customer_id, follows_id, parameters)"                       \
			     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)") \
	X(CREDIT_INSERT, "INSERT INTO credit(conversion_id, seq, touchpoint_id, code_id, advocate_id," \
			 " channel, weight, value_minor, note) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	X(CREDITS_BY_CODE, "SELECT c.code, a.external_id, cr.channel, sum(cr.weight), sum(cr.value_minor)," \
			   " -sum(" RFS_REFUNDED_OF_CREDIT ")"                             \
			   " FROM credit cr JOIN code c ON c.id = cr.code_id"              \
			   " JOIN advocate a ON a.id = cr.advocate_id"                     \
			   " WHERE cr.conversion_id = ?1 AND cr.weight > 0"                \
			   " GROUP BY cr.code_id ORDER BY 4 DESC, min(cr.seq)")            \
	X(CREDITS_EXPLAINED, "SELECT cr.touchpoint_id, c.code, a.external_id, cr.channel,"  \
			     " coalesce(t.kind, 0), coalesce(t.at, 0), cr.weight, cr.value_minor, cr.note" \
			     " FROM credit cr JOIN code c ON c.id = cr.code_id"            \
			     " JOIN advocate a ON a.id = cr.advocate_id"                   \
			     " LEFT JOIN touchpoint t ON t.id = cr.touchpoint_id"          \
			     " WHERE cr.conversion_id = ?1 ORDER BY cr.seq")               \
	/* Refunds. */                                                             \
	X(REFUND_BY_KEY, "SELECT amount_minor FROM refund WHERE conversion_id = ?1 AND refund_key = ?2") \
	X(REFUND_INSERT, "INSERT INTO refund(conversion_id, refund_key, amount_minor, at)" \
			 " VALUES(?1, ?2, ?3, ?4)")                                        \
	X(REFUND_CREDIT_INSERT, "INSERT INTO refund_credit(refund_id, conversion_id, seq, value_minor)" \
				" VALUES(?1, ?2, ?3, ?4)")                                 \
	X(CREDIT_REMAINING, "SELECT cr.seq, cr.value_minor + " RFS_REFUNDED_OF_CREDIT       \
			    " FROM credit cr WHERE cr.conversion_id = ?1 AND cr.weight > 0"  \
			    " ORDER BY cr.seq")                                            \
	X(CONVERSION_ADD_REFUND, "UPDATE conversion SET refunded_minor = refunded_minor + ?2" \
				 " WHERE id = ?1")                                         \
	/* Identities. */                                                          \
	X(CUSTOMER_GET, "SELECT ext FROM customer WHERE id = ?1")                          \
	X(CUSTOMER_INSERT, "INSERT INTO customer(id, ext) VALUES(?1, ?2)")                 \
	X(IDENTITY_GET, "SELECT customer_id FROM identity WHERE visitor_id = ?1")          \
	X(IDENTITY_INSERT, "INSERT INTO identity(visitor_id, customer_id, at) VALUES(?1, ?2, ?3)") \
	/* Data-driven models. */                                                  \
	X(FIT_DELETE, "DELETE FROM model_fit WHERE program_id = ?1 AND model = ?2")        \
	X(FIT_INSERT, "INSERT INTO model_fit(program_id, model, advocate_id, value, fitted_at)" \
		      " VALUES(?1, ?2, ?3, ?4, ?5)")                                       \
	X(FIT_VALUE, "SELECT value, fitted_at FROM model_fit WHERE program_id = ?1 AND model = ?2" \
		     " AND advocate_id = ?3")                                              \
	X(FIT_ANY, "SELECT fitted_at FROM model_fit WHERE program_id = ?1 AND model = ?2 LIMIT 1") \
	X(PROGRAM_ADVOCATES, "SELECT DISTINCT advocate_id FROM code WHERE program_id = ?1"  \
			     " ORDER BY advocate_id")                                      \
	X(FIT_JOURNEYS, "SELECT t.visitor_id, t.at, c.advocate_id"                         \
			" FROM touchpoint t INDEXED BY touchpoint_visitor"                 \
			" JOIN code c ON c.id = t.code_id"                                 \
			" WHERE c.program_id = ?1 AND t.duplicate = 0"                     \
			" ORDER BY t.visitor_id, t.at, t.id")                              \
	/* INDEXED BY: with statistics the planner takes min(at) from the      \
	 * (program, at) index and walks the program's conversions for each    \
	 * visitor, which made a fit over 1M journeys quadratic. */            \
	X(FIRST_CONVERSION_AT, "SELECT min(at) FROM conversion INDEXED BY conversion_visitor" \
			       " WHERE visitor_id = ?1 AND program_id = ?2")               \
	/* Replay: the program's conversions in a period, oldest first. */        \
	X(REPLAY_CONVERSIONS, "SELECT c.id, c.visitor_id, coalesce(c.customer_id, 0), c.kind," \
			      " c.value_minor, c.currency, c.at, coalesce(c.follows_id, 0)" \
			      " FROM conversion c WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3" \
			      " ORDER BY c.at, c.id")                                      \
	X(ADVOCATE_MAX_ID, "SELECT coalesce(max(id), 0) FROM advocate")                \
	X(REPLAY_COUNT, "SELECT count(*) FROM conversion"                                \
			" WHERE program_id = ?1 AND at >= ?2 AND at < ?3")                \
	X(CONVERSION_BY_ID, "SELECT visitor_id, coalesce(customer_id, 0), at, coalesce(follows_id, 0)" \
			    " FROM conversion WHERE id = ?1")                              \
	X(FIRST_CONVERSION_OF_PERSON, "SELECT c.id FROM conversion c WHERE c.id IN ("     \
				      RFS_CONVERSIONS_OF_PERSON ") ORDER BY c.at, c.id LIMIT 1") \
	X(STORED_CREDITS, "SELECT cr.advocate_id, a.external_id, cr.channel, cr.weight, cr.value_minor" \
			  " FROM credit cr JOIN advocate a ON a.id = cr.advocate_id"       \
			  " WHERE cr.conversion_id = ?1 AND cr.weight > 0")                \
	X(ADVOCATE_EXT_BY_ID, "SELECT external_id FROM advocate WHERE id = ?1")            \
	/* Touches purged by retention count from their daily totals. */            \
	X(STATS_TOUCH_PROGRAM, "SELECT count(*) + " RFS_PURGED_TOUCHES("touches", "") ","  \
			       " coalesce(sum(t.duplicate = 0), 0) + " RFS_PURGED_TOUCHES("unique_touches", "") "," \
			       " count(DISTINCT t.visitor_id)"                             \
			       " FROM code c JOIN touchpoint t ON t.code_id = c.id"        \
			       " WHERE c.program_id = ?1 AND t.at >= ?2 AND t.at < ?3"     \
			       " AND t.duplicate < 2")                                     \
	X(STATS_TOUCH_ADVOCATE, "SELECT count(*) + " RFS_PURGED_TOUCHES("touches", " AND c2.advocate_id = ?4") "," \
				" coalesce(sum(t.duplicate = 0), 0) + "                    \
				RFS_PURGED_TOUCHES("unique_touches", " AND c2.advocate_id = ?4") "," \
				" count(DISTINCT t.visitor_id)"                            \
				" FROM code c JOIN touchpoint t ON t.code_id = c.id"       \
				" WHERE c.program_id = ?1 AND c.advocate_id = ?4"          \
				" AND t.at >= ?2 AND t.at < ?3 AND t.duplicate < 2")     \
	X(STATS_CONV_PROGRAM, "SELECT count(*), coalesce(sum(attributed), 0) FROM conversion" \
			      " WHERE program_id = ?1 AND at >= ?2 AND at < ?3")           \
	X(STATS_CREDIT_PROGRAM, "SELECT coalesce(sum(cr.weight), 0) FROM conversion c"    \
				" JOIN credit cr ON cr.conversion_id = c.id"               \
				" WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3 AND cr.weight > 0") \
	X(STATS_CONV_ADVOCATE, "SELECT count(DISTINCT c.id), coalesce(sum(cr.weight), 0) FROM credit cr" \
			       " JOIN conversion c ON c.id = cr.conversion_id"             \
			       " WHERE cr.advocate_id = ?4 AND cr.weight > 0 AND c.program_id = ?1" \
			       " AND c.at >= ?2 AND c.at < ?3")                            \
	X(STATS_VALUE_PROGRAM, "SELECT c.currency, sum(cr.value_minor + " RFS_REFUNDED_OF_CREDIT ")" \
			       " FROM conversion c"                                        \
			       " JOIN credit cr ON cr.conversion_id = c.id"                \
			       " WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3 AND cr.weight > 0" \
			       " GROUP BY c.currency ORDER BY c.currency")                 \
	X(STATS_VALUE_ADVOCATE, "SELECT c.currency, sum(cr.value_minor + " RFS_REFUNDED_OF_CREDIT ")" \
				" FROM credit cr"                                          \
				" JOIN conversion c ON c.id = cr.conversion_id"            \
				" WHERE cr.advocate_id = ?4 AND cr.weight > 0 AND c.program_id = ?1" \
				" AND c.at >= ?2 AND c.at < ?3"                            \
				" GROUP BY c.currency ORDER BY c.currency")

#include "store/sql_reports.h"
#include "store/sql_security.h"
#include "store/sql_engagement.h"
#include "store/sql_privacy.h"
#include "store/sql_fraud.h"
#include "store/sql_scoring.h"

#include "store/sql_rewards.h"
#include "store/sql_exports.h"
#include "store/sql_perf.h"
#include "store/sql_voice.h"

/* Every list, in one enum and one table. */
#define RFS_ALL_STATEMENTS(X) RFS_STATEMENTS(X) RFS_STATEMENTS_REPORTS(X) RFS_STATEMENTS_SECURITY(X) \
	RFS_STATEMENTS_ENGAGEMENT(X) RFS_STATEMENTS_PRIVACY(X) RFS_STATEMENTS_REWARDS(X) RFS_STATEMENTS_FRAUD(X) \
	RFS_STATEMENTS_SCORING(X) RFS_STATEMENTS_EXPORTS(X) RFS_STATEMENTS_PERF(X) \
	RFS_STATEMENTS_VOICE(X)

typedef enum rfs_stmt_id {
#define RFS_ENUM(id, sql) RFS_##id,
	RFS_ALL_STATEMENTS(RFS_ENUM)
#undef RFS_ENUM
	RFS_STMT_COUNT
} rfs_stmt_id;

#endif
