/*
 * Leaderboards: a program's advocates ranked by score, referrals or value,
 * all time or over a calendar period, streamed with a bounded top list
 * (memory O(top)); ties go to the smaller external id.
 */
#include "api/scoring.h"

#include "core/calendar.h"
#include "core/scoring.h"

#include <stdio.h>

typedef struct board_entry {
	int64_t advocate_id;
	char ext[RFS_ID_SIZE];
	char name[RFS_NAME_SIZE];
	double metric;
	int64_t referrals, value;
} board_entry;

typedef struct board {
	/* what to rank */
	rf_store *s;
	int64_t program_id;
	const rfs_score_config *c;
	int32_t period, by;
	int64_t from, to, now;
	/* the top list, best first */
	board_entry *top;
	size_t cap, n;
	int64_t ranked;
	/* the asked advocate */
	int64_t target_id;
	int has_target;
	board_entry target;
	int64_t ahead; /* entries ranked before the target (second pass) */
	int counting;
} board;

/* Does a rank before b? Metric descending, then external id ascending. */
static int before(const board_entry *a, const board_entry *b)
{
	if (a->metric != b->metric)
		return a->metric > b->metric;
	return strcmp(a->ext, b->ext) < 0;
}

static void offer(board *b, const board_entry *e)
{
	if (!(e->metric > 0))
		return;
	if (b->counting) {
		b->ahead += before(e, &b->target);
		return;
	}
	b->ranked++;
	if (e->advocate_id == b->target_id) {
		b->target = *e;
		b->has_target = 1;
	}
	if (b->cap == 0 || (b->n == b->cap && !before(e, &b->top[b->n - 1])))
		return;
	size_t i = b->n < b->cap ? b->n++ : b->n - 1;
	while (i > 0 && before(e, &b->top[i - 1])) {
		b->top[i] = b->top[i - 1];
		i--;
	}
	b->top[i] = *e;
}

static void entry_names(sqlite3_stmt *st, int col, board_entry *e)
{
	rfs_col_text(st, col, e->ext, sizeof(e->ext));
	rfs_col_text(st, col + 1, e->name, sizeof(e->name));
}

/* All time, from the stored states. */
static int all_time_row(void *ctx, sqlite3_stmt *st)
{
	board *b = ctx;
	rfs_score_state row;
	rfs_score_state_read(st, &row);
	board_entry e = { .advocate_id = row.advocate_id, .referrals = row.referrals,
			  .value = row.value_net };
	entry_names(st, 13, &e);
	if (b->by == RF_BOARD_BY_SCORE) {
		double risk = 0;
		int rc = rf__score_risk(b->s, b->program_id, row.advocate_id, &risk);
		if (rc != RF_OK)
			return rc;
		rf__score_parts parts;
		rf__score_compute(b->c, &row, risk, b->now, &parts);
		e.metric = parts.score;
	} else {
		e.metric = (double)(b->by == RF_BOARD_BY_REFERRALS ? row.referrals : row.value_net);
	}
	offer(b, &e);
	return RF_OK;
}

/* A period by score: activity points earned in it (rows by advocate, type). */
typedef struct points_acc {
	board *b;
	board_entry cur;
	int open;
} points_acc;

static int points_row(void *ctx, sqlite3_stmt *st)
{
	points_acc *p = ctx;
	int64_t adv = sqlite3_column_int64(st, 0);
	if (p->open && p->cur.advocate_id != adv) {
		offer(p->b, &p->cur);
		p->open = 0;
	}
	if (!p->open) {
		memset(&p->cur, 0, sizeof(p->cur));
		p->cur.advocate_id = adv;
		entry_names(st, 3, &p->cur);
		p->open = 1;
	}
	int32_t type = sqlite3_column_int(st, 1);
	if (type >= 1 && type <= RF_ACTIVITY_TYPE_COUNT)
		p->cur.metric += (double)p->b->c->weights[type - 1] * sqlite3_column_double(st, 2);
	return RF_OK;
}

