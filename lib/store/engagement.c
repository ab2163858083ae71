/* Rows of the engagement tables (see store/engagement.h). */
#include "store/engagement.h"

static int bind_all(sqlite3_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i')
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		else
			rfs_bind_text(st, i + 1, va_arg(ap, const char *));
	}
	return RF_OK;
}

static int prepare(rf_store *s, rfs_stmt_id id, sqlite3_stmt **st, const char *types, va_list ap)
{
	int rc = rfs_stmt(s, id, st);
	if (rc == RF_OK)
		rc = bind_all(*st, types, ap);
	return rc;
}

int rfs_q_exec(rf_store *s, rfs_stmt_id id, const char *doing, const char *types, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, types);
	int rc = prepare(s, id, &st, types, ap);
	va_end(ap);
	return rc == RF_OK ? rfs_exec(s, st, doing) : rc;
}

static int one_row(rf_store *s, sqlite3_stmt *st, rfs_read_fn read, void *row, int *found,
		   const char *doing)
{
	int step = sqlite3_step(st), rc = RF_OK;
	*found = step == SQLITE_ROW;
	if (*found)
		read(st, row);
	else if (step != SQLITE_DONE)
		rc = rfs_fail(s, step, doing);
	sqlite3_reset(st);
	return rc;
}

static void read_int(sqlite3_stmt *st, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

static int q_one(rf_store *s, rfs_stmt_id id, rfs_read_fn read, void *row, int *found,
		 const char *doing, const char *types, va_list ap)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, id, &st, types, ap);
	*found = 0;
	return rc == RF_OK ? one_row(s, st, read, row, found, doing) : rc;
}

int rfs_q_int(rf_store *s, rfs_stmt_id id, int64_t *value, int *found, const char *doing,
	      const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	*value = 0;
	int rc = q_one(s, id, read_int, value, found, doing, types, ap);
	va_end(ap);
	return rc;
}

int rfs_q_one(rf_store *s, rfs_stmt_id id, rfs_read_fn read, void *row, int *found,
	      const char *doing, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int rc = q_one(s, id, read, row, found, doing, types, ap);
	va_end(ap);
	return rc;
}

int rfs_q_rows(rf_store *s, rfs_stmt_id id, rfs_read_fn read, size_t elem, void **rows,
	       size_t *count, const char *doing, const char *types, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, types);
	int rc = prepare(s, id, &st, types, ap);
	va_end(ap);
	*rows = NULL;
	*count = 0;
	return rc == RF_OK ? rfs_collect(s, st, read, elem, 0, rows, count, doing) : rc;
}

