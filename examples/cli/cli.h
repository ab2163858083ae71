/* The referral CLI: shared context, exit codes, store opening, errors. */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <referral.h>

#include "output.h"
#include "table.h"

/* Exit codes. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_ERROR 1  /* runtime or library error */
#define CLI_EXIT_USAGE 2  /* bad command line */

#define CLI_DEFAULT_DB "./referral.db"

/** Global options, shared by every command. */
typedef struct cli {
	const char *db_path;  /* --db, default CLI_DEFAULT_DB */
	int db_given;         /* 1 when --db was on the command line */
	int json;             /* --json: one JSON document on stdout */
	int quiet;            /* --quiet: only the essential value, or nothing */
} cli;

/** How cli_open() treats a missing database file. */
typedef enum cli_open_mode {
	CLI_OPEN_EXISTING = 0,  /* fail: a typo in --db must not create a file */
	CLI_OPEN_CREATE = 1
} cli_open_mode;

/**
 * Open the store at c->db_path. Returns CLI_EXIT_OK, or an exit code after
 * reporting the failure (see cli_fail()).
 */
int cli_open(rf_store **out, const cli *c, cli_open_mode mode);

/**
 * Report the calling thread's last library error: one line
 * "referral: <message>" on stderr and, with --json, an error document on
 * stdout. Returns CLI_EXIT_ERROR.
 */
int cli_fail(const cli *c);

/** As cli_fail(), the message prefixed with "<context>: ". */
int cli_fail_at(const cli *c, const char *context);

/** As cli_fail() with a message of our own. Returns CLI_EXIT_ERROR. */
int cli_error(const cli *c, const char *fmt, ...) CLI_PRINTF(2, 3);

/** Report a usage error the same way. Returns CLI_EXIT_USAGE. */
int cli_usage(const cli *c, const char *fmt, ...) CLI_PRINTF(2, 3);

/** Short stable name of a status ("ECHECK", "DUPLICATE", "OK"). */
const char *cli_status_name(int status);

/** Name of an enumerated value, or "?" when the library has none. */
const char *cli_enum_name(int type, int32_t value);

/** 1 when the human-readable output should be printed. */
int cli_verbose(const cli *c);

#endif
