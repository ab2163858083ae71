/*
 * Engagement commands:
 *   referral content add PROGRAM KEY --title T --url U [--kind K] [--stages S,..] [--min-tier T]
 *   referral content list PROGRAM [--all]
 *   referral content for PROGRAM ADVOCATE [--limit N]
 *   referral content archive PROGRAM KEY
 *   referral content stats PROGRAM [--from T] [--to T] [--currency C] [--top N]
 *   referral outbox list [--program P] [--cursor N] [--limit N] [--all]
 *   referral outbox drain [--program P] [--cursor N] [--limit N]
 *   referral stage PROGRAM ADVOCATE
 *   referral stages PROGRAM [--refresh] [--at TIME]
 */
#include "args.h"
#include "commands.h"
#include "output.h"
#include "timeparse.h"

#include <stdio.h>
#include <string.h>

static const char *stage_name(int32_t s)
{
	const char *n = rf_enum_name(RF_ENUM_STAGE, s);
	return n ? n : "-";
}

/* "active,champion" into a mask; "all" is every stage. */
static int parse_stages(const cli *c, const char *text, uint32_t *mask)
{
	if (text == NULL)
		return 0;
	if (strcmp(text, "all") == 0) {
		*mask = RF_STAGES_ALL;
		return 0;
	}
	char buf[256];
	snprintf(buf, sizeof buf, "%s", text);
	*mask = 0;
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int32_t s = 0;
		if (argval_enum(c, "--stages", tok, RF_ENUM_STAGE, &s))
			return -1;
		*mask |= RF_STAGE_BIT(s);
	}
	if (*mask == 0) {
		cli_usage(c, "--stages: name at least one stage");
		return -1;
	}
	return 0;
}

/* The stages of a mask as "active,champion" ("all" for every stage). */
static void stages_text(uint32_t mask, char *out, size_t size)
{
	out[0] = '\0';
	if (mask == RF_STAGES_ALL) {
		snprintf(out, size, "all");
		return;
	}
	for (int32_t s = 1; s <= RF_STAGE_COUNT; s++)
		if (mask & RF_STAGE_BIT(s))
			snprintf(out + strlen(out), size - strlen(out), "%s%s", *out ? "," : "",
				 stage_name(s));
}

static void content_json(jw *w, const rf_content *it)
{
	jw_obj_begin(w);
	jw_kstr(w, "key", it->key);
	jw_kstr(w, "title", it->title);
	jw_kstr(w, "url", it->url);
	jw_kstr(w, "kind", rf_enum_name(RF_ENUM_CONTENT_KIND, it->kind));
	jw_karr_begin(w, "stages");
	for (int32_t s = 1; s <= RF_STAGE_COUNT; s++)
		if (it->stages & RF_STAGE_BIT(s))
			jw_str(w, stage_name(s));
	jw_arr_end(w);
	jw_kstr(w, "min_tier", it->min_tier);
	jw_kstr(w, "status", rf_enum_name(RF_ENUM_STATUS, it->status));
	jw_ktime(w, "created_at", it->created_at_ms, 0);
	jw_obj_end(w);
}

static void content_list_out(const cli *c, const char *program, const char *advocate,
			     const rf_content_list *l)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", program);
		if (advocate)
			jw_kstr(&w, "advocate", advocate);
		jw_karr_begin(&w, "items");
		for (size_t i = 0; i < l->count; i++)
			content_json(&w, l->items[i]);
		jw_arr_end(&w);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	const char *h[] = { "key", "kind", "stages", "min tier", "status", "title", "url" };
	table *t = table_new(7, h);
	for (size_t i = 0; i < l->count; i++) {
		const rf_content *it = l->items[i];
		char stages[128];
		stages_text(it->stages, stages, sizeof stages);
		table_row(t);
		table_cell(t, "%s", it->key);
		table_cell(t, "%s", rf_enum_name(RF_ENUM_CONTENT_KIND, it->kind));
		table_cell(t, "%s", stages);
		table_cell(t, "%s", or_dash(it->min_tier));
		table_cell(t, "%s", rf_enum_name(RF_ENUM_STATUS, it->status));
		table_cell(t, "%s", it->title);
		table_cell(t, "%s", it->url);
	}
	table_print_free(t);
	printf("%zu item(s)\n", l->count);
}

