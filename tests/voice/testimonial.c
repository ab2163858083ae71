/* Segments and testimonials: submit, decide, consent, find, paging, errors. */
#include "voice_tests.h"

#include <stdlib.h>
#include <string.h>

void test_segment_set_get(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	char seg[RF_SEGMENT_BUFSIZE] = "x";
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "alice"));
	assert_string_equal(seg, "");
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "enterprise"));
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "alice"));
	assert_string_equal(seg, "enterprise");
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "smb"));
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "alice"));
	assert_string_equal(seg, "smb");
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "bob"));
	assert_string_equal(seg, "");
	/* 64 bytes fit exactly */
	char *longest = rft_repeat('a', RF_SEGMENT_MAX_LEN);
	RFT_OK(rf_advocate_segment_set(f->store, "bob", longest));
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "bob"));
	assert_string_equal(seg, longest);
	free(longest);
	/* NULL removes; removing twice is harmless */
	RFT_OK(rf_advocate_segment_set(f->store, "alice", NULL));
	RFT_OK(rf_advocate_segment_set(f->store, "alice", NULL));
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "alice"));
	assert_string_equal(seg, "");
	rft_reopen(f);
	RFT_OK(rf_advocate_segment_get(seg, sizeof seg, f->store, "bob"));
	assert_int_equal(strlen(seg), RF_SEGMENT_MAX_LEN);
}

void test_segment_errors(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "smb"));
	char *before = voice_snapshot(f);
	char *too_long = rft_repeat('a', RF_SEGMENT_MAX_LEN + 1);
	const char *bad[] = { "", "Enterprise", "two words", "caf\xc3\xa9", "a/b", too_long };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		RFT_RC(rf_advocate_segment_set(f->store, "alice", bad[i]), RF_EINVALID);
	free(too_long);
	RFT_RC(rf_advocate_segment_set(f->store, "nobody", "smb"), RF_ENOTFOUND);
	RFT_RC(rf_advocate_segment_set(f->store, NULL, "smb"), RF_EINVALID);
	RFT_RC(rf_advocate_segment_set(NULL, "alice", "smb"), RF_EINVALID);
	char seg[4];
	RFT_RC(rf_advocate_segment_get(seg, sizeof seg, f->store, "alice"), RF_OK);
	assert_string_equal(seg, "smb");
	RFT_RC(rf_advocate_segment_get(seg, 3, f->store, "alice"), RF_EINVALID);
	assert_string_equal(seg, "");
	RFT_RC(rf_advocate_segment_get(NULL, 10, f->store, "alice"), RF_EINVALID);
	RFT_RC(rf_advocate_segment_get(seg, 0, f->store, "alice"), RF_EINVALID);
	RFT_RC(rf_advocate_segment_get(seg, sizeof seg, f->store, "nobody"), RF_ENOTFOUND);
	VOICE_UNCHANGED(f, before);
}

