/* Erasure and export of one person (an advocate or a customer). Each is
 * a list of per-table steps: a table another area adds that holds
 * something about a person gets one line in the lists below. */
#include "api/api.h"
#include "store/privacy.h"

#include <stdio.h>

/* Ledger and reward holders (lib/store/schema.c, rewards). */
#define HOLDER_ADVOCATE 1
#define HOLDER_CUSTOMER 2

static const rfs_stmt_id erase_advocate_steps[] = {
	RFS_ERASE_ADV_TOUCHES,
	RFS_ERASE_ADV_CODES,
	RFS_ERASE_ADV_VISITOR_TOUCHES, /* before the row forgets its visitor */
	RFS_ERASE_ADV_VISITOR,
	RFS_ERASE_ADV_ROW,
	RFS_ERASE_ADV_FRAUD_EVIDENCE,
	RFS_ERASE_ADV_CONSENT_CHANGES,
	RFS_ERASE_ADV_CONSENT,
	RFS_ERASE_ADV_OUTBOX,
	RFS_ERASE_ADV_SEGMENT,
	RFS_ERASE_ADV_TESTIMONIALS,
	RFS_ERASE_ADV_ASKS,
	RFS_ERASE_ADV_STAGE_CHANGES,
	RFS_ERASE_ADV_STAGES,
};

static const rfs_stmt_id erase_customer_steps[] = {
	RFS_ERASE_CUS_TOUCHES,
	RFS_ERASE_CUS_VISITORS,
	RFS_ERASE_CUS_ROW,
	RFS_ERASE_CUS_FRAUD_CHECKS,
	RFS_ERASE_CUS_FRAUD_EVIDENCE,
};

typedef struct export_step {
	const char *path; /* where in the document */
	rfs_stmt_id stmt; /* one JSON value about person ?1 (holder kind ?4) */
} export_step;

static const export_step export_advocate_steps[] = {
	{ "$.advocate", RFS_PERSON_ADVOCATE },
	{ "$.identity", RFS_PERSON_ADV_IDENTITY },
	{ "$.codes", RFS_PERSON_ADV_CODES },
	{ "$.credits", RFS_PERSON_ADV_CREDITS },
	{ "$.consent", RFS_PERSON_ADV_CONSENT },
	{ "$.consent_changes", RFS_PERSON_ADV_CONSENT_CHANGES },
	{ "$.messages", RFS_PERSON_ADV_OUTBOX },
	{ "$.stages", RFS_PERSON_ADV_STAGES },
	{ "$.stage_history", RFS_PERSON_ADV_STAGE_CHANGES },
	{ "$.segments", RFS_PERSON_ADV_SEGMENT },
	{ "$.testimonials", RFS_PERSON_ADV_TESTIMONIALS },
	{ "$.reference_asks", RFS_PERSON_ADV_ASKS },
	{ "$.rewards", RFS_PERSON_REWARDS },
	{ "$.ledger", RFS_PERSON_LEDGER },
	{ "$.activities", RFS_PERSON_ADV_ACTIVITIES },
	{ "$.scores", RFS_PERSON_ADV_SCORES },
	{ "$.fraud_signals", RFS_PERSON_ADV_FRAUD },
};

static const export_step export_customer_steps[] = {
	{ "$.customer", RFS_PERSON_CUSTOMER },
	{ "$.visitors", RFS_PERSON_CUS_VISITORS },
	{ "$.touchpoints", RFS_PERSON_CUS_TOUCHES },
	{ "$.conversions", RFS_PERSON_CUS_CONVERSIONS },
	{ "$.fraud_checks", RFS_PERSON_CUS_FRAUD },
	{ "$.rewards", RFS_PERSON_REWARDS },
	{ "$.ledger", RFS_PERSON_LEDGER },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Find the person: advocate (`advocate` 1) by external id, or customer. */
static int find_person(rf_store *s, int advocate, const char *ext, int64_t *id)
{
	if (advocate) {
		rfs_advocate a;
		int rc = rf__advocate_load(s, ext, &a);
		*id = a.id;
		return rc;
	}
	int rc = rfs_customer_intern(s, ext, 0, id);
	if (rc == RF_OK && *id == 0)
		rc = rf__error(RF_ENOTFOUND, "no customer '%s'", ext);
	return rc;
}

static int run_erase(rf_store *s, const rfs_stmt_id *steps, size_t n, int64_t id,
		     const char *tombstone)
{
	int rc = RF_OK;
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		sqlite3_stmt *st = NULL;
		if ((rc = rfs_stmt(s, steps[i], &st)) != RF_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, tombstone, -1, SQLITE_STATIC);
		rc = rfs_exec(s, st, "erasing a person");
	}
	return rc;
}

