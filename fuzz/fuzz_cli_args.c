/*
 * The referral CLI's argument parsing: args_parse with a command spec of
 * every option kind (values, a flag, a one-letter option), then the option
 * value parsers (integers, times, enumeration names). The input is split
 * at NUL bytes into argv; the first byte picks the positional bounds and
 * whether --json is on.
 * Checked: args_parse returns 1 (go on) or 0 with exit code 0 (--help) or
 * 2 (usage error); when it goes on, the positionals are within bounds and
 * are argv entries, every option value lies inside an argv entry, global
 * options landed in the cli context; the value parsers return 0 or -1 and
 * leave their output alone on -1.
 */
#include "fuzz_common.h"

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 32

static int inside(const char *p, char **argv, int argc)
{
	for (int i = 0; i < argc; i++)
		if (p >= argv[i] && p <= argv[i] + strlen(argv[i]))
			return 1;
	return 0;
}

static int is_arg(const char *p, char **argv, int argc)
{
	for (int i = 0; i < argc; i++)
		if (p == argv[i])
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	if (!quiet) { /* help texts would flood the run (usage errors go to
		       * stderr: run with -close_fd_mask=2 to hide them) */
		quiet = 1;
		if (!freopen("/dev/null", "w", stdout))
			abort();
	}
	if (size == 0)
		return 0;
	char *buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	char *argv[MAX_ARGS + 1];
	int argc = 0;
	for (size_t at = 0; at < size && argc < MAX_ARGS; at += strlen(buf + at) + 1)
		argv[argc++] = buf + at;
	if (argc == 1 && argv[0][0] == '\0')
		argc = 0;
	argv[argc] = NULL;

	cli c = { CLI_DEFAULT_DB, 0, data[0] >> 7, 0 };
	const char *what = NULL, *from = NULL, *n = NULL, *out = NULL;
	int flag = 0;
	const arg_opt opts[] = {
		{ "what", "W", &what, NULL, "what" },
		{ "from", "TIME", &from, NULL, "from" },
		{ "n", "N", &n, NULL, "a number" },
		{ "pseudonyms", NULL, NULL, &flag, "a flag" },
		{ "o", "FILE", &out, NULL, "a file" },
	};
	size_t min = data[0] & 3, max = min + ((data[0] >> 2) & 7);
	if (max > ARGS_MAX_POS)
		max = ARGS_MAX_POS;
	const arg_spec spec = { "fuzz", "[ARG...] [options]", "Fuzzing.", opts, ARGS_COUNT(opts),
				min, max };
	arg_result a;
	int exit_code = -1;
	int go = args_parse(&spec, &c, argc, argv, &a, &exit_code);
	FZ_CHECK(go == 0 || go == 1, "args_parse returned %d", go);
	if (!go) {
		FZ_CHECK(exit_code == 0 || exit_code == 2, "exit code %d", exit_code);
	} else {
		FZ_CHECK(a.count >= min && a.count <= max, "%zu positionals, not %zu..%zu", a.count,
			 min, max);
		for (size_t i = 0; i < a.count; i++)
			FZ_CHECK(is_arg(a.pos[i], argv, argc), "positional %zu is not an argument", i);
		const char *values[] = { what, from, n, out };
		for (size_t i = 0; i < 4; i++)
			FZ_CHECK(!values[i] || inside(values[i], argv, argc), "value %zu outside argv", i);
		FZ_CHECK(flag == 0 || flag == 1, "flag %d", flag);
		FZ_CHECK(c.db_path != NULL && (!c.db_given || inside(c.db_path, argv, argc)),
			 "--db value outside argv");
		FZ_CHECK(c.quiet == 0 || c.quiet == 1, "quiet %d", c.quiet);
		int64_t t = -7, i = -7;
		int32_t e = -7;
		int rc = argval_time(&c, "--from", from, &t);
		FZ_CHECK(rc == 0 || rc == -1, "argval_time %d", rc);
		FZ_CHECK(rc == 0 || t == -7, "argval_time failed but wrote");
		FZ_CHECK(from || t == -7, "argval_time wrote without a value");
		rc = argval_i64(&c, "-n", n, -1000, 1000, &i);
		FZ_CHECK(rc == 0 || rc == -1, "argval_i64 %d", rc);
		FZ_CHECK(rc == -1 ? i == -7 : (n == NULL ? i == -7 : i >= -1000 && i <= 1000),
			 "argval_i64 gave %lld", (long long)i);
		rc = argval_enum(&c, "--what", what, RF_ENUM_CHANNEL, &e);
		FZ_CHECK(rc == 0 || rc == -1, "argval_enum %d", rc);
		FZ_CHECK(rc == -1 || what == NULL || rf_enum_name(RF_ENUM_CHANNEL, e) != NULL,
			 "argval_enum gave %d", (int)e);
	}
	free(buf);
	return 0;
}
