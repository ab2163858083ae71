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
	X(FIRST_OF_KIND_VISITOR, RFS_FIRST_OF_KIND_OF(" INDEXED BY conversion_visitor",   \
						      RFS_VISITOR_CONVERSIONS))

#endif
