/*
 * Attribution of one conversion inside the caller's transaction: inherit
 * an earlier conversion's credit (lead -> sale, purchase -> renewal), or
 * keep a locked referee with its first referrer, or weigh the journey in
 * the lookback window; then split the value and write the conversion with
 * its credit and explanation notes.
 */
#include "api/attribute.h"

#include <stdio.h>

#include "core/attribution.h"

#define MONTH_MS (30 * RF_DAY_MS)

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

/* How a summary names a model. */
static const char *model_label(int32_t model)
{
	switch (model) {
	case RF_MODEL_LAST_TOUCH: return "last touch";
	case RF_MODEL_FIRST_TOUCH: return "first touch";
	case RF_MODEL_LAST_NON_DIRECT: return "last non-direct touch";
	case RF_MODEL_LINEAR: return "linear";
	case RF_MODEL_TIME_DECAY: return "time decay";
	case RF_MODEL_POSITION: return "position based";
	case RF_MODEL_CUSTOM: return "custom weights";
	case RF_MODEL_MARKOV: return "Markov";
	case RF_MODEL_SHAPLEY: return "Shapley";
	default: return "unknown model";
	}
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

/* Keep what was written with weight > 0 for the areas that follow;
 * `touch_at[i]` is credit i's touchpoint time (NULL: none). */
static int keep_credits(const rfs_credit_in *credits, const int64_t *touch_at, size_t n,
			rf__credits *out)
{
	out->list = n ? calloc(n, sizeof(*out->list)) : NULL;
	out->n = 0;
	if (n && out->list == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (credits[i].weight > 0)
			out->list[out->n++] = (rf__credit){ credits[i].advocate_id,
							    credits[i].touchpoint_id,
							    touch_at ? touch_at[i] : 0,
							    credits[i].weight, credits[i].value_minor };
	}
	return RF_OK;
}

static int write_all(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		     rfs_conversion *c, const rfs_credit_in *credits, const int64_t *touch_at,
		     size_t n, rf__credits *out)
{
	int64_t id = 0;
	int rc = rfs_conversion_insert(s, p->id, in->order_id, in->visitor_id, c, &id);
	for (size_t i = 0; i < n && rc == RF_OK; i++)
		rc = rfs_credit_insert(s, id, (int)i, &credits[i]);
	if (rc == RF_OK)
		rc = count_uses(s, credits, n);
	if (rc == RF_OK)
		rc = keep_credits(credits, touch_at, n, out);
	c->id = id;
	c->program_id = p->id;
	return rc;
}

/* Write credit for `touches` weighted by `weights`, with a note each. */
static int write_weighted(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
			  rfs_conversion *c, const rfs_journey_touch *touches, const double *weights,
			  const char (*notes)[RFS_NOTE_SIZE], size_t n, rf__credits *out)
{
	int64_t *parts = calloc(n, sizeof(*parts)), *at = calloc(n, sizeof(*at));
	rfs_credit_in *credits = calloc(n, sizeof(*credits));
	int rc = parts && at && credits ? RF_OK : rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK) {
		rfc_split_value(c->value_minor, weights, n, parts);
		for (size_t i = 0; i < n; i++) {
			credits[i] = (rfs_credit_in){ touches[i].touchpoint_id, touches[i].code_id,
						      touches[i].advocate_id, touches[i].channel,
						      weights[i], parts[i], notes[i] };
			at[i] = touches[i].at;
		}
		rc = write_all(s, p, in, c, credits, at, n, out);
	}
	free(parts);
	free(at);
	free(credits);
	return rc;
}

/* A sale after a lead, or a renewal: the earlier conversion to follow. */
static int find_parent(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		       const rfs_conversion *c, int64_t *parent, char *order, size_t size)
{
	int64_t at = 0;
	*parent = 0;
	if (c->kind == RF_CONVERSION_PURCHASE && p->rules.sale_follows_lead)
		return rfs_first_of_kind(s, p->id, in->visitor_id, in->customer_id,
					 RF_CONVERSION_SIGNUP, parent, &at, order, size);
	if (c->kind != RF_CONVERSION_RENEWAL || p->rules.renewal_months <= 0)
		return RF_OK;
	int rc = rfs_first_of_kind(s, p->id, in->visitor_id, in->customer_id,
				   RF_CONVERSION_PURCHASE, parent, &at, order, size);
	if (rc == RF_OK && *parent && c->at - at > p->rules.renewal_months * MONTH_MS)
		*parent = 0; /* past the renewal period: attribute on its own */
	return rc;
}

