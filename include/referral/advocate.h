/*
 * libreferral — advocates: the people who refer (customers, employees,
 * partners, influencers), known by the host's own external id. Advocates
 * belong to the store and may take part in any number of programs.
 * An email is never stored: only its keyed hashes (lower-cased and
 * trimmed; and normalised as rf_email_normalize() does, for fraud checks).
 *
 * Version 2 of the spec says who the advocate is to the host: its
 * customer id (a conversion credited to advocate Y by customer X's
 * customer id means Y referred X: the referral graph in which rings are
 * found), and the visitor id, IP and user agent seen when the advocate
 * signed up (the IP and user agent stored only as keyed hashes). The
 * fraud checks compare them with each converting customer (self-referral)
 * and across advocates (duplicate identities). All are optional.
 */
#ifndef REFERRAL_ADVOCATE_H
#define REFERRAL_ADVOCATE_H

#include "store.h"

RF_BEGIN_DECL

typedef enum rf_advocate_kind {
	RF_ADVOCATE_CUSTOMER = 1,
	RF_ADVOCATE_EMPLOYEE = 2,
	RF_ADVOCATE_PARTNER = 3,
	RF_ADVOCATE_INFLUENCER = 4
} rf_advocate_kind;

/** Input to rf_advocate_add(); the library copies what it keeps. */
typedef struct rf_advocate_spec {
	unsigned version;          /**< RF_ADVOCATE_SPEC_VERSION */
	const char *external_id;   /**< the host's id, 1..RF_MAX_ID_LEN bytes */
	int32_t kind;              /**< rf_advocate_kind (default customer) */
	const char *display_name;  /**< optional, up to RF_MAX_NAME_LEN bytes */
	const char *email;         /**< optional; stored only as a keyed hash */
	/* Version 2 fields. */
	const char *customer_id;   /**< optional: the host's customer id of this advocate */
	const char *visitor_id;    /**< optional: the advocate's visitor id at sign-up */
	const char *ip;            /**< optional: IP at sign-up; keyed hash only */
	const char *user_agent;    /**< optional: user agent at sign-up; keyed hash only */
} rf_advocate_spec;

#define RF_ADVOCATE_SPEC_VERSION 2
#define RF_ADVOCATE_SPEC_INIT \
	{ RF_ADVOCATE_SPEC_VERSION, NULL, RF_ADVOCATE_CUSTOMER, NULL, NULL, NULL, NULL, NULL, NULL }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_advocate_spec_init(rf_advocate_spec *spec, unsigned version);

/** An advocate as stored. Read-only; owned by the object. */
typedef struct rf_advocate {
	int64_t id;               /**< stable; orders rf_advocate_list() */
	const char *external_id;
	int32_t kind;             /**< rf_advocate_kind */
	const char *display_name; /**< "" when none was given */
	int32_t status;           /**< RF_STATUS_ACTIVE or RF_STATUS_INACTIVE */
	int32_t has_email;        /**< 1 if an email hash is held */
	int64_t created_at_ms;
	const char *customer_id;  /**< the host's customer id, "" when none */
} rf_advocate;

/** One page of advocates. */
typedef struct rf_advocates {
	size_t count;
	rf_advocate **items;
	int64_t next_cursor;      /**< pass to the next call; 0 when this is the last page */
} rf_advocates;

/**
 * Add an advocate. `out` may be NULL. Empty optional texts count as not given.
 * Errors: RF_EINVALID (also: an email that is not an address), RF_EEXISTS
 * (external id taken).
 */
RF_EXTERN int rf_advocate_add(rf_advocate **out, rf_store *store,
			      const rf_advocate_spec *spec);

/** Fetch an advocate by external id. Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_advocate_get(rf_advocate **out, rf_store *store, const char *external_id);

/**
 * One page of advocates in creation order. Start with `cursor` 0 and pass
 * each page's next_cursor until it is 0. `limit` is 1..1000 (0 means 100).
 * Pages are stable under concurrent inserts (keyset pagination).
 */
RF_EXTERN int rf_advocate_list(rf_advocates **out, rf_store *store, int64_t cursor,
			       uint32_t limit);

/**
 * Deactivate an advocate: their codes stop resolving; history stays.
 * Deactivating twice is harmless. Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_advocate_deactivate(rf_store *store, const char *external_id);

/** Release an advocate. NULL is ignored. */
RF_EXTERN void rf_advocate_free(rf_advocate *advocate);

/** Release a page of advocates and its items. NULL is ignored. */
RF_EXTERN void rf_advocates_free(rf_advocates *advocates);

RF_END_DECL
#endif
