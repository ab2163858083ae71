/* UTC calendar arithmetic (see calendar.h). Day numbers use the civil
 * calendar in 400-year eras of 146097 days, so no table is needed. */
#include "core/calendar.h"

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t rfc_days_from_civil(int64_t year, int month, int day)
{
	/* Count years from March, so the leap day ends the year. */
	int64_t y = month <= 2 ? year - 1 : year;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;                              /* 0..399 */
	int64_t mp = month > 2 ? month - 3 : month + 9;           /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + day - 1;               /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* 0..146096 */
	return era * 146097 + doe - 719468;                       /* 0000-03-01 -> 1970-01-01 */
}

void rfc_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
	int64_t z = days + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

int64_t rfc_bucket_start(int32_t period, int64_t ms)
{
	int64_t days = floor_div(ms, RFC_DAY_MS);
	if (period == 1)
		return days * RFC_DAY_MS;
	if (period == 2) /* 1970-01-01 was a Thursday: Monday is 3 days before */
		return (days - (days + 3 - floor_div(days + 3, 7) * 7)) * RFC_DAY_MS;
	int64_t y;
	int m, d;
	rfc_civil_from_days(days, &y, &m, &d);
	return rfc_days_from_civil(y, m, 1) * RFC_DAY_MS;
}

int64_t rfc_bucket_next(int32_t period, int64_t start)
{
	if (period == 1)
		return start + RFC_DAY_MS;
	if (period == 2)
		return start + 7 * RFC_DAY_MS;
	int64_t y;
	int m, d;
	rfc_civil_from_days(floor_div(start, RFC_DAY_MS), &y, &m, &d);
	return rfc_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * RFC_DAY_MS;
}
