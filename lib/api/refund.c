/*
 * Refunds: a partial or full refund of a conversion is split over its
 * credited rows in proportion to what each still holds, so repeated
 * partial refunds never take a share below zero and a full refund leaves
 * every share at exactly zero. Credit rows stay as written.
 */
#include "api/events.h"

#include "core/attribution.h"

static const rf_refund_spec spec_defaults = RF_REFUND_SPEC_INIT;
static const size_t refund_spec_sizes[] = RF_SIZES_V1(rf_refund_spec);

int rf_refund_spec_init(rf_refund_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, refund_spec_sizes, version,
				RF_REFUND_SPEC_VERSION, "rf_refund_spec");
}

static int check_spec(const rf_refund_spec *spec)
{
	RF_CHECK_ARG(spec != NULL);
	int rc = rf__check_version(spec->version, RF_REFUND_SPEC_VERSION, "rf_refund_spec");
	if (rc == RF_OK)
		rc = rf__check_text(spec->program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(spec->order_id, RF_MAX_ID_LEN, "order id");
	if (rc == RF_OK)
		rc = rf__check_text(spec->refund_id, RF_MAX_ID_LEN, "refund id");
	if (rc == RF_OK && (spec->amount_minor < 0 || spec->amount_minor > RF_VALUE_MAX_MINOR))
		rc = rf__error(RF_EINVALID, "amount_minor must be 0 (all that is left) or positive");
	if (rc == RF_OK && spec->at_ms < 0)
		rc = rf__error(RF_EINVALID, "at_ms must be >= 0");
	return rc;
}

/* Split `amount` over the credited rows by what each still holds. */
static int split_over_credit(rf_store *s, int64_t conversion_id, int64_t refund_id,
			     int64_t amount)
{
	int64_t *seqs = NULL, *left = NULL, *parts = NULL;
	double *weights = NULL;
	size_t n = 0;
	int rc = rfs_credit_remaining(s, conversion_id, &seqs, &left, &n);
	int64_t total = 0;
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		total += left[i];
	if (rc == RF_OK && n > 0 && total > 0) {
		weights = malloc(n * sizeof(*weights));
		parts = malloc(n * sizeof(*parts));
		if (weights == NULL || parts == NULL)
			rc = rf__error(RF_ENOMEM, "out of memory");
		for (size_t i = 0; rc == RF_OK && i < n; i++)
			weights[i] = (double)left[i] / (double)total;
		if (rc == RF_OK)
			rfc_split_value(amount, weights, n, parts);
		for (size_t i = 0; rc == RF_OK && i < n; i++) {
			/* Never below zero, even where rounding would push it. */
			if (parts[i] > left[i])
				rc = rf__error(RF_ERROR, "refund share exceeds what a credit holds");
			else if (parts[i] > 0)
				rc = rfs_refund_credit_insert(s, refund_id, conversion_id, seqs[i],
							      -parts[i]);
		}
	}
	free(seqs);
	free(left);
	free(parts);
	free(weights);
	return rc;
}

static int refund(rf_store *s, const rf_refund_spec *spec, rfs_conversion *c)
{
	int rc = rf__conversion_load(s, spec->program, spec->order_id, c);
	if (rc != RF_OK)
		return rc;
	int found = 0;
	int64_t earlier = 0;
	rc = rfs_refund_find(s, c->id, spec->refund_id, &found, &earlier);
	if (rc != RF_OK)
		return rc;
	int64_t left = c->value_minor - c->refunded_minor;
	if (found) {
		if (spec->amount_minor != 0 && spec->amount_minor != earlier)
			return rf__error(RF_ECONFLICT, "refund '%s' was applied with another amount",
					 spec->refund_id);
		return RF_DUPLICATE;
	}
	int64_t amount = spec->amount_minor ? spec->amount_minor : left;
	if (amount <= 0)
		return rf__error(RF_EINVALID, "order '%s' has nothing left to refund", c->order_id);
	if (amount > left)
		return rf__error(RF_EINVALID, "refund of %lld exceeds the %lld left on order '%s'",
				 (long long)amount, (long long)left, c->order_id);
	int64_t refund_id = 0;
	int64_t at = spec->at_ms ? spec->at_ms : rfs_now(s);
	rc = rfs_refund_insert(s, c->id, spec->refund_id, amount, at, &refund_id);
	if (rc == RF_OK && c->attributed)
		rc = split_over_credit(s, c->id, refund_id, amount);
	if (rc == RF_OK)
		rc = rfs_conversion_add_refund(s, c->id, amount);
	if (rc == RF_OK)
		c->refunded_minor += amount;
	if (rc == RF_OK)
		rc = rf__on_refund(s, &(rf__refund_event){ c->program_id, c, refund_id, spec->refund_id,
							   amount, at });
	return rc;
}

int rf__refund_import(rf_store *s, const rf_refund_spec *spec)
{
	rfs_conversion c;
	int rc = check_spec(spec);
	return rc == RF_OK ? refund(s, spec, &c) : rc;
}

int rf_conversion_refund(rf_conversion **out, rf_store *store, const rf_refund_spec *spec)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_conversion c;
	rc = refund(store, spec, &c);
	return rf__end_with_conversion(store, rc, &c, out);
}
