/* What a marketer wants to see after the demo: headline numbers, the top
 * advocates, the split by advocate kind, by channel and by week, and why one
 * conversion was credited as it was. Numbers come from the library. */
#include "demo.h"

#include "render.h"
#include "table.h"
#include "timeparse.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_N 10
#define KINDS 5 /* rf_advocate_kind values 1..4 */

typedef struct counts {
	int64_t touches, visitors, conversions, value_minor;
	double credited;
} counts;

typedef struct adv_row {
	size_t index;   /* into the world's advocates */
	counts n;
} adv_row;

typedef struct week_row {
	int64_t from_ms, to_ms; /* to 0: open-ended */
	counts n;
} week_row;

typedef struct report {
	const demo_world *w;
	double elapsed_s;
	rf_stats *total;
	adv_row *rows;      /* sorted by attributed value */
	counts kinds[KINDS];
	int64_t kind_advocates[KINDS];
	week_row *weeks;
	size_t week_count;
	rf_conversion *example;
	rf_explanation *why;
	const char *dashboard; /* path of the HTML dashboard */
} report;

static int64_t euro_value(const rf_stats *s)
{
	for (size_t i = 0; i < s->value_count; i++)
		if (strcmp(s->values[i]->currency, DEMO_CURRENCY) == 0)
			return s->values[i]->value_minor;
	return 0;
}

static counts counts_of(const rf_stats *s)
{
	counts n = { s->touchpoints, s->unique_visitors, s->attributed_conversions,
		     euro_value(s), s->credited_conversions };
	return n;
}

/* Stats for the program, one advocate (or NULL) and a period (0 = open). */
static int query(const cli *c, rf_store *store, const char *advocate, int64_t from, int64_t to,
		 rf_stats **out)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = DEMO_PROGRAM;
	q.advocate = advocate;
	q.from_ms = from;
	q.to_ms = to;
	if (rf_stats_get(out, store, &q) < 0)
		return cli_fail(c);
	return CLI_EXIT_OK;
}

static int by_value(const void *pa, const void *pb)
{
	const adv_row *a = pa, *b = pb;
	if (a->n.value_minor != b->n.value_minor)
		return a->n.value_minor > b->n.value_minor ? -1 : 1;
	if (a->n.touches != b->n.touches)
		return a->n.touches > b->n.touches ? -1 : 1;
	return a->index < b->index ? -1 : 1;
}

static int collect_advocates(const cli *c, rf_store *store, report *r)
{
	const demo_world *w = r->w;
	r->rows = xcalloc(w->advocate_count, sizeof *r->rows);
	for (size_t i = 0; i < w->advocate_count; i++) {
		const demo_advocate *a = &w->advocates[i];
		rf_stats *s = NULL;
		int rc = query(c, store, a->id, 0, 0, &s);
		if (rc != CLI_EXIT_OK)
			return rc;
		r->rows[i].index = i;
		r->rows[i].n = counts_of(s);
		r->kinds[a->kind].touches += s->touchpoints;
		r->kinds[a->kind].conversions += s->attributed_conversions;
		r->kinds[a->kind].credited += s->credited_conversions;
		r->kinds[a->kind].value_minor += r->rows[i].n.value_minor;
		r->kind_advocates[a->kind]++;
		rf_stats_free(s);
		demo_progress("reading statistics", i, w->advocate_count);
	}
	demo_progress("reading statistics", w->advocate_count, w->advocate_count);
	qsort(r->rows, w->advocate_count, sizeof *r->rows, by_value);
	return CLI_EXIT_OK;
}

/* One row per campaign week, then one for late conversions. */
static int collect_weeks(const cli *c, rf_store *store, report *r)
{
	int64_t weeks = (r->w->cfg.days + 6) / 7;
	r->week_count = (size_t)weeks + 1;
	r->weeks = xcalloc(r->week_count, sizeof *r->weeks);
	for (size_t i = 0; i < r->week_count; i++) {
		week_row *row = &r->weeks[i];
		rf_stats *s = NULL;
		int rc;
		row->from_ms = r->w->start_ms + (int64_t)i * 7 * RF_DAY_MS;
		row->to_ms = i + 1 < r->week_count ? row->from_ms + 7 * RF_DAY_MS : 0;
		if ((rc = query(c, store, NULL, row->from_ms, row->to_ms, &s)) != CLI_EXIT_OK)
			return rc;
		row->n = counts_of(s);
		rf_stats_free(s);
	}
	return CLI_EXIT_OK;
}