/* A period by referrals or value: credited conversions in it. */
static int credit_row(void *ctx, sqlite3_stmt *st)
{
	board *b = ctx;
	board_entry e = { .advocate_id = sqlite3_column_int64(st, 0),
			  .referrals = sqlite3_column_int64(st, 1),
			  .value = sqlite3_column_int64(st, 2) };
	entry_names(st, 3, &e);
	e.metric = (double)(b->by == RF_BOARD_BY_REFERRALS ? e.referrals : e.value);
	offer(b, &e);
	return RF_OK;
}

static int board_pass(board *b)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (b->period == RF_BOARD_ALL_TIME) {
		if ((rc = rfs_stmt(b->s, RFS_SCORE_STATE_ALL, &st)) != RF_OK)
			return rc;
		sqlite3_bind_int64(st, 1, b->program_id);
		return rfs_each_row(b->s, st, all_time_row, b, "ranking advocates");
	}
	if (b->by == RF_BOARD_BY_SCORE) {
		points_acc acc = { .b = b };
		if ((rc = rfs_stmt(b->s, RFS_BOARD_ACTIVITY, &st)) != RF_OK)
			return rc;
		sqlite3_bind_int64(st, 1, b->program_id);
		sqlite3_bind_int64(st, 2, b->from);
		sqlite3_bind_int64(st, 3, b->to);
		rc = rfs_each_row(b->s, st, points_row, &acc, "ranking advocates");
		if (rc == RF_OK && acc.open)
			offer(b, &acc.cur);
		return rc;
	}
	if ((rc = rfs_stmt(b->s, RFS_BOARD_CREDIT, &st)) != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, b->program_id);
	sqlite3_bind_int64(st, 2, b->from);
	sqlite3_bind_int64(st, 3, b->to);
	return rfs_each_row(b->s, st, credit_row, b, "ranking advocates");
}

/* Rank: the top list, then (when an advocate is asked and ranked) a
 * second pass counting who comes before it. */
static int board_run(board *b)
{
	b->top = b->cap ? calloc(b->cap, sizeof(*b->top)) : NULL;
	if (b->cap && b->top == NULL)
		return rf__error(RF_ENOMEM, "out of memory ranking advocates");
	int rc = board_pass(b);
	if (rc == RF_OK && b->has_target) {
		b->counting = 1;
		rc = board_pass(b);
	}
	return rc;
}

static void period_bounds(int32_t period, int64_t now, int64_t *from, int64_t *to)
{
	*from = *to = 0;
	if (period == RF_BOARD_THIS_WEEK) {
		*from = rfc_bucket_start(2, now);
		*to = rfc_bucket_next(2, *from);
	} else if (period == RF_BOARD_THIS_MONTH) {
		*from = rfc_bucket_start(3, now);
		*to = rfc_bucket_next(3, *from);
	} else if (period == RF_BOARD_LAST_MONTH) {
		*to = rfc_bucket_start(3, now);
		*from = rfc_bucket_start(3, *to - 1);
	}
}

int rf__board_top_percent(rf_store *s, int64_t program_id, const rfs_score_config *c, int64_t now)
{
	board b = { .s = s, .program_id = program_id, .c = c, .period = RF_BOARD_LAST_MONTH,
		    .by = RF_BOARD_BY_SCORE, .now = now };
	period_bounds(b.period, now, &b.from, &b.to);
	int rc = board_run(&b); /* cap 0: count only */
	free(b.top);
	if (rc != RF_OK || b.ranked == 0)
		return rc;
	b.cap = (size_t)(b.ranked + 99) / 100; /* the top 1 %, at least one */
	b.n = 0;
	b.ranked = 0;
	rc = board_run(&b);
	for (size_t i = 0; i < b.n && rc == RF_OK; i++)
		rc = rf__badge_award(s, program_id, b.top[i].advocate_id, RF_BADGE_TOP_PERCENT, b.from,
				     now);
	free(b.top);
	return rc;
}

