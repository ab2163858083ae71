/*
 * Pure attribution: a journey of touchpoints in, credit weights out, and
 * exact splitting of money. No I/O.
 */
#ifndef RF_CORE_ATTRIBUTION_H
#define RF_CORE_ATTRIBUTION_H

#include <stddef.h>
#include <stdint.h>

/* Parameters of the rule-based models (see referral/program.h). */
typedef struct rfc_params {
	int model;               /* rf_model */
	double half_life_ms;     /* time decay */
	double first_share;      /* position based: share of the first touch */
	double last_share;       /* position based: share of the last touch */
	const double *custom;    /* custom: weights by position from the first */
	size_t custom_count;
} rfc_params;

/* One touch of a journey, oldest first. */
typedef struct rfc_touch {
	int64_t at;      /* ms */
	int direct;      /* 1: a direct/organic touch (last non-direct skips it) */
} rfc_touch;

/*
 * Credit weights for a journey of `n` touches ordered oldest first, for a
 * conversion at `conversion_at`. Writes n weights that sum to 1 (all 0
 * when n is 0). Returns 0, or -1 for an unknown or data-driven model or
 * bad parameters.
 *
 *  first / last: all credit to the first / last touch;
 *  last non-direct: the last touch not marked direct, else the last;
 *  linear: equal per touch (a repeated advocate gets a share per touch);
 *  time decay: 2^(-(conversion_at - at) / half_life), normalised;
 *  position: first_share and last_share to the ends, the rest split over
 *    the middle; one touch takes all; two touches split the middle share
 *    evenly between them (40/20/40 gives 50/50);
 *  custom: custom[i] for position i, the last weight repeating for longer
 *    journeys, normalised.
 */
int rfc_weights(const rfc_params *p, const rfc_touch *touches, size_t n, int64_t conversion_at,
		double *weights);

/*
 * Split `total` minor units by `weights` (n >= 1) so the parts add up to
 * `total` exactly: each part gets floor(total * w); the units left go one
 * each to the largest remainders among credited parts (weight > 0), ties
 * to the earlier index. Negative totals split their magnitude; any int64
 * total works.
 */
void rfc_split_value(int64_t total, const double *weights, size_t n, int64_t *parts);

#endif
