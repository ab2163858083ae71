/* referral: the command-line face of libreferral. Parses the global
 * options, finds the command and runs it. */
#include "args.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

typedef struct command {
	const char *group;    /* first word */
	const char *name;     /* second word, or NULL for one-word commands */
	cmd_fn run;
	const char *summary;
} command;

static const command commands[] = {
	{ "init", NULL, cmd_init, "create (or check) the database" },
	{ "program", "create", cmd_program_create, "create a referral program" },
	{ "program", "list", cmd_program_list, "list programs" },
	{ "program", "show", cmd_program_show, "show a program and its rules" },
	{ "program", "update", cmd_program_update, "change a program's name or rules" },
	{ "program", "archive", cmd_program_archive, "archive a program" },
	{ "advocate", "add", cmd_advocate_add, "add an advocate" },
	{ "advocate", "show", cmd_advocate_show, "show an advocate" },
	{ "advocate", "list", cmd_advocate_list, "list advocates, a page at a time" },
	{ "advocate", "deactivate", cmd_advocate_deactivate, "deactivate an advocate" },
	{ "code", "issue", cmd_code_issue, "issue a tracking code to an advocate" },
	{ "code", "resolve", cmd_code_resolve, "check what a typed or clicked code means" },
	{ "code", "show", cmd_code_show, "show a code in any state" },
	{ "code", "disable", cmd_code_disable, "disable a code" },
	{ "track", "click", cmd_track_click, "record a click on a code" },
	{ "track", "visit", cmd_track_visit, "record a visit carrying a code" },
	{ "track", "scan", cmd_track_scan, "record a scan of a code (QR)" },
	{ "convert", NULL, cmd_convert, "record a conversion and attribute it" },
	{ "explain", NULL, cmd_explain, "explain how a conversion was credited" },
	{ "refund", NULL, cmd_refund, "refund part or all of a conversion" },
	{ "identify", NULL, cmd_identify, "tie a visitor id to a customer id" },
	{ "stats", NULL, cmd_stats, "program or advocate statistics" },
	{ "report", NULL, cmd_report, "a period's headline numbers (customers, K-factor, reward cost)" },
	{ "fit", NULL, cmd_fit, "fit a data-driven model (markov, shapley)" },
	{ "replay", NULL, cmd_replay, "replay history under other rules (what-if)" },
	{ "attribute", NULL, cmd_attribute, "attribute a CSV file of paths offline" },
	{ "dashboard", NULL, cmd_dashboard, "write a self-contained HTML dashboard" },
	{ "export", NULL, cmd_export, "stream touchpoints, conversions, credit or codes (CSV, JSON)" },
	{ "import", NULL, cmd_import, "import codes, touchpoints or conversions from CSV" },
	{ "demo", NULL, cmd_demo, "simulate a realistic program and report on it" },
	{ "erase", "advocate", cmd_erase_advocate, "erase an advocate (right to be forgotten)" },
	{ "erase", "customer", cmd_erase_customer, "erase a customer and its visitors' ids" },
	{ "person", "export", cmd_person_export, "everything held about a person, as JSON" },
	{ "retention", "purge", cmd_retention_purge, "purge touchpoints past retention" },
	{ "privacy", "policy", cmd_privacy_policy, "show or set a program's privacy policy" },
	{ "secret", "rotate", cmd_secret_rotate, "hash personal data with a new key" },
	{ "secret", "list", cmd_secret_list, "list the hash keys (not their secrets)" },
	{ "rewards", NULL, cmd_rewards, "a program's rewards and balances" },
	{ "payout", NULL, cmd_payout, "pay approved rewards in one batch" },
	{ "reward", "rules", cmd_reward_rules, "show a program's reward policy and rules" },
	{ "reward", "rule-add", cmd_reward_rule_add, "add a reward rule" },
	{ "reward", "rule-remove", cmd_reward_rule_remove, "remove a reward rule" },
	{ "reward", "policy", cmd_reward_policy, "set holding period, payout minimum, caps" },
	{ "reward", "settle", cmd_reward_settle, "approve rewards whose holding ended" },
	{ "reward", "codes", cmd_reward_codes, "load coupon codes into a code bank" },
	{ "version", NULL, cmd_version, "print the CLI and library versions" },
	{ "review", "list", cmd_review_list, "conversions held for fraud review" },
	{ "review", "show", cmd_review_show, "a conversion's fraud check and its evidence" },
	{ "review", "approve", cmd_review_approve, "approve a held conversion" },
	{ "review", "reject", cmd_review_reject, "reject a held conversion" },
	{ "fraud", "domains", cmd_fraud_domains, "load the disposable email domains from a file" },
	{ "activity", NULL, cmd_activity, "record an advocate's activity (share, review, ...)" },
	{ "score", NULL, cmd_score, "an advocate's explained score" },
	{ "leaderboard", NULL, cmd_leaderboard, "rank advocates by score, referrals or value" },
	{ "tiers", NULL, cmd_tiers, "show (and refresh) a program's tiers" },
	{ "recompute", NULL, cmd_recompute, "recompute every score of a program from its events" },
	{ "consent", NULL, cmd_consent, "show, grant or withdraw an advocate's consent" },
	{ "content", "add", cmd_content_add, "add an item to a program's content library" },
	{ "content", "list", cmd_content_list, "a program's content library" },
	{ "content", "for", cmd_content_for, "what an advocate should see now" },
	{ "content", "archive", cmd_content_archive, "stop offering an item" },
	{ "content", "stats", cmd_content_stats, "content performance: clicks, conversions, value" },
	{ "outbox", "list", cmd_outbox_list, "messages waiting for the host to deliver" },
	{ "outbox", "drain", cmd_outbox_drain, "list queued messages and acknowledge them" },
	{ "stage", NULL, cmd_stage, "an advocate's lifecycle stage and its history" },
	{ "stages", NULL, cmd_stages, "advocates per lifecycle stage (and refresh)" },
	{ "segment", NULL, cmd_segment, "show, set or remove an advocate's segment" },
	{ "testimonial", "add", cmd_testimonial_add, "record an advocate's testimonial" },
	{ "testimonial", "approve", cmd_testimonial_approve, "approve a testimonial" },
	{ "testimonial", "reject", cmd_testimonial_reject, "reject a testimonial" },
	{ "testimonial", "list", cmd_testimonial_list, "find testimonials (publishable by default)" },
	{ "reference", "find", cmd_reference_find, "advocates who may be asked for a reference" },
	{ "reference", "ask", cmd_reference_ask, "record a reference ask (under the ask cap)" },
	{ "reference", "close", cmd_reference_close, "record what came of a reference ask" },
};

