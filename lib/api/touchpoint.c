/* Public touchpoint functions: record one, record a batch. */
#include "api/api.h"
#include "core/fraud.h"

#include <stddef.h>
#include <stdio.h>

static const rf_touchpoint_spec spec_defaults = RF_TOUCHPOINT_SPEC_INIT;
static const size_t touchpoint_spec_sizes[] = { 0, offsetof(rf_touchpoint_spec, direct),
						 sizeof(rf_touchpoint_spec) };

int rf_touchpoint_spec_init(rf_touchpoint_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, touchpoint_spec_sizes, version, RF_TOUCHPOINT_SPEC_VERSION,
				"rf_touchpoint_spec");
}

/* Check a caller's spec of any version and copy it into `out` (newest layout). */
static int check_spec(const rf_touchpoint_spec *in, int need_visitor, rf_touchpoint_spec *out)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "touchpoint spec is NULL");
	int rc = rf__check_version(in->version, RF_TOUCHPOINT_SPEC_VERSION, "rf_touchpoint_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &spec_defaults, sizeof(*out), in, touchpoint_spec_sizes);
	const rf_touchpoint_spec *spec = out;
	if (rc == RF_OK && (need_visitor || spec->visitor_id))
		rc = rf__check_text(spec->visitor_id, RF_MAX_ID_LEN, "visitor id");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->landing_url, RF_MAX_TEXT_LEN, "landing URL");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->ip, RF_MAX_TEXT_LEN, "IP address");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->user_agent, RF_MAX_TEXT_LEN, "user agent");
	if (rc == RF_OK && rf_enum_name(RF_ENUM_TOUCHPOINT_KIND, spec->kind) == NULL)
		rc = rf__error(RF_EINVALID, "unknown touchpoint kind %d", (int)spec->kind);
	if (rc == RF_OK && spec->at_ms < 0)
		rc = rf__error(RF_EINVALID, "at_ms must be >= 0");
	if (rc == RF_OK && spec->direct != 0 && spec->direct != 1)
		rc = rf__error(RF_EINVALID, "direct must be 0 or 1");
	return rc;
}

/* What record_one() learned, for building the returned object. */
typedef struct recorded {
	int64_t id;
	rfs_code code;
	char visitor[RF_MAX_ID_LEN + 1];
	int32_t kind;
	int64_t at;
	int32_t duplicate, direct;
} recorded;

/* Record a checked spec. Live (program_id 0): the code must be usable
 * now. Imported history (program_id set): the code must belong to that
 * program, in any state. */
static int record_one(rf_store *s, const rf_touchpoint_spec *spec, int64_t program_id,
		      int bot, recorded *r)
{
	unsigned char ip_hash[RF_HASH_BYTES], ua_hash[RF_HASH_BYTES];
	rfs_touch t = { 0 };
	t.at = spec->at_ms ? spec->at_ms : rfs_now(s);
	t.kind = spec->kind;
	t.direct = spec->direct;
	t.landing_url = spec->landing_url;
	int rc = rf__code_load(s, spec->code, 1, &r->code);
	if (rc == RF_OK && program_id == 0)
		rc = rf__code_usable(&r->code, t.at);
	else if (rc == RF_OK && r->code.program_id != program_id)
		rc = rf__error(RF_EINVALID, "code '%s' belongs to program '%s'", r->code.code,
			       r->code.program_key);
	if (rc != RF_OK)
		return rc;
	if (spec->visitor_id)
		snprintf(r->visitor, sizeof(r->visitor), "%s", spec->visitor_id);
	else
		rf__uuid4(r->visitor);
	rc = rfs_visitor_intern(s, r->visitor, 1, &t.visitor_id);
	t.code_id = r->code.id;
	int64_t window = r->code.duplicate_window_ms;
	/* Bots and link previews are kept but flagged, and never count as the
	 * earlier touch that makes a person's click a duplicate. */
	if (bot || (spec->user_agent && rfc_is_bot_agent(spec->user_agent))) {
		t.duplicate = RF_TOUCHPOINT_BOT;
	} else if (rc == RF_OK && window > 0) {
		rc = rfs_touch_recent(s, t.visitor_id, t.code_id, t.at - window, t.at + window,
				      &t.duplicate);
	}
	if (spec->ip && rf__ip_hash(s, r->code.program_id, spec->ip, ip_hash))
		t.ip_hash = ip_hash;
	if (spec->user_agent) {
		rf__personal_hash(s, ua_hash, "ua", spec->user_agent);
		t.ua_hash = ua_hash;
	}
	if (rc == RF_OK)
		rc = rfs_touch_insert(s, &t, &r->id);
	r->kind = t.kind;
	r->at = t.at;
	r->duplicate = t.duplicate;
	r->direct = t.direct;
	return rc;
}

