/* Statements of the privacy area (see sql.h): hash keys, privacy
 * policies, retention, erasure and export, in their own list. */
#ifndef RF_STORE_SQL_PRIVACY_H
#define RF_STORE_SQL_PRIVACY_H

/* Touches purged by retention, counted per code and UTC day (touch_daily):
 * `col` is touches or unique_touches; ?1 program, ?2..?3 the period, and
 * `extra` narrows the codes (c2). */
#define RFS_PURGED_TOUCHES(col, extra)                                                      \
	"coalesce((SELECT sum(d." col ") FROM code c2 JOIN touch_daily d ON d.code_id = c2.id" \
	" WHERE c2.program_id = ?1 AND d.day >= ?2 AND d.day < ?3" extra "), 0)"

/* A program's touchpoints before the cutoff: ?1 program, ?2 cutoff. */
#define RFS_TOUCHES_BEFORE                                                                  \
	"SELECT t.id FROM code c JOIN touchpoint t INDEXED BY touchpoint_code ON t.code_id = c.id" \
	" WHERE c.program_id = ?1 AND t.at < ?2"

/* The visitors of customer ?1: tied to it, or on its conversions. */
#define RFS_CUSTOMER_VISITORS                                                               \
	"SELECT visitor_id FROM identity WHERE customer_id = ?1"                            \
	" UNION SELECT visitor_id FROM conversion WHERE customer_id = ?1"

/* The conversions of customer ?1 and of its visitors. */
#define RFS_CUSTOMER_CONVERSIONS                                                            \
	"SELECT id FROM conversion WHERE customer_id = ?1"                                  \
	" UNION SELECT id FROM conversion WHERE visitor_id IN (" RFS_CUSTOMER_VISITORS ")"

/* What an export says about a stored keyed hash. */
#define RFS_HASH_HELD(col) "CASE WHEN " col " IS NULL THEN NULL ELSE 'held as a keyed hash' END"