int64_t rfs_last_id(rf_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

/* Consent. */

int rfs_consent_set(rf_store *s, int64_t advocate_id, int32_t purpose, int32_t granted,
		    const char *source, int64_t at)
{
	int rc = rfs_q_exec(s, RFS_CONSENT_ENSURE, "recording consent", "i", advocate_id);
	if (rc == RF_OK)
		rc = rfs_q_exec(s, RFS_CONSENT_UPDATE, "recording consent", "iiii", advocate_id,
				(int64_t)purpose, (int64_t)granted, at);
	if (rc == RF_OK)
		rc = rfs_q_exec(s, RFS_CONSENT_CHANGE_INSERT, "recording consent", "iiiti",
				advocate_id, (int64_t)purpose, (int64_t)granted, source, at);
	return rc;
}

static void read_consent(sqlite3_stmt *st, void *row)
{
	rfs_consent *c = row;
	c->tracking = sqlite3_column_int(st, 0);
	c->messages = sqlite3_column_int(st, 1);
	c->tracking_at = sqlite3_column_int64(st, 2);
	c->messages_at = sqlite3_column_int64(st, 3);
}

int rfs_consent_get(rf_store *s, int64_t advocate_id, rfs_consent *out)
{
	int found = 0;
	memset(out, 0, sizeof(*out));
	return rfs_q_one(s, RFS_CONSENT_GET, read_consent, out, &found, "reading consent", "i",
			 advocate_id);
}

static void read_change(sqlite3_stmt *st, void *row)
{
	rfs_consent_change *c = row;
	c->purpose = sqlite3_column_int(st, 0);
	c->granted = sqlite3_column_int(st, 1);
	rfs_col_text(st, 2, c->source, sizeof(c->source));
	c->at = sqlite3_column_int64(st, 3);
}

int rfs_consent_history(rf_store *s, int64_t advocate_id, rfs_consent_change **rows,
			size_t *count)
{
	return rfs_q_rows(s, RFS_CONSENT_HISTORY, read_change, sizeof(**rows), (void **)rows, count,
			  "reading consent history", "i", advocate_id);
}

/* Configuration. */

typedef struct config_row {
	rf_engagement_config *cfg;
	int64_t version;
} config_row;

static void read_config(sqlite3_stmt *st, void *row)
{
	config_row *r = row;
	r->version = sqlite3_column_int64(st, 0);
	r->cfg->cap_messages = sqlite3_column_int(st, 1);
	r->cfg->cap_window_ms = sqlite3_column_int64(st, 2);
	r->cfg->active_min_activities = sqlite3_column_int(st, 3);
	r->cfg->referring_min_referrals = sqlite3_column_int(st, 4);
	r->cfg->champion_min_referrals = sqlite3_column_int(st, 5);
	r->cfg->dormant_after_ms = sqlite3_column_int64(st, 6);
	r->cfg->ask_cap = sqlite3_column_int(st, 7);
	r->cfg->ask_window_ms = sqlite3_column_int64(st, 8);
}

int rfs_eng_config_current(rf_store *s, int64_t program_id, rf_engagement_config *cfg,
			   int64_t *version)
{
	config_row row = { cfg, 0 };
	int found = 0;
	int rc = rfs_q_one(s, RFS_ENG_CONFIG_CURRENT, read_config, &row, &found,
			   "reading the engagement configuration", "i", program_id);
	*version = found ? row.version : 0;
	return rc;
}

int rfs_eng_config_insert(rf_store *s, int64_t program_id, int64_t version,
			  const rf_engagement_config *c, int64_t now)
{
	return rfs_q_exec(s, RFS_ENG_CONFIG_INSERT, "storing the engagement configuration",
			  "iiiiiiiiiii", program_id, version, (int64_t)c->cap_messages,
			  c->cap_window_ms, (int64_t)c->active_min_activities,
			  (int64_t)c->referring_min_referrals, (int64_t)c->champion_min_referrals,
			  c->dormant_after_ms, (int64_t)c->ask_cap, c->ask_window_ms, now);
}

/* Templates. */

int rfs_template_set(rf_store *s, int64_t program_id, const char *kind, const char *body,
		     int64_t now)
{
	if (body == NULL)
		return rfs_q_exec(s, RFS_TEMPLATE_DELETE, "removing a template", "it", program_id,
				  kind);
	return rfs_q_exec(s, RFS_TEMPLATE_SET, "storing a template", "itti", program_id, kind,
			  body, now);
}

static void read_template(sqlite3_stmt *st, void *row)
{
	rfs_col_text(st, 0, row, RF_TEMPLATE_MAX_LEN + 1);
}

int rfs_template_get(rf_store *s, int64_t program_id, const char *kind,
		     char body[RF_TEMPLATE_MAX_LEN + 1], int *found)
{
	return rfs_q_one(s, RFS_TEMPLATE_GET, read_template, body, found, "reading a template",
			 "it", program_id, kind);
}

static void read_eng_advocate(sqlite3_stmt *st, void *row)
{
	rfs_advocate *a = row;
	rfs_col_text(st, 0, a->external_id, sizeof(a->external_id));
	rfs_col_text(st, 1, a->display_name, sizeof(a->display_name));
	a->status = sqlite3_column_int(st, 2);
	a->kind = sqlite3_column_int(st, 3);
}

int rfs_eng_advocate(rf_store *s, int64_t id, rfs_advocate *row, int *found)
{
	memset(row, 0, sizeof(*row));
	row->id = id;
	return rfs_q_one(s, RFS_ENG_ADVOCATE_BY_ID, read_eng_advocate, row, found,
			 "reading an advocate", "i", id);
}

/* Event variables. */

int rfs_json_object_ok(rf_store *s, const char *json, int *ok)
{
	int64_t v = 0;
	int found = 0;
	int rc = rfs_q_int(s, RFS_JSON_OBJECT_OK, &v, &found, "reading variables", "t", json);
	*ok = rc == RF_OK && found && v == 1;
	return rc;
}

static void read_var(sqlite3_stmt *st, void *row)
{
	rfs_var *v = row;
	rfs_col_text(st, 0, v->key, sizeof(v->key));
	rfs_col_text(st, 1, v->value, sizeof(v->value));
	v->key_len = sqlite3_column_int64(st, 2);
	v->value_len = sqlite3_column_int64(st, 3);
}

int rfs_json_vars(rf_store *s, const char *json, rfs_var **rows, size_t *count)
{
	return rfs_q_rows(s, RFS_JSON_VARS, read_var, sizeof(**rows), (void **)rows, count,
			  "reading variables", "t", json);
}

/* Outbox. */

int rfs_outbox_recent(rf_store *s, int64_t advocate_id, int64_t program_id, int64_t since,
		      int64_t *count)
{
	int found = 0;
	return rfs_q_int(s, RFS_OUTBOX_RECENT, count, &found, "counting recent messages", "iii",
			 advocate_id, program_id, since);
}

int rfs_outbox_insert(rf_store *s, const rfs_message_in *m, int64_t *id)
{
	int rc = rfs_q_exec(s, RFS_OUTBOX_INSERT, "queuing a message", "iittitiii", m->program_id,
			    m->advocate_id, m->kind, m->body, (int64_t)m->status, m->reason,
			    m->event_at, m->queued_at, m->config_version);
	if (rc == RF_OK)
		*id = rfs_last_id(s);
	return rc;
}

static void read_message(sqlite3_stmt *st, void *row)
{
	rfs_message *m = row;
	m->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, m->program, sizeof(m->program));
	rfs_col_text(st, 2, m->advocate, sizeof(m->advocate));
	rfs_col_text(st, 3, m->kind, sizeof(m->kind));
	rfs_col_text(st, 4, m->body, sizeof(m->body));
	m->status = sqlite3_column_int(st, 5);
	rfs_col_text(st, 6, m->reason, sizeof(m->reason));
	m->event_at = sqlite3_column_int64(st, 7);
	m->queued_at = sqlite3_column_int64(st, 8);
	m->acked_at = sqlite3_column_int64(st, 9);
	m->config_version = sqlite3_column_int64(st, 10);
}

