/* The per-thread last error and static status texts. */
#include "internal.h"

#include <stdio.h>

static _Thread_local char error_text[512];
static _Thread_local rf_error last_error = { RF_OK, 0, NULL };

RF_PRINTF(3, 0)
static void set_error(int code, int db_code, const char *fmt, va_list ap)
{
	vsnprintf(error_text, sizeof(error_text), fmt, ap);
	last_error.code = code;
	last_error.db_code = db_code;
	last_error.message = error_text;
}

int rf__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_error(code, 0, fmt, ap);
	va_end(ap);
	return code;
}

int rf__error_db(int code, int db_code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_error(code, db_code, fmt, ap);
	va_end(ap);
	return code;
}

const rf_error *rf_error_last(void)
{
	if (last_error.message == NULL)
		last_error.message = "no error";
	return &last_error;
}

void rf_error_clear(void)
{
	last_error.code = RF_OK;
	last_error.db_code = 0;
	last_error.message = "no error";
}

const char *rf_strerror(int code)
{
	switch (code) {
	case RF_OK: return "success";
	case RF_DUPLICATE: return "already recorded; nothing changed";
	case RF_ERROR: return "unexpected error";
	case RF_EINVALID: return "invalid argument";
	case RF_ENOTFOUND: return "not found";
	case RF_EEXISTS: return "already exists";
	case RF_ECONFLICT: return "idempotency key reused with different data";
	case RF_EBUSY: return "database is busy";
	case RF_ENOMEM: return "out of memory";
	case RF_EVERSION: return "unsupported version";
	case RF_EMISUSE: return "library misuse";
	case RF_ECORRUPT: return "database is corrupt";
	case RF_EIO: return "input/output error";
	case RF_ENOTADB: return "not a libreferral database";
	case RF_ECHECK: return "code mistyped (check symbol does not match)";
	case RF_EEXPIRED: return "code expired";
	case RF_EDISABLED: return "disabled";
	case RF_EEXHAUSTED: return "code has no uses left";
	case RF_ETAMPERED: return "link tampered with or malformed";
	case RF_EKEY: return "link key unknown or retired";
	case RF_ECONSENT: return "the advocate has not given consent";
	case RF_ELIMIT: return "a frequency cap or limit is reached";
	case RF_ECANCELED: return "canceled by the progress callback";
	default: return "unknown status";
	}
}
