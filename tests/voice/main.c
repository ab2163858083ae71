/* test_voice: segments, testimonials, reference asks. */
#include "voice_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void voice_advocate(rft_fixture *f, const char *id, int32_t kind, int tracking, int messages)
{
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = id;
	spec.kind = kind;
	RFT_OK(rf_advocate_add(NULL, f->store, &spec));
	if (tracking)
		RFT_OK(rf_consent_set(f->store, id, RF_CONSENT_TRACKING, 1, "test"));
	if (messages)
		RFT_OK(rf_consent_set(f->store, id, RF_CONSENT_MESSAGES, 1, "test"));
}

void voice_scene(rft_fixture *f)
{
	rft_program(f, "p", NULL);
	voice_advocate(f, "alice", RF_ADVOCATE_CUSTOMER, 1, 1);
	voice_advocate(f, "bob", RF_ADVOCATE_EMPLOYEE, 1, 1);
	voice_advocate(f, "carol", RF_ADVOCATE_PARTNER, 1, 1);
}

int64_t voice_submit(rft_fixture *f, const char *program, const char *advocate,
		     const char *product, int32_t rating, int32_t consent)
{
	rf_testimonial_spec spec = RF_TESTIMONIAL_SPEC_INIT;
	spec.program = program;
	spec.advocate = advocate;
	spec.product = product;
	spec.body = "Great program.\nWould refer again.";
	spec.rating = rating;
	spec.publish_consent = consent;
	rf_testimonial *t = NULL;
	RFT_OK(rf_testimonial_submit(&t, f->store, &spec));
	assert_non_null(t);
	int64_t id = t->id;
	rf_testimonial_free(t);
	return id;
}

size_t voice_activities(rft_fixture *f, const char *advocate, int32_t type)
{
	rf_activity_list *list = NULL;
	RFT_OK(rf_activity_list_get(&list, f->store, "p", advocate, 0, 0, 1000));
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++)
		n += list->items[i]->type == type;
	rf_activity_list_free(list);
	return n;
}

typedef struct sbuf {
	char *s;
	size_t len;
} sbuf;

static void put(sbuf *b, const char *text)
{
	size_t n = strlen(text);
	b->s = realloc(b->s, b->len + n + 1);
	assert_non_null(b->s);
	memcpy(b->s + b->len, text, n + 1);
	b->len += n;
}

static void put_testimonials(sbuf *b, rft_fixture *f, const char *program)
{
	char line[8192];
	for (int32_t which = RF_TESTIMONIALS_PENDING; which <= RF_TESTIMONIALS_REJECTED; which++) {
		rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
		q.program = program;
		q.which = which;
		q.limit = 1000;
		rf_testimonials *list = NULL;
		RFT_OK(rf_testimonial_find(&list, f->store, &q));
		for (size_t i = 0; i < list->count; i++) {
			const rf_testimonial *t = list->items[i];
			snprintf(line, sizeof line, "testimonial %lld %s %s %s %s r=%d c=%d s=%d %lld %lld %s\n",
				 (long long)t->id, t->advocate, t->segment, t->product, t->program,
				 t->rating, t->publish_consent, t->status, (long long)t->created_at_ms,
				 (long long)t->decided_at_ms, t->body);
			put(b, line);
		}
		rf_testimonials_free(list);
	}
}

static void put_program(sbuf *b, rft_fixture *f, const char *program)
{
	char line[512];
	put_testimonials(b, f, program);
	for (int64_t id = 1; id <= 32; id++) {
		rf_reference *r = NULL;
		if (rf_reference_get(&r, f->store, program, id) != RF_OK)
			continue;
		snprintf(line, sizeof line, "ask %lld %s %s o=%d %lld %lld %lld\n", (long long)r->id,
			 r->advocate, r->prospect, r->outcome, (long long)r->asked_at_ms,
			 (long long)r->accepted_at_ms, (long long)r->closed_at_ms);
		put(b, line);
		rf_reference_free(r);
	}
	rf_activity_list *acts = NULL;
	RFT_OK(rf_activity_list_get(&acts, f->store, program, NULL, 0, 0, 10000));
	for (size_t i = 0; i < acts->count; i++) {
		snprintf(line, sizeof line, "activity %lld %s %d %lld\n", (long long)acts->items[i]->id,
			 acts->items[i]->advocate, acts->items[i]->type,
			 (long long)acts->items[i]->at_ms);
		put(b, line);
	}
	rf_activity_list_free(acts);
}

char *voice_snapshot(rft_fixture *f)
{
	sbuf b = { NULL, 0 };
	char *base = rft_snapshot(f);
	put(&b, base);
	free(base);
	rf_advocates *advs = NULL;
	RFT_OK(rf_advocate_list(&advs, f->store, 0, 1000));
	for (size_t i = 0; i < advs->count; i++) {
		char seg[RF_SEGMENT_BUFSIZE], line[400];
		RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, advs->items[i]->external_id));
		snprintf(line, sizeof line, "segment %s %s\n", advs->items[i]->external_id, seg);
		put(&b, line);
	}
	rf_advocates_free(advs);
	rf_programs *list = NULL;
	RFT_OK(rf_program_list(&list, f->store, RF_LIST_INCLUDE_ARCHIVED));
	for (size_t i = 0; i < list->count; i++)
		put_program(&b, f, list->items[i]->key);
	rf_programs_free(list);
	return b.s;
}

void voice_unchanged_at(rft_fixture *f, char *before, const char *file, int line)
{
	char *after = voice_snapshot(f);
	int same = strcmp(before, after) == 0;
	if (!same)
		print_error("state changed by a failing call\n--- before\n%s--- after\n%s", before,
			    after);
	free(before);
	free(after);
	if (!same)
		_fail(file, line);
}

#define T(name) cmocka_unit_test_setup_teardown(name, rft_setup, rft_teardown)

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		T(test_segment_set_get),
		T(test_segment_errors),
		T(test_testimonial_submit),
		T(test_testimonial_without_tracking_consent),
		T(test_testimonial_decide),
		T(test_testimonial_find_filters),
		T(test_testimonial_paging),
		T(test_testimonial_errors),
		T(test_testimonial_disabled),
		T(test_reference_find_order),
		T(test_reference_find_exclusions),
		T(test_reference_ask_cap_sliding),
		T(test_reference_outcomes),
		T(test_reference_activity_rules),
		T(test_reference_errors),
	};
	return cmocka_run_group_tests_name("voice", tests, NULL, NULL) ? 1 : 0;
}
