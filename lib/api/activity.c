/* Public activity functions: record one, record a batch, list. */
#include "api/events.h"
#include "api/scoring.h"
#include "api/events.h"

#include <stddef.h>
#include <stdio.h>

static const rf_activity_spec spec_defaults = RF_ACTIVITY_SPEC_INIT;
static const size_t activity_spec_sizes[] = RF_SIZES_V1(rf_activity_spec);

int rf_activity_spec_init(rf_activity_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, activity_spec_sizes, version,
				RF_ACTIVITY_SPEC_VERSION, "rf_activity_spec");
}

static int check_spec(const rf_activity_spec *in, rf_activity_spec *out)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "activity spec is NULL");
	int rc = rf__check_version(in->version, RF_ACTIVITY_SPEC_VERSION, "rf_activity_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &spec_defaults, sizeof(*out), in, activity_spec_sizes);
	if (rf_enum_name(RF_ENUM_ACTIVITY, out->type) == NULL)
		return rf__error(RF_EINVALID, "unknown activity type %d", (int)out->type);
	if (rf_enum_name(RF_ENUM_CHANNEL, out->channel) == NULL)
		return rf__error(RF_EINVALID, "unknown channel %d", (int)out->channel);
	if (out->at_ms < 0)
		return rf__error(RF_EINVALID, "at_ms must be >= 0");
	if (out->answer < -1 || out->answer > 10)
		return rf__error(RF_EINVALID, "answer must be -1 (none) or 0..10");
	if (out->type == RF_ACTIVITY_SURVEY && out->answer < 0)
		return rf__error(RF_EINVALID, "a survey answer needs answer 0..10");
	if (out->answer >= 0 && out->type != RF_ACTIVITY_SURVEY && out->type != RF_ACTIVITY_RATING)
		return rf__error(RF_EINVALID, "only surveys and ratings carry an answer");
	return rf__check_opt_text(out->content, RF_MAX_ID_LEN, "content reference");
}

int rf__activity_add(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t type,
		     int64_t at, int32_t channel, const char *content, int32_t answer,
		     int64_t *id)
{
	if (type < 1 || type > RF_ACTIVITY_TYPE_COUNT)
		return rf__error(RF_EINVALID, "unknown activity type %d", (int)type);
	int ok = 0, rc = rf__consent_allowed(s, advocate_id, RF_CONSENT_TRACKING, &ok);
	if (rc == RF_OK && !ok)
		return rf__error(RF_ECONSENT, "the advocate has not consented to tracking");
	if (rc == RF_OK)
		rc = rfs_activity_insert(s, program_id, advocate_id, type, at, channel, content, answer,
				     id);
	rfs_score_config c;
	if (rc == RF_OK)
		rc = rf__score_config_load(s, program_id, &c);
	if (rc != RF_OK)
		return rc;
	rf__score_delta d = { 0 };
	d.points = c.weights[type - 1];
	d.points_at = at;
	d.activities = 1;
	d.reviews = type == RF_ACTIVITY_REVIEW;
	d.at = at;
	rc = rf__score_apply(s, program_id, &c, advocate_id, &d);
	return rc == RF_OK ? rf__stage_on_activity(s, program_id, advocate_id, at) : rc;
}

/* Load the program (active) and advocate (active) of a checked spec. */
static int record_one(rf_store *s, const rf_activity_spec *sp, int64_t *id)
{
	rfs_program p;
	rfs_advocate a;
	int rc = rf__program_load_active(s, sp->program, &p);
	if (rc == RF_OK)
		rc = rf__advocate_load(s, sp->advocate, &a);
	if (rc == RF_OK && a.status != RF_STATUS_ACTIVE)
		rc = rf__error(RF_EDISABLED, "advocate '%s' is inactive", a.external_id);
	if (rc != RF_OK)
		return rc;
	int64_t at = sp->at_ms ? sp->at_ms : rfs_now(s);
	return rf__activity_add(s, p.id, a.id, sp->type, at, sp->channel, sp->content, sp->answer,
				id);
}

