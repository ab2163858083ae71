/* Personal data never reaches the file in clear: IPs, user agents and
 * emails are stored only as keyed hashes. Checked with SQLite directly. */
#include "dbfile.h"
#include "suite.h"

#include <stdlib.h>
#include <string.h>

#define IP "203.0.113.77"
#define IP6 "2001:db8::1f2e:3d4c"
#define UA "Mozilla/5.0 (X11; RfTestAgent/9.8.7; Marker-UA-5531)"
#define EMAIL "Alice.Private+ref@Example.ORG"
#define VISITOR "visitor-marker-8842"

static void assert_absent(const char *path, const char *needle)
{
	char where[256];
	int n = rft_db_count_cells_containing(path, needle, where, sizeof where);
	if (n != 0)
		fail_msg("\"%s\" stored in clear in %d cell(s), e.g. %s", needle, n, where);
}

static void assert_file_lacks(const char *path, const char *needle)
{
	size_t n = 0;
	unsigned char *bytes = rft_read_file(path, &n);
	size_t m = strlen(needle);
	for (size_t i = 0; bytes && i + m <= n; i++)
		if (!memcmp(bytes + i, needle, m))
			fail_msg("\"%s\" found in the bytes of %s at offset %zu", needle, path, i);
	free(bytes);
}

static void test_no_personal_data_in_clear(void **state)
{
	rft_fixture *f = *state;
	rf_advocate_spec as = RF_ADVOCATE_SPEC_INIT;
	as.external_id = "alice";
	as.email = "  " EMAIL " ";
	RFT_OK(rf_advocate_add(NULL, f->store, &as));
	char code[RF_CODE_BUFSIZE];
	rft_code(f, "p", "alice", code);

	rf_touchpoint_spec s = RF_TOUCHPOINT_SPEC_INIT;
	s.code = code;
	s.visitor_id = VISITOR;
	s.ip = IP;
	s.user_agent = UA;
	s.landing_url = "https://shop.example/welcome";
	RFT_OK(rf_touchpoint_record(NULL, f->store, &s));
	s.visitor_id = NULL;
	s.ip = IP6;
	RFT_OK(rf_touchpoint_record(NULL, f->store, &s));
	rf_touchpoint_spec b1 = s, b2 = s;
	b1.visitor_id = "batch-1";
	b2.visitor_id = "batch-2";
	b2.ip = IP;
	const rf_touchpoint_spec *batch[] = { &b1, &b2 };
	RFT_OK(rf_touchpoint_record_batch(f->store, batch, 2));
	RFT_OK(rf_store_check(f->store));
	rf_store_free(f->store); /* checkpoints the WAL into the file */
	f->store = NULL;

	/* the scan works: the visitor id is stored as given */
	char where[256];
	assert_true(rft_db_count_cells_containing(f->path, VISITOR, where, sizeof where) > 0);
	assert_absent(f->path, IP);
	assert_absent(f->path, IP6);
	assert_absent(f->path, UA);
	assert_absent(f->path, "RfTestAgent");
	assert_absent(f->path, EMAIL);
	assert_absent(f->path, "alice.private");
	assert_absent(f->path, "example.org");
	assert_file_lacks(f->path, IP);
	assert_file_lacks(f->path, "RfTestAgent");
	assert_file_lacks(f->path, "Alice.Private");
	assert_file_lacks(f->path, "alice.private");
	rft_reopen(f);
}

int touchpoint_privacy_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_personal_data_in_clear, tp_setup, rft_teardown),
	};
	return cmocka_run_group_tests_name("touchpoint_privacy", tests, NULL, NULL);
}
