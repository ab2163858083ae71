/* Store files: creation, schema, reopening, refusing foreign or newer
 * files without touching them, RF_STORE_NO_CREATE, damage detection. */
#include "dbfile.h"
#include "fixture.h"
#include "suite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_file_created_with_schema(void **state)
{
	rft_fixture *f = *state;
	assert_true(rft_file_exists(f->path));
	rft_program(f, "p", NULL);
	rf_store_free(f->store);
	f->store = NULL;
	assert_int_equal(rft_db_user_version(f->path), RF_SCHEMA_VERSION);
	char mode[32];
	rft_db_query_text(f->path, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	char fk[16];
	rft_db_query_text(f->path, "SELECT count(*) FROM pragma_foreign_key_check", fk, sizeof fk);
	assert_string_equal(fk, "0");
	rft_reopen(f);
}

static void test_reopen_keeps_data(void **state)
{
	rft_fixture *f = *state;
	f->now = RFT_T0 + 5;
	rft_program(f, "kept", NULL);
	rft_advocate(f, "ann");
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "kept", "ann", code);
	RFT_OK(rft_click(f, code, "v1", RFT_T0 + 10, NULL));

	rft_reopen(f);
	rft_reopen(f); /* opening an existing store twice changes nothing */
	rf_program *p = NULL;
	RFT_OK(rf_program_get(&p, f->store, "kept"));
	assert_int_equal(p->created_at_ms, RFT_T0 + 5);
	rf_program_free(p);
	rf_code *c = NULL;
	RFT_OK(rf_code_resolve(&c, f->store, code));
	assert_string_equal(c->advocate, "ann");
	rf_code_free(c);
	assert_int_equal(rft_stats(f, "kept", NULL).touchpoints, 1);
	assert_int_equal(rft_db_user_version(f->path), RF_SCHEMA_VERSION);
}

static void test_two_handles_one_file(void **state)
{
	rft_fixture *f = *state;
	rf_store_options o = rft_options(f);
	rf_store *other = NULL;
	RFT_OK(rf_store_open(&other, f->path, &o));
	RFT_OK(rf_program_create(NULL, other, "from-other", NULL, NULL));
	rf_program *p = NULL;
	RFT_OK(rf_program_get(&p, f->store, "from-other"));
	rf_program_free(p);
	RFT_RC(rf_program_create(NULL, f->store, "from-other", NULL, NULL), RF_EEXISTS);
	RFT_OK(rf_store_check(other));
	rf_store_free(other);
}

/* Open `path`, expect `want`, and check the file's bytes did not change. */
static void refuse_untouched(const char *path, int want)
{
	size_t n0 = 0, n1 = 0;
	unsigned char *before = rft_read_file(path, &n0);
	assert_non_null(before);
	rf_store *s = (rf_store *)&s;
	RFT_RC(rf_store_open(&s, path, NULL), want);
	assert_null(s);
	assert_int_equal(rf_error_last()->code, want);
	unsigned char *after = rft_read_file(path, &n1);
	assert_non_null(after);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	char wal[600];
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_false(rft_file_exists(wal));
	free(before);
	free(after);
}

static void test_refuse_foreign_sqlite(void **state)
{
	rft_fixture *f = *state;
	char path[400];
	snprintf(path, sizeof path, "%s/foreign.db", f->dir);
	rft_db_exec(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
			  "INSERT INTO notes(body) VALUES ('keep me'), ('and me');");
	refuse_untouched(path, RF_ENOTADB);

	/* an SQLite file with tables but a user_version of its own */
	char path2[400];
	snprintf(path2, sizeof path2, "%s/foreign2.db", f->dir);
	rft_db_exec(path2, "CREATE TABLE t(x); PRAGMA user_version = 1;");
	refuse_untouched(path2, RF_ENOTADB);
}

static void test_refuse_non_sqlite(void **state)
{
	rft_fixture *f = *state;
	char path[400];
	snprintf(path, sizeof path, "%s/notes.txt", f->dir);
	char text[4096];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = "This is not a database, just some text. "[i % 40];
	rft_write_file(path, text, sizeof text);
	refuse_untouched(path, RF_ENOTADB);
}

static void test_refuse_newer_schema(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rf_store_free(f->store);
	f->store = NULL;
	rft_db_set_user_version(f->path, RF_SCHEMA_VERSION + 1);
	refuse_untouched(f->path, RF_EVERSION);
	assert_int_equal(rft_db_user_version(f->path), RF_SCHEMA_VERSION + 1);
	rft_db_set_user_version(f->path, RF_SCHEMA_VERSION); /* for teardown */
	rft_reopen(f);
	assert_int_equal(rft_program_count(f), 1);
}

static void test_no_create(void **state)
{
	rft_fixture *f = *state;
	char path[400];
	snprintf(path, sizeof path, "%s/missing.db", f->dir);
	rf_store_options o = RF_STORE_OPTIONS_INIT;
	o.flags = RF_STORE_NO_CREATE;
	rf_store *s = (rf_store *)&s;
	RFT_RC(rf_store_open(&s, path, &o), RF_ENOTFOUND);
	assert_null(s);
	assert_false(rft_file_exists(path));

	/* an existing store opens with the flag */
	rf_store_free(f->store);
	f->store = NULL;
	RFT_OK(rf_store_open(&f->store, f->path, &o));
	assert_int_equal(rft_program_count(f), 0);
}

static void test_check_detects_damage(void **state)
{
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	char id[32];
	for (int i = 0; i < 400; i++) {
		snprintf(id, sizeof id, "advocate-%04d", i);
		rft_advocate(f, id);
	}
	rf_store_free(f->store);
	f->store = NULL;
	size_t n = 0;
	unsigned char *bytes = rft_read_file(f->path, &n);
	assert_true(n >= 4 * 4096);
	/* scribble over every page but the first (the header stays valid) */
	for (size_t i = 4096; i < n; i++)
		bytes[i] = (unsigned char)(i * 131 + 7);
	rft_write_file(f->path, bytes, n);
	free(bytes);

	rf_store *s = NULL;
	int rc = rf_store_open(&s, f->path, NULL);
	if (rc == RF_OK) {
		RFT_RC(rf_store_check(s), RF_ECORRUPT);
		assert_string_not_equal(rf_error_last()->message, "");
		rf_store_free(s);
	} else {
		assert_true(rc == RF_ECORRUPT || rc == RF_ENOTADB);
		assert_null(s);
	}
	/* leave a valid store for teardown */
	remove(f->path);
	rft_reopen(f);
}

int store_file_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_created_with_schema, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_reopen_keeps_data, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_two_handles_one_file, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_foreign_sqlite, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_non_sqlite, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_refuse_newer_schema, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_no_create, rft_setup, rft_teardown),
		cmocka_unit_test_setup_teardown(test_check_detects_damage, rft_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("store_files", tests, NULL, NULL);
}
