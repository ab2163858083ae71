/* Lifecycle stages: rules, history, counts, the dormancy sweep, messages. */
#include "engagement_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void activity(rft_fixture *f, const char *advocate, int64_t at)
{
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT;
	a.program = "p";
	a.advocate = advocate;
	a.type = RF_ACTIVITY_SHARE;
	a.at_ms = at;
	RFT_OK(rf_activity_record(NULL, f->store, &a));
}

/* A referral of `advocate` through `code`: a click an hour before a purchase. */
static void referral(rft_fixture *f, const char *code, int n)
{
	char visitor[32], order[32];
	snprintf(visitor, sizeof(visitor), "v-%s-%d", code, n);
	snprintf(order, sizeof(order), "o-%s-%d", code, n);
	RFT_OK(rft_click(f, code, visitor, f->now - RF_HOUR_MS, NULL));
	RFT_OK(rft_convert(f, "p", visitor, order, 1000, "EUR", f->now));
}

int32_t eng_stage(rft_fixture *f, const char *advocate)
{
	rf_stage *st = NULL;
	RFT_OK(rf_stage_get(&st, f->store, "p", advocate));
	int32_t stage = st->stage;
	rf_stage_free(st);
	return stage;
}

/* Messages of `kind` to `advocate` (any status). */
size_t eng_messages(rft_fixture *f, const char *advocate, const char *kind, int32_t status)
{
	rf_messages *list = NULL;
	RFT_OK(rf_outbox_list(&list, f->store, NULL, 0, 1000, RF_OUTBOX_ALL));
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++) {
		const rf_message *m = list->items[i];
		n += strcmp(m->advocate, advocate) == 0 && strcmp(m->kind, kind) == 0 &&
		     (status < 0 || m->status == status);
	}
	rf_messages_free(list);
	return n;
}

void test_stage_lifecycle(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", code);

	/* nothing yet: invited, never placed */
	rf_stage *st = NULL;
	RFT_OK(rf_stage_get(&st, f->store, "p", "alice"));
	assert_int_equal(st->stage, RF_STAGE_INVITED);
	assert_int_equal(st->since_ms, 0);
	assert_int_equal(st->count, 0);
	assert_string_equal(st->program, "p");
	assert_string_equal(st->advocate, "alice");
	rf_stage_free(st);

	f->now += RF_DAY_MS;
	activity(f, "alice", 0);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_ACTIVE);
	f->now += RF_DAY_MS;
	referral(f, code, 1);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_REFERRING);
	for (int i = 2; i <= 4; i++) {
		f->now += RF_HOUR_MS * 2;
		referral(f, code, i);
		assert_int_equal(eng_stage(f, "alice"), RF_STAGE_REFERRING);
	}
	f->now += RF_HOUR_MS * 2;
	int64_t fifth = f->now;
	referral(f, code, 5);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_CHAMPION);

	RFT_OK(rf_stage_get(&st, f->store, "p", "alice"));
	assert_int_equal(st->activities, 1);
	assert_int_equal(st->referrals, 5);
	assert_int_equal(st->last_activity_at_ms, RFT_T0 + RF_DAY_MS);
	assert_int_equal(st->last_referral_at_ms, fifth);
	assert_int_equal(st->since_ms, fifth);
	assert_int_equal(st->count, 3);
	assert_int_equal(st->items[0]->previous, 0);
	assert_int_equal(st->items[0]->stage, RF_STAGE_ACTIVE);
	assert_int_equal(st->items[0]->at_ms, RFT_T0 + RF_DAY_MS);
	assert_int_equal(st->items[1]->previous, RF_STAGE_ACTIVE);
	assert_int_equal(st->items[1]->stage, RF_STAGE_REFERRING);
	assert_int_equal(st->items[2]->stage, RF_STAGE_CHAMPION);
	assert_int_equal(st->items[2]->config_version, 0);
	rf_stage_free(st);

	/* 60 days of nothing: the sweep moves alice to dormant and nudges her */
	int64_t changed = -1;
	f->now = fifth + 60 * RF_DAY_MS - 1;
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, 0);
	assert_int_equal(eng_messages(f, "alice", "dormant_nudge", -1), 0);
	f->now = fifth + 60 * RF_DAY_MS;
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, 1);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_DORMANT);
	assert_int_equal(eng_messages(f, "alice", "dormant_nudge", RF_MESSAGE_QUEUED), 1);
	/* sweeping again changes nothing and nudges no more */
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, 0);
	assert_int_equal(eng_messages(f, "alice", "dormant_nudge", -1), 1);
	/* bob never did anything: he stays invited */
	assert_int_equal(eng_stage(f, "bob"), RF_STAGE_INVITED);

	/* an activity brings her back where her referrals put her */
	f->now += RF_DAY_MS;
	activity(f, "alice", 0);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_CHAMPION);
	RFT_OK(rf_stage_get(&st, f->store, "p", "alice"));
	assert_int_equal(st->count, 5);
	assert_int_equal(st->items[3]->stage, RF_STAGE_DORMANT);
	assert_int_equal(st->items[4]->previous, RF_STAGE_DORMANT);
	rf_stage_free(st);
}

