/* The dashboard page: headline numbers, time series, funnel, channel and
 * advocate-kind splits, top advocates. Every string from the database goes
 * through html_text(); see dashboard.h. */
#include "dashboard.h"

#include "html.h"
#include "html_chart.h"
#include "money.h"
#include "render.h"
#include "timeparse.h"
#include "util.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_SIZE 16

static const char *period_word(int32_t period)
{
	return period == RF_PERIOD_MONTH ? "month" : period == RF_PERIOD_WEEK ? "week" : "day";
}

static double major_units(int64_t minor, const char *currency)
{
	return (double)minor / pow(10, money_exponent(currency));
}

static void kpi(html *h, const char *label, const char *value)
{
	html_raw(h, "<div class=\"kpi\"><dt>");
	html_text(h, label);
	html_raw(h, "</dt><dd>");
	html_text(h, value);
	html_raw(h, "</dd></div>\n");
}

static void kpi_count(html *h, const char *label, int64_t n)
{
	char buf[32];
	render_count(buf, sizeof buf, n);
	kpi(h, label, buf);
}

static void section_headline(html *h, const dashboard_data *d)
{
	const rf_stats *s = d->stats;
	char buf[64];
	html_raw(h, "<section id=\"headline\" aria-labelledby=\"headline-h\">\n"
		    "<h2 id=\"headline-h\">Headline numbers</h2>\n<dl class=\"kpis\">\n");
	kpi_count(h, "Clicks (all touchpoints)", s->touchpoints);
	kpi_count(h, "Unique visitors", s->unique_visitors);
	kpi_count(h, "Conversions", s->conversions);
	kpi_count(h, "Attributed conversions", s->attributed_conversions);
	snprintf(buf, sizeof buf, "%.2f %%", 100.0 * s->conversion_rate);
	kpi(h, "Conversion rate", buf);
	for (size_t i = 0; i < s->value_count; i++) {
		render_money(buf, sizeof buf, s->values[i]->value_minor, s->values[i]->currency);
		kpi(h, "Attributed value", buf);
	}
	if (s->value_count == 0)
		kpi(h, "Attributed value", "none yet");
	const rf_report_summary *sm = d->summary;
	kpi_count(h, "New customers", sm->new_customers);
	kpi_count(h, "Returning customers", sm->returning_customers);
	kpi_count(h, "Active advocates", sm->active_advocates);
	snprintf(buf, sizeof buf, "%.2f", sm->k_factor);
	kpi(h, "K-factor", buf);
	for (size_t i = 0; i < sm->currency_count; i++) {
		const rf_report_currency *m = sm->currencies[i];
		render_money(buf, sizeof buf, m->reward_cost_minor, m->currency);
		kpi(h, "Reward cost", buf);
		if (m->reward_cost_minor > 0)
			snprintf(buf, sizeof buf, "%.1f x (%s)", m->return_on_spend, m->currency);
		else
			snprintf(buf, sizeof buf, "no cost yet (%s)", m->currency);
		kpi(h, "Return on reward spend", buf);
	}
	html_raw(h, "</dl>\n<p class=\"note\">Conversion rate: attributed conversions / unique "
		    "visitors. Value: credited value net of refunds, per currency. Returning: "
		    "the person converted before. K-factor: invites per inviting advocate x "
		    "referred conversions per invite. Reward cost: cash and credit granted for "
		    "the period's conversions, less clawbacks; return: value / cost.</p>\n"
		    "</section>\n");
}

/* One line chart over the buckets. */
static void series_chart(html *h, const dashboard_data *d, const char *const *ticks,
			 chart_line_spec *spec)
{
	spec->x_label = d->q.period == RF_PERIOD_MONTH  ? "Month (UTC)"
			 : d->q.period == RF_PERIOD_WEEK ? "Week starting Monday (UTC)"
							    : "Day (UTC)";
	spec->n = d->series->count;
	spec->x_ticks = ticks;
	html_raw(h, "<figure>\n");
	chart_line(h, spec);
	html_raw(h, "</figure>\n");
}

