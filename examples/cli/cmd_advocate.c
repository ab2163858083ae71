/* referral advocate add|show|list|deactivate (advocates belong to the store). */
#include "args.h"
#include "commands.h"
#include "render.h"

#include <inttypes.h>
#include <stdio.h>

static void show_advocate(const cli *c, const rf_advocate *adv)
{
	if (c->json) {
		jw w;
		jw_init(&w, stdout);
		render_advocate_json(&w, adv);
		jw_finish(&w);
	} else if (c->quiet) {
		printf("%s\n", adv->external_id);
	} else {
		render_advocate_text(adv);
	}
}

int cmd_advocate_add(cli *c, int argc, char **argv)
{
	rf_advocate_spec in = RF_ADVOCATE_SPEC_INIT;
	const char *kind = NULL;
	const arg_opt opts[] = {
		{ "kind", "KIND", &kind, NULL, "customer (default), employee, partner or influencer" },
		{ "name", "NAME", &in.display_name, NULL, "display name" },
		{ "email", "EMAIL", &in.email, NULL, "email; only its keyed hash is stored" },
	};
	const arg_spec spec = { "advocate add", "EXTERNAL_ID [options]",
				"Add an advocate, known by your application's own id. Advocates belong\n"
				"to the database and can hold codes in any program.",
				opts, ARGS_COUNT(opts), 1, 1 };
	rf_advocate *adv = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_enum(c, "--kind", kind, RF_ENUM_ADVOCATE_KIND, &in.kind))
		return CLI_EXIT_USAGE;
	in.external_id = a.pos[0];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_advocate_add(&adv, store, &in) < 0)
		rc = cli_fail(c);
	else
		show_advocate(c, adv);
	rf_advocate_free(adv);
	rf_store_free(store);
	return rc;
}

int cmd_advocate_show(cli *c, int argc, char **argv)
{
	const arg_spec spec = { "advocate show", "EXTERNAL_ID", "Show an advocate.", NULL, 0, 1, 1 };
	rf_advocate *adv = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_advocate_get(&adv, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_advocate(c, adv);
	rf_advocate_free(adv);
	rf_store_free(store);
	return rc;
}

int cmd_advocate_deactivate(cli *c, int argc, char **argv)
{
	const arg_spec spec = { "advocate deactivate", "EXTERNAL_ID",
				"Deactivate an advocate: their codes stop resolving; history stays.\n"
				"Deactivating twice is harmless.",
				NULL, 0, 1, 1 };
	rf_advocate *adv = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_advocate_deactivate(store, a.pos[0]) < 0 || rf_advocate_get(&adv, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_advocate(c, adv);
	rf_advocate_free(adv);
	rf_store_free(store);
	return rc;
}

static void show_page(const cli *c, const rf_advocates *page)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_karr_begin(&w, "advocates");
		for (size_t i = 0; i < page->count; i++)
			render_advocate_json(&w, page->items[i]);
		jw_arr_end(&w);
		jw_kint(&w, "next_cursor", page->next_cursor);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet) {
		for (size_t i = 0; i < page->count; i++)
			printf("%s\n", page->items[i]->external_id);
		return;
	}
	if (page->count == 0)
		printf("no advocates\n");
	else
		render_advocates_table(page);
	if (page->next_cursor)
		printf("more: referral advocate list --cursor %" PRId64 "\n", page->next_cursor);
}

int cmd_advocate_list(cli *c, int argc, char **argv)
{
	const char *limit_text = NULL, *cursor_text = NULL;
	const arg_opt opts[] = {
		{ "limit", "N", &limit_text, NULL, "advocates per page, 1..1000 (default 100)" },
		{ "cursor", "C", &cursor_text, NULL, "continue from a previous page's next cursor" },
	};
	const arg_spec spec = { "advocate list", "[--limit N] [--cursor C]",
				"List advocates in creation order, one page at a time.",
				opts, ARGS_COUNT(opts), 0, 0 };
	int64_t limit = 100, cursor = 0;
	rf_advocates *page = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "--limit", limit_text, 1, 1000, &limit) ||
	    argval_i64(c, "--cursor", cursor_text, 0, INT64_MAX, &cursor))
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_advocate_list(&page, store, cursor, (uint32_t)limit) < 0)
		rc = cli_fail(c);
	else
		show_page(c, page);
	rf_advocates_free(page);
	rf_store_free(store);
	return rc;
}
