/*
 * The advocate's voice:
 *   referral segment ADVOCATE [SEGMENT] [--clear]
 *   referral testimonial add PROGRAM ADVOCATE --rating N --text TEXT [--product P]
 *                                [--publish] [--at TIME]
 *   referral testimonial approve|reject PROGRAM ID
 *   referral testimonial list PROGRAM [--status S] [--product P] [--segment S] [--kind K]
 *                                [--advocate A] [--min-rating N] [--cursor C] [--limit N]
 *   referral reference find PROGRAM [--kind K] [--segment S] [--min-score N] [--limit N]
 *   referral reference ask PROGRAM ADVOCATE PROSPECT
 *   referral reference close PROGRAM ID OUTCOME
 */
#include "args.h"
#include "commands.h"
#include "output.h"
#include "timeparse.h"

#include <stdio.h>
#include <string.h>

/* ---- segments ---------------------------------------------------------- */

int cmd_segment(cli *c, int argc, char **argv)
{
	int clear = 0;
	const arg_opt opts[] = {
		{ "clear", NULL, NULL, &clear, "remove the advocate's segment" },
	};
	const arg_spec spec = {
		"segment", "ADVOCATE [SEGMENT] [--clear]",
		"Show, set or remove an advocate's segment (1..64 bytes of [a-z0-9_-]),\n"
		"used to find testimonials and reference candidates.",
		opts, ARGS_COUNT(opts), 1, 2
	};
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (clear && a.count == 2)
		return cli_usage(c, "give SEGMENT or --clear, not both");
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	char seg[RF_SEGMENT_BUFSIZE];
	if ((a.count == 2 || clear) &&
	    rf_advocate_segment_set(store, a.pos[0], clear ? NULL : a.pos[1]) < 0) {
		rc = cli_fail(c);
	} else if (rf_advocate_segment_get(seg, sizeof seg, store, a.pos[0]) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "advocate", a.pos[0]);
		jw_kstr_or_null(&w, "segment", seg);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		kv("advocate", "%s", a.pos[0]);
		kv("segment", "%s", or_dash(seg));
	}
	rf_store_free(store);
	return rc;
}

/* ---- testimonials ---------------------------------------------------------- */

static void testimonial_fields(jw *w, const rf_testimonial *t)
{
	jw_kint(w, "id", t->id);
	jw_kstr(w, "program", t->program);
	jw_kstr(w, "advocate", t->advocate);
	jw_kstr(w, "advocate_kind", cli_enum_name(RF_ENUM_ADVOCATE_KIND, t->advocate_kind));
	jw_kstr(w, "display_name", t->display_name);
	jw_kstr(w, "segment", t->segment);
	jw_kstr(w, "product", t->product);
	jw_kstr(w, "text", t->body);
	jw_kint(w, "rating", t->rating);
	jw_kbool(w, "publish_consent", t->publish_consent);
	jw_kstr(w, "status", cli_enum_name(RF_ENUM_TESTIMONIAL_STATUS, t->status));
	jw_ktime(w, "created_at", t->created_at_ms, 0);
	jw_ktime(w, "decided_at", t->decided_at_ms, 1);
}

static void testimonial_out(const cli *c, const rf_testimonial *t)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		testimonial_fields(&w, t);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet) {
		printf("%lld\n", (long long)t->id);
		return;
	}
	kv("testimonial", "%lld", (long long)t->id);
	kv("advocate", "%s (%s)", t->advocate, cli_enum_name(RF_ENUM_ADVOCATE_KIND, t->advocate_kind));
	kv("segment", "%s", or_dash(t->segment));
	kv("product", "%s", or_dash(t->product));
	kv("rating", "%d", (int)t->rating);
	kv("publish", "%s", t->publish_consent ? "consented" : "not consented");
	kv("status", "%s", cli_enum_name(RF_ENUM_TESTIMONIAL_STATUS, t->status));
	kv_time("submitted", t->created_at_ms);
	if (t->decided_at_ms)
		kv_time("decided", t->decided_at_ms);
	kv("text", "%s", t->body);
}

