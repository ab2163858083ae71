/* Statements of the engagement area (see sql.h): consent, configuration,
 * outbox, content, stages, testimonials and reference asks. */
#ifndef RF_STORE_SQL_ENGAGEMENT_H
#define RF_STORE_SQL_ENGAGEMENT_H

#define RFS_OUTBOX_COLUMNS                                                                  \
	"SELECT o.id, p.key, a.external_id, o.kind, o.body, o.status, o.reason, o.event_at," \
	" o.queued_at, o.acked_at, o.config_version FROM outbox o"                          \
	" JOIN program p ON p.id = o.program_id JOIN advocate a ON a.id = o.advocate_id"

#define RFS_STAGE_COLUMNS "stage, activities, last_activity_at, referrals, last_referral_at"

#define RFS_CONTENT_COLUMNS                                                                 \
	"SELECT ct.id, ct.key, ct.title, ct.url, ct.kind, ct.stages, ct.tier, ct.status,"   \
	" ct.created_at, ct.program_id, p.key FROM content ct JOIN program p ON p.id = ct.program_id"

/* Credit shares through codes bound to a program's items: ?1 program,
 * conversions in [?2, ?3). */
#define RFS_CONTENT_CREDITS(extra)                                                          \
	" FROM content i JOIN code c INDEXED BY code_content ON c.content_id = i.id"         \
	" JOIN credit cr INDEXED BY credit_advocate ON cr.advocate_id = c.advocate_id"       \
	" AND cr.weight > 0 AND cr.code_id = c.id JOIN conversion v ON v.id = cr.conversion_id" \
	" WHERE i.program_id = ?1 AND v.at >= ?2 AND v.at < ?3" extra

/* The codes bound to a program's items. */
#define RFS_CONTENT_CODES                                                                   \
	" FROM content i JOIN code c INDEXED BY code_content ON c.content_id = i.id"

