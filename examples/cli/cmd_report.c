/* referral report PROGRAM [--from TIME] [--to TIME]: a period's headline
 * numbers (rf_report_summary_get). */
#include "args.h"
#include "commands.h"
#include "render.h"
#include "timeparse.h"

#include <stdio.h>

static void summary_json(const char *program, const rf_report_query *q,
			 const rf_report_summary *s)
{
	jw w;
	jw_doc_begin(&w);
	jw_kstr(&w, "program", program);
	jw_ktime(&w, "from", q->from_ms, 1);
	jw_ktime(&w, "to", q->to_ms, 1);
	jw_kint(&w, "touchpoints", s->touchpoints);
	jw_kint(&w, "unique_visitors", s->unique_visitors);
	jw_kint(&w, "conversions", s->conversions);
	jw_kint(&w, "attributed_conversions", s->attributed_conversions);
	jw_kdouble(&w, "conversion_rate", s->conversion_rate);
	jw_kint(&w, "new_customers", s->new_customers);
	jw_kint(&w, "returning_customers", s->returning_customers);
	jw_kint(&w, "active_advocates", s->active_advocates);
	jw_kdouble(&w, "k_factor", s->k_factor);
	jw_karr_begin(&w, "currencies");
	for (size_t i = 0; i < s->currency_count; i++) {
		const rf_report_currency *m = s->currencies[i];
		jw_obj_begin(&w);
		jw_money_fields(&w, m->value_minor, m->currency);
		jw_kint(&w, "reward_cost_minor", m->reward_cost_minor);
		jw_kdouble(&w, "return_on_spend", m->return_on_spend);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_doc_end(&w);
}

static void summary_text(const char *program, const rf_report_query *q,
			 const rf_report_summary *s)
{
	char buf[48];
	kv("program", "%s", program);
	kv_period(q->from_ms, q->to_ms);
	kv("clicks", "%lld", (long long)s->touchpoints);
	kv("unique visitors", "%lld", (long long)s->unique_visitors);
	kv("conversions", "%lld (%lld attributed)", (long long)s->conversions,
	   (long long)s->attributed_conversions);
	kv("conversion rate", "%.2f %%", 100.0 * s->conversion_rate);
	kv("customers", "%lld new, %lld returning", (long long)s->new_customers,
	   (long long)s->returning_customers);
	kv("active advocates", "%lld", (long long)s->active_advocates);
	kv("K-factor", "%.2f", s->k_factor);
	for (size_t i = 0; i < s->currency_count; i++) {
		const rf_report_currency *m = s->currencies[i];
		char cost[48];
		render_money(buf, sizeof buf, m->value_minor, m->currency);
		render_money(cost, sizeof cost, m->reward_cost_minor, m->currency);
		if (m->reward_cost_minor > 0)
			kv("value / reward cost", "%s / %s = %.2f", buf, cost, m->return_on_spend);
		else
			kv("value / reward cost", "%s / %s", buf, cost);
	}
}

int cmd_report(cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	const arg_opt opts[] = {
		{ "from", "TIME", &from, NULL, "from TIME, inclusive" },
		{ "to", "TIME", &to, NULL, "until TIME, exclusive" },
	};
	const arg_spec spec = {
		"report", "PROGRAM [--from TIME] [--to TIME]",
		"A period's headline numbers: clicks, visitors, conversions, new and\n"
		"returning customers, active advocates, K-factor, and per currency the\n"
		"attributed value, the reward cost and the return on reward spend.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_report_query q = RF_REPORT_QUERY_INIT;
	rf_report_summary *s = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_period(c, "report", from, to, &q.from_ms, &q.to_ms))
		return CLI_EXIT_USAGE;
	q.program = a.pos[0];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_report_summary_get(&s, store, &q) < 0)
		rc = cli_fail(c);
	else if (c->json)
		summary_json(q.program, &q, s);
	else if (!c->quiet)
		summary_text(q.program, &q, s);
	rf_report_summary_free(s);
	rf_store_free(store);
	return rc;
}