int cmd_testimonial_add(cli *c, int argc, char **argv)
{
	rf_testimonial_spec s = RF_TESTIMONIAL_SPEC_INIT;
	const char *rating = NULL, *at = NULL;
	int publish = 0;
	const arg_opt opts[] = {
		{ "text", "TEXT", &s.body, NULL, "the testimonial (required)" },
		{ "rating", "N", &rating, NULL, "rating 1..5 (required)" },
		{ "product", "NAME", &s.product, NULL, "the product it is about" },
		{ "publish", NULL, NULL, &publish, "the advocate consents to its publication" },
		{ "at", "TIME", &at, NULL, "when it was given (default: now)" },
	};
	const arg_spec spec = {
		"testimonial add", "PROGRAM ADVOCATE --rating N --text TEXT [--product P] [--publish]",
		"Record an advocate's testimonial (pending until approved). It counts as\n"
		"activity when the advocate consents to tracking.",
		opts, ARGS_COUNT(opts), 2, 2
	};
	arg_result a;
	int rc;
	int64_t n = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (rating == NULL)
		return cli_usage(c, "--rating is required");
	if (s.body == NULL)
		return cli_usage(c, "--text is required");
	if (argval_i64(c, "--rating", rating, 1, 5, &n) || argval_time(c, "--at", at, &s.at_ms))
		return CLI_EXIT_USAGE;
	s.program = a.pos[0];
	s.advocate = a.pos[1];
	s.rating = (int32_t)n;
	s.publish_consent = publish;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_testimonial *t = NULL;
	if (rf_testimonial_submit(&t, store, &s) < 0)
		rc = cli_fail(c);
	else
		testimonial_out(c, t);
	rf_testimonial_free(t);
	rf_store_free(store);
	return rc;
}

static int decide(cli *c, int argc, char **argv, int32_t status)
{
	const arg_spec spec = {
		status == RF_TESTIMONIAL_APPROVED ? "testimonial approve" : "testimonial reject",
		"PROGRAM ID",
		status == RF_TESTIMONIAL_APPROVED
			? "Approve a testimonial: once the advocate consents to publication, it\n"
			  "is listed as publishable."
			: "Reject a testimonial (an approved one too): it is no longer publishable.",
		NULL, 0, 2, 2
	};
	arg_result a;
	int rc;
	int64_t id = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "ID", a.pos[1], 1, INT64_MAX, &id))
		return CLI_EXIT_USAGE;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_testimonial *t = NULL;
	if (rf_testimonial_decide(&t, store, a.pos[0], id, status) < 0)
		rc = cli_fail(c);
	else
		testimonial_out(c, t);
	rf_testimonial_free(t);
	rf_store_free(store);
	return rc;
}

int cmd_testimonial_approve(cli *c, int argc, char **argv)
{
	return decide(c, argc, argv, RF_TESTIMONIAL_APPROVED);
}

int cmd_testimonial_reject(cli *c, int argc, char **argv)
{
	return decide(c, argc, argv, RF_TESTIMONIAL_REJECTED);
}

/* One line of at most `max` bytes of `text` for a table (whole UTF-8
 * characters; control characters become spaces; "..." when cut). */
static void excerpt(char *out, size_t max, const char *text)
{
	size_t n = 0, i = 0;
	while (text[i] && n + 4 < max) {
		size_t len = 1;
		unsigned char ch = (unsigned char)text[i];
		if (ch >= 0xF0)
			len = 4;
		else if (ch >= 0xE0)
			len = 3;
		else if (ch >= 0xC0)
			len = 2;
		if (n + len + 4 > max)
			break;
		for (size_t k = 0; k < len && text[i]; k++, i++)
			out[n++] = ch < 0x20 ? ' ' : text[i];
	}
	if (text[i]) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

static const char *const filter_names[] = { "publishable", "pending", "approved", "rejected" };

static void testimonials_out(const cli *c, const rf_testimonials *l)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_karr_begin(&w, "testimonials");
		for (size_t i = 0; i < l->count; i++) {
			jw_obj_begin(&w);
			testimonial_fields(&w, l->items[i]);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_kint(&w, "next_cursor", l->next_cursor);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet) {
		for (size_t i = 0; i < l->count; i++)
			printf("%lld\n", (long long)l->items[i]->id);
		return;
	}
	const char *h[] = { "id", "advocate", "kind", "segment", "product", "rating", "status",
			    "publish", "text" };
	table *t = table_new(9, h);
	table_align_right(t, 0);
	table_align_right(t, 5);
	for (size_t i = 0; i < l->count; i++) {
		const rf_testimonial *x = l->items[i];
		char line[64];
		excerpt(line, sizeof line, x->body);
		table_row(t);
		table_cell(t, "%lld", (long long)x->id);
		table_cell(t, "%s", x->advocate);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_ADVOCATE_KIND, x->advocate_kind));
		table_cell(t, "%s", or_dash(x->segment));
		table_cell(t, "%s", or_dash(x->product));
		table_cell(t, "%d", (int)x->rating);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_TESTIMONIAL_STATUS, x->status));
		table_cell(t, "%s", x->publish_consent ? "yes" : "no");
		table_cell(t, "%s", line);
	}
	table_print_free(t);
	if (l->next_cursor)
		printf("more: --cursor %lld\n", (long long)l->next_cursor);
}

