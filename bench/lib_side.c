/* The library side: the same work through the public rf_* API only. */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

static int fail(const char *doing, int rc)
{
	fprintf(stderr, "bench: %s: %s (%d)\n", doing, rf_error_last()->message, rc);
	return -1;
}

int lib_open(lib_side *l, const char *path)
{
	/* Defaults on purpose: WAL, synchronous NORMAL, 64 MiB page cache. */
	int rc = rf_store_open(&l->store, path, NULL);
	return rc == RF_OK ? 0 : fail("opening the store", rc);
}

void lib_close(lib_side *l)
{
	rf_store_free(l->store);
	l->store = NULL;
}

static const int32_t channels[] = { RF_CHANNEL_EMAIL, RF_CHANNEL_WHATSAPP, RF_CHANNEL_LINKEDIN,
				    RF_CHANNEL_X, RF_CHANNEL_QR, RF_CHANNEL_NONE };

static int add_advocate(lib_side *l, workload *w, size_t i)
{
	char ext[32], name[48], email[64];
	snprintf(ext, sizeof(ext), "adv-%07zu", i);
	snprintf(name, sizeof(name), "Advocate %zu", i);
	snprintf(email, sizeof(email), "advocate%zu@example.com", i);
	rf_advocate_spec a = RF_ADVOCATE_SPEC_INIT;
	a.external_id = ext;
	a.display_name = name;
	a.email = email;
	a.kind = i % 10 == 0 ? RF_ADVOCATE_EMPLOYEE : RF_ADVOCATE_CUSTOMER;
	int rc = rf_advocate_add(NULL, l->store, &a);
	if (rc != RF_OK)
		return fail("adding an advocate", rc);
	rf_code_spec c = RF_CODE_SPEC_INIT;
	c.program = BENCH_PROGRAM;
	c.advocate = ext;
	c.channel = channels[i % (sizeof(channels) / sizeof(channels[0]))];
	rf_code *code = NULL;
	if ((rc = rf_code_issue(&code, l->store, &c)) != RF_OK)
		return fail("issuing a code", rc);
	snprintf(w->codes[i], sizeof(w->codes[i]), "%s", code->code);
	rf_code_free(code);
	return 0;
}

int lib_populate(lib_side *l, workload *w, size_t advocates)
{
	int rc = rf_program_create(NULL, l->store, BENCH_PROGRAM, "Benchmark program", NULL);
	if (rc != RF_OK)
		return fail("creating the program", rc);
	for (size_t i = 0; i < advocates; i++) {
		if (add_advocate(l, w, i) != 0)
			return -1;
	}
	return 0;
}

static void to_spec(rf_touchpoint_spec *s, const touch_in *t)
{
	*s = (rf_touchpoint_spec)RF_TOUCHPOINT_SPEC_INIT;
	s->code = t->code;
	s->visitor_id = t->visitor;
	s->at_ms = t->at;
	s->landing_url = t->url;
	s->ip = t->ip;
	s->user_agent = t->ua;
}

BENCH_PHASE int lib_touch_single(lib_side *l, const touch_in *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rf_touchpoint_spec s;
		to_spec(&s, &in[i]);
		int rc = rf_touchpoint_record(NULL, l->store, &s);
		if (rc != RF_OK)
			return fail("recording a touchpoint", rc);
	}
	return 0;
}

BENCH_PHASE int lib_touch_batched(lib_side *l, const touch_in *in, size_t n, size_t batch)
{
	rf_touchpoint_spec *specs = malloc(batch * sizeof(*specs));
	const rf_touchpoint_spec **ptrs = malloc(batch * sizeof(*ptrs));
	int rc = specs && ptrs ? 0 : fail("allocating a batch", RF_ENOMEM);
	for (size_t i = 0; rc == 0 && i < n; i += batch) {
		size_t m = n - i < batch ? n - i : batch;
		for (size_t k = 0; k < m; k++) {
			to_spec(&specs[k], &in[i + k]);
			ptrs[k] = &specs[k];
		}
		int st = rf_touchpoint_record_batch(l->store, ptrs, m);
		if (st != RF_OK)
			rc = fail("recording a batch", st);
	}
	free(specs);
	free(ptrs);
	return rc;
}

BENCH_PHASE int lib_resolve(lib_side *l, const char *const *codes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rf_code *c = NULL;
		int rc = rf_code_resolve(&c, l->store, codes[i]);
		if (rc != RF_OK)
			return fail("resolving a code", rc);
		rf_code_free(c);
	}
	return 0;
}

BENCH_PHASE int lib_convert(lib_side *l, const conversion_in *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
		s.program = BENCH_PROGRAM;
		s.visitor_id = in[i].visitor;
		s.order_id = in[i].order;
		s.value_minor = in[i].value;
		s.currency = BENCH_CURRENCY;
		s.at_ms = in[i].at;
		int rc = rf_conversion_record(NULL, l->store, &s);
		if (rc != RF_OK)
			return fail("recording a conversion", rc);
	}
	return 0;
}
