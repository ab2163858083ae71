/* Rows of the rewards area (see rewards.h). */
#include "store/rewards.h"

#include <stdarg.h>

/*
 * Bind `fmt` ("i" int64, "t" text; one letter per parameter, from ?1) to
 * the cached statement `id`.
 */
static int prepare(rf_store *s, rfs_stmt_id id, sqlite3_stmt **st, const char *fmt, ...)
{
	int rc = rfs_stmt(s, id, st);
	if (rc != RF_OK)
		return rc;
	va_list ap;
	va_start(ap, fmt);
	for (int i = 0; fmt[i]; i++) {
		if (fmt[i] == 'i')
			sqlite3_bind_int64(*st, i + 1, va_arg(ap, int64_t));
		else
			rfs_bind_text(*st, i + 1, va_arg(ap, const char *));
	}
	va_end(ap);
	return RF_OK;
}

/* Step a statement expected to give one row or none. */
static int step_row(rf_store *s, sqlite3_stmt *st, int *found, const char *doing)
{
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		sqlite3_reset(st);
		return rfs_fail(s, step, doing);
	}
	return RF_OK;
}

#define I64(st, i) sqlite3_column_int64((st), (i))
#define I32(st, i) sqlite3_column_int((st), (i))

int rfs_rw_config(rf_store *s, int64_t program_id, int64_t version, int *found,
		  rfs_reward_config *out)
{
	sqlite3_stmt *st = NULL;
	int rc = version ? prepare(s, RFS_RW_CONFIG_AT, &st, "ii", program_id, version)
			 : prepare(s, RFS_RW_CONFIG_LATEST, &st, "i", program_id);
	if (rc == RF_OK)
		rc = step_row(s, st, found, "reading a reward configuration");
	if (rc != RF_OK)
		return rc;
	rf_reward_policy *p = &out->policy;
	*p = (rf_reward_policy)RF_REWARD_POLICY_INIT;
	out->version = 0;
	out->currency[0] = '\0';
	if (*found) {
		out->version = I64(st, 0);
		p->holding_ms = I64(st, 1);
		p->min_payout_minor = I64(st, 2);
		p->day_count = I64(st, 3);
		p->day_amount = I64(st, 4);
		p->week_count = I64(st, 5);
		p->week_amount = I64(st, 6);
		p->month_count = I64(st, 7);
		p->month_amount = I64(st, 8);
		p->total_count = I64(st, 9);
		p->total_amount = I64(st, 10);
		p->budget_minor = I64(st, 11);
		rfs_col_text(st, 12, out->currency, sizeof(out->currency));
	}
	p->budget_currency = out->currency;
	sqlite3_reset(st);
	return RF_OK;
}

int rfs_rw_config_insert(rf_store *s, int64_t program_id, int64_t version,
			 const rf_reward_policy *p, int64_t now)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_CONFIG_INSERT, &st, "iiiiiiiiiiiiiti", program_id, version,
			 p->holding_ms, p->min_payout_minor, p->day_count, p->day_amount,
			 p->week_count, p->week_amount, p->month_count, p->month_amount,
			 p->total_count, p->total_amount, p->budget_minor,
			 p->budget_currency ? p->budget_currency : "", now);
	return rc == RF_OK ? rfs_exec(s, st, "writing a reward configuration") : rc;
}

static void read_rule(sqlite3_stmt *st, void *row)
{
	rfs_reward_rule *r = row;
	rfc_reward_rule *c = &r->core;
	c->id = I64(st, 0);
	c->side = I32(st, 1);
	c->event = I32(st, 2);
	c->kind = I32(st, 3);
	c->basis = I32(st, 4);
	c->amount = I64(st, 5);
	c->min_referrals = I64(st, 6);
	c->max_referrals = I64(st, 7);
	c->nth = I64(st, 8);
	c->months = I32(st, 9);
	c->kinds = I32(st, 10);
	c->min_value = I64(st, 11);
	c->max_value = I64(st, 12);
	rfs_col_text(st, 13, c->currency, sizeof(c->currency));
	rfs_col_text(st, 14, r->code_bank, sizeof(r->code_bank));
	c->approve_at_once = I32(st, 15);
	rfs_col_text(st, 16, r->label, sizeof(r->label));
}

