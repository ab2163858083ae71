/* Creating, fetching and listing programs; rules and their bounds. */
#include "fixture.h"
#include "suite.h"

#include <stdlib.h>
#include <string.h>

static void assert_rules_equal(const rf_program_rules *a, const rf_program_rules *b)
{
	assert_int_equal(a->model, b->model);
	assert_int_equal(a->code_length, b->code_length);
	assert_int_equal(a->lookback_ms, b->lookback_ms);
	assert_int_equal(a->duplicate_window_ms, b->duplicate_window_ms);
	assert_int_equal(a->lock_first_referrer, b->lock_first_referrer);
}

static void test_rules_init(void **state)
{
	(void)state;
	rf_program_rules r;
	memset(&r, 0x77, sizeof r);
	RFT_OK(rf_program_rules_init(&r, RF_PROGRAM_RULES_VERSION));
	assert_int_equal(r.version, RF_PROGRAM_RULES_VERSION);
	assert_int_equal(r.model, RF_MODEL_LAST_TOUCH);
	assert_int_equal(r.code_length, 8);
	assert_int_equal(r.lookback_ms, 30 * RF_DAY_MS);
	assert_int_equal(r.duplicate_window_ms, RF_HOUR_MS);
	assert_int_equal(r.lock_first_referrer, 0);
	rf_program_rules init = RF_PROGRAM_RULES_INIT;
	assert_rules_equal(&r, &init);
	RFT_RC(rf_program_rules_init(NULL, RF_PROGRAM_RULES_VERSION), RF_EINVALID);
	RFT_RC(rf_program_rules_init(&r, 0), RF_EVERSION);
	RFT_RC(rf_program_rules_init(&r, RF_PROGRAM_RULES_VERSION + 1), RF_EVERSION);
}

static void test_create_defaults(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 1000;
	rf_program *p = NULL;
	RFT_OK(rf_program_create(&p, f->store, "spring-2026", NULL, NULL));
	assert_non_null(p);
	assert_true(p->id > 0);
	assert_string_equal(p->key, "spring-2026");
	assert_string_equal(p->name, "spring-2026"); /* name defaults to the key */
	assert_int_equal(p->status, RF_STATUS_ACTIVE);
	assert_int_equal(p->rules_version, 1);
	assert_non_null(p->rules);
	rf_program_rules defaults = RF_PROGRAM_RULES_INIT;
	assert_rules_equal(p->rules, &defaults);
	assert_int_equal(p->created_at_ms, RFT_T0 + 1000);
	assert_int_equal(p->updated_at_ms, RFT_T0 + 1000);

	rf_program *g = NULL;
	RFT_OK(rf_program_get(&g, f->store, "spring-2026"));
	assert_int_equal(g->id, p->id);
	assert_string_equal(g->name, p->name);
	assert_rules_equal(g->rules, p->rules);
	rf_program_free(g);
	rf_program_free(p);
	rf_program_free(NULL);
}

static void test_create_with_name_and_rules(void **state)
{
	rft_fixture *f = *state;
	rf_program_rules r = RF_PROGRAM_RULES_INIT;
	r.model = RF_MODEL_FIRST_TOUCH;
	r.code_length = 12;
	r.lookback_ms = 7 * RF_DAY_MS;
	r.duplicate_window_ms = 0;
	r.lock_first_referrer = 1;
	RFT_OK(rf_program_create(NULL, f->store, "p", "Friends \xc3\xa9t\xc3\xa9 \xf0\x9f\x8e\x89", &r));
	rf_program *g = NULL;
	RFT_OK(rf_program_get(&g, f->store, "p"));
	assert_string_equal(g->name, "Friends \xc3\xa9t\xc3\xa9 \xf0\x9f\x8e\x89");
	assert_rules_equal(g->rules, &r);
	rf_program_free(g);

	/* bounds are inclusive */
	rf_program_rules lo = RF_PROGRAM_RULES_INIT, hi = RF_PROGRAM_RULES_INIT;
	lo.code_length = RF_CODE_LENGTH_MIN;
	lo.lookback_ms = 1;
	hi.code_length = RF_CODE_LENGTH_MAX;
	hi.lookback_ms = RF_LOOKBACK_MAX_MS;
	RFT_OK(rf_program_create(NULL, f->store, "lo", NULL, &lo));
	RFT_OK(rf_program_create(NULL, f->store, "hi", NULL, &hi));

	/* keys are UTF-8 and up to RF_MAX_ID_LEN bytes; names up to RF_MAX_NAME_LEN */
	char *key = rft_repeat('k', RF_MAX_ID_LEN);
	char *name = rft_repeat('n', RF_MAX_NAME_LEN);
	RFT_OK(rf_program_create(NULL, f->store, key, name, NULL));
	RFT_OK(rf_program_get(&g, f->store, key));
	assert_string_equal(g->name, name);
	rf_program_free(g);
	free(key);
	free(name);
	RFT_OK(rf_program_create(NULL, f->store, "programme-\xc3\xa9t\xc3\xa9", NULL, NULL));
	assert_int_equal(rft_program_count(f), 5);
}

static void create_fails(rft_fixture *f, const char *key, const char *name,
			 const rf_program_rules *rules, int want)
{
	char *before = rft_snapshot(f);
	rf_program *p = (rf_program *)&p;
	RFT_RC(rf_program_create(&p, f->store, key, name, rules), want);
	assert_null(p);
	RFT_UNCHANGED(f, before);
}

