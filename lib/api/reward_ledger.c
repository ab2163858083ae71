/*
 * The reward ledger's public side: maturing pending rewards, payouts,
 * lists, balances and the invariant check. Every write is one
 * transaction; every entry is keyed by its cause.
 */
#include "api/reward_ledger.h"

#include <stddef.h>
#include <stdio.h>

int rf__reward_move(rf_store *s, int64_t program_id, const char *cause, int64_t reward_id,
		    int64_t payout_id, const rfs_holder *h, int32_t src, int32_t dst,
		    int64_t amount, int64_t at)
{
	if (amount == 0)
		return RF_OK;
	int inserted = 0;
	rfs_entry e = { program_id, cause, reward_id, payout_id, h, src, dst, amount, at };
	return rfs_rw_entry(s, &e, &inserted);
}

int rf__reward_settle(rf_store *s, int64_t program_id, int64_t at, size_t *count)
{
	rfs_reward_row *rows = NULL;
	size_t n = 0, done = 0;
	int rc = rfs_rw_due(s, program_id, at, &rows, &n);
	for (size_t i = 0; rc == RF_OK && i < n; i++) {
		int64_t b[RFS_BUCKETS], clawed = 0;
		char cause[64];
		snprintf(cause, sizeof(cause), "mature:w%lld", (long long)rows[i].id);
		rc = rfs_rw_reward_buckets(s, rows[i].id, b, &clawed);
		if (rc == RF_OK)
			rc = rf__reward_move(s, program_id, cause, rows[i].id, 0, &rows[i].h,
					     RFS_B_PENDING, RFS_B_APPROVED, b[RFS_B_PENDING], at);
		if (rc == RF_OK)
			rc = rfs_rw_set_state(s, rows[i].id, RF_REWARD_APPROVED, 0);
		done++;
	}
	free(rows);
	if (count)
		*count = rc == RF_OK ? done : 0;
	return rc;
}

static int check_at(int64_t at)
{
	return at < 0 ? rf__error(RF_EINVALID, "at_ms must be >= 0") : RF_OK;
}

int rf_reward_settle(size_t *approved, rf_store *store, const char *program, int64_t at_ms)
{
	if (approved)
		*approved = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_at(at_ms);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	size_t n = 0;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__reward_settle(store, p.id, at_ms ? at_ms : rfs_now(store), &n);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && approved)
		*approved = n;
	return rc;
}

static int same_holder(const rfs_holder *a, const rfs_holder *b)
{
	return a->holder_kind == b->holder_kind && a->holder_id == b->holder_id &&
	       a->kind == b->kind && strcmp(a->unit, b->unit) == 0;
}

/* Pay one holder's approved rewards rows[from, to) if the minimum is met. */
static int pay_holder(rf_store *s, int64_t program_id, int64_t payout_id, int64_t at,
		      int64_t min_payout, const rfs_reward_row *rows, size_t from, size_t to)
{
	const rfs_holder *h = &rows[from].h;
	int64_t approved = 0, owed = 0;
	for (size_t i = from; i < to; i++)
		approved += rows[i].amount;
	int rc = rfs_rw_owed(s, program_id, h, &owed);
	int64_t debt = -owed;
	int64_t minimum = (h->kind == RF_REWARD_CASH || h->kind == RF_REWARD_CREDIT) && min_payout > 1
				  ? min_payout : 1;
	if (rc != RF_OK || approved <= 0 || (approved - debt < minimum && approved > debt))
		return rc;
	char cause[128];
	for (size_t i = from; rc == RF_OK && i < to; i++) {
		snprintf(cause, sizeof(cause), "payout:p%lld:w%lld", (long long)payout_id,
			 (long long)rows[i].id);
		rc = rf__reward_move(s, program_id, cause, rows[i].id, payout_id, h, RFS_B_APPROVED,
				     RFS_B_PAID, rows[i].amount, at);
		if (rc == RF_OK)
			rc = rfs_rw_set_state(s, rows[i].id, RF_REWARD_PAID, 0);
	}
	int64_t settled = debt < approved ? debt : approved;
	snprintf(cause, sizeof(cause), "payout:p%lld:owed:h%d.%lld:k%d:%s", (long long)payout_id,
		 (int)h->holder_kind, (long long)h->holder_id, (int)h->kind, h->unit);
	if (rc == RF_OK && settled > 0)
		rc = rf__reward_move(s, program_id, cause, 0, payout_id, h, RFS_B_PAID, RFS_B_OWED,
				     settled, at);
	if (rc == RF_OK)
		rc = rfs_rw_payout_line(s, payout_id, h, approved - settled, settled,
					(int64_t)(to - from));
	return rc;
}

