/*
 * First-order Markov attribution by removal effect, solved exactly: the
 * absorbing chain START -> players -> {CONV, NULL} is built from journey
 * counts, its fundamental matrix N = (I - Q)^-1 gives every state's
 * conversion probability x and every hitting probability, and removing
 * player k leaves P(conv) - h(START, k) * x_k: the paths that never visit
 * k. No simulation. Pure: no I/O.
 */
#ifndef RF_CORE_MARKOV_H
#define RF_CORE_MARKOV_H

#include <stddef.h>
#include <stdint.h>

/* Exact solution is O(players^3) time and O(players^2) memory. */
#define RFC_MARKOV_MAX_PLAYERS 2000

typedef struct rfc_markov rfc_markov;

/* A chain over `players` players (0..players-1). NULL: no memory or too
 * many players. */
rfc_markov *rfc_markov_new(size_t players);
void rfc_markov_free(rfc_markov *m);

/* Count a journey (player ids, oldest first) that ended `conversions`
 * times in a conversion and `nulls` times without. Repeats of a player in
 * a row are one state visit (a self-loop changes no absorption
 * probability). Returns 0, or -1 for a bad player id or negative counts. */
int rfc_markov_add(rfc_markov *m, const uint32_t *path, size_t n, double conversions,
		   double nulls);

/*
 * Solve. Writes each player's removal effect (1 - P(conv without k) /
 * P(conv)) into `removal` and the normalised weights (removal / sum) into
 * `weights` (either may be NULL), and P(conv) into *p_conv. Returns 0, or
 * -1 when nothing converts or the system is singular.
 */
int rfc_markov_solve(rfc_markov *m, double *removal, double *weights, double *p_conv);

#endif
