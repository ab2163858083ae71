/* How conversions, their refunds and their explanations are shown. */
#include "render.h"

#include "cli.h"
#include "money.h"
#include "rules.h"
#include "timeparse.h"

#include <inttypes.h>
#include <stdio.h>

#define NAME(type, v) cli_enum_name(type, v)

/* "<prefix>_minor" and "<prefix>_amount" of an amount in `currency`. */
static void kmoney(jw *w, const char *prefix, int64_t minor, const char *currency)
{
	char key[48], amount[MONEY_BUFSIZE];
	money_format(amount, minor, money_exponent(currency));
	snprintf(key, sizeof key, "%s_minor", prefix);
	jw_kint(w, key, minor);
	snprintf(key, sizeof key, "%s_amount", prefix);
	jw_kstr(w, key, amount);
}

/* ---- conversions ------------------------------------------------------------ */

static void render_credit_json(jw *w, const rf_credit *cr, const char *currency)
{
	jw_obj_begin(w);
	jw_kstr(w, "advocate", cr->advocate);
	jw_kstr(w, "code", cr->code);
	jw_kstr(w, "channel", NAME(RF_ENUM_CHANNEL, cr->channel));
	jw_kdouble(w, "weight", cr->weight);
	jw_money_fields(w, cr->value_minor, currency);
	kmoney(w, "refunded", cr->refunded_minor, currency);
	jw_obj_end(w);
}

void render_conversion_json(jw *w, const rf_conversion *cv)
{
	jw_obj_begin(w);
	jw_kint(w, "id", cv->id);
	jw_kstr(w, "program", cv->program);
	jw_kstr(w, "order_id", cv->order_id);
	jw_kstr(w, "visitor_id", cv->visitor_id);
	jw_kstr(w, "kind", NAME(RF_ENUM_CONVERSION_KIND, cv->kind));
	jw_money_fields(w, cv->value_minor, cv->currency);
	jw_ktime(w, "at", cv->at_ms, 0);
	jw_kbool(w, "attributed", cv->attributed);
	jw_kstr(w, "model", NAME(RF_ENUM_MODEL, cv->model));
	jw_kint(w, "rules_version", cv->rules_version);
	jw_kstr_or_null(w, "customer_id", cv->customer_id);
	kmoney(w, "refunded", cv->refunded_minor, cv->currency);
	jw_kstr_or_null(w, "follows_order", cv->follows_order);
	jw_karr_begin(w, "credits");
	for (size_t i = 0; i < cv->credit_count; i++)
		render_credit_json(w, cv->credits[i], cv->currency);
	jw_arr_end(w);
	jw_obj_end(w);
}

static void render_credits_table(const rf_conversion *cv)
{
	static const char *const head[] = { "ADVOCATE", "CODE", "CHANNEL", "SHARE", "VALUE",
					    "REFUNDED" };
	table *t = table_new(cv->refunded_minor ? 6 : 5, head);
	char money[64];
	table_align_right(t, 3);
	table_align_right(t, 4);
	if (cv->refunded_minor)
		table_align_right(t, 5);
	for (size_t i = 0; i < cv->credit_count; i++) {
		const rf_credit *cr = cv->credits[i];
		render_money(money, sizeof money, cr->value_minor, cv->currency);
		table_row(t);
		table_cell(t, "%s", cr->advocate);
		table_cell(t, "%s", cr->code);
		table_cell(t, "%s", NAME(RF_ENUM_CHANNEL, cr->channel));
		table_cell(t, "%.1f%%", cr->weight * 100.0);
		table_cell(t, "%s", money);
		if (cv->refunded_minor) {
			render_money(money, sizeof money, cr->refunded_minor, cv->currency);
			table_cell(t, "%s", money);
		}
	}
	table_print_free(t);
}

void render_conversion_text(const rf_conversion *cv)
{
	char money[64];
	render_money(money, sizeof money, cv->value_minor, cv->currency);
	kv("order", "%s (%s)", cv->order_id, NAME(RF_ENUM_CONVERSION_KIND, cv->kind));
	kv("program", "%s", cv->program);
	kv("visitor", "%s", cv->visitor_id);
	if (cv->customer_id && *cv->customer_id)
		kv("customer", "%s", cv->customer_id);
	kv("value", "%s", money);
	if (cv->refunded_minor) {
		render_money(money, sizeof money, cv->refunded_minor, cv->currency);
		kv("refunded", "%s", money);
	}
	kv_time("at", cv->at_ms);
	kv("model", "%s (rules v%" PRId64 ")", rules_model_label(cv->model), cv->rules_version);
	if (cv->follows_order && *cv->follows_order)
		kv("follows", "order %s (credited as it was)", cv->follows_order);
	if (!cv->attributed) {
		kv("attributed", "no (no touchpoint of this visitor in the window)");
		return;
	}
	kv("attributed", "yes, to %zu advocate%s:", cv->credit_count,
	   cv->credit_count == 1 ? "" : "s");
	render_credits_table(cv);
}

