/* referral stats PROGRAM [--advocate ID] [--from TIME] [--to TIME] */
#include "args.h"
#include "commands.h"
#include "render.h"
#include "timeparse.h"

#include <stdio.h>

static void show_stats(const cli *c, const rf_stats_query *q, const rf_stats *s)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", q->program);
		jw_kstr(&w, "advocate", q->advocate);
		jw_ktime(&w, "from", q->from_ms, 1);
		jw_ktime(&w, "to", q->to_ms, 1);
		render_stats_fields_json(&w, s);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	kv("program", "%s", q->program);
	if (q->advocate)
		kv("advocate", "%s", q->advocate);
	kv_period(q->from_ms, q->to_ms);
	render_stats_text(s);
}

int cmd_stats(cli *c, int argc, char **argv)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	const char *from = NULL, *to = NULL;
	const arg_opt opts[] = {
		{ "advocate", "ID", &q.advocate, NULL, "only this advocate (external id)" },
		{ "from", "TIME", &from, NULL, "from TIME, inclusive" },
		{ "to", "TIME", &to, NULL, "until TIME, exclusive" },
	};
	const arg_spec spec = {
		"stats", "PROGRAM [--advocate ID] [--from TIME] [--to TIME]",
		"Clicks (all touchpoints), unique visitors, conversions, conversion rate\n"
		"(attributed conversions / unique visitors) and attributed value, for a\n"
		"program or one of its advocates.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_stats *s = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_period(c, "stats", from, to, &q.from_ms, &q.to_ms))
		return CLI_EXIT_USAGE;
	q.program = a.pos[0];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_stats_get(&s, store, &q) < 0)
		rc = cli_fail(c);
	else
		show_stats(c, &q, s);
	rf_stats_free(s);
	rf_store_free(store);
	return rc;
}