void test_stage_rules_from_config(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	rf_engagement_config cfg = RF_ENGAGEMENT_CONFIG_INIT;
	cfg.active_min_activities = 3;
	cfg.referring_min_referrals = 2;
	cfg.champion_min_referrals = 3;
	cfg.dormant_after_ms = 10 * RF_DAY_MS;
	int64_t version = 0;
	RFT_OK(rf_engagement_config_set(&version, f->store, "p", &cfg));
	assert_int_equal(version, 1);
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", code);
	for (int i = 0; i < 2; i++) {
		activity(f, "alice", 0);
		assert_int_equal(eng_stage(f, "alice"), RF_STAGE_INVITED);
	}
	/* two activities and one referral make three events: active */
	f->now += RF_DAY_MS;
	referral(f, code, 1);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_ACTIVE);
	f->now += RF_DAY_MS;
	referral(f, code, 2);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_REFERRING);
	f->now += RF_DAY_MS;
	referral(f, code, 3);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_CHAMPION);

	rf_stage *st = NULL;
	RFT_OK(rf_stage_get(&st, f->store, "p", "alice"));
	assert_int_equal(st->config_version, 1);
	for (size_t i = 0; i < st->count; i++)
		assert_int_equal(st->items[i]->config_version, 1);
	rf_stage_free(st);

	/* a new configuration applies at the next sweep, recorded with its version */
	cfg.champion_min_referrals = 10;
	RFT_OK(rf_engagement_config_set(&version, f->store, "p", &cfg));
	assert_int_equal(version, 2);
	int64_t changed = 0;
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, 1);
	RFT_OK(rf_stage_get(&st, f->store, "p", "alice"));
	assert_int_equal(st->stage, RF_STAGE_REFERRING);
	assert_int_equal(st->config_version, 2);
	assert_int_equal(st->items[st->count - 1]->config_version, 2);
	assert_int_equal(st->items[st->count - 1]->previous, RF_STAGE_CHAMPION);
	rf_stage_free(st);

	/* an explicit sweep time: 10 days after the last event is dormant */
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", f->now + 10 * RF_DAY_MS - 1));
	assert_int_equal(changed, 0);
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", f->now + 10 * RF_DAY_MS));
	assert_int_equal(changed, 1);
	RFT_OK(rf_stage_get(&st, f->store, "p", "alice"));
	assert_int_equal(st->stage, RF_STAGE_DORMANT);
	assert_int_equal(st->since_ms, f->now + 10 * RF_DAY_MS);
	rf_stage_free(st);
}

/* An activity imported from long ago places the advocate straight in dormant. */
void test_stage_old_activity(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 0);
	activity(f, "alice", f->now - 90 * RF_DAY_MS);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_DORMANT);
	/* no consent for messages: the nudge is held, not queued */
	assert_int_equal(eng_messages(f, "alice", "dormant_nudge", RF_MESSAGE_HELD), 1);
	assert_int_equal(eng_messages(f, "alice", "dormant_nudge", RF_MESSAGE_QUEUED), 0);
	activity(f, "alice", 0);
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_ACTIVE);
}

