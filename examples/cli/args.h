/* Command-line parsing: long options (--name V, --name=V, flags),
 * positionals in any order, the global options, and --help. */
#ifndef CLI_ARGS_H
#define CLI_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"

/** One option of a command. */
typedef struct arg_opt {
	const char *name;     /* long name without "--" */
	const char *metavar;  /* value placeholder ("N"); NULL for a flag */
	const char **value;   /* where a value goes (metavar != NULL) */
	int *flag;            /* set to 1 when a flag is given (metavar == NULL) */
	const char *desc;     /* one line for --help */
} arg_opt;

/** What a command accepts. */
typedef struct arg_spec {
	const char *command;  /* e.g. "program create" */
	const char *usage;    /* what follows it, e.g. "KEY [options]" */
	const char *help;     /* description, printed after the usage line */
	const arg_opt *opts;
	size_t opt_count;
	size_t min_pos;
	size_t max_pos;
} arg_spec;

#define ARGS_MAX_POS 8
#define ARGS_COUNT(array) (sizeof(array) / sizeof((array)[0]))

typedef struct arg_result {
	size_t count;
	const char *pos[ARGS_MAX_POS];
} arg_result;

/**
 * Parse a command's arguments (argv holds what follows the command words).
 * Global options (--db, --json, --quiet) are accepted anywhere; "--" ends
 * options; "-" and negative numbers are positionals.
 * Returns 1 to go on, or 0 when the command must stop and return
 * *exit_code (0 after printing --help, 2 after a usage error).
 */
int args_parse(const arg_spec *spec, cli *c, int argc, char **argv, arg_result *out,
	       int *exit_code);

/**
 * Consume one global option at argv[0] (argc counts what remains).
 * Returns the number of arguments used (1 or 2), 0 when argv[0] is not a
 * global option, or -1 after reporting a usage error.
 */
int args_global(cli *c, int argc, char **argv);

/**
 * The start of most commands: parse the arguments, then open the existing
 * store into *store. Returns 1 to go on (the caller frees *store), or 0
 * when the command must stop and return *exit_code (help, usage error, or
 * a store that cannot be opened, already reported).
 */
int args_parse_open(const arg_spec *spec, cli *c, int argc, char **argv, arg_result *out,
		    rf_store **store, int *exit_code);

/** Print the --help text of a command to stdout. */
void args_print_help(const arg_spec *spec);

/** Lines describing the global options, for help texts. */
extern const char *const args_global_help;

/* ---- option values (each reports a usage error and returns -1 when bad) -- */

/** An integer option in [min, max]; NULL text leaves *out unchanged. */
int argval_i64(const cli *c, const char *option, const char *text, int64_t min, int64_t max,
	       int64_t *out);

/** A time option (see timeparse.h); NULL text leaves *out unchanged. */
int argval_time(const cli *c, const char *option, const char *text, int64_t *out);

/** --from and --to (either may be NULL): as argval_time(), and a usage
 *  error "<command>: --to must be after --from" when both are set out of
 *  order. */
int argval_period(const cli *c, const char *command, const char *from, const char *to,
		  int64_t *from_ms, int64_t *to_ms);

/** A name of enumeration `type` (rf_enum); NULL text leaves *out unchanged. */
int argval_enum(const cli *c, const char *option, const char *text, int type, int32_t *out);

#endif
