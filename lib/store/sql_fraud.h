/* Statements of the fraud area (see sql.h), kept in their own list so
 * that area can grow without touching the others. */
#ifndef RF_STORE_SQL_FRAUD_H
#define RF_STORE_SQL_FRAUD_H

#define RFS_STATEMENTS_FRAUD(X)                                                            \
	X(ADVOCATE_SET_IDENTITY, "UPDATE advocate SET customer_id = nullif(?2, 0),"         \
				 " visitor_id = nullif(?3, 0), email_key = ?4, ip_hash = ?5," \
				 " ua_hash = ?6 WHERE id = ?1")                             \
	/* The referral graph, driven by the advocates that have a customer   \
	 * id (few) through the conversions of that customer. */              \
	X(REFERRAL_EDGES, "SELECT DISTINCT cr.advocate_id, a.id"                           \
			  " FROM advocate a INDEXED BY advocate_customer"                  \
			  " JOIN conversion c INDEXED BY conversion_customer ON c.customer_id = a.customer_id" \
			  " JOIN credit cr ON cr.conversion_id = c.id"                     \
			  " WHERE a.customer_id IS NOT NULL AND (?1 = 0 OR c.program_id = ?1)" \
			  " AND cr.weight > 0 AND cr.advocate_id <> a.id ORDER BY 1, 2")   \
	X(REFERRAL_EDGES_FROM, "SELECT DISTINCT a.id FROM credit cr INDEXED BY credit_advocate" \
			       " JOIN conversion c ON c.id = cr.conversion_id"             \
			       " JOIN advocate a INDEXED BY advocate_customer ON a.customer_id = c.customer_id" \
			       " WHERE cr.advocate_id = ?2 AND cr.weight > 0"              \
			       " AND c.customer_id IS NOT NULL AND (?1 = 0 OR c.program_id = ?1)" \
			       " AND a.id <> ?2 ORDER BY 1")

#endif
