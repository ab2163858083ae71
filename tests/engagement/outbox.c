/* The outbox: consent, frequency cap, templates, cursor and acknowledgement. */
#include "engagement_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Send one message and return its status (RF_MESSAGE_*); reason copied. */
static int32_t send(rft_fixture *f, const char *program, const char *advocate, const char *kind,
		    const char *vars, char *reason)
{
	rf_message *m = NULL;
	RFT_OK(rf_outbox_send(&m, f->store, program, advocate, kind, vars));
	assert_non_null(m);
	assert_int_equal(m->automated, 1);
	int32_t status = m->status;
	if (reason)
		strcpy(reason, m->reason);
	if (status == RF_MESSAGE_HELD)
		assert_string_equal(m->body, "");
	else
		assert_string_equal(m->reason, "");
	rf_message_free(m);
	return status;
}

/* Every message of the store (any status), oldest first. */
static rf_messages *all_messages(rft_fixture *f)
{
	rf_messages *list = NULL;
	RFT_OK(rf_outbox_list(&list, f->store, NULL, 0, 1000, RF_OUTBOX_ALL));
	return list;
}

static size_t pending_count(rft_fixture *f, const char *program)
{
	rf_messages *list = NULL;
	RFT_OK(rf_outbox_list(&list, f->store, program, 0, 1000, 0));
	size_t n = list->count;
	rf_messages_free(list);
	return n;
}

void test_outbox_needs_consent(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	char reason[32];
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, reason), RF_MESSAGE_HELD);
	assert_string_equal(reason, "no-consent");
	/* tracking consent is not message consent */
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_TRACKING, 1, "form"));
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, reason), RF_MESSAGE_HELD);
	assert_string_equal(reason, "no-consent");
	assert_int_equal(pending_count(f, NULL), 0);
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 1, "form"));
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
	f->now += 1000;
	RFT_OK(rf_consent_set(f->store, "alice", RF_CONSENT_MESSAGES, 0, "unsubscribe"));
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, reason), RF_MESSAGE_HELD);
	assert_string_equal(reason, "no-consent");
	assert_int_equal(pending_count(f, NULL), 1);
	/* an inactive advocate gets nothing, consent or not */
	eng_consent(f, "bob", 1, 1);
	RFT_OK(rf_advocate_deactivate(f->store, "bob"));
	assert_int_equal(send(f, "p", "bob", "reward_earned", NULL, reason), RF_MESSAGE_HELD);
	assert_string_equal(reason, "advocate-inactive");
	assert_int_equal(pending_count(f, NULL), 1);
}

