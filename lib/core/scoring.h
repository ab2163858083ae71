/*
 * Pure scoring math: exponential decay with a half-life (folded into a
 * stored sum and its reference time), the Wilson lower bound, PageRank,
 * Net Promoter Score, the viral coefficient, the combination of score
 * components and tier hysteresis. No I/O; tested with vectors.
 */
#ifndef RF_CORE_SCORING_H
#define RF_CORE_SCORING_H

#include <stddef.h>
#include <stdint.h>

/* 0.5^(age / half_life); age may be negative (then > 1). */
double rfc_decay(int64_t age_ms, int64_t half_life_ms);

/*
 * A decayed sum kept as (sum valued at ref). Adding weight `w` at time `t`
 * moves ref forward to t when t is later (sum decays first), else adds w
 * decayed by (ref - t). The value at any time q is rfc_decayed_at(). Both
 * the O(1) update and the full recompute use these, so they agree.
 */
void rfc_decay_add(double *sum, int64_t *ref, double w, int64_t t, int64_t half_life_ms);
double rfc_decayed_at(double sum, int64_t ref, int64_t q, int64_t half_life_ms);

/* Wilson score interval of pos successes in n trials at z (1.96: 95 %);
 * 0 when n == 0. */
double rfc_wilson_lower(int64_t pos, int64_t n, double z);
double rfc_wilson_upper(int64_t pos, int64_t n, double z);

/*
 * PageRank by power iteration, as networkx.pagerank computes it: nodes
 * 0..n-1, directed edges src[i] -> dst[i] (duplicates count once per
 * copy, as in a multigraph's weights), damping alpha, optional
 * personalization (NULL: uniform; also used for dangling nodes), at most
 * max_iter rounds until the L1 change < n * tol. Writes n ranks summing
 * to 1. Memory: O(n + edges). Returns 0, or -1 on allocation failure or
 * no convergence (ranks hold the last iterate).
 */
int rfc_pagerank(size_t n, const uint32_t *src, const uint32_t *dst, size_t edges, double alpha,
		 const double *personalization, int max_iter, double tol, double *rank);

/* NPS from answer counts: promoters (9-10) minus detractors (0-6), in
 * percent of all answers; 0 when there are none. */
double rfc_nps(int64_t promoters, int64_t passives, int64_t detractors);

/* K = invites per advocate x conversion rate of invites. */
double rfc_k_factor(double invites_per_advocate, double conversion_rate);

/* A raw non-negative amount mapped to [0, 1): x / (x + half), the point
 * where it reaches 0.5 (negative x: 0). */
double rfc_saturate(double x, double half);

/* Tier hysteresis: tiers 1..n with promote_at[i] ascending and
 * demote_below[i] <= promote_at[i] (index i is tier i + 1). From tier
 * `current` (0: none), a score reaching promote_at of a higher tier moves
 * up to the highest such tier; a score below demote_below of the current
 * tier moves down to the highest tier whose demote_below it still meets. */
int32_t rfc_tier_next(int32_t current, double score, const double *promote_at,
		      const double *demote_below, int32_t n);

/* Quintile 1..5 of a value given how many of `total` values are at or
 * below it (itself included): ceil(5 k / total), 5 the top fifth; ties
 * share the higher quintile. 0 when total == 0. */
int32_t rfc_quintile(int64_t at_or_below, int64_t total);

#endif