int rfs_outbox_get(rf_store *s, int64_t id, rfs_message *row)
{
	int found = 0;
	int rc = rfs_q_one(s, RFS_OUTBOX_BY_ID, read_message, row, &found, "reading a message", "i",
			   id);
	return rc == RF_OK && !found ? RF_ENOTFOUND : rc;
}

int rfs_outbox_page(rf_store *s, int64_t program_id, int64_t cursor, uint32_t limit, int all,
		    rfs_message **rows, size_t *count)
{
	return rfs_q_rows(s, all ? RFS_OUTBOX_ALL : RFS_OUTBOX_PENDING, read_message,
			  sizeof(**rows), (void **)rows, count, "listing messages", "iii", cursor,
			  program_id, (int64_t)limit);
}

int rfs_outbox_ack(rf_store *s, int64_t through, int64_t now, int64_t *changed)
{
	int rc = rfs_q_exec(s, RFS_OUTBOX_ACK, "acknowledging messages", "ii", through, now);
	*changed = rc == RF_OK ? sqlite3_changes(s->db) : 0;
	return rc;
}

/* Stages. */

static void read_stage(sqlite3_stmt *st, void *row)
{
	rfs_stage *r = row;
	r->stage = sqlite3_column_int(st, 0);
	r->activities = sqlite3_column_int64(st, 1);
	r->last_activity_at = sqlite3_column_int64(st, 2);
	r->referrals = sqlite3_column_int64(st, 3);
	r->last_referral_at = sqlite3_column_int64(st, 4);
}