void test_outbox_rendering(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = "carol";
	spec.display_name = "Carol";
	RFT_OK(rf_advocate_add(NULL, f->store, &spec));
	rft_advocate(f, "alice");
	eng_consent(f, "carol", 1, 1);
	eng_consent(f, "alice", 1, 1);
	rf_message *m = NULL;
	RFT_OK(rf_outbox_send(&m, f->store, "p", "carol", "tier_reached", "{\"tier\":\"gold\"}"));
	assert_string_equal(m->body, "Hi Carol, you reached the gold tier in p.");
	assert_string_equal(m->program, "p");
	assert_string_equal(m->advocate, "carol");
	assert_string_equal(m->kind, "tier_reached");
	assert_int_equal(m->status, RF_MESSAGE_QUEUED);
	assert_int_equal(m->queued_at_ms, RFT_T0);
	assert_int_equal(m->event_at_ms, RFT_T0);
	assert_int_equal(m->acked_at_ms, 0);
	assert_int_equal(m->config_version, 0);
	rf_message_free(m);
	/* a program template; numbers, missing and malformed placeholders */
	RFT_OK(rf_template_set(f->store, "p", "reward_earned",
			       "{{ name }} ({{advocate}}) got {{amount}} {{missing}}in {{program_key}}"
			       " #{{n}} {{not closed} {{kind}}"));
	RFT_OK(rf_outbox_send(&m, f->store, "p", "alice", "reward_earned",
			      "{\"amount\":\"5 EUR\",\"n\":7,\"x\":null}"));
	assert_string_equal(m->body, "alice (alice) got 5 EUR in p #7 {{not closed} reward_earned");
	rf_message_free(m);
	/* an unknown kind gets the generic text; removing the template restores the built-in */
	RFT_OK(rf_outbox_send(&m, f->store, "p", "alice", "custom-news", NULL));
	assert_string_equal(m->body, "Hi alice, news from p (custom-news).");
	rf_message_free(m);
	RFT_OK(rf_template_set(f->store, "p", "reward_earned", NULL));
	RFT_OK(rf_template_set(f->store, "p", "reward_earned", NULL)); /* twice: harmless */
	f->now += 8 * WEEK; /* out of the cap's window */
	RFT_OK(rf_outbox_send(&m, f->store, "p", "alice", "reward_earned", NULL));
	assert_string_equal(m->body, "Hi alice, you earned a reward in p. Thank you for spreading"
				     " the word!");
	rf_message_free(m);
	/* a rendered text that would be too long is cut at a character boundary */
	char *big = malloc(RF_TEMPLATE_MAX_LEN + 1);
	memset(big, 0, RF_TEMPLATE_MAX_LEN + 1);
	for (size_t i = 0; i + 8 < RF_TEMPLATE_MAX_LEN; i += 8)
		memcpy(big + i, "{{v}}\xc3\xa9.", 8);
	RFT_OK(rf_template_set(f->store, "p", "big", big));
	free(big);
	char vars[1100];
	char *v = rft_repeat('x', 1000);
	snprintf(vars, sizeof(vars), "{\"v\":\"%s\"}", v);
	free(v);
	RFT_OK(rf_outbox_send(&m, f->store, "p", "carol", "big", vars));
	assert_int_equal(m->status, RF_MESSAGE_QUEUED);
	assert_true(strlen(m->body) <= RF_MESSAGE_MAX_LEN);
	assert_true(strlen(m->body) > RF_MESSAGE_MAX_LEN - 8);
	rf_message_free(m);
}

void test_outbox_cap_sliding_window(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	eng_consent(f, "bob", 1, 1);
	char reason[32];
	for (int i = 0; i < 3; i++) {
		assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
		f->now += RF_DAY_MS;
	}
	/* day 3..6: the cap holds every further message back */
	for (int i = 0; i < 4; i++) {
		assert_int_equal(send(f, "p", "alice", "badge_earned", NULL, reason), RF_MESSAGE_HELD);
		assert_string_equal(reason, "frequency-cap");
		f->now += RF_DAY_MS - 1;
	}
	/* bob has his own cap */
	assert_int_equal(send(f, "p", "bob", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
	/* just before the first message leaves the window: still held */
	f->now = RFT_T0 + WEEK - 1;
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_HELD);
	/* exactly a week after the first: one slot is free, one only */
	f->now = RFT_T0 + WEEK;
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_HELD);
	/* acknowledged messages still count */
	RFT_OK(rf_outbox_ack(NULL, f->store, INT64_MAX));
	f->now = RFT_T0 + WEEK + RF_DAY_MS - 1;
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_HELD);
	/* held messages do not use up the cap */
	f->now = RFT_T0 + WEEK + RF_DAY_MS;
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
}

void test_outbox_cap_across_week_boundary(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	/* RFT_T0 is a Thursday; Monday 2026-01-05 00:00 UTC starts a new week */
	int64_t monday = RFT_T0 + 4 * RF_DAY_MS;
	f->now = monday - 3;
	for (int i = 0; i < 3; i++, f->now++)
		assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
	/* a new calendar week is no reset: the cap is per any 7 days */
	for (int i = 0; i < 5; i++, f->now += RF_HOUR_MS)
		assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_HELD);
	f->now = monday - 3 + WEEK;
	assert_int_equal(send(f, "p", "alice", "reward_earned", NULL, NULL), RF_MESSAGE_QUEUED);
}

