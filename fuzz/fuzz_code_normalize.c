/*
 * rf_code_normalize on arbitrary bytes. Checked: only RF_OK or RF_EINVALID;
 * the result is what the header's rules give (an independent model), made
 * only of alphabet symbols, NUL-terminated inside the buffer, and
 * normalising it again changes nothing.
 */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

/* rf_code_normalize refuses input longer than this (code.c). */
#define INPUT_MAX 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks the output size, to reach the does-not-fit path. */
	size_t out_size = size ? data[0] % (RF_CODE_BUFSIZE + 8) : RF_CODE_BUFSIZE;
	char *in = fz_cstr(data + (size > 0), size - (size > 0));
	char *out = malloc(out_size ? out_size : 1); /* exact size: ASan sees overruns */
	char model[4096];
	FZ_CHECK(out != NULL, "out of memory");
	int rc = rf_code_normalize(out, out_size, in);
	int m = fz_model_normalize(in, model, sizeof(model));
	FZ_CHECK(rc == RF_OK || rc == RF_EINVALID, "unexpected status %d", rc);
	if (rc == RF_OK) {
		FZ_CHECK(memchr(out, '\0', out_size) != NULL, "result not terminated in its buffer");
		FZ_CHECK(fz_all_symbols(out) && out[0] != '\0', "result '%s' has non-symbols", out);
		FZ_CHECK(m > 0 && strcmp(out, model) == 0, "'%s' normalised to '%s', model says '%s'",
			 in, out, m > 0 ? model : "(invalid)");
		char again[RF_CODE_BUFSIZE + 8];
		FZ_CHECK(rf_code_normalize(again, sizeof(again), out) == RF_OK &&
			 strcmp(again, out) == 0, "normalising '%s' again gave '%s'", out, again);
	} else {
		FZ_CHECK(rf_error_last()->code == rc, "last error %d, returned %d",
			 rf_error_last()->code, rc);
		/* Refused although valid: only when too long for the input or the buffer. */
		FZ_CHECK(m < 0 || (size_t)m + 1 > out_size || strlen(in) > INPUT_MAX,
			 "'%s' refused, model says '%s'", in, model);
	}
	free(in);
	free(out);
	return 0;
}
