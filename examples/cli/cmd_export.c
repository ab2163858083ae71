/* referral export PROGRAM --what W [--format F] [--from T] [--to T]
 *   [--pseudonyms] [-o FILE]
 * referral import PROGRAM --what W FILE
 * Streamed CSV/JSON exports and all-or-nothing CSV imports (export.h). */
#include "args.h"
#include "commands.h"
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const what_names[] = { NULL, "touchpoints", "conversions", "attributions",
					  "codes", "rewards", "scores" };

static int parse_what(const cli *c, const char *cmd, const char *text, int imports,
		      int32_t *out)
{
	for (int32_t i = 1; i <= 6; i++) {
		if (text && strcmp(text, what_names[i]) == 0 && !(imports && (i == 3 || i >= 5))) {
			*out = i;
			return 0;
		}
	}
	cli_usage(c, "%s: --what must be %s (not '%s')", cmd,
		  imports ? "codes, touchpoints or conversions"
			  : "touchpoints, conversions, attributions, codes, rewards or scores",
		  text ? text : "");
	return -1;
}

typedef struct out_file {
	FILE *f;
	int failed;
} out_file;

static int write_chunk(void *payload, const char *data, size_t len)
{
	out_file *o = payload;
	if (fwrite(data, 1, len, o->f) != len) {
		o->failed = 1;
		return 1;
	}
	return 0;
}

static void summary(const cli *c, const char *verb, const char *program, const char *what,
		    int64_t rows, const char *file)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", program);
		jw_kstr(&w, "what", what);
		jw_kint(&w, "rows", rows);
		jw_kstr(&w, "file", file);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("%s %lld %s %s %s\n", verb, (long long)rows, what,
		       strcmp(verb, "exported") == 0 ? "to" : "from", file);
	}
}

/* Write to a temporary file next to `path`, renamed over it on success. */
static int export_to_file(const cli *c, rf_store *store, const rf_export_options *o,
			  const char *path, int64_t *rows)
{
	char tmp[4096];
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", path) >= sizeof tmp)
		return cli_error(c, "export: path too long: %s", path);
	out_file out = { fopen(tmp, "wb"), 0 };
	if (!out.f)
		return cli_error(c, "export: cannot write %s", tmp);
	int rc = rf_export(rows, store, o, write_chunk, &out);
	out.failed |= fclose(out.f) != 0;
	if (rc >= 0 && !out.failed && rename(tmp, path) == 0)
		return CLI_EXIT_OK;
	remove(tmp);
	if (out.failed)
		return cli_error(c, "export: cannot write %s", path);
	return rc < 0 ? cli_fail_at(c, "export") : cli_error(c, "export: cannot write %s", path);
}