/* The cap holds for every window, whatever the pattern of requests. */
void test_outbox_cap_never_broken(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	eng_consent(f, "bob", 1, 1);
	rf_engagement_config cfg = RF_ENGAGEMENT_CONFIG_INIT;
	cfg.cap_messages = 2;
	cfg.cap_window_ms = 3 * RF_DAY_MS;
	RFT_OK(rf_engagement_config_set(NULL, f->store, "p", &cfg));
	srand(42);
	const char *who[] = { "alice", "bob" };
	size_t queued = 0, held = 0;
	for (int i = 0; i < 400; i++) {
		f->now += rand() % (RF_DAY_MS / 2);
		if (send(f, "p", who[rand() % 2], "reward_earned", NULL, NULL) == RF_MESSAGE_QUEUED)
			queued++;
		else
			held++;
		if (i % 50 == 0) /* consent flickers for bob */
			RFT_OK(rf_consent_set(f->store, "bob", RF_CONSENT_MESSAGES, (i / 50) % 2, "t"));
	}
	assert_true(queued > 50 && held > 50);
	rf_messages *list = NULL;
	int64_t cursor = 0;
	size_t checked = 0;
	int64_t times[2][1000];
	size_t n[2] = { 0, 0 };
	do {
		RFT_OK(rf_outbox_list(&list, f->store, "p", cursor, 97, 0));
		for (size_t i = 0; i < list->count; i++) {
			int k = strcmp(list->items[i]->advocate, "alice") == 0 ? 0 : 1;
			times[k][n[k]++] = list->items[i]->queued_at_ms;
			assert_int_equal(list->items[i]->config_version, 1);
			checked++;
		}
		cursor = list->next_cursor;
		size_t count = list->count;
		rf_messages_free(list);
		if (count == 0)
			break;
	} while (1);
	assert_int_equal(checked, queued);
	for (int k = 0; k < 2; k++) {
		/* in queue order; any 3 consecutive ones span at least the window */
		for (size_t i = 2; i < n[k]; i++)
			assert_true(times[k][i] - times[k][i - 2] >= cfg.cap_window_ms);
	}
}

void test_outbox_cap_per_program(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	rft_program(f, "q", NULL);
	eng_consent(f, "alice", 1, 1);
	rf_engagement_config cfg = RF_ENGAGEMENT_CONFIG_INIT;
	cfg.cap_messages = 1;
	int64_t version = 0;
	RFT_OK(rf_engagement_config_set(&version, f->store, "q", &cfg));
	assert_int_equal(version, 1);
	assert_int_equal(send(f, "p", "alice", "a", NULL, NULL), RF_MESSAGE_QUEUED);
	assert_int_equal(send(f, "p", "alice", "a", NULL, NULL), RF_MESSAGE_QUEUED);
	assert_int_equal(send(f, "q", "alice", "a", NULL, NULL), RF_MESSAGE_QUEUED);
	assert_int_equal(send(f, "q", "alice", "a", NULL, NULL), RF_MESSAGE_HELD);
	assert_int_equal(send(f, "p", "alice", "a", NULL, NULL), RF_MESSAGE_QUEUED);
	assert_int_equal(send(f, "p", "alice", "a", NULL, NULL), RF_MESSAGE_HELD);
	/* a cap of 0 silences a program */
	cfg.cap_messages = 0;
	RFT_OK(rf_engagement_config_set(&version, f->store, "p", &cfg));
	f->now += 30 * RF_DAY_MS;
	assert_int_equal(send(f, "p", "alice", "a", NULL, NULL), RF_MESSAGE_HELD);
	assert_int_equal(pending_count(f, "p"), 3);
	assert_int_equal(pending_count(f, "q"), 1);
}