static int collect_example(const cli *c, rf_store *store, report *r)
{
	char order[24];
	if (!r->w->example_order)
		return CLI_EXIT_OK;
	demo_order_id(order, r->w->example_order);
	if (rf_conversion_get(&r->example, store, DEMO_PROGRAM, order) < 0 ||
	    rf_explanation_get(&r->why, store, DEMO_PROGRAM, order) < 0)
		return cli_fail(c);
	return CLI_EXIT_OK;
}

static void report_free(report *r)
{
	rf_stats_free(r->total);
	rf_conversion_free(r->example);
	rf_explanation_free(r->why);
	free(r->rows);
	free(r->weeks);
}

/* ---- text ---------------------------------------------------------------- */

static double pct(double part, double whole)
{
	return whole > 0 ? 100.0 * part / whole : 0.0;
}

/* Table cells of a count ("48,123") and of euros ("1,049.90 EUR"). */
static void cell_count(table *t, int64_t n)
{
	char count[32];
	render_count(count, sizeof count, n);
	table_cell(t, "%s", count);
}

static void cell_euros(table *t, int64_t minor)
{
	char money[64];
	render_money(money, sizeof money, minor, DEMO_CURRENCY);
	table_cell(t, "%s", money);
}

static void print_headline(const report *r)
{
	const rf_stats *s = r->total;
	const demo_world *w = r->w;
	char a[32], b[32], c[32], money[64];

	printf("libreferral demo: program '%s', seed %" PRIu64 ", %zu advocates, %" PRId64
	       " visitors over %" PRId64 " days\n\n",
	       DEMO_PROGRAM, w->cfg.seed, w->advocate_count, w->cfg.visitors, w->cfg.days);
	printf("HEADLINE\n");
	render_count(a, sizeof a, s->touchpoints);
	render_count(b, sizeof b, s->unique_touchpoints);
	render_count(c, sizeof c, s->touchpoints - s->unique_touchpoints);
	kv("  clicks", "%s (%s unique, %s repeats within the hour)", a, b, c);
	render_count(a, sizeof a, s->unique_visitors);
	kv("  unique visitors", "%s", a);
	render_count(a, sizeof a, s->conversions);
	render_count(b, sizeof b, s->attributed_conversions);
	render_count(c, sizeof c, s->conversions - s->attributed_conversions);
	kv("  conversions", "%s (%s referred, %s unattributed)", a, b, c);
	kv("  conversion rate", "%.2f%% of referred visitors bought", s->conversion_rate * 100.0);
	render_money(money, sizeof money, euro_value(s), DEMO_CURRENCY);
	kv("  referred revenue", "%s", money);
	if (s->attributed_conversions) {
		render_money(money, sizeof money, euro_value(s) / s->attributed_conversions,
			     DEMO_CURRENCY);
		kv("  average order", "%s", money);
	}
	kv("  codes issued", "%zu across %zu advocates", w->code_count, w->advocate_count);
}

static void print_top(const report *r)
{
	static const char *const head[] = { "#", "ADVOCATE", "NAME", "KIND", "CLICKS",
					    "VISITORS", "ORDERS", "RATE", "REVENUE" };
	size_t n = r->w->advocate_count < TOP_N ? r->w->advocate_count : TOP_N;
	counts top = { 0 };
	table *t = table_new(9, head);

	for (size_t col = 4; col < 9; col++)
		table_align_right(t, col);
	for (size_t i = 0; i < n; i++) {
		const adv_row *row = &r->rows[i];
		const demo_advocate *a = &r->w->advocates[row->index];
		table_row(t);
		table_cell(t, "%zu", i + 1);
		table_cell(t, "%s", a->id);
		table_cell(t, "%s", a->name);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_ADVOCATE_KIND, a->kind));
		cell_count(t, row->n.touches);
		cell_count(t, row->n.visitors);
		cell_count(t, row->n.conversions);
		table_cell(t, "%.1f%%", pct((double)row->n.conversions, (double)row->n.visitors));
		cell_euros(t, row->n.value_minor);
		top.touches += row->n.touches;
		top.value_minor += row->n.value_minor;
	}
	printf("\nTOP %zu ADVOCATES BY REFERRED REVENUE\n", n);
	table_print_free(t);
	printf("The top %zu (%.0f%% of advocates) drove %.0f%% of clicks and %.0f%% of revenue.\n", n,
	       pct((double)n, (double)r->w->advocate_count),
	       pct((double)top.touches, (double)r->total->touchpoints),
	       pct((double)top.value_minor, (double)euro_value(r->total)));
}