int rf_activity_record(int64_t *id, rf_store *store, const rf_activity_spec *spec)
{
	rf_activity_spec sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, &sp);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	return rfs_end(store, record_one(store, &sp, id));
}

int rf_activity_record_batch(rf_store *store, const rf_activity_spec *const *specs, size_t count)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	RF_CHECK_ARG(specs != NULL || count == 0);
	if (count == 0)
		return RF_OK;
	if ((rc = rfs_begin(store)) != RF_OK)
		return rc;
	rf_activity_spec sp;
	for (size_t i = 0; i < count && rc == RF_OK; i++) {
		rc = check_spec(specs[i], &sp);
		if (rc == RF_OK)
			rc = record_one(store, &sp, NULL);
		if (rc != RF_OK) {
			char reason[400];
			snprintf(reason, sizeof(reason), "%s", rf_error_last()->message);
			rc = rf__error_db(rc, rf_error_last()->db_code,
					  "activity %zu: %s (nothing recorded)", i, reason);
		}
	}
	return rfs_end(store, rc);
}

typedef struct activity_row {
	int64_t id;
	char advocate[RFS_ID_SIZE];
	int32_t type;
	int64_t at;
	int32_t channel;
	char content[RFS_ID_SIZE];
	int32_t answer;
} activity_row;

static void read_activity(sqlite3_stmt *st, void *row)
{
	activity_row *r = row;
	r->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, r->advocate, sizeof(r->advocate));
	r->type = sqlite3_column_int(st, 2);
	r->at = sqlite3_column_int64(st, 3);
	r->channel = sqlite3_column_int(st, 4);
	rfs_col_text(st, 5, r->content, sizeof(r->content));
	r->answer = sqlite3_column_int(st, 6);
}

static void pack_activity(rf_pack *pk, const void *from, void *slot)
{
	const activity_row *r = from;
	rf_activity *a = rf__pack_reserve(pk, sizeof(*a));
	const char *advocate = rf__pack_str(pk, r->advocate);
	const char *content = rf__pack_str(pk, r->content);
	if (a == NULL)
		return;
	*a = (rf_activity){ r->id, advocate, r->type, r->at, r->channel, content, r->answer };
	*(rf_activity **)slot = a;
}

int rf_activity_list_get(rf_activity_list **out, rf_store *store, const char *program,
			 const char *advocate, int64_t from_ms, int64_t to_ms, uint32_t limit)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	if (from_ms < 0 || to_ms < 0 || (to_ms != 0 && to_ms <= from_ms))
		return rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	if (limit > 10000)
		return rf__error(RF_EINVALID, "limit must be 0..10000");
	rfs_program p;
	rfs_advocate a = { 0 };
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK && advocate)
		rc = rf__advocate_load(store, advocate, &a);
	sqlite3_stmt *st = NULL;
	if (rc == RF_OK)
		rc = rfs_stmt(store, RFS_ACTIVITY_LIST, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, p.id);
	sqlite3_bind_int64(st, 2, a.id);
	sqlite3_bind_int64(st, 3, from_ms);
	sqlite3_bind_int64(st, 4, to_ms ? to_ms : INT64_MAX);
	sqlite3_bind_int64(st, 5, limit ? limit : 100);
	activity_row *rows = NULL;
	size_t n = 0;
	rc = rfs_collect(store, st, read_activity, sizeof(*rows), 0, (void **)&rows, &n,
			 "listing activities");
	void *header = NULL, *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(rf_activity_list), rows, sizeof(*rows), n, pack_activity,
				   &header, &items);
	free(rows);
	if (rc != RF_OK)
		return rc;
	rf_activity_list *list = header;
	list->count = n;
	list->items = items;
	*out = list;
	return RF_OK;
}

void rf_activity_list_free(rf_activity_list *list)
{
	free(list);
}
