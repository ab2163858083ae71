/*
 * A period's headline numbers: two aggregates (counts, money by currency)
 * read in one snapshot, and the K-factor the scoring area measures.
 */
#include "api/report.h"

typedef struct summary_parts {
	int64_t n[6]; /* see rfs_report_summary */
	double k_factor;
	rfs_money_row *money;
	size_t nm;
} summary_parts;

static void pack_summary(rf_pack *pk, const void *from, void *slot)
{
	const summary_parts *sm = from;
	rf_report_summary *o = rf__pack_reserve(pk, sizeof(*o));
	rf_report_currency **list = rf__pack_reserve(pk, (sm->nm ? sm->nm : 1) * sizeof(*list));
	for (size_t i = 0; i < sm->nm; i++) {
		const rfs_money_row *m = &sm->money[i];
		rf_report_currency *c = rf__pack_reserve(pk, sizeof(*c));
		const char *currency = rf__pack_str(pk, m->currency);
		if (c == NULL)
			continue;
		double ros = m->cost_minor > 0 ? (double)m->value_minor / (double)m->cost_minor : 0.0;
		*c = (rf_report_currency){ currency, m->value_minor, m->cost_minor, ros };
		list[i] = c;
	}
	if (o == NULL)
		return;
	const int64_t *n = sm->n;
	*o = (rf_report_summary){ .touchpoints = n[0],
				  .unique_visitors = n[1],
				  .conversions = n[2],
				  .attributed_conversions = n[3],
				  .conversion_rate = n[1] ? (double)n[3] / (double)n[1] : 0.0,
				  .new_customers = n[3] - n[4],
				  .returning_customers = n[4],
				  .active_advocates = n[5],
				  .k_factor = sm->k_factor,
				  .currency_count = sm->nm,
				  .currencies = list };
	*(rf_report_summary **)slot = o;
}

int rf_report_summary_get(rf_report_summary **out, rf_store *store, const rf_report_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p;
	int64_t to = 0;
	int rc = rf__report_begin(store, query, &p, &to);
	if (rc != RF_OK)
		return rc;
	summary_parts sm = { { 0 }, 0.0, NULL, 0 };
	rf_program_metrics *m = NULL;
	rc = rf_program_metrics_get(&m, store, query->program, query->from_ms, query->to_ms);
	if (rc == RF_OK) {
		sm.k_factor = m->k_factor;
		rc = rfs_begin_read(store);
	}
	rf_program_metrics_free(m);
	if (rc == RF_OK) {
		rc = rfs_report_summary(store, p.id, query->from_ms, to, sm.n);
		if (rc == RF_OK)
			rc = rfs_report_summary_money(store, p.id, query->from_ms, to, &sm.money,
						      &sm.nm);
		rfs_rollback(store); /* end the read */
	}
	if (rc == RF_OK)
		rc = rf__pack_one(&sm, pack_summary, out);
	free(sm.money);
	return rc;
}

void rf_report_summary_free(rf_report_summary *summary)
{
	free(summary);
}