void test_testimonial_submit(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "enterprise"));
	f->now = RFT_T0 + 5000;
	rf_testimonial_spec spec;
	RFT_OK(rf_testimonial_spec_init(&spec, RF_TESTIMONIAL_SPEC_VERSION));
	spec.program = "p";
	spec.advocate = "alice";
	spec.product = "crm";
	spec.body = "Line one.\n\tLine two, caf\xc3\xa9.";
	spec.rating = 5;
	spec.publish_consent = 1;
	rf_testimonial *t = NULL;
	RFT_OK(rf_testimonial_submit(&t, f->store, &spec));
	assert_true(t->id > 0);
	assert_string_equal(t->program, "p");
	assert_string_equal(t->advocate, "alice");
	assert_int_equal(t->advocate_kind, RF_ADVOCATE_CUSTOMER);
	assert_string_equal(t->segment, "enterprise");
	assert_string_equal(t->product, "crm");
	assert_string_equal(t->body, spec.body);
	assert_int_equal(t->rating, 5);
	assert_int_equal(t->publish_consent, 1);
	assert_int_equal(t->status, RF_TESTIMONIAL_PENDING);
	assert_int_equal(t->created_at_ms, RFT_T0 + 5000);
	assert_int_equal(t->decided_at_ms, 0);
	int64_t id = t->id;
	rf_testimonial_free(t);

	/* it counts as a testimonial activity, and the score moves */
	assert_int_equal(voice_activities(f, "alice", RF_ACTIVITY_TESTIMONIAL), 1);
	rf_score *score = NULL;
	RFT_OK(rf_score_get(&score, f->store, "p", "alice", 0));
	assert_int_equal(score->activities, 1);
	assert_true(score->score > 0);
	rf_score_free(score);

	/* the segment kept is the one at submission */
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "smb"));
	RFT_OK(rf_testimonial_get(&t, f->store, "p", id));
	assert_string_equal(t->segment, "enterprise");
	rf_testimonial_free(t);

	/* explicit time, no product, NULL out */
	spec.product = NULL;
	spec.at_ms = RFT_T0 - DAY;
	RFT_OK(rf_testimonial_submit(NULL, f->store, &spec));
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	q.program = "p";
	q.which = RF_TESTIMONIALS_PENDING;
	rf_testimonials *list = NULL;
	RFT_OK(rf_testimonial_find(&list, f->store, &q));
	assert_int_equal(list->count, 2);
	assert_string_equal(list->items[1]->product, "");
	assert_string_equal(list->items[1]->segment, "smb");
	assert_int_equal(list->items[1]->created_at_ms, RFT_T0 - DAY);
	rf_testimonials_free(list);
	assert_int_equal(voice_activities(f, "alice", RF_ACTIVITY_TESTIMONIAL), 2);
	rft_reopen(f);
	RFT_OK(rf_testimonial_get(&t, f->store, "p", id));
	assert_string_equal(t->body, "Line one.\n\tLine two, caf\xc3\xa9.");
	rf_testimonial_free(t);
}

void test_testimonial_without_tracking_consent(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	voice_advocate(f, "dan", RF_ADVOCATE_CUSTOMER, 0, 1);
	int64_t id = voice_submit(f, "p", "dan", "crm", 4, 1);
	assert_true(id > 0);
	assert_int_equal(voice_activities(f, "dan", RF_ACTIVITY_TESTIMONIAL), 0);
	rf_score *score = NULL;
	RFT_OK(rf_score_get(&score, f->store, "p", "dan", 0));
	assert_int_equal(score->activities, 0);
	rf_score_free(score);
	/* withdrawn consent: the same */
	voice_advocate(f, "erin", RF_ADVOCATE_CUSTOMER, 1, 0);
	RFT_OK(rf_consent_set(f->store, "erin", RF_CONSENT_TRACKING, 0, "settings"));
	voice_submit(f, "p", "erin", "crm", 4, 1);
	assert_int_equal(voice_activities(f, "erin", RF_ACTIVITY_TESTIMONIAL), 0);
}

static size_t count_found(rft_fixture *f, const rf_testimonial_query *q)
{
	rf_testimonials *list = NULL;
	RFT_OK(rf_testimonial_find(&list, f->store, q));
	size_t n = list->count;
	rf_testimonials_free(list);
	return n;
}

void test_testimonial_decide(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	int64_t a = voice_submit(f, "p", "alice", "crm", 5, 1);
	int64_t b = voice_submit(f, "p", "bob", "crm", 4, 0);
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	q.program = "p";
	assert_int_equal(count_found(f, &q), 0); /* nothing approved yet */

	f->now = RFT_T0 + 1000;
	rf_testimonial *t = NULL;
	RFT_OK(rf_testimonial_decide(&t, f->store, "p", a, RF_TESTIMONIAL_APPROVED));
	assert_int_equal(t->status, RF_TESTIMONIAL_APPROVED);
	assert_int_equal(t->decided_at_ms, RFT_T0 + 1000);
	rf_testimonial_free(t);
	RFT_OK(rf_testimonial_decide(NULL, f->store, "p", b, RF_TESTIMONIAL_APPROVED));
	/* publishable: approved and consented; approved: both */
	assert_int_equal(count_found(f, &q), 1);
	q.which = RF_TESTIMONIALS_APPROVED;
	assert_int_equal(count_found(f, &q), 2);

	/* repeating the decision keeps its time */
	f->now = RFT_T0 + 2000;
	RFT_OK(rf_testimonial_decide(&t, f->store, "p", a, RF_TESTIMONIAL_APPROVED));
	assert_int_equal(t->decided_at_ms, RFT_T0 + 1000);
	rf_testimonial_free(t);

	/* the advocate consents later, then withdraws */
	q.which = RF_TESTIMONIALS_PUBLISHABLE;
	RFT_OK(rf_testimonial_consent_set(f->store, "p", b, 1));
	assert_int_equal(count_found(f, &q), 2);
	RFT_OK(rf_testimonial_consent_set(f->store, "p", a, 0));
	RFT_OK(rf_testimonial_consent_set(f->store, "p", a, 0));
	assert_int_equal(count_found(f, &q), 1);

	/* an approved testimonial withdrawn by the program */
	f->now = RFT_T0 + 3000;
	RFT_OK(rf_testimonial_decide(&t, f->store, "p", b, RF_TESTIMONIAL_REJECTED));
	assert_int_equal(t->status, RF_TESTIMONIAL_REJECTED);
	assert_int_equal(t->decided_at_ms, RFT_T0 + 3000);
	rf_testimonial_free(t);
	assert_int_equal(count_found(f, &q), 0);
	q.which = RF_TESTIMONIALS_REJECTED;
	assert_int_equal(count_found(f, &q), 1);
	q.which = RF_TESTIMONIALS_PENDING;
	assert_int_equal(count_found(f, &q), 0);
}