#define RFS_STATEMENTS_PRIVACY(X)                                                          \
	/* Hash keys: ?1 now. Live keys, newest (the current one) first. */        \
	X(HASH_KEYS_LIVE, "SELECT id, secret, coalesce(expires_at, 0) FROM hash_key"       \
			  " WHERE secret IS NOT NULL AND (expires_at IS NULL OR expires_at > ?1)" \
			  " ORDER BY id DESC")                                             \
	X(HASH_KEY_INSERT, "INSERT INTO hash_key(secret, created_at) VALUES(?1, ?2)")      \
	/* ?1 now, ?2 expiry of the key that was current. */                        \
	X(HASH_KEY_RETIRE, "UPDATE hash_key SET retired_at = ?1, expires_at = ?2"          \
			   " WHERE retired_at IS NULL")                                    \
	X(HASH_KEY_DESTROY, "UPDATE hash_key SET secret = NULL"                            \
			    " WHERE secret IS NOT NULL AND expires_at <= ?1")              \
	/* Key 1 is the store secret's BLAKE2b key; its second half also keys  \
	 * the id interning, which must stay: keep only that half. */          \
	X(HASH_KEY_FORGET_FIRST, "UPDATE meta SET value = zeroblob(16) || substr(value, 17)" \
				 " WHERE key = 'secret' AND length(value) = 32"            \
				 " AND substr(value, 1, 16) != zeroblob(16)"               \
				 " AND EXISTS(SELECT 1 FROM hash_key WHERE id = 1 AND secret IS NULL)") \
	X(HASH_KEY_ALL, "SELECT id, created_at, coalesce(retired_at, 0), coalesce(expires_at, 0)," \
			" secret IS NOT NULL AND (expires_at IS NULL OR expires_at > ?1), secret IS NULL" \
			" FROM hash_key ORDER BY id")                                      \
	/* Lookups by hash: ?1..?4 the value hashed under each live key. */        \
	X(ADVOCATE_BY_EMAIL, "SELECT external_id FROM advocate INDEXED BY advocate_email"  \
			     " WHERE email_hash IN (?1, ?2, ?3, ?4) ORDER BY id LIMIT 1")  \
	X(ADVOCATE_SET_EMAIL, "UPDATE advocate SET email_hash = ?2 WHERE id = ?1")         \
	/* Privacy policies: ?1 program id. */                                     \
	X(POLICY_CURRENT, "SELECT version, ip_truncate, retention_ms, created_at"          \
			  " FROM privacy_policy WHERE program_id = ?1 ORDER BY version DESC LIMIT 1") \
	X(POLICY_INSERT, "INSERT INTO privacy_policy(program_id, version, ip_truncate, retention_ms," \
			 " created_at) VALUES(?1, ?2, ?3, ?4, ?5)")                       \
	/* Retention, one step per table, each with ?1 program, ?2 cutoff. */       \
	X(RETAIN_COUNT_DAYS, "INSERT INTO touch_daily(code_id, day, touches, unique_touches)" \
			     " SELECT t.code_id, t.at - t.at % 86400000, sum(t.duplicate < 2), sum(t.duplicate = 0)" \
			     " FROM code c JOIN touchpoint t INDEXED BY touchpoint_code ON t.code_id = c.id" \
			     " WHERE c.program_id = ?1 AND t.at < ?2 GROUP BY 1, 2"         \
			     " ON CONFLICT(code_id, day) DO UPDATE SET touches = touches + excluded.touches," \
			     " unique_touches = unique_touches + excluded.unique_touches")   \
	X(RETAIN_UNLINK_CREDITS, "UPDATE credit SET touchpoint_id = NULL WHERE touchpoint_id IN (" \
				 RFS_TOUCHES_BEFORE ")")                                   \
	X(RETAIN_DELETE_TOUCHES, "DELETE FROM touchpoint WHERE id IN (" RFS_TOUCHES_BEFORE ")") \
	X(RETAIN_DELETE_ACTIVITIES, "DELETE FROM activity WHERE program_id = ?1 AND at < ?2") \
	/* Erasure of an advocate: ?1 advocate id, ?2 tombstone. */                \
	X(ERASE_ADV_TOUCHES, "UPDATE touchpoint SET ip_hash = NULL, ua_hash = NULL, landing_url = NULL" \
			     " WHERE code_id IN (SELECT id FROM code WHERE advocate_id = ?1)" \
			     " AND (ip_hash IS NOT NULL OR ua_hash IS NOT NULL OR landing_url IS NOT NULL)") \
	X(ERASE_ADV_CODES, "UPDATE code SET code = ?2 || '-' || id, display = '', status = 1" \
			   " WHERE advocate_id = ?1")                                      \
	X(ERASE_ADV_VISITOR, "UPDATE visitor SET ext = ?2 || '-' || id"                    \
			     " WHERE id = (SELECT visitor_id FROM advocate WHERE id = ?1)") \
	X(ERASE_ADV_VISITOR_TOUCHES, "UPDATE touchpoint SET ip_hash = NULL, ua_hash = NULL,"  \
				     " landing_url = NULL WHERE visitor_id ="              \
				     " (SELECT visitor_id FROM advocate WHERE id = ?1)")   \
	X(ERASE_ADV_ROW, "UPDATE advocate SET external_id = ?2, display_name = '', email_hash = NULL," \
			 " email_key = NULL, ip_hash = NULL, ua_hash = NULL, customer_id = NULL," \
			 " visitor_id = NULL, status = 1 WHERE id = ?1")                   \
	X(ERASE_ADV_FRAUD_EVIDENCE, "UPDATE fraud_signal SET evidence = '' WHERE advocate_id = ?1") \
	X(ERASE_ADV_CONSENT_CHANGES, "DELETE FROM consent_change WHERE advocate_id = ?1")  \
	X(ERASE_ADV_CONSENT, "DELETE FROM consent WHERE advocate_id = ?1")                 \
	X(ERASE_ADV_OUTBOX, "DELETE FROM outbox WHERE advocate_id = ?1")                   \
	X(ERASE_ADV_SEGMENT, "DELETE FROM advocate_segment WHERE advocate_id = ?1")        \
	X(ERASE_ADV_TESTIMONIALS, "DELETE FROM testimonial WHERE advocate_id = ?1")        \
	X(ERASE_ADV_ASKS, "DELETE FROM reference_ask WHERE advocate_id = ?1")              \
	/* Stages and their history, per program through their keys' indexes. */  \
	X(ERASE_ADV_STAGE_CHANGES, "DELETE FROM stage_change WHERE program_id IN (SELECT id FROM program)" \
				   " AND advocate_id = ?1")                                \
	X(ERASE_ADV_STAGES, "DELETE FROM advocate_stage WHERE program_id IN (SELECT id FROM program)" \
			    " AND advocate_id = ?1")                                       \
	/* Erasure of a customer: ?1 customer id, ?2 tombstone. */                 \
	X(ERASE_CUS_TOUCHES, "UPDATE touchpoint SET ip_hash = NULL, ua_hash = NULL, landing_url = NULL" \
			     " WHERE visitor_id IN (" RFS_CUSTOMER_VISITORS ")")           \
	X(ERASE_CUS_VISITORS, "UPDATE visitor SET ext = ?2 || '-' || id"                   \
			      " WHERE id IN (" RFS_CUSTOMER_VISITORS ")")                  \
	X(ERASE_CUS_ROW, "UPDATE customer SET ext = ?2 WHERE id = ?1")                     \
	X(ERASE_CUS_FRAUD_CHECKS, "UPDATE fraud_check SET email_key = NULL, ip_hash = NULL, ua_hash = NULL" \
				  " WHERE conversion_id IN (" RFS_CUSTOMER_CONVERSIONS ")") \
	X(ERASE_CUS_FRAUD_EVIDENCE, "UPDATE fraud_signal SET evidence = ''"                \
				    " WHERE conversion_id IN (" RFS_CUSTOMER_CONVERSIONS ")") \
	/* Export: each step gives one JSON value about person ?1; EXPORT_SET  \
	 * puts value ?3 at path ?2 of document ?1. */                         \
	X(PERSON_SET, "SELECT json_set(?1, ?2, json(?3))")                                 \
	X(PERSON_ADVOCATE, "SELECT json_object('external_id', external_id, 'kind', kind,"  \
			   " 'display_name', display_name, 'status', status,"              \
			   " 'email', " RFS_HASH_HELD("email_hash") ", 'created_at_ms', created_at)" \
			   " FROM advocate WHERE id = ?1")                                 \
	X(PERSON_ADV_CODES, "SELECT json_group_array(json_object('code', c.code, 'program', p.key," \
			    " 'channel', c.channel, 'vanity', c.vanity, 'status', c.status, 'uses', c.uses," \
			    " 'expires_at_ms', c.expires_at, 'created_at_ms', c.created_at," \
			    " 'touchpoints', (SELECT count(*) FROM touchpoint t WHERE t.code_id = c.id)" \
			    " + (SELECT coalesce(sum(d.touches), 0) FROM touch_daily d WHERE d.code_id = c.id)))" \
			    " FROM code c JOIN program p ON p.id = c.program_id WHERE c.advocate_id = ?1") \
	X(PERSON_ADV_CREDITS, "SELECT json_group_array(json_object('program', p.key, 'order_id', v.order_id," \
			      " 'conversion_kind', v.kind, 'at_ms', v.at, 'channel', cr.channel," \
			      " 'weight', cr.weight, 'value_minor', cr.value_minor, 'currency', v.currency," \
			      " 'note', cr.note)) FROM credit cr JOIN conversion v ON v.id = cr.conversion_id" \
			      " JOIN program p ON p.id = v.program_id WHERE cr.advocate_id = ?1 AND cr.weight > 0") \
	X(PERSON_ADV_CONSENT, "SELECT json_group_array(json_object('tracking', tracking,"  \
			      " 'tracking_at_ms', tracking_at, 'messages', messages, 'messages_at_ms', messages_at))" \
			      " FROM consent WHERE advocate_id = ?1")                      \
	X(PERSON_ADV_CONSENT_CHANGES, "SELECT json_group_array(json_object('purpose', purpose," \
				      " 'granted', granted, 'source', source, 'at_ms', at))" \
				      " FROM consent_change WHERE advocate_id = ?1")       \
	X(PERSON_ADV_OUTBOX, "SELECT json_group_array(json_object('program', p.key, 'kind', o.kind," \
			     " 'body', o.body, 'status', o.status, 'reason', o.reason,"    \
			     " 'queued_at_ms', o.queued_at, 'acked_at_ms', o.acked_at))"   \
			     " FROM outbox o JOIN program p ON p.id = o.program_id WHERE o.advocate_id = ?1") \
	X(PERSON_ADV_STAGES, "SELECT json_group_array(json_object('program', p.key, 'stage', s.stage," \
			     " 'since_ms', s.since, 'activities', s.activities, 'referrals', s.referrals))" \
			     " FROM advocate_stage s JOIN program p ON p.id = s.program_id" \
			     " WHERE s.advocate_id = ?1")                                  \
	X(PERSON_ADV_STAGE_CHANGES, "SELECT json_group_array(json_object('program', p.key," \
				    " 'stage', s.stage, 'previous', s.previous, 'at_ms', s.at," \
				    " 'config_version', s.config_version)) FROM program p"  \
				    " JOIN stage_change s ON s.program_id = p.id AND s.advocate_id = ?1") \
	X(PERSON_ADV_SEGMENT, "SELECT json_group_array(segment) FROM advocate_segment WHERE advocate_id = ?1") \
	X(PERSON_ADV_TESTIMONIALS, "SELECT json_group_array(json_object('program', p.key,"  \
				   " 'product', t.product, 'segment', t.segment, 'body', t.body," \
				   " 'rating', t.rating, 'publish_consent', t.publish_consent," \
				   " 'status', t.status, 'created_at_ms', t.created_at,"   \
				   " 'decided_at_ms', t.decided_at))"                      \
				   " FROM testimonial t JOIN program p ON p.id = t.program_id" \
				   " WHERE t.advocate_id = ?1")                            \
	X(PERSON_ADV_ASKS, "SELECT json_group_array(json_object('program', p.key, 'prospect', r.prospect," \
			   " 'outcome', r.outcome, 'asked_at_ms', r.asked_at,"            \
			   " 'accepted_at_ms', r.accepted_at, 'closed_at_ms', r.closed_at))" \
			   " FROM reference_ask r JOIN program p ON p.id = r.program_id"  \
			   " WHERE r.advocate_id = ?1")                                    \
	/* Rewards and ledger entries held by person ?1 of holder kind ?4. */      \
	X(PERSON_REWARDS, "SELECT json_group_array(json_object('program', p.key, 'side', r.side," \
			  " 'kind', r.kind, 'unit', r.unit, 'amount', r.amount, 'state', r.state," \
			  " 'coupon', r.coupon, 'note', r.note, 'created_at_ms', r.created_at," \
			  " 'due_at_ms', r.due_at)) FROM program p JOIN reward r"          \
			  " ON r.program_id = p.id AND r.holder_kind = ?4 AND r.holder_id = ?1") \
	X(PERSON_LEDGER, "SELECT json_group_array(json_object('program', p.key, 'kind', l.kind," \
			 " 'unit', l.unit, 'from', l.src, 'to', l.dst, 'amount', l.amount, 'at_ms', l.at))" \
			 " FROM program p JOIN ledger l"                                   \
			 " ON l.program_id = p.id AND l.holder_kind = ?4 AND l.holder_id = ?1") \
	X(PERSON_ADV_IDENTITY, "SELECT json_object('customer_id', cu.ext, 'visitor_id', v.ext," \
			       " 'email_key', " RFS_HASH_HELD("a.email_key") ", 'ip', " RFS_HASH_HELD("a.ip_hash") "," \
			       " 'user_agent', " RFS_HASH_HELD("a.ua_hash") ") FROM advocate a" \
			       " LEFT JOIN customer cu ON cu.id = a.customer_id"           \
			       " LEFT JOIN visitor v ON v.id = a.visitor_id WHERE a.id = ?1") \
	X(PERSON_ADV_ACTIVITIES, "SELECT json_group_array(json_object('program', p.key, 'type', t.type," \
				 " 'at_ms', t.at, 'channel', t.channel, 'content', t.content," \
				 " 'answer', t.answer)) FROM program p JOIN activity t"    \
				 " ON t.program_id = p.id AND t.advocate_id = ?1")         \
	X(PERSON_ADV_SCORES, "SELECT json_group_array(json_object('program', p.key,"       \
			     " 'activities', s.activities, 'reviews', s.reviews, 'referrals', s.referrals," \
			     " 'value_net', s.value_net, 'last_at_ms', s.last_at,"         \
			     " 'tier', (SELECT tier FROM score_tier t WHERE t.program_id = s.program_id" \
			     " AND t.advocate_id = s.advocate_id),"                        \
			     " 'badges', (SELECT json_group_array(json_object('badge', b.badge, 'period', b.period," \
			     " 'at_ms', b.at)) FROM badge b WHERE b.program_id = s.program_id" \
			     " AND b.advocate_id = s.advocate_id)))"                       \
			     " FROM program p JOIN score_state s ON s.program_id = p.id AND s.advocate_id = ?1") \
	X(PERSON_ADV_FRAUD, "SELECT json_group_array(json_object('order_id', c.order_id, 'kind', f.kind," \
			    " 'weight', f.weight, 'hard', f.hard, 'evidence', f.evidence))" \
			    " FROM fraud_signal f JOIN conversion c ON c.id = f.conversion_id" \
			    " WHERE f.advocate_id = ?1")                                   \
	X(PERSON_CUS_FRAUD, "SELECT json_group_array(json_object('order_id', c.order_id, 'risk', f.risk," \
			    " 'decision', f.decision, 'status', f.status, 'at_ms', f.at,"  \
			    " 'email', " RFS_HASH_HELD("f.email_key") ", 'ip', " RFS_HASH_HELD("f.ip_hash") "," \
			    " 'user_agent', " RFS_HASH_HELD("f.ua_hash") "))"              \
			    " FROM fraud_check f JOIN conversion c ON c.id = f.conversion_id" \
			    " WHERE f.conversion_id IN (" RFS_CUSTOMER_CONVERSIONS ")")    \
	X(PERSON_CUSTOMER, "SELECT json_object('customer_id', ext) FROM customer WHERE id = ?1") \
	X(PERSON_CUS_VISITORS, "SELECT json_group_array(v.ext) FROM visitor v"             \
			       " WHERE v.id IN (" RFS_CUSTOMER_VISITORS ")")               \
	X(PERSON_CUS_TOUCHES, "SELECT json_group_array(json_object('visitor_id', v.ext, 'program', p.key," \
			      " 'code', c.code, 'kind', t.kind, 'at_ms', t.at, 'duplicate', t.duplicate," \
			      " 'landing_url', t.landing_url, 'ip', " RFS_HASH_HELD("t.ip_hash") "," \
			      " 'user_agent', " RFS_HASH_HELD("t.ua_hash") "))"            \
			      " FROM touchpoint t JOIN visitor v ON v.id = t.visitor_id"   \
			      " JOIN code c ON c.id = t.code_id JOIN program p ON p.id = c.program_id" \
			      " WHERE t.visitor_id IN (" RFS_CUSTOMER_VISITORS ")")        \
	X(PERSON_CUS_CONVERSIONS, "SELECT json_group_array(json_object('program', p.key,"  \
				  " 'order_id', c.order_id, 'kind', c.kind, 'value_minor', c.value_minor," \
				  " 'currency', c.currency, 'at_ms', c.at, 'attributed', c.attributed," \
				  " 'refunded_minor', c.refunded_minor,"                   \
				  " 'refunds', (SELECT json_group_array(json_object('refund_id', r.refund_key," \
				  " 'amount_minor', r.amount_minor, 'at_ms', r.at)) FROM refund r" \
				  " WHERE r.conversion_id = c.id)))"                       \
				  " FROM conversion c JOIN program p ON p.id = c.program_id" \
				  " WHERE c.id IN (SELECT id FROM conversion WHERE customer_id = ?1" \
				  " UNION SELECT id FROM conversion WHERE visitor_id IN (" RFS_CUSTOMER_VISITORS "))")

#endif
