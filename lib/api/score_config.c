/*
 * The scoring configuration: checked, versioned (every version kept, so a
 * score can say which one produced it) and, when it changes, applied to
 * the stored scores in the same transaction.
 */
#include "api/scoring.h"

#include <stdio.h>

static const rf_score_config config_defaults = RF_SCORE_CONFIG_INIT;
static const size_t score_config_sizes[] = RF_SIZES_V1(rf_score_config);

int rf_score_config_init(rf_score_config *config, unsigned version)
{
	return rf__options_init(config, &config_defaults, score_config_sizes, version,
				RF_SCORE_CONFIG_VERSION, "rf_score_config");
}

#define YEAR_MS (INT64_C(366) * 86400000)

/* A caller's configuration as a stored row (version not set), checked. */
static int config_read(const rf_score_config *in, rfs_score_config *c)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_SCORE_CONFIG_VERSION, "rf_score_config");
	if (rc != RF_OK)
		return rc;
	rf_score_config cfg;
	rf__options_read(&cfg, &config_defaults, sizeof(cfg), in, score_config_sizes);
	rf__score_config_defaults(c);
	if (cfg.activity_weight_count > RF_ACTIVITY_TYPE_COUNT)
		return rf__error(RF_EINVALID, "activity_weight_count must be 0..%d", RF_ACTIVITY_TYPE_COUNT);
	if (cfg.activity_weight_count > 0 && cfg.activity_weights == NULL)
		return rf__error(RF_EINVALID, "activity_weights is NULL");
	for (uint32_t i = 0; i < cfg.activity_weight_count; i++) {
		if ((rc = rf__check_range(cfg.activity_weights[i], 0, 1000, "activity weights")) != RF_OK)
			return rc;
		c->weights[i] = cfg.activity_weights[i];
	}
	if ((rc = rf__check_range(cfg.activity_half_life_ms, 1, 10 * YEAR_MS, "activity_half_life_ms")) ||
	    (rc = rf__check_range(cfg.value_half_life_ms, 1, 10 * YEAR_MS, "value_half_life_ms")) ||
	    (rc = rf__check_range(cfg.weight_activity, 0, 1000, "weight_activity")) ||
	    (rc = rf__check_range(cfg.weight_value, 0, 1000, "weight_value")) ||
	    (rc = rf__check_range(cfg.weight_quality, 0, 1000, "weight_quality")) ||
	    (rc = rf__check_range(cfg.weight_network, 0, 1000, "weight_network")) ||
	    (rc = rf__check_range(cfg.activity_half_points, 1, INT64_C(1000000000), "activity_half_points")) ||
	    (rc = rf__check_range(cfg.value_half_minor, 1, INT64_C(1000000000000000), "value_half_minor")) ||
	    (rc = rf__check_range(cfg.risk_percent, 0, 100, "risk_percent")))
		return rc;
	if (cfg.weight_activity + cfg.weight_value + cfg.weight_quality + cfg.weight_network == 0)
		return rf__error(RF_EINVALID, "the component weights must not all be 0");
	c->activity_half_life_ms = cfg.activity_half_life_ms;
	c->value_half_life_ms = cfg.value_half_life_ms;
	c->weight_activity = cfg.weight_activity;
	c->weight_value = cfg.weight_value;
	c->weight_quality = cfg.weight_quality;
	c->weight_network = cfg.weight_network;
	c->activity_half_points = cfg.activity_half_points;
	c->value_half_minor = cfg.value_half_minor;
	c->risk_percent = cfg.risk_percent;
	if (cfg.tiers) {
		if ((rc = rf__check_opt_text(cfg.tiers, RFS_TIERS_SIZE - 1, "tiers")) != RF_OK)
			return rc;
		snprintf(c->tiers, sizeof(c->tiers), "%s", cfg.tiers);
	}
	rf__tiers tiers;
	return rf__tiers_parse(c->tiers, &tiers);
}

static int config_equal(const rfs_score_config *a, const rfs_score_config *b)
{
	return memcmp(a->weights, b->weights, sizeof(a->weights)) == 0 &&
	       a->activity_half_life_ms == b->activity_half_life_ms &&
	       a->value_half_life_ms == b->value_half_life_ms &&
	       a->weight_activity == b->weight_activity && a->weight_value == b->weight_value &&
	       a->weight_quality == b->weight_quality && a->weight_network == b->weight_network &&
	       a->activity_half_points == b->activity_half_points &&
	       a->value_half_minor == b->value_half_minor && a->risk_percent == b->risk_percent &&
	       strcmp(a->tiers, b->tiers) == 0;
}

int rf_score_config_set(int64_t *config_version, rf_store *store, const char *program,
			const rf_score_config *config)
{
	rfs_score_config next, cur;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = config_read(config, &next);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rc = rf__score_program_load(store, program, &p, &cur);
	if (rc == RF_OK && !config_equal(&next, &cur)) {
		next.version = cur.version + 1;
		rc = rfs_score_config_insert(store, p.id, &next, rfs_now(store));
		if (rc == RF_OK)
			rc = rf__score_recompute(store, p.id, &next);
		cur.version = next.version;
	}
	rc = rfs_end(store, rc);
	if (rc == RF_OK && config_version)
		*config_version = cur.version;
	return rc;
}

static void pack_settings(rf_pack *pk, const void *from, void *slot)
{
	const rfs_score_config *c = from;
	rf_score_settings *o = rf__pack_reserve(pk, sizeof(*o));
	rf_score_config *cfg = rf__pack_reserve(pk, sizeof(*cfg));
	int32_t *w = rf__pack_reserve(pk, sizeof(c->weights));
	const char *tiers = rf__pack_str(pk, c->tiers);
	if (o == NULL)
		return;
	memcpy(w, c->weights, sizeof(c->weights));
	*cfg = (rf_score_config){ RF_SCORE_CONFIG_VERSION, w, RF_ACTIVITY_TYPE_COUNT,
				  c->activity_half_life_ms, c->value_half_life_ms,
				  c->weight_activity, c->weight_value, c->weight_quality,
				  c->weight_network, c->activity_half_points, c->value_half_minor,
				  c->risk_percent, tiers };
	*o = (rf_score_settings){ c->version, cfg };
	*(rf_score_settings **)slot = o;
}

int rf_score_config_get(rf_score_settings **out, rf_store *store, const char *program)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	rfs_program p;
	rfs_score_config c;
	rc = rf__score_program_load(store, program, &p, &c);
	if (rc == RF_OK)
		rc = rf__pack_one(&c, pack_settings, out);
	return rc;
}

void rf_score_settings_free(rf_score_settings *settings)
{
	free(settings);
}
