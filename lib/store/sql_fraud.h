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
			       " AND a.id <> ?2 ORDER BY 1")                            \
	X(FRAUD_POLICY_INSERT, "INSERT INTO fraud_policy(program_id, version, approve_below," \
			       " reject_from, weights, hard_signals, window_ms,"           \
			       " max_conversions_advocate, max_conversions_ip, max_clicks_advocate," \
			       " max_clicks_ip, min_click_to_conversion_ms, ring_max_depth, created_at)" \
			       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)") \
	X(FRAUD_POLICY_LATEST, "SELECT version, approve_below, reject_from, weights, hard_signals," \
			       " window_ms, max_conversions_advocate, max_conversions_ip,"  \
			       " max_clicks_advocate, max_clicks_ip, min_click_to_conversion_ms," \
			       " ring_max_depth FROM fraud_policy WHERE program_id = ?1"    \
			       " ORDER BY version DESC LIMIT 1")                            \
	X(ADVOCATE_IDENTITY, "SELECT coalesce(customer_id, 0), coalesce(visitor_id, 0), email_key," \
			     " ip_hash, ua_hash, external_id FROM advocate WHERE id = ?1")  \
	X(ADVOCATES_BY_CUSTOMER, "SELECT id, external_id FROM advocate WHERE customer_id = ?1" \
				 " ORDER BY id")                                           \
	X(FRAUD_CONV_ADVOCATE, "SELECT count(*) FROM fraud_check WHERE advocate_id = ?1"    \
			       " AND at >= ?2 AND at <= ?3")                                \
	/* ?4..?7: the IP under every live hash key (NULL: none). */          \
	X(FRAUD_CONV_IP, "SELECT count(*) FROM fraud_check WHERE program_id = ?1"           \
			 " AND ip_hash IN (?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"               \
			 " AND at >= ?2 AND at <= ?3")                                      \
	/* Clicks on an advocate's codes in the window (bots left out), and   \
	 * those from one IP, in one pass over touchpoint_code; ?5..?12: the  \
	 * IP whole and its network, under every live key (NULL: none). */    \
	X(FRAUD_CLICKS, "SELECT count(*), coalesce(sum(t.ip_hash IN (?5, ?6, ?7, ?8, ?9,"   \
			" ?10, ?11, ?12)), 0) FROM code c"                                 \
			" JOIN touchpoint t INDEXED BY touchpoint_code ON t.code_id = c.id"    \
			" WHERE c.advocate_id = ?1 AND c.program_id = ?2 AND t.at >= ?3"      \
			" AND t.at <= ?4 AND t.duplicate < 2")                             \
	/* Other advocates sharing one of the advocate's (?1) identity values, \
	 * bound as read (?2 email key, ?3 customer, ?4 visitor, ?5 IP and ?6 \
	 * user agent hashes; NULL matches nothing). */                          \
	X(FRAUD_DUPLICATES, "SELECT external_id, 'email' FROM advocate"                    \
			    " WHERE email_key = ?2 AND id <> ?1"                           \
			    " UNION ALL SELECT external_id, 'customer id' FROM advocate"   \
			    " WHERE customer_id = ?3 AND id <> ?1"                         \
			    " UNION ALL SELECT external_id, 'visitor id' FROM advocate"    \
			    " WHERE visitor_id = ?4 AND id <> ?1"                          \
			    " UNION ALL SELECT external_id, 'IP+user agent' FROM advocate" \
			    " WHERE ip_hash = ?5 AND ua_hash = ?6 AND id <> ?1"            \
			    " LIMIT 50")                                                   \
	/* During a key rotation's overlap: other advocates' identity hashes \
	 * that are the new one's under an older live key (?2..?4; ?3..?8 for \
	 * IP and user agent) move to the current key (?1; ?1, ?2). */         \
	X(ADVOCATE_REHASH_EMAIL, "UPDATE advocate SET email_key = ?1"                       \
				 " WHERE email_key IN (?2, ?3, ?4)")                       \
	X(ADVOCATE_REHASH_IP_UA, "UPDATE advocate SET ip_hash = ?1, ua_hash = ?2"            \
				 " WHERE ip_hash IN (?3, ?4, ?5) AND ua_hash IN (?6, ?7, ?8)") \
	X(FRAUD_CHECK_INSERT, "INSERT INTO fraud_check(conversion_id, program_id, advocate_id, at," \
			      " email_key, ip_hash, ua_hash, existing, policy_version, risk, decision," \
			      " status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)") \
	X(FRAUD_SIGNAL_INSERT, "INSERT INTO fraud_signal(conversion_id, seq, kind, weight, hard," \
			       " advocate_id, evidence) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
	X(FRAUD_CHECK_GET, "SELECT f.conversion_id, p.key, c.order_id,"                    \
			   " coalesce((SELECT external_id FROM advocate WHERE id = f.advocate_id), '')," \
			   " f.at, f.risk, f.decision, f.status, f.policy_version,"         \
			   " coalesce(f.reviewer, ''), coalesce(f.review_reason, ''),"      \
			   " coalesce(f.reviewed_at, 0) FROM fraud_check f"                 \
			   " JOIN conversion c ON c.id = f.conversion_id"                   \
			   " JOIN program p ON p.id = f.program_id WHERE f.conversion_id = ?1") \
	X(FRAUD_SIGNALS, "SELECT kind, weight, hard, evidence FROM fraud_signal"            \
			 " WHERE conversion_id = ?1 ORDER BY seq")                          \
	X(FRAUD_QUEUE, "SELECT conversion_id FROM fraud_check INDEXED BY fraud_check_held"  \
		       " WHERE program_id = ?1"                                            \
		       " AND status = 1 AND conversion_id > ?2 ORDER BY conversion_id LIMIT ?3") \
	X(FRAUD_REVIEW_SET, "UPDATE fraud_check SET status = ?2, reviewer = ?3, review_reason = ?4," \
			    " reviewed_at = ?5 WHERE conversion_id = ?1 AND status = 1")   \
	X(DOMAINS_CLEAR, "DELETE FROM disposable_domain")                                  \
	X(DOMAIN_INSERT, "INSERT OR IGNORE INTO disposable_domain(domain) VALUES(?1)")     \
	X(DOMAINS_ANY, "SELECT 1 FROM disposable_domain LIMIT 1")                          \
	X(DOMAIN_GET, "SELECT 1 FROM disposable_domain WHERE domain = ?1")

#endif