int rfs_rw_rules(rf_store *s, int64_t program_id, int64_t version, rfs_reward_rule **rows,
		 size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, RFS_RW_RULES_AT, &st, "ii", program_id, version);
	return rc == RF_OK ? rfs_collect(s, st, read_rule, sizeof(**rows), 0, (void **)rows, count,
					 "reading reward rules")
			   : rc;
}

int rfs_rw_rule_insert(rf_store *s, int64_t program_id, int64_t version,
		       const rfs_reward_rule *r, int64_t *id)
{
	const rfc_reward_rule *c = &r->core;
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_RULE_INSERT, &st, "iiiiiiiiiiiiiittit", program_id, version,
			 (int64_t)c->side, (int64_t)c->event, (int64_t)c->kind, (int64_t)c->basis,
			 c->amount, c->min_referrals, c->max_referrals, c->nth, (int64_t)c->months,
			 (int64_t)c->kinds, c->min_value, c->max_value, c->currency, r->code_bank,
			 (int64_t)c->approve_at_once, r->label);
	if (rc == RF_OK)
		rc = rfs_exec(s, st, "writing a reward rule");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int rfs_rw_rule_remove(rf_store *s, int64_t program_id, int64_t rule_id, int64_t version,
		       int *changed)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_RULE_REMOVE, &st, "iii", program_id, rule_id, version);
	if (rc == RF_OK)
		rc = rfs_exec(s, st, "removing a reward rule");
	*changed = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_rw_code_insert(rf_store *s, int64_t program_id, const char *bank, const char *code,
		       int *added)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_CODE_INSERT, &st, "itt", program_id, bank, code);
	if (rc == RF_OK)
		rc = rfs_exec(s, st, "loading a coupon code");
	*added = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_rw_code_peek(rf_store *s, int64_t program_id, const char *bank, int *found,
		     int64_t *code_id, char *code, size_t size)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_CODE_FREE, &st, "it", program_id, bank);
	if (rc == RF_OK)
		rc = step_row(s, st, found, "drawing a coupon code");
	if (rc != RF_OK)
		return rc;
	*code_id = *found ? I64(st, 0) : 0;
	if (*found)
		rfs_col_text(st, 1, code, size);
	sqlite3_reset(st);
	return RF_OK;
}

int rfs_rw_code_use(rf_store *s, int64_t code_id, int64_t reward_id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_CODE_TAKE, &st, "ii", code_id, reward_id);
	return rc == RF_OK ? rfs_exec(s, st, "drawing a coupon code") : rc;
}

/* A one-row, one-integer query. */
static int one_int(rf_store *s, sqlite3_stmt *st, int64_t *out, const char *doing)
{
	int found = 0;
	int rc = step_row(s, st, &found, doing);
	if (rc == RF_OK) {
		*out = found ? I64(st, 0) : 0;
		sqlite3_reset(st);
	}
	return rc;
}

int rfs_rw_referral_bump(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_REFERRALS_BUMP, &st, "ii", program_id, advocate_id);
	return rc == RF_OK ? one_int(s, st, count, "counting a referral") : rc;
}

int rfs_rw_referrals(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_REFERRALS_GET, &st, "ii", program_id, advocate_id);
	return rc == RF_OK ? one_int(s, st, count, "reading a referral count") : rc;
}

int rfs_rw_held_referral(rf_store *s, int64_t conversion_id, int64_t program_id,
			 int64_t advocate_id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_HELD_REFERRAL_INSERT, &st, "iii", conversion_id, program_id,
			 advocate_id);
	return rc == RF_OK ? rfs_exec(s, st, "remembering a held referral") : rc;
}

static void read_pair(sqlite3_stmt *st, void *row)
{
	int64_t *pair = row;
	pair[0] = I64(st, 0);
	pair[1] = I64(st, 1);
}

