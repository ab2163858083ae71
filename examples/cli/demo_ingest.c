/* Feeding the simulated world to the library: program, advocates and codes
 * first, then touchpoints in batches (one transaction each) and conversions
 * one by one, in time order, with the injected clock following along (it
 * never goes back: conversions carry their own time). */
#include "demo.h"

#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BATCH_MAX 2000

int64_t demo_clock_now(void *ctx)
{
	return ((const demo_clock *)ctx)->now_ms;
}

void demo_progress(const char *stage, size_t done, size_t total)
{
	static int tty = -1, last_percent = -1;
	static char last_stage[32];
	int percent = total ? (int)(100.0 * (double)done / (double)total) : 100;

	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (!tty || (strcmp(stage, last_stage) == 0 && percent == last_percent))
		return;
	snprintf(last_stage, sizeof last_stage, "%s", stage);
	last_percent = percent;
	if (done >= total)
		fprintf(stderr, "\r%-60s\r", "");
	else
		fprintf(stderr, "\r%s: %3d%%", stage, percent);
}

/* An influencer's own code: first name and number, e.g. "ZOE27"; symbols
 * outside the code alphabet (U, accents) are dropped. */
static void vanity_for(char *buf, size_t size, const demo_advocate *a, size_t number)
{
	size_t n = 0;
	for (const char *p = a->name; *p && *p != ' ' && n < 8; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch < 0x80 && isalpha(ch) && toupper(ch) != 'U')
			buf[n++] = (char)toupper(ch);
	}
	snprintf(buf + n, size - n, "%zu", number);
}

static int issue_code(const cli *c, rf_store *store, const demo_advocate *a, demo_code *code,
		      const char *vanity)
{
	rf_code_spec in = RF_CODE_SPEC_INIT;
	rf_code *out = NULL;
	int rc;

	in.program = DEMO_PROGRAM;
	in.advocate = a->id;
	in.channel = code->channel;
	in.vanity = vanity;
	in.content = demo_content_for(code->channel);
	rc = rf_code_issue(&out, store, &in);
	if (rc < 0 && vanity) { /* taken or refused: a random code instead */
		in.vanity = NULL;
		rc = rf_code_issue(&out, store, &in);
	}
	if (rc < 0)
		return cli_fail(c);
	snprintf(code->code, sizeof code->code, "%s", out->code);
	rf_code_free(out);
	return CLI_EXIT_OK;
}

/* Advocates say yes to tracking (two in three to messages too) and invite
 * a few friends as they join: the scores, stages and K-factor have
 * something to go on. */
static int engage(const cli *c, rf_store *store, const demo_advocate *a, size_t i)
{
	if (rf_consent_set(store, a->id, RF_CONSENT_TRACKING, 1, "demo signup") < 0 ||
	    (i % 3 != 0 && rf_consent_set(store, a->id, RF_CONSENT_MESSAGES, 1, "demo signup") < 0))
		return cli_fail(c);
	rf_activity_spec s = RF_ACTIVITY_SPEC_INIT;
	s.program = DEMO_PROGRAM;
	s.advocate = a->id;
	s.type = RF_ACTIVITY_INVITE;
	for (size_t k = 0; k < 1 + i % 4; k++)
		if (rf_activity_record(NULL, store, &s) < 0)
			return cli_fail(c);
	return CLI_EXIT_OK;
}

static int add_advocate(const cli *c, rf_store *store, demo_world *w, size_t i)
{
	demo_advocate *a = &w->advocates[i];
	rf_advocate_spec in = RF_ADVOCATE_SPEC_INIT;
	char email[40], vanity[24];
	int rc;

	in.external_id = a->id;
	in.kind = a->kind;
	in.display_name = a->name;
	snprintf(email, sizeof email, "%s@example.com", a->id);
	if (i % 5 != 0) /* most advocates gave an email; only its hash is kept */
		in.email = email;
	if (rf_advocate_add(NULL, store, &in) < 0)
		return cli_fail(c);
	if ((rc = engage(c, store, a, i)) != CLI_EXIT_OK)
		return rc;
	for (size_t k = 0; k < a->code_count; k++) {
		int want_vanity = a->kind == RF_ADVOCATE_INFLUENCER && k == 0;
		vanity_for(vanity, sizeof vanity, a, i + 1);
		rc = issue_code(c, store, a, &w->codes[a->first_code + k], want_vanity ? vanity : NULL);
		if (rc != CLI_EXIT_OK)
			return rc;
	}
	return CLI_EXIT_OK;
}

/* The program and its advocates, who join over the two weeks before launch. */
static int setup(const cli *c, rf_store *store, demo_clock *clock, demo_world *w)
{
	rf_program_rules rules = RF_PROGRAM_RULES_INIT;
	int64_t join_span = 14 * RF_DAY_MS;
	int rc;

	clock->now_ms = w->start_ms - join_span;
	if (rf_program_create(NULL, store, DEMO_PROGRAM, "Spring referral demo", &rules) < 0)
		return cli_fail(c);
	if ((rc = demo_rewards_setup(c, store)) != CLI_EXIT_OK ||
	    (rc = demo_content_setup(c, store)) != CLI_EXIT_OK)
		return rc;
	for (size_t i = 0; i < w->advocate_count; i++) {
		clock->now_ms = w->start_ms - join_span +
				join_span * (int64_t)i / (int64_t)w->advocate_count;
		if ((rc = add_advocate(c, store, w, i)) != CLI_EXIT_OK)
			return rc;
		demo_progress("adding advocates", i, w->advocate_count);
	}
	demo_progress("adding advocates", w->advocate_count, w->advocate_count);
	return CLI_EXIT_OK;
}

