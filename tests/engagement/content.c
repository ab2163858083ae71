/* The content library: items, targeting, codes bound to items, performance. */
#include "engagement_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add(rft_fixture *f, const char *key, uint32_t stages, const char *tier)
{
	rf_content_spec s = RF_CONTENT_SPEC_INIT;
	char title[64], url[128];
	snprintf(title, sizeof(title), "Title of %s", key);
	snprintf(url, sizeof(url), "https://shop.example/%s", key);
	s.program = "p";
	s.key = key;
	s.title = title;
	s.url = url;
	s.stages = stages;
	s.min_tier = tier;
	RFT_OK(rf_content_add(NULL, f->store, &s));
	f->now += 1000;
}

/* The keys of a list, space-separated. */
static void keys(const rf_content_list *l, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < l->count; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", l->items[i]->key);
}

static void assert_for(rft_fixture *f, const char *advocate, uint32_t limit, const char *want)
{
	rf_content_list *l = NULL;
	char got[256];
	RFT_OK(rf_content_for(&l, f->store, "p", advocate, limit));
	keys(l, got, sizeof(got));
	assert_string_equal(got, want);
	rf_content_list_free(l);
}

static void assert_list(rft_fixture *f, uint32_t flags, const char *want)
{
	rf_content_list *l = NULL;
	char got[256];
	RFT_OK(rf_content_list_get(&l, f->store, "p", flags));
	keys(l, got, sizeof(got));
	assert_string_equal(got, want);
	rf_content_list_free(l);
}

void test_content_library(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	rf_content_spec s;
	RFT_OK(rf_content_spec_init(&s, RF_CONTENT_SPEC_VERSION));
	assert_int_equal(s.kind, RF_CONTENT_ARTICLE);
	assert_int_equal(s.stages, RF_STAGES_ALL);
	s.program = "p";
	s.key = "guide";
	s.title = "The guide";
	s.url = "doc:guides/2026.pdf";
	s.kind = RF_CONTENT_DOCUMENT;
	s.stages = RF_STAGE_BIT(RF_STAGE_ACTIVE) | RF_STAGE_BIT(RF_STAGE_DORMANT);
	rf_content *c = NULL;
	RFT_OK(rf_content_add(&c, f->store, &s));
	assert_string_equal(c->program, "p");
	assert_string_equal(c->key, "guide");
	assert_string_equal(c->title, "The guide");
	assert_string_equal(c->url, "doc:guides/2026.pdf");
	assert_int_equal(c->kind, RF_CONTENT_DOCUMENT);
	assert_int_equal(c->stages, (1u << 2) | (1u << 5));
	assert_string_equal(c->min_tier, "");
	assert_int_equal(c->status, RF_STATUS_ACTIVE);
	assert_int_equal(c->created_at_ms, RFT_T0);
	rf_content_free(c);
	f->now += 1000;
	add(f, "video", RF_STAGES_ALL, NULL);
	add(f, "post", RF_STAGES_ALL, "");
	assert_list(f, 0, "post video guide");

	/* update keeps the status and creation time */
	s.title = "The new guide";
	s.min_tier = "silver";
	RFT_OK(rf_content_update(&c, f->store, &s));
	assert_string_equal(c->title, "The new guide");
	assert_string_equal(c->min_tier, "silver");
	assert_int_equal(c->created_at_ms, RFT_T0);
	rf_content_free(c);
	RFT_OK(rf_content_archive(f->store, "p", "video"));
	RFT_OK(rf_content_archive(f->store, "p", "video")); /* twice: harmless */
	assert_list(f, 0, "post guide");
	assert_list(f, RF_CONTENT_ARCHIVED, "post video guide");

	/* bad input changes nothing */
	char *before = rft_snapshot(f);
	rf_content_list *l = NULL;
	RFT_RC(rf_content_add(&c, f->store, &s), RF_EEXISTS);
	assert_null(c);
	rf_content_spec bad = s;
	bad.key = "other";
	bad.kind = 99;
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EINVALID);
	bad.kind = RF_CONTENT_POST;
	bad.stages = 0;
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EINVALID);
	bad.stages = 1u << 7;
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EINVALID);
	bad.stages = RF_STAGES_ALL;
	bad.min_tier = "platinum";
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EINVALID);
	bad.min_tier = NULL;
	bad.url = "";
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EINVALID);
	bad.url = "https://x.example";
	bad.title = NULL;
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EINVALID);
	bad.title = "t";
	bad.program = "nope";
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_ENOTFOUND);
	bad.program = "p";
	RFT_RC(rf_content_update(NULL, f->store, &bad), RF_ENOTFOUND);
	bad.version = 99;
	RFT_BAD_VERSION(rf_content_add(NULL, f->store, &bad));
	RFT_RC(rf_content_add(NULL, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_content_archive(f->store, "p", "nope"), RF_ENOTFOUND);
	RFT_RC(rf_content_archive(f->store, "p", NULL), RF_EINVALID);
	RFT_RC(rf_content_list_get(&l, f->store, "p", 8), RF_EINVALID);
	RFT_RC(rf_content_list_get(&l, f->store, "nope", 0), RF_ENOTFOUND);
	RFT_RC(rf_content_for(&l, f->store, "p", "nobody", 0), RF_ENOTFOUND);
	RFT_RC(rf_content_for(NULL, f->store, "p", "alice", 0), RF_EINVALID);
	assert_null(l);
	RFT_UNCHANGED(f, before);
	RFT_OK(rf_program_archive(f->store, "p"));
	bad.version = RF_CONTENT_SPEC_VERSION;
	bad.key = "late";
	RFT_RC(rf_content_add(NULL, f->store, &bad), RF_EDISABLED);
	rf_content_free(NULL);
	rf_content_list_free(NULL);
	rf_content_stats_free(NULL);
}

