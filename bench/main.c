/*
 * bench_referral: the library against raw SQLite doing the same work, in
 * the same run, on the same machine. See bench/README.md.
 */
#include "bench.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bench_referral [--scale N] [--quick] [--json] [--check] [--only NAME]\n"
		"                      [--seed N] [--rounds N] [--dir DIR] [--keep] [--raw-dup]\n"
		"                      [--verbose]\n"
		"  --scale N   multiply the workload (default 1: under a minute)\n"
		"  --quick     tiny workload for smoke tests (scale 0.02)\n"
		"  --json      print one JSON object instead of the table\n"
		"  --check     exit 1 when a ratio misses its target\n"
		"  --only NAME touch_batched, touch_single, resolve or conversion\n"
		"  --seed N    workload seed (default 1)\n"
		"  --rounds N  alternate library and raw N times per benchmark (default 10)\n"
		"  --dir DIR   where to make the temporary directory (default $TMPDIR or /tmp)\n"
		"  --keep      keep the databases and print where they are\n"
		"  --raw-dup   raw side also marks duplicate clicks, as the library does\n"
		"  --verbose   print every round's times on stderr\n");
}

static int parse(run_ctx *x, int argc, char **argv)
{
	bench_config *c = &x->cfg;
	c->scale = 1;
	c->seed = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--scale") && v) {
			c->scale = strtod(v, NULL), i++;
		} else if (!strcmp(a, "--seed") && v) {
			c->seed = strtoull(v, NULL, 10), i++;
		} else if (!strcmp(a, "--rounds") && v) {
			c->rounds = atoi(v), i++;
		} else if (!strcmp(a, "--only") && v) {
			c->only = v, i++;
		} else if (!strcmp(a, "--dir") && v) {
			c->tmp = v, i++;
		} else if (!strcmp(a, "--quick")) {
			c->scale = 0.02;
		} else if (!strcmp(a, "--json")) {
			c->json = 1;
		} else if (!strcmp(a, "--check")) {
			c->check = 1;
		} else if (!strcmp(a, "--keep")) {
			c->keep = 1;
		} else if (!strcmp(a, "--verbose")) {
			c->verbose = 1;
		} else if (!strcmp(a, "--raw-dup")) {
			x->raw_dup = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		} else {
			fprintf(stderr, "bench: bad argument '%s'\n", a);
			usage(stderr);
			return -1;
		}
	}
	if (!(c->scale > 0 && c->scale <= 1000)) {
		fprintf(stderr, "bench: --scale must be in (0, 1000]\n");
		return -1;
	}
	if (c->rounds < 0 || c->rounds > 100) {
		fprintf(stderr, "bench: --rounds must be in 1..100\n");
		return -1;
	}
	return 0;
}

static int make_dir(run_ctx *x)
{
	const char *base = x->cfg.tmp ? x->cfg.tmp : getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = "/tmp";
	snprintf(x->dir, sizeof(x->dir), "%s/referral-bench.XXXXXX", base);
	if (mkdtemp(x->dir) == NULL) {
		perror("bench: mkdtemp");
		return -1;
	}
	snprintf(x->lib_path, sizeof(x->lib_path), "%s/library.db", x->dir);
	snprintf(x->raw_path, sizeof(x->raw_path), "%s/raw.db", x->dir);
	return 0;
}

/* Remove the databases, their -wal and -shm files, and the directory. */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		char path[1024];
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

int main(int argc, char **argv)
{
	static run_ctx x;
	bench_result res[8];
	size_t n = 0;
	if (parse(&x, argc, argv) != 0)
		return 2;
	bench_sizes_for(&x.z, x.cfg.scale, x.cfg.rounds);
	if (make_dir(&x) != 0)
		return 3;
	int rc = bench_run(&x, res, &n);
	int drift = rc == 0 ? raw_schema_drift(x.lib_path, x.raw_path, stderr) : 0;
	lib_close(&x.lib);
	raw_close(&x.raw);
	workload_free(&x.w);
	if (x.cfg.keep)
		fprintf(stderr, "bench: kept %s\n", x.dir);
	else
		remove_dir(x.dir);
	if (rc != 0)
		return 3;
	long rss = bench_peak_rss_kib();
	if (x.cfg.json)
		report_json(stdout, res, n, &x.cfg, rss, drift);
	else
		report_table(stdout, res, n, &x.cfg, rss, drift);
	for (size_t i = 0; x.cfg.check && i < n; i++) {
		if (res[i].target > 0 && bench_ratio(&res[i]) < res[i].target)
			return 1;
	}
	return 0;
}
