/* Program metrics: viral coefficient, cycle time, active share, NPS. */
#include "api/scoring.h"

#include "core/scoring.h"

typedef struct metric_bind {
	int64_t program_id, from, to;
} metric_bind;

/* Run a one-row metric statement over the period, with ?4 = `extra`. */
static int metric_ints(rf_store *s, rfs_stmt_id id, const metric_bind *m, int64_t extra,
		       int64_t *out, int n)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, id, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, m->program_id);
	if (sqlite3_bind_parameter_count(st) >= 3) {
		sqlite3_bind_int64(st, 2, m->from);
		sqlite3_bind_int64(st, 3, m->to);
	}
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_int64(st, 4, extra);
	return rfs_one_row_ints(s, st, out, n, "computing program metrics");
}

static int metric_cycle(rf_store *s, const metric_bind *m, double *mean, int64_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_METRIC_CYCLE, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, m->program_id);
	sqlite3_bind_int64(st, 2, m->from);
	sqlite3_bind_int64(st, 3, m->to);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*mean = sqlite3_column_double(st, 0);
		*count = sqlite3_column_int64(st, 1);
	} else {
		rc = rfs_fail(s, step, "computing the cycle time");
	}
	sqlite3_reset(st);
	return rc;
}

static double ratio(int64_t a, int64_t b)
{
	return b > 0 ? (double)a / (double)b : 0.0;
}

static int compute(rf_store *s, const metric_bind *m, rf_program_metrics *o)
{
	int64_t v[3];
	int rc = metric_ints(s, RFS_METRIC_ADVOCATES, m, 0, v, 1);
	o->advocates = v[0];
	if (rc == RF_OK && (rc = metric_ints(s, RFS_METRIC_ACTIVE, m, 0, v, 1)) == RF_OK)
		o->active_advocates = v[0];
	if (rc == RF_OK && (rc = metric_ints(s, RFS_METRIC_INVITES, m, RF_ACTIVITY_INVITE, v, 2)) == RF_OK) {
		o->invites = v[0];
		o->inviting_advocates = v[1];
	}
	if (rc == RF_OK && (rc = metric_ints(s, RFS_METRIC_REFERRED, m, 0, v, 1)) == RF_OK)
		o->referred_conversions = v[0];
	if (rc == RF_OK && (rc = metric_ints(s, RFS_METRIC_NPS, m, RF_ACTIVITY_SURVEY, v, 3)) == RF_OK) {
		o->promoters = v[0];
		o->passives = v[1];
		o->detractors = v[2];
	}
	if (rc == RF_OK)
		rc = metric_cycle(s, m, &o->cycle_time_ms, &o->cycles);
	o->active_share = ratio(o->active_advocates, o->advocates);
	o->invites_per_advocate = ratio(o->invites, o->inviting_advocates);
	o->invite_conversion = ratio(o->referred_conversions, o->invites);
	o->k_factor = rfc_k_factor(o->invites_per_advocate, o->invite_conversion);
	o->nps = rfc_nps(o->promoters, o->passives, o->detractors);
	return rc;
}

static void pack_metrics(rf_pack *pk, const void *from, void *slot)
{
	rf_program_metrics *o = rf__pack_reserve(pk, sizeof(*o));
	if (o == NULL)
		return;
	*o = *(const rf_program_metrics *)from;
	*(rf_program_metrics **)slot = o;
}

int rf_program_metrics_get(rf_program_metrics **out, rf_store *store, const char *program,
			   int64_t from_ms, int64_t to_ms)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	if (from_ms < 0 || to_ms < 0 || (to_ms != 0 && to_ms <= from_ms))
		return rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	rfs_program p;
	if ((rc = rf__program_load(store, program, &p)) != RF_OK ||
	    (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	metric_bind m = { p.id, from_ms, to_ms ? to_ms : INT64_MAX };
	rf_program_metrics o = { .from_ms = from_ms, .to_ms = to_ms };
	rc = compute(store, &m, &o);
	rfs_rollback(store); /* end the read */
	if (rc == RF_OK)
		rc = rf__pack_one(&o, pack_metrics, out);
	return rc;
}

void rf_program_metrics_free(rf_program_metrics *metrics)
{
	free(metrics);
}