#define COMMAND_COUNT (sizeof commands / sizeof *commands)

static void print_overview(void)
{
	printf("usage: referral [global options] COMMAND [arguments] [options]\n\n"
	       "Referral programs from the command line, on a libreferral database.\n\n"
	       "commands:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		const command *cmd = &commands[i];
		char words[40];
		snprintf(words, sizeof words, "%s %s", cmd->group, cmd->name ? cmd->name : "");
		printf("  %-22s%s\n", words, cmd->summary);
	}
	printf("\n%s  --version                    print the version and exit\n"
	       "\nRun 'referral COMMAND --help' for a command's arguments and options.\n"
	       "Exit status: 0 ok, 1 runtime or library error, 2 usage error.\n",
	       args_global_help);
}

static void print_group(const char *group)
{
	printf("usage: referral %s SUBCOMMAND [arguments] [options]\n\nsubcommands:\n", group);
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].group, group) == 0)
			printf("  %-12s%s\n", commands[i].name, commands[i].summary);
	printf("\nRun 'referral %s SUBCOMMAND --help' for details.\n", group);
}

static int is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

static const command *find(const char *group, const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		const command *cmd = &commands[i];
		if (strcmp(cmd->group, group) != 0)
			continue;
		if (!cmd->name || (name && strcmp(cmd->name, name) == 0))
			return cmd;
	}
	return NULL;
}

static int group_exists(const char *group)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].group, group) == 0)
			return 1;
	return 0;
}

/* argv[0] is the command word. */
static int dispatch(cli *c, int argc, char **argv)
{
	const char *group = argv[0], *name = argc > 1 ? argv[1] : NULL;
	const command *cmd;

	if (strcmp(group, "help") == 0) {
		print_overview();
		return CLI_EXIT_OK;
	}
	if (!group_exists(group))
		return cli_usage(c, "unknown command '%s' (see 'referral --help')", group);
	cmd = find(group, name);
	if (cmd && !cmd->name)
		return cmd->run(c, argc - 1, argv + 1);
	if (name && is_help(name)) {
		print_group(group);
		return CLI_EXIT_OK;
	}
	if (!cmd && !name)
		return cli_usage(c, "%s: missing subcommand (see 'referral %s --help')", group, group);
	if (!cmd)
		return cli_usage(c, "%s: unknown subcommand '%s' (see 'referral %s --help')", group,
				 name, group);
	return cmd->run(c, argc - 2, argv + 2);
}

int cmd_version(cli *c, int argc, char **argv)
{
	static const arg_spec spec = { "version", "", "Print the CLI and library versions.",
				       NULL, 0, 0, 0 };
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "cli", RF_VERSION_STRING);
		jw_kstr(&w, "library", rf_version_string());
		jw_kint(&w, "schema_version", rf_store_schema_version());
		jw_doc_end(&w);
	} else {
		printf("referral %s (libreferral %s, schema %d)\n", RF_VERSION_STRING,
		       rf_version_string(), rf_store_schema_version());
	}
	return CLI_EXIT_OK;
}

/* Global options before the command. Returns 1 to go on with argv[*i],
 * or 0 with *rc set. */
static int leading_options(cli *c, int argc, char **argv, int *i, int *rc)
{
	while (*i < argc && argv[*i][0] == '-') {
		int used;
		if (is_help(argv[*i])) {
			print_overview();
			*rc = CLI_EXIT_OK;
			return 0;
		}
		if (strcmp(argv[*i], "--version") == 0) {
			*rc = cmd_version(c, argc - *i - 1, argv + *i + 1);
			return 0;
		}
		used = args_global(c, argc - *i, argv + *i);
		if (used <= 0) {
			*rc = used < 0 ? CLI_EXIT_USAGE
				       : cli_usage(c, "unknown option '%s' (see 'referral --help')",
						   argv[*i]);
			return 0;
		}
		*i += used;
	}
	return 1;
}

int main(int argc, char **argv)
{
	cli c = { CLI_DEFAULT_DB, 0, 0, 0 };
	int i = 1, rc = CLI_EXIT_OK;

	if (!leading_options(&c, argc, argv, &i, &rc))
		return rc;
	if (i >= argc)
		return cli_usage(&c, "missing command (see 'referral --help')");
	rc = dispatch(&c, argc - i, argv + i);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("referral: cannot write the output\n", stderr);
		return CLI_EXIT_ERROR;
	}
	return rc;
}
