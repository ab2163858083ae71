/* referral review list|approve|reject, referral fraud domains FILE, and
 * the fraud section of referral explain. */
#include "args.h"
#include "commands.h"
#include "output.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

static const char *name_of(int type, int32_t value)
{
	const char *n = rf_enum_name(type, value);
	return n ? n : "?";
}

void render_fraud_json(jw *w, const rf_fraud_check *f)
{
	jw_obj_begin(w);
	jw_kstr(w, "program", f->program);
	jw_kstr(w, "order_id", f->order_id);
	jw_kstr(w, "advocate", f->advocate);
	jw_ktime(w, "at", f->at_ms, 0);
	jw_kint(w, "risk", f->risk);
	jw_kstr(w, "decision", name_of(RF_ENUM_FRAUD_DECISION, f->decision));
	jw_kstr(w, "status", name_of(RF_ENUM_REVIEW_STATUS, f->status));
	jw_kint(w, "policy_version", f->policy_version);
	jw_kstr(w, "reviewer", f->reviewer);
	jw_kstr(w, "review_reason", f->review_reason);
	jw_ktime(w, "reviewed_at", f->reviewed_at_ms, 1);
	jw_kstr(w, "summary", f->summary);
	jw_karr_begin(w, "signals");
	for (size_t i = 0; i < f->signal_count; i++) {
		const rf_fraud_signal_hit *h = f->signals[i];
		jw_obj_begin(w);
		jw_kstr(w, "signal", name_of(RF_ENUM_FRAUD_SIGNAL, h->kind));
		jw_kint(w, "weight", h->weight);
		jw_kbool(w, "hard", h->hard);
		jw_kstr(w, "evidence", h->evidence);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

void render_fraud_text(const rf_fraud_check *f)
{
	kv("verdict", "%s (risk %d, policy v%lld)", name_of(RF_ENUM_FRAUD_DECISION, f->decision),
	   (int)f->risk, (long long)f->policy_version);
	kv("review", "%s", name_of(RF_ENUM_REVIEW_STATUS, f->status));
	if (f->reviewer[0])
		kv("reviewed by", "%s: %s", f->reviewer, f->review_reason);
	if (f->signal_count == 0) {
		kv("signals", "none fired");
		return;
	}
	static const char *const headers[] = { "SIGNAL", "WEIGHT", "HARD", "EVIDENCE" };
	table *t = table_new(4, headers);
	table_align_right(t, 1);
	for (size_t i = 0; i < f->signal_count; i++) {
		const rf_fraud_signal_hit *h = f->signals[i];
		table_row(t);
		table_cell(t, "%s", name_of(RF_ENUM_FRAUD_SIGNAL, h->kind));
		table_cell(t, "%d", (int)h->weight);
		table_cell(t, "%s", h->hard ? "yes" : "");
		table_cell(t, "%s", h->evidence);
	}
	table_print_free(t);
}

static void show_check(const cli *c, const rf_fraud_check *f)
{
	if (c->json) {
		jw w;
		jw_init(&w, stdout);
		render_fraud_json(&w, f);
		jw_finish(&w);
	} else if (c->quiet) {
		printf("%s\n", f->summary);
	} else {
		kv("order", "%s (%s)", f->order_id, f->program);
		kv("advocate", "%s", f->advocate[0] ? f->advocate : "(none)");
		render_fraud_text(f);
	}
}

int cmd_review_list(cli *c, int argc, char **argv)
{
	const char *limit_text = NULL, *cursor_text = NULL;
	const arg_opt opts[] = {
		{ "limit", "N", &limit_text, NULL, "at most N per page (1..1000, default 100)" },
		{ "cursor", "C", &cursor_text, NULL, "continue after a page's next_cursor" },
	};
	const arg_spec spec = {
		"review list", "PROGRAM [--limit N] [--cursor C]",
		"List the conversions held for review, oldest first, with their risk and\n"
		"the signals that fired.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	arg_result a;
	int rc;
	int64_t limit = 100, cursor = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "--limit", limit_text, 1, 1000, &limit) < 0 ||
	    argval_i64(c, "--cursor", cursor_text, 0, INT64_MAX, &cursor) < 0)
		return CLI_EXIT_USAGE;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_fraud_checks *q = NULL;
	if (rf_fraud_queue(&q, store, a.pos[0], cursor, (uint32_t)limit) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_karr_begin(&w, "items");
		for (size_t i = 0; i < q->count; i++)
			render_fraud_json(&w, q->items[i]);
		jw_arr_end(&w);
		jw_kint(&w, "next_cursor", q->next_cursor);
		jw_doc_end(&w);
	} else {
		static const char *const headers[] = { "ORDER", "ADVOCATE", "RISK", "SIGNALS" };
		table *t = table_new(4, headers);
		table_align_right(t, 2);
		for (size_t i = 0; i < q->count; i++) {
			const rf_fraud_check *f = q->items[i];
			char names[256] = "";
			for (size_t k = 0; k < f->signal_count; k++)
				snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
					 k ? ", " : "", name_of(RF_ENUM_FRAUD_SIGNAL, f->signals[k]->kind));
			table_row(t);
			table_cell(t, "%s", f->order_id);
			table_cell(t, "%s", f->advocate);
			table_cell(t, "%d", (int)f->risk);
			table_cell(t, "%s", names);
		}
		if (!c->quiet)
			table_print_free(t);
		if (q->next_cursor && !c->quiet)
			printf("more: --cursor %lld\n", (long long)q->next_cursor);
	}
	rf_fraud_checks_free(q);
	rf_store_free(store);
	return rc;
}

