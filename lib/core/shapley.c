/* Shapley values for the "subset" game (see shapley.h). */
#include "core/shapley.h"

#include <stdlib.h>

int rfc_shapley_add(double *values, size_t players, const uint32_t *path, size_t n,
		    double conversions, unsigned char *seen)
{
	if (!(conversions >= 0.0))
		return -1;
	size_t distinct = 0;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (path[i] >= players) {
			rc = -1;
			break;
		}
		if (!seen[path[i]]) {
			seen[path[i]] = 1;
			distinct++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (path[i] < players && seen[path[i]]) {
			if (rc == 0)
				values[path[i]] += conversions / (double)distinct;
			seen[path[i]] = 0;
		}
	}
	return rc;
}

/* v(S): conversions of the sets contained in S. */
static double worth_of(uint32_t s, const uint32_t *sets, const double *worth, size_t count)
{
	double v = 0.0;
	for (size_t j = 0; j < count; j++) {
		if ((sets[j] & ~s) == 0)
			v += worth[j];
	}
	return v;
}

void rfc_shapley_enumerate(size_t players, const uint32_t *sets, const double *worth,
			   size_t count, double *values)
{
	double fact[17] = { 1.0 };
	for (size_t i = 1; i <= 16; i++)
		fact[i] = fact[i - 1] * (double)i;
	for (size_t i = 0; i < players; i++) {
		values[i] = 0.0;
		uint32_t me = 1u << i;
		for (uint32_t s = 0; s < (1u << players); s++) {
			if (s & me)
				continue;
			size_t size = (size_t)__builtin_popcount(s);
			double coef = fact[size] * fact[players - size - 1] / fact[players];
			values[i] += coef * (worth_of(s | me, sets, worth, count) -
					     worth_of(s, sets, worth, count));
		}
	}
}
