/* Rewards, balances and payouts: JSON values and tables. */
#include "cli.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

#define NAME(type, value) cli_enum_name((type), (value))

/* Points and coupons are counts; cash and credit are money. */
static int is_count(const char *unit)
{
	return strcmp(unit, "PTS") == 0 || strcmp(unit, "CPN") == 0;
}

void render_reward_amount(char *buf, size_t size, int64_t amount, const char *unit)
{
	if (is_count(unit)) {
		char n[32];
		render_count(n, sizeof n, amount);
		snprintf(buf, size, "%s %s", n, unit);
	} else {
		render_money(buf, size, amount, unit);
	}
}

void render_reward_json(jw *w, const rf_reward *r)
{
	jw_obj_begin(w);
	jw_kint(w, "id", r->id);
	jw_kstr(w, "order_id", r->order_id);
	jw_kstr(w, "recipient", r->recipient);
	jw_kstr(w, "side", NAME(RF_ENUM_REWARD_SIDE, r->side));
	jw_kint(w, "rule_id", r->rule_id);
	jw_kint(w, "config_version", r->config_version);
	jw_kstr(w, "kind", NAME(RF_ENUM_REWARD_KIND, r->kind));
	jw_kstr(w, "state", NAME(RF_ENUM_REWARD_STATE, r->state));
	jw_kstr(w, "unit", r->unit);
	jw_kint(w, "requested", r->requested);
	jw_kint(w, "amount", r->amount);
	jw_kint(w, "clawed", r->clawed);
	jw_kstr_or_null(w, "coupon", r->coupon);
	jw_kstr(w, "note", r->note);
	jw_ktime(w, "created_at", r->created_at_ms, 0);
	jw_ktime(w, "due_at", r->due_at_ms, 1);
	jw_obj_end(w);
}

void render_rewards_json(jw *w, const rf_reward_list *list)
{
	jw_arr_begin(w);
	for (size_t i = 0; i < list->count; i++)
		render_reward_json(w, list->items[i]);
	jw_arr_end(w);
}

void render_rewards_table(const rf_reward_list *list)
{
	static const char *const head[] = { "ID", "ORDER", "RECIPIENT", "SIDE", "KIND", "STATE",
					    "AMOUNT", "CLAWED", "NOTE" };
	table *t = table_new(9, head);
	char amount[64], clawed[64];
	table_align_right(t, 0);
	table_align_right(t, 6);
	table_align_right(t, 7);
	for (size_t i = 0; i < list->count; i++) {
		const rf_reward *r = list->items[i];
		render_reward_amount(amount, sizeof amount, r->amount, r->unit);
		render_reward_amount(clawed, sizeof clawed, r->clawed, r->unit);
		table_row(t);
		table_cell(t, "%lld", (long long)r->id);
		table_cell(t, "%s", r->order_id);
		table_cell(t, "%s", r->recipient);
		table_cell(t, "%s", NAME(RF_ENUM_REWARD_SIDE, r->side));
		table_cell(t, "%s", NAME(RF_ENUM_REWARD_KIND, r->kind));
		table_cell(t, "%s", NAME(RF_ENUM_REWARD_STATE, r->state));
		table_cell(t, "%s", amount);
		table_cell(t, "%s", r->clawed ? clawed : "-");
		table_cell(t, "%s%s%s", r->note, *r->coupon ? "; coupon " : "", r->coupon);
	}
	table_print_free(t);
}

void render_balances_json(jw *w, const rf_balance_list *list)
{
	jw_arr_begin(w);
	for (size_t i = 0; i < list->count; i++) {
		const rf_balance *b = list->items[i];
		jw_obj_begin(w);
		jw_kstr(w, "recipient", b->recipient);
		jw_kstr(w, "side", NAME(RF_ENUM_REWARD_SIDE, b->side));
		jw_kstr(w, "kind", NAME(RF_ENUM_REWARD_KIND, b->kind));
		jw_kstr(w, "unit", b->unit);
		jw_kint(w, "held", b->held);
		jw_kint(w, "pending", b->pending);
		jw_kint(w, "approved", b->approved);
		jw_kint(w, "paid", b->paid);
		jw_kint(w, "owed", b->owed);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void render_balances_table(const rf_balance_list *list)
{
	static const char *const head[] = { "RECIPIENT", "KIND", "HELD", "PENDING", "APPROVED",
					    "PAID", "OWED" };
	table *t = table_new(7, head);
	for (size_t col = 2; col < 7; col++)
		table_align_right(t, col);
	for (size_t i = 0; i < list->count; i++) {
		const rf_balance *b = list->items[i];
		const int64_t v[] = { b->held, b->pending, b->approved, b->paid, b->owed };
		table_row(t);
		table_cell(t, "%s", b->recipient);
		table_cell(t, "%s", NAME(RF_ENUM_REWARD_KIND, b->kind));
		for (size_t k = 0; k < 5; k++) {
			char cell[64];
			render_reward_amount(cell, sizeof cell, v[k], b->unit);
			table_cell(t, "%s", cell);
		}
	}
	table_print_free(t);
}

void render_payout_json(jw *w, const rf_payout *p)
{
	jw_obj_begin(w);
	jw_kstr(w, "program", p->program);
	jw_kstr(w, "payout_id", p->payout_id);
	jw_ktime(w, "at", p->at_ms, 0);
	jw_kbool(w, "duplicate", p->replayed);
	jw_karr_begin(w, "lines");
	for (size_t i = 0; i < p->count; i++) {
		const rf_payout_line *l = p->lines[i];
		jw_obj_begin(w);
		jw_kstr(w, "recipient", l->recipient);
		jw_kstr(w, "side", NAME(RF_ENUM_REWARD_SIDE, l->side));
		jw_kstr(w, "kind", NAME(RF_ENUM_REWARD_KIND, l->kind));
		jw_kstr(w, "unit", l->unit);
		jw_kint(w, "amount", l->amount);
		jw_kint(w, "settled_owed", l->settled_owed);
		jw_kint(w, "rewards", l->rewards);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

void render_payout_table(const rf_payout *p)
{
	static const char *const head[] = { "RECIPIENT", "KIND", "AMOUNT", "SETTLED OWED",
					    "REWARDS" };
	table *t = table_new(5, head);
	char amount[64], owed[64];
	for (size_t col = 2; col < 5; col++)
		table_align_right(t, col);
	for (size_t i = 0; i < p->count; i++) {
		const rf_payout_line *l = p->lines[i];
		render_reward_amount(amount, sizeof amount, l->amount, l->unit);
		render_reward_amount(owed, sizeof owed, l->settled_owed, l->unit);
		table_row(t);
		table_cell(t, "%s", l->recipient);
		table_cell(t, "%s", NAME(RF_ENUM_REWARD_KIND, l->kind));
		table_cell(t, "%s", amount);
		table_cell(t, "%s", l->settled_owed ? owed : "-");
		table_cell(t, "%lld", (long long)l->rewards);
	}
	table_print_free(t);
}
