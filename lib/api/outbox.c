/* The outbox: messages asked for by events or the host, decided by
 * consent and the frequency cap, drained by the host with a cursor. */
#include "api/engagement.h"

#define VARS_MAX 32

typedef struct builtin_template {
	const char *kind;
	const char *body;
} builtin_template;

static const builtin_template builtins[] = {
	{ "reward_earned", "Hi {{name}}, you earned a reward in {{program}}. Thank you for"
			   " spreading the word!" },
	{ "tier_reached", "Hi {{name}}, you reached the {{tier}} tier in {{program}}." },
	{ "badge_earned", "Hi {{name}}, you earned the {{badge}} badge in {{program}}." },
	{ "new_content", "Hi {{name}}, there is something new to share in {{program}}:"
			 " {{title}} {{url}}" },
	{ "dormant_nudge", "Hi {{name}}, it has been a while. Friends can still join"
			   " {{program}} through your link." },
};
static const char generic_template[] = "Hi {{name}}, news from {{program}} ({{kind}}).";

typedef struct render_ctx {
	const rfs_advocate *advocate;
	const rfs_program *program;
	const char *kind;
	const rfs_var *vars;
	size_t nvars;
} render_ctx;

static int name_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(name, want, len) == 0;
}

static const char *lookup(void *ctx, const char *name, size_t len)
{
	const render_ctx *c = ctx;
	if (name_is(name, len, "name"))
		return c->advocate->display_name[0] ? c->advocate->display_name
						    : c->advocate->external_id;
	if (name_is(name, len, "advocate"))
		return c->advocate->external_id;
	if (name_is(name, len, "program"))
		return c->program->name;
	if (name_is(name, len, "program_key"))
		return c->program->key;
	if (name_is(name, len, "kind"))
		return c->kind;
	for (size_t i = 0; i < c->nvars; i++) {
		if (name_is(name, len, c->vars[i].key))
			return c->vars[i].value;
	}
	return NULL;
}

