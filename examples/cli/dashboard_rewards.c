/* The dashboard's reward liabilities: what the ledger holds per unit
 * (currency, points, coupons), summed over every holder; see dashboard.h. */
#include "dashboard.h"

#include "html.h"
#include "render.h"

#include <string.h>

/* One unit's totals. */
typedef struct unit_total {
	const char *unit;
	int32_t kind;
	int64_t holders, held, pending, approved, paid, owed;
} unit_total;

#define MAX_UNITS 16

static size_t sum_by_unit(const rf_balance_list *b, unit_total *t)
{
	size_t n = 0;
	for (size_t i = 0; b && i < b->count; i++) {
		const rf_balance *x = b->items[i];
		size_t k = 0;
		while (k < n && (strcmp(t[k].unit, x->unit) != 0 || t[k].kind != x->kind))
			k++;
		if (k == n) {
			if (n == MAX_UNITS)
				continue; /* more units than a page should list */
			memset(&t[n], 0, sizeof t[n]);
			t[n].unit = x->unit;
			t[n].kind = x->kind;
			n++;
		}
		t[k].holders++;
		t[k].held += x->held;
		t[k].pending += x->pending;
		t[k].approved += x->approved;
		t[k].paid += x->paid;
		t[k].owed += x->owed;
	}
	return n;
}

/* Cash and credit are money in their currency; points and coupons are counts. */
static void amount_cell(html *h, const unit_total *t, int64_t v)
{
	char buf[48];
	if (t->kind == RF_REWARD_CASH || t->kind == RF_REWARD_CREDIT)
		render_money(buf, sizeof buf, v, t->unit);
	else
		render_count(buf, sizeof buf, v);
	html_raw(h, "<td class=\"num\">");
	html_text(h, buf);
	html_raw(h, "</td>");
}

void dashboard_section_rewards(html *h, const dashboard_data *d)
{
	unit_total t[MAX_UNITS];
	size_t n = sum_by_unit(d->balances, t);
	html_raw(h, "<section id=\"rewards\" aria-labelledby=\"rewards-h\">\n"
		    "<h2 id=\"rewards-h\">Reward liabilities</h2>\n<table>\n"
		    "<caption>What the reward ledger holds now, per unit, over all holders "
		    "(advocates and referees)</caption>\n<thead><tr><th scope=\"col\">Unit</th>"
		    "<th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Holders</th>"
		    "<th scope=\"col\" class=\"num\">Held for review</th>"
		    "<th scope=\"col\" class=\"num\">Pending</th>"
		    "<th scope=\"col\" class=\"num\">Approved (payable)</th>"
		    "<th scope=\"col\" class=\"num\">Paid</th>"
		    "<th scope=\"col\" class=\"num\">Owed back</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const char *kind = rf_enum_name(RF_ENUM_REWARD_KIND, t[i].kind);
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, t[i].unit);
		html_raw(h, "</th><td>");
		html_text(h, kind ? kind : "?");
		html_rawf(h, "</td><td class=\"num\">%lld</td>", (long long)t[i].holders);
		amount_cell(h, &t[i], t[i].held);
		amount_cell(h, &t[i], t[i].pending);
		amount_cell(h, &t[i], t[i].approved);
		amount_cell(h, &t[i], t[i].paid);
		amount_cell(h, &t[i], t[i].owed);
		html_raw(h, "</tr>\n");
	}
	if (n == 0)
		html_raw(h, "<tr><td colspan=\"8\">No rewards yet.</td></tr>\n");
	html_raw(h, "</tbody>\n</table>\n<p class=\"note\">Pending rewards wait out the "
		    "program's holding period; held ones wait for a fraud review; owed is what "
		    "refunds clawed back after payment, recovered from the next payout.</p>\n"
		    "</section>\n");
}