int cmd_export(cli *c, int argc, char **argv)
{
	rf_export_options o = RF_EXPORT_OPTIONS_INIT;
	const char *what = NULL, *format = NULL, *from = NULL, *to = NULL, *path = NULL;
	int pseudonyms = 0;
	const arg_opt opts[] = {
		{ "what", "W", &what, NULL,
		  "touchpoints, conversions, attributions (credit rows), codes, rewards"
		  " (ledger entries) or scores (required)" },
		{ "format", "F", &format, NULL, "csv or json (default csv; json with --json)" },
		{ "from", "TIME", &from, NULL, "from TIME, inclusive" },
		{ "to", "TIME", &to, NULL, "until TIME, exclusive" },
		{ "pseudonyms", NULL, NULL, &pseudonyms,
		  "replace visitor and customer ids with keyed hashes" },
		{ "o", "FILE", &path, NULL, "write to FILE (default: standard output)" },
	};
	const arg_spec spec = {
		"export", "PROGRAM --what W [--format csv|json] [--from T] [--to T] [-o FILE]",
		"Stream a program's touchpoints, conversions, attributions, codes, reward\n"
		"ledger entries or advocates' scores (at the clock, with their components)\n"
		"as CSV or JSON (columns: docs/REPORTS.md). No emails, IPs,\n"
		"user agents, landing URLs or names, nor their hashes. With -o, the file\n"
		"is replaced only when the export is complete, and a summary is printed.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;
	int64_t rows = 0;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (parse_what(c, "export", what, 0, &o.what))
		return CLI_EXIT_USAGE;
	o.format = c->json ? RF_FORMAT_JSON : RF_FORMAT_CSV;
	if (format && strcmp(format, "csv") == 0)
		o.format = RF_FORMAT_CSV;
	else if (format && strcmp(format, "json") == 0)
		o.format = RF_FORMAT_JSON;
	else if (format)
		return cli_usage(c, "export: --format must be csv or json (not '%s')", format);
	if (argval_period(c, "export", from, to, &o.from_ms, &o.to_ms))
		return CLI_EXIT_USAGE;
	if (path && !*path)
		return cli_usage(c, "export: -o needs a file name");
	o.program = a.pos[0];
	o.flags = pseudonyms ? RF_EXPORT_PSEUDONYMS : 0;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (path && strcmp(path, "-") != 0) {
		rc = export_to_file(c, store, &o, path, &rows);
		if (rc == CLI_EXIT_OK)
			summary(c, "exported", o.program, what_names[o.what], rows, path);
	} else {
		out_file out = { stdout, 0 };
		if (rf_export(&rows, store, &o, write_chunk, &out) < 0)
			rc = out.failed ? cli_error(c, "export: cannot write the output")
					: cli_fail_at(c, "export");
	}
	rf_store_free(store);
	return rc;
}

typedef struct in_file {
	FILE *f;
	uint64_t done;
	progress bar;
} in_file;

static int64_t read_chunk(void *payload, char *buf, size_t size)
{
	in_file *in = payload;
	size_t n = fread(buf, 1, size, in->f);
	if (n == 0 && ferror(in->f))
		return -1;
	in->done += n;
	progress_update(&in->bar, in->done);
	return (int64_t)n;
}

int cmd_import(cli *c, int argc, char **argv)
{
	rf_import_options o = RF_IMPORT_OPTIONS_INIT;
	const char *what = NULL;
	const arg_opt opts[] = {
		{ "what", "W", &what, NULL, "codes, touchpoints or conversions (required)" },
	};
	const arg_spec spec = {
		"import", "PROGRAM --what W FILE",
		"Import CSV with the export's columns (FILE, or - for standard input) in\n"
		"one transaction: all rows or none. A bad row stops the import with its\n"
		"line and column, and nothing is written. For a copy of a program, create\n"
		"the program with the same rules, then import codes, touchpoints and\n"
		"conversions, in that order (docs/REPORTS.md).",
		opts, ARGS_COUNT(opts), 2, 2
	};
	rf_store *store;
	arg_result a;
	int rc;
	int64_t rows = 0;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (parse_what(c, "import", what, 1, &o.what))
		return CLI_EXIT_USAGE;
	o.program = a.pos[0];
	const char *path = a.pos[1];
	int is_stdin = strcmp(path, "-") == 0;
	in_file in = { is_stdin ? stdin : fopen(path, "rb"), 0, { 0 } };
	if (!in.f)
		return cli_error(c, "import: cannot read %s", path);
	struct stat st;
	uint64_t size = fstat(fileno(in.f), &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK) {
		if (!is_stdin)
			fclose(in.f);
		return rc;
	}
	char label[48];
	snprintf(label, sizeof label, "importing %s", what_names[o.what]);
	progress_start(&in.bar, c, label, size);
	int status = rf_import(&rows, store, &o, read_chunk, &in);
	progress_end(&in.bar);
	if (status < 0)
		rc = cli_fail_at(c, path);
	else
		summary(c, "imported", o.program, what_names[o.what], rows, path);
	if (!is_stdin)
		fclose(in.f);
	rf_store_free(store);
	return rc;
}