int cmd_content_add(cli *c, int argc, char **argv)
{
	rf_content_spec s = RF_CONTENT_SPEC_INIT;
	const char *kind = NULL, *stages = NULL;
	const arg_opt opts[] = {
		{ "title", "TEXT", &s.title, NULL, "what advocates see (required)" },
		{ "url", "URL", &s.url, NULL, "a URL or document reference (required)" },
		{ "kind", "KIND", &kind, NULL,
		  "article (default), video, image, document, post, email, other" },
		{ "stages", "S,..", &stages, NULL,
		  "stages offered to: invited, active, referring, champion, dormant (default all)" },
		{ "min-tier", "TIER", &s.min_tier, NULL, "a tier of the program's scoring (default any)" },
	};
	const arg_spec spec = {
		"content add", "PROGRAM KEY --title T --url U [--kind K] [--stages S,..] [--min-tier T]",
		"Add an item to a program's content library. Codes issued with --content KEY\n"
		"track its shares ('referral content stats').",
		opts, ARGS_COUNT(opts), 2, 2
	};
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_enum(c, "--kind", kind, RF_ENUM_CONTENT_KIND, &s.kind) ||
	    parse_stages(c, stages, &s.stages))
		return CLI_EXIT_USAGE;
	s.program = a.pos[0];
	s.key = a.pos[1];
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_content *it = NULL;
	if (rf_content_add(&it, store, &s) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_init(&w, stdout);
		content_json(&w, it);
		jw_finish(&w);
	} else if (!c->quiet) {
		char st[128];
		stages_text(it->stages, st, sizeof st);
		kv("content", "%s", it->key);
		kv("kind", "%s", rf_enum_name(RF_ENUM_CONTENT_KIND, it->kind));
		kv("stages", "%s", st);
		kv("min tier", "%s", or_dash(it->min_tier));
	}
	rf_content_free(it);
	rf_store_free(store);
	return rc;
}

int cmd_content_list(cli *c, int argc, char **argv)
{
	int all = 0;
	const arg_opt opts[] = {
		{ "all", NULL, NULL, &all, "also archived items" },
	};
	const arg_spec spec = { "content list", "PROGRAM [--all]",
				"A program's content library, newest first.", opts,
				ARGS_COUNT(opts), 1, 1 };
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_content_list *l = NULL;
	if (rf_content_list_get(&l, store, a.pos[0], all ? RF_CONTENT_ARCHIVED : 0) < 0)
		rc = cli_fail(c);
	else
		content_list_out(c, a.pos[0], NULL, l);
	rf_content_list_free(l);
	rf_store_free(store);
	return rc;
}

int cmd_content_for(cli *c, int argc, char **argv)
{
	const char *limit = NULL;
	const arg_opt opts[] = {
		{ "limit", "N", &limit, NULL, "at most N items (default all)" },
	};
	const arg_spec spec = { "content for", "PROGRAM ADVOCATE [--limit N]",
				"What an advocate should see now: items for their stage and tier,\n"
				"newest first.",
				opts, ARGS_COUNT(opts), 2, 2 };
	arg_result a;
	int rc;
	int64_t n = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "--limit", limit, 1, 10000, &n))
		return CLI_EXIT_USAGE;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_content_list *l = NULL;
	if (rf_content_for(&l, store, a.pos[0], a.pos[1], (uint32_t)n) < 0)
		rc = cli_fail(c);
	else
		content_list_out(c, a.pos[0], a.pos[1], l);
	rf_content_list_free(l);
	rf_store_free(store);
	return rc;
}

int cmd_content_archive(cli *c, int argc, char **argv)
{
	const arg_spec spec = { "content archive", "PROGRAM KEY",
				"Archive an item: no longer offered; its codes and performance stay.",
				NULL, 0, 2, 2 };
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_content_archive(store, a.pos[0], a.pos[1]) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", a.pos[0]);
		jw_kstr(&w, "key", a.pos[1]);
		jw_kstr(&w, "status", "archived");
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("archived %s\n", a.pos[1]);
	}
	rf_store_free(store);
	return rc;
}

