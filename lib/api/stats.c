/* Public statistics. */
#include "api/api.h"

static const rf_stats_query query_defaults = RF_STATS_QUERY_INIT;
static const size_t stats_query_sizes[] = RF_SIZES_V1(rf_stats_query);

int rf_stats_query_init(rf_stats_query *query, unsigned version)
{
	return rf__options_init(query, &query_defaults, stats_query_sizes, version, RF_STATS_QUERY_VERSION,
				"rf_stats_query");
}

static int check_query(const rf_stats_query *q)
{
	RF_CHECK_ARG(q != NULL);
	int rc = rf__check_version(q->version, RF_STATS_QUERY_VERSION, "rf_stats_query");
	if (rc != RF_OK)
		return rc;
	if (q->from_ms < 0 || q->to_ms < 0 || (q->to_ms != 0 && q->to_ms <= q->from_ms))
		return rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	return RF_OK;
}

/* Counts and values, as read for packing. */
typedef struct counted {
	const rfs_stats *st;
	const rfs_money *values;
	size_t n;
} counted;

static void pack_stats(rf_pack *pk, const void *from, void *slot)
{
	const counted *k = from;
	const rfs_stats *st = k->st;
	const rfs_money *values = k->values;
	size_t n = k->n;
	rf_stats *o = rf__pack_reserve(pk, sizeof(*o));
	rf_money **list = rf__pack_reserve(pk, (n ? n : 1) * sizeof(*list));
	for (size_t i = 0; i < n; i++) {
		rf_money *m = rf__pack_reserve(pk, sizeof(*m));
		const char *currency = rf__pack_str(pk, values[i].currency);
		if (m == NULL)
			continue;
		*m = (rf_money){ currency, values[i].value_minor };
		list[i] = m;
	}
	if (o == NULL)
		return;
	double rate = st->unique_visitors
			      ? (double)st->attributed_conversions / (double)st->unique_visitors
			      : 0.0;
	*o = (rf_stats){ st->touchpoints, st->unique_touchpoints, st->unique_visitors,
			 st->conversions, st->attributed_conversions, st->credited_conversions,
			 rate, n, list };
	*(rf_stats **)slot = o;
}

int rf_stats_get(rf_stats **out, rf_store *store, const rf_stats_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_query(query);
	if (rc != RF_OK)
		return rc;
	rfs_program p;
	rfs_advocate a = { 0 };
	rc = rf__program_load(store, query->program, &p);
	if (rc == RF_OK && query->advocate)
		rc = rf__advocate_load(store, query->advocate, &a);
	if (rc != RF_OK)
		return rc;
	int64_t to = query->to_ms ? query->to_ms : INT64_MAX;
	rfs_stats st;
	rfs_money *values = NULL;
	size_t n = 0;
	rc = rfs_stats_counts(store, p.id, a.id, query->from_ms, to, &st);
	if (rc == RF_OK)
		rc = rfs_stats_values(store, p.id, a.id, query->from_ms, to, &values, &n);
	if (rc == RF_OK)
		rc = rf__pack_one(&(counted){ &st, values, n }, pack_stats, out);
	free(values);
	return rc;
}

void rf_stats_free(rf_stats *stats)
{
	free(stats);
}
