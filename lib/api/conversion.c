/* Public conversion functions: record (idempotent), get, explain. */
#include "api/attribute.h"
#include "api/events.h"
#include "core/fraud.h"

#include <stddef.h>
#include <stdio.h>

static const rf_conversion_spec spec_defaults = RF_CONVERSION_SPEC_INIT;
/* Bytes of rf_conversion_spec that each version defines. */
static const size_t conversion_spec_sizes[] = { 0, offsetof(rf_conversion_spec, customer_id),
						 offsetof(rf_conversion_spec, email),
						 sizeof(rf_conversion_spec) };

int rf_conversion_spec_init(rf_conversion_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, conversion_spec_sizes, version, RF_CONVERSION_SPEC_VERSION,
				"rf_conversion_spec");
}

/* ISO 4217 shape: three ASCII letters, returned upper-case. */
int rf__check_currency(const char *in, char out[4])
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

/* Check a caller's spec of any version, copying it into `out` (newest layout). */
static int check_spec(const rf_conversion_spec *in, rf_conversion_spec *out, char currency[4])
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_CONVERSION_SPEC_VERSION, "rf_conversion_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &spec_defaults, sizeof(*out), in, conversion_spec_sizes);
	const rf_conversion_spec *spec = out;
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
		rc = rf__check_currency(spec->currency, currency);
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->customer_id, RF_MAX_ID_LEN, "customer id");
	if (rc == RF_OK && spec->customer_id && !*spec->customer_id)
		rc = rf__error(RF_EINVALID, "customer id is empty");
	if (rc == RF_OK && spec->code)
		rc = rf__check_text(spec->code, 64, "code");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->email, RF_MAX_TEXT_LEN, "email");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->ip, RF_MAX_TEXT_LEN, "IP address");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->user_agent, RF_MAX_TEXT_LEN, "user agent");
	if (rc == RF_OK && spec->existing_customer != 0 && spec->existing_customer != 1)
		rc = rf__error(RF_EINVALID, "existing_customer must be 0 or 1");
	return rc;
}

static int same_request(const rfs_conversion *old, const rf_conversion_spec *spec,
			const char *currency)
{
	return strcmp(old->visitor, spec->visitor_id) == 0 && old->kind == spec->kind &&
	       old->value_minor == spec->value_minor && strcmp(old->currency, currency) == 0 &&
	       (spec->at_ms == 0 || spec->at_ms == old->at) &&
	       /* A retry may leave out a customer the first call gave or the
	        * visitor's identity supplied; only a different one conflicts. */
	       (spec->customer_id == NULL || strcmp(old->customer, spec->customer_id) == 0);
}

/* A conversion row with its credit rows, as read for packing. */
typedef struct with_credits {
	const rfs_conversion *c;
	const rfs_credit_out *credits;
	size_t n;
	int32_t replayed;
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
				   credits[i].value_minor, credits[i].refunded_minor };
		list[i] = cr;
	}
	const char *customer = rf__pack_str(pk, c->customer);
	const char *follows = rf__pack_str(pk, c->follows_order);
	if (v == NULL)
		return;
	*v = (rf_conversion){ c->id, program, order, visitor, c->kind, c->value_minor, currency,
			      c->at, c->attributed, c->model, c->rules_version, n, list,
			      customer, c->refunded_minor, follows, w->replayed };
	*(rf_conversion **)slot = v;
}

/* Read a stored conversion with its credit into a new object. */
int rf__conversion_new(rf_store *s, rf_conversion **out, const rfs_conversion *c, int replayed)
{
	rfs_credit_out *credits = NULL;
	size_t n = 0;
	int rc = rfs_credits(s, c->id, 0, &credits, &n);
	if (rc == RF_OK)
		rc = rf__pack_one(&(with_credits){ c, credits, n, replayed }, pack_conversion, out);
	free(credits);
	return rc;
}

/* The customer of this conversion: the one given (tying the visitor to it
 * if it is not tied yet), else the one the visitor was tied to, else 0. */
static int resolve_customer(rf_store *s, const rf_conversion_spec *spec, int64_t visitor,
			    int64_t at, int64_t *customer)
{
	int64_t tied = 0;
	int rc = rfs_identity_get(s, visitor, &tied);
	if (rc != RF_OK || spec->customer_id == NULL) {
		*customer = tied;
		return rc;
	}
	rc = rfs_customer_intern(s, spec->customer_id, 1, customer);
	if (rc == RF_OK && tied == 0)
		rc = rfs_identity_insert(s, visitor, *customer, at);
	return rc;
}

