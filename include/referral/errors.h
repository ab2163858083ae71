/*
 * libreferral — status codes and the per-thread last error.
 *
 * Values are frozen once published: new codes are appended, retired ones
 * stay reserved.
 */
#ifndef REFERRAL_ERRORS_H
#define REFERRAL_ERRORS_H

#include "common.h"

RF_BEGIN_DECL

typedef enum rf_status {
	RF_OK = 0,
	/** Success: the request repeated an earlier one (same idempotency key)
	 *  and nothing changed; the original result is returned. */
	RF_DUPLICATE = 1,

	RF_ERROR = -1,       /**< unexpected failure; see rf_error_last() */
	RF_EINVALID = -2,    /**< bad argument: NULL, empty, too long, not UTF-8, out of range */
	RF_ENOTFOUND = -3,   /**< no such program, advocate, code, conversion */
	RF_EEXISTS = -4,     /**< the id or code is already taken */
	RF_ECONFLICT = -5,   /**< idempotency key reused with different data */
	RF_EBUSY = -6,       /**< database locked longer than the busy timeout; retry */
	RF_ENOMEM = -7,      /**< out of memory */
	RF_EVERSION = -8,    /**< unsupported options version or newer schema on disk */
	RF_EMISUSE = -9,     /**< closed store, or store used in another process */
	RF_ECORRUPT = -10,   /**< database is damaged or fails its checks */
	RF_EIO = -11,        /**< disk full, I/O error, cannot open or read-only */
	RF_ENOTADB = -12,    /**< the file is not a libreferral database */
	RF_ECHECK = -13,     /**< code mistyped: its check symbol does not match */
	RF_EEXPIRED = -14,   /**< code expired */
	RF_EDISABLED = -15,  /**< code disabled, or its advocate or program inactive */
	RF_EEXHAUSTED = -16, /**< code reached its maximum number of uses */
	RF_ETAMPERED = -17,  /**< signed link malformed or its signature does not match */
	RF_EKEY = -18,       /**< link key unknown or retired, or no active key to sign with */
	RF_ECONSENT = -19,   /**< the advocate has not consented (tracking or messages) */
	RF_ELIMIT = -20,     /**< a frequency cap or count limit is reached */
	RF_ECANCELED = -21   /**< the progress callback asked to stop; nothing was written */
} rf_status;

/** Details of the calling thread's last failure. */
typedef struct rf_error {
	int code;            /**< an rf_status */
	int db_code;         /**< extended SQLite result code, or 0 */
	const char *message; /**< one line of UTF-8, owned by the library */
} rf_error;

/**
 * The calling thread's last error. Never NULL: when no call has failed,
 * code is RF_OK and message is "no error". The pointer and its message stay
 * valid until the next failing call on the same thread.
 */
RF_EXTERN const rf_error *rf_error_last(void);

/** Reset the calling thread's last error to RF_OK. */
RF_EXTERN void rf_error_clear(void);

/** Static description of a status code; never NULL ("unknown status"
 *  for values that are not rf_status codes). */
RF_EXTERN const char *rf_strerror(int code);

RF_END_DECL
#endif
