/*
 * The order in which the areas see a conversion or a refund: fraud first
 * (its verdict decides whether rewards are pending, held or rejected),
 * then rewards, then scoring, then engagement's stages.
 */
#include "api/events.h"

int rf__on_conversion(rf_store *s, const rf__conversion_event *ev)
{
	rf__verdict verdict = { RF__VERDICT_APPROVE, 0 };
	int rc = rf__fraud_on_conversion(s, ev, &verdict);
	if (rc == RF_OK)
		rc = rf__rewards_on_conversion(s, ev, &verdict);
	if (rc == RF_OK)
		rc = rf__scores_on_conversion(s, ev);
	if (rc == RF_OK)
		rc = rf__stages_on_conversion(s, ev);
	return rc;
}

int rf__on_refund(rf_store *s, const rf__refund_event *ev)
{
	int rc = rf__rewards_on_refund(s, ev);
	if (rc == RF_OK)
		rc = rf__scores_on_refund(s, ev);
	return rc;
}