/* ---- explanations ------------------------------------------------------------ */

static void render_touch_json(jw *w, const rf_explained_touch *tc, const char *currency)
{
	jw_obj_begin(w);
	jw_kint(w, "touchpoint_id", tc->touchpoint_id);
	jw_kstr(w, "code", tc->code);
	jw_kstr(w, "advocate", tc->advocate);
	jw_kstr(w, "channel", NAME(RF_ENUM_CHANNEL, tc->channel));
	jw_kstr(w, "kind", NAME(RF_ENUM_TOUCHPOINT_KIND, tc->kind));
	jw_ktime(w, "at", tc->at_ms, 0);
	jw_kbool(w, "credited", tc->weight > 0.0);
	jw_kdouble(w, "weight", tc->weight);
	jw_money_fields(w, tc->value_minor, currency);
	jw_kstr(w, "note", tc->note);
	jw_obj_end(w);
}

void render_explanation_json(jw *w, const rf_explanation *e, const char *currency)
{
	if (e->currency && *e->currency)
		currency = e->currency;
	jw_obj_begin(w);
	jw_kstr(w, "program", e->program);
	jw_kstr(w, "order_id", e->order_id);
	jw_kstr(w, "model", NAME(RF_ENUM_MODEL, e->model));
	jw_kint(w, "rules_version", e->rules_version);
	jw_kint(w, "lookback_ms", e->lookback_ms);
	jw_ktime(w, "window_start", e->window_start_ms, 0);
	jw_ktime(w, "window_end", e->window_end_ms, 0);
	jw_kstr(w, "summary", e->summary);
	jw_kstr(w, "parameters", e->parameters ? e->parameters : "");
	jw_kstr(w, "currency", currency);
	jw_karr_begin(w, "touches");
	for (size_t i = 0; i < e->touch_count; i++)
		render_touch_json(w, e->touches[i], currency);
	jw_arr_end(w);
	jw_obj_end(w);
}

static void render_touches_table(const rf_explanation *e, const char *currency)
{
	static const char *const head[] = { "AT", "KIND", "CODE", "ADVOCATE", "CHANNEL",
					    "WEIGHT", "VALUE", "WHY" };
	table *t = table_new(8, head);
	char ts[TIME_BUFSIZE], money[64];
	table_align_right(t, 5);
	table_align_right(t, 6);
	for (size_t i = 0; i < e->touch_count; i++) {
		const rf_explained_touch *tc = e->touches[i];
		render_money(money, sizeof money, tc->value_minor, currency);
		table_row(t);
		table_cell(t, "%s", time_format(ts, tc->at_ms));
		table_cell(t, "%s", NAME(RF_ENUM_TOUCHPOINT_KIND, tc->kind));
		table_cell(t, "%s", tc->code);
		table_cell(t, "%s", tc->advocate);
		table_cell(t, "%s", NAME(RF_ENUM_CHANNEL, tc->channel));
		table_cell(t, "%.2f", tc->weight);
		table_cell(t, "%s", money);
		table_cell(t, "%s", tc->note ? tc->note : "");
	}
	table_print_free(t);
}

void render_explanation_text(const rf_explanation *e, const char *currency)
{
	char a[TIME_BUFSIZE], b[TIME_BUFSIZE], d[32];
	if (e->currency && *e->currency)
		currency = e->currency;
	render_duration(d, sizeof d, e->lookback_ms);
	kv("order", "%s in %s", e->order_id, e->program);
	kv("model", "%s (rules v%" PRId64 ")", rules_model_label(e->model), e->rules_version);
	if (e->parameters && *e->parameters)
		kv("parameters", "%s", e->parameters);
	kv("currency", "%s", currency);
	kv("window", "%s .. %s (lookback %s)", time_format(a, e->window_start_ms),
	   time_format(b, e->window_end_ms), d);
	kv("summary", "%s", e->summary ? e->summary : "");
	if (e->touch_count == 0) {
		kv("touchpoints", "none in the window");
		return;
	}
	kv("touchpoints", "%zu considered:", e->touch_count);
	render_touches_table(e, currency);
}
