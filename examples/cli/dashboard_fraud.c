/* The dashboard's fraud holds: conversions waiting in the review queue,
 * oldest first, with why they were held; see dashboard.h. */
#include "dashboard.h"

#include "html.h"
#include "timeparse.h"

/* Read the whole queue: its length for the headline, the oldest for the table. */
int dashboard_collect_fraud(dashboard_data *d, rf_store *store)
{
	int64_t cursor = 0;
	d->held_count = 0;
	do {
		rf_fraud_checks *page = NULL;
		int rc = rf_fraud_queue(&page, store, d->q.program, cursor, 1000);
		if (rc < 0)
			return rc;
		d->held_count += page->count;
		cursor = page->next_cursor;
		if (d->held == NULL)
			d->held = page; /* the oldest page, kept for the table */
		else
			rf_fraud_checks_free(page);
	} while (cursor != 0);
	return RF_OK;
}

void dashboard_section_fraud(html *h, const dashboard_data *d)
{
	size_t shown = d->held ? d->held->count : 0;
	if (shown > DASHBOARD_TOP)
		shown = DASHBOARD_TOP;
	html_raw(h, "<section id=\"fraud\" aria-labelledby=\"fraud-h\">\n"
		    "<h2 id=\"fraud-h\">Fraud holds</h2>\n");
	html_rawf(h, "<p>%zu conversion%s held for review; their rewards wait with them.</p>\n",
		  d->held_count, d->held_count == 1 ? "" : "s");
	html_raw(h, "<table>\n<caption>The oldest held conversions</caption>\n<thead><tr>"
		    "<th scope=\"col\">Order</th><th scope=\"col\">Advocate</th>"
		    "<th scope=\"col\">Time (UTC)</th><th scope=\"col\" class=\"num\">Risk</th>"
		    "<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < shown; i++) {
		const rf_fraud_check *x = d->held->items[i];
		char at[TIME_BUFSIZE];
		time_format(at, x->at_ms);
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, x->order_id);
		html_raw(h, "</th><td>");
		html_text(h, x->advocate);
		html_raw(h, "</td><td>");
		html_text(h, at);
		html_rawf(h, "</td><td class=\"num\">%d</td><td>", (int)x->risk);
		html_text(h, x->summary);
		html_raw(h, "</td></tr>\n");
	}
	if (shown == 0)
		html_raw(h, "<tr><td colspan=\"5\">Nothing is waiting for review.</td></tr>\n");
	html_raw(h, "</tbody>\n</table>\n<p class=\"note\">Review with <code>referral review "
		    "list|approve|reject</code>; every decision is recorded with its reason.</p>\n"
		    "</section>\n");
}
