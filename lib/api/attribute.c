/*
 * Attribution of one conversion inside the caller's transaction: build the
 * journey, ask the core model for weights, split the value, and write the
 * conversion with its credit and explanation notes.
 */
#include "api/attribute.h"

#include <stdio.h>

#include "core/attribution.h"

/* "30-day", "12-hour" or "5000-ms" window. */
static void window_text(char *out, size_t size, int64_t ms)
{
	if (ms % RF_DAY_MS == 0)
		snprintf(out, size, "%lld-day", (long long)(ms / RF_DAY_MS));
	else if (ms % RF_HOUR_MS == 0)
		snprintf(out, size, "%lld-hour", (long long)(ms / RF_HOUR_MS));
	else
		snprintf(out, size, "%lld-ms", (long long)ms);
}

static const char *touch_note(int model, int credited)
{
	if (model == RF_MODEL_FIRST_TOUCH)
		return credited ? "earliest touchpoint in the window: all credit (first touch)"
				: "later touchpoint: first touch credits only the earliest";
	return credited ? "latest touchpoint in the window: all credit (last touch)"
			: "earlier touchpoint: last touch credits only the latest";
}

/* Count a use of every distinct code that received credit. */
static int count_uses(rf_store *s, const rfs_credit_in *credits, size_t n)
{
	int rc = RF_OK;
	for (size_t i = 0; i < n && rc == RF_OK; i++) {
		int seen = credits[i].weight <= 0.0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = credits[j].weight > 0.0 && credits[j].code_id == credits[i].code_id;
		if (!seen)
			rc = rfs_code_add_use(s, credits[i].code_id);
	}
	return rc;
}

static int write_all(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		     rfs_conversion *c, const rfs_credit_in *credits, size_t n)
{
	int64_t id = 0;
	int rc = rfs_conversion_insert(s, p->id, in->order_id, in->visitor_id, c, &id);
	for (size_t i = 0; i < n && rc == RF_OK; i++)
		rc = rfs_credit_insert(s, id, (int)i, &credits[i]);
	if (rc == RF_OK)
		rc = count_uses(s, credits, n);
	c->id = id;
	return rc;
}

/* A referee locked to its first referrer: one credit, whatever the window. */
static int attribute_locked(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
			    rfs_conversion *c, const rfs_journey_touch *first,
			    const char *first_order)
{
	char note[RFS_NOTE_SIZE];
	snprintf(note, sizeof(note), "locked to the first referrer (order %.200s)", first_order);
	rfs_credit_in credit = { first->touchpoint_id, first->code_id, first->advocate_id,
				 first->channel, 1.0, c->value_minor, note };
	c->attributed = 1;
	snprintf(c->summary, sizeof(c->summary),
		 "referee locked to the referrer first credited for order %.180s", first_order);
	return write_all(s, p, in, c, &credit, 1);
}

static int attribute_journey(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
			     rfs_conversion *c, const rfs_journey_touch *touches, size_t n)
{
	char window[32];
	window_text(window, sizeof(window), p->rules.lookback_ms);
	if (n == 0) {
		c->attributed = 0;
		snprintf(c->summary, sizeof(c->summary),
			 "no touchpoint in the %s window: unattributed", window);
		return write_all(s, p, in, c, NULL, 0);
	}
	double *weights = calloc(n, sizeof(*weights));
	int64_t *parts = calloc(n, sizeof(*parts));
	rfs_credit_in *credits = calloc(n, sizeof(*credits));
	int rc = weights && parts && credits ? RF_OK : rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK && rfc_attribute(p->rules.model, n, weights) != 0)
		rc = rf__error(RF_ECORRUPT, "program '%s' has unknown model %d", p->key,
			       (int)p->rules.model);
	if (rc == RF_OK) {
		rfc_split_value(c->value_minor, weights, n, parts);
		for (size_t i = 0; i < n; i++) {
			credits[i] = (rfs_credit_in){ touches[i].touchpoint_id, touches[i].code_id,
						      touches[i].advocate_id, touches[i].channel,
						      weights[i], parts[i],
						      touch_note(p->rules.model, weights[i] > 0.0) };
		}
		c->attributed = 1;
		snprintf(c->summary, sizeof(c->summary), "%s touch over %zu touchpoint%s in the %s window",
			 rf_enum_name(RF_ENUM_MODEL, p->rules.model), n, n == 1 ? "" : "s", window);
		rc = write_all(s, p, in, c, credits, n);
	}
	free(weights);
	free(parts);
	free(credits);
	return rc;
}

int rf__attribute(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		  rfs_conversion *c)
{
	c->rules_version = p->rules_version;
	c->model = p->rules.model;
	c->lookback_ms = p->rules.lookback_ms;
	if (p->rules.lock_first_referrer) {
		rfs_journey_touch first;
		char first_order[RFS_ID_SIZE];
		int found = 0;
		int rc = rfs_first_referrer(s, p->id, in->visitor_id, &found, &first, first_order,
					    sizeof(first_order));
		if (rc != RF_OK || found)
			return rc != RF_OK ? rc : attribute_locked(s, p, in, c, &first, first_order);
	}
	rfs_journey_touch *touches = NULL;
	size_t n = 0;
	int64_t from = c->at - p->rules.lookback_ms;
	int rc = rfs_journey(s, in->visitor_id, p->id, from < 0 ? 0 : from, c->at, &touches, &n);
	if (rc == RF_OK)
		rc = attribute_journey(s, p, in, c, touches, n);
	free(touches);
	return rc;
}