void test_content_for_stage_and_tier(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 0);
	rf_score_config sc = RF_SCORE_CONFIG_INIT;
	sc.tiers = "bronze:1:0,gold:90:80";
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &sc));
	add(f, "a-all", RF_STAGES_ALL, NULL);
	add(f, "b-active-bronze", RF_STAGE_BIT(RF_STAGE_ACTIVE), "bronze");
	add(f, "c-champion", RF_STAGE_BIT(RF_STAGE_CHAMPION), NULL);
	add(f, "d-gold", RF_STAGES_ALL, "gold");
	add(f, "e-invited", RF_STAGE_BIT(RF_STAGE_INVITED), NULL);
	add(f, "f-archived", RF_STAGES_ALL, NULL);
	RFT_OK(rf_content_archive(f->store, "p", "f-archived"));
	/* invited, no tier */
	assert_for(f, "alice", 0, "e-invited a-all");
	/* one share: active, and over bronze's 1 point */
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT;
	a.program = "p";
	a.advocate = "alice";
	a.type = RF_ACTIVITY_REVIEW;
	RFT_OK(rf_activity_record(NULL, f->store, &a));
	rf_score *score = NULL;
	RFT_OK(rf_score_get(&score, f->store, "p", "alice", 0));
	assert_string_equal(score->tier_name, "bronze");
	rf_score_free(score);
	assert_for(f, "alice", 0, "b-active-bronze a-all");
	assert_for(f, "alice", 1, "b-active-bronze");
	/* bob has no tier: the bronze item is not his */
	assert_for(f, "bob", 0, "e-invited a-all");
	/* a tier the configuration no longer has is shown to nobody */
	sc.tiers = "silver:1:0";
	RFT_OK(rf_score_config_set(NULL, f->store, "p", &sc));
	assert_for(f, "alice", 0, "a-all");
}

