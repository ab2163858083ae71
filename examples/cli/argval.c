/* Typed option values: integers, times, enumeration names. */
#include "args.h"

#include "timeparse.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int argval_i64(const cli *c, const char *option, const char *text, int64_t min, int64_t max,
	       int64_t *out)
{
	if (!text)
		return 0;
	if (parse_i64(out, text, min, max) == 0)
		return 0;
	cli_usage(c, "%s: '%s' is not an integer in %lld..%lld", option, text, (long long)min,
		  (long long)max);
	return -1;
}

int argval_time(const cli *c, const char *option, const char *text, int64_t *out)
{
	if (!text)
		return 0;
	if (time_parse(out, text) == 0)
		return 0;
	cli_usage(c, "%s: '%s' is not a time (use 2026-11-23T10:00:00Z, 2026-11-23 or epoch ms)",
		  option, text);
	return -1;
}

int argval_period(const cli *c, const char *command, const char *from, const char *to,
		  int64_t *from_ms, int64_t *to_ms)
{
	if (argval_time(c, "--from", from, from_ms) || argval_time(c, "--to", to, to_ms))
		return -1;
	if (*to_ms && *to_ms <= *from_ms) {
		cli_usage(c, "%s: --to must be after --from", command);
		return -1;
	}
	return 0;
}

/* "a, b, c": the names of an enumeration, for error messages. */
static void enum_choices(char *buf, size_t size, int type)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int32_t v = 0; v < 64; v++) {
		const char *name = rf_enum_name(type, v);
		int n;
		if (!name)
			continue;
		n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

int argval_enum(const cli *c, const char *option, const char *text, int type, int32_t *out)
{
	char choices[256];
	if (!text)
		return 0;
	if (rf_enum_parse(out, type, text) == RF_OK)
		return 0;
	enum_choices(choices, sizeof choices, type);
	cli_usage(c, "%s: unknown value '%s' (one of: %s)", option, text, choices);
	return -1;
}