void test_outbox_drain(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	eng_consent(f, "bob", 1, 1);
	for (int i = 0; i < 3; i++) {
		send(f, "p", "alice", "a", NULL, NULL);
		send(f, "p", "bob", "b", NULL, NULL);
	}
	send(f, "p", "alice", "a", NULL, NULL); /* held */
	rf_messages *page = NULL;
	RFT_OK(rf_outbox_list(&page, f->store, NULL, 0, 4, 0));
	assert_int_equal(page->count, 4);
	int64_t first_cursor = page->next_cursor;
	assert_int_equal(first_cursor, page->items[3]->id);
	for (size_t i = 1; i < page->count; i++)
		assert_true(page->items[i]->id > page->items[i - 1]->id);
	rf_messages_free(page);
	/* the host delivered the first page */
	f->now += 5000;
	int64_t acked = 0;
	RFT_OK(rf_outbox_ack(&acked, f->store, first_cursor));
	assert_int_equal(acked, 4);
	RFT_OK(rf_outbox_ack(&acked, f->store, first_cursor));
	assert_int_equal(acked, 0);
	RFT_OK(rf_outbox_list(&page, f->store, NULL, 0, 0, 0));
	assert_int_equal(page->count, 2); /* only the undelivered ones, from the start */
	int64_t last = page->next_cursor;
	rf_messages_free(page);
	RFT_OK(rf_outbox_list(&page, f->store, NULL, last, 0, 0));
	assert_int_equal(page->count, 0);
	assert_int_equal(page->next_cursor, last);
	rf_messages_free(page);
	rf_messages *all = all_messages(f);
	assert_int_equal(all->count, 7);
	assert_int_equal(all->items[0]->status, RF_MESSAGE_DELIVERED);
	assert_int_equal(all->items[0]->acked_at_ms, RFT_T0 + 5000);
	assert_int_equal(all->items[6]->status, RF_MESSAGE_HELD);
	assert_string_equal(all->items[6]->reason, "frequency-cap");
	rf_messages_free(all);
	/* durable: still there after reopening */
	rft_reopen(f);
	assert_int_equal(pending_count(f, "p"), 2);
}

void test_outbox_errors(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	rf_message *m = (rf_message *)1;
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "Bad Kind", NULL), RF_EINVALID);
	assert_null(m);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "", NULL), RF_EINVALID);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", NULL, NULL), RF_EINVALID);
	char *long_kind = rft_repeat('k', 65);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", long_kind, NULL), RF_EINVALID);
	free(long_kind);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", "not json"), RF_EINVALID);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", "[1,2]"), RF_EINVALID);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", "\"s\""), RF_EINVALID);
	char vars[4096] = "{";
	for (int i = 0; i < 33; i++)
		snprintf(vars + strlen(vars), sizeof(vars) - strlen(vars), "%s\"k%d\":1",
			 i ? "," : "", i);
	strcat(vars, "}");
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", vars), RF_EINVALID);
	char *long_value = rft_repeat('v', 1025);
	snprintf(vars, sizeof(vars), "{\"k\":\"%s\"}", long_value);
	free(long_value);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", vars), RF_EINVALID);
	char *long_key = rft_repeat('v', 65);
	snprintf(vars, sizeof(vars), "{\"%s\":1}", long_key);
	free(long_key);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", vars), RF_EINVALID);
	RFT_RC(rf_outbox_send(&m, f->store, "nope", "alice", "k", NULL), RF_ENOTFOUND);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "nobody", "k", NULL), RF_ENOTFOUND);
	RFT_RC(rf_outbox_send(&m, NULL, "p", "alice", "k", NULL), RF_EINVALID);
	rf_messages *all = all_messages(f);
	assert_int_equal(all->count, 0); /* nothing above left a trace */
	rf_messages_free(all);
	rf_messages *list = (rf_messages *)1;
	RFT_RC(rf_outbox_list(&list, f->store, NULL, -1, 0, 0), RF_EINVALID);
	assert_null(list);
	RFT_RC(rf_outbox_list(&list, f->store, NULL, 0, 1001, 0), RF_EINVALID);
	RFT_RC(rf_outbox_list(&list, f->store, NULL, 0, 0, 4), RF_EINVALID);
	RFT_RC(rf_outbox_list(&list, f->store, "nope", 0, 0, 0), RF_ENOTFOUND);
	RFT_RC(rf_outbox_list(NULL, f->store, NULL, 0, 0, 0), RF_EINVALID);
	RFT_RC(rf_outbox_ack(NULL, f->store, -1), RF_EINVALID);
	RFT_RC(rf_template_set(f->store, "p", "Bad", "x"), RF_EINVALID);
	RFT_RC(rf_template_set(f->store, "p", "k", ""), RF_EINVALID);
	char *long_tmpl = rft_repeat('t', RF_TEMPLATE_MAX_LEN + 1);
	RFT_RC(rf_template_set(f->store, "p", "k", long_tmpl), RF_EINVALID);
	free(long_tmpl);
	RFT_RC(rf_template_set(f->store, "nope", "k", "x"), RF_ENOTFOUND);
	/* an archived program sends nothing */
	RFT_OK(rf_program_archive(f->store, "p"));
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", NULL), RF_EDISABLED);
	rf_store_close(f->store);
	RFT_RC(rf_outbox_send(&m, f->store, "p", "alice", "k", NULL), RF_EMISUSE);
	RFT_RC(rf_outbox_list(&list, f->store, NULL, 0, 0, 0), RF_EMISUSE);
	RFT_RC(rf_outbox_ack(NULL, f->store, 1), RF_EMISUSE);
	rft_reopen(f);
}