static void stats_out(const cli *c, const rf_content_stats *st)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", st->program);
		jw_ktime(&w, "from", st->from_ms, 1);
		jw_ktime(&w, "to", st->to_ms, 1);
		jw_kstr(&w, "currency", st->currency);
		jw_karr_begin(&w, "items");
		for (size_t i = 0; i < st->count; i++) {
			const rf_content_stat *s = st->items[i];
			jw_obj_begin(&w);
			jw_kstr(&w, "key", s->key);
			jw_kstr(&w, "title", s->title);
			jw_kstr(&w, "kind", rf_enum_name(RF_ENUM_CONTENT_KIND, s->kind));
			jw_kstr(&w, "status", rf_enum_name(RF_ENUM_STATUS, s->status));
			jw_kint(&w, "codes", s->codes);
			jw_kint(&w, "clicks", s->clicks);
			jw_kint(&w, "unique_visitors", s->unique_visitors);
			jw_kint(&w, "conversions", s->conversions);
			jw_kint(&w, "value_minor", s->value_minor);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	const char *h[] = { "key", "kind", "codes", "clicks", "visitors", "conversions", "value",
			    "title" };
	table *t = table_new(8, h);
	for (size_t col = 2; col <= 6; col++)
		table_align_right(t, col);
	for (size_t i = 0; i < st->count; i++) {
		const rf_content_stat *s = st->items[i];
		table_row(t);
		table_cell(t, "%s", s->key);
		table_cell(t, "%s", rf_enum_name(RF_ENUM_CONTENT_KIND, s->kind));
		table_cell(t, "%lld", (long long)s->codes);
		table_cell(t, "%lld", (long long)s->clicks);
		table_cell(t, "%lld", (long long)s->unique_visitors);
		table_cell(t, "%lld", (long long)s->conversions);
		table_cell(t, "%lld", (long long)s->value_minor);
		table_cell(t, "%s", s->title);
	}
	table_print_free(t);
	printf("values in minor units of %s\n", *st->currency ? st->currency : "(no conversions)");
}

int cmd_content_stats(cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *top = NULL, *currency = NULL;
	const arg_opt opts[] = {
		{ "from", "TIME", &from, NULL, "start of the period (default: the beginning)" },
		{ "to", "TIME", &to, NULL, "end of the period, exclusive (default: open)" },
		{ "currency", "CUR", &currency, NULL, "conversions in this currency (default: the only one)" },
		{ "top", "N", &top, NULL, "the N best items (default all)" },
	};
	const arg_spec spec = {
		"content stats", "PROGRAM [--from T] [--to T] [--currency C] [--top N]",
		"Content performance: clicks, unique visitors, conversions and attributed value\n"
		"through the codes bound to each item, best first.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	arg_result a;
	int rc;
	int64_t from_ms = 0, to_ms = 0, n = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--from", from, &from_ms) || argval_time(c, "--to", to, &to_ms) ||
	    argval_i64(c, "--top", top, 1, 100000, &n))
		return CLI_EXIT_USAGE;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_content_stats *st = NULL;
	if (rf_content_performance(&st, store, a.pos[0], from_ms, to_ms, currency, (uint32_t)n) < 0)
		rc = cli_fail(c);
	else
		stats_out(c, st);
	rf_content_stats_free(st);
	rf_store_free(store);
	return rc;
}

