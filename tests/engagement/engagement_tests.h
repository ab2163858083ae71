/* test_engagement: consent, outbox, content, stages, testimonials, references. */
#ifndef ENGAGEMENT_TESTS_H
#define ENGAGEMENT_TESTS_H

#include "fixture.h"

#define WEEK (7 * RF_DAY_MS)

/* A program "p" and advocates "alice", "bob" (no consent given). */
void eng_scene(rft_fixture *f);
/* Grant (1) or withdraw (0) both purposes. */
void eng_consent(rft_fixture *f, const char *advocate, int tracking, int messages);

void test_consent_default_none(void **state);
void test_consent_set_and_history(void **state);
void test_consent_errors(void **state);
void test_consent_survives_reopen(void **state);

void test_outbox_needs_consent(void **state);
void test_outbox_rendering(void **state);
void test_outbox_cap_sliding_window(void **state);
void test_outbox_cap_across_week_boundary(void **state);
void test_outbox_cap_never_broken(void **state);
void test_outbox_cap_per_program(void **state);
void test_outbox_drain(void **state);
void test_outbox_errors(void **state);
void test_engagement_config(void **state);

/* stages.c: the stage of an advocate in "p"; messages of a kind (status -1: any). */
int32_t eng_stage(rft_fixture *f, const char *advocate);
size_t eng_messages(rft_fixture *f, const char *advocate, const char *kind, int32_t status);
void test_stage_lifecycle(void **state);
void test_stage_rules_from_config(void **state);
void test_stage_old_activity(void **state);
void test_stage_counts(void **state);
void test_stage_refresh_many(void **state);
void test_stage_errors(void **state);

void test_content_library(void **state);
void test_content_for_stage_and_tier(void **state);
void test_content_stage_message(void **state);
void test_content_codes_and_performance(void **state);

#endif
