/* Reference asks: find advocates who may be asked, record an ask under
 * the program's ask cap, record its outcome. Taking part counts as
 * activity (see voice.h). */
#include "api/engagement.h"
#include "api/voice.h"

static const rf_reference_query query_defaults = RF_REFERENCE_QUERY_INIT;
static const size_t query_sizes[] = RF_SIZES_V1(rf_reference_query);

#define REFERENCE_LIMIT_MAX 100

int rf_reference_query_init(rf_reference_query *query, unsigned version)
{
	return rf__options_init(query, &query_defaults, query_sizes, version,
				RF_REFERENCE_QUERY_VERSION, "rf_reference_query");
}

static void pack_reference(rf_pack *pk, const void *from, void *slot)
{
	const rfs_reference *r = from;
	rf_reference *x = rf__pack_reserve(pk, sizeof(*x));
	const char *program = rf__pack_str(pk, r->program);
	const char *advocate = rf__pack_str(pk, r->advocate);
	const char *prospect = rf__pack_str(pk, r->prospect);
	if (x == NULL)
		return;
	*x = (rf_reference){ r->id, program, advocate, prospect, r->outcome, r->asked_at,
			     r->accepted_at, r->closed_at };
	*(rf_reference **)slot = x;
}

/* Finish a write on ask `id`: read it back inside the transaction when
 * asked, commit or roll back, then pack it. */
static int end_with(rf_store *s, int rc, int64_t program_id, int64_t id, rf_reference **out)
{
	rfs_reference row;
	if (rc == RF_OK && out)
		rc = rfs_reference_get(s, program_id, id, &row);
	rc = rfs_end(s, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(&row, pack_reference, out);
	return rc;
}

/* Candidates: a bounded top list, best first. */
typedef struct finder {
	rf_store *s;
	int64_t program_id, now;
	rfs_score_config c;
	int32_t cap;
	double min_score;
	rf_reference_candidate *top;
	rfs_candidate *rows; /* names behind top[i] */
	size_t cap_n, n;
} finder;

static int ranks_before(const rf_reference_candidate *a, const rf_reference_candidate *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	return a->id < b->id;
}

static int offer(void *ctx, const rfs_candidate *row)
{
	finder *f = ctx;
	if (row->asks >= f->cap)
		return RF_OK;
	/* The score without the risk discount bounds it from above: only when
	 * that could enter the list is the fraud risk looked up. */
	rf__score_parts parts;
	rf__score_compute(&f->c, &row->state, 0, f->now, &parts);
	rf_reference_candidate e = { row->state.advocate_id, NULL, row->kind, NULL, NULL,
				     parts.score, row->asks, row->last_asked_at };
	for (int pass = 0; pass < 2; pass++) {
		if (e.score < f->min_score)
			return RF_OK;
		if (f->n == f->cap_n && !ranks_before(&e, &f->top[f->n - 1]))
			return RF_OK;
		if (pass == 1)
			break;
		double risk = 0;
		int rc = rf__score_risk(f->s, f->program_id, row->state.advocate_id, &risk);
		if (rc != RF_OK)
			return rc;
		if (risk > 0) {
			rf__score_compute(&f->c, &row->state, risk, f->now, &parts);
			e.score = parts.score;
		}
	}
	size_t i = f->n < f->cap_n ? f->n++ : f->n - 1;
	while (i > 0 && ranks_before(&e, &f->top[i - 1])) {
		f->top[i] = f->top[i - 1];
		f->rows[i] = f->rows[i - 1];
		i--;
	}
	f->top[i] = e;
	f->rows[i] = *row;
	return RF_OK;
}

typedef struct candidate_pair {
	const rf_reference_candidate *c;
	const rfs_candidate *row;
} candidate_pair;

static void pack_candidate(rf_pack *pk, const void *from, void *slot)
{
	const candidate_pair *p = from;
	rf_reference_candidate *x = rf__pack_reserve(pk, sizeof(*x));
	const char *advocate = rf__pack_str(pk, p->row->advocate);
	const char *name = rf__pack_str(pk, p->row->display_name);
	const char *segment = rf__pack_str(pk, p->row->segment);
	if (x == NULL)
		return;
	*x = *p->c;
	x->advocate = advocate;
	x->display_name = name;
	x->segment = segment;
	*(rf_reference_candidate **)slot = x;
}

static int check_query(const rf_reference_query *in, rf_reference_query *q)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "reference query is NULL");
	int rc = rf__check_version(in->version, RF_REFERENCE_QUERY_VERSION, "rf_reference_query");
	if (rc != RF_OK)
		return rc;
	rf__options_read(q, &query_defaults, sizeof(*q), in, query_sizes);
	if ((rc = rf__check_text(q->program, RF_MAX_ID_LEN, "program key")) != RF_OK)
		return rc;
	if (q->segment && !rfc_kind_valid(q->segment))
		return rf__error(RF_EINVALID, "segment must be 1..%d bytes of [a-z0-9_-]",
				 RF_SEGMENT_MAX_LEN);
	if (q->advocate_kind != 0 && rf_enum_name(RF_ENUM_ADVOCATE_KIND, q->advocate_kind) == NULL)
		return rf__error(RF_EINVALID, "unknown advocate kind %d", (int)q->advocate_kind);
	if (q->min_score < 0 || q->min_score > 100)
		return rf__error(RF_EINVALID, "min_score must be 0..100");
	if (q->limit > REFERENCE_LIMIT_MAX)
		return rf__error(RF_EINVALID, "limit must be 1..%d (0 means 10)", REFERENCE_LIMIT_MAX);
	return RF_OK;
}