int rfs_stage_count_only(rf_store *s, int64_t program_id, int64_t advocate_id,
			 int64_t activities, int64_t act_at, int64_t referrals, int64_t ref_at,
			 int64_t champion_min, int *counted)
{
	int rc = rfs_q_exec(s, RFS_STAGE_COUNT_ONLY, "counting a stage event", "iiiiiii",
			    program_id, advocate_id, activities, act_at, referrals, ref_at,
			    champion_min);
	*counted = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_stage_put(rf_store *s, int64_t program_id, const rfs_stage *r, int insert)
{
	return rfs_q_exec(s, insert ? RFS_STAGE_INSERT : RFS_STAGE_UPDATE, "writing a stage",
			  "iiiiiiiii", program_id, r->advocate_id, (int64_t)r->stage, r->since,
			  r->activities, r->last_activity_at, r->referrals, r->last_referral_at,
			  r->config_version);
}

int rfs_stage_change_add(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
			 int32_t previous, int64_t at, int64_t config_version)
{
	return rfs_q_exec(s, RFS_STAGE_CHANGE_INSERT, "recording a stage change", "iiiiii",
			  program_id, advocate_id, (int64_t)stage, (int64_t)previous, at,
			  config_version);
}

int rfs_stage_set(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
		  int32_t previous, int64_t at, int64_t config_version)
{
	int rc = rfs_q_exec(s, RFS_STAGE_SET, "changing a stage", "iiiii", program_id, advocate_id,
			    (int64_t)stage, at, config_version);
	if (rc == RF_OK)
		rc = rfs_stage_change_add(s, program_id, advocate_id, stage, previous, at,
					  config_version);
	return rc;
}

static void read_stage_full(sqlite3_stmt *st, void *row)
{
	rfs_stage *r = row;
	read_stage(st, row);
	r->since = sqlite3_column_int64(st, 5);
	r->config_version = sqlite3_column_int64(st, 6);
}

int rfs_stage_get(rf_store *s, int64_t program_id, int64_t advocate_id, rfs_stage *row,
		  int *found)
{
	memset(row, 0, sizeof(*row));
	row->advocate_id = advocate_id;
	return rfs_q_one(s, RFS_STAGE_GET, read_stage_full, row, found, "reading a stage", "ii",
			 program_id, advocate_id);
}

static void read_stage_change(sqlite3_stmt *st, void *row)
{
	rfs_stage_change *c = row;
	c->stage = sqlite3_column_int(st, 0);
	c->previous = sqlite3_column_int(st, 1);
	c->at = sqlite3_column_int64(st, 2);
	c->config_version = sqlite3_column_int64(st, 3);
}

int rfs_stage_history(rf_store *s, int64_t program_id, int64_t advocate_id,
		      rfs_stage_change **rows, size_t *count)
{
	return rfs_q_rows(s, RFS_STAGE_HISTORY, read_stage_change, sizeof(**rows), (void **)rows,
			  count, "reading stage history", "ii", program_id, advocate_id);
}

typedef struct stage_count {
	int64_t stage, count;
} stage_count;

static void read_stage_count(sqlite3_stmt *st, void *row)
{
	stage_count *c = row;
	c->stage = sqlite3_column_int64(st, 0);
	c->count = sqlite3_column_int64(st, 1);
}

int rfs_stage_counts(rf_store *s, int64_t program_id, int64_t counts[6], int64_t *unplaced)
{
	stage_count *rows = NULL;
	size_t n = 0;
	int found = 0;
	memset(counts, 0, 6 * sizeof(*counts));
	int rc = rfs_q_rows(s, RFS_STAGE_COUNTS, read_stage_count, sizeof(*rows), (void **)&rows, &n,
			    "counting stages", "i", program_id);
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		if (rows[i].stage >= 0 && rows[i].stage <= 5)
			counts[rows[i].stage] = rows[i].count;
	}
	free(rows);
	if (rc == RF_OK)
		rc = rfs_q_int(s, RFS_STAGE_UNPLACED, unplaced, &found, "counting stages", "i",
			       program_id);
	return rc;
}

static void read_stage_page(sqlite3_stmt *st, void *row)
{
	rfs_stage *r = row;
	memset(r, 0, sizeof(*r));
	read_stage(st, row);
	r->advocate_id = sqlite3_column_int64(st, 5);
}

int rfs_stage_page(rf_store *s, int64_t program_id, int64_t after, uint32_t limit,
		   rfs_stage **rows, size_t *count)
{
	return rfs_q_rows(s, RFS_STAGE_PAGE, read_stage_page, sizeof(**rows), (void **)rows, count,
			  "reading stages", "iii", program_id, after, (int64_t)limit);
}


/* Content library. */

static void read_content(sqlite3_stmt *st, void *row)
{
	rfs_content *c = row;
	c->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, c->key, sizeof(c->key));
	rfs_col_text(st, 2, c->title, sizeof(c->title));
	rfs_col_text(st, 3, c->url, sizeof(c->url));
	c->kind = sqlite3_column_int(st, 4);
	c->stages = sqlite3_column_int64(st, 5);
	rfs_col_text(st, 6, c->tier, sizeof(c->tier));
	c->status = sqlite3_column_int(st, 7);
	c->created_at = sqlite3_column_int64(st, 8);
	c->program_id = sqlite3_column_int64(st, 9);
	rfs_col_text(st, 10, c->program_key, sizeof(c->program_key));
}

int rfs_content_insert(rf_store *s, const rfs_content *r, int64_t *id)
{
	int rc = rfs_q_exec(s, RFS_CONTENT_INSERT, "adding content", "itttiiti", r->program_id,
			    r->key, r->title, r->url, (int64_t)r->kind, r->stages, r->tier,
			    r->created_at);
	if (rc == RF_OK)
		*id = rfs_last_id(s);
	return rc;
}

