/* Statements added for speed (see sql.h and docs/PERFORMANCE.md): cheaper
 * forms of hot statements for a common case, same rows. */
#ifndef RF_STORE_SQL_PERF_H
#define RF_STORE_SQL_PERF_H

#define RFS_STATEMENTS_PERF(X)                                                             \
	/* A person without a customer id is one visitor: no UNION. */            \
	X(JOURNEY_VISITOR, RFS_JOURNEY_OF("touchpoint t INDEXED BY touchpoint_visitor",    \
					  "t.visitor_id = ?1 AND "))                       \
	X(FIRST_REFERRER_VISITOR, RFS_FIRST_REFERRER_OF(" INDEXED BY conversion_visitor", \
							RFS_VISITOR_CONVERSIONS))          \
	/* The earliest by (at, id) without ORDER BY: no sorter to set up for    \
	 * the usual none or one row (16 -> 8 us). */                            \
	X(FIRST_OF_KIND_VISITOR, "SELECT c.id, c.order_id, c.at"                           \
				 " FROM conversion c INDEXED BY conversion_visitor"        \
				 " WHERE " RFS_VISITOR_CONVERSIONS " AND c.kind = ?3"      \
				 " AND c.attributed = 1 AND NOT EXISTS (SELECT 1"          \
				 " FROM conversion d INDEXED BY conversion_visitor"        \
				 " WHERE d.visitor_id = ?2 AND d.program_id = ?1"          \
				 " AND d.kind = ?3 AND d.attributed = 1"                   \
				 " AND (d.at < c.at OR (d.at = c.at AND d.id < c.id)))"    \
				 " LIMIT 1")

#endif