void test_testimonial_find_filters(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	RFT_OK(rf_advocate_segment_set(f->store, "alice", "enterprise"));
	RFT_OK(rf_advocate_segment_set(f->store, "bob", "enterprise"));
	RFT_OK(rf_advocate_segment_set(f->store, "carol", "smb"));
	rft_program(f, "q", NULL);
	int64_t ids[6] = {
		voice_submit(f, "p", "alice", "crm", 5, 1), voice_submit(f, "p", "bob", "crm", 3, 1),
		voice_submit(f, "p", "carol", "erp", 4, 1), voice_submit(f, "p", "carol", "", 2, 1),
		voice_submit(f, "p", "alice", "erp", 5, 0), voice_submit(f, "q", "alice", "crm", 5, 1),
	};
	for (int i = 0; i < 6; i++)
		RFT_OK(rf_testimonial_decide(NULL, f->store, i == 5 ? "q" : "p", ids[i],
					     RF_TESTIMONIAL_APPROVED));
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	q.program = "p";
	assert_int_equal(count_found(f, &q), 4); /* not the unconsented one, not program q */
	q.product = "crm";
	assert_int_equal(count_found(f, &q), 2);
	q.product = "";
	assert_int_equal(count_found(f, &q), 1);
	q.product = NULL;
	q.segment = "enterprise";
	assert_int_equal(count_found(f, &q), 2);
	q.segment = "smb";
	assert_int_equal(count_found(f, &q), 2);
	q.segment = "nobody-here";
	assert_int_equal(count_found(f, &q), 0);
	q.segment = NULL;
	q.advocate_kind = RF_ADVOCATE_EMPLOYEE;
	rf_testimonials *list = NULL;
	RFT_OK(rf_testimonial_find(&list, f->store, &q));
	assert_int_equal(list->count, 1);
	assert_string_equal(list->items[0]->advocate, "bob");
	assert_int_equal(list->items[0]->advocate_kind, RF_ADVOCATE_EMPLOYEE);
	rf_testimonials_free(list);
	q.advocate_kind = RF_ADVOCATE_INFLUENCER;
	assert_int_equal(count_found(f, &q), 0);
	q.advocate_kind = 0;
	q.advocate = "carol";
	assert_int_equal(count_found(f, &q), 2);
	q.min_rating = 3;
	assert_int_equal(count_found(f, &q), 1);
	q.advocate = NULL;
	q.min_rating = 4;
	assert_int_equal(count_found(f, &q), 2);
	/* combined: customer, enterprise, crm */
	q.min_rating = 0;
	q.advocate_kind = RF_ADVOCATE_CUSTOMER;
	q.segment = "enterprise";
	q.product = "crm";
	RFT_OK(rf_testimonial_find(&list, f->store, &q));
	assert_int_equal(list->count, 1);
	assert_int_equal(list->items[0]->id, ids[0]);
	assert_int_equal(list->next_cursor, 0);
	rf_testimonials_free(list);
}

