/* Shared test support; see fixture.h. */
#include "fixture.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int64_t rft_clock(void *ctx)
{
	rft_fixture *f = ctx;
	f->clock_calls++;
	return f->now;
}

rf_store_options rft_options(rft_fixture *f)
{
	rf_store_options opts = RF_STORE_OPTIONS_INIT;
	opts.clock = rft_clock;
	opts.clock_ctx = f;
	return opts;
}

void rft_mkdtemp(char *out, size_t size)
{
	const char *base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	int n = snprintf(out, size, "%s/rftest.XXXXXX", base);
	if (n < 0 || (size_t)n >= size || !mkdtemp(out))
		fail_msg("cannot make a temporary directory under %s: %s", base, strerror(errno));
}

void rft_rmdir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static rft_fixture *fixture_new(void)
{
	rft_fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->now = RFT_T0;
	rft_mkdtemp(f->dir, sizeof f->dir);
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	return f;
}

int rft_setup(void **state)
{
	rft_fixture *f = fixture_new();
	rf_store_options opts = rft_options(f);
	int rc = rf_store_open(&f->store, f->path, &opts);
	if (rc != RF_OK) {
		print_error("rf_store_open(%s) = %d (%s): %s\n", f->path, rc, rf_strerror(rc),
			    rf_error_last()->message);
		rft_rmdir(f->dir);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

int rft_teardown(void **state)
{
	rft_fixture *f = *state;
	int ok = 1;
	if (f->store) {
		int rc = rf_store_check(f->store);
		if (rc != RF_OK) {
			print_error("teardown: rf_store_check = %d (%s): %s\n", rc,
				    rf_strerror(rc), rf_error_last()->message);
			ok = 0;
		}
		rf_store_free(f->store);
	}
	rft_rmdir(f->dir);
	free(f);
	*state = NULL;
	return ok ? 0 : -1;
}

void rft_reopen(rft_fixture *f)
{
	rf_store_free(f->store);
	f->store = NULL;
	rf_store_options opts = rft_options(f);
	RFT_OK(rf_store_open(&f->store, f->path, &opts));
}

unsigned char *rft_read_file(const char *path, size_t *size)
{
	*size = 0;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 4096, n = 0, got;
	unsigned char *buf = malloc(cap);
	assert_non_null(buf);
	while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	fclose(fp);
	*size = n;
	return buf;
}

void rft_write_file(const char *path, const void *data, size_t size)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, size, fp), size);
	assert_int_equal(fclose(fp), 0);
}

int rft_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

char *rft_repeat(char c, size_t n)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static const char *status_name(int rc)
{
	static char buf[32];
	static const char *names[] = {
		"RF_OK", "RF_ERROR", "RF_EINVALID", "RF_ENOTFOUND", "RF_EEXISTS",
		"RF_ECONFLICT", "RF_EBUSY", "RF_ENOMEM", "RF_EVERSION", "RF_EMISUSE",
		"RF_ECORRUPT", "RF_EIO", "RF_ENOTADB", "RF_ECHECK", "RF_EEXPIRED",
		"RF_EDISABLED", "RF_EEXHAUSTED"
	};
	if (rc == RF_DUPLICATE)
		return "RF_DUPLICATE";
	if (rc <= 0 && rc >= -16)
		return names[-rc];
	snprintf(buf, sizeof buf, "status %d", rc);
	return buf;
}

void rft_assert_rc(int got, int want, const char *expr, const char *file, int line)
{
	if (got == want)
		return;
	char g[32];
	snprintf(g, sizeof g, "%s", status_name(got));
	print_error("%s\n  returned %s, expected %s; last error: %s\n", expr, g,
		    status_name(want), rf_error_last()->message);
	_fail(file, line);
}

void rft_assert_bad_version(int got, const char *expr, const char *file, int line)
{
	if (got == RF_EVERSION || got == RF_EINVALID)
		return;
	print_error("%s\n  returned %s, expected RF_EVERSION (or RF_EINVALID)\n", expr,
		    status_name(got));
	_fail(file, line);
}