static void series_value_charts(html *h, const dashboard_data *d, const char *const *ticks,
				double *y)
{
	const rf_report_series *s = d->series;
	const rf_stats *st = d->stats;
	char title[96], unit[48], desc[160], id[24];

	for (size_t c = 0; c < st->value_count && c < DASHBOARD_MAX_CURRENCIES; c++) {
		const char *cur = st->values[c]->currency;
		chart_line_spec spec = { 0 };
		for (size_t i = 0; i < s->count; i++) {
			const rf_report_bucket *b = s->buckets[i];
			int64_t v = 0;
			for (size_t k = 0; k < b->value_count; k++)
				if (strcmp(b->values[k]->currency, cur) == 0)
					v = b->values[k]->value_minor;
			y[i] = major_units(v, cur);
		}
		snprintf(id, sizeof id, "chart-value-%zu", c);
		snprintf(title, sizeof title, "Attributed value per %s (%.3s)",
			 period_word(d->q.period), cur);
		snprintf(unit, sizeof unit, "Value (%.3s)", cur);
		snprintf(desc, sizeof desc, "Credited value net of refunds in %.3s, per %s.", cur,
			 period_word(d->q.period));
		spec.id = id;
		spec.title = title;
		spec.desc = desc;
		spec.y_label = unit;
		spec.series_count = 1;
		spec.series[0].name = cur;
		spec.series[0].y = y;
		series_chart(h, d, ticks, &spec);
	}
}

static void section_series(html *h, const dashboard_data *d)
{
	const rf_report_series *s = d->series;
	size_t n = s->count ? s->count : 1;
	char (*labels)[LABEL_SIZE] = xcalloc(n, sizeof *labels);
	const char **ticks = xcalloc(n, sizeof *ticks);
	double *y = xcalloc(4 * n, sizeof *y);
	char title[96], desc[200];
	const char *per = period_word(d->q.period);
	chart_line_spec spec = { 0 };

	for (size_t i = 0; i < s->count; i++) {
		const rf_report_bucket *b = s->buckets[i];
		char iso[TIME_BUFSIZE];
		time_format(iso, b->start_ms);
		snprintf(labels[i], LABEL_SIZE, "%.*s", d->q.period == RF_PERIOD_MONTH ? 7 : 10, iso);
		ticks[i] = labels[i];
		y[i] = (double)b->touchpoints;
		y[n + i] = (double)b->unique_visitors;
		y[2 * n + i] = (double)b->conversions;
		y[3 * n + i] = (double)b->attributed_conversions;
	}
	html_raw(h, "<section id=\"time-series\" aria-labelledby=\"time-series-h\">\n"
		    "<h2 id=\"time-series-h\">Over time</h2>\n<div class=\"charts\">\n");
	snprintf(title, sizeof title, "Clicks and unique visitors per %s", per);
	snprintf(desc, sizeof desc, "Touchpoints (solid) and distinct visitors (dashed) per %s, "
		 "%zu %ss.", per, s->count, per);
	spec.id = "chart-clicks";
	spec.title = title;
	spec.desc = desc;
	spec.y_label = "Count";
	spec.series_count = 2;
	spec.series[0].name = "Clicks";
	spec.series[0].y = y;
	spec.series[1].name = "Unique visitors";
	spec.series[1].y = y + n;
	series_chart(h, d, ticks, &spec);
	snprintf(title, sizeof title, "Conversions per %s", per);
	snprintf(desc, sizeof desc, "All conversions (solid) and those crediting an advocate "
		 "(dashed) per %s.", per);
	spec.id = "chart-conversions";
	spec.y_label = "Conversions";
	spec.series[0].name = "All conversions";
	spec.series[0].y = y + 2 * n;
	spec.series[1].name = "Attributed";
	spec.series[1].y = y + 3 * n;
	series_chart(h, d, ticks, &spec);
	series_value_charts(h, d, ticks, y);
	html_raw(h, "</div>\n");
	if (d->stats->value_count > DASHBOARD_MAX_CURRENCIES)
		html_rawf(h, "<p class=\"note\">Values in %zu more currencies are in the headline "
			     "numbers, not charted.</p>\n",
			  d->stats->value_count - DASHBOARD_MAX_CURRENCIES);
	html_raw(h, "</section>\n");
	free(y);
	free(ticks);
	free(labels);
}

