/* The content library: items a program offers its advocates, targeted by
 * stage and tier. */
#include "api/engagement.h"
#include "api/scoring.h"

#include <stdio.h>

/* The rank (1..) of tier `name` in the program's tiers, 0 for "" (no
 * minimum) and -1 when the configuration has no such tier. */
static int tier_rank(const rf__tiers *tiers, const char *name)
{
	if (name[0] == '\0')
		return 0;
	for (int32_t i = 0; i < tiers->count; i++) {
		if (strcmp(tiers->names[i], name) == 0)
			return (int)i + 1;
	}
	return -1;
}

int rf__content_for(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
		    uint32_t limit, rfs_content **rows, size_t *count)
{
	rfs_score_config c;
	rf__tiers tiers = { 0 };
	int32_t tier = 0;
	*rows = NULL;
	*count = 0;
	/* The items first: most stage changes find none, and need no tiers. */
	int rc = rfs_content_list(s, program_id, 0, (int64_t)RF_STAGE_BIT(stage), rows, count);
	if (rc == RF_OK && *count > 0)
		rc = rf__score_config_load(s, program_id, &c);
	if (rc == RF_OK && *count > 0)
		rc = rf__tiers_parse(c.tiers, &tiers);
	if (rc == RF_OK && *count > 0)
		rc = rf__score_tier_now(s, program_id, &c, advocate_id, &tier);
	if (rc != RF_OK) {
		free(*rows);
		*rows = NULL;
		*count = 0;
		return rc;
	}
	size_t kept = 0;
	for (size_t i = 0; i < *count && (limit == 0 || kept < limit); i++) {
		int need = tier_rank(&tiers, (*rows)[i].tier);
		if (need >= 0 && tier >= need)
			(*rows)[kept++] = (*rows)[i];
	}
	*count = kept;
	return RF_OK;
}

/* Public functions. */

static const rf_content_spec spec_defaults = RF_CONTENT_SPEC_INIT;
static const size_t content_spec_sizes[] = RF_SIZES_V1(rf_content_spec);

int rf_content_spec_init(rf_content_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, content_spec_sizes, version,
				RF_CONTENT_SPEC_VERSION, "rf_content_spec");
}

