/* Lifecycle stages: counted as activities and referrals arrive,
 * re-evaluated by a sweep, announced through the outbox. */
#include "api/engagement.h"

/* Rows a refresh reads at a time (memory flat in the program's size). */
#define REFRESH_PAGE 256

static void stage_rules(const rf_engagement_config *cfg, rfc_stage_rules *r)
{
	r->active_min_activities = cfg->active_min_activities;
	r->referring_min_referrals = cfg->referring_min_referrals;
	r->champion_min_referrals = cfg->champion_min_referrals;
	r->dormant_after_ms = cfg->dormant_after_ms;
}

/* Tell the advocate about the stage it entered: a nudge when dormant,
 * the newest item it may see for any other stage (nothing when none). */
static int announce(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
		    int64_t at)
{
	rfs_content *items = NULL;
	size_t n = 0;
	char *vars = NULL;
	int rc = rf__content_for(s, program_id, advocate_id, stage, 1, &items, &n);
	if (rc == RF_OK && n > 0)
		rc = rfs_content_vars(s, &items[0], &vars);
	if (rc == RF_OK && stage == RF_STAGE_DORMANT)
		rc = rf__notify(s, program_id, advocate_id, "dormant_nudge", vars, at);
	else if (rc == RF_OK && n > 0)
		rc = rf__notify(s, program_id, advocate_id, "new_content", vars, at);
	free(items);
	free(vars);
	return rc;
}

/* Evaluate a counted row at `now`; move, record and announce a change. */
static int evaluate(rf_store *s, int64_t program_id, const rf_engagement_config *cfg,
		    int64_t version, const rfs_stage *row, int64_t now, int64_t *changed)
{
	rfc_stage_rules rules;
	rfc_stage_facts facts = { row->activities, row->referrals, row->last_activity_at,
				  row->last_referral_at };
	stage_rules(cfg, &rules);
	int32_t stage = rfc_stage_for(&rules, &facts, now);
	if (stage == row->stage)
		return RF_OK;
	int rc = rfs_stage_set(s, program_id, row->advocate_id, stage, row->stage, now, version);
	if (rc == RF_OK)
		rc = announce(s, program_id, row->advocate_id, stage, now);
	if (rc == RF_OK && changed)
		(*changed)++;
	return rc;
}

/* Count events of an advocate and re-evaluate its stage. */
static int stage_event(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t activities,
		       int64_t act_at, int64_t referrals, int64_t ref_at)
{
	rf_engagement_config cfg;
	int64_t version = 0, now = rfs_now(s);
	rfs_stage row;
	int counted = 0;
	int rc = rf__eng_config(s, program_id, &cfg, &version);
	/* Most events leave the stage as it is: one UPDATE. Dormancy is the
	 * sweep's; a recent event never makes an advocate dormant, and an old
	 * one (an import) of an active advocate leaves it active until then. */
	if (rc == RF_OK)
		rc = rfs_stage_count_only(s, program_id, advocate_id, activities, act_at, referrals,
					  ref_at, cfg.champion_min_referrals, &counted);
	if (rc != RF_OK || counted)
		return rc;
	int found = 0;
	rc = rfs_stage_get(s, program_id, advocate_id, &row, &found);
	if (rc != RF_OK)
		return rc;
	row.activities += activities;
	row.referrals += referrals;
	if (activities && act_at > row.last_activity_at)
		row.last_activity_at = act_at;
	if (referrals && ref_at > row.last_referral_at)
		row.last_referral_at = ref_at;
	rfc_stage_rules rules;
	rfc_stage_facts facts = { row.activities, row.referrals, row.last_activity_at,
				  row.last_referral_at };
	stage_rules(&cfg, &rules);
	int32_t previous = row.stage, stage = rfc_stage_for(&rules, &facts, now);
	if (stage != previous) {
		row.stage = stage;
		row.since = now;
		row.config_version = version;
	}
	rc = rfs_stage_put(s, program_id, &row, !found);
	if (rc == RF_OK && stage != previous)
		rc = rfs_stage_change_add(s, program_id, advocate_id, stage, previous, now, version);
	if (rc == RF_OK && stage != previous)
		rc = announce(s, program_id, advocate_id, stage, now);
	return rc;
}

int rf__stage_on_activity(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t at)
{
	return stage_event(s, program_id, advocate_id, 1, at, 0, 0);
}

int rf__stages_on_conversion(rf_store *s, const rf__conversion_event *ev)
{
	int rc = RF_OK;
	/* One referral per credited advocate (the rows are few: look back). */
	for (size_t i = 0; rc == RF_OK && i < ev->credit_count; i++) {
		int64_t id = ev->credits[i].advocate_id;
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = ev->credits[k].advocate_id == id;
		if (!seen)
			rc = stage_event(s, ev->program->id, id, 0, 0, 1, ev->conversion->at);
	}
	return rc;
}

typedef struct stage_pack {
	const char *program, *advocate;
	const rfs_stage *row;
	const rfs_stage_change *changes;
	size_t count;
} stage_pack;

