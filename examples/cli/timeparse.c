#include "timeparse.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define MS_PER_SECOND INT64_C(1000)
#define MS_PER_MINUTE (60 * MS_PER_SECOND)
#define MS_PER_HOUR (60 * MS_PER_MINUTE)
#define MS_PER_DAY (24 * MS_PER_HOUR)

static int is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

int64_t time_days_from_civil(int year, int month, int day)
{
	int64_t days = 0;
	for (int y = 1970; y < year; y++)
		days += is_leap(y) ? 366 : 365;
	for (int m = 1; m < month; m++)
		days += days_in_month(year, m);
	return days + day - 1;
}

/* Read exactly `n` digits at *p into *out and advance. */
static int read_digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char ch = (*p)[i];
		if (ch < '0' || ch > '9')
			return -1;
		v = v * 10 + (ch - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int parse_epoch_ms(int64_t *out, const char *s)
{
	int64_t v = 0;
	size_t n = strlen(s);
	if (n == 0 || n > 15)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "YYYY-MM-DD" at *p; advances past it. */
static int parse_date(const char **p, int64_t *days)
{
	int y, m, d;
	if (read_digits(p, 4, &y) || **p != '-')
		return -1;
	(*p)++;
	if (read_digits(p, 2, &m) || **p != '-')
		return -1;
	(*p)++;
	if (read_digits(p, 2, &d))
		return -1;
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*days = time_days_from_civil(y, m, d);
	return 0;
}

/* Fraction of a second after '.': up to 9 digits, kept to the ms. */
static int parse_fraction(const char **p, int64_t *ms)
{
	int digits = 0, value = 0;
	while (**p >= '0' && **p <= '9') {
		if (digits < 3)
			value = value * 10 + (**p - '0');
		digits++;
		(*p)++;
	}
	if (digits == 0 || digits > 9)
		return -1;
	for (int i = digits; i < 3; i++)
		value *= 10;
	*ms = value;
	return 0;
}

/* "HH:MM[:SS[.fff]]" at *p, as ms since midnight. */
static int parse_clock(const char **p, int64_t *ms)
{
	int h, m, s = 0;
	int64_t frac = 0;
	if (read_digits(p, 2, &h) || **p != ':')
		return -1;
	(*p)++;
	if (read_digits(p, 2, &m))
		return -1;
	if (**p == ':') {
		(*p)++;
		if (read_digits(p, 2, &s))
			return -1;
		if (**p == '.' || **p == ',') {
			(*p)++;
			if (parse_fraction(p, &frac))
				return -1;
		}
	}
	if (h > 23 || m > 59 || s > 59)
		return -1;
	*ms = h * MS_PER_HOUR + m * MS_PER_MINUTE + s * MS_PER_SECOND + frac;
	return 0;
}

/* "", "Z", "+HH:MM", "-HH:MM", "+HHMM" or "+HH": offset east of UTC in ms. */
static int parse_offset(const char *p, int64_t *offset_ms)
{
	int sign, h, m = 0;
	*offset_ms = 0;
	if (*p == '\0' || ((*p == 'Z' || *p == 'z') && p[1] == '\0'))
		return 0;
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p == '-' ? -1 : 1;
	p++;
	if (read_digits(&p, 2, &h))
		return -1;
	if (*p == ':')
		p++;
	if (*p && read_digits(&p, 2, &m))
		return -1;
	if (*p || h > 23 || m > 59)
		return -1;
	*offset_ms = sign * (h * MS_PER_HOUR + m * MS_PER_MINUTE);
	return 0;
}

int time_parse(int64_t *out_ms, const char *text)
{
	const char *p = text;
	int64_t days, clock_ms = 0, offset_ms = 0, ms;

	if (!text || !*text)
		return -1;
	if (strchr(text, '-') == NULL)
		return parse_epoch_ms(out_ms, text);
	if (parse_date(&p, &days))
		return -1;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (parse_clock(&p, &clock_ms) || parse_offset(p, &offset_ms))
			return -1;
	} else if (*p != '\0') {
		return -1;
	}
	ms = days * MS_PER_DAY + clock_ms - offset_ms;
	if (ms < 0)
		return -1;
	*out_ms = ms;
	return 0;
}

const char *time_format(char buf[TIME_BUFSIZE], int64_t ms)
{
	int64_t days = ms / MS_PER_DAY, rest = ms % MS_PER_DAY;
	int year = 1970, month = 1;

	if (ms < 0 || days >= time_days_from_civil(10000, 1, 1)) {
		snprintf(buf, TIME_BUFSIZE, "%" PRId64, ms);
		return buf;
	}
	while (days >= (is_leap(year) ? 366 : 365)) {
		days -= is_leap(year) ? 366 : 365;
		year++;
	}
	while (days >= days_in_month(year, month)) {
		days -= days_in_month(year, month);
		month++;
	}
	/* Narrow types bound every field for the compiler too (year < 10000, the
	 * others < 100, milli < 1000): the text always fits TIME_BUFSIZE. */
	unsigned short y = (unsigned short)year, milli = (unsigned short)(rest % 1000);
	unsigned char mo = (unsigned char)month, d = (unsigned char)(days + 1);
	unsigned char h = (unsigned char)(rest / MS_PER_HOUR);
	unsigned char m = (unsigned char)(rest / MS_PER_MINUTE % 60);
	unsigned char s = (unsigned char)(rest / MS_PER_SECOND % 60);
	if (milli)
		snprintf(buf, TIME_BUFSIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, mo, d, h, m, s,
			 milli);
	else
		snprintf(buf, TIME_BUFSIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, m, s);
	return buf;
}