int rfs_rw_held_referrals_settle(rf_store *s, int64_t conversion_id, int rejected)
{
	sqlite3_stmt *st = NULL;
	int64_t *pairs = NULL;
	size_t n = 0;
	int rc = prepare(s, RFS_RW_HELD_REFERRALS_TAKE, &st, "i", conversion_id);
	if (rc == RF_OK)
		rc = rfs_collect(s, st, read_pair, 2 * sizeof(int64_t), 0, (void **)&pairs, &n,
				 "taking held referrals");
	for (size_t i = 0; rc == RF_OK && rejected && i < n; i++) {
		rc = prepare(s, RFS_RW_REFERRALS_DROP, &st, "ii", pairs[2 * i], pairs[2 * i + 1]);
		if (rc == RF_OK)
			rc = rfs_exec(s, st, "uncounting a referral");
	}
	free(pairs);
	return rc;
}

int rfs_rw_person_rank(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		       int64_t at, int64_t conversion_id, int64_t *rank)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_PERSON_RANK, &st, "iiiiii", program_id, visitor_id, (int64_t)0,
			 customer_id, at, conversion_id);
	return rc == RF_OK ? one_int(s, st, rank, "ranking a conversion") : rc;
}

int rfs_rw_insert(rf_store *s, const rfs_reward_row *r, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_INSERT, &st, "iiiiiiiitiiiittii", r->program_id,
			 r->conversion_id, (int64_t)r->h.holder_kind, r->h.holder_id,
			 (int64_t)r->side, r->rule_id, r->config_version, (int64_t)r->h.kind,
			 r->h.unit, r->requested, r->amount, (int64_t)r->state,
			 (int64_t)r->approve_at_once, r->coupon ? r->coupon : "",
			 r->note ? r->note : "", r->created_at, r->due_at);
	if (rc == RF_OK)
		rc = rfs_exec(s, st, "writing a reward");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int rfs_rw_set_state(rf_store *s, int64_t id, int32_t state, int64_t due_at)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_SET_STATE, &st, "iii", id, (int64_t)state, due_at);
	return rc == RF_OK ? rfs_exec(s, st, "updating a reward") : rc;
}

int rfs_rw_set_clawed(rf_store *s, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_SET_CLAWED, &st, "i", id);
	return rc == RF_OK ? rfs_exec(s, st, "updating a reward's clawbacks") : rc;
}

int rfs_rw_usage(rf_store *s, int64_t program_id, const rfs_holder *h, const int64_t since[3],
		 rfc_cap_usage *out)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	int rc = prepare(s, RFS_RW_USAGE, &st, "iiitiii", program_id, (int64_t)h->holder_kind,
			 h->holder_id, h->unit, since[0], since[1], since[2]);
	if (rc == RF_OK)
		rc = step_row(s, st, &found, "reading reward usage");
	if (rc != RF_OK)
		return rc;
	for (int w = 0; w < RFC_CAP_WINDOWS; w++) {
		out->count[w] = found ? I64(st, 2 * w) : 0;
		out->amount[w] = found ? I64(st, 2 * w + 1) : 0;
	}
	sqlite3_reset(st);
	return RF_OK;
}

int rfs_rw_budget_used(rf_store *s, int64_t program_id, const char *unit, int64_t *used)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_BUDGET_USED, &st, "it", program_id, unit);
	return rc == RF_OK ? one_int(s, st, used, "reading the reward budget") : rc;
}

static void read_short(sqlite3_stmt *st, void *row)
{
	rfs_reward_row *r = row;
	memset(r, 0, sizeof(*r));
	r->id = I64(st, 0);
	r->h.holder_kind = I32(st, 1);
	r->h.holder_id = I64(st, 2);
	r->h.kind = I32(st, 3);
	rfs_col_text(st, 4, r->h.unit, sizeof(r->h.unit));
	r->amount = I64(st, 5);
}

static void read_of_conversion(sqlite3_stmt *st, void *row)
{
	rfs_reward_row *r = row;
	read_short(st, row);
	r->state = I32(st, 6);
	r->config_version = I64(st, 7);
	r->approve_at_once = I32(st, 8);
	r->program_id = I64(st, 9);
}

