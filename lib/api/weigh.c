/*
 * Weighing a journey under a program's rules: the rule-based models come
 * from the core; the data-driven ones weight each advocate by its fitted
 * value, shared over its touches. Notes say why each touch got its weight.
 */
#include "api/attribute.h"

#include <math.h>
#include <stdio.h>

#include "core/attribution.h"

int rf__journey(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		int64_t at, int64_t lookback_ms, rfs_journey_touch **touches, size_t *n)
{
	int64_t from = at - lookback_ms;
	return rfs_journey(s, visitor_id, customer_id, program_id, from < 0 ? 0 : from, at,
			   touches, n);
}

static void model_parameters(const rf_program_rules *r, const int32_t *custom, char *out,
			     size_t size)
{
	out[0] = '\0';
	switch (r->model) {
	case RF_MODEL_TIME_DECAY:
		snprintf(out, size, "half_life_ms=%lld", (long long)r->half_life_ms);
		break;
	case RF_MODEL_POSITION:
		snprintf(out, size, "first_bp=%d,last_bp=%d", (int)r->position_first_bp,
			 (int)r->position_last_bp);
		break;
	case RF_MODEL_CUSTOM: {
		size_t used = (size_t)snprintf(out, size, "weights=");
		for (uint32_t i = 0; i < r->custom_count && used < size; i++)
			used += (size_t)snprintf(out + used, size - used, "%s%d", i ? "," : "",
						 (int)custom[i]);
		break;
	}
	default:
		break;
	}
}

/* Data-driven: each advocate's fitted value, split evenly over its touches. */
static int data_driven(rf_store *s, int64_t program_id, int32_t model,
		       const rfs_journey_touch *t, size_t n, rf__weighting *w)
{
	int64_t fitted_at = 0;
	int rc = rfs_fit_exists(s, program_id, model, &fitted_at);
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		int found = 0;
		double value = 0.0;
		size_t same = 0;
		if (fitted_at)
			rc = rfs_fit_value(s, program_id, model, t[i].advocate_id, &found, &value);
		for (size_t j = 0; j < n; j++)
			same += t[j].advocate_id == t[i].advocate_id;
		w->weights[i] = found && value > 0.0 ? value / (double)same : 0.0;
	}
	if (rc != RF_OK)
		return rc;
	double sum = 0.0;
	for (size_t i = 0; i < n; i++)
		sum += w->weights[i];
	w->fallback = !(sum > 0.0);
	for (size_t i = 0; i < n; i++)
		w->weights[i] = w->fallback ? 1.0 / (double)n : w->weights[i] / sum;
	if (w->fallback)
		snprintf(w->parameters, sizeof(w->parameters), "no fitted model: linear");
	else
		snprintf(w->parameters, sizeof(w->parameters), "fitted_at_ms=%lld",
			 (long long)fitted_at);
	return RF_OK;
}

static void note_for(const rf_program_rules *r, const rfs_journey_touch *t, size_t i, size_t n,
		     int64_t at, const rf__weighting *w, char *out, size_t size)
{
	int credited = w->weights[i] > 0.0;
	double pct = 100.0 * w->weights[i];
	switch (r->model) {
	case RF_MODEL_LAST_TOUCH:
		snprintf(out, size, credited ? "latest touchpoint in the window: all credit (last touch)"
					     : "earlier touchpoint: last touch credits only the latest");
		break;
	case RF_MODEL_FIRST_TOUCH:
		snprintf(out, size, credited ? "earliest touchpoint in the window: all credit (first touch)"
					     : "later touchpoint: first touch credits only the earliest");
		break;
	case RF_MODEL_LAST_NON_DIRECT:
		snprintf(out, size, "%s", credited ? "latest non-direct touchpoint: all credit"
				  : t[i].direct ? "direct visit: passed over"
						: "earlier touchpoint: only the latest non-direct is credited");
		break;
	case RF_MODEL_LINEAR:
		snprintf(out, size, "one of %zu touchpoints: an equal %.2f%%", n, pct);
		break;
	case RF_MODEL_TIME_DECAY:
		snprintf(out, size, "%.2f days before the conversion, half-life %.2f days: %.2f%%",
			 (double)(at - t[i].at) / (double)RF_DAY_MS,
			 (double)r->half_life_ms / (double)RF_DAY_MS, pct);
		break;
	case RF_MODEL_POSITION:
		snprintf(out, size, "%s touchpoint: %.2f%%",
			 n == 1 ? "only" : i == 0 ? "first" : i + 1 == n ? "last" : "middle", pct);
		break;
	case RF_MODEL_CUSTOM:
		snprintf(out, size, "position %zu: custom weight, %.2f%%", i + 1, pct);
		break;
	default:
		snprintf(out, size, w->fallback ? "no fitted model: an equal %.2f%%"
						: "advocate's fitted value, shared over its touchpoints: %.2f%%",
			 pct);
		break;
	}
}

int rf__weigh(rf_store *s, int64_t program_id, const rf_program_rules *rules,
	      const int32_t *custom, const rfs_journey_touch *touches, size_t n, int64_t at,
	      rf__weighting *w)
{
	int rc = RF_OK;
	w->fallback = 0;
	model_parameters(rules, custom, w->parameters, sizeof(w->parameters));
	if (rules->model == RF_MODEL_MARKOV || rules->model == RF_MODEL_SHAPLEY) {
		rc = data_driven(s, program_id, rules->model, touches, n, w);
	} else {
		double custom_w[RF_CUSTOM_WEIGHTS_MAX];
		for (uint32_t i = 0; i < rules->custom_count && i < RF_CUSTOM_WEIGHTS_MAX; i++)
			custom_w[i] = (double)custom[i];
		rfc_params params = { rules->model, (double)rules->half_life_ms,
				      rules->position_first_bp / 10000.0,
				      rules->position_last_bp / 10000.0, custom_w,
				      rules->custom_count };
		rfc_touch *journey = calloc(n, sizeof(*journey));
		if (journey == NULL)
			return rf__error(RF_ENOMEM, "out of memory");
		for (size_t i = 0; i < n; i++)
			journey[i] = (rfc_touch){ touches[i].at, touches[i].direct };
		if (rfc_weights(&params, journey, n, at, w->weights) != 0)
			rc = rf__error(RF_ECORRUPT, "rules of model %d cannot weigh a journey",
				       (int)rules->model);
		free(journey);
	}
	for (size_t i = 0; rc == RF_OK && w->notes && i < n; i++)
		note_for(rules, touches, i, n, at, w, w->notes[i], sizeof(w->notes[i]));
	return rc;
}
