/* Retention: purge a program's touchpoints older than its policy keeps,
 * counting them per code and day first so totals stay. */
#include "api/api.h"
#include "api/scoring.h"
#include "store/privacy.h"

#define DAY_MS INT64_C(86400000)

/* One statement per table, in order, each bound with ?1 program and ?2
 * cutoff. Tables that other areas add and that hold touchpoints (or
 * point at them) get a step here. */
static const rfs_stmt_id purge_steps[] = {
	RFS_RETAIN_COUNT_DAYS,     /* daily totals first */
	RFS_RETAIN_UNLINK_CREDITS, /* credit keeps its numbers, loses the touch */
	RFS_RETAIN_DELETE_TOUCHES, /* counted below */
	RFS_RETAIN_DELETE_ACTIVITIES, /* counted below */
};

typedef struct purge_row {
	const char *program;
	int64_t cutoff, touches, activities;
} purge_row;

static int run_steps(rf_store *s, int64_t program_id, int64_t cutoff, purge_row *r)
{
	int rc = RF_OK;
	for (size_t i = 0; rc == RF_OK && i < sizeof(purge_steps) / sizeof(purge_steps[0]); i++) {
		sqlite3_stmt *st = NULL;
		if ((rc = rfs_stmt(s, purge_steps[i], &st)) != RF_OK)
			break;
		sqlite3_bind_int64(st, 1, program_id);
		sqlite3_bind_int64(st, 2, cutoff);
		rc = rfs_exec(s, st, "purging old data");
		if (rc == RF_OK && purge_steps[i] == RFS_RETAIN_DELETE_TOUCHES)
			r->touches = sqlite3_changes(s->db);
		if (rc == RF_OK && purge_steps[i] == RFS_RETAIN_DELETE_ACTIVITIES)
			r->activities = sqlite3_changes(s->db);
	}
	return rc;
}

static void pack_purge(rf_pack *pk, const void *from, void *slot)
{
	const purge_row *r = from;
	rf_purge *p = rf__pack_reserve(pk, sizeof(*p));
	const char *program = rf__pack_str(pk, r->program);
	if (p == NULL)
		return;
	*p = (rf_purge){ program, r->cutoff, r->touches, r->activities };
	*(rf_purge **)slot = p;
}

static int purge_now(rf_purge **out, rf_store *store, const char *program);

int rf_retention_purge(rf_purge **out, rf_store *store, const char *program)
{
	if (out)
		*out = NULL;
	int rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	/* What is deleted is overwritten on disk, for this call only. */
	sqlite3_exec(store->db, "PRAGMA secure_delete = 1", NULL, NULL, NULL);
	rc = purge_now(out, store, program);
	sqlite3_exec(store->db, "PRAGMA secure_delete = FAST", NULL, NULL, NULL);
	return rc;
}

static int purge_now(rf_purge **out, rf_store *store, const char *program)
{
	int rc = rfs_begin(store);
	if (rc != RF_OK)
		return rc;
	rfs_program prog;
	rfs_policy policy;
	purge_row r = { program, 0, 0, 0 };
	rc = rf__program_load(store, program, &prog);
	if (rc == RF_OK)
		rc = rfs_policy_current(store, prog.id, &policy);
	int64_t now = rfs_now(store);
	if (rc == RF_OK && policy.retention_ms > 0 && now - policy.retention_ms > 0) {
		int64_t edge = now - policy.retention_ms;
		r.cutoff = edge - edge % DAY_MS;
		rc = rf__scores_on_purge(store, prog.id, r.cutoff); /* activities counted on */
		if (rc == RF_OK)
			rc = run_steps(store, prog.id, r.cutoff, &r);
	}
	if (rc == RF_OK && out)
		rc = rf__pack_one(&r, pack_purge, out);
	rc = rfs_end(store, rc);
	if (rc != RF_OK && out) {
		rf_purge_free(*out);
		*out = NULL;
	}
	return rc;
}

void rf_purge_free(rf_purge *purge)
{
	free(purge);
}
