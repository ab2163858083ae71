/*
 * libreferral — exports and imports.
 *
 * Exports stream a program's touchpoints, conversions, attributions
 * (credit rows), codes, reward ledger entries or advocates' scores as CSV or JSON
 * through a callback, a chunk of
 * whole rows at a time: memory stays flat however many rows there are.
 * Nothing personal leaves the store: no emails, IPs, user agents, landing
 * URLs or display names, and none of their hashes. Visitor and customer
 * ids are the host's own pseudonymous ids; with RF_EXPORT_PSEUDONYMS they
 * are replaced by keyed hashes (stable within one store, so a round trip
 * still works).
 *
 * Imports read CSV (the export's columns; see docs/REPORTS.md) through a
 * callback and record codes, touchpoints or conversions in one
 * transaction: all or nothing. A bad row fails the whole file with an
 * error naming its line and column, and nothing is written.
 */
#ifndef REFERRAL_EXPORT_H
#define REFERRAL_EXPORT_H

#include "store.h"

RF_BEGIN_DECL

/** What an export or import holds. */
typedef enum rf_export_what {
	RF_EXPORT_TOUCHPOINTS = 1,  /**< touchpoints by their time, in recording order */
	RF_EXPORT_CONVERSIONS = 2,  /**< conversions by their time, oldest first */
	RF_EXPORT_ATTRIBUTIONS = 3, /**< credit rows (weight > 0) of the period's conversions */
	RF_EXPORT_CODES = 4,        /**< the program's codes (the period does not apply) */
	RF_EXPORT_REWARDS = 5,      /**< reward ledger entries by their time, in order (export only) */
	RF_EXPORT_SCORES = 6        /**< advocates' scores at the store's clock, by advocate (export
	                                 only; the period does not apply) */
} rf_export_what;

/** Output format of an export. */
typedef enum rf_export_format {
	RF_FORMAT_CSV = 1,  /**< RFC 4180: a header line, then one line per row, CRLF-free */
	RF_FORMAT_JSON = 2  /**< a JSON array, one object per line */
} rf_export_format;

/** Flags of rf_export_options.flags. */
enum {
	/** Replace visitor and customer ids with keyed hashes ("v-" / "c-"
	 *  and 24 hex digits), the same for the same id in one store. */
	RF_EXPORT_PSEUDONYMS = 1u << 0
};

/** What to export. */
typedef struct rf_export_options {
	unsigned version;    /**< RF_EXPORT_OPTIONS_VERSION */
	const char *program; /**< program key (required) */
	int32_t what;        /**< rf_export_what (default touchpoints) */
	int32_t format;      /**< rf_export_format (default CSV) */
	int64_t from_ms;     /**< inclusive; 0: from the beginning */
	int64_t to_ms;       /**< exclusive; 0: no end */
	uint32_t flags;      /**< RF_EXPORT_* flags */
} rf_export_options;

#define RF_EXPORT_OPTIONS_VERSION 1
#define RF_EXPORT_OPTIONS_INIT \
	{ RF_EXPORT_OPTIONS_VERSION, NULL, RF_EXPORT_TOUCHPOINTS, RF_FORMAT_CSV, 0, 0, 0 }

/** Fill `opts` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_export_options_init(rf_export_options *opts, unsigned version);

/**
 * Receives `len` bytes of output (whole rows, at most about 64 KiB; the
 * bytes are not NUL-terminated and are valid only during the call).
 * Return 0 to go on; anything else stops the export.
 */
typedef int (*rf_export_fn)(void *payload, const char *data, size_t len);

/**
 * Stream an export through `write`. The rows are read in one read
 * transaction (a consistent snapshot); `write` must not use this store.
 * `rows` (may be NULL) receives the number of rows written.
 * Errors: RF_EINVALID (bad options, NULL write), RF_EVERSION, RF_ENOTFOUND
 * (program), RF_ERROR (the callback stopped the export: the output is
 * incomplete), RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_export(int64_t *rows, rf_store *store, const rf_export_options *opts,
			rf_export_fn write, void *payload);

/** What to import. */
typedef struct rf_import_options {
	unsigned version;    /**< RF_IMPORT_OPTIONS_VERSION */
	const char *program; /**< program key (required; must be active) */
	int32_t what;        /**< RF_EXPORT_CODES, _TOUCHPOINTS or _CONVERSIONS */
} rf_import_options;

#define RF_IMPORT_OPTIONS_VERSION 1
#define RF_IMPORT_OPTIONS_INIT { RF_IMPORT_OPTIONS_VERSION, NULL, RF_EXPORT_TOUCHPOINTS }

/** Fill `opts` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_import_options_init(rf_import_options *opts, unsigned version);

/**
 * Supplies input: copy up to `size` bytes into `buf` and return how many
 * (0 at the end of the input), or a negative number on a read error.
 */
typedef int64_t (*rf_import_fn)(void *payload, char *buf, size_t size);

/** Longest CSV record an import accepts, in bytes. */
#define RF_IMPORT_MAX_RECORD 65536

/**
 * Import a CSV file read through `read` in one transaction. The first
 * record names the columns (any order; see docs/REPORTS.md); later ones
 * are rows, recorded in file order as the live calls would record them
 * (touchpoints as history: the code must belong to the program, in any
 * state; conversions attributed by the program's current rules, so import
 * codes, then touchpoints, then conversions). `rows` (may be NULL)
 * receives the number of rows recorded. On any error nothing is written
 * and the message starts "line N, column C:" (or "line N:").
 * Errors: RF_EINVALID (malformed CSV, unknown or missing column, bad
 * value), RF_EVERSION, RF_ENOTFOUND (program, code), RF_EDISABLED
 * (archived program), RF_ECONFLICT (order or visitor recorded with other
 * data), RF_EEXISTS (code taken by another program or advocate), RF_EIO
 * (the read callback failed), RF_EBUSY.
 */
RF_EXTERN int rf_import(int64_t *rows, rf_store *store, const rf_import_options *opts,
			rf_import_fn read, void *payload);

RF_END_DECL
#endif
