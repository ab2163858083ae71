/* referral dashboard PROGRAM -o FILE [--from T] [--to T] [--granularity G]:
 * one self-contained HTML page (inline CSS and SVG, no script, nothing
 * fetched). */
#include "args.h"
#include "commands.h"
#include "dashboard.h"

#include <stdio.h>
#include <string.h>

int dashboard_write(const cli *c, rf_store *store, const rf_report_query *q, const char *path)
{
	dashboard_data d;
	char tmp[4096];
	FILE *f;
	int failed;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", path) >= sizeof tmp)
		return cli_error(c, "dashboard: path too long: %s", path);
	if (dashboard_collect(&d, store, q) < 0)
		return cli_fail_at(c, "dashboard");
	f = fopen(tmp, "wb");
	if (!f) {
		dashboard_data_free(&d);
		return cli_error(c, "dashboard: cannot write %s", tmp);
	}
	failed = dashboard_page(f, &d) != 0;
	failed |= fclose(f) != 0;
	dashboard_data_free(&d);
	if (failed || rename(tmp, path) != 0) {
		remove(tmp);
		return cli_error(c, "dashboard: cannot write %s", path);
	}
	return CLI_EXIT_OK;
}

static int parse_granularity(const cli *c, const char *text, int32_t *out)
{
	if (!text || strcmp(text, "auto") == 0)
		*out = 0;
	else if (strcmp(text, "day") == 0)
		*out = RF_PERIOD_DAY;
	else if (strcmp(text, "week") == 0)
		*out = RF_PERIOD_WEEK;
	else if (strcmp(text, "month") == 0)
		*out = RF_PERIOD_MONTH;
	else
		return cli_usage(c, "dashboard: --granularity must be day, week, month or auto "
				    "(not '%s')", text), -1;
	return 0;
}

int cmd_dashboard(cli *c, int argc, char **argv)
{
	rf_report_query q = RF_REPORT_QUERY_INIT;
	const char *from = NULL, *to = NULL, *out = NULL, *granularity = NULL;
	const arg_opt opts[] = {
		{ "o", "FILE", &out, NULL, "the HTML file to write (required)" },
		{ "from", "TIME", &from, NULL, "from TIME, inclusive" },
		{ "to", "TIME", &to, NULL, "until TIME, exclusive" },
		{ "granularity", "G", &granularity, NULL,
		  "day, week, month or auto (default: the finest with at most 120 points)" },
	};
	const arg_spec spec = {
		"dashboard", "PROGRAM -o FILE [--from TIME] [--to TIME] [--granularity G]",
		"Write one self-contained HTML page (inline CSS and SVG, no JavaScript,\n"
		"nothing fetched) with the program's headline numbers, clicks, conversions\n"
		"and value over time, the funnel, the split by channel and by advocate kind,\n"
		"and the top 10 advocates by attributed value. Printable.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (!out || !*out)
		return cli_usage(c, "dashboard: -o FILE is required");
	if (argval_time(c, "--from", from, &q.from_ms) || argval_time(c, "--to", to, &q.to_ms) ||
	    parse_granularity(c, granularity, &q.period))
		return CLI_EXIT_USAGE;
	if (q.to_ms && q.to_ms <= q.from_ms)
		return cli_usage(c, "dashboard: --to must be after --from");
	q.program = a.pos[0];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rc = dashboard_write(c, store, &q, out);
	rf_store_free(store);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", q.program);
		jw_kstr(&w, "dashboard", out);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("dashboard: %s\n", out);
	}
	return CLI_EXIT_OK;
}