static int review(cli *c, int argc, char **argv, int approve)
{
	const char *reviewer = NULL, *reason = NULL;
	const arg_opt opts[] = {
		{ "reviewer", "NAME", &reviewer, NULL, "who decides (required)" },
		{ "reason", "TEXT", &reason, NULL, "why (required)" },
	};
	const arg_spec spec = {
		approve ? "review approve" : "review reject",
		"PROGRAM ORDER_ID --reviewer NAME --reason TEXT",
		approve ? "Approve a held conversion: its held rewards are released."
			: "Reject a held conversion: its held rewards are voided.",
		opts, ARGS_COUNT(opts), 2, 2
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_fraud_check *f = NULL;
	if (rf_fraud_review(&f, store, a.pos[0], a.pos[1], approve, reviewer, reason) < 0)
		rc = cli_fail(c);
	else
		show_check(c, f);
	rf_fraud_check_free(f);
	rf_store_free(store);
	return rc;
}

int cmd_review_approve(cli *c, int argc, char **argv)
{
	return review(c, argc, argv, 1);
}

int cmd_review_reject(cli *c, int argc, char **argv)
{
	return review(c, argc, argv, 0);
}

int cmd_review_show(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"review show", "PROGRAM ORDER_ID",
		"Show the fraud check of a conversion: verdict, risk, review and every\n"
		"signal with its evidence.",
		NULL, 0, 2, 2
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_fraud_check *f = NULL;
	if (rf_fraud_get(&f, store, a.pos[0], a.pos[1]) < 0)
		rc = cli_fail(c);
	else
		show_check(c, f);
	rf_fraud_check_free(f);
	rf_store_free(store);
	return rc;
}

int cmd_fraud_domains(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"fraud domains", "FILE",
		"Replace the disposable email domains with FILE's: one domain per line,\n"
		"'#' comments. An empty list brings back the list the library ships.",
		NULL, 0, 1, 1
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	int64_t n = 0;
	if (rf_fraud_domains_load(&n, store, a.pos[0]) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kint(&w, "domains", n);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("%lld disposable domains loaded%s\n", (long long)n,
		       n ? "" : " (the shipped list applies)");
	}
	rf_store_free(store);
	return rc;
}
