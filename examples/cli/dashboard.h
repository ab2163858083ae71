/* The HTML dashboard of a program: what it shows is collected from the
 * report API (dashboard_data.c), then written as one self-contained page
 * (dashboard_page.c, dashboard_style.c; charts in html_chart.c). */
#ifndef CLI_DASHBOARD_H
#define CLI_DASHBOARD_H

#include <referral.h>
#include <stdio.h>

#include "cli.h"

#define DASHBOARD_TOP 10            /* advocates in the leaderboard */
#define DASHBOARD_AUTO_BUCKETS 120  /* auto granularity: the finest with at most this */
#define DASHBOARD_MAX_CURRENCIES 3  /* value charts; more are listed, not charted */

typedef struct dashboard_data {
	rf_report_query q;            /* q.period as resolved */
	rf_program *program;
	rf_stats *stats;
	rf_report_summary *summary;   /* new vs returning, reward cost, K-factor */
	rf_report_series *series;
	rf_report_funnel *funnel;
	rf_report_split *channels, *kinds, *advocates;
	const char *currency;         /* ranks the leaderboard: the largest total, or NULL */
	const rf_report_split_row *top[DASHBOARD_TOP];
	size_t top_count;
	rf_balance_list *balances;    /* reward ledger, every holder */
	rf_fraud_checks *held;        /* the oldest page of the review queue */
	size_t held_count;            /* the whole queue */
	rf_leaderboard *board;        /* top advocates by score */
	rf_score *scores[DASHBOARD_TOP]; /* their scores: tier and badges */
	rf_content_stats *content;    /* top content items by attributed value */
} dashboard_data;

/**
 * Ask the library for everything the page shows. q->period 0 picks day,
 * week or month, the finest with at most DASHBOARD_AUTO_BUCKETS buckets.
 * Returns RF_OK or a negative library status (its message is set).
 */
int dashboard_collect(dashboard_data *d, rf_store *store, const rf_report_query *q);
void dashboard_data_free(dashboard_data *d);

/** Write the page. Returns 0, or -1 on a write error. */
int dashboard_page(FILE *f, const dashboard_data *d);

/* Sections in files of their own (html.h's writer). */
struct html;
void dashboard_section_rewards(struct html *h, const dashboard_data *d);
int dashboard_collect_fraud(dashboard_data *d, rf_store *store);
void dashboard_section_fraud(struct html *h, const dashboard_data *d);
int dashboard_collect_scores(dashboard_data *d, rf_store *store);
void dashboard_section_scores(struct html *h, const dashboard_data *d);
int dashboard_collect_content(dashboard_data *d, rf_store *store);
void dashboard_section_content(struct html *h, const dashboard_data *d);

/** The page's style sheet. */
extern const char dashboard_css[];

/**
 * Collect and write the dashboard of q->program to `path` (through a
 * temporary file renamed into place). Returns a CLI exit code after
 * reporting any failure.
 */
int dashboard_write(const cli *c, rf_store *store, const rf_report_query *q, const char *path);

#endif
