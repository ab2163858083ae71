/* Integrity checks: SQLite's own, foreign keys, and the ledger-like
 * invariants of attribution (credits add up to each conversion). */
#include "store/rewards.h"

static const rfs_check_item checks[] = {
	{ "SELECT 1 FROM pragma_foreign_key_check LIMIT 1",
	  "a foreign key points at a missing row" },
	{ "SELECT c.id FROM conversion c JOIN credit cr ON cr.conversion_id = c.id"
	  " WHERE c.attributed = 1 GROUP BY c.id HAVING sum(cr.value_minor) != c.value_minor LIMIT 1",
	  "an attributed conversion's credits do not add up to its value" },
	{ "SELECT c.id FROM conversion c WHERE c.attributed = 0"
	  " AND EXISTS(SELECT 1 FROM credit cr WHERE cr.conversion_id = c.id AND cr.weight > 0) LIMIT 1",
	  "an unattributed conversion has credit" },
	{ "SELECT c.id FROM conversion c WHERE c.refunded_minor < 0 OR c.refunded_minor > c.value_minor"
	  " OR c.refunded_minor != (SELECT coalesce(sum(r.amount_minor), 0) FROM refund r"
	  " WHERE r.conversion_id = c.id) LIMIT 1",
	  "a conversion's refunded total does not match its refunds" },
	{ "SELECT r.id FROM refund r JOIN conversion c ON c.id = r.conversion_id"
	  " WHERE c.attributed = 1 AND -r.amount_minor != (SELECT coalesce(sum(rc.value_minor), 0)"
	  " FROM refund_credit rc WHERE rc.refund_id = r.id) LIMIT 1",
	  "a refund's shares do not add up to its amount" },
	{ "SELECT cr.conversion_id FROM credit cr WHERE cr.value_minor + (SELECT"
	  " coalesce(sum(rc.value_minor), 0) FROM refund_credit rc WHERE rc.conversion_id ="
	  " cr.conversion_id AND rc.seq = cr.seq) < 0 LIMIT 1",
	  "refunds took more from a credit than it held" },
	{ "SELECT p.id FROM program p WHERE NOT EXISTS(SELECT 1 FROM program_rules r"
	  " WHERE r.program_id = p.id AND r.version = p.rules_version) LIMIT 1",
	  "a program has no rules for its current version" },
};

static int first_row(rf_store *s, const char *sql, char *text, size_t size, int *found)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rfs_fail(s, rc, "checking the database");
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found && text)
		rfs_col_text(st, 0, text, size);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rfs_fail(s, rc, "checking the database");
	return RF_OK;
}

int rfs_run_checks(rf_store *s, const rfs_check_item *list, size_t count)
{
	int found = 0;
	for (size_t i = 0; i < count; i++) {
		int rc = first_row(s, list[i].sql, NULL, 0, &found);
		if (rc != RF_OK)
			return rc;
		if (found)
			return rf__error(RF_ECORRUPT, "check failed: %s", list[i].problem);
	}
	return RF_OK;
}

int rfs_check(rf_store *s)
{
	char text[256];
	int found = 0;
	int rc = first_row(s, "PRAGMA quick_check", text, sizeof(text), &found);
	if (rc != RF_OK)
		return rc;
	if (!found || strcmp(text, "ok") != 0)
		return rf__error(RF_ECORRUPT, "integrity check failed: %s", found ? text : "no answer");
	rc = rfs_run_checks(s, checks, sizeof(checks) / sizeof(checks[0]));
	if (rc == RF_OK)
		rc = rfs_check_rewards(s);
	return rc;
}