static void messages_out(const cli *c, const rf_messages *m, int64_t acked, int drained)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_karr_begin(&w, "messages");
		for (size_t i = 0; i < m->count; i++) {
			const rf_message *x = m->items[i];
			static const char *const statuses[] = { "queued", "delivered", "held" };
			jw_obj_begin(&w);
			jw_kint(&w, "id", x->id);
			jw_kstr(&w, "program", x->program);
			jw_kstr(&w, "advocate", x->advocate);
			jw_kstr(&w, "kind", x->kind);
			jw_kstr(&w, "status", x->status >= 0 && x->status <= 2 ? statuses[x->status] : "?");
			jw_kbool(&w, "automated", x->automated);
			jw_kstr(&w, "reason", x->reason);
			jw_kstr(&w, "body", x->body);
			jw_ktime(&w, "event_at", x->event_at_ms, 0);
			jw_ktime(&w, "queued_at", x->queued_at_ms, 0);
			jw_ktime(&w, "acked_at", x->acked_at_ms, 1);
			jw_kint(&w, "config_version", x->config_version);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_kint(&w, "next_cursor", m->next_cursor);
		if (drained)
			jw_kint(&w, "acknowledged", acked);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	const char *h[] = { "id", "program", "advocate", "kind", "status", "queued", "body" };
	table *t = table_new(7, h);
	table_align_right(t, 0);
	for (size_t i = 0; i < m->count; i++) {
		const rf_message *x = m->items[i];
		char when[TIME_BUFSIZE];
		time_format(when, x->queued_at_ms);
		table_row(t);
		table_cell(t, "%lld", (long long)x->id);
		table_cell(t, "%s", x->program);
		table_cell(t, "%s", x->advocate);
		table_cell(t, "%s", x->kind);
		if (x->status == RF_MESSAGE_HELD)
			table_cell(t, "held (%s)", x->reason);
		else
			table_cell(t, "%s", x->status == RF_MESSAGE_QUEUED ? "queued" : "delivered");
		table_cell(t, "%s", when);
		table_cell(t, "%s", x->body);
	}
	table_print_free(t);
	if (drained)
		printf("%lld message(s) acknowledged; ", (long long)acked);
	printf("next cursor %lld (automated messages: deliver them as such)\n",
	       (long long)m->next_cursor);
}

static int outbox(cli *c, int argc, char **argv, int drain)
{
	const char *program = NULL, *cursor = NULL, *limit = NULL;
	int all = 0;
	const arg_opt opts[] = {
		{ "program", "P", &program, NULL, "one program's messages (default all)" },
		{ "cursor", "N", &cursor, NULL, "messages after this id (default 0)" },
		{ "limit", "N", &limit, NULL, "at most N messages, 1..1000 (default 100)" },
		{ "all", NULL, NULL, &all, "also delivered and held messages (list only)" },
	};
	const arg_spec list_spec = {
		"outbox list", "[--program P] [--cursor N] [--limit N] [--all]",
		"Messages the library asks the host to deliver, oldest first, from a cursor.",
		opts, ARGS_COUNT(opts), 0, 0
	};
	const arg_spec drain_spec = {
		"outbox drain", "[--program P] [--cursor N] [--limit N]",
		"List queued messages from a cursor and acknowledge them as delivered\n"
		"(through the last one listed); pass the printed cursor back next time.",
		opts, ARGS_COUNT(opts) - 1, 0, 0
	};
	arg_result a;
	int rc;
	int64_t from = 0, n = 100;
	if (!args_parse(drain ? &drain_spec : &list_spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "--cursor", cursor, 0, INT64_MAX, &from) ||
	    argval_i64(c, "--limit", limit, 1, 1000, &n))
		return CLI_EXIT_USAGE;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_messages *m = NULL;
	int64_t acked = 0;
	if (rf_outbox_list(&m, store, program, from, (uint32_t)n, all ? RF_OUTBOX_ALL : 0) < 0 ||
	    (drain && m->count > 0 && rf_outbox_ack(&acked, store, m->next_cursor) < 0))
		rc = cli_fail(c);
	else
		messages_out(c, m, acked, drain);
	rf_messages_free(m);
	rf_store_free(store);
	return rc;
}

int cmd_outbox_list(cli *c, int argc, char **argv)
{
	return outbox(c, argc, argv, 0);
}

int cmd_outbox_drain(cli *c, int argc, char **argv)
{
	return outbox(c, argc, argv, 1);
}