static void section_funnel(html *h, const dashboard_data *d)
{
	const rf_report_funnel *f = d->funnel;
	const char *labels[] = { "Visitors", "Signed up", "Purchased", "Purchased (any)" };
	double values[] = { (double)f->visitors, (double)f->signed_up, (double)f->purchased,
			    (double)f->purchased_any };
	char text[4][48];
	const char *texts[4];
	chart_bar_spec spec = { "chart-funnel", "Funnel: click, signup, purchase (visitors)",
				"Distinct visitors who clicked, of those who signed up, of "
				"those who purchased; and visitors who purchased at all.",
				"Visitors", 4, labels, values, texts };
	for (size_t i = 0; i < 4; i++) {
		char count[32];
		render_count(count, sizeof count, (int64_t)values[i]);
		if (i == 0)
			snprintf(text[i], sizeof text[i], "%s", count);
		else
			snprintf(text[i], sizeof text[i], "%s (%.1f %%)", count,
				 f->visitors ? 100.0 * values[i] / (double)f->visitors : 0.0);
		texts[i] = text[i];
	}
	html_raw(h, "<section id=\"funnel\" aria-labelledby=\"funnel-h\">\n"
		    "<h2 id=\"funnel-h\">Funnel</h2>\n<figure>\n");
	chart_bars(h, &spec);
	html_rawf(h, "</figure>\n<p class=\"note\">Signup rate %.1f %% of visitors; purchase "
		     "rate %.1f %% of those who signed up. Percentages on the bars are of all "
		     "visitors.</p>\n</section>\n", 100.0 * f->signup_rate, 100.0 * f->purchase_rate);
}

static void values_cell(html *h, size_t count, rf_money *const *values)
{
	char buf[64];
	html_raw(h, "<td class=\"num\">");
	for (size_t i = 0; i < count; i++) {
		render_money(buf, sizeof buf, values[i]->value_minor, values[i]->currency);
		if (i)
			html_raw(h, "<br>");
		html_text(h, buf);
	}
	if (count == 0)
		html_raw(h, "0");
	html_raw(h, "</td>");
}

static void count_cell(html *h, int64_t n)
{
	char buf[32];
	render_count(buf, sizeof buf, n);
	html_rawf(h, "<td class=\"num\">%s</td>", buf);
}

static void row_cells(html *h, const rf_report_split_row *r)
{
	count_cell(h, r->touchpoints);
	count_cell(h, r->unique_visitors);
	count_cell(h, r->attributed_conversions);
	html_rawf(h, "<td class=\"num\">%.1f</td>", r->credited_conversions);
	values_cell(h, r->value_count, r->values);
}

static const char split_head[] =
	"<th scope=\"col\" class=\"num\">Clicks</th><th scope=\"col\" class=\"num\">Unique "
	"visitors</th><th scope=\"col\" class=\"num\">Conversions credited</th><th "
	"scope=\"col\" class=\"num\">Credit (sum of weights)</th><th scope=\"col\" "
	"class=\"num\">Value</th>";

/* A split: a bar chart of credited conversions and a table of every group. */
static void section_split(html *h, const rf_report_split *s, const char *id, const char *heading,
			  const char *what)
{
	const char **labels = xcalloc(s->count + 1, sizeof *labels);
	const char **texts = xcalloc(s->count + 1, sizeof *texts);
	double *values = xcalloc(s->count + 1, sizeof *values);
	char (*text)[32] = xcalloc(s->count + 1, sizeof *text);
	char title[96], cid[48];
	chart_bar_spec spec = { 0 };

	for (size_t i = 0; i < s->count; i++) {
		labels[i] = s->rows[i]->name ? s->rows[i]->name : s->rows[i]->key;
		values[i] = s->rows[i]->credited_conversions;
		snprintf(text[i], sizeof text[i], "%.1f", values[i]);
		texts[i] = text[i];
	}
	snprintf(title, sizeof title, "Credited conversions by %s", what);
	snprintf(cid, sizeof cid, "chart-%s", id);
	spec.id = cid;
	spec.title = title;
	spec.desc = "Sum of credit weights of the conversions credited to each group.";
	spec.x_label = "Credited conversions";
	spec.n = s->count;
	spec.labels = labels;
	spec.values = values;
	spec.value_text = texts;
	html_rawf(h, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">%s</h2>\n"
		     "<div class=\"charts\"><figure>\n", id, id, id, heading);
	chart_bars(h, &spec);
	html_rawf(h, "</figure>\n<table>\n<caption>By %s</caption>\n<thead><tr><th "
		     "scope=\"col\">%s</th>%s</tr></thead>\n<tbody>\n", what, what, split_head);
	for (size_t i = 0; i < s->count; i++) {
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, labels[i]);
		html_raw(h, "</th>");
		row_cells(h, s->rows[i]);
		html_raw(h, "</tr>\n");
	}
	if (s->count == 0)
		html_raw(h, "<tr><td colspan=\"6\">No activity in this period.</td></tr>\n");
	html_raw(h, "</tbody>\n</table>\n</div>\n</section>\n");
	free(text);
	free(values);
	free(texts);
	free(labels);
}