static void read_held(sqlite3_stmt *st, void *row)
{
	rfs_reward_row *r = row;
	read_short(st, row);
	r->state = RF_REWARD_HELD;
	r->config_version = I64(st, 6);
	r->approve_at_once = I32(st, 7);
	r->program_id = I64(st, 8);
}

int rfs_rw_of_conversion(rf_store *s, int64_t conversion_id, int held_only,
			 rfs_reward_row **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, held_only ? RFS_RW_HELD_OF_CONVERSION : RFS_RW_OF_CONVERSION, &st, "i",
			 conversion_id);
	return rc == RF_OK ? rfs_collect(s, st, held_only ? read_held : read_of_conversion,
					 sizeof(**rows), 0, (void **)rows, count,
					 "reading a conversion's rewards")
			   : rc;
}

int rfs_rw_reward_buckets(rf_store *s, int64_t reward_id, int64_t b[RFS_BUCKETS],
			  int64_t *clawed)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	int rc = prepare(s, RFS_RW_REWARD_BUCKETS, &st, "i", reward_id);
	if (rc == RF_OK)
		rc = step_row(s, st, &found, "reading a reward's entries");
	if (rc != RF_OK)
		return rc;
	b[RFS_B_PROGRAM] = 0;
	for (int i = 1; i < RFS_BUCKETS; i++)
		b[i] = found ? I64(st, i - 1) : 0;
	*clawed = found ? I64(st, 5) : 0;
	sqlite3_reset(st);
	return RF_OK;
}

int rfs_rw_due(rf_store *s, int64_t program_id, int64_t at, rfs_reward_row **rows,
	       size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, RFS_RW_DUE, &st, "ii", program_id, at);
	return rc == RF_OK ? rfs_collect(s, st, read_short, sizeof(**rows), 0, (void **)rows, count,
					 "reading due rewards")
			   : rc;
}

int rfs_rw_approved(rf_store *s, int64_t program_id, rfs_reward_row **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, RFS_RW_APPROVED, &st, "i", program_id);
	return rc == RF_OK ? rfs_collect(s, st, read_short, sizeof(**rows), 0, (void **)rows, count,
					 "reading approved rewards")
			   : rc;
}

int rfs_rw_owed(rf_store *s, int64_t program_id, const rfs_holder *h, int64_t *balance)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_OWED, &st, "iiiit", program_id, (int64_t)h->holder_kind,
			 h->holder_id, (int64_t)h->kind, h->unit);
	return rc == RF_OK ? one_int(s, st, balance, "reading what a holder owes") : rc;
}

int rfs_rw_entry(rf_store *s, const rfs_entry *e, int *inserted)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_RW_ENTRY, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, e->program_id);
	rfs_bind_text(st, 2, e->cause);
	if (e->reward_id)
		sqlite3_bind_int64(st, 3, e->reward_id);
	else
		sqlite3_bind_null(st, 3);
	if (e->payout_id)
		sqlite3_bind_int64(st, 4, e->payout_id);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_int64(st, 5, e->h->holder_kind);
	sqlite3_bind_int64(st, 6, e->h->holder_id);
	sqlite3_bind_int64(st, 7, e->h->kind);
	rfs_bind_text(st, 8, e->h->unit);
	sqlite3_bind_int64(st, 9, e->src);
	sqlite3_bind_int64(st, 10, e->dst);
	sqlite3_bind_int64(st, 11, e->amount);
	sqlite3_bind_int64(st, 12, e->at);
	rc = rfs_exec(s, st, "writing a ledger entry");
	*inserted = rc == RF_OK && sqlite3_changes(s->db) > 0;
	return rc;
}

int rfs_rw_payout_find(rf_store *s, int64_t program_id, const char *key, int64_t *id,
		       int64_t *at)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	int rc = prepare(s, RFS_RW_PAYOUT_FIND, &st, "it", program_id, key);
	if (rc == RF_OK)
		rc = step_row(s, st, &found, "reading a payout");
	if (rc != RF_OK)
		return rc;
	*id = found ? I64(st, 0) : 0;
	*at = found ? I64(st, 1) : 0;
	sqlite3_reset(st);
	return RF_OK;
}