void test_content_stage_message(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	eng_consent(f, "alice", 1, 1);
	eng_consent(f, "bob", 1, 1);
	add(f, "kit", RF_STAGE_BIT(RF_STAGE_ACTIVE), NULL);
	add(f, "newer-kit", RF_STAGE_BIT(RF_STAGE_ACTIVE), NULL);
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT;
	a.program = "p";
	a.advocate = "alice";
	a.type = RF_ACTIVITY_SHARE;
	RFT_OK(rf_activity_record(NULL, f->store, &a));
	rf_messages *list = NULL;
	RFT_OK(rf_outbox_list(&list, f->store, "p", 0, 100, 0));
	assert_int_equal(list->count, 1);
	assert_string_equal(list->items[0]->kind, "new_content");
	assert_string_equal(list->items[0]->advocate, "alice");
	assert_string_equal(list->items[0]->body, "Hi alice, there is something new to share in p:"
						  " Title of newer-kit https://shop.example/newer-kit");
	rf_messages_free(list);
	/* a second activity: same stage, no new message */
	RFT_OK(rf_activity_record(NULL, f->store, &a));
	assert_int_equal(eng_messages(f, "alice", "new_content", -1), 1);
	/* no content for invited: entering a stage without content says nothing */
	assert_int_equal(eng_messages(f, "bob", "new_content", -1), 0);
}

/* A referral through `code`: `clicks` clicks by `visitor`, the last an hour
 * before a purchase of `value` in `currency` (none when value < 0). */
static void visit(rft_fixture *f, const char *code, const char *visitor, int clicks,
		  int64_t value, const char *currency, const char *order)
{
	for (int i = 0; i < clicks; i++)
		RFT_OK(rft_click(f, code, visitor, f->now - RF_HOUR_MS - (clicks - i) * 1000, NULL));
	if (value >= 0)
		RFT_OK(rft_convert(f, "p", visitor, order, value, currency, f->now));
	f->now += RF_DAY_MS;
}

static void bound_code(rft_fixture *f, const char *advocate, const char *content,
		       char code[RF_CODE_BUFSIZE])
{
	rf_code_spec s = RF_CODE_SPEC_INIT;
	s.program = "p";
	s.advocate = advocate;
	s.content = content;
	rf_code *c = NULL;
	RFT_OK(rf_code_issue(&c, f->store, &s));
	assert_string_equal(c->content, content ? content : "");
	snprintf(code, RF_CODE_BUFSIZE, "%s", c->code);
	rft_track_code(f, c->code);
	rf_code_free(c);
}

