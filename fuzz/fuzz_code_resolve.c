/*
 * rf_code_resolve on arbitrary input against a store holding one code in
 * every state. Checked: a documented status, *out NULL on failure; input
 * that normalises to a known code gets exactly that code's state; an
 * unknown one is RF_ECHECK exactly when its check symbol is wrong, else
 * RF_ENOTFOUND; rf_code_get finds exactly the known codes, in any state.
 */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

/* rf_code_normalize refuses input longer than this (code.c). */
#define INPUT_MAX 64

static fz_fixture fixture;
static rf_code sentinel; /* proves *out is reset on failure */

static void check_found(const rf_code *c, const char *normal, int known)
{
	FZ_CHECK(c != NULL && c != &sentinel, "RF_OK without a code");
	FZ_CHECK(strcmp(c->code, normal) == 0, "resolved to '%s', not '%s'", c->code, normal);
	FZ_CHECK(known >= 0 && fixture.expect[known] == RF_OK, "'%s' should not resolve", normal);
	FZ_CHECK(strcmp(c->program, FZ_PROGRAM) == 0 && strcmp(c->advocate, "alice") == 0,
		 "code '%s' has the wrong owner", normal);
}

/* What rf_code_resolve must answer, from the model and the fixture. */
static int expected(const char *in, const char *normal, int m, int known)
{
	if (m < 0 || m >= RF_CODE_BUFSIZE || strlen(in) > INPUT_MAX)
		return RF_EINVALID;
	if (known >= 0)
		return fixture.expect[known];
	return fz_model_check_ok(normal) ? RF_ENOTFOUND : RF_ECHECK;
}

static void close_fixture(void)
{
	fz_fixture_close(&fixture);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fixture.store == NULL) {
		fz_fixture_open(&fixture); /* once: lookups only read the store */
		atexit(close_fixture);
	}
	char *in = fz_cstr(data, size), normal[4096];
	rf_code *c = &sentinel, *g = &sentinel;
	int rc = rf_code_resolve(&c, fixture.store, in);
	int grc = rf_code_get(&g, fixture.store, in);
	int m = fz_model_normalize(in, normal, sizeof(normal));
	int known = m > 0 ? fz_fixture_find(&fixture, normal) : -1;
	int want = expected(in, normal, m, known);
	FZ_CHECK(fz_lookup_status(rc), "unexpected status %d", rc);
	FZ_CHECK(rc == want, "'%s' resolved with %d, expected %d", in, rc, want);
	if (rc == RF_OK)
		check_found(c, normal, known);
	else
		FZ_CHECK(c == NULL, "failure %d left *out set", rc);
	/* get finds a code in any state; unknown is RF_ENOTFOUND, typo or not. */
	int gwant = want == RF_EINVALID ? want
		    : want == RF_ECHECK || want == RF_ENOTFOUND ? RF_ENOTFOUND : RF_OK;
	FZ_CHECK(grc == gwant, "rf_code_get('%s') = %d, expected %d", in, grc, gwant);
	FZ_CHECK(grc == RF_OK ? strcmp(g->code, normal) == 0 : g == NULL, "rf_code_get result");
	rf_code_free(c);
	rf_code_free(g);
	free(in);
	return 0;
}
