/*
 * Shapley value attribution with v(S) = conversions of the journeys whose
 * set of players is a subset of S. That game is a sum of unanimity games
 * (one per journey set T, worth its conversions), and the Shapley value of
 * a unanimity game gives each member of T an equal 1/|T| share; so the
 * value of player i is exactly the sum over journeys containing i of
 * conversions / |set|. This is exact for any number of players, in one
 * streaming pass (memory: one number per player). Pure: no I/O.
 */
#ifndef RF_CORE_SHAPLEY_H
#define RF_CORE_SHAPLEY_H

#include <stddef.h>
#include <stdint.h>

/* Add a journey's share: each distinct player in `path` gains
 * conversions / (number of distinct players). `seen` is scratch space of
 * `players` bytes, all zero on entry and on return. Returns 0 or -1. */
int rfc_shapley_add(double *values, size_t players, const uint32_t *path, size_t n,
		    double conversions, unsigned char *seen);

/* The Shapley value by definition, enumerating coalitions: for checking
 * the closed form in tests. `sets` are player bitmasks (players <= 15),
 * `worth` their conversions. */
void rfc_shapley_enumerate(size_t players, const uint32_t *sets, const double *worth,
			   size_t count, double *values);

#endif
