/*
 * Scoring commands:
 *   referral activity PROGRAM ADVOCATE TYPE [--at TIME] [--channel C] [--content REF] [--answer N]
 *   referral score PROGRAM ADVOCATE [--explain]
 *   referral leaderboard PROGRAM [--period P] [--by score|referrals|value] [--top N] [--advocate ID]
 *   referral tiers PROGRAM [--refresh]
 */
#include "args.h"
#include "commands.h"
#include "output.h"
#include "progress.h"
#include "timeparse.h"

#include <stdio.h>
#include <string.h>

int cmd_activity(cli *c, int argc, char **argv)
{
	rf_activity_spec s = RF_ACTIVITY_SPEC_INIT;
	const char *at = NULL, *channel = NULL, *answer = NULL;
	const arg_opt opts[] = {
		{ "at", "TIME", &at, NULL, "when it happened (default: now)" },
		{ "channel", "NAME", &channel, NULL, "where (email, linkedin, ...)" },
		{ "content", "REF", &s.content, NULL, "the content item it is about" },
		{ "answer", "N", &answer, NULL, "survey answer 0..10 (required for survey), or a rating" },
	};
	const arg_spec spec = {
		"activity", "PROGRAM ADVOCATE TYPE [--at TIME] [--channel C] [--content REF] [--answer N]",
		"Record an advocate's own activity. TYPE: share, invite, review, post, comment,\n"
		"rating, bookmark, content, event, survey, testimonial, reference, custom.",
		opts, ARGS_COUNT(opts), 3, 3
	};
	arg_result a;
	int rc;
	int64_t n = -1;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_enum(c, "TYPE", a.pos[2], RF_ENUM_ACTIVITY, &s.type) ||
	    argval_enum(c, "--channel", channel, RF_ENUM_CHANNEL, &s.channel) ||
	    argval_time(c, "--at", at, &s.at_ms) || argval_i64(c, "--answer", answer, 0, 10, &n))
		return CLI_EXIT_USAGE;
	s.program = a.pos[0];
	s.advocate = a.pos[1];
	s.answer = (int32_t)n;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	int64_t id = 0;
	if (rf_activity_record(&id, store, &s) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kint(&w, "id", id);
		jw_kstr(&w, "program", s.program);
		jw_kstr(&w, "advocate", s.advocate);
		jw_kstr(&w, "type", rf_enum_name(RF_ENUM_ACTIVITY, s.type));
		jw_doc_end(&w);
	} else if (!c->quiet) {
		kv("activity", "%lld", (long long)id);
		kv("type", "%s", rf_enum_name(RF_ENUM_ACTIVITY, s.type));
	}
	rf_store_free(store);
	return rc;
}

