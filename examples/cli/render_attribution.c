/* How fitted models and replays are shown. */
#include "render.h"

#include "cli.h"
#include "money.h"

#include <inttypes.h>
#include <stdio.h>

static size_t shown(const rf_fit *fit, size_t top)
{
	return top && top < fit->count ? top : fit->count;
}

void render_fit_fields_json(jw *w, const rf_fit *fit, size_t top)
{
	jw_kstr(w, "model", cli_enum_name(RF_ENUM_MODEL, fit->model));
	jw_kint(w, "journeys", fit->journeys);
	jw_kint(w, "conversions", fit->conversions);
	if (fit->model == RF_MODEL_MARKOV)
		jw_kdouble(w, "p_conversion", fit->p_conversion);
	else
		jw_kstr(w, "p_conversion", NULL);
	jw_ktime(w, "fitted_at", fit->fitted_at_ms, 0);
	jw_kint(w, "advocates", (int64_t)fit->count);
	jw_karr_begin(w, "values");
	for (size_t i = 0; i < shown(fit, top); i++) {
		jw_obj_begin(w);
		jw_kint(w, "rank", (int64_t)i + 1);
		jw_kstr(w, "advocate", fit->values[i]->advocate);
		jw_kdouble(w, "value", fit->values[i]->value);
		jw_kdouble(w, "weight", fit->values[i]->weight);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void render_fit_text(const rf_fit *fit, size_t top)
{
	static const char *const head[] = { "RANK", "ADVOCATE", "VALUE", "WEIGHT" };
	char n1[32], n2[32];
	int markov = fit->model == RF_MODEL_MARKOV;
	table *t;

	render_count(n1, sizeof n1, fit->journeys);
	render_count(n2, sizeof n2, fit->conversions);
	kv("model", "%s (%s)", cli_enum_name(RF_ENUM_MODEL, fit->model),
	   markov ? "first-order removal effect" : "Shapley value of advocates");
	kv("journeys", "%s (%s converting)", n1, n2);
	if (markov)
		kv("p(conversion)", "%.6f", fit->p_conversion);
	kv("advocates", "%zu", fit->count);
	if (fit->count == 0)
		return;
	printf("\nTOP %zu ADVOCATES (%s)\n", shown(fit, top),
	       markov ? "value: removal effect" : "value: conversions");
	t = table_new(4, head);
	table_align_right(t, 0);
	table_align_right(t, 2);
	table_align_right(t, 3);
	for (size_t i = 0; i < shown(fit, top); i++) {
		table_row(t);
		table_cell(t, "%zu", i + 1);
		table_cell(t, "%s", fit->values[i]->advocate);
		table_cell(t, "%.4f", fit->values[i]->value);
		table_cell(t, "%.2f%%", fit->values[i]->weight * 100.0);
	}
	table_print_free(t);
}

static void money_key(jw *w, const char *key, int64_t minor, const char *currency)
{
	char amount[MONEY_BUFSIZE];
	money_format(amount, minor, money_exponent(currency));
	jw_kstr(w, key, amount);
}

void render_replay_rows_json(jw *w, const rf_replay *r, int32_t target)
{
	jw_arr_begin(w);
	for (size_t i = 0; i < r->count; i++) {
		const rf_replay_row *row = r->rows[i];
		int64_t delta = row->replay_value_minor - row->current_value_minor;
		if (row->target != target)
			continue;
		jw_obj_begin(w);
		jw_kstr(w, "name", row->name);
		jw_kstr(w, "currency", row->currency);
		jw_kdouble(w, "current_conversions", row->current_conversions);
		jw_kdouble(w, "replay_conversions", row->replay_conversions);
		jw_kdouble(w, "delta_conversions", row->replay_conversions - row->current_conversions);
		jw_kint(w, "current_value_minor", row->current_value_minor);
		jw_kint(w, "replay_value_minor", row->replay_value_minor);
		jw_kint(w, "delta_value_minor", delta);
		money_key(w, "current_amount", row->current_value_minor, row->currency);
		money_key(w, "replay_amount", row->replay_value_minor, row->currency);
		money_key(w, "delta_amount", delta, row->currency);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

/* "+1.20 EUR", "-1.20 EUR", "0.00 EUR". */
static void signed_money(char *buf, size_t size, int64_t minor, const char *currency)
{
	char m[64];
	render_money(m, sizeof m, minor, currency);
	snprintf(buf, size, "%s%s", minor > 0 ? "+" : "", m);
}

void render_replay_table(const rf_replay *r, int32_t target)
{
	static const char *const head[] = { "NAME", "CONV NOW", "CONV REPLAY", "CHANGE",
					    "VALUE NOW", "VALUE REPLAY", "CHANGE" };
	char now[64], then[64], delta[80];
	table *t = table_new(7, head);
	for (size_t col = 1; col < 7; col++)
		table_align_right(t, col);
	for (size_t i = 0; i < r->count; i++) {
		const rf_replay_row *row = r->rows[i];
		double dc = row->replay_conversions - row->current_conversions;
		if (row->target != target)
			continue;
		render_money(now, sizeof now, row->current_value_minor, row->currency);
		render_money(then, sizeof then, row->replay_value_minor, row->currency);
		signed_money(delta, sizeof delta, row->replay_value_minor - row->current_value_minor,
			     row->currency);
		table_row(t);
		table_cell(t, "%s", row->name);
		table_cell(t, "%.2f", row->current_conversions);
		table_cell(t, "%.2f", row->replay_conversions);
		table_cell(t, "%+.2f", dc > -0.005 && dc < 0.005 ? 0.0 : dc);
		table_cell(t, "%s", now);
		table_cell(t, "%s", then);
		table_cell(t, "%s", delta);
	}
	table_print_free(t);
}
