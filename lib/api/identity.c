/* Identity stitching: tie a visitor id to a customer id. */
#include "api/api.h"

int rf_identify(rf_store *store, const char *visitor_id, const char *customer_id)
{
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(visitor_id, RF_MAX_ID_LEN, "visitor id");
	if (rc == RF_OK)
		rc = rf__check_text(customer_id, RF_MAX_ID_LEN, "customer id");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t visitor = 0, customer = 0, tied = 0;
	rc = rfs_visitor_intern(store, visitor_id, 1, &visitor);
	if (rc == RF_OK)
		rc = rfs_customer_intern(store, customer_id, 1, &customer);
	if (rc == RF_OK)
		rc = rfs_identity_get(store, visitor, &tied);
	if (rc == RF_OK && tied == 0)
		rc = rfs_identity_insert(store, visitor, customer, rfs_now(store));
	else if (rc == RF_OK && tied != customer)
		rc = rf__error(RF_ECONFLICT, "visitor '%s' is tied to another customer", visitor_id);
	return rfs_end(store, rc);
}
