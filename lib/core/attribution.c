/* Attribution models and exact money splitting. */
#include "core/attribution.h"

#include <math.h>
#include <stdlib.h>

#include "referral/program.h"

static void single(double *w, size_t n, size_t at)
{
	(void)n;
	w[at] = 1.0;
}

static int normalise(double *w, size_t n)
{
	double sum = 0.0;
	for (size_t i = 0; i < n; i++)
		sum += w[i];
	if (!(sum > 0.0) || !isfinite(sum))
		return -1;
	for (size_t i = 0; i < n; i++)
		w[i] /= sum;
	return 0;
}

static void last_non_direct(const rfc_touch *t, double *w, size_t n)
{
	size_t pick = n - 1;
	for (size_t i = n; i-- > 0;) {
		if (!t[i].direct) {
			pick = i;
			break;
		}
	}
	single(w, n, pick);
}

static int time_decay(const rfc_params *p, const rfc_touch *t, size_t n, int64_t at, double *w)
{
	if (!(p->half_life_ms > 0.0))
		return -1;
	for (size_t i = 0; i < n; i++) {
		double age = at > t[i].at ? (double)(at - t[i].at) : 0.0;
		w[i] = exp2(-age / p->half_life_ms);
	}
	/* Very old touches underflow to 0: fall back to the newest. */
	if (normalise(w, n) != 0) {
		for (size_t i = 0; i < n; i++)
			w[i] = 0.0;
		single(w, n, n - 1);
	}
	return 0;
}

static int position(const rfc_params *p, double *w, size_t n)
{
	double first = p->first_share, last = p->last_share;
	double middle = 1.0 - first - last;
	if (first < 0.0 || last < 0.0 || middle < -1e-12)
		return -1;
	if (n == 1) {
		w[0] = 1.0;
	} else if (n == 2) {
		w[0] = first + middle / 2;
		w[1] = last + middle / 2;
	} else {
		w[0] = first;
		w[n - 1] = last;
		for (size_t i = 1; i + 1 < n; i++)
			w[i] = middle / (double)(n - 2);
	}
	return normalise(w, n);
}

static int custom(const rfc_params *p, double *w, size_t n)
{
	if (p->custom == NULL || p->custom_count == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		double v = p->custom[i < p->custom_count ? i : p->custom_count - 1];
		if (v < 0.0)
			return -1;
		w[i] = v;
	}
	return normalise(w, n);
}

int rfc_weights(const rfc_params *p, const rfc_touch *t, size_t n, int64_t conversion_at,
		double *w)
{
	for (size_t i = 0; i < n; i++)
		w[i] = 0.0;
	if (n == 0)
		return p->model >= RF_MODEL_LAST_TOUCH && p->model <= RF_MODEL_CUSTOM ? 0 : -1;
	switch (p->model) {
	case RF_MODEL_LAST_TOUCH:
		single(w, n, n - 1);
		return 0;
	case RF_MODEL_FIRST_TOUCH:
		single(w, n, 0);
		return 0;
	case RF_MODEL_LAST_NON_DIRECT:
		last_non_direct(t, w, n);
		return 0;
	case RF_MODEL_LINEAR:
		for (size_t i = 0; i < n; i++)
			w[i] = 1.0 / (double)n;
		return 0;
	case RF_MODEL_TIME_DECAY:
		return time_decay(p, t, n, conversion_at, w);
	case RF_MODEL_POSITION:
		return position(p, w, n);
	case RF_MODEL_CUSTOM:
		return custom(p, w, n);
	default:
		return -1;
	}
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
