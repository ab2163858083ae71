/* referral track click|visit|scan CODE VISITOR */
#include "args.h"
#include "commands.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

static void show_touchpoint(const cli *c, const rf_touchpoint *tp)
{
	if (c->json) {
		jw w;
		jw_init(&w, stdout);
		render_touchpoint_json(&w, tp);
		jw_finish(&w);
	} else if (c->quiet) {
		printf("%s\n", tp->visitor_id);
	} else {
		render_touchpoint_text(tp);
	}
}

static int track(cli *c, int argc, char **argv, const char *command, int32_t kind)
{
	rf_touchpoint_spec in = RF_TOUCHPOINT_SPEC_INIT;
	const char *at = NULL;
	int direct = 0;
	const arg_opt opts[] = {
		{ "at", "TIME", &at, NULL, "when it happened (default: now)" },
		{ "direct", NULL, NULL, &direct,
		  "a direct/organic visit (no link): last-non-direct passes over it" },
		{ "url", "URL", &in.landing_url, NULL, "landing page URL" },
		{ "ip", "IP", &in.ip, NULL, "visitor IP; only its keyed hash is stored" },
		{ "ua", "AGENT", &in.user_agent, NULL, "user agent; only its keyed hash is stored" },
	};
	const arg_spec spec = { command, "CODE VISITOR [options]",
				"Record a touchpoint of a visitor on a code. VISITOR is your id for\n"
				"the visitor (cookie, device id); '-' lets the library generate one,\n"
				"which is printed (alone with --quiet). A repeat by the same visitor on\n"
				"the same code within the program's duplicate window is recorded as a\n"
				"duplicate.",
				opts, ARGS_COUNT(opts), 2, 2 };
	rf_touchpoint *tp = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--at", at, &in.at_ms))
		return CLI_EXIT_USAGE;
	in.kind = kind;
	in.direct = direct;
	in.code = a.pos[0];
	in.visitor_id = strcmp(a.pos[1], "-") == 0 ? NULL : a.pos[1];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_touchpoint_record(&tp, store, &in) < 0)
		rc = cli_fail(c);
	else
		show_touchpoint(c, tp);
	rf_touchpoint_free(tp);
	rf_store_free(store);
	return rc;
}

int cmd_track_click(cli *c, int argc, char **argv)
{
	return track(c, argc, argv, "track click", RF_TOUCH_CLICK);
}

int cmd_track_visit(cli *c, int argc, char **argv)
{
	return track(c, argc, argv, "track visit", RF_TOUCH_VISIT);
}

int cmd_track_scan(cli *c, int argc, char **argv)
{
	return track(c, argc, argv, "track scan", RF_TOUCH_SCAN);
}