#define RFS_STATEMENTS_ENGAGEMENT(X)                                                       \
	/* Consent: ?1 advocate, ?2 purpose (1 tracking, 2 messages), ?3 granted, ?4 at. */ \
	X(CONSENT_ENSURE, "INSERT INTO consent(advocate_id) VALUES(?1) ON CONFLICT DO NOTHING") \
	X(CONSENT_UPDATE, "UPDATE consent SET"                                             \
			  " tracking = CASE ?2 WHEN 1 THEN ?3 ELSE tracking END,"          \
			  " tracking_at = CASE ?2 WHEN 1 THEN ?4 ELSE tracking_at END,"    \
			  " messages = CASE ?2 WHEN 2 THEN ?3 ELSE messages END,"          \
			  " messages_at = CASE ?2 WHEN 2 THEN ?4 ELSE messages_at END"     \
			  " WHERE advocate_id = ?1")                                       \
	X(CONSENT_CHANGE_INSERT, "INSERT INTO consent_change(advocate_id, purpose, granted, source, at)" \
				 " VALUES(?1, ?2, ?3, ?4, ?5)")                            \
	X(CONSENT_GET, "SELECT tracking, messages, tracking_at, messages_at FROM consent"  \
		       " WHERE advocate_id = ?1")                                          \
	X(CONSENT_HISTORY, "SELECT purpose, granted, source, at FROM consent_change"       \
			   " WHERE advocate_id = ?1 ORDER BY id")                          \
	/* Configuration: the newest version of a program's. */                   \
	X(ENG_CONFIG_CURRENT, "SELECT version, cap_messages, cap_window_ms, active_min_activities," \
			      " referring_min_referrals, champion_min_referrals, dormant_after_ms," \
			      " ask_cap, ask_window_ms FROM engagement_config"             \
			      " WHERE program_id = ?1 ORDER BY version DESC LIMIT 1")      \
	X(ENG_CONFIG_INSERT, "INSERT INTO engagement_config(program_id, version, cap_messages," \
			     " cap_window_ms, active_min_activities, referring_min_referrals," \
			     " champion_min_referrals, dormant_after_ms, ask_cap, ask_window_ms," \
			     " created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)") \
	X(TEMPLATE_SET, "INSERT INTO message_template(program_id, kind, body, updated_at)"  \
			" VALUES(?1, ?2, ?3, ?4) ON CONFLICT(program_id, kind)"            \
			" DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at") \
	X(TEMPLATE_DELETE, "DELETE FROM message_template WHERE program_id = ?1 AND kind = ?2") \
	X(TEMPLATE_GET, "SELECT body FROM message_template WHERE program_id = ?1 AND kind = ?2") \
	X(ENG_ADVOCATE_BY_ID, "SELECT external_id, display_name, status, kind FROM advocate" \
			      " WHERE id = ?1")                                            \
	/* Event variables: a JSON object's members as text. */                   \
	X(JSON_OBJECT_OK, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END") \
	X(JSON_VARS, "SELECT key, coalesce(CAST(value AS TEXT), ''),"                      \
		     " length(CAST(key AS BLOB)), length(CAST(coalesce(CAST(value AS TEXT), '') AS BLOB))" \
		     " FROM json_each(?1)")                                                \
	/* Outbox. ?1 advocate, ?2 program, ?3 window start (exclusive). */       \
	X(OUTBOX_RECENT, "SELECT count(*) FROM outbox INDEXED BY outbox_cap"               \
			 " WHERE advocate_id = ?1 AND program_id = ?2 AND status IN (0, 1)" \
			 " AND queued_at > ?3")                                            \
	X(OUTBOX_INSERT, "INSERT INTO outbox(program_id, advocate_id, kind, body, status, reason," \
			 " event_at, queued_at, config_version)"                           \
			 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")                    \
	X(OUTBOX_BY_ID, RFS_OUTBOX_COLUMNS " WHERE o.id = ?1")                              \
	X(OUTBOX_PENDING, RFS_OUTBOX_COLUMNS                  \
			  " WHERE o.status = 0 AND o.id > ?1 AND (?2 = 0 OR o.program_id = ?2)" \
			  " ORDER BY o.id LIMIT ?3")                                       \
	X(OUTBOX_ALL, RFS_OUTBOX_COLUMNS " WHERE o.id > ?1 AND (?2 = 0 OR o.program_id = ?2)" \
		      " ORDER BY o.id LIMIT ?3")                                           \
	X(OUTBOX_ACK, "UPDATE outbox SET status = 1, acked_at = ?2 WHERE status = 0 AND id <= ?1") \
	/* Stages: ?1 program, ?2 advocate. */                                     \
	/* The common case in one statement: count the event when it cannot    \
	 * change the stage (an activity of an active, referring or champion  \
	 * advocate; a referral of a champion, or of a referrer staying under  \
	 * ?7 referrals). ?3 activities at ?4, ?5 referrals at ?6. */          \
	X(STAGE_COUNT_ONLY, "UPDATE advocate_stage SET activities = activities + ?3,"      \
			    " last_activity_at = max(last_activity_at, ?4),"               \
			    " referrals = referrals + ?5, last_referral_at = max(last_referral_at, ?6)" \
			    " WHERE program_id = ?1 AND advocate_id = ?2 AND CASE WHEN ?5 = 0"  \
			    " THEN stage IN (2, 3, 4) ELSE stage = 4 OR (stage = 3"        \
			    " AND referrals + ?5 < ?7) END")                               \
	/* A whole row: ?3 stage, ?4 since, ?5 activities at ?6, ?7 referrals  \
	 * at ?8, ?9 config version. */                                        \
	X(STAGE_INSERT, "INSERT INTO advocate_stage(program_id, advocate_id, stage, since,"  \
			" activities, last_activity_at, referrals, last_referral_at, config_version)" \
			" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")                     \
	X(STAGE_UPDATE, "UPDATE advocate_stage SET stage = ?3, since = ?4, activities = ?5," \
			" last_activity_at = ?6, referrals = ?7, last_referral_at = ?8,"   \
			" config_version = ?9 WHERE program_id = ?1 AND advocate_id = ?2") \
	/* ?3 stage, ?4 since, ?5 config version. */                               \
	X(STAGE_SET, "UPDATE advocate_stage SET stage = ?3, since = ?4, config_version = ?5" \
		     " WHERE program_id = ?1 AND advocate_id = ?2")                        \
	X(STAGE_CHANGE_INSERT, "INSERT INTO stage_change(program_id, advocate_id, stage, previous," \
			       " at, config_version) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")      \
	X(STAGE_GET, "SELECT " RFS_STAGE_COLUMNS ", since, config_version FROM advocate_stage" \
		     " WHERE program_id = ?1 AND advocate_id = ?2")                        \
	X(STAGE_HISTORY, "SELECT stage, previous, at, config_version FROM stage_change"    \
			 " WHERE program_id = ?1 AND advocate_id = ?2 ORDER BY id")        \
	X(STAGE_COUNTS, "SELECT stage, count(*) FROM advocate_stage WHERE program_id = ?1" \
			" GROUP BY stage")                                                 \
	/* Advocates with a code in the program and no stage yet (invited). */     \
	X(STAGE_UNPLACED, "SELECT count(DISTINCT c.advocate_id) FROM code c INDEXED BY code_program" \
			  " WHERE c.program_id = ?1 AND NOT EXISTS(SELECT 1 FROM advocate_stage s" \
			  " WHERE s.program_id = ?1 AND s.advocate_id = c.advocate_id)")   \
	/* A page of a program's stages after advocate ?2, ?3 rows at most. */     \
	X(STAGE_PAGE, "SELECT " RFS_STAGE_COLUMNS ", advocate_id FROM advocate_stage"       \
		      " WHERE program_id = ?1 AND advocate_id > ?2 ORDER BY advocate_id LIMIT ?3") \
	/* Content library: ?1 program. */                                         \
	X(CONTENT_INSERT, "INSERT INTO content(program_id, key, title, url, kind, stages, tier," \
			  " status, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)") \
	X(CONTENT_UPDATE, "UPDATE content SET title = ?2, url = ?3, kind = ?4, stages = ?5," \
			  " tier = ?6, status = ?7 WHERE id = ?1")                         \
	X(CONTENT_BY_KEY, RFS_CONTENT_COLUMNS " WHERE ct.program_id = ?1 AND ct.key = ?2")  \
	X(CONTENT_BY_ID, RFS_CONTENT_COLUMNS " WHERE ct.id = ?1")                           \
	/* Newest first; ?2 1: archived too; ?3 stages mask (0: any). */          \
	X(CONTENT_LIST, RFS_CONTENT_COLUMNS " WHERE ct.program_id = ?1 AND (?2 OR ct.status = 0)" \
			" AND (?3 = 0 OR (ct.stages & ?3) != 0)"                           \
			" ORDER BY ct.created_at DESC, ct.id DESC")                        \
	X(CONTENT_VARS, "SELECT json_object('title', ?1, 'url', ?2, 'key', ?3)")           \
	/* Codes bound to items: ?1 code, ?2 content id. */                        \
	X(CODE_SET_CONTENT, "UPDATE code SET content_id = ?2 WHERE id = ?1")               \
	X(CODE_CONTENT_KEY, "SELECT ct.key FROM code c JOIN content ct ON ct.id = c.content_id" \
			    " WHERE c.id = ?1")                                            \
	/* Performance: the currencies that count, then one row per item,     \
	 * ?4 currency, ?5 the most rows (-1: all). */                         \
	X(CONTENT_CURRENCIES, "SELECT DISTINCT v.currency" RFS_CONTENT_CREDITS("") " ORDER BY 1 LIMIT 3") \
	X(CONTENT_PERFORMANCE, "WITH bound AS (SELECT c.content_id AS cid, count(*) AS n"  \
			       RFS_CONTENT_CODES " WHERE i.program_id = ?1 GROUP BY c.content_id)," \
			       " touches AS (SELECT c.content_id AS cid, count(*) AS clicks,"      \
			       " count(DISTINCT t.visitor_id) AS visitors" RFS_CONTENT_CODES        \
			       " JOIN touchpoint t INDEXED BY touchpoint_code ON t.code_id = c.id"  \
			       " AND t.at >= ?2 AND t.at < ?3 AND t.duplicate < 2"                  \
			       " WHERE i.program_id = ?1"                                           \
			       " GROUP BY c.content_id),"                                           \
			       " convs AS (SELECT c.content_id AS cid, count(DISTINCT cr.conversion_id) AS n," \
			       " sum(cr.value_minor) AS v" RFS_CONTENT_CREDITS(" AND v.currency = ?4") \
			       " GROUP BY c.content_id)"                                            \
			       " SELECT i.key, i.title, i.kind, i.status, coalesce(b.n, 0),"        \
			       " coalesce(t.clicks, 0), coalesce(t.visitors, 0), coalesce(x.n, 0),"  \
			       " coalesce(x.v, 0) FROM content i LEFT JOIN bound b ON b.cid = i.id"  \
			       " LEFT JOIN touches t ON t.cid = i.id LEFT JOIN convs x ON x.cid = i.id" \
			       " WHERE i.program_id = ?1 ORDER BY 9 DESC, 6 DESC, i.key LIMIT ?5")

#endif
