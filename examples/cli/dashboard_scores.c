/* The dashboard's leaderboard: advocates ranked by their explainable
 * score, with tier and badges; see dashboard.h. */
#include "dashboard.h"

#include "html.h"

#include <stdio.h>

int dashboard_collect_scores(dashboard_data *d, rf_store *store)
{
	rf_leaderboard_query q = RF_LEADERBOARD_QUERY_INIT;
	q.program = d->q.program;
	q.top = DASHBOARD_TOP;
	int rc = rf_leaderboard_get(&d->board, store, &q);
	for (size_t i = 0; rc >= 0 && i < d->board->count; i++)
		rc = rf_score_get(&d->scores[i], store, d->q.program, d->board->entries[i]->advocate, 0);
	return rc;
}

static void badges_cell(html *h, const rf_score *s)
{
	html_raw(h, "<td>");
	for (size_t i = 0; s && i < s->badge_count; i++) {
		const char *name = rf_enum_name(RF_ENUM_BADGE, s->badges[i]->kind);
		if (i)
			html_raw(h, ", ");
		html_text(h, name ? name : "?");
	}
	html_raw(h, "</td>");
}

void dashboard_section_scores(html *h, const dashboard_data *d)
{
	size_t n = d->board ? d->board->count : 0;
	html_raw(h, "<section id=\"leaderboard\" aria-labelledby=\"leaderboard-h\">\n"
		    "<h2 id=\"leaderboard-h\">Leaderboard</h2>\n<table>\n<caption>Advocates by "
		    "score (0&ndash;100: activity, referred value, quality and network, less a "
		    "fraud-risk discount), with tier and badges</caption>\n<thead><tr>"
		    "<th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Advocate</th>"
		    "<th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Tier</th>"
		    "<th scope=\"col\">Badges</th><th scope=\"col\" class=\"num\">Referrals</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const rf_leaderboard_entry *e = d->board->entries[i];
		const rf_score *s = d->scores[i];
		html_rawf(h, "<tr><td class=\"num\">%lld</td><th scope=\"row\">", (long long)e->rank);
		html_text(h, e->display_name && *e->display_name ? e->display_name : e->advocate);
		html_raw(h, " <span class=\"id\">");
		html_text(h, e->advocate);
		html_rawf(h, "</span></th><td class=\"num\">%.1f</td><td>", s ? s->score : e->metric);
		html_text(h, s && *s->tier_name ? s->tier_name : "none");
		html_raw(h, "</td>");
		badges_cell(h, s);
		html_rawf(h, "<td class=\"num\">%lld</td></tr>\n", (long long)e->referrals);
	}
	if (n == 0)
		html_raw(h, "<tr><td colspan=\"6\">No advocate has a score yet.</td></tr>\n");
	html_raw(h, "</tbody>\n</table>\n<p class=\"note\">Explain any score with "
		    "<code>referral score PROGRAM ADVOCATE --explain</code>.</p>\n</section>\n");
}