int rfs_content_update(rf_store *s, const rfs_content *r)
{
	return rfs_q_exec(s, RFS_CONTENT_UPDATE, "updating content", "ittiiti", r->id, r->title,
			  r->url, (int64_t)r->kind, r->stages, r->tier, (int64_t)r->status);
}

int rfs_content_by_key(rf_store *s, int64_t program_id, const char *key, rfs_content *row,
		       int *found)
{
	return rfs_q_one(s, RFS_CONTENT_BY_KEY, read_content, row, found, "reading content", "it",
			 program_id, key);
}

int rfs_content_by_id(rf_store *s, int64_t id, rfs_content *row, int *found)
{
	return rfs_q_one(s, RFS_CONTENT_BY_ID, read_content, row, found, "reading content", "i", id);
}

int rfs_content_list(rf_store *s, int64_t program_id, int all, int64_t stages,
		     rfs_content **rows, size_t *count)
{
	return rfs_q_rows(s, RFS_CONTENT_LIST, read_content, sizeof(**rows), (void **)rows, count,
			  "listing content", "iii", program_id, (int64_t)(all != 0), stages);
}

static void read_json(sqlite3_stmt *st, void *row)
{
	const char *text = (const char *)sqlite3_column_text(st, 0);
	char **out = row;
	size_t n = text ? strlen(text) : 0;
	*out = malloc(n + 1);
	if (*out) {
		memcpy(*out, text ? text : "", n);
		(*out)[n] = '\0';
	}
}

int rfs_content_vars(rf_store *s, const rfs_content *row, char **json)
{
	int found = 0;
	*json = NULL;
	int rc = rfs_q_one(s, RFS_CONTENT_VARS, read_json, json, &found, "naming content", "ttt",
			   row->title, row->url, row->key);
	if (rc == RF_OK && *json == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory naming content");
	return rc;
}

int rfs_code_set_content(rf_store *s, int64_t code_id, int64_t content_id)
{
	return rfs_q_exec(s, RFS_CODE_SET_CONTENT, "binding a code to content", "ii", code_id,
			  content_id);
}

static void read_key(sqlite3_stmt *st, void *row)
{
	rfs_col_text(st, 0, row, RFS_ID_SIZE);
}

int rfs_code_content_key(rf_store *s, int64_t code_id, char key[RFS_ID_SIZE])
{
	int found = 0;
	key[0] = '\0';
	return rfs_q_one(s, RFS_CODE_CONTENT_KEY, read_key, key, &found, "reading a code's content",
			 "i", code_id);
}

typedef struct currency_row {
	char code[4];
} currency_row;

static void read_currency(sqlite3_stmt *st, void *row)
{
	rfs_col_text(st, 0, ((currency_row *)row)->code, 4);
}

int rfs_content_currencies(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			   char currencies[3][4], size_t *count)
{
	currency_row *rows = NULL;
	size_t n = 0;
	int rc = rfs_q_rows(s, RFS_CONTENT_CURRENCIES, read_currency, sizeof(*rows), (void **)&rows,
			    &n, "reading content currencies", "iii", program_id, from, to);
	*count = 0;
	for (size_t i = 0; rc == RF_OK && i < n && i < 3; i++)
		memcpy(currencies[(*count)++], rows[i].code, 4);
	free(rows);
	return rc;
}

static void read_content_stat(sqlite3_stmt *st, void *row)
{
	rfs_content_stat *r = row;
	rfs_col_text(st, 0, r->key, sizeof(r->key));
	rfs_col_text(st, 1, r->title, sizeof(r->title));
	r->kind = sqlite3_column_int(st, 2);
	r->status = sqlite3_column_int(st, 3);
	r->codes = sqlite3_column_int64(st, 4);
	r->clicks = sqlite3_column_int64(st, 5);
	r->visitors = sqlite3_column_int64(st, 6);
	r->conversions = sqlite3_column_int64(st, 7);
	r->value = sqlite3_column_int64(st, 8);
}

int rfs_content_performance(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			    const char *currency, uint32_t top, rfs_content_stat **rows,
			    size_t *count)
{
	return rfs_q_rows(s, RFS_CONTENT_PERFORMANCE, read_content_stat, sizeof(**rows),
			  (void **)rows, count, "measuring content", "iiiti", program_id, from, to,
			  currency, top ? (int64_t)top : INT64_C(-1));
}
