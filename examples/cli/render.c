#include "render.h"

#include "cli.h"
#include "money.h"
#include "rules.h"
#include "timeparse.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define NAME(type, v) cli_enum_name(type, v)

void render_duration(char *buf, size_t size, int64_t ms)
{
	static const struct { int64_t ms; const char *unit; } units[] = {
		{ 86400000, "d" }, { 3600000, "h" }, { 60000, "m" }, { 1000, "s" },
	};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (ms != 0 && ms % units[i].ms == 0) {
			snprintf(buf, size, "%" PRId64 "%s", ms / units[i].ms, units[i].unit);
			return;
		}
	snprintf(buf, size, "%" PRId64 "ms", ms);
}

void render_money(char *buf, size_t size, int64_t minor, const char *currency)
{
	int exponent = money_exponent(currency);
	int64_t scale = 1, whole;
	char amount[MONEY_BUFSIZE], grouped[48];
	const char *dot;

	for (int i = 0; i < exponent; i++)
		scale *= 10;
	whole = minor / scale;
	money_format(amount, minor, exponent);
	dot = strchr(amount, '.');
	render_count(grouped, sizeof grouped, whole);
	if (minor < 0 && whole == 0)
		snprintf(grouped, sizeof grouped, "-0");
	snprintf(buf, size, "%s%s %s", grouped, dot ? dot : "", currency);
}

/* ---- programs ------------------------------------------------------------ */

void render_program_json(jw *w, const rf_program *p)
{
	const rf_program_rules *r = p->rules;
	jw_obj_begin(w);
	jw_kint(w, "id", p->id);
	jw_kstr(w, "key", p->key);
	jw_kstr(w, "name", p->name);
	jw_kstr(w, "status", NAME(RF_ENUM_STATUS, p->status));
	jw_kint(w, "rules_version", p->rules_version);
	jw_key(w, "rules");
	rules_json(w, r);
	jw_ktime(w, "created_at", p->created_at_ms, 0);
	jw_ktime(w, "updated_at", p->updated_at_ms, 0);
	jw_obj_end(w);
}

void render_program_text(const rf_program *p)
{
	const rf_program_rules *r = p->rules;
	char d[32], params[160];
	kv("key", "%s", p->key);
	kv("name", "%s", p->name);
	kv("status", "%s", NAME(RF_ENUM_STATUS, p->status));
	rules_model_params(params, sizeof params, r);
	kv("model", "%s%s%s%s", rules_model_label(r->model), *params ? " (" : "", params,
	   *params ? ")" : "");
	render_duration(d, sizeof d, r->lookback_ms);
	kv("lookback window", "%s", d);
	render_duration(d, sizeof d, r->duplicate_window_ms);
	kv("duplicate window", "%s", r->duplicate_window_ms ? d : "off");
	kv("code length", "%d + 1 check symbol", (int)r->code_length);
	kv("lock referrer", "%s", r->lock_first_referrer ? "yes (first referrer keeps the referee)" : "no");
	kv("sale follows lead", "%s", r->sale_follows_lead ? "yes" : "no");
	if (r->renewal_months)
		kv("renewals", "credited to the first referrer for %d months", (int)r->renewal_months);
	else
		kv("renewals", "attributed on their own journey");
	kv("rules version", "%" PRId64, p->rules_version);
	kv_time("created", p->created_at_ms);
	kv_time("updated", p->updated_at_ms);
}

void render_programs_table(const rf_programs *list)
{
	static const char *const head[] = { "KEY", "NAME", "STATUS", "MODEL", "WINDOW", "CODE LEN" };
	table *t = table_new(6, head);
	char d[32];
	table_align_right(t, 5);
	for (size_t i = 0; i < list->count; i++) {
		const rf_program *p = list->items[i];
		render_duration(d, sizeof d, p->rules->lookback_ms);
		table_row(t);
		table_cell(t, "%s", p->key);
		table_cell(t, "%s", p->name);
		table_cell(t, "%s", NAME(RF_ENUM_STATUS, p->status));
		table_cell(t, "%s", NAME(RF_ENUM_MODEL, p->rules->model));
		table_cell(t, "%s", d);
		table_cell(t, "%d", (int)p->rules->code_length);
	}
	table_print_free(t);
}