static int find(finder *f, const rf_reference_query *q, rf_reference_candidates **out)
{
	rfs_program p;
	rf_engagement_config cfg;
	int64_t cfg_version = 0;
	int rc = rf__program_load(f->s, q->program, &p);
	if (rc == RF_OK)
		rc = rf__eng_config(f->s, p.id, &cfg, &cfg_version);
	if (rc == RF_OK)
		rc = rf__score_config_load(f->s, p.id, &f->c);
	if (rc != RF_OK)
		return rc;
	f->program_id = p.id;
	f->now = rfs_now(f->s);
	f->cap = cfg.ask_cap;
	f->min_score = q->min_score;
	f->cap_n = q->limit ? q->limit : 10;
	f->top = calloc(f->cap_n, sizeof(*f->top));
	f->rows = calloc(f->cap_n, sizeof(*f->rows));
	if (f->top == NULL || f->rows == NULL)
		return rf__error(RF_ENOMEM, "out of memory finding reference candidates");
	rc = rfs_reference_candidates(f->s, p.id, q->advocate_kind, q->segment,
				      f->now - cfg.ask_window_ms, offer, f);
	candidate_pair *pairs = rc == RF_OK ? calloc(f->n + 1, sizeof(*pairs)) : NULL;
	if (rc == RF_OK && pairs == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory finding reference candidates");
	for (size_t i = 0; rc == RF_OK && i < f->n; i++)
		pairs[i] = (candidate_pair){ &f->top[i], &f->rows[i] };
	void *head = NULL, *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(rf_reference_candidates), pairs, sizeof(*pairs), f->n,
				   pack_candidate, &head, &items);
	if (rc == RF_OK) {
		rf_reference_candidates *list = head;
		*list = (rf_reference_candidates){ f->n, items, f->now, f->c.version, cfg_version };
		*out = list;
	}
	free(pairs);
	return rc;
}

int rf_reference_find(rf_reference_candidates **out, rf_store *store,
		      const rf_reference_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rf_reference_query q;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_query(query, &q);
	if (rc != RF_OK)
		return rc;
	finder f = { .s = store };
	rc = find(&f, &q, out);
	free(f.top);
	free(f.rows);
	return rc;
}

