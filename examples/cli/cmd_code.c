/* referral code issue|resolve|show|disable */
#include "args.h"
#include "commands.h"
#include "render.h"

#include <stdio.h>

static void show_code(const cli *c, const rf_code *code)
{
	if (c->json) {
		jw w;
		jw_init(&w, stdout);
		render_code_json(&w, code);
		jw_finish(&w);
	} else if (c->quiet) {
		printf("%s\n", code->display);
	} else {
		render_code_text(code);
	}
}

int cmd_code_issue(cli *c, int argc, char **argv)
{
	const char *channel = NULL, *expires = NULL, *max_uses = NULL;
	rf_code_spec in = RF_CODE_SPEC_INIT;
	const arg_opt opts[] = {
		{ "channel", "CHANNEL", &channel, NULL,
		  "email, whatsapp, linkedin, x, facebook, sms, qr or other" },
		{ "vanity", "CODE", &in.vanity, NULL, "the advocate's own code (4..32 symbols)" },
		{ "expires", "TIME", &expires, NULL, "stop resolving at TIME" },
		{ "max-uses", "N", &max_uses, NULL, "stop resolving after N credited conversions" },
		{ "content", "KEY", &in.content, NULL, "the content item it shares (its performance)" },
	};
	const arg_spec spec = { "code issue", "PROGRAM ADVOCATE [options]",
				"Issue a tracking code to an advocate (by external id) in a program.\n"
				"Random codes carry a check symbol so typos are caught. --quiet prints\n"
				"only the code.",
				opts, ARGS_COUNT(opts), 2, 2 };
	rf_code *code = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_enum(c, "--channel", channel, RF_ENUM_CHANNEL, &in.channel) ||
	    argval_time(c, "--expires", expires, &in.expires_at_ms) ||
	    argval_i64(c, "--max-uses", max_uses, 1, INT64_MAX, &in.max_uses))
		return CLI_EXIT_USAGE;
	in.program = a.pos[0];
	in.advocate = a.pos[1];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_code_issue(&code, store, &in) < 0)
		rc = cli_fail(c);
	else
		show_code(c, code);
	rf_code_free(code);
	rf_store_free(store);
	return rc;
}

/* Shared body of resolve and show: they differ in the lookup only. */
typedef int (*code_lookup)(rf_code **out, rf_store *store, const char *input);

static int lookup_and_show(cli *c, const arg_spec *spec, code_lookup lookup, int argc,
			   char **argv)
{
	rf_code *code = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (lookup(&code, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_code(c, code);
	rf_code_free(code);
	rf_store_free(store);
	return rc;
}

int cmd_code_resolve(cli *c, int argc, char **argv)
{
	static const arg_spec spec = {
		"code resolve", "CODE",
		"Resolve what a visitor typed or clicked, as a landing page would: case,\n"
		"hyphens and spaces are ignored and I/L/O read as 1/1/0. Succeeds only for\n"
		"a usable code; otherwise exits 1 with the reason: mistyped (check symbol\n"
		"fails), unknown, expired, disabled or exhausted.",
		NULL, 0, 1, 1
	};
	return lookup_and_show(c, &spec, rf_code_resolve, argc, argv);
}

int cmd_code_show(cli *c, int argc, char **argv)
{
	static const arg_spec spec = { "code show", "CODE",
				       "Show a code in any state (active, disabled, expired).",
				       NULL, 0, 1, 1 };
	return lookup_and_show(c, &spec, rf_code_get, argc, argv);
}

int cmd_code_disable(cli *c, int argc, char **argv)
{
	static const arg_spec spec = { "code disable", "CODE",
				       "Disable a code so it stops resolving. Disabling twice is harmless.",
				       NULL, 0, 1, 1 };
	rf_code *code = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_code_disable(store, a.pos[0]) < 0 || rf_code_get(&code, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_code(c, code);
	rf_code_free(code);
	rf_store_free(store);
	return rc;
}
