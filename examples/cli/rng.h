/* A small deterministic random generator for the demo (xoshiro256**,
 * seeded through splitmix64). Not for anything secret. */
#ifndef CLI_RNG_H
#define CLI_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct rng {
	uint64_t s[4];
} rng;

void rng_seed(rng *r, uint64_t seed);
uint64_t rng_next(rng *r);
/** Uniform in [0, 1). */
double rng_unit(rng *r);
/** Uniform in [0, n), n > 0, without modulo bias. */
uint64_t rng_below(rng *r, uint64_t n);
/** 1 with probability p. */
int rng_chance(rng *r, double p);
/** Exponentially distributed with the given mean. */
double rng_exponential(rng *r, double mean);
/** Index i with probability weights[i] / sum, by the cumulative sums
 *  cum[0..n-1] (cum[n-1] is the total). */
size_t rng_pick_cumulative(rng *r, const double *cum, size_t n);

#endif
