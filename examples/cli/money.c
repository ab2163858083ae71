#include "money.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const char *const zero_decimal[] = {
	"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
	"RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
};
static const char *const three_decimal[] = {
	"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
};

static int listed(const char *code, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(code, list[i]) == 0)
			return 1;
	return 0;
}

int money_currency(char out[4], const char *text)
{
	if (!text || strlen(text) != 3)
		return -1;
	for (int i = 0; i < 3; i++) {
		char ch = text[i];
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch < 'A' || ch > 'Z')
			return -1;
		out[i] = ch;
	}
	out[3] = '\0';
	return 0;
}

int money_exponent(const char *currency)
{
	if (listed(currency, zero_decimal, sizeof zero_decimal / sizeof *zero_decimal))
		return 0;
	if (listed(currency, three_decimal, sizeof three_decimal / sizeof *three_decimal))
		return 3;
	if (strcmp(currency, "CLF") == 0)
		return 4;
	return 2;
}

/* value = value * 10 + digit, or -1 on int64 overflow. */
static int push_digit(int64_t *value, int digit)
{
	if (*value > (INT64_MAX - digit) / 10)
		return -1;
	*value = *value * 10 + digit;
	return 0;
}

money_error money_parse(int64_t *out_minor, const char *text, int exponent)
{
	const char *p = text;
	int64_t value = 0;
	int places = 0;

	if (!p || *p < '0' || *p > '9')
		return MONEY_SYNTAX;
	for (; *p >= '0' && *p <= '9'; p++)
		if (push_digit(&value, *p - '0'))
			return MONEY_RANGE;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return MONEY_SYNTAX;
		for (; *p >= '0' && *p <= '9'; p++, places++) {
			if (places >= exponent) {
				if (*p != '0')
					return MONEY_PRECISION;
				continue;
			}
			if (push_digit(&value, *p - '0'))
				return MONEY_RANGE;
		}
	}
	if (*p != '\0')
		return MONEY_SYNTAX;
	for (; places < exponent; places++)
		if (push_digit(&value, 0))
			return MONEY_RANGE;
	*out_minor = value;
	return MONEY_OK;
}

void money_format(char buf[MONEY_BUFSIZE], int64_t minor, int exponent)
{
	uint64_t magnitude = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	uint64_t scale = 1;
	const char *sign = minor < 0 ? "-" : "";

	for (int i = 0; i < exponent; i++)
		scale *= 10u;
	if (exponent == 0) {
		snprintf(buf, MONEY_BUFSIZE, "%s%" PRIu64, sign, magnitude);
		return;
	}
	snprintf(buf, MONEY_BUFSIZE, "%s%" PRIu64 ".%0*" PRIu64, sign, magnitude / scale,
		 exponent, magnitude % scale);
}
