/* test_voice: segments, testimonials, reference asks. */
#ifndef VOICE_TESTS_H
#define VOICE_TESTS_H

#include "fixture.h"

#define DAY RF_DAY_MS

/* Program "p"; advocates alice (customer), bob (employee), carol
 * (partner), each consenting to tracking and messages. */
void voice_scene(rft_fixture *f);
/* Add an advocate of `kind`, consenting (tracking, messages) as given. */
void voice_advocate(rft_fixture *f, const char *id, int32_t kind, int tracking, int messages);
/* Submit a testimonial; returns its id. */
int64_t voice_submit(rft_fixture *f, const char *program, const char *advocate,
		     const char *product, int32_t rating, int32_t consent);
/* rft_snapshot() plus what the voice area shows: segments, testimonials,
 * reference asks 1..32 and activities of every program. malloc'd. */
char *voice_snapshot(rft_fixture *f);
/* Fail unless voice_snapshot() equals `before` (freed). */
void voice_unchanged_at(rft_fixture *f, char *before, const char *file, int line);
#define VOICE_UNCHANGED(f, before) voice_unchanged_at((f), (before), __FILE__, __LINE__)
/* Number of activities of `type` recorded for the advocate in "p". */
size_t voice_activities(rft_fixture *f, const char *advocate, int32_t type);

void test_segment_set_get(void **state);
void test_segment_errors(void **state);
void test_testimonial_submit(void **state);
void test_testimonial_without_tracking_consent(void **state);
void test_testimonial_decide(void **state);
void test_testimonial_find_filters(void **state);
void test_testimonial_paging(void **state);
void test_testimonial_errors(void **state);
void test_testimonial_disabled(void **state);

void test_reference_find_order(void **state);
void test_reference_find_exclusions(void **state);
void test_reference_ask_cap_sliding(void **state);
void test_reference_outcomes(void **state);
void test_reference_activity_rules(void **state);
void test_reference_errors(void **state);

#endif