static int pay_all(rf_store *s, const rfs_program *p, int64_t payout_id, int64_t at)
{
	rfs_reward_config cfg;
	int found = 0;
	rfs_reward_row *rows = NULL;
	size_t n = 0;
	int rc = rfs_rw_config(s, p->id, 0, &found, &cfg);
	if (rc == RF_OK)
		rc = rf__reward_settle(s, p->id, at, NULL);
	if (rc == RF_OK)
		rc = rfs_rw_approved(s, p->id, &rows, &n);
	for (size_t i = 0; rc == RF_OK && i < n;) {
		size_t j = i + 1;
		while (j < n && same_holder(&rows[j].h, &rows[i].h))
			j++;
		rc = pay_holder(s, p->id, payout_id, at, cfg.policy.min_payout_minor, rows, i, j);
		i = j;
	}
	free(rows);
	return rc;
}

typedef struct payout_row {
	const char *program, *key;
	int64_t at;
	const rfs_payout_out *lines;
	size_t n;
	int32_t replayed;
} payout_row;

static int32_t side_of(int32_t holder_kind)
{
	return holder_kind == RFS_H_ADVOCATE ? RF_SIDE_REFERRER : RF_SIDE_REFEREE;
}

static void pack_payout(rf_pack *pk, const void *from, void *slot)
{
	const payout_row *row = from;
	rf_payout *o = rf__pack_reserve(pk, sizeof(*o));
	rf_payout_line **list = rf__pack_reserve(pk, (row->n ? row->n : 1) * sizeof(*list));
	const char *program = rf__pack_str(pk, row->program);
	const char *key = rf__pack_str(pk, row->key);
	for (size_t i = 0; i < row->n; i++) {
		const rfs_payout_out *l = &row->lines[i];
		rf_payout_line *line = rf__pack_reserve(pk, sizeof(*line));
		const char *who = rf__pack_str(pk, l->recipient);
		const char *unit = rf__pack_str(pk, l->unit);
		if (line == NULL)
			continue;
		*line = (rf_payout_line){ who, side_of(l->holder_kind), l->kind, unit, l->amount,
					  l->settled, l->rewards };
		list[i] = line;
	}
	if (o == NULL)
		return;
	*o = (rf_payout){ program, key, row->at, row->n, list, row->replayed };
	*(rf_payout **)slot = o;
}

int rf_payout_run(rf_payout **out, rf_store *store, const char *program, const char *payout_id,
		  int64_t at_ms)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(payout_id, RF_MAX_ID_LEN, "payout id");
	if (rc == RF_OK)
		rc = check_at(at_ms);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program p;
	int64_t id = 0, at = at_ms ? at_ms : rfs_now(store);
	int64_t earlier_at = 0;
	rfs_payout_out *lines = NULL;
	size_t n = 0;
	rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rfs_rw_payout_find(store, p.id, payout_id, &id, &earlier_at);
	if (rc == RF_OK && id) {
		rc = RF_DUPLICATE;
		at = earlier_at;
	} else if (rc == RF_OK) {
		rc = rfs_rw_payout_insert(store, p.id, payout_id, at, &id);
		if (rc == RF_OK)
			rc = pay_all(store, &p, id, at);
	}
	if (rc >= 0) {
		int lrc = rfs_rw_payout_lines(store, id, &lines, &n);
		if (lrc != RF_OK)
			rc = lrc;
	}
	rf_payout *made = NULL;
	if (rc >= 0 && out) {
		int prc = rf__pack_one(&(payout_row){ p.key, payout_id, at, lines, n,
						      rc == RF_DUPLICATE },
				       pack_payout, &made);
		if (prc != RF_OK)
			rc = prc;
	}
	free(lines);
	rc = rfs_end(store, rc);
	if (rc >= 0 && out)
		*out = made;
	else
		rf_payout_free(made);
	return rc;
}

void rf_payout_free(rf_payout *payout)
{
	free(payout);
}