static int attribute_inherited(rf_store *s, const rfs_program *p,
			       const rf__attribution_input *in, rfs_conversion *c, int64_t parent,
			       const char *parent_order, rf__credits *out)
{
	rfs_journey_touch *touches = NULL;
	double *weights = NULL;
	size_t n = 0;
	int rc = rfs_credit_rows(s, parent, &touches, &weights, &n);
	char (*notes)[RFS_NOTE_SIZE] = n ? calloc(n, sizeof(*notes)) : NULL;
	if (rc == RF_OK && n && notes == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory");
	const char *what = c->kind == RF_CONVERSION_RENEWAL ? "purchase" : "signup";
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		snprintf(notes[i], sizeof(notes[i]), "inherited from the %s, order %.180s", what,
			 parent_order);
	if (rc == RF_OK) {
		c->attributed = n > 0;
		c->follows_id = parent;
		snprintf(c->summary, sizeof(c->summary), "credited as the earlier %s, order %.180s",
			 what, parent_order);
		rc = write_weighted(s, p, in, c, touches, weights,
				    (const char(*)[RFS_NOTE_SIZE])notes, n, out);
	}
	free(notes);
	free(touches);
	free(weights);
	return rc;
}

/* A referee locked to its first referrer: one credit, whatever the window. */
static int attribute_locked(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
			    rfs_conversion *c, const rfs_journey_touch *first,
			    const char *first_order, rf__credits *out)
{
	char note[RFS_NOTE_SIZE];
	snprintf(note, sizeof(note), "locked to the first referrer (order %.200s)", first_order);
	rfs_credit_in credit = { first->touchpoint_id, first->code_id, first->advocate_id,
				 first->channel, 1.0, c->value_minor, note };
	c->attributed = 1;
	snprintf(c->summary, sizeof(c->summary),
		 "referee locked to the referrer first credited for order %.180s", first_order);
	return write_all(s, p, in, c, &credit, &first->at, 1, out);
}

static int attribute_journey(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
			     rfs_conversion *c, const rfs_journey_touch *touches, size_t n,
			     rf__credits *out)
{
	char window[32];
	window_text(window, sizeof(window), p->rules.lookback_ms);
	if (n == 0) {
		c->attributed = 0;
		snprintf(c->summary, sizeof(c->summary),
			 "no touchpoint in the %s window: unattributed", window);
		return write_all(s, p, in, c, NULL, NULL, 0, out);
	}
	rf__weighting w = { calloc(n, sizeof(double)), calloc(n, RFS_NOTE_SIZE), "", 0 };
	int rc = w.weights && w.notes ? RF_OK : rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK)
		rc = rf__weigh(s, p->id, &p->rules, p->custom, touches, n, c->at, &w);
	if (rc == RF_OK) {
		c->attributed = 1;
		snprintf(c->parameters, sizeof(c->parameters), "%s", w.parameters);
		snprintf(c->summary, sizeof(c->summary), "%s over %zu touchpoint%s in the %s window%s",
			 model_label(p->rules.model), n, n == 1 ? "" : "s", window,
			 w.fallback ? " (no fitted model: linear)" : "");
		rc = write_weighted(s, p, in, c, touches, w.weights,
				    (const char(*)[RFS_NOTE_SIZE])w.notes, n, out);
	}
	free(w.weights);
	free(w.notes);
	return rc;
}

int rf__attribute(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		  rfs_conversion *c, rf__credits *out)
{
	out->list = NULL;
	out->n = 0;
	c->rules_version = p->rules_version;
	c->model = p->rules.model;
	c->lookback_ms = p->rules.lookback_ms;
	c->customer_id = in->customer_id;
	char order[RFS_ID_SIZE];
	int64_t parent = 0;
	int rc = find_parent(s, p, in, c, &parent, order, sizeof(order));
	if (rc != RF_OK || parent)
		return rc != RF_OK ? rc : attribute_inherited(s, p, in, c, parent, order, out);
	if (p->rules.lock_first_referrer) {
		rfs_journey_touch first;
		int found = 0;
		rc = rfs_first_referrer(s, p->id, in->visitor_id, in->customer_id, &found, &first,
					order, sizeof(order));
		if (rc != RF_OK || found)
			return rc != RF_OK ? rc : attribute_locked(s, p, in, c, &first, order, out);
	}
	rfs_journey_touch *touches = NULL;
	size_t n = 0;
	rc = rf__journey(s, p->id, in->visitor_id, in->customer_id, c->at, p->rules.lookback_ms,
			 &touches, &n);
	if (rc == RF_OK)
		rc = attribute_journey(s, p, in, c, touches, n, out);
	free(touches);
	return rc;
}