void rft_program(rft_fixture *f, const char *key, const rf_program_rules *rules)
{
	RFT_OK(rf_program_create(NULL, f->store, key, NULL, rules));
}

void rft_advocate(rft_fixture *f, const char *external_id)
{
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = external_id;
	RFT_OK(rf_advocate_add(NULL, f->store, &spec));
}

void rft_code(rft_fixture *f, const char *program, const char *advocate,
	      char code[RF_CODE_BUFSIZE])
{
	rf_code_spec spec = RF_CODE_SPEC_INIT;
	spec.program = program;
	spec.advocate = advocate;
	rf_code *c = NULL;
	RFT_OK(rf_code_issue(&c, f->store, &spec));
	assert_non_null(c);
	assert_true(strlen(c->code) < RF_CODE_BUFSIZE);
	strcpy(code, c->code);
	rf_code_free(c);
	rft_track_code(f, code);
}

int rft_click(rft_fixture *f, const char *code, const char *visitor, int64_t at_ms,
	      int64_t *id)
{
	rf_touchpoint_spec spec = RF_TOUCHPOINT_SPEC_INIT;
	spec.code = code;
	spec.visitor_id = visitor;
	spec.at_ms = at_ms;
	rf_touchpoint *t = NULL;
	int rc = rf_touchpoint_record(&t, f->store, &spec);
	if (id)
		*id = t ? t->id : 0;
	rf_touchpoint_free(t);
	return rc;
}

int rft_convert(rft_fixture *f, const char *program, const char *visitor,
		const char *order_id, int64_t value, const char *currency, int64_t at_ms)
{
	rf_conversion_spec spec = RF_CONVERSION_SPEC_INIT;
	spec.program = program;
	spec.visitor_id = visitor;
	spec.order_id = order_id;
	spec.value_minor = value;
	spec.currency = currency;
	spec.at_ms = at_ms;
	int rc = rf_conversion_record(NULL, f->store, &spec);
	if (rc == RF_OK)
		rft_track_order(f, program, order_id);
	return rc;
}

rft_counts rft_stats(rft_fixture *f, const char *program, const char *advocate)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = program;
	q.advocate = advocate;
	rf_stats *s = NULL;
	RFT_OK(rf_stats_get(&s, f->store, &q));
	assert_non_null(s);
	rft_counts c = { s->touchpoints, s->unique_touchpoints, s->unique_visitors,
			 s->conversions, s->attributed_conversions };
	rf_stats_free(s);
	return c;
}

size_t rft_program_count(rft_fixture *f)
{
	rf_programs *list = NULL;
	RFT_OK(rf_program_list(&list, f->store, RF_LIST_INCLUDE_ARCHIVED));
	assert_non_null(list);
	size_t n = list->count;
	rf_programs_free(list);
	return n;
}

size_t rft_advocate_count(rft_fixture *f)
{
	size_t n = 0;
	int64_t cursor = 0;
	do {
		rf_advocates *page = NULL;
		RFT_OK(rf_advocate_list(&page, f->store, cursor, 1000));
		assert_non_null(page);
		n += page->count;
		cursor = page->next_cursor;
		rf_advocates_free(page);
	} while (cursor != 0);
	return n;
}

void rft_track_code(rft_fixture *f, const char *code)
{
	if (f->code_count < sizeof f->codes / sizeof f->codes[0])
		snprintf(f->codes[f->code_count++], RF_CODE_BUFSIZE, "%s", code);
}

void rft_track_order(rft_fixture *f, const char *program, const char *order_id)
{
	if (f->order_count < sizeof f->orders / sizeof f->orders[0]) {
		snprintf(f->orders[f->order_count][0], 64, "%s", program);
		snprintf(f->orders[f->order_count][1], 64, "%s", order_id);
		f->order_count++;
	}
}

void rft_parse_args(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "-t"))
			cmocka_set_test_filter(argv[i + 1]);
}
