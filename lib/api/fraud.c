/* Public fraud functions and the fraud checks of each new conversion. */
#include "api/api.h"
#include "core/fraud.h"

int rf_email_normalize(char *out, size_t size, const char *email)
{
	RF_CHECK_ARG(out != NULL && size > 0);
	out[0] = '\0';
	int rc = rf__check_text(email, RF_MAX_TEXT_LEN, "email");
	if (rc != RF_OK)
		return rc;
	if (rfc_email_normalize(email, out, size) != 0) {
		out[0] = '\0';
		return rf__error(RF_EINVALID, "email is not an address (or does not fit in %zu bytes)",
				 size);
	}
	return RF_OK;
}