void test_testimonial_paging(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	const char *who[] = { "alice", "bob", "carol" };
	int64_t ids[8];
	for (int i = 0; i < 7; i++) {
		ids[i] = voice_submit(f, "p", who[i % 3], "crm", 1 + i % 5, 1);
		RFT_OK(rf_testimonial_decide(NULL, f->store, "p", ids[i], RF_TESTIMONIAL_APPROVED));
	}
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	q.program = "p";
	q.limit = 3;
	int seen = 0, pages = 0;
	do {
		rf_testimonials *page = NULL;
		RFT_OK(rf_testimonial_find(&page, f->store, &q));
		pages++;
		for (size_t i = 0; i < page->count; i++)
			assert_int_equal(page->items[i]->id, ids[seen++]);
		if (page->next_cursor)
			assert_int_equal(page->next_cursor, page->items[page->count - 1]->id);
		q.cursor = page->next_cursor;
		rf_testimonials_free(page);
		/* a new testimonial between pages lands at the end, seen once */
		if (pages == 1) {
			ids[7] = voice_submit(f, "p", "alice", "crm", 5, 1);
			RFT_OK(rf_testimonial_decide(NULL, f->store, "p", ids[7],
						     RF_TESTIMONIAL_APPROVED));
		}
	} while (q.cursor != 0);
	assert_int_equal(seen, 8);
	assert_int_equal(pages, 3);
	/* exactly a full last page: next_cursor 0 */
	q.cursor = 0;
	q.limit = 8;
	rf_testimonials *page = NULL;
	RFT_OK(rf_testimonial_find(&page, f->store, &q));
	assert_int_equal(page->count, 8);
	assert_int_equal(page->next_cursor, 0);
	rf_testimonials_free(page);
}

