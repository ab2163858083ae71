/* referral program create|list|show|update|archive */
#include "args.h"
#include "commands.h"
#include "render.h"
#include "rules.h"

#include <stdio.h>

static void show_program(const cli *c, const rf_program *p)
{
	if (c->json) {
		jw w;
		jw_init(&w, stdout);
		render_program_json(&w, p);
		jw_finish(&w);
	} else if (c->quiet) {
		printf("%s\n", p->key);
	} else {
		render_program_text(p);
	}
}

int cmd_program_create(cli *c, int argc, char **argv)
{
	rules_args ra = { 0 };
	const char *name = NULL;
	const arg_opt opts[] = {
		{ "name", "NAME", &name, NULL, "display name (default: the key)" },
		RULES_ATTRIBUTION_OPTS(ra),
		RULES_PROGRAM_OPTS(ra),
	};
	const arg_spec spec = { "program create", "KEY [options]",
				"Create a referral program named by KEY (e.g. spring-2026).\n\n" RULES_HELP,
				opts, ARGS_COUNT(opts), 1, 1 };
	rf_program_rules rules = RF_PROGRAM_RULES_INIT;
	int32_t weights[RF_CUSTOM_WEIGHTS_MAX];
	rf_program *p = NULL;
	rf_store *store;
	arg_result a;
	int rc, changed;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if ((rc = rules_apply(c, &ra, &rules, weights, &changed)) != CLI_EXIT_OK)
		return rc;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_program_create(&p, store, a.pos[0], name, &rules) < 0)
		rc = cli_fail(c);
	else
		show_program(c, p);
	rf_program_free(p);
	rf_store_free(store);
	return rc;
}

int cmd_program_update(cli *c, int argc, char **argv)
{
	rules_args ra = { 0 };
	const char *name = NULL;
	const arg_opt opts[] = {
		{ "name", "NAME", &name, NULL, "new display name" },
		RULES_ATTRIBUTION_OPTS(ra),
		RULES_PROGRAM_OPTS(ra),
		RULES_UNDO_OPTS(ra),
	};
	const arg_spec spec = { "program update", "KEY [options]",
				"Change a program's name and/or rules. Changing any rule bumps the\n"
				"rules version; conversions already attributed keep theirs.\n\n" RULES_HELP,
				opts, ARGS_COUNT(opts), 1, 1 };
	rf_program *current = NULL, *p = NULL;
	rf_program_rules rules;
	int32_t weights[RF_CUSTOM_WEIGHTS_MAX];
	rf_store *store;
	arg_result a;
	int rc, changed;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_program_get(&current, store, a.pos[0]) < 0) {
		rc = cli_fail(c);
		goto done;
	}
	rules = *current->rules;
	if ((rc = rules_apply(c, &ra, &rules, weights, &changed)) != CLI_EXIT_OK)
		goto done;
	if (!changed && !name) {
		rc = cli_usage(c, "program update: nothing to change (see --help)");
		goto done;
	}
	if (rf_program_update(&p, store, a.pos[0], name, changed ? &rules : NULL) < 0)
		rc = cli_fail(c);
	else
		show_program(c, p);
done:
	rf_program_free(current);
	rf_program_free(p);
	rf_store_free(store);
	return rc;
}

int cmd_program_show(cli *c, int argc, char **argv)
{
	const arg_spec spec = { "program show", "KEY", "Show a program and its current rules.",
				NULL, 0, 1, 1 };
	rf_program *p = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_program_get(&p, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_program(c, p);
	rf_program_free(p);
	rf_store_free(store);
	return rc;
}

static void show_programs(const cli *c, const rf_programs *list)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_karr_begin(&w, "programs");
		for (size_t i = 0; i < list->count; i++)
			render_program_json(&w, list->items[i]);
		jw_arr_end(&w);
		jw_doc_end(&w);
	} else if (c->quiet) {
		for (size_t i = 0; i < list->count; i++)
			printf("%s\n", list->items[i]->key);
	} else if (list->count == 0) {
		printf("no programs (create one with 'referral program create KEY')\n");
	} else {
		render_programs_table(list);
	}
}

int cmd_program_list(cli *c, int argc, char **argv)
{
	int all = 0;
	const arg_opt opts[] = {
		{ "all", NULL, NULL, &all, "include archived programs" },
	};
	const arg_spec spec = { "program list", "[--all]", "List programs by key.", opts,
				ARGS_COUNT(opts), 0, 0 };
	rf_programs *list = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_program_list(&list, store, all ? RF_LIST_INCLUDE_ARCHIVED : 0) < 0)
		rc = cli_fail(c);
	else
		show_programs(c, list);
	rf_programs_free(list);
	rf_store_free(store);
	return rc;
}

int cmd_program_archive(cli *c, int argc, char **argv)
{
	const arg_spec spec = { "program archive", "KEY",
				"Archive a program: its codes stop resolving and it takes no new\n"
				"touchpoints or conversions; its history stays. Archiving twice is harmless.",
				NULL, 0, 1, 1 };
	rf_program *p = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_program_archive(store, a.pos[0]) < 0 || rf_program_get(&p, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_program(c, p);
	rf_program_free(p);
	rf_store_free(store);
	return rc;
}
