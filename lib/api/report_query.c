/* Report queries: defaults, checks, and packing of money lists. */
#include "api/report.h"

static const rf_report_query query_defaults = RF_REPORT_QUERY_INIT;
static const size_t query_sizes[] = RF_SIZES_V1(rf_report_query);

int rf_report_query_init(rf_report_query *query, unsigned version)
{
	return rf__options_init(query, &query_defaults, query_sizes, version,
				RF_REPORT_QUERY_VERSION, "rf_report_query");
}

int rf__report_begin(rf_store *s, const rf_report_query *q, rfs_program *p, int64_t *to)
{
	int rc = rfs_usable(s);
	if (rc != RF_OK)
		return rc;
	RF_CHECK_ARG(q != NULL);
	rc = rf__check_version(q->version, RF_REPORT_QUERY_VERSION, "rf_report_query");
	if (rc != RF_OK)
		return rc;
	if (q->from_ms < 0 || q->to_ms < 0 || (q->to_ms != 0 && q->to_ms <= q->from_ms))
		return rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	if (q->period < RF_PERIOD_DAY || q->period > RF_PERIOD_MONTH)
		return rf__error(RF_EINVALID, "unknown report period %d (day 1, week 2, month 3)",
				 (int)q->period);
	rc = rf__program_load(s, q->program, p);
	*to = q->to_ms ? q->to_ms : INT64_MAX;
	return rc;
}

rf_money **rf__pack_money(rf_pack *pk, const rfs_value_row *values, size_t n)
{
	rf_money **list = rf__pack_reserve(pk, (n ? n : 1) * sizeof(*list));
	for (size_t i = 0; i < n; i++) {
		rf_money *m = rf__pack_reserve(pk, sizeof(*m));
		const char *currency = rf__pack_str(pk, values[i].currency);
		if (m == NULL)
			continue;
		*m = (rf_money){ currency, values[i].value_minor };
		list[i] = m;
	}
	return list;
}