void test_testimonial_errors(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	int64_t id = voice_submit(f, "p", "alice", "crm", 5, 1);
	char *before = voice_snapshot(f);
	char *long_body = rft_repeat('x', RF_TESTIMONIAL_MAX_LEN + 1);
	char *long_product = rft_repeat('p', RF_PRODUCT_MAX_LEN + 1);
	rf_testimonial_spec good = RF_TESTIMONIAL_SPEC_INIT;
	good.program = "p";
	good.advocate = "bob";
	good.body = "fine";
	good.rating = 3;
	rf_testimonial_spec spec;
	rf_testimonial *t = (rf_testimonial *)1;
#define BAD(field, value, want)                                              \
	do {                                                                 \
		spec = good;                                                 \
		spec.field = value;                                          \
		t = (rf_testimonial *)1;                                     \
		RFT_RC(rf_testimonial_submit(&t, f->store, &spec), want);    \
		assert_null(t);                                              \
	} while (0)
	BAD(rating, 0, RF_EINVALID);
	BAD(rating, 6, RF_EINVALID);
	BAD(rating, -1, RF_EINVALID);
	BAD(publish_consent, 2, RF_EINVALID);
	BAD(publish_consent, -1, RF_EINVALID);
	BAD(body, NULL, RF_EINVALID);
	BAD(body, "", RF_EINVALID);
	BAD(body, long_body, RF_EINVALID);
	BAD(body, "bad \x01 byte", RF_EINVALID);
	BAD(body, "bad \x7f byte", RF_EINVALID);
	BAD(body, "bad utf-8 \xc3", RF_EINVALID);
	BAD(product, long_product, RF_EINVALID);
	BAD(product, "line\nbreak", RF_EINVALID);
	BAD(program, NULL, RF_EINVALID);
	BAD(program, "nope", RF_ENOTFOUND);
	BAD(advocate, NULL, RF_EINVALID);
	BAD(advocate, "nobody", RF_ENOTFOUND);
	BAD(at_ms, -5, RF_EINVALID);
	BAD(version, 0, RF_EVERSION);
	BAD(version, RF_TESTIMONIAL_SPEC_VERSION + 1, RF_EVERSION);
#undef BAD
	RFT_RC(rf_testimonial_submit(NULL, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_testimonial_submit(NULL, NULL, &good), RF_EINVALID);
	RFT_BAD_VERSION(rf_testimonial_spec_init(&spec, 0));
	RFT_BAD_VERSION(rf_testimonial_spec_init(&spec, RF_TESTIMONIAL_SPEC_VERSION + 1));
	RFT_RC(rf_testimonial_spec_init(NULL, RF_TESTIMONIAL_SPEC_VERSION), RF_EINVALID);
	free(long_body);
	free(long_product);
	VOICE_UNCHANGED(f, before);

	/* decisions */
	RFT_RC(rf_testimonial_decide(&t, f->store, "p", id, RF_TESTIMONIAL_PENDING), RF_EINVALID);
	assert_null(t);
	RFT_RC(rf_testimonial_decide(NULL, f->store, "p", id, 3), RF_EINVALID);
	RFT_RC(rf_testimonial_decide(NULL, f->store, "p", 0, RF_TESTIMONIAL_APPROVED), RF_EINVALID);
	RFT_RC(rf_testimonial_decide(NULL, f->store, "p", id + 100, RF_TESTIMONIAL_APPROVED),
	       RF_ENOTFOUND);
	RFT_RC(rf_testimonial_decide(NULL, f->store, "nope", id, RF_TESTIMONIAL_APPROVED),
	       RF_ENOTFOUND);
	rft_program(f, "other", NULL);
	char *before2 = voice_snapshot(f);
	RFT_RC(rf_testimonial_decide(NULL, f->store, "other", id, RF_TESTIMONIAL_APPROVED),
	       RF_ENOTFOUND);
	RFT_RC(rf_testimonial_consent_set(f->store, "other", id, 0), RF_ENOTFOUND);
	RFT_RC(rf_testimonial_consent_set(f->store, "p", id, 2), RF_EINVALID);
	RFT_RC(rf_testimonial_consent_set(f->store, "p", -1, 1), RF_EINVALID);
	RFT_RC(rf_testimonial_get(&t, f->store, "other", id), RF_ENOTFOUND);
	assert_null(t);
	RFT_RC(rf_testimonial_get(NULL, f->store, "p", id), RF_EINVALID);
	VOICE_UNCHANGED(f, before2);

	/* queries */
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	rf_testimonials *list = (rf_testimonials *)1;
#define BADQ(field, value, want)                                             \
	do {                                                                 \
		q = (rf_testimonial_query)RF_TESTIMONIAL_QUERY_INIT;         \
		q.program = "p";                                             \
		q.field = value;                                             \
		list = (rf_testimonials *)1;                                 \
		RFT_RC(rf_testimonial_find(&list, f->store, &q), want);      \
		assert_null(list);                                           \
	} while (0)
	BADQ(program, NULL, RF_EINVALID);
	BADQ(program, "nope", RF_ENOTFOUND);
	BADQ(which, 4, RF_EINVALID);
	BADQ(which, -1, RF_EINVALID);
	BADQ(segment, "Not Valid", RF_EINVALID);
	BADQ(advocate_kind, 9, RF_EINVALID);
	BADQ(advocate, "nobody", RF_ENOTFOUND);
	BADQ(min_rating, 6, RF_EINVALID);
	BADQ(cursor, -1, RF_EINVALID);
	BADQ(limit, 1001, RF_EINVALID);
	BADQ(version, 0, RF_EVERSION);
#undef BADQ
	RFT_RC(rf_testimonial_find(NULL, f->store, &q), RF_EINVALID);
	RFT_BAD_VERSION(rf_testimonial_query_init(&q, 2));
}

void test_testimonial_disabled(void **state)
{
	rft_fixture *f = *state;
	voice_scene(f);
	rft_program(f, "old", NULL);
	int64_t id = voice_submit(f, "old", "alice", "crm", 5, 1);
	RFT_OK(rf_program_archive(f->store, "old"));
	RFT_OK(rf_advocate_deactivate(f->store, "bob"));
	char *before = voice_snapshot(f);
	rf_testimonial_spec spec = RF_TESTIMONIAL_SPEC_INIT;
	spec.program = "old";
	spec.advocate = "alice";
	spec.body = "text";
	spec.rating = 4;
	RFT_RC(rf_testimonial_submit(NULL, f->store, &spec), RF_EDISABLED);
	spec.program = "p";
	spec.advocate = "bob";
	RFT_RC(rf_testimonial_submit(NULL, f->store, &spec), RF_EDISABLED);
	VOICE_UNCHANGED(f, before);
	/* an archived program's testimonials can still be decided and found */
	RFT_OK(rf_testimonial_decide(NULL, f->store, "old", id, RF_TESTIMONIAL_APPROVED));
	rf_testimonial_query q = RF_TESTIMONIAL_QUERY_INIT;
	q.program = "old";
	assert_int_equal(count_found(f, &q), 1);
}