static void test_create_bad_key_and_name(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "existing", NULL);
	char *long_key = rft_repeat('k', RF_MAX_ID_LEN + 1);
	char *long_name = rft_repeat('n', RF_MAX_NAME_LEN + 1);
	create_fails(f, NULL, NULL, NULL, RF_EINVALID);
	create_fails(f, "", NULL, NULL, RF_EINVALID);
	create_fails(f, long_key, NULL, NULL, RF_EINVALID);
	create_fails(f, "\xff\xfe", NULL, NULL, RF_EINVALID);
	create_fails(f, "ok-key\xc3", NULL, NULL, RF_EINVALID); /* truncated sequence */
	create_fails(f, "ok-key", long_name, NULL, RF_EINVALID);
	create_fails(f, "ok-key", "\xff\xfe", NULL, RF_EINVALID);
	create_fails(f, "existing", NULL, NULL, RF_EEXISTS);
	create_fails(f, "existing", "other name", NULL, RF_EEXISTS);
	RFT_RC(rf_program_create(NULL, NULL, "k", NULL, NULL), RF_EINVALID);
	free(long_key);
	free(long_name);
	rf_program *g = NULL;
	RFT_OK(rf_program_get(&g, f->store, "existing"));
	assert_string_equal(g->name, "existing");
	rf_program_free(g);
}

static void test_create_bad_rules(void **state)
{
	rft_fixture *f = *state;
	const rf_program_rules base = RF_PROGRAM_RULES_INIT;
	rf_program_rules r;
	int32_t bad_models[] = { 0, RF_MODEL_SHAPLEY + 1, -1 };
	for (size_t i = 0; i < 3; i++) {
		r = base;
		r.model = bad_models[i];
		create_fails(f, "p", NULL, &r, RF_EINVALID);
	}
	int32_t bad_lengths[] = { RF_CODE_LENGTH_MIN - 1, RF_CODE_LENGTH_MAX + 1, 0, -8 };
	for (size_t i = 0; i < 4; i++) {
		r = base;
		r.code_length = bad_lengths[i];
		create_fails(f, "p", NULL, &r, RF_EINVALID);
	}
	int64_t bad_lookbacks[] = { 0, -1, RF_LOOKBACK_MAX_MS + 1, INT64_MAX };
	for (size_t i = 0; i < 4; i++) {
		r = base;
		r.lookback_ms = bad_lookbacks[i];
		create_fails(f, "p", NULL, &r, RF_EINVALID);
	}
	r = base;
	r.duplicate_window_ms = -1;
	create_fails(f, "p", NULL, &r, RF_EINVALID);

	char *before = rft_snapshot(f);
	r = base;
	r.version = 0;
	RFT_BAD_VERSION(rf_program_create(NULL, f->store, "p", NULL, &r));
	r.version = RF_PROGRAM_RULES_VERSION + 1;
	RFT_BAD_VERSION(rf_program_create(NULL, f->store, "p", NULL, &r));
	RFT_UNCHANGED(f, before);
	assert_int_equal(rft_program_count(f), 0);
}

static void test_get_failures(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rf_program *p = (rf_program *)&p;
	RFT_RC(rf_program_get(&p, f->store, "q"), RF_ENOTFOUND);
	assert_null(p);
	p = (rf_program *)&p;
	RFT_RC(rf_program_get(&p, f->store, "P"), RF_ENOTFOUND); /* keys are exact */
	assert_null(p);
	RFT_RC(rf_program_get(NULL, f->store, "p"), RF_EINVALID);
	RFT_RC(rf_program_get(&p, NULL, "p"), RF_EINVALID);
	RFT_RC(rf_program_get(&p, f->store, NULL), RF_EINVALID);
	RFT_RC(rf_program_get(&p, f->store, ""), RF_EINVALID);
	RFT_RC(rf_program_get(&p, f->store, "\xff\xfe"), RF_EINVALID);
	char *long_key = rft_repeat('k', RF_MAX_ID_LEN + 1);
	RFT_RC(rf_program_get(&p, f->store, long_key), RF_EINVALID);
	free(long_key);
}

static void test_list_order_and_archived(void **state)
{
	rft_fixture *f = *state;
	rf_programs *l = NULL;
	RFT_OK(rf_program_list(&l, f->store, 0));
	assert_int_equal(l->count, 0);
	rf_programs_free(l);

	const char *keys[] = { "delta", "alpha", "charlie", "bravo" };
	for (size_t i = 0; i < 4; i++)
		rft_program(f, keys[i], NULL);
	RFT_OK(rf_program_archive(f->store, "charlie"));

	RFT_OK(rf_program_list(&l, f->store, 0));
	assert_int_equal(l->count, 3);
	assert_string_equal(l->items[0]->key, "alpha");
	assert_string_equal(l->items[1]->key, "bravo");
	assert_string_equal(l->items[2]->key, "delta");
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(l->items[i]->status, RF_STATUS_ACTIVE);
	rf_programs_free(l);

	RFT_OK(rf_program_list(&l, f->store, RF_LIST_INCLUDE_ARCHIVED));
	assert_int_equal(l->count, 4);
	assert_string_equal(l->items[2]->key, "charlie");
	assert_int_equal(l->items[2]->status, RF_STATUS_ARCHIVED);
	assert_non_null(l->items[2]->rules);
	rf_programs_free(l);
	rf_programs_free(NULL);

	RFT_RC(rf_program_list(NULL, f->store, 0), RF_EINVALID);
	RFT_RC(rf_program_list(&l, NULL, 0), RF_EINVALID);
}

int program_create_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_init),
		cmocka_unit_test_setup_teardown(test_create_defaults, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_create_with_name_and_rules, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_create_bad_key_and_name, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_create_bad_rules, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_get_failures, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_order_and_archived, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("program_create", tests, NULL, NULL);
}