/* A code given at checkout becomes a touchpoint at the conversion's time. */
static int record_checkout(rf_store *s, const rfs_program *p, const char *input, int64_t visitor,
			   int64_t at)
{
	rfs_code code;
	int rc = rf__code_load(s, input, 1, &code);
	if (rc == RF_OK)
		rc = rf__code_usable(&code, at);
	if (rc == RF_OK && code.program_id != p->id)
		rc = rf__error(RF_EINVALID, "code '%s' belongs to program '%s', not '%s'", code.code,
			       code.program_key, p->key);
	rfs_touch t = { code.id, visitor, RF_TOUCH_CHECKOUT, at, 0, 0, NULL, NULL, NULL };
	int64_t id = 0;
	return rc == RF_OK ? rfs_touch_insert(s, &t, &id) : rc;
}

/* Record (or find the earlier) conversion; with `want` the stored row is
 * read back into `c` for the caller's result. */
static int record(rf_store *s, const rf_conversion_spec *spec, const char *currency,
		  const rf__person *who, int want, rfs_conversion *c)
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
	memset(c, 0, sizeof(*c));
	c->kind = spec->kind;
	c->value_minor = spec->value_minor;
	memcpy(c->currency, currency, 4);
	c->at = spec->at_ms ? spec->at_ms : rfs_now(s);
	rf__attribution_input in = { spec->order_id, 0, 0 };
	rf__credits credits = { NULL, 0 };
	rc = rfs_visitor_intern(s, spec->visitor_id, 1, &in.visitor_id);
	if (rc == RF_OK)
		rc = resolve_customer(s, spec, in.visitor_id, c->at, &in.customer_id);
	if (rc == RF_OK && spec->code)
		rc = record_checkout(s, &p, spec->code, in.visitor_id, c->at);
	if (rc == RF_OK)
		rc = rf__attribute(s, &p, &in, c, &credits);
	if (rc == RF_OK)
		rc = rf__on_conversion(s, &(rf__conversion_event){
			&p, c, in.visitor_id, in.customer_id, who->email_key, who->ip_hash,
			who->ua_hash, who->email_domain, spec->existing_customer,
			spec->user_agent && rfc_is_bot_agent(spec->user_agent), credits.list,
			credits.n, who });
	free(credits.list);
	if (rc == RF_OK && want)
		rc = rfs_conversion_by_order(s, p.id, spec->order_id, c);
	return rc;
}

int rf_conversion_record(rf_conversion **out, rf_store *store, const rf_conversion_spec *spec)
{
	if (out)
		*out = NULL;
	char currency[4];
	rf_conversion_spec sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, &sp, currency);
	rf__person who;
	if (rc == RF_OK)
		rc = rf__person_hash(store, sp.email, sp.ip, sp.user_agent, &who);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_conversion c;
	rc = record(store, &sp, currency, &who, out != NULL, &c);
	return rf__end_with_conversion(store, rc, &c, out);
}

int rf__conversion_import(rf_store *s, const rf_conversion_spec *spec)
{
	char currency[4];
	rf_conversion_spec sp;
	rfs_conversion c;
	rf__person who;
	int rc = check_spec(spec, &sp, currency);
	if (rc == RF_OK)
		rc = rf__person_hash(s, sp.email, sp.ip, sp.user_agent, &who);
	return rc == RF_OK ? record(s, &sp, currency, &who, 0, &c) : rc;
}

int rf__end_with_conversion(rf_store *s, int rc, const rfs_conversion *c, rf_conversion **out)
{
	rf_conversion *made = NULL;
	/* Build the result inside the transaction so it is what was written. */
	if (rc >= 0 && out) {
		int brc = rf__conversion_new(s, &made, c, rc == RF_DUPLICATE);
		if (brc != RF_OK)
			rc = brc;
	}
	rc = rfs_end(s, rc);
	if (rc >= 0 && out)
		*out = made;
	else
		rf_conversion_free(made);
	return rc;
}

int rf__conversion_load(rf_store *s, const char *program, const char *order_id,
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
		rc = rf__conversion_load(store, program, order_id, &c);
	if (rc == RF_OK)
		rc = rf__conversion_new(store, out, &c, 0);
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
	const char *parameters = rf__pack_str(pk, c->parameters);
	const char *currency = rf__pack_str(pk, c->currency);
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
			       start < 0 ? 0 : start, c->at, summary, n, list, parameters,
			       currency };
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
		rc = rf__conversion_load(store, program, order_id, &c);
	if (rc == RF_OK)
		rc = rfs_credits(store, c.id, 1, &rows, &n);
	if (rc == RF_OK)
		rc = rf__pack_one(&(with_credits){ &c, rows, n, 0 }, pack_explanation, out);
	free(rows);
	return rc;
}

void rf_explanation_free(rf_explanation *explanation)
{
	free(explanation);
}
