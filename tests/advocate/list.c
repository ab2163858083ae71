/* Listing advocates: creation order, pages, cursors, limits. */
#include "fixture.h"
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_n(rft_fixture *f, int from, int to)
{
	char id[32];
	for (int i = from; i < to; i++) {
		snprintf(id, sizeof id, "adv-%03d", i);
		/* ids chosen so creation order differs from text order */
		if (i % 2)
			snprintf(id, sizeof id, "z-%03d", 999 - i);
		rft_advocate(f, id);
	}
}

static void expected_id(int i, char *out, size_t size)
{
	if (i % 2)
		snprintf(out, size, "z-%03d", 999 - i);
	else
		snprintf(out, size, "adv-%03d", i);
}

/* Walk all pages with `limit`; check order against creation order. */
static void walk(rft_fixture *f, uint32_t limit, int total, int pages_expected)
{
	int64_t cursor = 0, last_id = 0;
	int seen = 0, pages = 0;
	char want[32];
	do {
		rf_advocates *page = NULL;
		RFT_OK(rf_advocate_list(&page, f->store, cursor, limit));
		assert_non_null(page);
		pages++;
		uint32_t cap = limit ? limit : 100;
		assert_true(page->count <= cap);
		for (size_t i = 0; i < page->count; i++) {
			assert_true(page->items[i]->id > last_id);
			last_id = page->items[i]->id;
			expected_id(seen, want, sizeof want);
			assert_string_equal(page->items[i]->external_id, want);
			seen++;
		}
		if (page->next_cursor != 0)
			assert_int_equal(page->count, cap); /* only the last page is short */
		cursor = page->next_cursor;
		rf_advocates_free(page);
		assert_true(pages <= total + 1);
	} while (cursor != 0);
	assert_int_equal(seen, total);
	assert_int_equal(pages, pages_expected);
}

static void test_list_empty(void **state)
{
	rft_fixture *f = *state;
	rf_advocates *page = NULL;
	RFT_OK(rf_advocate_list(&page, f->store, 0, 10));
	assert_int_equal(page->count, 0);
	assert_int_equal(page->next_cursor, 0);
	rf_advocates_free(page);
	rf_advocates_free(NULL);
}

static void test_list_pages(void **state)
{
	rft_fixture *f = *state;
	add_n(f, 0, 25);
	walk(f, 10, 25, 3);
	walk(f, 1, 25, 25);
	walk(f, 0, 25, 1); /* 0 means 100 */
	walk(f, 1000, 25, 1);
	walk(f, 25, 25, 1); /* a full last page ends the walk */
	walk(f, 5, 25, 5);
}

static void test_list_default_limit_is_100(void **state)
{
	rft_fixture *f = *state;
	add_n(f, 0, 130);
	rf_advocates *page = NULL;
	RFT_OK(rf_advocate_list(&page, f->store, 0, 0));
	assert_int_equal(page->count, 100);
	assert_int_not_equal(page->next_cursor, 0);
	rf_advocates_free(page);
	walk(f, 0, 130, 2);
}

static void test_list_stable_under_inserts(void **state)
{
	rft_fixture *f = *state;
	add_n(f, 0, 12);
	rf_advocates *page = NULL;
	RFT_OK(rf_advocate_list(&page, f->store, 0, 5));
	assert_int_equal(page->count, 5);
	int64_t cursor = page->next_cursor;
	int64_t last = page->items[4]->id;
	rf_advocates_free(page);

	add_n(f, 12, 20); /* inserts between pages */
	RFT_OK(rf_advocate_deactivate(f->store, "adv-002")); /* and a change behind */
	int seen = 5;
	char want[32];
	while (cursor != 0) {
		RFT_OK(rf_advocate_list(&page, f->store, cursor, 5));
		for (size_t i = 0; i < page->count; i++) {
			assert_true(page->items[i]->id > last);
			last = page->items[i]->id;
			expected_id(seen++, want, sizeof want);
			assert_string_equal(page->items[i]->external_id, want);
		}
		cursor = page->next_cursor;
		rf_advocates_free(page);
	}
	assert_int_equal(seen, 20);
}

static void test_list_shows_inactive(void **state)
{
	rft_fixture *f = *state;
	add_n(f, 0, 3);
	RFT_OK(rf_advocate_deactivate(f->store, "z-998"));
	rf_advocates *page = NULL;
	RFT_OK(rf_advocate_list(&page, f->store, 0, 10));
	assert_int_equal(page->count, 3);
	assert_int_equal(page->items[0]->status, RF_STATUS_ACTIVE);
	assert_int_equal(page->items[1]->status, RF_STATUS_INACTIVE);
	assert_int_equal(page->items[2]->status, RF_STATUS_ACTIVE);
	rf_advocates_free(page);
}

static void test_list_bad_arguments(void **state)
{
	rft_fixture *f = *state;
	add_n(f, 0, 3);
	rf_advocates *page = (rf_advocates *)&page;
	RFT_RC(rf_advocate_list(&page, f->store, 0, 1001), RF_EINVALID);
	assert_null(page);
	RFT_RC(rf_advocate_list(&page, f->store, 0, UINT32_MAX), RF_EINVALID);
	RFT_RC(rf_advocate_list(NULL, f->store, 0, 10), RF_EINVALID);
	RFT_RC(rf_advocate_list(&page, NULL, 0, 10), RF_EINVALID);
	/* a cursor past the end gives an empty last page */
	RFT_OK(rf_advocate_list(&page, f->store, INT64_C(1) << 60, 10));
	assert_int_equal(page->count, 0);
	assert_int_equal(page->next_cursor, 0);
	rf_advocates_free(page);
}

int advocate_list_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_list_empty, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_pages, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_default_limit_is_100, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_stable_under_inserts, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_shows_inactive, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_list_bad_arguments, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("advocate_list", tests, NULL, NULL);
}