int rfs_rw_payout_insert(rf_store *s, int64_t program_id, const char *key, int64_t at,
			 int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_PAYOUT_INSERT, &st, "iti", program_id, key, at);
	if (rc == RF_OK)
		rc = rfs_exec(s, st, "writing a payout");
	if (rc == RF_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int rfs_rw_payout_line(rf_store *s, int64_t payout_id, const rfs_holder *h, int64_t amount,
		       int64_t settled, int64_t rewards)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, RFS_RW_PAYOUT_LINE_INSERT, &st, "iiiitiii", payout_id,
			 (int64_t)h->holder_kind, h->holder_id, (int64_t)h->kind, h->unit, amount,
			 settled, rewards);
	return rc == RF_OK ? rfs_exec(s, st, "writing a payout line") : rc;
}

static void read_list(sqlite3_stmt *st, void *row)
{
	rfs_reward_out *r = row;
	r->id = I64(st, 0);
	rfs_col_text(st, 1, r->order_id, sizeof(r->order_id));
	rfs_col_text(st, 2, r->recipient, sizeof(r->recipient));
	r->side = I32(st, 3);
	r->rule_id = I64(st, 4);
	r->config_version = I64(st, 5);
	r->kind = I32(st, 6);
	r->state = I32(st, 7);
	rfs_col_text(st, 8, r->unit, sizeof(r->unit));
	r->requested = I64(st, 9);
	r->amount = I64(st, 10);
	r->clawed = I64(st, 11);
	rfs_col_text(st, 12, r->coupon, sizeof(r->coupon));
	rfs_col_text(st, 13, r->note, sizeof(r->note));
	r->created_at = I64(st, 14);
	r->due_at = I64(st, 15);
}

int rfs_rw_list(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t conversion_id,
		rfs_reward_out **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, RFS_RW_LIST, &st, "iii", program_id, advocate_id, conversion_id);
	return rc == RF_OK ? rfs_collect(s, st, read_list, sizeof(**rows), 0, (void **)rows, count,
					 "listing rewards")
			   : rc;
}

static void read_balance(sqlite3_stmt *st, void *row)
{
	rfs_balance_out *r = row;
	rfs_col_text(st, 0, r->recipient, sizeof(r->recipient));
	r->holder_kind = I32(st, 1);
	r->kind = I32(st, 2);
	rfs_col_text(st, 3, r->unit, sizeof(r->unit));
	r->b[RFS_B_PROGRAM] = 0;
	for (int i = 1; i < RFS_BUCKETS; i++)
		r->b[i] = I64(st, 3 + i);
}

int rfs_rw_balances(rf_store *s, int64_t program_id, int64_t advocate_id,
		    rfs_balance_out **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, RFS_RW_BALANCES, &st, "ii", program_id, advocate_id);
	return rc == RF_OK ? rfs_collect(s, st, read_balance, sizeof(**rows), 0, (void **)rows,
					 count, "reading balances")
			   : rc;
}

static void read_payout_line(sqlite3_stmt *st, void *row)
{
	rfs_payout_out *r = row;
	rfs_col_text(st, 0, r->recipient, sizeof(r->recipient));
	r->holder_kind = I32(st, 1);
	r->kind = I32(st, 2);
	rfs_col_text(st, 3, r->unit, sizeof(r->unit));
	r->amount = I64(st, 4);
	r->settled = I64(st, 5);
	r->rewards = I64(st, 6);
}

int rfs_rw_payout_lines(rf_store *s, int64_t payout_id, rfs_payout_out **rows, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*rows = NULL;
	*count = 0;
	int rc = prepare(s, RFS_RW_PAYOUT_LINES, &st, "i", payout_id);
	return rc == RF_OK ? rfs_collect(s, st, read_payout_line, sizeof(**rows), 0, (void **)rows,
					 count, "reading a payout")
			   : rc;
}
