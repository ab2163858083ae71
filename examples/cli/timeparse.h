/* Times on the command line: ISO 8601 (UTC or with an offset) or epoch ms. */
#ifndef CLI_TIMEPARSE_H
#define CLI_TIMEPARSE_H

#include <stddef.h>
#include <stdint.h>

/** Enough for "YYYY-MM-DDTHH:MM:SS.mmmZ" (or epoch ms) and its NUL. */
#define TIME_BUFSIZE 48

/**
 * Parse TIME into milliseconds since the Unix epoch (UTC). Accepted:
 *   1795428000000               epoch milliseconds (digits only)
 *   2026-11-23                  midnight UTC
 *   2026-11-23T10:00[:00[.123]] followed by Z, +HH:MM, -HH:MM, +HHMM or
 *                               nothing (UTC); a space may replace the T
 * Years 1970..9999. Returns 0, or -1 when the text is not a valid time.
 */
int time_parse(int64_t *out_ms, const char *text);

/** Format ms as ISO 8601 UTC ("2026-11-23T10:00:00Z", ".123" only when
 *  the milliseconds are not zero). Times outside years 1970..9999 are
 *  printed as plain epoch milliseconds. Returns buf. */
const char *time_format(char buf[TIME_BUFSIZE], int64_t ms);

/** Days since 1970-01-01 of a valid civil date (year >= 1970). */
int64_t time_days_from_civil(int year, int month, int day);

#endif