static void pack_stage(rf_pack *pk, const void *from, void *slot)
{
	const stage_pack *in = from;
	rf_stage *out = rf__pack_reserve(pk, sizeof(*out));
	rf_stage_change **items = rf__pack_reserve(pk, (in->count + 1) * sizeof(*items));
	const char *program = rf__pack_str(pk, in->program);
	const char *advocate = rf__pack_str(pk, in->advocate);
	for (size_t i = 0; i < in->count; i++) {
		rf_stage_change *ch = rf__pack_reserve(pk, sizeof(*ch));
		if (ch == NULL)
			continue;
		*ch = (rf_stage_change){ in->changes[i].stage, in->changes[i].previous,
					 in->changes[i].at, in->changes[i].config_version };
		items[i] = ch;
	}
	if (out == NULL)
		return;
	const rfs_stage *r = in->row;
	*out = (rf_stage){ program, advocate, r->stage, r->since,
			   r->activities, r->referrals, r->last_activity_at, r->last_referral_at,
			   r->config_version, in->count, items };
	*(rf_stage **)slot = out;
}

int rf__stage_args(rf_store *s, const char *program, const char *advocate)
{
	int rc = rfs_usable(s);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(advocate, RF_MAX_ID_LEN, "advocate external id");
	return rc;
}

int rf__stage_load(rf_store *s, const char *program, const char *advocate, rfs_program *p,
		   rfs_advocate *a, rfs_stage *row)
{
	int found = 0;
	int rc = rf__program_load(s, program, p);
	if (rc == RF_OK)
		rc = rf__advocate_load(s, advocate, a);
	if (rc == RF_OK)
		rc = rfs_stage_get(s, p->id, a->id, row, &found);
	if (rc == RF_OK && row->stage == 0)
		row->stage = RF_STAGE_INVITED;
	return rc;
}

int rf_stage_get(rf_stage **out, rf_store *store, const char *program, const char *advocate)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__stage_args(store, program, advocate);
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_advocate a;
	rfs_stage row;
	rfs_stage_change *changes = NULL;
	size_t count = 0;
	rc = rf__stage_load(store, program, advocate, &p, &a, &row);
	if (rc == RF_OK)
		rc = rfs_stage_history(store, p.id, a.id, &changes, &count);
	rc = rfs_end(store, rc);
	if (rc == RF_OK) {
		stage_pack in = { p.key, a.external_id, &row, changes, count };
		rc = rf__pack_one(&in, pack_stage, out);
	}
	free(changes);
	return rc;
}

void rf_stage_free(rf_stage *stage)
{
	free(stage);
}

typedef struct counts_pack {
	const char *program;
	int64_t version;
	const int64_t *counts;
	int64_t unplaced;
} counts_pack;

static void pack_counts(rf_pack *pk, const void *from, void *slot)
{
	const counts_pack *in = from;
	rf_stage_counts *out = rf__pack_reserve(pk, sizeof(*out));
	const char *program = rf__pack_str(pk, in->program);
	if (out == NULL)
		return;
	const int64_t *c = in->counts;
	int64_t invited = c[0] + c[RF_STAGE_INVITED] + in->unplaced;
	*out = (rf_stage_counts){ program, in->version,
				  invited + c[2] + c[3] + c[4] + c[5], invited,
				  c[RF_STAGE_ACTIVE], c[RF_STAGE_REFERRING], c[RF_STAGE_CHAMPION],
				  c[RF_STAGE_DORMANT] };
	*(rf_stage_counts **)slot = out;
}

int rf_stage_counts_get(rf_stage_counts **out, rf_store *store, const char *program)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rfs_program p;
	rf_engagement_config cfg;
	int64_t counts[6], unplaced = 0, version = 0;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__eng_config(store, p.id, &cfg, &version);
	if (rc == RF_OK)
		rc = rfs_stage_counts(store, p.id, counts, &unplaced);
	rc = rfs_end(store, rc);
	if (rc == RF_OK) {
		counts_pack in = { p.key, version, counts, unplaced };
		rc = rf__pack_one(&in, pack_counts, out);
	}
	return rc;
}

void rf_stage_counts_free(rf_stage_counts *counts)
{
	free(counts);
}

static int refresh(rf_store *s, int64_t program_id, int64_t now, int64_t *changed)
{
	rf_engagement_config cfg;
	int64_t version = 0, after = 0;
	int rc = rf__eng_config(s, program_id, &cfg, &version);
	while (rc == RF_OK) {
		rfs_stage *rows = NULL;
		size_t n = 0;
		rc = rfs_stage_page(s, program_id, after, REFRESH_PAGE, &rows, &n);
		for (size_t i = 0; rc == RF_OK && i < n; i++)
			rc = evaluate(s, program_id, &cfg, version, &rows[i], now, changed);
		if (n > 0)
			after = rows[n - 1].advocate_id;
		free(rows);
		if (n < REFRESH_PAGE)
			break;
	}
	return rc;
}

int rf_stage_refresh(int64_t *changed, rf_store *store, const char *program, int64_t now_ms)
{
	if (changed)
		*changed = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK && now_ms < 0)
		rc = rf__error(RF_EINVALID, "now_ms must be >= 0 (0: the store's clock)");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	int64_t moved = 0;
	rc = rf__program_load_active(store, program, &p);
	if (rc == RF_OK)
		rc = refresh(store, p.id, now_ms ? now_ms : rfs_now(store), &moved);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && changed)
		*changed = moved;
	return rc;
}