static void pack_touch(rf_pack *pk, const void *from, void *slot)
{
	const recorded *r = from;
	rf_touchpoint *t = rf__pack_reserve(pk, sizeof(*t));
	const char *visitor = rf__pack_str(pk, r->visitor);
	const char *code = rf__pack_str(pk, r->code.code);
	const char *program = rf__pack_str(pk, r->code.program_key);
	const char *advocate = rf__pack_str(pk, r->code.advocate_ext);
	if (t == NULL)
		return;
	t->id = r->id;
	t->visitor_id = visitor;
	t->code = code;
	t->program = program;
	t->advocate = advocate;
	t->channel = r->code.channel;
	t->kind = r->kind;
	t->at_ms = r->at;
	t->duplicate = r->duplicate;
	t->direct = r->direct;
	*(rf_touchpoint **)slot = t;
}

int rf_touchpoint_record(rf_touchpoint **out, rf_store *store, const rf_touchpoint_spec *spec)
{
	if (out)
		*out = NULL;
	rf_touchpoint_spec sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, 0, &sp);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	recorded r;
	rc = rfs_end(store, record_one(store, &sp, 0, 0, &r));
	if (rc == RF_OK && out)
		rc = rf__pack_one(&r, pack_touch, out);
	return rc;
}

/* Name the failing index in front of the error already set. */
static int batch_error(int rc, size_t index)
{
	char reason[400];
	snprintf(reason, sizeof(reason), "%s", rf_error_last()->message);
	int db_code = rf_error_last()->db_code;
	return rf__error_db(rc, db_code, "touchpoint %zu: %s (nothing recorded)", index, reason);
}

int rf_touchpoint_record_batch(rf_store *store, const rf_touchpoint_spec *const *specs,
			       size_t count)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	RF_CHECK_ARG(specs != NULL || count == 0);
	if (count == 0)
		return RF_OK;
	if ((rc = rfs_begin(store)) != RF_OK)
		return rc;
	/* Each spec is checked once, as it is recorded; a bad one anywhere
	 * rolls the whole batch back, so nothing of it is stored. */
	rf_touchpoint_spec sp;
	recorded r;
	for (size_t i = 0; i < count && rc == RF_OK; i++) {
		rc = check_spec(specs[i], 1, &sp);
		if (rc == RF_OK)
			rc = record_one(store, &sp, 0, 0, &r);
		if (rc != RF_OK)
			rc = batch_error(rc, i);
	}
	return rfs_end(store, rc);
}

int rf__touchpoint_import(rf_store *s, const rf_touchpoint_spec *spec, int64_t program_id,
			  int bot, int64_t *visitor_id)
{
	rf_touchpoint_spec sp;
	recorded r;
	int rc = check_spec(spec, 1, &sp);
	if (rc == RF_OK)
		rc = record_one(s, &sp, program_id, bot, &r);
	if (rc == RF_OK)
		rc = rfs_visitor_intern(s, r.visitor, 0, visitor_id);
	return rc;
}

void rf_touchpoint_free(rf_touchpoint *touchpoint)
{
	free(touchpoint);
}