static void section_top(html *h, const dashboard_data *d)
{
	html_raw(h, "<section id=\"top-advocates\" aria-labelledby=\"top-advocates-h\">\n"
		    "<h2 id=\"top-advocates-h\">Top advocates</h2>\n<table>\n<caption>");
	html_rawf(h, "The %d advocates with the most attributed value", DASHBOARD_TOP);
	if (d->currency) {
		html_raw(h, " (");
		html_text(h, d->currency);
		html_raw(h, ")");
	}
	html_rawf(h, "</caption>\n<thead><tr><th scope=\"col\" class=\"num\">Rank</th><th "
		     "scope=\"col\">Advocate</th>%s</tr></thead>\n<tbody>\n", split_head);
	for (size_t i = 0; i < d->top_count; i++) {
		const rf_report_split_row *r = d->top[i];
		html_rawf(h, "<tr><td class=\"num\">%zu</td><th scope=\"row\">", i + 1);
		html_text(h, r->name ? r->name : r->key);
		html_raw(h, " <span class=\"id\">");
		html_text(h, r->key);
		html_raw(h, "</span></th>");
		row_cells(h, r);
		html_raw(h, "</tr>\n");
	}
	if (d->top_count == 0)
		html_raw(h, "<tr><td colspan=\"7\">No advocate activity in this period.</td></tr>\n");
	html_raw(h, "</tbody>\n</table>\n</section>\n");
}

static void page_header(html *h, const dashboard_data *d)
{
	char from[TIME_BUFSIZE], to[TIME_BUFSIZE];
	time_format(from, d->q.from_ms);
	time_format(to, d->q.to_ms);
	html_raw(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>Referral dashboard: ");
	html_text(h, d->program->name);
	html_raw(h, "</title>\n<style>\n");
	html_raw(h, dashboard_css);
	html_raw(h, "</style>\n</head>\n<body>\n<header>\n<h1>");
	html_text(h, d->program->name);
	html_raw(h, "</h1>\n<p class=\"meta\">Program <code>");
	html_text(h, d->program->key);
	html_raw(h, "</code> &middot; period ");
	html_text(h, d->q.from_ms ? from : "start");
	html_raw(h, " to ");
	html_text(h, d->q.to_ms ? to : "now");
	html_rawf(h, " &middot; per %s (UTC)</p>\n</header>\n<main>\n", period_word(d->q.period));
}

int dashboard_page(FILE *f, const dashboard_data *d)
{
	html h;
	html_init(&h, f);
	page_header(&h, d);
	section_headline(&h, d);
	section_series(&h, d);
	section_funnel(&h, d);
	section_split(&h, d->channels, "channels", "Channels", "channel");
	section_split(&h, d->kinds, "advocate-kinds", "Advocate kinds", "advocate kind");
	section_top(&h, d);
	dashboard_section_scores(&h, d);
	dashboard_section_content(&h, d);
	dashboard_section_rewards(&h, d);
	dashboard_section_fraud(&h, d);
	html_raw(&h, "</main>\n<footer>Written by the referral CLI " RF_VERSION_STRING
		     " (libreferral). Numbers: attributed value is net of refunds; times are "
		     "UTC.</footer>\n</body>\n</html>\n");
	return html_ok(&h) ? 0 : -1;
}
