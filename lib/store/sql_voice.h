/* Statements of the voice area (see sql.h): segments, testimonials and
 * reference asks. */
#ifndef RF_STORE_SQL_VOICE_H
#define RF_STORE_SQL_VOICE_H

#define RFS_TESTIMONIAL_COLUMNS                                                             \
	"SELECT t.id, p.key, a.external_id, a.kind, a.display_name, t.segment, t.product,"  \
	" t.body, t.rating, t.publish_consent, t.status, t.created_at, t.decided_at"        \
	" FROM testimonial t JOIN program p ON p.id = t.program_id"                         \
	" JOIN advocate a ON a.id = t.advocate_id"

#define RFS_REFERENCE_COLUMNS                                                               \
	"SELECT r.id, p.key, a.external_id, r.prospect, r.outcome, r.asked_at, r.accepted_at," \
	" r.closed_at, r.advocate_id FROM reference_ask r JOIN program p ON p.id = r.program_id" \
	" JOIN advocate a ON a.id = r.advocate_id"

#define RFS_STATEMENTS_VOICE(X)                                                            \
	/* Segments: ?1 advocate id, ?2 segment. */                               \
	X(SEGMENT_SET, "INSERT INTO advocate_segment(advocate_id, segment) VALUES(?1, ?2)"  \
		       " ON CONFLICT(advocate_id) DO UPDATE SET segment = excluded.segment") \
	X(SEGMENT_DELETE, "DELETE FROM advocate_segment WHERE advocate_id = ?1")           \
	X(SEGMENT_GET, "SELECT segment FROM advocate_segment WHERE advocate_id = ?1")      \
	/* Testimonials. */                                                       \
	X(TESTIMONIAL_INSERT, "INSERT INTO testimonial(program_id, advocate_id, product, segment," \
			      " body, rating, publish_consent, status, created_at)"        \
			      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)")                \
	X(TESTIMONIAL_BY_ID, RFS_TESTIMONIAL_COLUMNS " WHERE t.id = ?1 AND t.program_id = ?2") \
	X(TESTIMONIAL_DECIDE, "UPDATE testimonial SET status = ?3, decided_at = ?4"        \
			      " WHERE id = ?1 AND program_id = ?2")                        \
	X(TESTIMONIAL_CONSENT, "UPDATE testimonial SET publish_consent = ?3"               \
			       " WHERE id = ?1 AND program_id = ?2")                       \
	/* ?1 program, ?2 status, ?3 cursor, ?4 consented only, ?5 product,     \
	 * ?6 segment, ?7 kind (0 any), ?8 advocate id (0 any), ?9 min rating, \
	 * ?10 limit. The program's (status, id) range in id order. */         \
	X(TESTIMONIAL_FIND, "SELECT t.id, p.key, a.external_id, a.kind, a.display_name,"   \
			    " t.segment, t.product, t.body, t.rating, t.publish_consent, t.status," \
			    " t.created_at, t.decided_at"                                  \
			    " FROM testimonial t INDEXED BY testimonial_program"           \
			    " JOIN program p ON p.id = t.program_id"                       \
			    " JOIN advocate a ON a.id = t.advocate_id"                     \
			    " WHERE t.program_id = ?1 AND t.status = ?2 AND t.id > ?3"     \
			    " AND (?4 = 0 OR t.publish_consent = 1)"                       \
			    " AND (?5 IS NULL OR t.product = ?5)"                          \
			    " AND (?6 IS NULL OR t.segment = ?6)"                          \
			    " AND (?7 = 0 OR a.kind = ?7) AND (?8 = 0 OR t.advocate_id = ?8)" \
			    " AND t.rating >= ?9 ORDER BY t.id LIMIT ?10")                 \
	/* Reference asks. ?1 advocate, ?2 program, ?3 window start (exclusive). */ \
	X(REFERENCE_RECENT, "SELECT count(*) FROM reference_ask INDEXED BY reference_ask_advocate" \
			    " WHERE advocate_id = ?1 AND program_id = ?2 AND asked_at > ?3") \
	X(REFERENCE_INSERT, "INSERT INTO reference_ask(program_id, advocate_id, prospect, outcome," \
			    " asked_at) VALUES(?1, ?2, ?3, 0, ?4)")                        \
	X(REFERENCE_BY_ID, RFS_REFERENCE_COLUMNS " WHERE r.id = ?1 AND r.program_id = ?2") \
	X(REFERENCE_CLOSE, "UPDATE reference_ask SET outcome = ?3, closed_at = ?4,"        \
			   " accepted_at = CASE WHEN ?3 = 1 THEN ?4 ELSE accepted_at END"  \
			   " WHERE id = ?1 AND program_id = ?2")                           \
	/* Candidates: ?1 program, ?2 kind (0 any), ?3 segment (NULL any),      \
	 * ?4 window start (exclusive). Scored, active advocates consenting to \
	 * messages, with their state (RFS_SCORE_STATE_COLUMNS), names, kind,  \
	 * segment, asks in the window and newest ask in the program. */       \
	X(REFERENCE_CANDIDATES, "SELECT " RFS_SCORE_STATE_COLUMNS ", a.external_id, a.display_name," \
				" a.kind, coalesce(g.segment, ''),"                         \
				" (SELECT count(*) FROM reference_ask x INDEXED BY reference_ask_advocate" \
				" WHERE x.advocate_id = s.advocate_id AND x.program_id = ?1" \
				" AND x.asked_at > ?4),"                                    \
				" (SELECT coalesce(max(x.asked_at), 0) FROM reference_ask x" \
				" INDEXED BY reference_ask_advocate"                        \
				" WHERE x.advocate_id = s.advocate_id AND x.program_id = ?1)" \
				" FROM score_state s JOIN advocate a ON a.id = s.advocate_id" \
				" JOIN consent c ON c.advocate_id = s.advocate_id AND c.messages = 1" \
				" LEFT JOIN advocate_segment g ON g.advocate_id = s.advocate_id" \
				" WHERE s.program_id = ?1 AND a.status = 0"                 \
				" AND (?2 = 0 OR a.kind = ?2) AND (?3 IS NULL OR g.segment = ?3)" \
				" ORDER BY s.advocate_id")

#endif