/* ---- advocates ------------------------------------------------------------ */

void render_advocate_json(jw *w, const rf_advocate *a)
{
	jw_obj_begin(w);
	jw_kint(w, "id", a->id);
	jw_kstr(w, "external_id", a->external_id);
	jw_kstr(w, "kind", NAME(RF_ENUM_ADVOCATE_KIND, a->kind));
	jw_kstr(w, "name", a->display_name);
	jw_kstr(w, "status", NAME(RF_ENUM_STATUS, a->status));
	jw_kbool(w, "has_email", a->has_email);
	jw_ktime(w, "created_at", a->created_at_ms, 0);
	jw_obj_end(w);
}

void render_advocate_text(const rf_advocate *a)
{
	kv("external id", "%s", a->external_id);
	kv("name", "%s", a->display_name);
	kv("kind", "%s", NAME(RF_ENUM_ADVOCATE_KIND, a->kind));
	kv("status", "%s", NAME(RF_ENUM_STATUS, a->status));
	kv("email", "%s", a->has_email ? "on file (keyed hash only)" : "none");
	kv("id", "%" PRId64, a->id);
	kv_time("created", a->created_at_ms);
}

void render_advocates_table(const rf_advocates *page)
{
	static const char *const head[] = { "ID", "EXTERNAL ID", "NAME", "KIND", "STATUS", "CREATED" };
	table *t = table_new(6, head);
	char ts[TIME_BUFSIZE];
	table_align_right(t, 0);
	for (size_t i = 0; i < page->count; i++) {
		const rf_advocate *a = page->items[i];
		table_row(t);
		table_cell(t, "%" PRId64, a->id);
		table_cell(t, "%s", a->external_id);
		table_cell(t, "%s", a->display_name);
		table_cell(t, "%s", NAME(RF_ENUM_ADVOCATE_KIND, a->kind));
		table_cell(t, "%s", NAME(RF_ENUM_STATUS, a->status));
		table_cell(t, "%s", time_format(ts, a->created_at_ms));
	}
	table_print_free(t);
}

/* ---- codes ------------------------------------------------------------------ */

void render_code_json(jw *w, const rf_code *code)
{
	jw_obj_begin(w);
	jw_kint(w, "id", code->id);
	jw_kstr(w, "code", code->code);
	jw_kstr(w, "display", code->display);
	jw_kstr(w, "program", code->program);
	jw_kstr(w, "advocate", code->advocate);
	jw_kstr(w, "channel", NAME(RF_ENUM_CHANNEL, code->channel));
	jw_kstr(w, "status", NAME(RF_ENUM_STATUS, code->status));
	jw_kbool(w, "vanity", code->vanity);
	jw_ktime(w, "expires_at", code->expires_at_ms, 1);
	jw_kint(w, "max_uses", code->max_uses);
	jw_kint(w, "uses", code->uses);
	jw_ktime(w, "created_at", code->created_at_ms, 0);
	jw_kstr(w, "content", code->content);
	jw_obj_end(w);
}

void render_code_text(const rf_code *code)
{
	char t[TIME_BUFSIZE];
	kv("code", "%s", code->display);
	kv("normalised", "%s", code->code);
	kv("program", "%s", code->program);
	kv("advocate", "%s", code->advocate);
	kv("channel", "%s", NAME(RF_ENUM_CHANNEL, code->channel));
	kv("status", "%s", NAME(RF_ENUM_STATUS, code->status));
	kv("type", "%s", code->vanity ? "vanity" : "random, with check symbol");
	kv("expires", "%s", code->expires_at_ms ? time_format(t, code->expires_at_ms) : "never");
	if (code->max_uses)
		kv("uses", "%" PRId64 " of %" PRId64, code->uses, code->max_uses);
	else
		kv("uses", "%" PRId64 " (unlimited)", code->uses);
	kv_time("created", code->created_at_ms);
	if (*code->content)
		kv("content", "%s", code->content);
}

/* ---- touchpoints ------------------------------------------------------------ */