/* The variables of a checked JSON object (NULL: none), into a malloc'd array. */
static int read_vars(rf_store *s, const char *vars, rfs_var **rows, size_t *count)
{
	*rows = NULL;
	*count = 0;
	if (vars == NULL)
		return RF_OK;
	int ok = 0;
	int rc = rfs_json_object_ok(s, vars, &ok);
	if (rc == RF_OK && !ok)
		return rf__error(RF_EINVALID, "vars is not a JSON object");
	if (rc == RF_OK)
		rc = rfs_json_vars(s, vars, rows, count);
	if (rc == RF_OK && *count > VARS_MAX)
		rc = rf__error(RF_EINVALID, "vars has more than %d keys", VARS_MAX);
	for (size_t i = 0; rc == RF_OK && i < *count; i++) {
		if ((*rows)[i].key_len < 1 || (*rows)[i].key_len >= RFS_VAR_KEY_SIZE)
			rc = rf__error(RF_EINVALID, "vars keys must be 1..%d bytes", RFS_VAR_KEY_SIZE - 1);
		else if ((*rows)[i].value_len >= RFS_VAR_VALUE_SIZE)
			rc = rf__error(RF_EINVALID, "vars values must be at most %d bytes",
				       RFS_VAR_VALUE_SIZE - 1);
	}
	if (rc != RF_OK) {
		free(*rows);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}

int rf__vars_check(rf_store *s, const char *vars)
{
	int rc = rf__check_opt_text(vars, RF_MESSAGE_MAX_LEN, "vars");
	rfs_var *rows = NULL;
	size_t count = 0;
	if (rc == RF_OK)
		rc = read_vars(s, vars, &rows, &count);
	free(rows);
	return rc;
}

static int render(rf_store *s, const rfs_program *p, const rfs_advocate *a, const char *kind,
		  const char *vars, char *body)
{
	char tmpl[RF_TEMPLATE_MAX_LEN + 1];
	int found = 0;
	int rc = rfs_template_get(s, p->id, kind, tmpl, &found);
	if (rc != RF_OK)
		return rc;
	const char *use = generic_template;
	if (found)
		use = tmpl;
	for (size_t i = 0; !found && i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		if (strcmp(builtins[i].kind, kind) == 0)
			use = builtins[i].body;
	}
	rfs_var *rows = NULL;
	size_t count = 0;
	rc = read_vars(s, vars, &rows, &count);
	if (rc == RF_OK) {
		render_ctx ctx = { a, p, kind, rows, count };
		rfc_render(body, RF_MESSAGE_MAX_LEN + 1, use, lookup, &ctx);
	}
	free(rows);
	return rc;
}

/* Why a message to this advocate cannot be queued now ("" when it can). */
static int hold_reason(rf_store *s, const rfs_program *p, const rfs_advocate *a,
		       const rf_engagement_config *cfg, int64_t now, const char **reason)
{
	*reason = "";
	if (a->status != RF_STATUS_ACTIVE) {
		*reason = "advocate-inactive";
		return RF_OK;
	}
	int allowed = 0;
	int rc = rf__consent_allowed(s, a->id, RF_CONSENT_MESSAGES, &allowed);
	if (rc != RF_OK)
		return rc;
	if (!allowed) {
		*reason = "no-consent";
		return RF_OK;
	}
	int64_t recent = 0;
	rc = rfs_outbox_recent(s, a->id, p->id, now - cfg->cap_window_ms, &recent);
	if (rc == RF_OK && recent >= cfg->cap_messages)
		*reason = "frequency-cap";
	return rc;
}

int rf__notify_id(rf_store *s, int64_t program_id, int64_t advocate_id, const char *kind,
		  const char *vars, int64_t at, int64_t *id)
{
	if (!rfc_kind_valid(kind))
		return rf__error(RF_EINVALID, "message kind must be 1..64 bytes of [a-z0-9_-]");
	rfs_program p;
	rfs_advocate a;
	rf_engagement_config cfg;
	int64_t version = 0, now = rfs_now(s), mid = 0;
	int found = 0;
	const char *reason = "";
	int rc = rfs_program_by_id(s, program_id, &p);
	if (rc == RF_OK)
		rc = rfs_eng_advocate(s, advocate_id, &a, &found);
	if (rc == RF_OK && !found)
		rc = rf__error(RF_ENOTFOUND, "no advocate with id %lld", (long long)advocate_id);
	if (rc == RF_OK)
		rc = rf__eng_config(s, p.id, &cfg, &version);
	if (rc == RF_OK)
		rc = hold_reason(s, &p, &a, &cfg, now, &reason);
	char *body = NULL;
	if (rc == RF_OK && !*reason) {
		body = malloc(RF_MESSAGE_MAX_LEN + 1);
		rc = body ? render(s, &p, &a, kind, vars, body)
			  : rf__error(RF_ENOMEM, "out of memory rendering a message");
	}
	if (rc == RF_OK) {
		rfs_message_in m = { p.id, a.id, kind, body ? body : "", reason,
				     *reason ? RF_MESSAGE_HELD : RF_MESSAGE_QUEUED, at, now, version };
		rc = rfs_outbox_insert(s, &m, &mid);
	}
	free(body);
	if (id)
		*id = mid;
	return rc;
}

int rf__notify(rf_store *s, int64_t program_id, int64_t advocate_id, const char *kind,
	       const char *vars, int64_t at)
{
	return rf__notify_id(s, program_id, advocate_id, kind, vars, at, NULL);
}

static void pack_message(rf_pack *pk, const void *from, void *slot)
{
	const rfs_message *row = from;
	rf_message *m = rf__pack_reserve(pk, sizeof(*m));
	const char *program = rf__pack_str(pk, row->program);
	const char *advocate = rf__pack_str(pk, row->advocate);
	const char *kind = rf__pack_str(pk, row->kind);
	const char *body = rf__pack_str(pk, row->body);
	const char *reason = rf__pack_str(pk, row->reason);
	if (m == NULL)
		return;
	*m = (rf_message){ row->id, program, advocate, kind, body, row->status, 1, reason,
			   row->event_at, row->queued_at, row->acked_at, row->config_version };
	*(rf_message **)slot = m;
}

int rf_outbox_send(rf_message **out, rf_store *store, const char *program, const char *advocate,
		   const char *kind, const char *vars)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK && !rfc_kind_valid(kind))
		rc = rf__error(RF_EINVALID, "message kind must be 1..64 bytes of [a-z0-9_-]");
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(advocate, RF_MAX_ID_LEN, "advocate external id");
	if (rc == RF_OK)
		rc = rf__vars_check(store, vars);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	rfs_advocate a;
	int64_t id = 0;
	rfs_message *row = malloc(sizeof(*row));
	rc = row ? rf__program_load_active(store, program, &p)
		 : rf__error(RF_ENOMEM, "out of memory sending a message");
	if (rc == RF_OK)
		rc = rf__advocate_load(store, advocate, &a);
	if (rc == RF_OK)
		rc = rf__notify_id(store, p.id, a.id, kind, vars, rfs_now(store), &id);
	if (rc == RF_OK && out)
		rc = rfs_outbox_get(store, id, row);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(row, pack_message, out);
	free(row);
	return rc;
}

int rf_outbox_list(rf_messages **out, rf_store *store, const char *program, int64_t cursor,
		   uint32_t limit, uint32_t flags)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__page_args(store, cursor, &limit);
	if (rc != RF_OK)
		return rc;
	if (flags & ~(uint32_t)RF_OUTBOX_ALL)
		return rf__error(RF_EINVALID, "unknown outbox flags 0x%x", (unsigned)flags);
	rfs_program p = { 0 };
	if (program && (rc = rf__program_load(store, program, &p)) != RF_OK)
		return rc;
	rfs_message *rows = NULL;
	size_t count = 0;
	rc = rfs_outbox_page(store, p.id, cursor, limit, (flags & RF_OUTBOX_ALL) != 0, &rows, &count);
	void *head = NULL, *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(rf_messages), rows, sizeof(*rows), count, pack_message,
				   &head, &items);
	if (rc == RF_OK) {
		rf_messages *list = head;
		*list = (rf_messages){ count, items, count ? rows[count - 1].id : cursor };
		*out = list;
	}
	free(rows);
	return rc;
}

int rf_outbox_ack(int64_t *acked, rf_store *store, int64_t through)
{
	if (acked)
		*acked = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK && through < 0)
		rc = rf__error(RF_EINVALID, "through must be >= 0");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t changed = 0;
	rc = rfs_outbox_ack(store, through, rfs_now(store), &changed);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && acked)
		*acked = changed;
	return rc;
}

void rf_message_free(rf_message *message)
{
	free(message);
}

void rf_messages_free(rf_messages *messages)
{
	free(messages);
}
