/*
 * libreferral — the store: a handle on one SQLite database file holding any
 * number of programs.
 *
 * Threads: a store is used by one thread at a time; open one per thread.
 * Processes: many processes may open the same file (WAL mode); writers wait
 * up to the busy timeout. Never use a store in a child after fork(): calls
 * there fail with RF_EMISUSE.
 */
#ifndef REFERRAL_STORE_H
#define REFERRAL_STORE_H

#include "common.h"

RF_BEGIN_DECL

/** Opaque store handle. */
typedef struct rf_store rf_store;

/** A clock: returns the current time in ms since the Unix epoch (UTC). */
typedef int64_t (*rf_clock_fn)(void *ctx);

typedef enum rf_durability {
	/** WAL + synchronous=NORMAL: survives application crashes; a power
	 *  loss may roll back the last few commits. */
	RF_DURABILITY_NORMAL = 0,
	/** WAL + synchronous=FULL: every acknowledged write survives power loss. */
	RF_DURABILITY_FULL = 1
} rf_durability;

/** Flags for rf_store_options.flags. */
enum {
	/** Fail with RF_ENOTFOUND instead of creating a missing database file. */
	RF_STORE_NO_CREATE = 1u << 0
};

typedef struct rf_store_options {
	unsigned version;        /**< RF_STORE_OPTIONS_VERSION */
	int32_t busy_timeout_ms; /**< wait for locks this long (default 5000) */
	int32_t durability;      /**< rf_durability (default NORMAL) */
	uint32_t flags;          /**< RF_STORE_* flags (default 0) */
	int32_t cache_size_kib;  /**< SQLite page cache per handle (default 65536) */
	rf_clock_fn clock;       /**< NULL: the system clock */
	void *clock_ctx;         /**< passed to clock */
} rf_store_options;

#define RF_STORE_OPTIONS_VERSION 1
#define RF_STORE_OPTIONS_INIT \
	{ RF_STORE_OPTIONS_VERSION, 5000, RF_DURABILITY_NORMAL, 0, 65536, NULL, NULL }

/**
 * Fill `opts` with the defaults of the given options version.
 * Errors: RF_EINVALID (NULL), RF_EVERSION (unknown version).
 */
RF_EXTERN int rf_store_options_init(rf_store_options *opts, unsigned version);

/**
 * Open (and on first use create) a store. `path` is a file path or
 * ":memory:". `opts` may be NULL for defaults. A new database gets schema
 * version RF_SCHEMA_VERSION and a random per-store secret for keyed hashes;
 * an older one is migrated forward in one transaction.
 *
 * On success `*out` owns the handle: release it with rf_store_free().
 * Errors: RF_EINVALID, RF_EVERSION (options version, or the file's schema
 * is newer than this library), RF_ENOTADB (not a libreferral database; the
 * file is left untouched), RF_ENOTFOUND (missing file with
 * RF_STORE_NO_CREATE), RF_EIO, RF_EBUSY, RF_ENOMEM.
 */
RF_EXTERN int rf_store_open(rf_store **out, const char *path,
			    const rf_store_options *opts) RF_WARN_UNUSED;

/**
 * Close the database early. The handle stays allocated: later calls on it
 * fail with RF_EMISUSE until rf_store_free(). Closing twice is harmless.
 * Returns RF_OK, or RF_EINVALID for NULL.
 */
RF_EXTERN int rf_store_close(rf_store *store);

/** Close (if still open) and release the handle. NULL is ignored. */
RF_EXTERN void rf_store_free(rf_store *store);

/**
 * Verify the database: SQLite integrity check, foreign keys and the
 * library's own invariants. Returns RF_OK or RF_ECORRUPT with the first
 * problem in the message.
 */
RF_EXTERN int rf_store_check(rf_store *store) RF_WARN_UNUSED;

/** The on-disk schema version this library writes. */
#define RF_SCHEMA_VERSION 14

/** The schema version this library writes (RF_SCHEMA_VERSION of the build). */
RF_EXTERN int rf_store_schema_version(void);

/**
 * Current time according to the store's clock (injected or system), in ms.
 * Errors: RF_EINVALID (NULL), RF_EMISUSE (closed store).
 */
RF_EXTERN int rf_store_now(int64_t *out, rf_store *store);

/**
 * A progress callback for long operations on a store. `operation` names
 * the work ("replay", "recompute"); `done` counts the units finished out
 * of `total` (replay: conversions; recompute: advocate row ids, which it
 * visits in order, out of the largest; total 0: unknown).
 * Return 0 to go on, anything else to stop: the operation then returns
 * RF_ECANCELED and writes nothing.
 */
typedef int (*rf_progress_fn)(void *ctx, const char *operation, uint64_t done, uint64_t total);

/**
 * Call `fn` (NULL: none) during the store's long operations
 * (rf_replay_run(), rf_score_recompute()): on the calling thread, once
 * with done 0, then at most about a thousand times, and once with
 * done == total at the end. The store keeps `ctx` but does not own it.
 * Errors: RF_EMISUSE (closed store).
 */
RF_EXTERN int rf_store_set_progress(rf_store *store, rf_progress_fn fn, void *ctx);

RF_END_DECL
#endif
