/* Public program functions. */
#include "api/api.h"

#include <stddef.h>

static const rf_program_rules rules_defaults = RF_PROGRAM_RULES_INIT;
/* Bytes of rf_program_rules that each version defines. */
static const size_t rules_sizes[] = { 0, offsetof(rf_program_rules, half_life_ms),
				      sizeof(rf_program_rules) };

int rf_program_rules_init(rf_program_rules *rules, unsigned version)
{
	return rf__options_init(rules, &rules_defaults, rules_sizes, version, RF_PROGRAM_RULES_VERSION,
				"rf_program_rules");
}

static int check_custom(const rf_program_rules *r)
{
	if (r->custom_count > RF_CUSTOM_WEIGHTS_MAX)
		return rf__error(RF_EINVALID, "custom_count must be 0..%d", RF_CUSTOM_WEIGHTS_MAX);
	if (r->custom_count > 0 && r->custom_weights == NULL)
		return rf__error(RF_EINVALID, "custom_weights is NULL");
	int64_t sum = 0;
	for (uint32_t i = 0; i < r->custom_count; i++) {
		if (r->custom_weights[i] < 0)
			return rf__error(RF_EINVALID, "custom weights must be >= 0");
		sum += r->custom_weights[i];
	}
	if (r->model == RF_MODEL_CUSTOM && sum == 0)
		return rf__error(RF_EINVALID, "the custom model needs a positive custom weight");
	return RF_OK;
}

static int check_rules(const rf_program_rules *r)
{
	if (rf_enum_name(RF_ENUM_MODEL, r->model) == NULL)
		return rf__error(RF_EINVALID, "unknown attribution model %d", (int)r->model);
	if (r->code_length < RF_CODE_LENGTH_MIN || r->code_length > RF_CODE_LENGTH_MAX)
		return rf__error(RF_EINVALID, "code_length must be %d..%d", RF_CODE_LENGTH_MIN,
				 RF_CODE_LENGTH_MAX);
	if (r->lookback_ms < 1 || r->lookback_ms > RF_LOOKBACK_MAX_MS)
		return rf__error(RF_EINVALID, "lookback_ms must be 1..%lld",
				 (long long)RF_LOOKBACK_MAX_MS);
	if (r->duplicate_window_ms < 0 || r->duplicate_window_ms > RF_LOOKBACK_MAX_MS)
		return rf__error(RF_EINVALID, "duplicate_window_ms must be 0..%lld",
				 (long long)RF_LOOKBACK_MAX_MS);
	if (r->lock_first_referrer != 0 && r->lock_first_referrer != 1)
		return rf__error(RF_EINVALID, "lock_first_referrer must be 0 or 1");
	if (r->half_life_ms < 1 || r->half_life_ms > RF_LOOKBACK_MAX_MS)
		return rf__error(RF_EINVALID, "half_life_ms must be 1..%lld",
				 (long long)RF_LOOKBACK_MAX_MS);
	if (r->position_first_bp < 0 || r->position_last_bp < 0 ||
	    r->position_first_bp + r->position_last_bp > 10000)
		return rf__error(RF_EINVALID, "position shares must be >= 0 and sum to <= 10000 bp");
	if (r->sale_follows_lead != 0 && r->sale_follows_lead != 1)
		return rf__error(RF_EINVALID, "sale_follows_lead must be 0 or 1");
	if (r->renewal_months < 0 || r->renewal_months > 120)
		return rf__error(RF_EINVALID, "renewal_months must be 0..120");
	return check_custom(r);
}

/* A caller's rules of any version, as the newest layout, checked. The
 * custom weights are copied into `weights` (RF_CUSTOM_WEIGHTS_MAX). */
int rf__rules_read(const rf_program_rules *in, rf_program_rules *out, int32_t *weights)
{
	int rc = rf__check_version(in->version, RF_PROGRAM_RULES_VERSION, "rf_program_rules");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &rules_defaults, sizeof(*out), in, rules_sizes);
	out->version = RF_PROGRAM_RULES_VERSION;
	if ((rc = check_rules(out)) != RF_OK)
		return rc;
	if (out->custom_count)
		memcpy(weights, out->custom_weights, out->custom_count * sizeof(*weights));
	out->custom_weights = weights;
	return RF_OK;
}

static int rules_equal(const rf_program_rules *a, const rfs_program *b)
{
	const rf_program_rules *r = &b->rules;
	return a->model == r->model && a->code_length == r->code_length &&
	       a->lookback_ms == r->lookback_ms &&
	       a->duplicate_window_ms == r->duplicate_window_ms &&
	       a->lock_first_referrer == r->lock_first_referrer &&
	       a->half_life_ms == r->half_life_ms &&
	       a->position_first_bp == r->position_first_bp &&
	       a->position_last_bp == r->position_last_bp &&
	       a->sale_follows_lead == r->sale_follows_lead &&
	       a->renewal_months == r->renewal_months && a->custom_count == r->custom_count &&
	       (a->custom_count == 0 ||
		memcmp(a->custom_weights, b->custom, a->custom_count * sizeof(int32_t)) == 0);
}

