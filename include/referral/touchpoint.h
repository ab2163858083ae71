/*
 * libreferral — touchpoints: a visitor's click, visit or scan of a code.
 *
 * The visitor id is the host's (cookie, device id); when none is given the
 * library generates a random UUID and returns it. IP and user agent are
 * stored only as keyed hashes. A repeat touch by the same visitor on the
 * same code within the program's duplicate window is stored but marked
 * duplicate: it does not count as unique and is not used for attribution.
 * A touch whose user agent is a bot, crawler, HTTP library, headless
 * browser or link-preview fetcher (the list the fraud checks use, see
 * docs/FRAUD.md) is stored but flagged RF_TOUCHPOINT_BOT: it counts
 * nowhere (touchpoints, unique touchpoints and visitors in stats and
 * reports, attribution, code uses, click velocity) and exports show it.
 */
#ifndef REFERRAL_TOUCHPOINT_H
#define REFERRAL_TOUCHPOINT_H

#include "store.h"

RF_BEGIN_DECL

typedef enum rf_touchpoint_kind {
	RF_TOUCH_CLICK = 1,
	RF_TOUCH_VISIT = 2,
	RF_TOUCH_SCAN = 3,
	/** A code typed at checkout or used as a coupon: recorded by
	 *  rf_conversion_record() at the conversion's time (link-less). */
	RF_TOUCH_CHECKOUT = 4
} rf_touchpoint_kind;

/** Input to rf_touchpoint_record(). */
typedef struct rf_touchpoint_spec {
	unsigned version;         /**< RF_TOUCHPOINT_SPEC_VERSION */
	const char *code;         /**< code as typed or carried by the link */
	const char *visitor_id;   /**< NULL: generate one (single record only) */
	int32_t kind;             /**< rf_touchpoint_kind (default click) */
	int64_t at_ms;            /**< 0: the store's clock */
	const char *landing_url;  /**< optional, kept as given */
	const char *ip;           /**< optional, keyed-hashed */
	const char *user_agent;   /**< optional, keyed-hashed */
	/* Version 2 fields. */
	int32_t direct;           /**< 1: a direct/organic visit (the visitor came without a
	                               link); the last non-direct model passes over it */
} rf_touchpoint_spec;

#define RF_TOUCHPOINT_SPEC_VERSION 2
#define RF_TOUCHPOINT_SPEC_INIT \
	{ RF_TOUCHPOINT_SPEC_VERSION, NULL, NULL, RF_TOUCH_CLICK, 0, NULL, NULL, NULL, 0 }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_touchpoint_spec_init(rf_touchpoint_spec *spec, unsigned version);

/** Values of rf_touchpoint.duplicate (and of the `duplicate` column of
 *  touchpoint exports): 0 counted, RF_TOUCHPOINT_DUPLICATE, RF_TOUCHPOINT_BOT. */
#define RF_TOUCHPOINT_DUPLICATE 1 /**< repeats an earlier touch: counted, not unique */
#define RF_TOUCHPOINT_BOT 2       /**< a bot or link preview: kept, flagged, not counted */

/** A recorded touchpoint. Read-only; owned by the object. */
typedef struct rf_touchpoint {
	int64_t id;
	const char *visitor_id;  /**< as given, or the generated UUID */
	const char *code;        /**< normalised code */
	const char *program;     /**< program key */
	const char *advocate;    /**< advocate external id */
	int32_t channel;         /**< the code's rf_channel */
	int32_t kind;            /**< rf_touchpoint_kind */
	int64_t at_ms;
	int32_t duplicate;       /**< 0; RF_TOUCHPOINT_DUPLICATE (1) within the duplicate window
	                              of an earlier one; RF_TOUCHPOINT_BOT (2) a bot or link
	                              preview (callers testing != 0 read both as not unique) */
	int32_t direct;          /**< as recorded */
} rf_touchpoint;

/**
 * Record one touchpoint in one transaction. The code must resolve (see
 * rf_code_resolve() for its errors). `out` may be NULL.
 * Errors: RF_EINVALID, the resolution errors, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_touchpoint_record(rf_touchpoint **out, rf_store *store,
				   const rf_touchpoint_spec *spec);

/**
 * Record `count` touchpoints in one transaction: all or nothing. Every spec
 * needs a visitor id. On failure nothing is stored and the error message
 * names the index of the first bad spec.
 * Errors: as rf_touchpoint_record().
 */
RF_EXTERN int rf_touchpoint_record_batch(rf_store *store,
					 const rf_touchpoint_spec *const *specs,
					 size_t count);

/** Release a touchpoint. NULL is ignored. */
RF_EXTERN void rf_touchpoint_free(rf_touchpoint *touchpoint);

RF_END_DECL
#endif