static int ask(rf_store *s, const char *program, const char *advocate, const char *prospect,
	       int64_t *program_id, int64_t *id)
{
	rfs_program p;
	rfs_advocate a;
	rf_engagement_config cfg;
	int64_t version = 0, recent = 0, now = rfs_now(s);
	int allowed = 0;
	int rc = rf__program_load_active(s, program, &p);
	if (rc == RF_OK)
		rc = rf__advocate_load(s, advocate, &a);
	if (rc == RF_OK && a.status != RF_STATUS_ACTIVE)
		rc = rf__error(RF_EDISABLED, "advocate '%s' is inactive", a.external_id);
	if (rc == RF_OK)
		rc = rf__consent_allowed(s, a.id, RF_CONSENT_MESSAGES, &allowed);
	if (rc == RF_OK && !allowed)
		rc = rf__error(RF_ECONSENT, "advocate '%s' has not consented to messages",
			       a.external_id);
	if (rc == RF_OK)
		rc = rf__eng_config(s, p.id, &cfg, &version);
	if (rc == RF_OK)
		rc = rfs_reference_recent(s, a.id, p.id, now - cfg.ask_window_ms, &recent);
	if (rc == RF_OK && recent >= cfg.ask_cap) {
		int days = cfg.ask_window_ms % RF_DAY_MS == 0;
		return rf__error(RF_ELIMIT,
				 "advocate '%s' was asked %lld time(s) in the last %lld %s; the"
				 " program's ask cap is %d per window (nothing recorded)",
				 a.external_id, (long long)recent,
				 (long long)(days ? cfg.ask_window_ms / RF_DAY_MS : cfg.ask_window_ms),
				 days ? "days" : "ms", (int)cfg.ask_cap);
	}
	if (rc == RF_OK) {
		*program_id = p.id;
		rc = rfs_reference_insert(s, p.id, a.id, prospect, now, id);
	}
	return rc;
}

int rf_reference_ask(rf_reference **out, rf_store *store, const char *program,
		     const char *advocate, const char *prospect)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc == RF_OK)
		rc = rf__check_text(advocate, RF_MAX_ID_LEN, "advocate external id");
	if (rc == RF_OK)
		rc = rf__check_text(prospect, RF_PROSPECT_MAX_LEN, "prospect");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t program_id = 0, id = 0;
	rc = ask(store, program, advocate, prospect, &program_id, &id);
	return end_with(store, rc, program_id, id, out);
}

static int is_final(int32_t outcome)
{
	return outcome == RF_REFERENCE_DECLINED || outcome == RF_REFERENCE_COMPLETED ||
	       outcome == RF_REFERENCE_NO_RESPONSE;
}

static int close_ask(rf_store *s, const char *program, int64_t id, int32_t outcome,
		     int64_t *program_id)
{
	rfs_program p;
	rfs_reference r;
	int rc = rf__program_load(s, program, &p);
	if (rc == RF_OK)
		rc = rfs_reference_get(s, p.id, id, &r);
	if (rc != RF_OK)
		return rc;
	*program_id = p.id;
	if (r.outcome == outcome)
		return RF_OK;
	if (is_final(r.outcome))
		return rf__error(RF_EINVALID, "reference ask %lld is already closed (%s)",
				 (long long)id, rf_enum_name(RF_ENUM_REFERENCE_OUTCOME, r.outcome));
	int64_t now = rfs_now(s);
	int recorded = 0;
	rc = rfs_reference_close(s, p.id, id, outcome, now);
	if (rc == RF_OK && r.outcome == RF_REFERENCE_OPEN &&
	    (outcome == RF_REFERENCE_ACCEPTED || outcome == RF_REFERENCE_COMPLETED))
		rc = rf__voice_activity(s, &p, r.advocate_id, RF_ACTIVITY_REFERENCE, now, &recorded);
	return rc;
}

int rf_reference_close(rf_reference **out, rf_store *store, const char *program, int64_t id,
		       int32_t outcome)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK && (outcome < RF_REFERENCE_ACCEPTED || outcome > RF_REFERENCE_NO_RESPONSE))
		rc = rf__error(RF_EINVALID, "outcome must be accepted, declined, completed or"
					    " no-response (1..4)");
	if (rc == RF_OK && id <= 0)
		rc = rf__error(RF_EINVALID, "reference ask id must be > 0");
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t program_id = 0;
	rc = close_ask(store, program, id, outcome, &program_id);
	return end_with(store, rc, program_id, id, out);
}

int rf_reference_get(rf_reference **out, rf_store *store, const char *program, int64_t id)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK && id <= 0)
		rc = rf__error(RF_EINVALID, "reference ask id must be > 0");
	rfs_program p;
	rfs_reference r;
	if (rc == RF_OK)
		rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rfs_reference_get(store, p.id, id, &r);
	if (rc == RF_OK)
		rc = rf__pack_one(&r, pack_reference, out);
	return rc;
}

void rf_reference_free(rf_reference *reference)
{
	free(reference);
}

void rf_reference_candidates_free(rf_reference_candidates *candidates)
{
	free(candidates);
}
