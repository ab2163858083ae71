/* Statements of the reports and exports area (see sql.h), kept in their
 * own list so that area can grow without touching the others.
 *
 * Common parameters: ?1 program id, ?2 from (inclusive), ?3 to
 * (exclusive), ?4 period (series) or split key (splits). */
#ifndef RF_STORE_SQL_REPORTS_H
#define RF_STORE_SQL_REPORTS_H

/* The UTC calendar start of the bucket holding time `col` (ms >= 0) for
 * period ?4: 1 day, 2 week from Monday (1970-01-01 was a Thursday, three
 * days after a Monday), 3 month. */
#define RFS_BUCKET(col)                                                                     \
	"(CASE ?4 WHEN 1 THEN " col " - " col " % 86400000"                                 \
	" WHEN 2 THEN " col " - (" col " + 259200000) % 604800000"                          \
	" ELSE CAST(strftime('%s', " col " / 1000, 'unixepoch', 'start of month') AS INTEGER)" \
	" * 1000 END)"

/* A program's touchpoints in the period, as `c` (code) and `t`; bots and
 * link previews (duplicate 2) left out. */
#define RFS_REPORT_TOUCHES                                                                  \
	" FROM code c JOIN touchpoint t ON t.code_id = c.id"                                \
	" WHERE c.program_id = ?1 AND t.at >= ?2 AND t.at < ?3 AND t.duplicate < 2"

/* A program's credited rows of conversions in the period, as `v` and `cr`. */
#define RFS_REPORT_CREDITS                                                                  \
	" FROM conversion v JOIN credit cr ON cr.conversion_id = v.id"                      \
	" WHERE v.program_id = ?1 AND v.at >= ?2 AND v.at < ?3 AND cr.weight > 0"

/* The group of a split (?4: 1 advocate id, 2 channel, 3 advocate kind,
 * 4 content item: NULL for codes bound to none, left out), with `a` the
 * advocate, `ch` the channel column and `item` the content id (CASE runs
 * only the branch it takes, so other splits never look it up). */
#define RFS_SPLIT_KEY(ch, item)                                                            \
	"(CASE ?4 WHEN 1 THEN a.id WHEN 2 THEN " ch " WHEN 4 THEN " item " ELSE a.kind END)"
#define RFS_CREDIT_ITEM "(SELECT content_id FROM code WHERE id = cr.code_id)"

/* A visitor `p.id` (tied to customer `p.cu`) has a conversion of kind `k`
 * in the program and period. */
/* INDEXED BY: left alone, the planner answers each visitor's EXISTS by
 * walking every conversion of the period (conversion_program_at), which
 * made the funnel O(visitors x conversions): 35 s for the demo. */
#define RFS_FUNNEL_HAS(k)                                                                   \
	"(EXISTS(SELECT 1 FROM conversion x INDEXED BY conversion_visitor"                  \
	" WHERE x.visitor_id = p.id AND x.program_id = ?1"                                  \
	" AND x.kind = " k " AND x.at >= ?2 AND x.at < ?3)"                                 \
	" OR EXISTS(SELECT 1 FROM conversion x INDEXED BY conversion_customer"              \
	" WHERE x.customer_id = p.cu AND x.program_id = ?1"                                 \
	" AND x.kind = " k " AND x.at >= ?2 AND x.at < ?3))"

/* Conversion `v` follows an earlier one (at, then id) of the same visitor
 * or tied customer in the program. */
#define RFS_EARLIER_BY(col, index)                                                          \
	"EXISTS(SELECT 1 FROM conversion x INDEXED BY " index " WHERE x." col " = v." col  \
	" AND x.program_id = ?1 AND (x.at < v.at OR (x.at = v.at AND x.id < v.id)))"

