/* The arguments every paged list checks the same way. */
#include "api/api.h"

int rf__page_args(rf_store *s, int64_t cursor, uint32_t *limit)
{
	int rc = rfs_usable(s);
	if (rc != RF_OK)
		return rc;
	if (*limit == 0)
		*limit = 100;
	if (*limit > 1000)
		return rf__error(RF_EINVALID, "limit must be 1..1000");
	if (cursor < 0)
		return rf__error(RF_EINVALID, "cursor must be >= 0");
	return RF_OK;
}
