/* The dashboard's top content: the items of the content library whose
 * codes brought the most attributed value in the period; see dashboard.h. */
#include "dashboard.h"

#include "html.h"
#include "render.h"

int dashboard_collect_content(dashboard_data *d, rf_store *store)
{
	/* Value ranks items in the currency the page ranks advocates in. */
	return rf_content_performance(&d->content, store, d->q.program, d->q.from_ms, d->q.to_ms,
				      d->currency, DASHBOARD_TOP);
}

static void count_cell(html *h, int64_t n)
{
	char buf[32];
	render_count(buf, sizeof buf, n);
	html_rawf(h, "<td class=\"num\">%s</td>", buf);
}

void dashboard_section_content(html *h, const dashboard_data *d)
{
	const rf_content_stats *c = d->content;
	size_t n = c ? c->count : 0;
	html_raw(h, "<section id=\"top-content\" aria-labelledby=\"top-content-h\">\n"
		    "<h2 id=\"top-content-h\">Top content</h2>\n<table>\n<caption>");
	html_rawf(h, "The %d items of the content library whose codes brought the most "
		     "attributed value", DASHBOARD_TOP);
	if (c && *c->currency) {
		html_raw(h, " (");
		html_text(h, c->currency);
		html_raw(h, ")");
	}
	html_raw(h, "</caption>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Kind</th>"
		    "<th scope=\"col\" class=\"num\">Codes</th><th scope=\"col\" class=\"num\">Clicks</th>"
		    "<th scope=\"col\" class=\"num\">Visitors</th>"
		    "<th scope=\"col\" class=\"num\">Conversions</th>"
		    "<th scope=\"col\" class=\"num\">Value</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const rf_content_stat *s = c->items[i];
		const char *kind = rf_enum_name(RF_ENUM_CONTENT_KIND, s->kind);
		char value[48];
		render_money(value, sizeof value, s->value_minor, c->currency);
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, s->title);
		html_raw(h, " <span class=\"id\">");
		html_text(h, s->key);
		html_raw(h, "</span></th><td>");
		html_text(h, kind ? kind : "?");
		html_raw(h, "</td>");
		count_cell(h, s->codes);
		count_cell(h, s->clicks);
		count_cell(h, s->unique_visitors);
		count_cell(h, s->conversions);
		html_raw(h, "<td class=\"num\">");
		html_text(h, *c->currency ? value : "0");
		html_raw(h, "</td></tr>\n");
	}
	if (n == 0)
		html_raw(h, "<tr><td colspan=\"7\">No content item in the library yet.</td></tr>\n");
	html_raw(h, "</tbody>\n</table>\n<p class=\"note\">Add items with <code>referral content "
		    "add</code> and bind codes to them with <code>referral code issue "
		    "--content KEY</code>.</p>\n</section>\n");
}