#define RFS_STATEMENTS_REPORTS(X)                                                          \
	/* The summary: touches (purged days from their totals), visitors;     \
	 * conversions, attributed, returning; active advocates. */             \
	X(REPORT_SUMMARY, "SELECT (SELECT count(*)" RFS_REPORT_TOUCHES ")"                   \
			  " + (SELECT coalesce(sum(d.touches), 0) FROM code c"               \
			  " JOIN touch_daily d ON d.code_id = c.id WHERE c.program_id = ?1"  \
			  " AND d.day >= ?2 AND d.day < ?3),"                                \
			  " (SELECT count(DISTINCT t.visitor_id)" RFS_REPORT_TOUCHES "),"    \
			  " (SELECT count(*) FROM conversion WHERE program_id = ?1"          \
			  " AND at >= ?2 AND at < ?3),"                                      \
			  " (SELECT count(*) FROM conversion WHERE program_id = ?1"          \
			  " AND at >= ?2 AND at < ?3 AND attributed = 1),"                   \
			  " (SELECT count(*) FROM conversion v WHERE v.program_id = ?1"      \
			  " AND v.at >= ?2 AND v.at < ?3 AND v.attributed = 1 AND ("         \
			  RFS_EARLIER_BY("visitor_id", "conversion_visitor") " OR ("         \
			  "v.customer_id IS NOT NULL AND "                                   \
			  RFS_EARLIER_BY("customer_id", "conversion_customer") "))),"        \
			  " (SELECT count(DISTINCT adv) FROM (SELECT c.advocate_id AS adv"  \
			  RFS_REPORT_TOUCHES " UNION ALL SELECT cr.advocate_id" RFS_REPORT_CREDITS "))") \
	/* Per currency: value, then the reward cost (cash 1, credit 2; not    \
	 * held 1, rejected 5, voided 6 or skipped 7). */                         \
	X(REPORT_SUMMARY_MONEY, "SELECT cur, sum(val), sum(cost) FROM ("                 \
				"SELECT v.currency AS cur, cr.value_minor + " RFS_REFUNDED_OF_CREDIT \
				" AS val, 0 AS cost" RFS_REPORT_CREDITS                      \
				" UNION ALL SELECT r.unit, 0, r.amount - r.clawed FROM conversion v" \
				" JOIN reward r ON r.conversion_id = v.id"                   \
				" WHERE v.program_id = ?1 AND v.at >= ?2 AND v.at < ?3"      \
				" AND r.kind IN (1, 2) AND r.state NOT IN (1, 5, 6, 7))"     \
				" GROUP BY cur ORDER BY cur")                                \
	/* Touches purged by retention count from their daily totals (their    \
	 * visitors are gone: they add no unique visitors). */                 \
	X(REPORT_SERIES_TOUCH, "SELECT b, sum(n), sum(u) FROM (SELECT b, count(*) AS n,"    \
			       " count(DISTINCT vis) AS u FROM (SELECT "                   \
			       RFS_BUCKET("t.at") " AS b, t.visitor_id AS vis"             \
			       RFS_REPORT_TOUCHES ") GROUP BY b UNION ALL SELECT "         \
			       RFS_BUCKET("d.day") " AS b, sum(d.touches), 0"              \
			       " FROM code c JOIN touch_daily d ON d.code_id = c.id"       \
			       " WHERE c.program_id = ?1 AND d.day >= ?2 AND d.day < ?3"   \
			       " GROUP BY b) GROUP BY b ORDER BY b")                       \
	X(REPORT_SERIES_CONV, "SELECT " RFS_BUCKET("at") " AS b, count(*), coalesce(sum(attributed), 0)" \
			      " FROM conversion WHERE program_id = ?1 AND at >= ?2 AND at < ?3" \
			      " GROUP BY b ORDER BY b")                                    \
	X(REPORT_SERIES_VALUE, "SELECT " RFS_BUCKET("v.at") " AS b, v.currency,"          \
			       " sum(cr.value_minor + " RFS_REFUNDED_OF_CREDIT ")"         \
			       RFS_REPORT_CREDITS " GROUP BY b, v.currency ORDER BY b, v.currency") \
	X(REPORT_SERIES_ADVOCATES, "SELECT b, count(DISTINCT adv) FROM (SELECT "          \
				   RFS_BUCKET("t.at") " AS b, c.advocate_id AS adv"        \
				   RFS_REPORT_TOUCHES " UNION ALL SELECT "                 \
				   RFS_BUCKET("v.at") ", cr.advocate_id" RFS_REPORT_CREDITS \
				   ") GROUP BY b ORDER BY b")                              \
	/* ?5: the most rows (-1: all). */                                         \
	X(REPORT_SPLIT, "WITH tp AS (SELECT " RFS_SPLIT_KEY("c.channel", "c.content_id") " AS k, count(*) AS n," \
			" count(DISTINCT t.visitor_id) AS u"                               \
			" FROM code c JOIN advocate a ON a.id = c.advocate_id"             \
			" JOIN touchpoint t ON t.code_id = c.id"                           \
			" WHERE c.program_id = ?1 AND t.at >= ?2 AND t.at < ?3"           \
			" AND t.duplicate < 2 GROUP BY k),"                                 \
			" cv AS (SELECT " RFS_SPLIT_KEY("cr.channel", RFS_CREDIT_ITEM) " AS k," \
			" count(DISTINCT cr.conversion_id) AS n, sum(cr.weight) AS w"      \
			" FROM conversion v JOIN credit cr ON cr.conversion_id = v.id"     \
			" JOIN advocate a ON a.id = cr.advocate_id"                        \
			" WHERE v.program_id = ?1 AND v.at >= ?2 AND v.at < ?3 AND cr.weight > 0" \
			" GROUP BY k),"                                                    \
			" keys AS (SELECT k FROM tp WHERE k IS NOT NULL"                   \
			" UNION SELECT k FROM cv WHERE k IS NOT NULL)"                     \
			" SELECT keys.k, coalesce(ad.external_id, ct.key, ''),"            \
			" coalesce(ad.display_name, ct.title, ''),"                        \
			" coalesce(tp.n, 0), coalesce(tp.u, 0), coalesce(cv.n, 0), coalesce(cv.w, 0.0)" \
			" FROM keys LEFT JOIN tp ON tp.k = keys.k LEFT JOIN cv ON cv.k = keys.k" \
			" LEFT JOIN advocate ad ON ?4 = 1 AND ad.id = keys.k"              \
			" LEFT JOIN content ct ON ?4 = 4 AND ct.id = keys.k"               \
			" ORDER BY 7 DESC, 4 DESC, 2, 1 LIMIT ?5")                         \
	X(REPORT_SPLIT_VALUE, "SELECT " RFS_SPLIT_KEY("cr.channel", RFS_CREDIT_ITEM) " AS k, v.currency," \
			      " sum(cr.value_minor + " RFS_REFUNDED_OF_CREDIT ")"          \
			      " FROM conversion v JOIN credit cr ON cr.conversion_id = v.id" \
			      " JOIN advocate a ON a.id = cr.advocate_id"                  \
			      " WHERE v.program_id = ?1 AND v.at >= ?2 AND v.at < ?3 AND cr.weight > 0" \
			      " GROUP BY k, v.currency HAVING k IS NOT NULL"                \
			      " ORDER BY k, v.currency")                                   \
	X(REPORT_FUNNEL, "WITH vis AS (SELECT DISTINCT t.visitor_id AS id" RFS_REPORT_TOUCHES ")," \
			 " p AS (SELECT vis.id AS id, i.customer_id AS cu FROM vis"        \
			 " LEFT JOIN identity i ON i.visitor_id = vis.id),"                \
			 " s AS (SELECT " RFS_FUNNEL_HAS("1") " AS su, "                   \
			 RFS_FUNNEL_HAS("2") " AS pu FROM p)"                              \
			 " SELECT count(*), coalesce(sum(su), 0), coalesce(sum(su AND pu), 0)," \
			 " coalesce(sum(pu), 0) FROM s")

#endif
