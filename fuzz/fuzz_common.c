/* Helpers shared by the fuzz targets; see fuzz_common.h. */
#include "fuzz_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void fz_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz: invariant broken: ", stderr);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (last error: %s)\n", rf_error_last()->message);
	va_end(ap);
	abort();
}

char *fz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	FZ_CHECK(s != NULL, "out of memory");
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

int fz_lookup_status(int rc)
{
	switch (rc) {
	case RF_OK: case RF_EINVALID: case RF_ECHECK: case RF_ENOTFOUND:
	case RF_EEXPIRED: case RF_EDISABLED: case RF_EEXHAUSTED:
		return 1;
	default:
		return 0;
	}
}

static int symbol_value(char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

int fz_all_symbols(const char *s)
{
	for (; *s; s++) {
		if (symbol_value(*s) < 0)
			return 0;
	}
	return 1;
}

int fz_model_normalize(const char *in, char *out, size_t size)
{
	size_t n = 0;
	for (; *in; in++) {
		char c = *in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		c = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
		if (symbol_value(c) < 0 || n + 1 >= size)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return n ? (int)n : -1;
}

/* Luhn mod N from its definition: from the right, every second value is
 * doubled and its base-N digits added; the total is 0 mod N. */
int fz_model_check_ok(const char *code)
{
	size_t n = strlen(code);
	int sum = 0, factor = 1;
	if (n < 2)
		return 0;
	for (size_t i = n; i-- > 0; factor = 3 - factor) {
		int v = symbol_value(code[i]) * factor;
		sum += v / 32 + v % 32;
	}
	return sum % 32 == 0;
}

static int64_t fixture_clock(void *ctx)
{
	return ((fz_fixture *)ctx)->now;
}

static void ok(int rc, const char *doing)
{
	FZ_CHECK(rc == RF_OK, "fixture: %s failed with %d", doing, rc);
}

static void issue(fz_fixture *f, int which, const char *program, const char *advocate,
		  const char *vanity, int64_t expires, int64_t max_uses)
{
	rf_code_spec spec = RF_CODE_SPEC_INIT;
	rf_code *code = NULL;
	spec.program = program;
	spec.advocate = advocate;
	spec.vanity = vanity;
	spec.channel = which % (RF_CHANNEL_OTHER + 1);
	spec.expires_at_ms = expires;
	spec.max_uses = max_uses;
	ok(rf_code_issue(&code, f->store, &spec), "issuing a code");
	snprintf(f->codes[which], sizeof(f->codes[which]), "%s", code->code);
	rf_code_free(code);
}

static void add_advocate(fz_fixture *f, const char *id)
{
	rf_advocate_spec spec = RF_ADVOCATE_SPEC_INIT;
	spec.external_id = id;
	ok(rf_advocate_add(NULL, f->store, &spec), "adding an advocate");
}

/* One click then one conversion: the code's single use is spent. */
static void use_up(fz_fixture *f, const char *code)
{
	rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
	t.code = code;
	t.visitor_id = "fz-visitor";
	ok(rf_touchpoint_record(NULL, f->store, &t), "recording a touchpoint");
	rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
	c.program = FZ_PROGRAM;
	c.visitor_id = "fz-visitor";
	c.order_id = "fz-order";
	c.value_minor = 1000;
	c.currency = "EUR";
	c.at_ms = FZ_T0 + 60000;
	ok(rf_conversion_record(NULL, f->store, &c), "recording a conversion");
}

void fz_fixture_open(fz_fixture *f)
{
	rf_store_options opts = RF_STORE_OPTIONS_INIT;
	memset(f, 0, sizeof(*f));
	f->now = FZ_T0;
	opts.clock = fixture_clock;
	opts.clock_ctx = f;
	ok(rf_store_open(&f->store, ":memory:", &opts), "opening the store");
	ok(rf_program_create(NULL, f->store, FZ_PROGRAM, "Fuzz", NULL), "creating a program");
	ok(rf_program_create(NULL, f->store, "old", NULL, NULL), "creating a program");
	add_advocate(f, "alice");
	add_advocate(f, "bob");
	issue(f, FZ_ACTIVE, FZ_PROGRAM, "alice", "SPRING26", 0, 0);
	issue(f, FZ_RANDOM, FZ_PROGRAM, "alice", NULL, 0, 0);
	issue(f, FZ_EXPIRED, FZ_PROGRAM, "alice", "EXPIRED7", FZ_T0 + 3600000, 0);
	issue(f, FZ_DISABLED, FZ_PROGRAM, "alice", "DISABLED", 0, 0);
	issue(f, FZ_EXHAUSTED, FZ_PROGRAM, "alice", "ONCE0NLY", 0, 1);
	issue(f, FZ_INACTIVE, FZ_PROGRAM, "bob", "BOBCODE1", 0, 0);
	issue(f, FZ_ARCHIVED, "old", "alice", "OLDPROG9", 0, 0);
	ok(rf_code_disable(f->store, f->codes[FZ_DISABLED]), "disabling a code");
	use_up(f, f->codes[FZ_EXHAUSTED]);
	ok(rf_advocate_deactivate(f->store, "bob"), "deactivating an advocate");
	ok(rf_program_archive(f->store, "old"), "archiving a program");
	f->now = FZ_T0 + 2 * 3600000;
	static const int expect[FZ_NCODES] = { RF_OK, RF_OK, RF_EEXPIRED, RF_EDISABLED,
					       RF_EEXHAUSTED, RF_EDISABLED, RF_EDISABLED };
	memcpy(f->expect, expect, sizeof(expect));
	for (int i = 0; i < FZ_NCODES; i++) {
		rf_code *c = NULL;
		int rc = rf_code_resolve(&c, f->store, f->codes[i]);
		FZ_CHECK(rc == f->expect[i], "fixture: code %s resolves to %d, not %d", f->codes[i],
			 rc, f->expect[i]);
		rf_code_free(c);
	}
}

void fz_fixture_close(fz_fixture *f)
{
	rf_store_free(f->store);
	f->store = NULL;
}

int fz_fixture_find(const fz_fixture *f, const char *code)
{
	for (int i = 0; i < FZ_NCODES; i++) {
		if (strcmp(f->codes[i], code) == 0)
			return i;
	}
	return -1;
}