static int erase(rf_store *s, int advocate, const char *ext)
{
	int rc = rf__check_text(ext, RF_MAX_ID_LEN, advocate ? "advocate external id" : "customer id");
	if (rc == RF_OK)
		rc = rfs_usable(s);
	if (rc != RF_OK)
		return rc;
	/* Overwrite what is deleted, for this call only. */
	sqlite3_exec(s->db, "PRAGMA secure_delete = 1", NULL, NULL, NULL);
	if ((rc = rfs_begin(s)) == RF_OK) {
		char tombstone[48] = "erased-";
		rf__uuid4(tombstone + 7);
		int64_t id = 0;
		rc = find_person(s, advocate, ext, &id);
		if (rc == RF_OK && advocate)
			rc = run_erase(s, erase_advocate_steps, COUNT(erase_advocate_steps), id, tombstone);
		else if (rc == RF_OK)
			rc = run_erase(s, erase_customer_steps, COUNT(erase_customer_steps), id, tombstone);
		if (advocate)
			rfs_codes_changed(s);
		rc = rfs_end(s, rc);
	}
	sqlite3_exec(s->db, "PRAGMA secure_delete = FAST", NULL, NULL, NULL);
	return rc;
}

int rf_advocate_erase(rf_store *store, const char *external_id)
{
	return erase(store, 1, external_id);
}

int rf_customer_erase(rf_store *store, const char *customer_id)
{
	return erase(store, 0, customer_id);
}

/* Put the value of one step at its path in *doc (malloc'd). */
static int export_one(rf_store *s, const export_step *step, int64_t id, int holder, char **doc)
{
	sqlite3_stmt *st = NULL, *set = NULL;
	int rc = rfs_stmt(s, step->stmt, &st);
	if (rc == RF_OK)
		rc = rfs_stmt(s, RFS_PERSON_SET, &set);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_int(st, 4, holder);
	int step_rc = sqlite3_step(st);
	if (step_rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rfs_fail(s, step_rc == SQLITE_DONE ? SQLITE_ERROR : step_rc, "exporting a person");
	}
	sqlite3_bind_text(set, 1, *doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(set, 2, step->path, -1, SQLITE_STATIC);
	sqlite3_bind_value(set, 3, sqlite3_column_value(st, 0));
	int set_rc = sqlite3_step(set);
	if (set_rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(set, 0);
		char *copy = text ? strdup(text) : NULL;
		if (copy == NULL)
			rc = rf__error(RF_ENOMEM, "out of memory");
		else {
			free(*doc);
			*doc = copy;
		}
	} else {
		rc = rfs_fail(s, set_rc, "building an export");
	}
	sqlite3_reset(set);
	sqlite3_reset(st);
	return rc;
}

static int export(char **out, rf_store *s, int advocate, const char *ext)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__check_text(ext, RF_MAX_ID_LEN, advocate ? "advocate external id" : "customer id");
	if (rc == RF_OK)
		rc = rfs_usable(s);
	if (rc != RF_OK)
		return rc;
	char *doc = strdup(advocate ? "{\"kind\":\"advocate\"}" : "{\"kind\":\"customer\"}");
	if (doc == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	/* One read transaction: a consistent picture. */
	sqlite3_stmt *begin = NULL;
	if ((rc = rfs_stmt(s, RFS_BEGIN_READ, &begin)) == RF_OK)
		rc = rfs_exec(s, begin, "starting an export");
	if (rc != RF_OK) {
		free(doc);
		return rc;
	}
	int64_t id = 0;
	rc = find_person(s, advocate, ext, &id);
	const export_step *steps = advocate ? export_advocate_steps : export_customer_steps;
	size_t n = advocate ? COUNT(export_advocate_steps) : COUNT(export_customer_steps);
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		rc = export_one(s, &steps[i], id, advocate ? HOLDER_ADVOCATE : HOLDER_CUSTOMER, &doc);
	rfs_rollback(s);
	if (rc == RF_OK)
		*out = doc;
	else
		free(doc);
	return rc;
}

int rf_advocate_export(char **out, rf_store *store, const char *external_id)
{
	return export(out, store, 1, external_id);
}

int rf_customer_export(char **out, rf_store *store, const char *customer_id)
{
	return export(out, store, 0, customer_id);
}

void rf_person_export_free(char *json)
{
	free(json);
}
