/* Attribution models and exact money splitting. */
#include "core/attribution.h"

#include <math.h>

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

void rfc_split_value(int64_t total, const double *weights, size_t n, int64_t *parts)
{
	int negative = total < 0;
	int64_t whole = negative ? -total : total;
	int64_t given = 0;
	for (size_t i = 0; i < n; i++) {
		double exact = (double)whole * weights[i];
		parts[i] = (int64_t)floor(exact);
		given += parts[i];
	}
	int64_t left = whole - given;
	/* Hand out what floor() kept back, largest remainder first. Each pass
	 * is O(n); left < n by construction, and journeys are short. */
	while (left > 0) {
		size_t best = 0;
		double best_rem = -1.0;
		for (size_t i = 0; i < n; i++) {
			double rem = (double)whole * weights[i] - (double)parts[i];
			if (weights[i] > 0.0 && rem > best_rem) {
				best = i;
				best_rem = rem;
			}
		}
		parts[best]++;
		left--;
	}
	/* Rounding in the weights can overshoot by a unit: take it back from
	 * the smallest remainder. */
	while (left < 0) {
		size_t worst = 0;
		double worst_rem = 2.0;
		for (size_t i = 0; i < n; i++) {
			double rem = (double)whole * weights[i] - (double)parts[i];
			if (parts[i] > 0 && rem < worst_rem) {
				worst = i;
				worst_rem = rem;
			}
		}
		parts[worst]--;
		left++;
	}
	if (negative) {
		for (size_t i = 0; i < n; i++)
			parts[i] = -parts[i];
	}
}
