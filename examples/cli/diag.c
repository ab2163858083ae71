/* Error reporting and opening the store. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[] = {
	"OK", "ERROR", "EINVALID", "ENOTFOUND", "EEXISTS", "ECONFLICT", "EBUSY",
	"ENOMEM", "EVERSION", "EMISUSE", "ECORRUPT", "EIO", "ENOTADB", "ECHECK",
	"EEXPIRED", "EDISABLED", "EEXHAUSTED", "ETAMPERED", "EKEY", "ECONSENT", "ELIMIT",
};

const char *cli_status_name(int status)
{
	size_t n = sizeof status_names / sizeof *status_names;
	if (status == RF_DUPLICATE)
		return "DUPLICATE";
	if (status <= 0 && (size_t)-status < n)
		return status_names[-status];
	return "UNKNOWN";
}

const char *cli_enum_name(int type, int32_t value)
{
	const char *name = rf_enum_name(type, value);
	return name ? name : "?";
}

int cli_verbose(const cli *c)
{
	return !c->json && !c->quiet;
}

/* The one stderr line, and with --json the error document on stdout. */
static void report(const cli *c, const char *kind, int status, const char *message)
{
	fprintf(stderr, "referral: %s\n", message);
	if (!c->json)
		return;
	jw w;
	jw_doc_begin(&w);
	jw_key(&w, "error");
	jw_obj_begin(&w);
	jw_kstr(&w, "kind", kind);
	if (status)
		jw_kstr(&w, "status", cli_status_name(status));
	else
		jw_kstr(&w, "status", NULL);
	jw_kstr(&w, "message", message);
	jw_obj_end(&w);
	jw_doc_end(&w);
}

static int vreportf(const cli *c, const char *kind, int status, const char *fmt, va_list ap)
	CLI_PRINTF(4, 0);

static int vreportf(const cli *c, const char *kind, int status, const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	report(c, kind, status, msg);
	return status == 0 ? CLI_EXIT_USAGE : CLI_EXIT_ERROR;
}

static int reportf(const cli *c, const char *kind, int status, const char *fmt, ...)
	CLI_PRINTF(4, 5);

static int reportf(const cli *c, const char *kind, int status, const char *fmt, ...)
{
	va_list ap;
	int rc;
	va_start(ap, fmt);
	rc = vreportf(c, kind, status, fmt, ap);
	va_end(ap);
	return rc;
}

/* The last error's status and message, never "no error". */
static int last_error(const char **message)
{
	const rf_error *e = rf_error_last();
	int code = e->code < 0 ? e->code : RF_ERROR;
	*message = e->message && *e->message && e->code < 0 ? e->message : rf_strerror(code);
	return code;
}

int cli_fail(const cli *c)
{
	const char *msg;
	int code = last_error(&msg);
	return reportf(c, "library", code, "%s", msg);
}

int cli_fail_at(const cli *c, const char *context)
{
	const char *msg;
	int code = last_error(&msg);
	return reportf(c, "library", code, "%s: %s", context, msg);
}

int cli_error(const cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreportf(c, "runtime", RF_ERROR, fmt, ap);
	va_end(ap);
	return CLI_EXIT_ERROR;
}

int cli_usage(const cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreportf(c, "usage", 0, fmt, ap);
	va_end(ap);
	return CLI_EXIT_USAGE;
}

int cli_open(rf_store **out, const cli *c, cli_open_mode mode)
{
	rf_store_options opts = RF_STORE_OPTIONS_INIT;
	int rc;

	if (mode == CLI_OPEN_EXISTING)
		opts.flags |= RF_STORE_NO_CREATE;
	rc = rf_store_open(out, c->db_path, &opts);
	if (rc == RF_OK)
		return CLI_EXIT_OK;
	*out = NULL;
	if (rc == RF_ENOTFOUND && mode == CLI_OPEN_EXISTING)
		return reportf(c, "library", RF_ENOTFOUND,
			       "%s: no such database (create it with 'referral init', or pass --db)",
			       c->db_path);
	return cli_fail_at(c, c->db_path);
}