void test_engagement_config(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	rf_engagement_config c;
	int64_t version = -1;
	RFT_OK(rf_engagement_config_init(&c, RF_ENGAGEMENT_CONFIG_VERSION));
	RFT_OK(rf_engagement_config_get(&c, &version, f->store, "p"));
	assert_int_equal(version, 0);
	assert_int_equal(c.cap_messages, 3);
	assert_int_equal(c.cap_window_ms, WEEK);
	c.cap_messages = 5;
	RFT_OK(rf_engagement_config_set(&version, f->store, "p", &c));
	assert_int_equal(version, 1);
	RFT_OK(rf_engagement_config_set(&version, f->store, "p", &c)); /* same: no new version */
	assert_int_equal(version, 1);
	c.dormant_after_ms = 10 * RF_DAY_MS;
	RFT_OK(rf_engagement_config_set(&version, f->store, "p", &c));
	assert_int_equal(version, 2);
	rf_engagement_config got = RF_ENGAGEMENT_CONFIG_INIT;
	RFT_OK(rf_engagement_config_get(&got, NULL, f->store, "p"));
	assert_int_equal(got.cap_messages, 5);
	assert_int_equal(got.dormant_after_ms, 10 * RF_DAY_MS);
	/* bad values change nothing */
	rf_engagement_config bad = c;
	bad.cap_messages = -1;
	RFT_RC(rf_engagement_config_set(NULL, f->store, "p", &bad), RF_EINVALID);
	bad = c;
	bad.cap_window_ms = 0;
	RFT_RC(rf_engagement_config_set(NULL, f->store, "p", &bad), RF_EINVALID);
	bad = c;
	bad.champion_min_referrals = 0;
	RFT_RC(rf_engagement_config_set(NULL, f->store, "p", &bad), RF_EINVALID);
	bad = c;
	bad.ask_window_ms = RF_ENGAGEMENT_WINDOW_MAX_MS + 1;
	RFT_RC(rf_engagement_config_set(NULL, f->store, "p", &bad), RF_EINVALID);
	bad = c;
	bad.version = 99;
	RFT_BAD_VERSION(rf_engagement_config_set(NULL, f->store, "p", &bad));
	RFT_BAD_VERSION(rf_engagement_config_init(&bad, 0));
	RFT_RC(rf_engagement_config_init(NULL, 1), RF_EINVALID);
	RFT_RC(rf_engagement_config_set(NULL, f->store, "p", NULL), RF_EINVALID);
	RFT_RC(rf_engagement_config_set(NULL, f->store, "nope", &c), RF_ENOTFOUND);
	RFT_RC(rf_engagement_config_get(&got, NULL, f->store, "nope"), RF_ENOTFOUND);
	RFT_RC(rf_engagement_config_get(NULL, NULL, f->store, "p"), RF_EINVALID);
	RFT_OK(rf_engagement_config_get(&got, &version, f->store, "p"));
	assert_int_equal(version, 2);
	RFT_OK(rf_program_archive(f->store, "p"));
	RFT_RC(rf_engagement_config_set(NULL, f->store, "p", &c), RF_EDISABLED);
}
