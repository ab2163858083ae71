/* Statements of the exports area (see sql.h), kept in their own list so
 * that area can grow without touching the others.
 *
 * Parameters: ?1 program id, ?2 from (inclusive), ?3 to (exclusive). Each
 * streams in an order an index (or the rowid) gives, so no sort holds
 * the rows: exports stay flat in memory. */
#ifndef RF_STORE_SQL_EXPORTS_H
#define RF_STORE_SQL_EXPORTS_H

/* CROSS JOIN keeps touchpoint the outer loop: rows come in rowid
 * (recording) order with no sorter, whatever the program's size. */
#define RFS_STATEMENTS_EXPORTS(X)                                                          \
	X(EXPORT_TOUCHPOINTS, "SELECT t.id, t.at, c.code, a.external_id, c.channel, t.kind, v.ext," \
			      " coalesce(cu.ext, ''), t.direct, t.duplicate"               \
			      " FROM touchpoint t CROSS JOIN code c ON c.id = t.code_id"   \
			      " JOIN advocate a ON a.id = c.advocate_id"                   \
			      " JOIN visitor v ON v.id = t.visitor_id"                     \
			      " LEFT JOIN identity i ON i.visitor_id = t.visitor_id"       \
			      " LEFT JOIN customer cu ON cu.id = i.customer_id"            \
			      " WHERE c.program_id = ?1 AND t.at >= ?2 AND t.at < ?3"      \
			      " ORDER BY t.id")                                            \
	X(EXPORT_CONVERSIONS, "SELECT c.id, c.at, c.order_id, c.kind, v.ext, coalesce(cu.ext, '')," \
			      " c.value_minor, c.currency, c.refunded_minor, c.attributed, c.model," \
			      " c.rules_version, coalesce(f.order_id, '')"                 \
			      " FROM conversion c INDEXED BY conversion_program_at"        \
			      " JOIN visitor v ON v.id = c.visitor_id"                     \
			      " LEFT JOIN customer cu ON cu.id = c.customer_id"            \
			      " LEFT JOIN conversion f ON f.id = c.follows_id"             \
			      " WHERE c.program_id = ?1 AND c.at >= ?2 AND c.at < ?3"      \
			      " ORDER BY c.at, c.id")                                      \
	X(EXPORT_ATTRIBUTIONS, "SELECT v.order_id, v.at, cr.seq, a.external_id, k.code, cr.channel," \
			       " coalesce(t.at, 0), cr.weight, cr.value_minor,"            \
			       " -" RFS_REFUNDED_OF_CREDIT ", v.currency"                  \
			       " FROM conversion v INDEXED BY conversion_program_at"       \
			       " JOIN credit cr ON cr.conversion_id = v.id"                \
			       " JOIN advocate a ON a.id = cr.advocate_id"                 \
			       " JOIN code k ON k.id = cr.code_id"                         \
			       " LEFT JOIN touchpoint t ON t.id = cr.touchpoint_id"        \
			       " WHERE v.program_id = ?1 AND v.at >= ?2 AND v.at < ?3 AND cr.weight > 0" \
			       " ORDER BY v.at, v.id, cr.seq")                             \
	X(EXPORT_CODES, "SELECT c.code, c.display, a.external_id, a.kind, c.channel, c.vanity," \
			" c.status, c.expires_at, c.max_uses, c.uses, c.created_at"        \
			" FROM code c INDEXED BY code_program"                             \
			" JOIN advocate a ON a.id = c.advocate_id"                         \
			" WHERE c.program_id = ?1 AND ?2 <= ?3 ORDER BY c.id")             \
	/* Holders: 1 advocate, 2 customer, 3 visitor (see schema.c). */          \
	X(EXPORT_REWARDS, "SELECT l.id, l.at, l.cause, coalesce(cv.order_id, ''),"          \
			  " coalesce(py.payout_key, ''), l.holder_kind,"                   \
			  " coalesce(CASE l.holder_kind"                                   \
			  " WHEN 1 THEN (SELECT external_id FROM advocate WHERE id = l.holder_id)" \
			  " WHEN 2 THEN (SELECT ext FROM customer WHERE id = l.holder_id)" \
			  " ELSE (SELECT ext FROM visitor WHERE id = l.holder_id) END, ''),"  \
			  " l.kind, l.unit, l.src, l.dst, l.amount"                        \
			  " FROM ledger l LEFT JOIN reward r ON r.id = l.reward_id"       \
			  " LEFT JOIN conversion cv ON cv.id = r.conversion_id"            \
			  " LEFT JOIN payout py ON py.id = l.payout_id"                    \
			  " WHERE l.program_id = ?1 AND l.at >= ?2 AND l.at < ?3 ORDER BY l.id")

#endif