/* Touchpoints waiting to be written in one transaction. */
typedef struct batch {
	rf_touchpoint_spec specs[BATCH_MAX];
	const rf_touchpoint_spec *ptrs[BATCH_MAX];
	char visitors[BATCH_MAX][24];
	size_t count;
} batch;

static int flush(const cli *c, rf_store *store, demo_clock *clock, batch *b, demo_world *w)
{
	if (b->count == 0)
		return CLI_EXIT_OK;
	clock->now_ms = b->specs[b->count - 1].at_ms;
	if (rf_touchpoint_record_batch(store, b->ptrs, b->count) < 0)
		return cli_fail(c);
	w->touches_recorded += (int64_t)b->count;
	b->count = 0;
	return CLI_EXIT_OK;
}

static void add_touch(batch *b, demo_world *w, const demo_event *e)
{
	rf_touchpoint_spec *spec = &b->specs[b->count];
	const demo_code *code = &w->codes[e->code];
	*spec = (rf_touchpoint_spec)RF_TOUCHPOINT_SPEC_INIT;
	demo_visitor_id(b->visitors[b->count], e->visitor);
	spec->code = code->code;
	spec->visitor_id = b->visitors[b->count];
	spec->kind = e->kind;
	spec->at_ms = e->at_ms;
	b->ptrs[b->count++] = spec;
	w->channels[code->channel].touches++;
}

/* Credit per channel, as the library attributed it. */
static void tally_credit(demo_world *w, const demo_event *e, const rf_conversion *cv)
{
	for (size_t i = 0; i < cv->credit_count; i++) {
		const rf_credit *cr = cv->credits[i];
		if (cr->channel >= 0 && cr->channel < DEMO_CHANNELS) {
			w->channels[cr->channel].credited += cr->weight;
			w->channels[cr->channel].value_minor += cr->value_minor;
		}
	}
	if (cv->attributed && e->advocates_touched > w->example_touched) {
		w->example_order = e->order;
		w->example_touched = e->advocates_touched;
	}
}

static int record_order(const cli *c, rf_store *store, demo_world *w, const demo_event *e)
{
	rf_conversion_spec in = RF_CONVERSION_SPEC_INIT;
	rf_conversion *cv = NULL;
	char order[24], visitor[24];

	demo_order_id(order, e->order);
	demo_visitor_id(visitor, e->visitor);
	in.program = DEMO_PROGRAM;
	in.visitor_id = visitor;
	in.order_id = order;
	in.value_minor = e->value_minor;
	in.currency = DEMO_CURRENCY;
	in.at_ms = e->at_ms;
	if (rf_conversion_record(&cv, store, &in) < 0)
		return cli_fail(c);
	tally_credit(w, e, cv);
	w->orders_recorded++;
	rf_conversion_free(cv);
	return CLI_EXIT_OK;
}

/* Conversions wait until the touchpoints before them are written: a batch
 * may then also hold later touchpoints, which fall outside the conversion's
 * window [at - lookback, at] and so change nothing. */
typedef struct pending {
	size_t *events;
	size_t count, cap;
} pending;

static void hold(pending *p, size_t event)
{
	if (p->count == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->events = xrealloc(p->events, p->cap * sizeof *p->events);
	}
	p->events[p->count++] = event;
}

static int flush_all(const cli *c, rf_store *store, demo_clock *clock, batch *b, pending *p,
		     demo_world *w)
{
	int rc = flush(c, store, clock, b, w);
	for (size_t i = 0; i < p->count && rc == CLI_EXIT_OK; i++)
		rc = record_order(c, store, w, &w->events[p->events[i]]);
	p->count = 0;
	return rc;
}

static int feed(const cli *c, rf_store *store, demo_clock *clock, demo_world *w)
{
	batch *b = xcalloc(1, sizeof *b);
	pending orders = { 0 };
	int rc = CLI_EXIT_OK;

	for (size_t i = 0; i < w->event_count && rc == CLI_EXIT_OK; i++) {
		const demo_event *e = &w->events[i];
		if (e->type == DEMO_ORDER)
			hold(&orders, i);
		else
			add_touch(b, w, e);
		if (b->count == BATCH_MAX)
			rc = flush_all(c, store, clock, b, &orders, w);
		if (i % 4096 == 0)
			demo_progress("recording events", i, w->event_count);
	}
	if (rc == CLI_EXIT_OK)
		rc = flush_all(c, store, clock, b, &orders, w);
	demo_progress("recording events", w->event_count, w->event_count);
	free(orders.events);
	free(b);
	return rc;
}

int demo_ingest(const cli *c, rf_store *store, demo_clock *clock, demo_world *w)
{
	int rc = setup(c, store, clock, w);
	if (rc == CLI_EXIT_OK)
		rc = feed(c, store, clock, w);
	return rc;
}
