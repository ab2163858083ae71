/* Public engagement configuration and template functions. */
#include "api/engagement.h"

#include <stddef.h>

static const rf_engagement_config config_defaults = RF_ENGAGEMENT_CONFIG_INIT;
static const size_t config_sizes[] = RF_SIZES_V1(rf_engagement_config);

int rf_engagement_config_init(rf_engagement_config *config, unsigned version)
{
	return rf__options_init(config, &config_defaults, config_sizes, version,
				RF_ENGAGEMENT_CONFIG_VERSION, "rf_engagement_config");
}

static int check_count(int32_t v, const char *what)
{
	if (v < 0 || v > RF_ENGAGEMENT_CAP_MAX)
		return rf__error(RF_EINVALID, "%s must be 0..%d", what, RF_ENGAGEMENT_CAP_MAX);
	return RF_OK;
}

static int check_window(int64_t v, const char *what)
{
	if (v < 1 || v > RF_ENGAGEMENT_WINDOW_MAX_MS)
		return rf__error(RF_EINVALID, "%s must be 1..%lld ms", what,
				 (long long)RF_ENGAGEMENT_WINDOW_MAX_MS);
	return RF_OK;
}

static int check_config(const rf_engagement_config *c)
{
	int rc = check_count(c->cap_messages, "cap_messages");
	if (rc == RF_OK)
		rc = check_window(c->cap_window_ms, "cap_window_ms");
	if (rc == RF_OK)
		rc = check_count(c->active_min_activities, "active_min_activities");
	if (rc == RF_OK)
		rc = check_count(c->referring_min_referrals, "referring_min_referrals");
	if (rc == RF_OK)
		rc = check_count(c->champion_min_referrals, "champion_min_referrals");
	if (rc == RF_OK && c->champion_min_referrals < c->referring_min_referrals)
		rc = rf__error(RF_EINVALID, "champion_min_referrals must be >= referring_min_referrals");
	if (rc == RF_OK)
		rc = check_window(c->dormant_after_ms, "dormant_after_ms");
	if (rc == RF_OK)
		rc = check_count(c->ask_cap, "ask_cap");
	if (rc == RF_OK)
		rc = check_window(c->ask_window_ms, "ask_window_ms");
	return rc;
}

int rf__eng_config(rf_store *s, int64_t program_id, rf_engagement_config *cfg, int64_t *version)
{
	*cfg = config_defaults;
	return rfs_eng_config_current(s, program_id, cfg, version);
}

static int config_equal(const rf_engagement_config *a, const rf_engagement_config *b)
{
	return a->cap_messages == b->cap_messages && a->cap_window_ms == b->cap_window_ms &&
	       a->active_min_activities == b->active_min_activities &&
	       a->referring_min_referrals == b->referring_min_referrals &&
	       a->champion_min_referrals == b->champion_min_referrals &&
	       a->dormant_after_ms == b->dormant_after_ms && a->ask_cap == b->ask_cap &&
	       a->ask_window_ms == b->ask_window_ms;
}

int rf_engagement_config_set(int64_t *config_version, rf_store *store, const char *program,
			     const rf_engagement_config *config)
{
	if (config_version)
		*config_version = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK && config == NULL)
		rc = rf__error(RF_EINVALID, "config is NULL");
	if (rc == RF_OK)
		rc = rf__check_version(config->version, RF_ENGAGEMENT_CONFIG_VERSION,
				       "rf_engagement_config");
	rf_engagement_config c;
	if (rc == RF_OK) {
		rf__options_read(&c, &config_defaults, sizeof(c), config, config_sizes);
		c.version = RF_ENGAGEMENT_CONFIG_VERSION;
		rc = check_config(&c);
	}
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rf_engagement_config now;
	int64_t version = 0;
	rc = rf__program_load_active(store, program, &p);
	if (rc == RF_OK)
		rc = rf__eng_config(store, p.id, &now, &version);
	if (rc == RF_OK && (version == 0 || !config_equal(&now, &c))) {
		version++;
		rc = rfs_eng_config_insert(store, p.id, version, &c, rfs_now(store));
	}
	rc = rfs_end(store, rc);
	if (rc == RF_OK && config_version)
		*config_version = version;
	return rc;
}

int rf_engagement_config_get(rf_engagement_config *out, int64_t *config_version, rf_store *store,
			     const char *program)
{
	RF_CHECK_ARG(out != NULL);
	int rc = rf__check_version(out->version, RF_ENGAGEMENT_CONFIG_VERSION, "rf_engagement_config");
	if (rc == RF_OK)
		rc = rfs_usable(store);
	rfs_program p;
	rf_engagement_config c;
	int64_t version = 0;
	if (rc == RF_OK)
		rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__eng_config(store, p.id, &c, &version);
	if (rc != RF_OK)
		return rc;
	unsigned v = out->version;
	memcpy(out, &c, config_sizes[v]);
	out->version = v;
	if (config_version)
		*config_version = version;
	return RF_OK;
}

int rf_template_set(rf_store *store, const char *program, const char *kind, const char *body)
{
	int rc = rfs_usable(store);
	if (rc == RF_OK && !rfc_kind_valid(kind))
		rc = rf__error(RF_EINVALID, "message kind must be 1..64 bytes of [a-z0-9_-]");
	if (rc == RF_OK)
		rc = rf__check_opt_text(body, RF_TEMPLATE_MAX_LEN, "template");
	if (rc == RF_OK && body && !*body)
		rc = rf__error(RF_EINVALID, "template is empty (pass NULL to remove it)");
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rfs_template_set(store, p.id, kind, body, rfs_now(store));
	return rfs_end(store, rc);
}
