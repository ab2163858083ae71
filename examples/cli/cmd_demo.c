/* referral demo: simulate a realistic referral program on a fresh database
 * and report on it. Deterministic for a seed (codes aside: they come from
 * the library's CSPRNG). */
#include "args.h"
#include "commands.h"
#include "dashboard.h"
#include "demo.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define DEMO_DEFAULT_DB "referral-demo.db"

double demo_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int file_exists(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	fclose(f);
	return 1;
}

/* 1 when `path` holds a database an earlier demo made: a libreferral
 * store whose only program is the demo's. */
static int is_demo_db(const char *path)
{
	rf_store_options opts = RF_STORE_OPTIONS_INIT;
	rf_programs *list = NULL;
	rf_store *store = NULL;
	int yes = 0;

	opts.flags = RF_STORE_NO_CREATE;
	if (rf_store_open(&store, path, &opts) != RF_OK)
		return 0;
	if (rf_program_list(&list, store, RF_LIST_INCLUDE_ARCHIVED) == RF_OK)
		yes = list->count == 1 && strcmp(list->items[0]->key, DEMO_PROGRAM) == 0;
	rf_programs_free(list);
	rf_store_free(store);
	return yes;
}

/* Remove the database and its WAL files, refusing anything but an old demo. */
static int make_room(const cli *c, int force)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char path[4096];

	if (!file_exists(c->db_path))
		return CLI_EXIT_OK;
	if (!force && !is_demo_db(c->db_path))
		return cli_error(c, "demo: %s exists and is not a demo database; "
				    "choose another --db or pass --force to replace it", c->db_path);
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		snprintf(path, sizeof path, "%s%s", c->db_path, suffixes[i]);
		if (remove(path) != 0 && file_exists(path))
			return cli_error(c, "demo: cannot remove %s", path);
	}
	return CLI_EXIT_OK;
}

static int open_fresh(rf_store **out, const cli *c, demo_clock *clock)
{
	rf_store_options opts = RF_STORE_OPTIONS_INIT;
	opts.clock = demo_clock_now;
	opts.clock_ctx = clock;
	if (rf_store_open(out, c->db_path, &opts) != RF_OK) {
		*out = NULL;
		return cli_fail_at(c, c->db_path);
	}
	return CLI_EXIT_OK;
}

/* The dashboard goes next to the database: "x.db" -> "x.html", else "x.html"
 * appended. Returns 0, or -1 when the path does not fit. */
static int dashboard_path(char *out, size_t size, const char *db)
{
	size_t n = strlen(db);
	if (n > 3 && strcmp(db + n - 3, ".db") == 0)
		n -= 3;
	if (n > INT32_MAX)
		return -1;
	return (size_t)snprintf(out, size, "%.*s.html", (int)n, db) < size ? 0 : -1;
}

static int write_dashboard(const cli *c, rf_store *store, const char *path)
{
	rf_report_query q = RF_REPORT_QUERY_INIT;
	q.program = DEMO_PROGRAM;
	q.period = 0; /* auto */
	return dashboard_write(c, store, &q, path);
}

static int run(const cli *c, const demo_config *cfg)
{
	char html_path[4096];
	double started = demo_seconds();
	demo_clock clock = { 0 };
	demo_world world;
	rf_store *store;
	int rc;

	if (dashboard_path(html_path, sizeof html_path, c->db_path) != 0)
		return cli_error(c, "demo: path too long: %s", c->db_path);
	demo_simulate(&world, cfg);
	clock.now_ms = world.start_ms;
	rc = open_fresh(&store, c, &clock);
	if (rc == CLI_EXIT_OK)
		rc = demo_ingest(c, store, &clock, &world);
	if (rc == CLI_EXIT_OK)
		rc = demo_rewards_suspects(c, store, &clock, &world);
	if (rc == CLI_EXIT_OK)
		rc = demo_rewards_payout(c, store);
	if (rc == CLI_EXIT_OK)
		rc = write_dashboard(c, store, html_path);
	if (rc == CLI_EXIT_OK)
		rc = demo_report(c, store, &world, started, html_path);
	rf_store_free(store);
	demo_world_free(&world);
	return rc;
}

int cmd_demo(cli *c, int argc, char **argv)
{
	const char *advocates = NULL, *visitors = NULL, *seed = NULL, *days = NULL;
	int force = 0;
	const arg_opt opts[] = {
		{ "advocates", "N", &advocates, NULL, "advocates, 1..100000 (default 300)" },
		{ "visitors", "N", &visitors, NULL, "referred visitors, 1..2000000 (default 30000)" },
		{ "days", "N", &days, NULL, "campaign length in days, 7..365 (default 42)" },
		{ "seed", "S", &seed, NULL, "random seed (default 1); same seed, same numbers" },
		{ "force", NULL, NULL, &force, "replace --db even if it is not an earlier demo" },
	};
	const arg_spec spec = {
		"demo", "[--advocates N] [--visitors N] [--days N] [--seed S]",
		"Simulate a referral program on a fresh database (default ./referral-demo.db,\n"
		"replaced if it holds an earlier demo) and print what a marketer wants to\n"
		"see: headline numbers, top advocates, the split by kind, channel and week,\n"
		"and why one conversion was credited as it was. Sharing is power-law\n"
		"skewed; visitors click twice, come back, meet several advocates and buy\n"
		"over weeks. A clock is injected, so a seed always gives the same numbers.",
		opts, ARGS_COUNT(opts), 0, 0
	};
	demo_config cfg = { 300, 30000, 42, 1 };
	int64_t seed_value = 1;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "--advocates", advocates, 1, 100000, &cfg.advocates) ||
	    argval_i64(c, "--visitors", visitors, 1, 2000000, &cfg.visitors) ||
	    argval_i64(c, "--days", days, 7, 365, &cfg.days) ||
	    argval_i64(c, "--seed", seed, 0, INT64_MAX, &seed_value))
		return CLI_EXIT_USAGE;
	cfg.seed = (uint64_t)seed_value;
	if (!c->db_given)
		c->db_path = DEMO_DEFAULT_DB;
	if ((rc = make_room(c, force)) != CLI_EXIT_OK)
		return rc;
	return run(c, &cfg);
}