/* Pack a row into one caller-owned rf_program. */
static void pack_program(rf_pack *pk, const void *from, void *slot)
{
	const rfs_program *row = from;
	rf_program *p = rf__pack_reserve(pk, sizeof(*p));
	rf_program_rules *rules = rf__pack_reserve(pk, sizeof(*rules));
	int32_t *weights = rf__pack_reserve(pk, (row->rules.custom_count + 1) * sizeof(*weights));
	const char *key = rf__pack_str(pk, row->key);
	const char *name = rf__pack_str(pk, row->name);
	if (p == NULL)
		return;
	*rules = row->rules;
	memcpy(weights, row->custom, row->rules.custom_count * sizeof(*weights));
	rules->custom_weights = row->rules.custom_count ? weights : NULL;
	p->id = row->id;
	p->key = key;
	p->name = name;
	p->status = row->status;
	p->rules_version = row->rules_version;
	p->rules = rules;
	p->created_at_ms = row->created_at;
	p->updated_at_ms = row->updated_at;
	*(rf_program **)slot = p;
}

/* Load a program by key into `row`, reporting a missing one. */
int rf__program_load(rf_store *s, const char *key, rfs_program *row)
{
	int rc = rf__check_text(key, RF_MAX_ID_LEN, "program key");
	if (rc != RF_OK)
		return rc;
	rc = rfs_program_by_key(s, key, row);
	if (rc == RF_ENOTFOUND)
		return rf__error(RF_ENOTFOUND, "no program '%s'", key);
	return rc;
}

/* Load a program that must be active (accepting codes and events). */
int rf__program_load_active(rf_store *s, const char *key, rfs_program *row)
{
	int rc = rf__program_load(s, key, row);
	if (rc == RF_OK && row->status != RF_STATUS_ACTIVE)
		return rf__error(RF_EDISABLED, "program '%s' is archived", key);
	return rc;
}

int rf_program_create(rf_program **out, rf_store *store, const char *key, const char *name,
		      const rf_program_rules *rules)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(key, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_opt_text(name, RF_MAX_NAME_LEN, "program name");
	rf_program_rules r = rules_defaults;
	int32_t weights[RF_CUSTOM_WEIGHTS_MAX];
	if (rc == RF_OK && rules)
		rc = rf__rules_read(rules, &r, weights);
	if (rc != RF_OK)
		return rc;
	if ((rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t id = 0, now = rfs_now(store);
	rfs_program row;
	rc = rfs_program_insert(store, key, name && *name ? name : key, &r, now, &id);
	if (rc == RF_EEXISTS)
		rc = rf__error(RF_EEXISTS, "program '%s' already exists", key);
	if (rc == RF_OK)
		rc = rfs_program_by_id(store, id, &row);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(&row, pack_program, out);
	return rc;
}

int rf_program_get(rf_program **out, rf_store *store, const char *key)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program row;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__program_load(store, key, &row);
	if (rc == RF_OK)
		rc = rf__pack_one(&row, pack_program, out);
	return rc;
}

int rf_program_update(rf_program **out, rf_store *store, const char *key, const char *name,
		      const rf_program_rules *rules)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(key, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK && name)
		rc = rf__check_text(name, RF_MAX_NAME_LEN, "program name");
	rf_program_rules r;
	int32_t weights[RF_CUSTOM_WEIGHTS_MAX];
	if (rc == RF_OK && rules)
		rc = rf__rules_read(rules, &r, weights);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program row;
	int64_t now = rfs_now(store);
	rc = rf__program_load_active(store, key, &row);
	if (rc == RF_OK) {
		int64_t version = row.rules_version;
		if (rules && !rules_equal(&r, &row)) {
			version++;
			rc = rfs_rules_insert(store, row.id, version, &r, now);
		}
		if (rc == RF_OK)
			rc = rfs_program_update(store, row.id, name ? name : row.name, version, now);
		if (rc == RF_OK)
			rc = rfs_program_by_id(store, row.id, &row);
	}
	rc = rfs_end(store, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(&row, pack_program, out);
	return rc;
}

int rf_program_archive(rf_store *store, const char *key)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program row;
	rc = rf__program_load(store, key, &row);
	if (rc == RF_OK && row.status != RF_STATUS_ARCHIVED)
		rc = rfs_program_archive(store, row.id, rfs_now(store));
	return rfs_end(store, rc);
}

int rf_program_list(rf_programs **out, rf_store *store, uint32_t flags)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	if (flags & ~(uint32_t)RF_LIST_INCLUDE_ARCHIVED)
		return rf__error(RF_EINVALID, "unknown list flags 0x%x", (unsigned)flags);
	rfs_program *rows = NULL;
	size_t count = 0;
	rc = rfs_program_all(store, (flags & RF_LIST_INCLUDE_ARCHIVED) != 0, &rows, &count);
	if (rc != RF_OK)
		return rc;
	void *head = NULL, *items = NULL;
	rc = rf__pack_list(sizeof(rf_programs), rows, sizeof(*rows), count, pack_program, &head,
			   &items);
	if (rc == RF_OK) {
		rf_programs *list = head;
		*list = (rf_programs){ count, items };
		*out = list;
	}
	free(rows);
	return rc;
}

void rf_program_free(rf_program *program)
{
	free(program);
}

void rf_programs_free(rf_programs *programs)
{
	free(programs);
}
