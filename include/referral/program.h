/*
 * libreferral — programs: referral programs and their rules.
 *
 * A program is named by a key chosen by the host (1..255 bytes, e.g.
 * "spring-2026"). Its rules are versioned: every update that changes them
 * bumps rules_version, and every attribution records the version it used.
 *
 * rf_program_rules grows by appending fields: a caller built against
 * version 1 passes version = 1 and the library reads (and
 * rf_program_rules_init writes) only the version 1 fields; the others keep
 * their defaults.
 */
#ifndef REFERRAL_PROGRAM_H
#define REFERRAL_PROGRAM_H

#include "store.h"

RF_BEGIN_DECL

/** Attribution models. */
typedef enum rf_model {
	RF_MODEL_LAST_TOUCH = 1,      /**< all credit to the latest touchpoint */
	RF_MODEL_FIRST_TOUCH = 2,     /**< all credit to the earliest touchpoint */
	RF_MODEL_LAST_NON_DIRECT = 3, /**< the latest touchpoint not marked direct (else the latest) */
	RF_MODEL_LINEAR = 4,          /**< equal credit per touchpoint */
	RF_MODEL_TIME_DECAY = 5,      /**< 2^(-age / half_life), normalised */
	RF_MODEL_POSITION = 6,        /**< first/last shares, the rest over the middle */
	RF_MODEL_CUSTOM = 7,          /**< custom weights by position */
	RF_MODEL_MARKOV = 8,          /**< data-driven: first-order Markov removal effect */
	RF_MODEL_SHAPLEY = 9          /**< data-driven: Shapley value of advocates */
} rf_model;

#define RF_DAY_MS INT64_C(86400000)
#define RF_HOUR_MS INT64_C(3600000)

/** Bounds on program rules, checked by create and update. */
#define RF_CODE_LENGTH_MIN 8   /**< 8 symbols = 40 random bits */
#define RF_CODE_LENGTH_MAX 16
#define RF_LOOKBACK_MAX_MS (3650 * RF_DAY_MS)

typedef struct rf_program_rules {
	unsigned version;             /**< RF_PROGRAM_RULES_VERSION */
	int32_t model;                /**< rf_model (default last touch) */
	int32_t code_length;          /**< random symbols before the check symbol (default 8) */
	int64_t lookback_ms;          /**< attribution window (default 30 days; 1 ms..10 years) */
	int64_t duplicate_window_ms;  /**< repeat touches of one visitor on one code within
	                                   this interval are duplicates (default 1 hour; 0 = never) */
	int32_t lock_first_referrer;  /**< 1: a referee stays credited to its first referrer */
	/* Version 2 fields. */
	int64_t half_life_ms;         /**< time decay half-life (default 7 days) */
	int32_t position_first_bp;    /**< position: first touch share, basis points (default 4000) */
	int32_t position_last_bp;     /**< position: last touch share, basis points (default 4000) */
	uint32_t custom_count;        /**< custom: number of weights (1..RF_CUSTOM_WEIGHTS_MAX) */
	const int32_t *custom_weights;/**< custom: relative weight by position from the first
	                                   touch, the last one repeating; >= 0, not all 0.
	                                   Copied by the library. */
	int32_t sale_follows_lead;    /**< 1 (default): a purchase by a visitor who converted as a
	                                   signup is credited as that signup was */
	int32_t renewal_months;       /**< renewals within this many months of the first
	                                   purchase go to its referrer (default 12; 0 = never) */
} rf_program_rules;

#define RF_CUSTOM_WEIGHTS_MAX 32
#define RF_PROGRAM_RULES_VERSION 2
#define RF_PROGRAM_RULES_INIT \
	{ RF_PROGRAM_RULES_VERSION, RF_MODEL_LAST_TOUCH, 8, 30 * RF_DAY_MS, RF_HOUR_MS, 0, \
	  7 * RF_DAY_MS, 4000, 4000, 0, NULL, 1, 12 }

/** Fill `rules` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_program_rules_init(rf_program_rules *rules, unsigned version);

/** A program as stored. Read-only; every pointer is owned by the object. */
typedef struct rf_program {
	int64_t id;
	const char *key;
	const char *name;
	int32_t status;                /**< RF_STATUS_ACTIVE or RF_STATUS_ARCHIVED */
	int64_t rules_version;         /**< 1 at creation, +1 on every rules change */
	const rf_program_rules *rules; /**< the current rules */
	int64_t created_at_ms;
	int64_t updated_at_ms;
} rf_program;

/** A list of programs. */
typedef struct rf_programs {
	size_t count;
	rf_program **items;
} rf_programs;

/** Flags for rf_program_list(). */
enum { RF_LIST_INCLUDE_ARCHIVED = 1u << 0 };

/**
 * Create a program. `out` may be NULL; `name` may be NULL (defaults to the
 * key); `rules` may be NULL (defaults).
 * Errors: RF_EINVALID (bad key, name or rules), RF_EEXISTS (key taken),
 * RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_program_create(rf_program **out, rf_store *store, const char *key,
				const char *name, const rf_program_rules *rules);

/** Fetch a program by key. Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_program_get(rf_program **out, rf_store *store, const char *key);

/**
 * Change a program's name and/or rules (NULL keeps the current value).
 * Changing rules bumps rules_version; stored attributions keep theirs.
 * `out` may be NULL. Errors: RF_EINVALID, RF_ENOTFOUND, RF_EDISABLED
 * (archived).
 */
RF_EXTERN int rf_program_update(rf_program **out, rf_store *store, const char *key,
				const char *name, const rf_program_rules *rules);

/**
 * Archive a program: its codes stop resolving and it accepts no new
 * touchpoints or conversions; its history stays. Archiving twice is
 * harmless. Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_program_archive(rf_store *store, const char *key);

/** List programs ordered by key; archived ones only with
 *  RF_LIST_INCLUDE_ARCHIVED. Release with rf_programs_free(). */
RF_EXTERN int rf_program_list(rf_programs **out, rf_store *store, uint32_t flags);

/** Release a program. NULL is ignored. */
RF_EXTERN void rf_program_free(rf_program *program);

/** Release a list of programs and its items. NULL is ignored. */
RF_EXTERN void rf_programs_free(rf_programs *programs);

RF_END_DECL
#endif
