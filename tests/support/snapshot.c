/*
 * rft_snapshot(): everything the public API shows about a store, as text,
 * so a test can assert that a failing write changed nothing.
 */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
	char *s;
	size_t len, cap;
} buf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void add(buf *b, const char *fmt, ...)
{
	va_list ap;
	if (b->s == NULL) {
		b->cap = 256;
		b->len = 0;
		b->s = malloc(b->cap);
		assert_non_null(b->s);
	}
	for (;;) {
		size_t room = b->cap - b->len;
		va_start(ap, fmt);
		int n = vsnprintf(b->s + b->len, room, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if ((size_t)n < room) {
			b->len += (size_t)n;
			return;
		}
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
}

static void add_stats(buf *b, rft_fixture *f, const char *program, const char *advocate)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = program;
	q.advocate = advocate;
	rf_stats *s = NULL;
	RFT_OK(rf_stats_get(&s, f->store, &q));
	add(b, "  stats %s: %lld %lld %lld %lld %lld %.6f\n", advocate ? advocate : "*",
	    (long long)s->touchpoints, (long long)s->unique_touchpoints,
	    (long long)s->unique_visitors, (long long)s->conversions,
	    (long long)s->attributed_conversions, s->credited_conversions);
	for (size_t i = 0; i < s->value_count; i++)
		add(b, "    %s %lld\n", s->values[i]->currency, (long long)s->values[i]->value_minor);
	rf_stats_free(s);
}

static void add_advocates(buf *b, rft_fixture *f, char ***ids, size_t *n)
{
	int64_t cursor = 0;
	do {
		rf_advocates *page = NULL;
		RFT_OK(rf_advocate_list(&page, f->store, cursor, 1000));
		for (size_t i = 0; i < page->count; i++) {
			const rf_advocate *a = page->items[i];
			add(b, "advocate %lld %s kind=%d name=%s status=%d email=%d at=%lld\n",
			    (long long)a->id, a->external_id, a->kind, a->display_name, a->status,
			    a->has_email, (long long)a->created_at_ms);
			*ids = realloc(*ids, (*n + 1) * sizeof **ids);
			assert_non_null(*ids);
			(*ids)[(*n)++] = strdup(a->external_id);
		}
		cursor = page->next_cursor;
		rf_advocates_free(page);
	} while (cursor != 0);
}

static void add_codes(buf *b, rft_fixture *f)
{
	for (size_t i = 0; i < f->code_count; i++) {
		rf_code *c = NULL;
		RFT_OK(rf_code_get(&c, f->store, f->codes[i]));
		add(b, "code %s %s/%s ch=%d st=%d exp=%lld max=%lld uses=%lld\n", c->code,
		    c->program, c->advocate, c->channel, c->status, (long long)c->expires_at_ms,
		    (long long)c->max_uses, (long long)c->uses);
		rf_code_free(c);
	}
}

static void add_orders(buf *b, rft_fixture *f)
{
	for (size_t i = 0; i < f->order_count; i++) {
		rf_conversion *c = NULL;
		RFT_OK(rf_conversion_get(&c, f->store, f->orders[i][0], f->orders[i][1]));
		add(b, "conversion %s/%s %s %lld %s at=%lld attr=%d credits=%zu\n", c->program,
		    c->order_id, c->visitor_id, (long long)c->value_minor, c->currency,
		    (long long)c->at_ms, c->attributed, c->credit_count);
		for (size_t k = 0; k < c->credit_count; k++)
			add(b, "  credit %s %s %lld\n", c->credits[k]->advocate, c->credits[k]->code,
			    (long long)c->credits[k]->value_minor);
		rf_conversion_free(c);
	}
}

char *rft_snapshot(rft_fixture *f)
{
	buf b = { NULL, 0, 0 };
	add(&b, "%s", "");
	char **ids = NULL;
	size_t nids = 0;
	add_advocates(&b, f, &ids, &nids);

	rf_programs *list = NULL;
	RFT_OK(rf_program_list(&list, f->store, RF_LIST_INCLUDE_ARCHIVED));
	for (size_t i = 0; i < list->count; i++) {
		const rf_program *p = list->items[i];
		const rf_program_rules *r = p->rules;
		add(&b, "program %s name=%s st=%d rv=%lld upd=%lld m=%d len=%d lb=%lld dw=%lld lock=%d\n",
		    p->key, p->name, p->status, (long long)p->rules_version,
		    (long long)p->updated_at_ms, r->model, r->code_length,
		    (long long)r->lookback_ms, (long long)r->duplicate_window_ms,
		    r->lock_first_referrer);
		add_stats(&b, f, p->key, NULL);
		for (size_t k = 0; k < nids; k++)
			add_stats(&b, f, p->key, ids[k]);
	}
	rf_programs_free(list);
	for (size_t k = 0; k < nids; k++)
		free(ids[k]);
	free(ids);
	add_codes(&b, f);
	add_orders(&b, f);
	return b.s;
}

void rft_assert_unchanged_at(rft_fixture *f, char *before, const char *file, int line)
{
	char *after = rft_snapshot(f);
	int same = strcmp(before, after) == 0;
	if (!same)
		print_error("state changed by a failing call\n--- before\n%s--- after\n%s", before,
			    after);
	free(before);
	free(after);
	if (!same)
		_fail(file, line);
}
