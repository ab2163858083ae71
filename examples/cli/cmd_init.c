/* referral init: create the database, or check an existing one. */
#include "args.h"
#include "commands.h"

#include <stdio.h>

static int file_exists(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	fclose(f);
	return 1;
}

static void print_result(const cli *c, int created)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "db", c->db_path);
		jw_kbool(&w, "created", created);
		jw_kint(&w, "schema_version", rf_store_schema_version());
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("%s %s (schema version %d)\n", created ? "created" : "already initialised:",
		       c->db_path, rf_store_schema_version());
	}
}

int cmd_init(cli *c, int argc, char **argv)
{
	static const arg_spec spec = {
		"init", "",
		"Create the database at --db (default ./referral.db) with the current\n"
		"schema, or open an existing one, migrate it forward and check it.",
		NULL, 0, 0, 0
	};
	arg_result a;
	rf_store *store;
	int rc, existed;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	existed = file_exists(c->db_path);
	rc = cli_open(&store, c, CLI_OPEN_CREATE);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (rf_store_check(store) != RF_OK)
		rc = cli_fail_at(c, c->db_path);
	else
		print_result(c, !existed);
	rf_store_free(store);
	return rc;
}
