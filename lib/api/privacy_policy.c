/* Each program's privacy policy: IP truncation and retention, versioned. */
#include "api/api.h"
#include "store/privacy.h"

static const rf_privacy_policy policy_defaults = RF_PRIVACY_POLICY_INIT;
static const size_t policy_sizes[] = RF_SIZES_V1(rf_privacy_policy);

int rf_privacy_policy_init(rf_privacy_policy *policy, unsigned version)
{
	return rf__options_init(policy, &policy_defaults, policy_sizes, version,
				RF_PRIVACY_POLICY_VERSION, "rf_privacy_policy");
}

static int read_policy(const rf_privacy_policy *in, rf_privacy_policy *out)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "privacy policy is NULL");
	int rc = rf__check_version(in->version, RF_PRIVACY_POLICY_VERSION, "rf_privacy_policy");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &policy_defaults, sizeof(*out), in, policy_sizes);
	if (out->ip_truncate != 0 && out->ip_truncate != 1)
		return rf__error(RF_EINVALID, "ip_truncate must be 0 or 1");
	if (out->retention_ms < 0 || out->retention_ms > RF_RETENTION_MAX_MS)
		return rf__error(RF_EINVALID, "retention_ms must be 0..%lld",
				 (long long)RF_RETENTION_MAX_MS);
	return RF_OK;
}

int rf_privacy_policy_set(int64_t *revision, rf_store *store, const char *program,
			  const rf_privacy_policy *policy)
{
	rf_privacy_policy p;
	int rc = read_policy(policy, &p);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program prog;
	rfs_policy cur;
	rc = rf__program_load(store, program, &prog);
	if (rc == RF_OK)
		rc = rfs_policy_current(store, prog.id, &cur);
	int same = rc == RF_OK && cur.ip_truncate == p.ip_truncate &&
		   cur.retention_ms == p.retention_ms;
	if (rc == RF_OK && !same) {
		rfs_policy next = { cur.revision + 1, p.ip_truncate, p.retention_ms, rfs_now(store) };
		rc = rfs_policy_insert(store, prog.id, &next);
		cur = next;
	}
	rfs_keyring_forget(store);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && revision)
		*revision = cur.revision;
	return rc;
}

typedef struct settings_row {
	const char *program;
	rfs_policy p;
} settings_row;

static void pack_settings(rf_pack *pk, const void *from, void *slot)
{
	const settings_row *r = from;
	rf_privacy_settings *out = rf__pack_reserve(pk, sizeof(*out));
	const char *program = rf__pack_str(pk, r->program);
	if (out == NULL)
		return;
	*out = (rf_privacy_settings){ program, r->p.revision, r->p.ip_truncate, r->p.retention_ms,
				      r->p.set_at };
	*(rf_privacy_settings **)slot = out;
}

int rf_privacy_policy_get(rf_privacy_settings **out, rf_store *store, const char *program)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	rfs_program prog;
	settings_row row = { program, { 0 } };
	rc = rf__program_load(store, program, &prog);
	if (rc == RF_OK)
		rc = rfs_policy_current(store, prog.id, &row.p);
	if (rc == RF_OK)
		rc = rf__pack_one(&row, pack_settings, out);
	return rc;
}

void rf_privacy_settings_free(rf_privacy_settings *settings)
{
	free(settings);
}
