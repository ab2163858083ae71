/* Public conversion functions: record (idempotent), get, explain. */
#include "api/attribute.h"

#include <stdio.h>

static const rf_conversion_spec spec_defaults = RF_CONVERSION_SPEC_INIT;

int rf_conversion_spec_init(rf_conversion_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, sizeof(spec_defaults), version, RF_CONVERSION_SPEC_VERSION, "rf_conversion_spec");
}

/* ISO 4217 shape: three ASCII letters, returned upper-case. */
static int check_currency(const char *in, char out[4])
{
	if (in == NULL || strlen(in) != 3)
		return rf__error(RF_EINVALID, "currency must be a three-letter ISO 4217 code");
	for (int i = 0; i < 3; i++) {
		char c = in[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return rf__error(RF_EINVALID, "currency must be a three-letter ISO 4217 code");
		out[i] = c;
	}
	out[3] = '\0';
	return RF_OK;
}

static int check_spec(const rf_conversion_spec *spec, char currency[4])
{
	RF_CHECK_ARG(spec != NULL);
	int rc = rf__check_version(spec->version, RF_CONVERSION_SPEC_VERSION, "rf_conversion_spec");
	if (rc == RF_OK)
		rc = rf__check_text(spec->program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(spec->visitor_id, RF_MAX_ID_LEN, "visitor id");
	if (rc == RF_OK)
		rc = rf__check_text(spec->order_id, RF_MAX_ID_LEN, "order id");
	if (rc == RF_OK && rf_enum_name(RF_ENUM_CONVERSION_KIND, spec->kind) == NULL)
		rc = rf__error(RF_EINVALID, "unknown conversion kind %d", (int)spec->kind);
	if (rc == RF_OK && (spec->value_minor < 0 || spec->value_minor > RF_VALUE_MAX_MINOR))
		rc = rf__error(RF_EINVALID, "value_minor must be 0..%lld",
			       (long long)RF_VALUE_MAX_MINOR);
	if (rc == RF_OK && spec->at_ms < 0)
		rc = rf__error(RF_EINVALID, "at_ms must be >= 0");
	if (rc == RF_OK)
		rc = check_currency(spec->currency, currency);
	return rc;
}

static int same_request(const rfs_conversion *old, const rf_conversion_spec *spec,
			const char *currency)
{
	return strcmp(old->visitor, spec->visitor_id) == 0 && old->kind == spec->kind &&
	       old->value_minor == spec->value_minor && strcmp(old->currency, currency) == 0 &&
	       (spec->at_ms == 0 || spec->at_ms == old->at);
}

/* A conversion row with its credit rows, as read for packing. */
typedef struct with_credits {
	const rfs_conversion *c;
	const rfs_credit_out *credits;
	size_t n;
} with_credits;

/* Pack a conversion and its per-code credit. */
static void pack_conversion(rf_pack *pk, const void *from, void *slot)
{
	const with_credits *w = from;
	const rfs_conversion *c = w->c;
	const rfs_credit_out *credits = w->credits;
	size_t n = w->n;
	rf_conversion *v = rf__pack_reserve(pk, sizeof(*v));
	rf_credit **list = rf__pack_reserve(pk, (n ? n : 1) * sizeof(*list));
	const char *program = rf__pack_str(pk, c->program_key);
	const char *order = rf__pack_str(pk, c->order_id);
	const char *visitor = rf__pack_str(pk, c->visitor);
	const char *currency = rf__pack_str(pk, c->currency);
	for (size_t i = 0; i < n; i++) {
		rf_credit *cr = rf__pack_reserve(pk, sizeof(*cr));
		const char *advocate = rf__pack_str(pk, credits[i].advocate);
		const char *code = rf__pack_str(pk, credits[i].code);
		if (cr == NULL)
			continue;
		*cr = (rf_credit){ advocate, code, credits[i].channel, credits[i].weight,
				   credits[i].value_minor };
		list[i] = cr;
	}
	if (v == NULL)
		return;
	*v = (rf_conversion){ c->id, program, order, visitor, c->kind, c->value_minor, currency,
			      c->at, c->attributed, c->model, c->rules_version, n, list };
	*(rf_conversion **)slot = v;
}

/* Read a stored conversion with its credit into a new object. */
static int conversion_new(rf_store *s, rf_conversion **out, const rfs_conversion *c)
{
	rfs_credit_out *credits = NULL;
	size_t n = 0;
	int rc = rfs_credits(s, c->id, 0, &credits, &n);
	if (rc == RF_OK)
		rc = rf__pack_one(&(with_credits){ c, credits, n }, pack_conversion, out);
	free(credits);
	return rc;
}

static int record(rf_store *s, const rf_conversion_spec *spec, const char *currency,
		  rfs_conversion *c)
{
	rfs_program p;
	int rc = rf__program_load(s, spec->program, &p);
	if (rc != RF_OK)
		return rc;
	rc = rfs_conversion_by_order(s, p.id, spec->order_id, c);
	if (rc == RF_OK) {
		if (!same_request(c, spec, currency))
			return rf__error(RF_ECONFLICT, "order '%s' was recorded with other data",
					 spec->order_id);
		return RF_DUPLICATE;
	}
	if (rc != RF_ENOTFOUND)
		return rc;
	if (p.status != RF_STATUS_ACTIVE)
		return rf__error(RF_EDISABLED, "program '%s' is archived", p.key);
	rf__attribution_input in = { spec->order_id, 0 };
	if ((rc = rfs_visitor_intern(s, spec->visitor_id, 1, &in.visitor_id)) != RF_OK)
		return rc;
	memset(c, 0, sizeof(*c));
	c->kind = spec->kind;
	c->value_minor = spec->value_minor;
	memcpy(c->currency, currency, 4);
	c->at = spec->at_ms ? spec->at_ms : rfs_now(s);
	rc = rf__attribute(s, &p, &in, c);
	if (rc == RF_OK)
		rc = rfs_conversion_by_order(s, p.id, spec->order_id, c);
	return rc;
}

int rf_conversion_record(rf_conversion **out, rf_store *store, const rf_conversion_spec *spec)
{
	if (out)
		*out = NULL;
	char currency[4];
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, currency);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_conversion c;
	rc = record(store, spec, currency, &c);
	rf_conversion *made = NULL;
	/* Build the result inside the transaction so it is what was written. */
	if (rc >= 0 && out) {
		int brc = conversion_new(store, &made, &c);
		if (brc != RF_OK)
			rc = brc;
	}
	rc = rfs_end(store, rc);
	if (rc >= 0 && out)
		*out = made;
	else
		rf_conversion_free(made);
	return rc;
}

static int load_conversion(rf_store *s, const char *program, const char *order_id,
			   rfs_conversion *c)
{
	rfs_program p;
	int rc = rf__program_load(s, program, &p);
	if (rc == RF_OK)
		rc = rf__check_text(order_id, RF_MAX_ID_LEN, "order id");
	if (rc == RF_OK)
		rc = rfs_conversion_by_order(s, p.id, order_id, c);
	if (rc == RF_ENOTFOUND)
		rc = rf__error(RF_ENOTFOUND, "no conversion for order '%s' in program '%s'",
			       order_id, program);
	return rc;
}

int rf_conversion_get(rf_conversion **out, rf_store *store, const char *program,
		      const char *order_id)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_conversion c;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = load_conversion(store, program, order_id, &c);
	if (rc == RF_OK)
		rc = conversion_new(store, out, &c);
	return rc;
}