static int check_spec(const rf_content_spec *in, rf_content_spec *out)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "content spec is NULL");
	int rc = rf__check_version(in->version, RF_CONTENT_SPEC_VERSION, "rf_content_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &spec_defaults, sizeof(*out), in, content_spec_sizes);
	rc = rf__check_text(out->program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(out->key, RF_MAX_ID_LEN, "content key");
	if (rc == RF_OK)
		rc = rf__check_text(out->title, RF_MAX_NAME_LEN, "content title");
	if (rc == RF_OK)
		rc = rf__check_text(out->url, RF_MAX_TEXT_LEN, "content URL or reference");
	if (rc == RF_OK)
		rc = rf__check_opt_text(out->min_tier, RF__TIER_NAME_MAX, "minimum tier");
	if (rc == RF_OK && rf_enum_name(RF_ENUM_CONTENT_KIND, out->kind) == NULL)
		rc = rf__error(RF_EINVALID, "unknown content kind %d", (int)out->kind);
	if (rc == RF_OK && (out->stages == 0 || (out->stages & ~RF_STAGES_ALL)))
		rc = rf__error(RF_EINVALID, "stages must be a non-empty mask of RF_STAGE_BIT()"
			       " (0x%x given)", (unsigned)out->stages);
	return rc;
}

/* The item's row from a checked spec; its minimum tier must exist now. */
static int spec_row(rf_store *s, const rfs_program *p, const rf_content_spec *sp,
		    rfs_content *row)
{
	memset(row, 0, sizeof(*row));
	row->program_id = p->id;
	snprintf(row->program_key, sizeof(row->program_key), "%s", p->key);
	snprintf(row->key, sizeof(row->key), "%s", sp->key);
	snprintf(row->title, sizeof(row->title), "%s", sp->title);
	snprintf(row->url, sizeof(row->url), "%s", sp->url);
	snprintf(row->tier, sizeof(row->tier), "%s", sp->min_tier ? sp->min_tier : "");
	row->kind = sp->kind;
	row->stages = sp->stages;
	row->created_at = rfs_now(s);
	rfs_score_config c;
	rf__tiers tiers = { 0 };
	int rc = rf__score_config_load(s, p->id, &c);
	if (rc == RF_OK)
		rc = rf__tiers_parse(c.tiers, &tiers);
	if (rc == RF_OK && tier_rank(&tiers, row->tier) < 0)
		rc = rf__error(RF_EINVALID, "program '%s' has no tier '%s'", p->key, row->tier);
	return rc;
}

static void pack_content(rf_pack *pk, const void *from, void *slot)
{
	const rfs_content *r = from;
	rf_content *c = rf__pack_reserve(pk, sizeof(*c));
	const char *program = rf__pack_str(pk, r->program_key);
	const char *key = rf__pack_str(pk, r->key);
	const char *title = rf__pack_str(pk, r->title);
	const char *url = rf__pack_str(pk, r->url);
	const char *tier = rf__pack_str(pk, r->tier);
	if (c == NULL)
		return;
	*c = (rf_content){ r->id, program, key, title, url, r->kind, (uint32_t)r->stages, tier,
			   r->status, r->created_at };
	*(rf_content **)slot = c;
}

/* Add (`add` 1) or update an item, in one transaction. */
static int content_write(rf_content **out, rf_store *store, const rf_content_spec *spec, int add)
{
	if (out)
		*out = NULL;
	rf_content_spec sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, &sp);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_content row, old;
	int found = 0;
	rc = rf__program_load_active(store, sp.program, &p);
	if (rc == RF_OK)
		rc = spec_row(store, &p, &sp, &row);
	if (rc == RF_OK)
		rc = rfs_content_by_key(store, p.id, sp.key, &old, &found);
	if (rc == RF_OK && add && found)
		rc = rf__error(RF_EEXISTS, "program '%s' already has content '%s'", p.key, sp.key);
	if (rc == RF_OK && !add && !found)
		rc = rf__error(RF_ENOTFOUND, "program '%s' has no content '%s'", p.key, sp.key);
	if (rc == RF_OK && add) {
		rc = rfs_content_insert(store, &row, &row.id);
	} else if (rc == RF_OK) {
		row.id = old.id;
		row.status = old.status;
		row.created_at = old.created_at;
		rc = rfs_content_update(store, &row);
	}
	rc = rfs_end(store, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(&row, pack_content, out);
	return rc;
}

int rf_content_add(rf_content **out, rf_store *store, const rf_content_spec *spec)
{
	return content_write(out, store, spec, 1);
}

int rf_content_update(rf_content **out, rf_store *store, const rf_content_spec *spec)
{
	return content_write(out, store, spec, 0);
}

int rf_content_archive(rf_store *store, const char *program, const char *key)
{
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(key, RF_MAX_ID_LEN, "content key");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_content row;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__content_load(store, &p, key, &row);
	if (rc == RF_OK && row.status != RF_STATUS_ARCHIVED) {
		row.status = RF_STATUS_ARCHIVED;
		rc = rfs_content_update(store, &row);
	}
	return rfs_end(store, rc);
}

int rf__content_load(rf_store *s, const rfs_program *p, const char *key, rfs_content *row)
{
	int found = 0;
	int rc = rfs_content_by_key(s, p->id, key, row, &found);
	if (rc == RF_OK && !found)
		rc = rf__error(RF_ENOTFOUND, "program '%s' has no content '%s'", p->key, key);
	return rc;
}

static int pack_list(rf_content_list **out, rfs_content *rows, size_t count)
{
	void *head = NULL, *items = NULL;
	int rc = rf__pack_list(sizeof(rf_content_list), rows, sizeof(*rows), count, pack_content,
			       &head, &items);
	if (rc == RF_OK) {
		rf_content_list *list = head;
		*list = (rf_content_list){ count, items };
		*out = list;
	}
	return rc;
}

int rf_content_list_get(rf_content_list **out, rf_store *store, const char *program,
			uint32_t flags)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK && (flags & ~(uint32_t)RF_CONTENT_ARCHIVED))
		rc = rf__error(RF_EINVALID, "unknown content flags 0x%x", (unsigned)flags);
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_content *rows = NULL;
	size_t count = 0;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rfs_content_list(store, p.id, (flags & RF_CONTENT_ARCHIVED) != 0, 0, &rows,
				      &count);
	rc = rfs_end(store, rc);
	if (rc == RF_OK)
		rc = pack_list(out, rows, count);
	free(rows);
	return rc;
}