void render_touchpoint_json(jw *w, const rf_touchpoint *tp)
{
	jw_obj_begin(w);
	jw_kint(w, "id", tp->id);
	jw_kstr(w, "visitor_id", tp->visitor_id);
	jw_kstr(w, "code", tp->code);
	jw_kstr(w, "program", tp->program);
	jw_kstr(w, "advocate", tp->advocate);
	jw_kstr(w, "channel", NAME(RF_ENUM_CHANNEL, tp->channel));
	jw_kstr(w, "kind", NAME(RF_ENUM_TOUCHPOINT_KIND, tp->kind));
	jw_ktime(w, "at", tp->at_ms, 0);
	jw_kbool(w, "duplicate", tp->duplicate);
	jw_kbool(w, "bot", tp->duplicate == RF_TOUCHPOINT_BOT);
	jw_kbool(w, "direct", tp->direct);
	jw_obj_end(w);
}

void render_touchpoint_text(const rf_touchpoint *tp)
{
	printf("%s recorded%s\n", NAME(RF_ENUM_TOUCHPOINT_KIND, tp->kind),
	       tp->duplicate == RF_TOUCHPOINT_BOT
		       ? " (bot or link preview: kept, flagged, not counted)"
	       : tp->duplicate ? " (duplicate: repeats an earlier touch, not counted as unique)"
			       : "");
	kv("visitor", "%s", tp->visitor_id);
	kv("code", "%s", tp->code);
	kv("advocate", "%s", tp->advocate);
	kv("program", "%s", tp->program);
	kv("channel", "%s", NAME(RF_ENUM_CHANNEL, tp->channel));
	if (tp->direct)
		kv("direct", "yes (came without a link; last-non-direct passes over it)");
	kv_time("at", tp->at_ms);
	kv("id", "%" PRId64, tp->id);
}

/* ---- stats ------------------------------------------------------------------ */

void render_stats_fields_json(jw *w, const rf_stats *s)
{
	jw_kint(w, "touchpoints", s->touchpoints);
	jw_kint(w, "unique_touchpoints", s->unique_touchpoints);
	jw_kint(w, "unique_visitors", s->unique_visitors);
	jw_kint(w, "conversions", s->conversions);
	jw_kint(w, "attributed_conversions", s->attributed_conversions);
	jw_kdouble(w, "credited_conversions", s->credited_conversions);
	jw_kdouble(w, "conversion_rate", s->conversion_rate);
	jw_karr_begin(w, "values");
	for (size_t i = 0; i < s->value_count; i++) {
		jw_obj_begin(w);
		jw_money_fields(w, s->values[i]->value_minor, s->values[i]->currency);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void render_stats_text(const rf_stats *s)
{
	char money[64];
	kv("clicks", "%" PRId64 " (%" PRId64 " unique, %" PRId64 " duplicate)", s->touchpoints,
	   s->unique_touchpoints, s->touchpoints - s->unique_touchpoints);
	kv("visitors", "%" PRId64, s->unique_visitors);
	kv("conversions", "%" PRId64 " (%" PRId64 " attributed, %.2f credited)", s->conversions,
	   s->attributed_conversions, s->credited_conversions);
	kv("conversion rate", "%.2f%%", s->conversion_rate * 100.0);
	if (s->value_count == 0)
		kv("value", "none");
	for (size_t i = 0; i < s->value_count; i++) {
		render_money(money, sizeof money, s->values[i]->value_minor, s->values[i]->currency);
		kv(i == 0 ? "attributed value" : "", "%s", money);
	}
}

void render_count(char *buf, size_t size, int64_t n)
{
	char digits[32];
	size_t len, out = 0;
	int neg = n < 0;
	snprintf(digits, sizeof digits, "%" PRId64, n);
	len = strlen(digits + neg);
	if (neg && out + 1 < size)
		buf[out++] = '-';
	for (size_t i = 0; i < len && out + 1 < size; i++) {
		if (i && (len - i) % 3 == 0 && out + 2 < size)
			buf[out++] = ',';
		buf[out++] = digits[neg + i];
	}
	buf[out] = '\0';
}
