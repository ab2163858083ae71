/* Pure scoring math (see scoring.h). */
#include "core/scoring.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double rfc_decay(int64_t age_ms, int64_t half_life_ms)
{
	if (half_life_ms <= 0)
		return 1.0;
	return exp2(-(double)age_ms / (double)half_life_ms);
}

void rfc_decay_add(double *sum, int64_t *ref, double w, int64_t t, int64_t half_life_ms)
{
	if (t >= *ref) {
		*sum = *sum * rfc_decay(t - *ref, half_life_ms) + w;
		*ref = t;
	} else {
		*sum += w * rfc_decay(*ref - t, half_life_ms);
	}
}

double rfc_decayed_at(double sum, int64_t ref, int64_t q, int64_t half_life_ms)
{
	return sum * rfc_decay(q - ref, half_life_ms);
}

static void wilson(int64_t pos, int64_t n, double z, double *lo, double *hi)
{
	if (n <= 0) {
		*lo = *hi = 0.0;
		return;
	}
	double nn = (double)n, p = (double)pos / nn, z2 = z * z;
	double centre = p + z2 / (2 * nn);
	double spread = z * sqrt((p * (1 - p) + z2 / (4 * nn)) / nn);
	double den = 1 + z2 / nn;
	*lo = (centre - spread) / den;
	*hi = (centre + spread) / den;
	if (*lo < 0)
		*lo = 0;
	if (*hi > 1)
		*hi = 1;
}

double rfc_wilson_lower(int64_t pos, int64_t n, double z)
{
	double lo, hi;
	wilson(pos, n, z, &lo, &hi);
	return lo;
}

double rfc_wilson_upper(int64_t pos, int64_t n, double z)
{
	double lo, hi;
	wilson(pos, n, z, &lo, &hi);
	return hi;
}

int rfc_pagerank(size_t n, const uint32_t *src, const uint32_t *dst, size_t edges, double alpha,
		 const double *personalization, int max_iter, double tol, double *rank)
{
	if (n == 0)
		return 0;
	double *p = malloc(n * sizeof(*p));
	double *next = malloc(n * sizeof(*next));
	uint32_t *outdeg = calloc(n, sizeof(*outdeg));
	if (p == NULL || next == NULL || outdeg == NULL) {
		free(p);
		free(next);
		free(outdeg);
		return -1;
	}
	double psum = 0;
	for (size_t i = 0; i < n; i++)
		psum += personalization ? personalization[i] : 1.0;
	for (size_t i = 0; i < n; i++) {
		p[i] = (personalization ? personalization[i] : 1.0) / psum;
		rank[i] = 1.0 / (double)n;
	}
	for (size_t e = 0; e < edges; e++)
		outdeg[src[e]]++;
	int converged = 0;
	for (int it = 0; it < max_iter && !converged; it++) {
		double dangling = 0;
		for (size_t i = 0; i < n; i++) {
			if (outdeg[i] == 0)
				dangling += rank[i];
			next[i] = 0;
		}
		for (size_t e = 0; e < edges; e++)
			next[dst[e]] += alpha * rank[src[e]] / outdeg[src[e]];
		double err = 0;
		for (size_t i = 0; i < n; i++) {
			next[i] += (alpha * dangling + (1 - alpha)) * p[i];
			err += fabs(next[i] - rank[i]);
		}
		memcpy(rank, next, n * sizeof(*rank));
		converged = err < (double)n * tol;
	}
	free(p);
	free(next);
	free(outdeg);
	return converged ? 0 : -1;
}

double rfc_nps(int64_t promoters, int64_t passives, int64_t detractors)
{
	int64_t all = promoters + passives + detractors;
	if (all <= 0)
		return 0.0;
	return 100.0 * (double)(promoters - detractors) / (double)all;
}

double rfc_k_factor(double invites_per_advocate, double conversion_rate)
{
	return invites_per_advocate * conversion_rate;
}

double rfc_saturate(double x, double half)
{
	if (!(x > 0))
		return 0.0;
	if (!(half > 0))
		return 1.0;
	return x / (x + half);
}

int32_t rfc_tier_next(int32_t current, double score, const double *promote_at,
		      const double *demote_below, int32_t n)
{
	if (current < 0 || current > n)
		current = 0;
	int32_t up = current;
	for (int32_t i = current; i < n; i++) {
		if (score >= promote_at[i])
			up = i + 1;
	}
	if (up > current)
		return up;
	while (current > 0 && score < demote_below[current - 1])
		current--;
	return current;
}

int32_t rfc_quintile(int64_t at_or_below, int64_t total)
{
	if (total <= 0 || at_or_below <= 0)
		return 0;
	int64_t q = (at_or_below * 5 + total - 1) / total;
	return (int32_t)(q > 5 ? 5 : q);
}