int cmd_testimonial_list(cli *c, int argc, char **argv)
{
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	const char *status = NULL, *kind = NULL, *rating = NULL, *cursor = NULL, *limit = NULL;
	const arg_opt opts[] = {
		{ "status", "S", &status, NULL, "publishable (default), pending, approved, rejected" },
		{ "product", "NAME", &q.product, NULL, "only about this product" },
		{ "segment", "SEG", &q.segment, NULL, "only from advocates of this segment" },
		{ "kind", "KIND", &kind, NULL, "customer, employee, partner or influencer" },
		{ "advocate", "ID", &q.advocate, NULL, "only this advocate's" },
		{ "min-rating", "N", &rating, NULL, "rated at least N (1..5)" },
		{ "cursor", "C", &cursor, NULL, "the next page (as printed)" },
		{ "limit", "N", &limit, NULL, "at most N (default 100, up to 1000)" },
	};
	const arg_spec spec = {
		"testimonial list", "PROGRAM [--status S] [--product P] [--segment S] [--kind K] ...",
		"A program's testimonials by id, a page at a time. By default the\n"
		"publishable ones: approved, and consented to publication.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	arg_result a;
	int rc;
	int64_t min = 0, cur = 0, lim = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	q.which = -1;
	for (int32_t i = 0; status && i < 4; i++) {
		if (strcmp(status, filter_names[i]) == 0)
			q.which = i;
	}
	if (status && q.which < 0)
		return cli_usage(c, "--status: '%s' is not publishable, pending, approved or rejected",
				 status);
	if (q.which < 0)
		q.which = RF_TESTIMONIALS_PUBLISHABLE;
	if (argval_enum(c, "--kind", kind, RF_ENUM_ADVOCATE_KIND, &q.advocate_kind) ||
	    argval_i64(c, "--min-rating", rating, 1, 5, &min) ||
	    argval_i64(c, "--cursor", cursor, 0, INT64_MAX, &cur) ||
	    argval_i64(c, "--limit", limit, 1, 1000, &lim))
		return CLI_EXIT_USAGE;
	q.program = a.pos[0];
	q.min_rating = (int32_t)min;
	q.cursor = cur;
	q.limit = (uint32_t)lim;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_testimonials *l = NULL;
	if (rf_testimonial_find(&l, store, &q) < 0)
		rc = cli_fail(c);
	else
		testimonials_out(c, l);
	rf_testimonials_free(l);
	rf_store_free(store);
	return rc;
}

/* ---- reference asks -------------------------------------------------------- */

static void reference_out(const cli *c, const rf_reference *r)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kint(&w, "id", r->id);
		jw_kstr(&w, "program", r->program);
		jw_kstr(&w, "advocate", r->advocate);
		jw_kstr(&w, "prospect", r->prospect);
		jw_kstr(&w, "outcome", cli_enum_name(RF_ENUM_REFERENCE_OUTCOME, r->outcome));
		jw_ktime(&w, "asked_at", r->asked_at_ms, 0);
		jw_ktime(&w, "accepted_at", r->accepted_at_ms, 1);
		jw_ktime(&w, "closed_at", r->closed_at_ms, 1);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet) {
		printf("%lld\n", (long long)r->id);
		return;
	}
	kv("ask", "%lld", (long long)r->id);
	kv("advocate", "%s", r->advocate);
	kv("prospect", "%s", r->prospect);
	kv("outcome", "%s", cli_enum_name(RF_ENUM_REFERENCE_OUTCOME, r->outcome));
	kv_time("asked", r->asked_at_ms);
	if (r->accepted_at_ms)
		kv_time("accepted", r->accepted_at_ms);
	if (r->closed_at_ms)
		kv_time("outcome at", r->closed_at_ms);
}