void test_stage_counts(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	rft_advocate(f, "carol");
	rft_advocate(f, "dave");
	char code[RF_CODE_BUFSIZE], unused[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", code);
	rft_code(f, "p", "dave", unused); /* invited: a code, nothing else */
	eng_consent(f, "bob", 1, 0);
	eng_consent(f, "carol", 1, 0);
	activity(f, "bob", 0);
	activity(f, "carol", 0);
	f->now += RF_DAY_MS;
	referral(f, code, 1);
	rf_stage_counts *c = NULL;
	RFT_OK(rf_stage_counts_get(&c, f->store, "p"));
	assert_string_equal(c->program, "p");
	assert_int_equal(c->config_version, 0);
	assert_int_equal(c->invited, 1);
	assert_int_equal(c->active, 2);
	assert_int_equal(c->referring, 1);
	assert_int_equal(c->champion, 0);
	assert_int_equal(c->dormant, 0);
	assert_int_equal(c->advocates, 4);
	rf_stage_counts_free(c);
	f->now += 61 * RF_DAY_MS;
	int64_t changed = 0;
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, 3);
	RFT_OK(rf_stage_counts_get(&c, f->store, "p"));
	assert_int_equal(c->dormant, 3);
	assert_int_equal(c->invited, 1);
	assert_int_equal(c->advocates, 4);
	rf_stage_counts_free(c);
}

/* The sweep pages through the program: more advocates than one page. */
void test_stage_refresh_many(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	enum { N = 600 };
	rf_activity_spec *specs = calloc(N, sizeof(*specs));
	const rf_activity_spec **ptrs = calloc(N, sizeof(*ptrs));
	char (*names)[16] = calloc(N, sizeof(*names));
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "a%03d", i);
		rft_advocate(f, names[i]);
		RFT_OK(rf_consent_set(f->store, names[i], RF_CONSENT_TRACKING, 1, "test"));
		specs[i] = (rf_activity_spec)RF_ACTIVITY_SPEC_INIT;
		specs[i].program = "p";
		specs[i].advocate = names[i];
		specs[i].type = RF_ACTIVITY_COMMENT;
		/* half of them did their thing 30 days earlier */
		specs[i].at_ms = f->now - (i % 2 ? 30 * RF_DAY_MS : 0);
		ptrs[i] = &specs[i];
	}
	RFT_OK(rf_activity_record_batch(f->store, ptrs, N));
	free(specs);
	free(ptrs);
	f->now += 31 * RF_DAY_MS;
	int64_t changed = 0;
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, N / 2);
	assert_int_equal(eng_stage(f, "a001"), RF_STAGE_DORMANT);
	assert_int_equal(eng_stage(f, "a599"), RF_STAGE_DORMANT);
	assert_int_equal(eng_stage(f, "a598"), RF_STAGE_ACTIVE);
	f->now += 30 * RF_DAY_MS;
	RFT_OK(rf_stage_refresh(&changed, f->store, "p", 0));
	assert_int_equal(changed, N / 2);
	rf_stage_counts *c = NULL;
	RFT_OK(rf_stage_counts_get(&c, f->store, "p"));
	assert_int_equal(c->dormant, N);
	rf_stage_counts_free(c);
	free(names);
}

void test_stage_errors(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 0);
	activity(f, "alice", 0);
	char *before = rft_snapshot(f);
	rf_stage *st = NULL;
	rf_stage_counts *c = NULL;
	int64_t changed = 7;
	RFT_RC(rf_stage_get(&st, f->store, "nope", "alice"), RF_ENOTFOUND);
	assert_null(st);
	RFT_RC(rf_stage_get(&st, f->store, "p", "nobody"), RF_ENOTFOUND);
	RFT_RC(rf_stage_get(&st, f->store, NULL, "alice"), RF_EINVALID);
	RFT_RC(rf_stage_get(&st, f->store, "p", NULL), RF_EINVALID);
	RFT_RC(rf_stage_get(NULL, f->store, "p", "alice"), RF_EINVALID);
	RFT_RC(rf_stage_counts_get(&c, f->store, "nope"), RF_ENOTFOUND);
	RFT_RC(rf_stage_counts_get(&c, NULL, "p"), RF_EINVALID);
	RFT_RC(rf_stage_refresh(&changed, f->store, "p", -1), RF_EINVALID);
	assert_int_equal(changed, 0);
	RFT_RC(rf_stage_refresh(&changed, f->store, "nope", 0), RF_ENOTFOUND);
	RFT_RC(rf_stage_refresh(NULL, NULL, "p", 0), RF_EINVALID);
	RFT_UNCHANGED(f, before);
	RFT_OK(rf_program_archive(f->store, "p"));
	RFT_RC(rf_stage_refresh(NULL, f->store, "p", 0), RF_EDISABLED);
	/* reading an archived program's stages still works */
	assert_int_equal(eng_stage(f, "alice"), RF_STAGE_ACTIVE);
	rf_stage_free(NULL);
	rf_stage_counts_free(NULL);
}
