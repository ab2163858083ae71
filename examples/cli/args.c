#include "args.h"

#include <stdio.h>
#include <string.h>

const char *const args_global_help =
	"global options:\n"
	"  --db PATH                    database file (default ./referral.db)\n"
	"  --json                       print one JSON document on stdout\n"
	"  --quiet                      print only the essential value, or nothing\n"
	"  -h, --help                   show help\n";

/* "--name" or "--name=value" (or "-n" for a one-letter name): does `arg`
 * name option `name`? */
static int names(const char *arg, const char *name, const char **inline_value)
{
	size_t n = strlen(name);
	if (n == 1 && arg[0] == '-' && arg[1] == name[0] && arg[2] == '\0') {
		*inline_value = NULL;
		return 1;
	}
	if (strncmp(arg, "--", 2) != 0 || strncmp(arg + 2, name, n) != 0)
		return 0;
	if (arg[2 + n] == '\0') {
		*inline_value = NULL;
		return 1;
	}
	if (arg[2 + n] == '=') {
		*inline_value = arg + 3 + n;
		return 1;
	}
	return 0;
}

/* The value of an option: inline, or the next argument. Returns the
 * number of arguments used, or -1 when the value is missing. */
static int take_value(int argc, char **argv, const char *inline_value, const char **value)
{
	if (inline_value) {
		*value = inline_value;
		return 1;
	}
	if (argc < 2)
		return -1;
	*value = argv[1];
	return 2;
}

int args_global(cli *c, int argc, char **argv)
{
	const char *inline_value;
	int used;

	if (names(argv[0], "json", &inline_value) && !inline_value) {
		c->json = 1;
		return 1;
	}
	if (names(argv[0], "quiet", &inline_value) && !inline_value) {
		c->quiet = 1;
		return 1;
	}
	if (!names(argv[0], "db", &inline_value))
		return 0;
	used = take_value(argc, argv, inline_value, &c->db_path);
	if (used < 0 || !*c->db_path) {
		cli_usage(c, "--db needs a PATH");
		return -1;
	}
	c->db_given = 1;
	return used;
}

void args_print_help(const arg_spec *spec)
{
	printf("usage: referral %s%s%s\n\n%s\n", spec->command, *spec->usage ? " " : "", spec->usage,
	       spec->help);
	if (spec->opt_count)
		printf("\noptions:\n");
	for (size_t i = 0; i < spec->opt_count; i++) {
		const arg_opt *o = &spec->opts[i];
		char left[64];
		snprintf(left, sizeof left, "%s%s%s%s", o->name[1] ? "--" : "-", o->name,
			 o->metavar ? " " : "", o->metavar ? o->metavar : "");
		printf("  %-28s %s\n", left, o->desc);
	}
	printf("\n%s", args_global_help);
}

static int is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* "-" and "-12.5" are values, not options. */
static int looks_like_option(const char *arg)
{
	return arg[0] == '-' && arg[1] != '\0' && !(arg[1] >= '0' && arg[1] <= '9');
}

/* Match argv[0] against the command's options. Returns arguments used,
 * or -1 after a usage error. */
static int command_option(const arg_spec *spec, cli *c, int argc, char **argv)
{
	for (size_t i = 0; i < spec->opt_count; i++) {
		const arg_opt *o = &spec->opts[i];
		const char *inline_value;
		int used;
		if (!names(argv[0], o->name, &inline_value))
			continue;
		if (!o->metavar) {
			if (inline_value) {
				cli_usage(c, "%s: --%s takes no value", spec->command, o->name);
				return -1;
			}
			*o->flag = 1;
			return 1;
		}
		used = take_value(argc, argv, inline_value, o->value);
		if (used < 0) {
			cli_usage(c, "%s: --%s needs a value (%s)", spec->command, o->name, o->metavar);
			return -1;
		}
		return used;
	}
	cli_usage(c, "%s: unknown option '%s' (see 'referral %s --help')", spec->command, argv[0],
		  spec->command);
	return -1;
}

static int add_positional(const arg_spec *spec, cli *c, arg_result *out, const char *arg)
{
	if (out->count >= spec->max_pos || out->count >= ARGS_MAX_POS) {
		cli_usage(c, "%s: unexpected argument '%s' (usage: referral %s %s)", spec->command, arg,
			  spec->command, spec->usage);
		return -1;
	}
	out->pos[out->count++] = arg;
	return 1;
}

static int parse_one(const arg_spec *spec, cli *c, int argc, char **argv, arg_result *out,
		     int *options_done)
{
	int used;
	if (*options_done || !looks_like_option(argv[0]))
		return add_positional(spec, c, out, argv[0]);
	if (strcmp(argv[0], "--") == 0) {
		*options_done = 1;
		return 1;
	}
	used = args_global(c, argc, argv);
	if (used != 0)
		return used;
	return command_option(spec, c, argc, argv);
}

/* Before parsing: honour --help, and --json wherever it is, so that even
 * an early usage error is reported in the requested form. */
static int prescan(const arg_spec *spec, cli *c, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--json") == 0)
			c->json = 1;
		if (is_help(argv[i])) {
			args_print_help(spec);
			return 1;
		}
	}
	return 0;
}

int args_parse(const arg_spec *spec, cli *c, int argc, char **argv, arg_result *out,
	       int *exit_code)
{
	int options_done = 0;

	memset(out, 0, sizeof *out);
	if (prescan(spec, c, argc, argv)) {
		*exit_code = CLI_EXIT_OK;
		return 0;
	}
	for (int i = 0; i < argc;) {
		int used = parse_one(spec, c, argc - i, argv + i, out, &options_done);
		if (used < 0) {
			*exit_code = CLI_EXIT_USAGE;
			return 0;
		}
		i += used;
	}
	if (out->count < spec->min_pos) {
		*exit_code = cli_usage(c, "%s: missing argument (usage: referral %s %s)",
				       spec->command, spec->command, spec->usage);
		return 0;
	}
	return 1;
}

int args_parse_open(const arg_spec *spec, cli *c, int argc, char **argv, arg_result *out,
		    rf_store **store, int *exit_code)
{
	*store = NULL;
	if (!args_parse(spec, c, argc, argv, out, exit_code))
		return 0;
	*exit_code = cli_open(store, c, CLI_OPEN_EXISTING);
	return *exit_code == CLI_EXIT_OK;
}