static void print_kinds(const report *r)
{
	static const char *const head[] = { "KIND", "ADVOCATES", "CLICKS", "ORDERS", "REVENUE",
					    "SHARE" };
	table *t = table_new(6, head);
	for (size_t col = 1; col < 6; col++)
		table_align_right(t, col);
	for (int k = 1; k < KINDS; k++) {
		const counts *n = &r->kinds[k];
		table_row(t);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_ADVOCATE_KIND, k));
		table_cell(t, "%" PRId64, r->kind_advocates[k]);
		cell_count(t, n->touches);
		cell_count(t, (int64_t)(n->credited + 0.5));
		cell_euros(t, n->value_minor);
		table_cell(t, "%.1f%%", pct((double)n->value_minor, (double)euro_value(r->total)));
	}
	printf("\nBY ADVOCATE KIND\n");
	table_print_free(t);
}

static void print_channels(const report *r)
{
	static const char *const head[] = { "CHANNEL", "CODES", "CLICKS", "ORDERS", "ORDERS/1K CLICKS",
					    "REVENUE" };
	table *t = table_new(6, head);
	for (size_t col = 1; col < 6; col++)
		table_align_right(t, col);
	for (int ch = 0; ch < DEMO_CHANNELS; ch++) {
		const demo_channel_tally *n = &r->w->channels[ch];
		if (!n->codes)
			continue;
		table_row(t);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_CHANNEL, ch));
		table_cell(t, "%" PRId64, n->codes);
		cell_count(t, n->touches);
		cell_count(t, (int64_t)(n->credited + 0.5));
		table_cell(t, "%.1f", n->touches ? 1000.0 * n->credited / (double)n->touches : 0.0);
		cell_euros(t, n->value_minor);
	}
	printf("\nBY CHANNEL\n");
	table_print_free(t);
}

static void print_weeks(const report *r)
{
	static const char *const head[] = { "WEEK", "FROM", "CLICKS", "VISITORS", "ORDERS",
					    "REVENUE" };
	table *t = table_new(6, head);
	char from[TIME_BUFSIZE];
	for (size_t col = 2; col < 6; col++)
		table_align_right(t, col);
	for (size_t i = 0; i < r->week_count; i++) {
		const week_row *row = &r->weeks[i];
		table_row(t);
		if (row->to_ms)
			table_cell(t, "%zu", i + 1);
		else
			table_cell(t, "later");
		time_format(from, row->from_ms);
		from[10] = '\0';
		table_cell(t, "%s", from);
		cell_count(t, row->n.touches);
		cell_count(t, row->n.visitors);
		cell_count(t, row->n.conversions);
		cell_euros(t, row->n.value_minor);
	}
	printf("\nWEEK BY WEEK (launch burst, reminder mailing in week 4)\n");
	table_print_free(t);
}

static void print_example(const report *r)
{
	if (!r->example)
		return;
	printf("\nWHY ORDER %s WAS CREDITED AS IT WAS (its visitor met %d advocates)\n",
	       r->example->order_id, r->w->example_touched);
	render_conversion_text(r->example);
	printf("\n");
	render_explanation_text(r->why, r->example->currency);
}

static void print_text(const cli *c, const report *r)
{
	print_headline(r);
	print_top(r);
	print_kinds(r);
	print_channels(r);
	print_weeks(r);
	print_example(r);
	printf("\nDashboard: %s\n", r->dashboard);
	printf("\nDone in %.1f s. Explore: referral --db %s stats %s --advocate %s\n", r->elapsed_s,
	       c->db_path, DEMO_PROGRAM, r->w->advocate_count ? r->w->advocates[r->rows[0].index].id : "");
}

/* ---- JSON -------------------------------------------------------------------- */

static void json_counts(jw *w, const counts *n)
{
	jw_kint(w, "touchpoints", n->touches);
	jw_kint(w, "conversions", n->conversions);
	jw_kdouble(w, "credited_conversions", n->credited);
	jw_money_fields(w, n->value_minor, DEMO_CURRENCY);
}