void rf_conversion_free(rf_conversion *conversion)
{
	free(conversion);
}

static void pack_explanation(rf_pack *pk, const void *from, void *slot)
{
	const with_credits *w = from;
	const rfs_conversion *c = w->c;
	const rfs_credit_out *rows = w->credits;
	size_t n = w->n;
	rf_explanation *e = rf__pack_reserve(pk, sizeof(*e));
	rf_explained_touch **list = rf__pack_reserve(pk, (n ? n : 1) * sizeof(*list));
	const char *program = rf__pack_str(pk, c->program_key);
	const char *order = rf__pack_str(pk, c->order_id);
	const char *summary = rf__pack_str(pk, c->summary);
	for (size_t i = 0; i < n; i++) {
		rf_explained_touch *t = rf__pack_reserve(pk, sizeof(*t));
		const char *code = rf__pack_str(pk, rows[i].code);
		const char *advocate = rf__pack_str(pk, rows[i].advocate);
		const char *note = rf__pack_str(pk, rows[i].note);
		if (t == NULL)
			continue;
		*t = (rf_explained_touch){ rows[i].touchpoint_id, code, advocate, rows[i].channel,
					   rows[i].kind, rows[i].at, rows[i].weight,
					   rows[i].value_minor, note };
		list[i] = t;
	}
	if (e == NULL)
		return;
	int64_t start = c->at - c->lookback_ms;
	*e = (rf_explanation){ program, order, c->model, c->rules_version, c->lookback_ms,
			       start < 0 ? 0 : start, c->at, summary, n, list };
	*(rf_explanation **)slot = e;
}

int rf_explanation_get(rf_explanation **out, rf_store *store, const char *program,
		       const char *order_id)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_conversion c;
	rfs_credit_out *rows = NULL;
	size_t n = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = load_conversion(store, program, order_id, &c);
	if (rc == RF_OK)
		rc = rfs_credits(store, c.id, 1, &rows, &n);
	if (rc == RF_OK)
		rc = rf__pack_one(&(with_credits){ &c, rows, n }, pack_explanation, out);
	free(rows);
	return rc;
}

void rf_explanation_free(rf_explanation *explanation)
{
	free(explanation);
}
