/* Attribution models and exact money splitting. */
#include "core/attribution.h"

#include <stdlib.h>

#include "referral/program.h"

int rfc_attribute(int model, size_t n, double *weights)
{
	for (size_t i = 0; i < n; i++)
		weights[i] = 0.0;
	if (model != RF_MODEL_LAST_TOUCH && model != RF_MODEL_FIRST_TOUCH)
		return -1;
	if (n == 0)
		return 0;
	weights[model == RF_MODEL_LAST_TOUCH ? n - 1 : 0] = 1.0;
	return 0;
}

/* A part's floor and what floor() kept back, for ordering by remainder. */
typedef struct share {
	size_t index;
	long double remainder;
} share;

static int by_remainder_then_index(const void *a, const void *b)
{
	const share *x = a, *y = b;
	if (x->remainder != y->remainder)
		return x->remainder > y->remainder ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Split a magnitude. long double carries a 64-bit mantissa on x86-64, so
 * every int64 product is exact enough; parts are clamped to [0, whole] so
 * no conversion overflows, and the units left (or taken back) are settled
 * by remainder order, which keeps the total exact whatever the rounding.
 */
static void split_magnitude(uint64_t whole, const double *weights, size_t n, uint64_t *parts,
			    share *order)
{
	uint64_t given = 0;
	for (size_t i = 0; i < n; i++) {
		long double w = weights[i] > 0.0 ? (long double)weights[i] : 0.0L;
		long double exact = (long double)whole * w;
		uint64_t floor_part = exact >= (long double)whole ? whole : (uint64_t)exact;
		if (given + floor_part > whole || given + floor_part < given)
			floor_part = whole - given;
		parts[i] = floor_part;
		given += floor_part;
		order[i] = (share){ i, exact - (long double)floor_part };
	}
	uint64_t left = whole - given;
	if (left == 0 || n == 0)
		return;
	qsort(order, n, sizeof(*order), by_remainder_then_index);
	/* Credited parts (weight > 0) come first in remainder order; when no
	 * part is credited the first touch takes everything. */
	size_t credited = 0;
	for (size_t k = 0; k < n; k++) {
		if (weights[order[k].index] > 0.0)
			order[credited++] = order[k];
	}
	if (credited == 0) {
		parts[0] += left;
		return;
	}
	/* Normally left < credited: one unit each to the largest remainders.
	 * Weights that sum short of 1 leave more: go round again. */
	for (size_t k = 0; left > 0; k = (k + 1) % credited) {
		parts[order[k].index]++;
		left--;
	}
}

void rfc_split_value(int64_t total, const double *weights, size_t n, int64_t *parts)
{
	if (n == 0)
		return;
	int negative = total < 0;
	/* Magnitude without overflow, INT64_MIN included. */
	uint64_t whole = negative ? (uint64_t)0 - (uint64_t)total : (uint64_t)total;
	uint64_t *magnitudes = malloc(n * sizeof(*magnitudes));
	share *order = malloc(n * sizeof(*order));
	if (magnitudes == NULL || order == NULL) {
		/* No memory for the exact split: give everything to the largest
		 * weight, which still adds up. */
		size_t best = 0;
		for (size_t i = 0; i < n; i++) {
			parts[i] = 0;
			if (weights[i] > weights[best])
				best = i;
		}
		parts[best] = total;
	} else {
		split_magnitude(whole, weights, n, magnitudes, order);
		for (size_t i = 0; i < n; i++) {
			parts[i] = negative ? (int64_t)((uint64_t)0 - magnitudes[i])
					    : (int64_t)magnitudes[i];
		}
	}
	free(magnitudes);
	free(order);
}
