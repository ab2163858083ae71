/*
 * Pure attribution: a journey of touchpoints in, credit weights out, and
 * exact splitting of money. No I/O.
 */
#ifndef RF_CORE_ATTRIBUTION_H
#define RF_CORE_ATTRIBUTION_H

#include <stddef.h>
#include <stdint.h>

/*
 * Credit weights for a journey of `n` touchpoints ordered oldest first
 * (ties already broken by the caller). Writes n weights summing to 1 (or
 * all 0 when n is 0). Returns 0, or -1 for an unknown model.
 */
int rfc_attribute(int model, size_t n, double *weights);

/*
 * Split `total` minor units by `weights` (n >= 1, summing to 1) so the
 * parts add up to `total` exactly: each part gets floor(total * w); the
 * units left go one each to the largest remainders, ties to the earlier
 * index. Negative totals split their magnitude; any int64 total works.
 */
void rfc_split_value(int64_t total, const double *weights, size_t n, int64_t *parts);

#endif