/* The program, and the advocate and conversion filters (0: none). */
static int filters(rf_store *s, const char *program, const char *advocate, const char *order_id,
		   rfs_program *p, int64_t *advocate_id, int64_t *conversion_id)
{
	*advocate_id = *conversion_id = 0;
	int rc = rf__program_load(s, program, p);
	if (rc == RF_OK && advocate) {
		rfs_advocate a;
		rc = rf__advocate_load(s, advocate, &a);
		*advocate_id = a.id;
	}
	if (rc == RF_OK && order_id) {
		rfs_conversion c;
		rc = rf__conversion_load(s, program, order_id, &c);
		*conversion_id = c.id;
	}
	return rc;
}

static void pack_reward(rf_pack *pk, const void *from, void *slot)
{
	const rfs_reward_out *r = from;
	rf_reward *o = rf__pack_reserve(pk, sizeof(*o));
	const char *order = rf__pack_str(pk, r->order_id);
	const char *who = rf__pack_str(pk, r->recipient);
	const char *unit = rf__pack_str(pk, r->unit);
	const char *coupon = rf__pack_str(pk, r->coupon);
	const char *note = rf__pack_str(pk, r->note);
	if (o == NULL)
		return;
	*o = (rf_reward){ r->id, order, who, r->side, r->rule_id, r->config_version, r->kind,
			  r->state, unit, r->requested, r->amount, r->clawed, coupon, note,
			  r->created_at, r->due_at };
	*(rf_reward **)slot = o;
}

static void pack_balance(rf_pack *pk, const void *from, void *slot)
{
	const rfs_balance_out *b = from;
	rf_balance *o = rf__pack_reserve(pk, sizeof(*o));
	const char *who = rf__pack_str(pk, b->recipient);
	const char *unit = rf__pack_str(pk, b->unit);
	if (o == NULL)
		return;
	*o = (rf_balance){ who, side_of(b->holder_kind), b->kind, unit, b->b[RFS_B_HELD],
			   b->b[RFS_B_PENDING], b->b[RFS_B_APPROVED], b->b[RFS_B_PAID],
			   -b->b[RFS_B_OWED] };
	*(rf_balance **)slot = o;
}

/* Both public lists share this layout. */
typedef struct any_list {
	size_t count;
	void *items;
} any_list;

/* Read rewards (balances = 0) or balances, filtered, in one read
 * transaction, and pack them into a list. */
static int read_list(void **out, rf_store *store, const char *program, const char *advocate,
		     const char *order_id, int balances)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p;
	int64_t advocate_id = 0, conversion_id = 0;
	void *rows = NULL;
	size_t n = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rfs_begin_read(store);
	if (rc != RF_OK)
		return rc;
	rc = filters(store, program, advocate, order_id, &p, &advocate_id, &conversion_id);
	if (rc == RF_OK)
		rc = balances ? rfs_rw_balances(store, p.id, advocate_id, (rfs_balance_out **)&rows, &n)
			      : rfs_rw_list(store, p.id, advocate_id, conversion_id,
					    (rfs_reward_out **)&rows, &n);
	rc = rfs_end(store, rc);
	any_list *list = NULL;
	void *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(*list), rows,
				   balances ? sizeof(rfs_balance_out) : sizeof(rfs_reward_out), n,
				   balances ? pack_balance : pack_reward, (void **)&list, &items);
	if (rc == RF_OK) {
		list->count = n;
		list->items = items;
		*out = list;
	}
	free(rows);
	return rc;
}

_Static_assert(offsetof(rf_reward_list, items) == offsetof(any_list, items) &&
		       offsetof(rf_balance_list, items) == offsetof(any_list, items),
	       "list layouts");

int rf_reward_list_get(rf_reward_list **out, rf_store *store, const char *program,
		       const char *advocate, const char *order_id)
{
	return read_list((void **)out, store, program, advocate, order_id, 0);
}

void rf_reward_list_free(rf_reward_list *list)
{
	free(list);
}

int rf_reward_balances(rf_balance_list **out, rf_store *store, const char *program,
		       const char *advocate)
{
	return read_list((void **)out, store, program, advocate, NULL, 1);
}

void rf_balance_list_free(rf_balance_list *list)
{
	free(list);
}

int rf_reward_check(rf_store *store)
{
	int rc = rfs_usable(store);
	return rc == RF_OK ? rfs_check_rewards(store) : rc;
}
