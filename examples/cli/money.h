/* Money on the command line: exact decimal text <-> integer minor units. */
#ifndef CLI_MONEY_H
#define CLI_MONEY_H

#include <stddef.h>
#include <stdint.h>

/** Enough for any int64 amount with a decimal point, sign and NUL. */
#define MONEY_BUFSIZE 32

/**
 * Check a currency code (three ASCII letters, any case) and write it
 * upper-cased into `out`. Returns 0 or -1.
 */
int money_currency(char out[4], const char *text);

/** Decimal places of an upper-case ISO 4217 code: 0 (JPY, KRW, ...),
 *  3 (BHD, KWD, OMR, JOD, TND, ...), 4 (CLF), otherwise 2. */
int money_exponent(const char *currency);

/** Why money_parse() failed. */
typedef enum money_error {
	MONEY_OK = 0,
	MONEY_SYNTAX = -1,    /* not digits[.digits] */
	MONEY_PRECISION = -2, /* more non-zero decimals than the currency has */
	MONEY_RANGE = -3      /* does not fit int64 minor units */
} money_error;

/**
 * Parse a non-negative decimal ("49.90", "1000", "0.5") into minor units
 * with `exponent` decimals, exactly (no floating point). Trailing zero
 * decimals beyond the exponent are accepted ("1000.00" JPY).
 */
money_error money_parse(int64_t *out_minor, const char *text, int exponent);

/** Format minor units with `exponent` decimals ("49.90"). */
void money_format(char buf[MONEY_BUFSIZE], int64_t minor, int exponent);

#endif
