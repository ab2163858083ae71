/*
 * Pure UTC calendar arithmetic for report buckets: days, weeks starting on
 * Monday, calendar months. Times are milliseconds since the Unix epoch.
 */
#ifndef RF_CORE_CALENDAR_H
#define RF_CORE_CALENDAR_H

#include <stdint.h>

#define RFC_DAY_MS INT64_C(86400000)

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
int64_t rfc_days_from_civil(int64_t year, int month, int day);
/* The date of a day number. */
void rfc_civil_from_days(int64_t days, int64_t *year, int *month, int *day);

/* Start of the bucket holding `ms` (period: 1 day, 2 week, 3 month). */
int64_t rfc_bucket_start(int32_t period, int64_t ms);
/* Start of the bucket after the one starting at `start`. */
int64_t rfc_bucket_next(int32_t period, int64_t start);

#endif
