/*
 * libreferral — identity stitching: tie the visitor ids a person used
 * (devices, browsers) to the host's customer id, so a conversion by that
 * customer is attributed over the touchpoints of all of them.
 */
#ifndef REFERRAL_IDENTITY_H
#define REFERRAL_IDENTITY_H

#include "store.h"

RF_BEGIN_DECL

/**
 * Tie `visitor_id` to `customer_id` (both the host's ids, 1..RF_MAX_ID_LEN
 * bytes) in one transaction. Tying the same pair again is harmless.
 * Errors: RF_EINVALID, RF_ECONFLICT (the visitor is already tied to
 * another customer), RF_EMISUSE.
 */
RF_EXTERN int rf_identify(rf_store *store, const char *visitor_id, const char *customer_id);

RF_END_DECL
#endif