int rf_content_for(rf_content_list **out, rf_store *store, const char *program,
		   const char *advocate, uint32_t limit)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__stage_args(store, program, advocate);
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_advocate a;
	rfs_stage st;
	rfs_content *rows = NULL;
	size_t count = 0;
	rc = rf__stage_load(store, program, advocate, &p, &a, &st);
	if (rc == RF_OK)
		rc = rf__content_for(store, p.id, a.id, st.stage, limit, &rows, &count);
	rc = rfs_end(store, rc);
	if (rc == RF_OK)
		rc = pack_list(out, rows, count);
	free(rows);
	return rc;
}

void rf_content_free(rf_content *content)
{
	free(content);
}

void rf_content_list_free(rf_content_list *list)
{
	free(list);
}

/* Performance. */

typedef struct stats_pack {
	const char *program, *currency;
	int64_t from, to;
	const rfs_content_stat *rows;
	size_t count;
} stats_pack;

static void pack_stats(rf_pack *pk, const void *from, void *slot)
{
	const stats_pack *in = from;
	rf_content_stats *out = rf__pack_reserve(pk, sizeof(*out));
	rf_content_stat **items = rf__pack_reserve(pk, (in->count + 1) * sizeof(*items));
	const char *program = rf__pack_str(pk, in->program);
	const char *currency = rf__pack_str(pk, in->currency);
	for (size_t i = 0; i < in->count; i++) {
		const rfs_content_stat *r = &in->rows[i];
		rf_content_stat *c = rf__pack_reserve(pk, sizeof(*c));
		const char *key = rf__pack_str(pk, r->key);
		const char *title = rf__pack_str(pk, r->title);
		if (c == NULL)
			continue;
		*c = (rf_content_stat){ key, title, r->kind, r->status, r->codes, r->clicks,
					r->visitors, r->conversions, r->value };
		items[i] = c;
	}
	if (out == NULL)
		return;
	*out = (rf_content_stats){ program, in->from, in->to, currency, in->count, items };
	*(rf_content_stats **)slot = out;
}

/* The currency that counts: the caller's, else the only one used. */
static int perf_currency(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			 const char *given, char currency[4])
{
	if (given)
		return rf__check_currency(given, currency);
	char found[3][4];
	size_t n = 0;
	int rc = rfs_content_currencies(s, program_id, from, to, found, &n);
	currency[0] = '\0';
	if (rc == RF_OK && n == 1)
		memcpy(currency, found[0], 4);
	if (rc == RF_OK && n > 1)
		rc = rf__error(RF_EINVALID, "conversions in several currencies (%s, %s%s) count:"
			       " name one", found[0], found[1], n > 2 ? ", ..." : "");
	return rc;
}

int rf_content_performance(rf_content_stats **out, rf_store *store, const char *program,
			   int64_t from_ms, int64_t to_ms, const char *currency, uint32_t top)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK && (from_ms < 0 || to_ms < 0 || (to_ms != 0 && to_ms <= from_ms)))
		rc = rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rfs_program p;
	char cur[4] = "";
	int64_t to = to_ms ? to_ms : INT64_MAX;
	rfs_content_stat *rows = NULL;
	size_t count = 0;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = perf_currency(store, p.id, from_ms, to, currency, cur);
	if (rc == RF_OK)
		rc = rfs_content_performance(store, p.id, from_ms, to, cur, top, &rows, &count);
	rc = rfs_end(store, rc);
	if (rc == RF_OK) {
		stats_pack in = { p.key, cur, from_ms, to_ms, rows, count };
		rc = rf__pack_one(&in, pack_stats, out);
	}
	free(rows);
	return rc;
}

void rf_content_stats_free(rf_content_stats *stats)
{
	free(stats);
}