void test_content_codes_and_performance(void **state)
{
	rft_fixture *f = *state;
	eng_scene(f);
	add(f, "x", RF_STAGES_ALL, NULL);
	add(f, "y", RF_STAGES_ALL, NULL);
	add(f, "z", RF_STAGES_ALL, NULL);
	char ax[RF_CODE_BUFSIZE], by[RF_CODE_BUFSIZE], bx[RF_CODE_BUFSIZE], plain[RF_CODE_BUFSIZE];
	bound_code(f, "alice", "x", ax);
	bound_code(f, "bob", "y", by);
	bound_code(f, "bob", "x", bx);
	bound_code(f, "alice", NULL, plain);

	/* a v1 spec (no content field) still issues plain codes */
	rf_code_spec v1 = RF_CODE_SPEC_INIT;
	v1.version = 1;
	v1.program = "p";
	v1.advocate = "alice";
	rf_code *c = NULL;
	RFT_OK(rf_code_issue(&c, f->store, &v1));
	assert_string_equal(c->content, "");
	rft_track_code(f, c->code);
	rf_code_free(c);
	/* get, resolve and list show the item */
	RFT_OK(rf_code_get(&c, f->store, ax));
	assert_string_equal(c->content, "x");
	rf_code_free(c);
	RFT_OK(rf_code_resolve(&c, f->store, by));
	assert_string_equal(c->content, "y");
	rf_code_free(c);
	rf_codes *codes = NULL;
	RFT_OK(rf_code_list(&codes, f->store, "p", "bob"));
	assert_int_equal(codes->count, 2);
	assert_string_equal(codes->items[0]->content, "y");
	assert_string_equal(codes->items[1]->content, "x");
	rf_codes_free(codes);

	int64_t start = f->now;
	visit(f, ax, "v1", 2, 1000, "EUR", "o1");  /* x: 2 clicks, 1 visitor, 1000 */
	visit(f, bx, "v2", 1, -1, NULL, NULL);     /* x: a click, no purchase */
	visit(f, by, "v3", 1, 5000, "EUR", "o3");  /* y: 1 click, 5000 */
	visit(f, plain, "v4", 3, 9000, "EUR", "o4"); /* not content */
	int64_t end = f->now;

	rf_content_stats *st = NULL;
	RFT_OK(rf_content_performance(&st, f->store, "p", 0, 0, NULL, 0));
	assert_string_equal(st->program, "p");
	assert_string_equal(st->currency, "EUR");
	assert_int_equal(st->count, 3);
	const rf_content_stat *y = st->items[0], *x = st->items[1], *z = st->items[2];
	assert_string_equal(y->key, "y");
	assert_string_equal(x->key, "x");
	assert_string_equal(z->key, "z");
	assert_string_equal(x->title, "Title of x");
	assert_int_equal(x->codes, 2);
	assert_int_equal(x->clicks, 3);
	assert_int_equal(x->unique_visitors, 2);
	assert_int_equal(x->conversions, 1);
	assert_int_equal(x->value_minor, 1000);
	assert_int_equal(y->codes, 1);
	assert_int_equal(y->clicks, 1);
	assert_int_equal(y->conversions, 1);
	assert_int_equal(y->value_minor, 5000);
	assert_int_equal(z->codes + z->clicks + z->conversions + z->value_minor, 0);
	rf_content_stats_free(st);

	/* top, and a period that holds only x's first visit */
	int64_t from = start - RF_DAY_MS / 2, to = start + RF_DAY_MS / 2;
	RFT_OK(rf_content_performance(&st, f->store, "p", from, to, "eur", 1));
	assert_int_equal(st->count, 1);
	assert_string_equal(st->items[0]->key, "x");
	assert_int_equal(st->items[0]->clicks, 2);
	assert_int_equal(st->items[0]->value_minor, 1000);
	assert_int_equal(st->from_ms, from);
	assert_int_equal(st->to_ms, to);
	rf_content_stats_free(st);
	/* equal values: clicks decide, then the key */
	RFT_OK(rf_content_performance(&st, f->store, "p", end, 0, NULL, 0));
	assert_string_equal(st->currency, "");
	assert_string_equal(st->items[0]->key, "x");
	assert_string_equal(st->items[1]->key, "y");
	rf_content_stats_free(st);

	/* a second currency: name one */
	visit(f, ax, "v5", 1, 700, "USD", "o5");
	RFT_RC(rf_content_performance(&st, f->store, "p", 0, 0, NULL, 0), RF_EINVALID);
	assert_null(st);
	assert_non_null(strstr(rf_error_last()->message, "EUR, USD"));
	RFT_OK(rf_content_performance(&st, f->store, "p", 0, 0, "USD", 0));
	assert_string_equal(st->items[0]->key, "x");
	assert_int_equal(st->items[0]->value_minor, 700);
	assert_int_equal(st->items[0]->clicks, 4);
	rf_content_stats_free(st);
	RFT_RC(rf_content_performance(&st, f->store, "p", 5, 5, "EUR", 0), RF_EINVALID);
	RFT_RC(rf_content_performance(&st, f->store, "p", 0, 0, "EURO", 0), RF_EINVALID);
	RFT_RC(rf_content_performance(&st, f->store, "nope", 0, 0, NULL, 0), RF_ENOTFOUND);

	/* binding: unknown or archived items */
	RFT_OK(rf_content_archive(f->store, "p", "z"));
	rf_code_spec s = RF_CODE_SPEC_INIT;
	s.program = "p";
	s.advocate = "alice";
	s.content = "z";
	RFT_RC(rf_code_issue(NULL, f->store, &s), RF_EDISABLED);
	s.content = "nope";
	RFT_RC(rf_code_issue(NULL, f->store, &s), RF_ENOTFOUND);
	s.content = "";
	RFT_RC(rf_code_issue(NULL, f->store, &s), RF_EINVALID);
}
