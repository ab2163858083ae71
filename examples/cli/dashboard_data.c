/* What the dashboard shows, from the report API; see dashboard.h. */
#include "dashboard.h"

#include <stdlib.h>
#include <string.h>

static int64_t value_in(size_t count, rf_money *const *values, const char *currency)
{
	for (size_t i = 0; currency && i < count; i++)
		if (strcmp(values[i]->currency, currency) == 0)
			return values[i]->value_minor;
	return 0;
}

static int get_series(dashboard_data *d, rf_store *store)
{
	static const int32_t periods[] = { RF_PERIOD_DAY, RF_PERIOD_WEEK, RF_PERIOD_MONTH };
	int rc;
	if (d->q.period != 0)
		return rf_report_series_get(&d->series, store, &d->q);
	for (size_t i = 0; i < sizeof periods / sizeof *periods; i++) {
		rf_report_series_free(d->series);
		d->series = NULL;
		d->q.period = periods[i];
		if ((rc = rf_report_series_get(&d->series, store, &d->q)) < 0)
			return rc;
		if (d->series->count <= DASHBOARD_AUTO_BUCKETS)
			break;
	}
	return RF_OK;
}

/* The leaderboard: the first DASHBOARD_TOP advocates by value in
 * d->currency, then credited conversions (the split's own order). */
static void rank_top(dashboard_data *d)
{
	const rf_report_split *s = d->advocates;
	d->top_count = 0;
	for (size_t i = 0; i < s->count; i++) {
		const rf_report_split_row *row = s->rows[i];
		int64_t v = value_in(row->value_count, row->values, d->currency);
		size_t at = d->top_count;
		while (at > 0 && value_in(d->top[at - 1]->value_count, d->top[at - 1]->values,
					  d->currency) < v)
			at--;
		if (at >= DASHBOARD_TOP)
			continue;
		if (d->top_count < DASHBOARD_TOP)
			d->top_count++;
		memmove(&d->top[at + 1], &d->top[at], (d->top_count - 1 - at) * sizeof d->top[0]);
		d->top[at] = row;
	}
}

static void pick_currency(dashboard_data *d)
{
	int64_t best = 0;
	d->currency = NULL;
	for (size_t i = 0; i < d->stats->value_count; i++)
		if (!d->currency || d->stats->values[i]->value_minor > best) {
			d->currency = d->stats->values[i]->currency;
			best = d->stats->values[i]->value_minor;
		}
}

int dashboard_collect(dashboard_data *d, rf_store *store, const rf_report_query *q)
{
	rf_stats_query sq = RF_STATS_QUERY_INIT;
	rf_report_query all;
	int rc;

	memset(d, 0, sizeof *d);
	d->q = *q;
	sq.program = q->program;
	sq.from_ms = q->from_ms;
	sq.to_ms = q->to_ms;
	if ((rc = rf_program_get(&d->program, store, q->program)) < 0 ||
	    (rc = rf_stats_get(&d->stats, store, &sq)) < 0 || (rc = get_series(d, store)) < 0)
		goto fail;
	all = d->q; /* the period resolved */
	all.limit = 0;
	if ((rc = rf_report_funnel_get(&d->funnel, store, &d->q)) < 0 ||
	    (rc = rf_report_summary_get(&d->summary, store, &d->q)) < 0 ||
	    (rc = rf_report_split_get(&d->channels, store, &all, RF_SPLIT_CHANNEL)) < 0 ||
	    (rc = rf_report_split_get(&d->kinds, store, &all, RF_SPLIT_ADVOCATE_KIND)) < 0 ||
	    (rc = rf_report_split_get(&d->advocates, store, &all, RF_SPLIT_ADVOCATE)) < 0 ||
	    (rc = rf_reward_balances(&d->balances, store, q->program, NULL)) < 0 ||
	    (rc = dashboard_collect_fraud(d, store)) < 0 ||
	    (rc = dashboard_collect_scores(d, store)) < 0)
		goto fail;
	pick_currency(d);
	rank_top(d);
	if ((rc = dashboard_collect_content(d, store)) < 0)
		goto fail;
	return RF_OK;
fail:
	dashboard_data_free(d);
	return rc;
}

void dashboard_data_free(dashboard_data *d)
{
	rf_program_free(d->program);
	rf_stats_free(d->stats);
	rf_report_summary_free(d->summary);
	rf_report_series_free(d->series);
	rf_report_funnel_free(d->funnel);
	rf_report_split_free(d->channels);
	rf_report_split_free(d->kinds);
	rf_report_split_free(d->advocates);
	rf_balance_list_free(d->balances);
	rf_fraud_checks_free(d->held);
	rf_leaderboard_free(d->board);
	rf_content_stats_free(d->content);
	for (size_t i = 0; i < DASHBOARD_TOP; i++)
		rf_score_free(d->scores[i]);
	memset(d, 0, sizeof *d);
}
