/* Statements of the engagement area (see sql.h): consent, configuration,
 * outbox, content, stages, testimonials and reference asks. */
#ifndef RF_STORE_SQL_ENGAGEMENT_H
#define RF_STORE_SQL_ENGAGEMENT_H

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
			   " WHERE advocate_id = ?1 ORDER BY id")

#endif