static const rf_leaderboard_query query_defaults = RF_LEADERBOARD_QUERY_INIT;
static const size_t query_sizes[] = RF_SIZES_V1(rf_leaderboard_query);

int rf_leaderboard_query_init(rf_leaderboard_query *query, unsigned version)
{
	return rf__options_init(query, &query_defaults, query_sizes, version,
				RF_LEADERBOARD_QUERY_VERSION, "rf_leaderboard_query");
}

static int check_query(const rf_leaderboard_query *in, rf_leaderboard_query *q)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_LEADERBOARD_QUERY_VERSION, "rf_leaderboard_query");
	if (rc != RF_OK)
		return rc;
	rf__options_read(q, &query_defaults, sizeof(*q), in, query_sizes);
	if (q->period < RF_BOARD_ALL_TIME || q->period > RF_BOARD_LAST_MONTH)
		return rf__error(RF_EINVALID, "unknown leaderboard period %d", (int)q->period);
	if (q->by < RF_BOARD_BY_SCORE || q->by > RF_BOARD_BY_VALUE)
		return rf__error(RF_EINVALID, "unknown leaderboard order %d", (int)q->by);
	if (q->top < 1 || q->top > 1000)
		return rf__error(RF_EINVALID, "top must be 1..1000");
	return RF_OK;
}

typedef struct packed_board {
	const board *b;
	int64_t config_version;
	int64_t target_rank;
} packed_board;

static rf_leaderboard_entry *pack_entry(rf_pack *pk, const board_entry *e, int64_t rank)
{
	rf_leaderboard_entry *o = rf__pack_reserve(pk, sizeof(*o));
	const char *ext = rf__pack_str(pk, e->ext);
	const char *name = rf__pack_str(pk, e->name);
	if (o != NULL)
		*o = (rf_leaderboard_entry){ rank, ext, name, e->metric, e->referrals, e->value };
	return o;
}

static void pack_board(rf_pack *pk, const void *from, void *slot)
{
	const packed_board *k = from;
	const board *b = k->b;
	rf_leaderboard *o = rf__pack_reserve(pk, sizeof(*o));
	rf_leaderboard_entry **items = rf__pack_reserve(pk, (b->n + 1) * sizeof(*items));
	for (size_t i = 0; i < b->n; i++) {
		rf_leaderboard_entry *e = pack_entry(pk, &b->top[i], (int64_t)i + 1);
		if (items)
			items[i] = e;
	}
	rf_leaderboard_entry *target = b->has_target ? pack_entry(pk, &b->target, k->target_rank)
						     : NULL;
	if (o == NULL)
		return;
	*o = (rf_leaderboard){ b->from, b->to, k->config_version, b->ranked, b->n, items, target };
	*(rf_leaderboard **)slot = o;
}

int rf_leaderboard_get(rf_leaderboard **out, rf_store *store, const rf_leaderboard_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rf_leaderboard_query q;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_query(query, &q);
	if (rc != RF_OK)
		return rc;
	rfs_program p;
	rfs_advocate a = { 0 };
	rfs_score_config c;
	rc = rf__program_load(store, q.program, &p);
	if (rc == RF_OK && q.advocate)
		rc = rf__advocate_load(store, q.advocate, &a);
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rc = rf__score_config_load(store, p.id, &c);
	board b = { .s = store, .program_id = p.id, .c = &c, .period = q.period, .by = q.by,
		    .now = rfs_now(store), .cap = q.top, .target_id = q.advocate ? a.id : -1 };
	period_bounds(q.period, b.now, &b.from, &b.to);
	if (rc == RF_OK)
		rc = board_run(&b);
	rfs_rollback(store); /* end the read */
	packed_board k = { &b, c.version, b.ahead + 1 };
	if (rc == RF_OK)
		rc = rf__pack_one(&k, pack_board, out);
	free(b.top);
	return rc;
}

void rf_leaderboard_free(rf_leaderboard *leaderboard)
{
	free(leaderboard);
}