static void candidates_out(const cli *c, const rf_reference_candidates *l)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_ktime(&w, "at", l->at_ms, 0);
		jw_kint(&w, "score_config_version", l->score_config_version);
		jw_kint(&w, "config_version", l->config_version);
		jw_karr_begin(&w, "candidates");
		for (size_t i = 0; i < l->count; i++) {
			const rf_reference_candidate *x = l->items[i];
			jw_obj_begin(&w);
			jw_kint(&w, "rank", (int64_t)i + 1);
			jw_kstr(&w, "advocate", x->advocate);
			jw_kstr(&w, "advocate_kind", cli_enum_name(RF_ENUM_ADVOCATE_KIND, x->advocate_kind));
			jw_kstr(&w, "display_name", x->display_name);
			jw_kstr(&w, "segment", x->segment);
			jw_kdouble(&w, "score", x->score);
			jw_kint(&w, "asks", x->asks);
			jw_ktime(&w, "last_asked_at", x->last_asked_at_ms, 1);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet) {
		for (size_t i = 0; i < l->count; i++)
			printf("%s\n", l->items[i]->advocate);
		return;
	}
	const char *h[] = { "rank", "advocate", "kind", "segment", "score", "asks", "last asked" };
	table *t = table_new(7, h);
	table_align_right(t, 0);
	table_align_right(t, 4);
	table_align_right(t, 5);
	for (size_t i = 0; i < l->count; i++) {
		const rf_reference_candidate *x = l->items[i];
		table_row(t);
		table_cell(t, "%zu", i + 1);
		table_cell(t, "%s", x->advocate);
		table_cell(t, "%s", cli_enum_name(RF_ENUM_ADVOCATE_KIND, x->advocate_kind));
		table_cell(t, "%s", or_dash(x->segment));
		table_cell(t, "%.2f", x->score);
		table_cell(t, "%lld", (long long)x->asks);
		table_cell_time(t, x->last_asked_at_ms);
	}
	table_print_free(t);
}

int cmd_reference_find(cli *c, int argc, char **argv)
{
	rf_reference_query q = RF_REFERENCE_QUERY_INIT;
	const char *kind = NULL, *score = NULL, *limit = NULL;
	const arg_opt opts[] = {
		{ "kind", "KIND", &kind, NULL, "customer, employee, partner or influencer" },
		{ "segment", "SEG", &q.segment, NULL, "only advocates of this segment" },
		{ "min-score", "N", &score, NULL, "scoring at least N (0..100)" },
		{ "limit", "N", &limit, NULL, "at most N (default 10, up to 100)" },
	};
	const arg_spec spec = {
		"reference find", "PROGRAM [--kind K] [--segment S] [--min-score N] [--limit N]",
		"Advocates who may be asked for a reference now, best score first: active,\n"
		"consenting to messages, under the program's ask cap.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	arg_result a;
	int rc;
	int64_t min = 0, lim = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_enum(c, "--kind", kind, RF_ENUM_ADVOCATE_KIND, &q.advocate_kind) ||
	    argval_i64(c, "--min-score", score, 0, 100, &min) ||
	    argval_i64(c, "--limit", limit, 1, 100, &lim))
		return CLI_EXIT_USAGE;
	q.program = a.pos[0];
	q.min_score = (int32_t)min;
	q.limit = (uint32_t)lim;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_reference_candidates *l = NULL;
	if (rf_reference_find(&l, store, &q) < 0)
		rc = cli_fail(c);
	else
		candidates_out(c, l);
	rf_reference_candidates_free(l);
	rf_store_free(store);
	return rc;
}

int cmd_reference_ask(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"reference ask", "PROGRAM ADVOCATE PROSPECT",
		"Record that ADVOCATE was asked to be a reference for PROSPECT (free text,\n"
		"up to 255 bytes; it may name a person and is erased with the advocate).\n"
		"Refused when the advocate reached the program's ask cap.",
		NULL, 0, 3, 3
	};
	arg_result a;
	int rc;
	rf_store *store;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_reference *r = NULL;
	if (rf_reference_ask(&r, store, a.pos[0], a.pos[1], a.pos[2]) < 0)
		rc = cli_fail(c);
	else
		reference_out(c, r);
	rf_reference_free(r);
	rf_store_free(store);
	return rc;
}

int cmd_reference_close(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"reference close", "PROGRAM ID OUTCOME",
		"Record what came of an ask: accepted, declined, completed or no-response.\n"
		"An accepted ask may still be completed, declined or end without response.",
		NULL, 0, 3, 3
	};
	arg_result a;
	int rc;
	int64_t id = 0;
	int32_t outcome = 0;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_i64(c, "ID", a.pos[1], 1, INT64_MAX, &id) ||
	    argval_enum(c, "OUTCOME", a.pos[2], RF_ENUM_REFERENCE_OUTCOME, &outcome))
		return CLI_EXIT_USAGE;
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_reference *r = NULL;
	if (rf_reference_close(&r, store, a.pos[0], id, outcome) < 0)
		rc = cli_fail(c);
	else
		reference_out(c, r);
	rf_reference_free(r);
	rf_store_free(store);
	return rc;
}