static void score_json(const rf_score *s)
{
	jw w;
	jw_doc_begin(&w);
	jw_kstr(&w, "program", s->program);
	jw_kstr(&w, "advocate", s->advocate);
	jw_kdouble(&w, "score", s->score);
	jw_kint(&w, "config_version", s->config_version);
	jw_ktime(&w, "at", s->at_ms, 0);
	jw_kdouble(&w, "risk", s->risk);
	jw_kint(&w, "activities", s->activities);
	jw_kint(&w, "referrals", s->referrals);
	jw_kint(&w, "kept", s->kept);
	jw_kint(&w, "value_net_minor", s->value_net_minor);
	jw_ktime(&w, "last_at", s->last_at_ms, 1);
	jw_kint(&w, "tier", s->tier);
	jw_kstr(&w, "tier_name", s->tier_name);
	jw_karr_begin(&w, "rfm");
	jw_int(&w, s->recency_q);
	jw_int(&w, s->frequency_q);
	jw_int(&w, s->value_q);
	jw_arr_end(&w);
	jw_karr_begin(&w, "components");
	for (size_t i = 0; i < s->component_count; i++) {
		const rf_score_component *k = s->components[i];
		jw_obj_begin(&w);
		jw_kstr(&w, "name", k->name);
		jw_kdouble(&w, "raw", k->raw);
		jw_kdouble(&w, "normalized", k->normalized);
		jw_kint(&w, "weight", k->weight);
		jw_kdouble(&w, "points", k->points);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_karr_begin(&w, "events");
	for (size_t i = 0; i < s->event_count; i++) {
		const rf_score_event *e = s->events[i];
		jw_obj_begin(&w);
		jw_kstr(&w, "kind", e->kind);
		jw_kint(&w, "id", e->id);
		jw_kstr(&w, "ref", e->ref);
		jw_ktime(&w, "at", e->at_ms, 0);
		jw_kdouble(&w, "raw", e->raw);
		jw_kdouble(&w, "points", e->points);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_karr_begin(&w, "badges");
	for (size_t i = 0; i < s->badge_count; i++) {
		jw_obj_begin(&w);
		jw_kstr(&w, "badge", rf_enum_name(RF_ENUM_BADGE, s->badges[i]->kind));
		jw_ktime(&w, "period", s->badges[i]->period_ms, 1);
		jw_ktime(&w, "at", s->badges[i]->at_ms, 0);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_doc_end(&w);
}

static void score_text(const rf_score *s)
{
	char when[TIME_BUFSIZE];
	kv("advocate", "%s", s->advocate);
	kv("score", "%.2f", s->score);
	kv("tier", "%s", s->tier ? s->tier_name : "-");
	kv("config version", "%lld", (long long)s->config_version);
	kv("risk", "%.0f", s->risk);
	kv("rfm", "%d %d %d", (int)s->recency_q, (int)s->frequency_q, (int)s->value_q);
	kv("referrals", "%lld (%lld kept)", (long long)s->referrals, (long long)s->kept);
	kv("activities", "%lld", (long long)s->activities);
	const char *ch[] = { "component", "raw", "normalized", "weight", "points" };
	table *t = table_new(5, ch);
	for (size_t i = 1; i < 5; i++)
		table_align_right(t, i);
	for (size_t i = 0; i < s->component_count; i++) {
		const rf_score_component *k = s->components[i];
		table_row(t);
		table_cell(t, "%s", k->name);
		table_cell(t, "%.4g", k->raw);
		table_cell(t, "%.4f", k->normalized);
		table_cell(t, "%d", (int)k->weight);
		table_cell(t, "%.2f", k->points);
	}
	printf("\n");
	table_print_free(t);
	if (s->event_count) {
		const char *eh[] = { "event", "ref", "at", "raw now", "points" };
		t = table_new(5, eh);
		table_align_right(t, 3);
		table_align_right(t, 4);
		for (size_t i = 0; i < s->event_count; i++) {
			const rf_score_event *e = s->events[i];
			time_format(when, e->at_ms);
			table_row(t);
			table_cell(t, "%s", e->kind);
			table_cell(t, "%s", or_dash(e->ref));
			table_cell(t, "%s", when);
			table_cell(t, "%.4g", e->raw);
			table_cell(t, "%.2f", e->points);
		}
		printf("\n");
		table_print_free(t);
	}
	for (size_t i = 0; i < s->badge_count; i++) {
		time_format(when, s->badges[i]->at_ms);
		kv(i ? "" : "badges", "%s (%s)", rf_enum_name(RF_ENUM_BADGE, s->badges[i]->kind), when);
	}
}

int cmd_score(cli *c, int argc, char **argv)
{
	int explain = 0;
	const arg_opt opts[] = {
		{ "explain", NULL, NULL, &explain, "also list the events that move the score most" },
	};
	const arg_spec spec = {
		"score", "PROGRAM ADVOCATE [--explain]",
		"An advocate's 0-100 score: its components (activity, value, quality,\n"
		"network), raw values, weights, tier, badges and RFM quintiles.",
		opts, ARGS_COUNT(opts), 2, 2
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_score *s = NULL;
	if (rf_score_get(&s, store, a.pos[0], a.pos[1], explain) < 0)
		rc = cli_fail(c);
	else if (c->json)
		score_json(s);
	else if (!c->quiet)
		score_text(s);
	rf_score_free(s);
	rf_store_free(store);
	return rc;
}

static const char *const period_names[] = { "all-time", "this-week", "this-month", "last-month" };
static const char *const by_names[] = { "", "score", "referrals", "value" };

static int pick(const char *text, const char *const *names, int n, int32_t *out)
{
	for (int i = 0; i < n; i++) {
		if (*names[i] && strcmp(text, names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

static void board_out(const cli *c, const rf_leaderboard_query *q, const rf_leaderboard *b)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", q->program);
		jw_kstr(&w, "period", period_names[q->period]);
		jw_kstr(&w, "by", by_names[q->by]);
		jw_ktime(&w, "from", b->from_ms, 1);
		jw_ktime(&w, "to", b->to_ms, 1);
		jw_kint(&w, "config_version", b->config_version);
		jw_kint(&w, "ranked", b->ranked);
		jw_karr_begin(&w, "entries");
		for (size_t i = 0; i <= b->count; i++) {
			const rf_leaderboard_entry *e = i < b->count ? b->entries[i] : b->advocate;
			if (e == NULL)
				break;
			if (i == b->count) {
				jw_arr_end(&w);
				jw_key(&w, "advocate");
			}
			jw_obj_begin(&w);
			jw_kint(&w, "rank", e->rank);
			jw_kstr(&w, "advocate", e->advocate);
			jw_kstr(&w, "display_name", e->display_name);
			jw_kdouble(&w, "metric", e->metric);
			jw_kint(&w, "referrals", e->referrals);
			jw_kint(&w, "value_minor", e->value_minor);
			jw_obj_end(&w);
		}
		if (b->advocate == NULL) {
			jw_arr_end(&w);
			jw_key(&w, "advocate");
			jw_null(&w);
		}
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	const char *h[] = { "rank", "advocate", "name", by_names[q->by], "referrals", "value" };
	table *t = table_new(6, h);
	table_align_right(t, 0);
	table_align_right(t, 3);
	table_align_right(t, 4);
	table_align_right(t, 5);
	for (size_t i = 0; i < b->count; i++) {
		const rf_leaderboard_entry *e = b->entries[i];
		table_row(t);
		table_cell(t, "%lld", (long long)e->rank);
		table_cell(t, "%s", e->advocate);
		table_cell(t, "%s", e->display_name);
		table_cell(t, "%.2f", e->metric);
		table_cell(t, "%lld", (long long)e->referrals);
		table_cell(t, "%lld", (long long)e->value_minor);
	}
	table_print_free(t);
	printf("%lld ranked (%s, by %s)\n", (long long)b->ranked, period_names[q->period],
	       by_names[q->by]);
	if (b->advocate)
		printf("%s is #%lld\n", b->advocate->advocate, (long long)b->advocate->rank);
	else if (q->advocate)
		printf("%s is not ranked\n", q->advocate);
}

int cmd_leaderboard(cli *c, int argc, char **argv)
{
	rf_leaderboard_query q = RF_LEADERBOARD_QUERY_INIT;
	const char *period = NULL, *by = NULL, *top = NULL;
	const arg_opt opts[] = {
		{ "period", "P", &period, NULL, "all-time (default), this-week, this-month, last-month" },
		{ "by", "WHAT", &by, NULL, "score (default), referrals, value" },
		{ "top", "N", &top, NULL, "entries, 1..1000 (default 10)" },
		{ "advocate", "ID", &q.advocate, NULL, "also show this advocate's rank" },
	};
	const arg_spec spec = {
		"leaderboard", "PROGRAM [--period P] [--by score|referrals|value] [--top N] [--advocate ID]",
		"Rank a program's advocates. Ties go to the smaller external id. By score\n"
		"over a period ranks the activity points earned in it.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	arg_result a;
	int rc;
	int64_t n = 10;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (period && pick(period, period_names, 4, &q.period))
		return cli_usage(c, "leaderboard: unknown --period '%s'", period);
	if (by && pick(by, by_names, 4, &q.by))
		return cli_usage(c, "leaderboard: unknown --by '%s'", by);
	if (argval_i64(c, "--top", top, 1, 1000, &n))
		return CLI_EXIT_USAGE;
	q.top = (uint32_t)n;
	q.program = a.pos[0];
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_leaderboard *b = NULL;
	if (rf_leaderboard_get(&b, store, &q) < 0)
		rc = cli_fail(c);
	else
		board_out(c, &q, b);
	rf_leaderboard_free(b);
	rf_store_free(store);
	return rc;
}

/* "name:promote:demote,..." printed as rows. */
static void tiers_out(const cli *c, const char *program, const rf_score_settings *st,
		      int64_t changed, int refreshed)
{
	const char *p = st->config->tiers;
	jw w;
	table *t = NULL;
	if (c->json) {
		jw_doc_begin(&w);
		jw_kstr(&w, "program", program);
		jw_kint(&w, "config_version", st->config_version);
		if (refreshed)
			jw_kint(&w, "changed", changed);
		jw_karr_begin(&w, "tiers");
	} else {
		const char *h[] = { "tier", "name", "promote at", "demote below" };
		t = table_new(4, h);
		table_align_right(t, 0);
		table_align_right(t, 2);
		table_align_right(t, 3);
	}
	for (int i = 1; *p; i++) {
		char name[64] = "";
		double up = 0, down = 0;
		int used = 0;
		if (sscanf(p, "%63[^:]:%lf:%lf%n", name, &up, &down, &used) != 3)
			break;
		if (c->json) {
			jw_obj_begin(&w);
			jw_kint(&w, "tier", i);
			jw_kstr(&w, "name", name);
			jw_kdouble(&w, "promote_at", up);
			jw_kdouble(&w, "demote_below", down);
			jw_obj_end(&w);
		} else {
			table_row(t);
			table_cell(t, "%d", i);
			table_cell(t, "%s", name);
			table_cell(t, "%g", up);
			table_cell(t, "%g", down);
		}
		p += used;
		p += *p == ',';
	}
	if (c->json) {
		jw_arr_end(&w);
		jw_doc_end(&w);
		return;
	}
	if (!c->quiet) {
		table_print(t, stdout);
		if (refreshed)
			printf("%lld tier change(s)\n", (long long)changed);
	}
	table_free(t);
}

int cmd_tiers(cli *c, int argc, char **argv)
{
	int refresh = 0;
	const arg_opt opts[] = {
		{ "refresh", NULL, NULL, &refresh,
		  "re-evaluate every advocate's tier now (and last month's top-one-percent badges)" },
	};
	const arg_spec spec = {
		"tiers", "PROGRAM [--refresh]",
		"The program's tiers: promoted on reaching 'promote at', demoted only below\n"
		"'demote below' (hysteresis).",
		opts, ARGS_COUNT(opts), 1, 1
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	int64_t changed = 0;
	rf_score_settings *st = NULL;
	if ((refresh && rf_score_refresh(&changed, store, a.pos[0]) < 0) ||
	    rf_score_config_get(&st, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		tiers_out(c, a.pos[0], st, changed, refresh);
	rf_score_settings_free(st);
	rf_store_free(store);
	return rc;
}

int cmd_recompute(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"recompute", "PROGRAM",
		"Recompute every advocate's score of the program from its events, in one\n"
		"transaction (after a configuration change, or to check the stored scores:\n"
		"updates as events arrive give the same numbers).",
		NULL, 0, 1, 1
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	progress bar;
	progress_attach(&bar, c, store, "recomputing scores");
	int failed = rf_score_recompute(store, a.pos[0]) < 0;
	progress_detach(&bar, store);
	if (failed) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", a.pos[0]);
		jw_kbool(&w, "recomputed", 1);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("recomputed the scores of program %s\n", a.pos[0]);
	}
	rf_store_free(store);
	return rc;
}