static void json_top(jw *w, const report *r)
{
	size_t n = r->w->advocate_count < TOP_N ? r->w->advocate_count : TOP_N;
	jw_karr_begin(w, "top_advocates");
	for (size_t i = 0; i < n; i++) {
		const adv_row *row = &r->rows[i];
		const demo_advocate *a = &r->w->advocates[row->index];
		jw_obj_begin(w);
		jw_kint(w, "rank", (int64_t)i + 1);
		jw_kstr(w, "external_id", a->id);
		jw_kstr(w, "name", a->name);
		jw_kstr(w, "kind", cli_enum_name(RF_ENUM_ADVOCATE_KIND, a->kind));
		jw_kint(w, "unique_visitors", row->n.visitors);
		json_counts(w, &row->n);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void json_kinds(jw *w, const report *r)
{
	jw_karr_begin(w, "by_kind");
	for (int k = 1; k < KINDS; k++) {
		jw_obj_begin(w);
		jw_kstr(w, "kind", cli_enum_name(RF_ENUM_ADVOCATE_KIND, k));
		jw_kint(w, "advocates", r->kind_advocates[k]);
		json_counts(w, &r->kinds[k]);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void json_channels(jw *w, const report *r)
{
	jw_karr_begin(w, "by_channel");
	for (int ch = 0; ch < DEMO_CHANNELS; ch++) {
		const demo_channel_tally *n = &r->w->channels[ch];
		if (!n->codes)
			continue;
		jw_obj_begin(w);
		jw_kstr(w, "channel", cli_enum_name(RF_ENUM_CHANNEL, ch));
		jw_kint(w, "codes", n->codes);
		jw_kint(w, "touchpoints", n->touches);
		jw_kdouble(w, "credited_conversions", n->credited);
		jw_money_fields(w, n->value_minor, DEMO_CURRENCY);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void json_weeks(jw *w, const report *r)
{
	jw_karr_begin(w, "weekly");
	for (size_t i = 0; i < r->week_count; i++) {
		const week_row *row = &r->weeks[i];
		jw_obj_begin(w);
		jw_kint(w, "week", row->to_ms ? (int64_t)i + 1 : 0);
		jw_ktime(w, "from", row->from_ms, 0);
		jw_ktime(w, "to", row->to_ms, 1);
		jw_kint(w, "unique_visitors", row->n.visitors);
		json_counts(w, &row->n);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void print_json(const cli *c, const report *r)
{
	const demo_world *dw = r->w;
	jw w;
	jw_doc_begin(&w);
	jw_kstr(&w, "db", c->db_path);
	jw_kstr(&w, "program", DEMO_PROGRAM);
	jw_kstr(&w, "dashboard", r->dashboard);
	jw_kint(&w, "seed", (int64_t)dw->cfg.seed);
	jw_kint(&w, "advocates", (int64_t)dw->advocate_count);
	jw_kint(&w, "codes", (int64_t)dw->code_count);
	jw_kint(&w, "visitors", dw->cfg.visitors);
	jw_kint(&w, "days", dw->cfg.days);
	jw_kint(&w, "elapsed_ms", (int64_t)(r->elapsed_s * 1000.0));
	jw_key(&w, "totals");
	jw_obj_begin(&w);
	render_stats_fields_json(&w, r->total);
	jw_obj_end(&w);
	json_top(&w, r);
	json_kinds(&w, r);
	json_channels(&w, r);
	json_weeks(&w, r);
	jw_key(&w, "example");
	if (r->example) {
		jw_obj_begin(&w);
		jw_key(&w, "conversion");
		render_conversion_json(&w, r->example);
		jw_key(&w, "explanation");
		render_explanation_json(&w, r->why, r->example->currency);
		jw_obj_end(&w);
	} else {
		jw_null(&w);
	}
	jw_doc_end(&w);
}

int demo_report(const cli *c, rf_store *store, const demo_world *w, double started_s,
		const char *dashboard)
{
	report r;
	int rc;
	memset(&r, 0, sizeof r);
	r.w = w;
	r.dashboard = dashboard;
	rc = query(c, store, NULL, 0, 0, &r.total);
	if (rc == CLI_EXIT_OK)
		rc = collect_advocates(c, store, &r);
	if (rc == CLI_EXIT_OK)
		rc = collect_weeks(c, store, &r);
	if (rc == CLI_EXIT_OK)
		rc = collect_example(c, store, &r);
	r.elapsed_s = demo_seconds() - started_s;
	if (rc == CLI_EXIT_OK && c->json)
		print_json(c, &r);
	else if (rc == CLI_EXIT_OK && !c->quiet)
		print_text(c, &r);
	else if (rc == CLI_EXIT_OK)
		printf("%s\n", dashboard);
	report_free(&r);
	return rc;
}