int cmd_stage(cli *c, int argc, char **argv)
{
	const arg_spec spec = { "stage", "PROGRAM ADVOCATE",
				"An advocate's lifecycle stage in a program and its history.", NULL,
				0, 2, 2 };
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_stage *st = NULL;
	if (rf_stage_get(&st, store, a.pos[0], a.pos[1]) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", st->program);
		jw_kstr(&w, "advocate", st->advocate);
		jw_kstr(&w, "stage", stage_name(st->stage));
		jw_ktime(&w, "since", st->since_ms, 1);
		jw_kint(&w, "activities", st->activities);
		jw_kint(&w, "referrals", st->referrals);
		jw_ktime(&w, "last_activity_at", st->last_activity_at_ms, 1);
		jw_ktime(&w, "last_referral_at", st->last_referral_at_ms, 1);
		jw_kint(&w, "config_version", st->config_version);
		jw_karr_begin(&w, "history");
		for (size_t i = 0; i < st->count; i++) {
			const rf_stage_change *h = st->items[i];
			jw_obj_begin(&w);
			jw_kstr(&w, "stage", stage_name(h->stage));
			if (h->previous)
				jw_kstr(&w, "previous", stage_name(h->previous));
			else
				jw_kstr(&w, "previous", NULL);
			jw_ktime(&w, "at", h->at_ms, 0);
			jw_kint(&w, "config_version", h->config_version);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		char when[TIME_BUFSIZE];
		kv("advocate", "%s", st->advocate);
		kv("stage", "%s", stage_name(st->stage));
		if (st->since_ms)
			kv_time("since", st->since_ms);
		kv("activities", "%lld", (long long)st->activities);
		kv("referrals", "%lld", (long long)st->referrals);
		kv("config version", "%lld", (long long)st->config_version);
		if (st->count) {
			const char *h[] = { "at", "from", "to", "config" };
			table *t = table_new(4, h);
			table_align_right(t, 3);
			for (size_t i = 0; i < st->count; i++) {
				time_format(when, st->items[i]->at_ms);
				table_row(t);
				table_cell(t, "%s", when);
				table_cell(t, "%s", st->items[i]->previous ? stage_name(st->items[i]->previous)
									   : "-");
				table_cell(t, "%s", stage_name(st->items[i]->stage));
				table_cell(t, "%lld", (long long)st->items[i]->config_version);
			}
			table_print_free(t);
		}
	}
	rf_stage_free(st);
	rf_store_free(store);
	return rc;
}

int cmd_stages(cli *c, int argc, char **argv)
{
	const char *at = NULL;
	int refresh = 0;
	const arg_opt opts[] = {
		{ "refresh", NULL, NULL, &refresh,
		  "re-evaluate every advocate first (dormancy, nudges, a changed configuration)" },
		{ "at", "TIME", &at, NULL, "the time to refresh at (default now)" },
	};
	const arg_spec spec = { "stages", "PROGRAM [--refresh [--at TIME]]",
				"How many advocates of a program are in each lifecycle stage.", opts,
				ARGS_COUNT(opts), 1, 1 };
	arg_result a;
	int rc;
	int64_t at_ms = 0, changed = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--at", at, &at_ms))
		return CLI_EXIT_USAGE;
	if (at && !refresh)
		return cli_usage(c, "stages: --at needs --refresh");
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_stage_counts *n = NULL;
	if ((refresh && rf_stage_refresh(&changed, store, a.pos[0], at_ms) < 0) ||
	    rf_stage_counts_get(&n, store, a.pos[0]) < 0) {
		rc = cli_fail(c);
	} else {
		const char *names[] = { "invited", "active", "referring", "champion", "dormant" };
		int64_t v[] = { n->invited, n->active, n->referring, n->champion, n->dormant };
		if (c->json) {
			jw w;
			jw_doc_begin(&w);
			jw_kstr(&w, "program", n->program);
			jw_kint(&w, "config_version", n->config_version);
			jw_kint(&w, "advocates", n->advocates);
			for (size_t i = 0; i < 5; i++)
				jw_kint(&w, names[i], v[i]);
			if (refresh)
				jw_kint(&w, "changed", changed);
			jw_doc_end(&w);
		} else if (!c->quiet) {
			const char *h[] = { "stage", "advocates" };
			table *t = table_new(2, h);
			table_align_right(t, 1);
			for (size_t i = 0; i < 5; i++) {
				table_row(t);
				table_cell(t, "%s", names[i]);
				table_cell(t, "%lld", (long long)v[i]);
			}
			table_row(t);
			table_cell(t, "total");
			table_cell(t, "%lld", (long long)n->advocates);
			table_print_free(t);
			if (refresh)
				printf("%lld stage change(s)\n", (long long)changed);
		}
	}
	rf_stage_counts_free(n);
	rf_store_free(store);
	return rc;
}
