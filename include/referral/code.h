/*
 * libreferral — tracking codes.
 *
 * A random code is `code_length` symbols of Crockford base32
 * ("0123456789ABCDEFGHJKMNPQRSTVWXYZ") drawn from libsodium's CSPRNG, plus
 * one check symbol from the same alphabet (Luhn mod 32), so every
 * single-symbol substitution and most adjacent transpositions are caught.
 * Input is normalised before use: case folded, I and L read as 1, O as 0,
 * hyphens and spaces ignored. No code contains a word from the built-in
 * offensive-word blocklist. Codes are unique across the store.
 *
 * A vanity code is chosen by the advocate (4..32 symbols after
 * normalisation, no check symbol) under the same alphabet, blocklist and
 * uniqueness rules.
 *
 * A "use" of a code is a conversion credited through it; a code with
 * max_uses stops resolving once that many conversions were credited.
 */
#ifndef REFERRAL_CODE_H
#define REFERRAL_CODE_H

#include "store.h"

RF_BEGIN_DECL

typedef enum rf_channel {
	RF_CHANNEL_NONE = 0,  /**< not bound to a channel */
	RF_CHANNEL_EMAIL = 1,
	RF_CHANNEL_WHATSAPP = 2,
	RF_CHANNEL_LINKEDIN = 3,
	RF_CHANNEL_X = 4,
	RF_CHANNEL_FACEBOOK = 5,
	RF_CHANNEL_SMS = 6,
	RF_CHANNEL_QR = 7,
	RF_CHANNEL_OTHER = 8
} rf_channel;

#define RF_VANITY_MIN 4
#define RF_VANITY_MAX 32
/** Buffer size that holds any normalised code and its terminating NUL. */
#define RF_CODE_BUFSIZE 40

/** Input to rf_code_issue(). */
typedef struct rf_code_spec {
	unsigned version;        /**< RF_CODE_SPEC_VERSION */
	const char *program;     /**< program key */
	const char *advocate;    /**< advocate external id */
	int32_t channel;         /**< rf_channel (default none) */
	const char *vanity;      /**< NULL: random code; else the wanted vanity code */
	int64_t expires_at_ms;   /**< 0: never expires */
	int64_t max_uses;        /**< 0: unlimited */
	/* version 2 */
	const char *content;     /**< NULL, or the key of an active item of the program's
	                              content library (content.h) the code shares */
} rf_code_spec;

#define RF_CODE_SPEC_VERSION 2
#define RF_CODE_SPEC_INIT { RF_CODE_SPEC_VERSION, NULL, NULL, RF_CHANNEL_NONE, NULL, 0, 0, NULL }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_code_spec_init(rf_code_spec *spec, unsigned version);

/** A code as stored. Read-only; owned by the object. */
typedef struct rf_code {
	int64_t id;
	const char *code;        /**< normalised form, as resolved */
	const char *display;     /**< as issued (vanity: as the advocate typed it, upper-cased) */
	const char *program;     /**< program key */
	const char *advocate;    /**< advocate external id */
	int32_t channel;         /**< rf_channel */
	int32_t status;          /**< RF_STATUS_ACTIVE or RF_STATUS_DISABLED */
	int32_t vanity;          /**< 1 for a vanity code */
	int64_t expires_at_ms;   /**< 0: never */
	int64_t max_uses;        /**< 0: unlimited */
	int64_t uses;            /**< conversions credited through this code */
	int64_t created_at_ms;
	const char *content;     /**< key of the content item it is bound to, "" when none */
} rf_code;

/**
 * Issue a code for an advocate in a program. `out` may be NULL.
 * Errors: RF_EINVALID (bad spec, vanity with bad symbols or length, or
 * containing a blocked word), RF_ENOTFOUND (program or advocate),
 * RF_EDISABLED (program archived, advocate inactive or content archived),
 * RF_EEXISTS (vanity code taken); RF_ENOTFOUND also when `content` names
 * no item of the program.
 */
RF_EXTERN int rf_code_issue(rf_code **out, rf_store *store, const rf_code_spec *spec);

/**
 * Resolve what a visitor typed or clicked into a usable code, as of the
 * store's clock. Errors, each distinct: RF_EINVALID (empty, too long or not
 * code symbols), RF_ECHECK (unknown and its check symbol is wrong: a typo),
 * RF_ENOTFOUND (well formed but never issued), RF_EEXPIRED, RF_EDISABLED
 * (code disabled, advocate inactive or program archived), RF_EEXHAUSTED.
 */
RF_EXTERN int rf_code_resolve(rf_code **out, rf_store *store, const char *input);

/** Fetch a code in any state (for management). Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_code_get(rf_code **out, rf_store *store, const char *input);

/** Disable a code; disabling twice is harmless. Errors: RF_EINVALID, RF_ENOTFOUND. */
RF_EXTERN int rf_code_disable(rf_store *store, const char *input);

/**
 * Normalise code input into `out` (pure; no store needed): upper-case,
 * I/L -> 1, O -> 0, hyphens and spaces dropped.
 * Errors: RF_EINVALID (NULL, a symbol outside the alphabet, empty result,
 * or the result does not fit `out_size`).
 */
RF_EXTERN int rf_code_normalize(char *out, size_t out_size, const char *input);

/** A list of codes. */
typedef struct rf_codes {
	size_t count;
	rf_code **items;
} rf_codes;

/**
 * The codes of an advocate, in issue order, in one program or (program
 * NULL) in all programs; codes in every state are listed.
 * Errors: RF_EINVALID, RF_ENOTFOUND (program or advocate).
 */
RF_EXTERN int rf_code_list(rf_codes **out, rf_store *store, const char *program,
			   const char *advocate);

/** Release a list of codes and its items. NULL is ignored. */
RF_EXTERN void rf_codes_free(rf_codes *codes);

/** Release a code. NULL is ignored. */
RF_EXTERN void rf_code_free(rf_code *code);

RF_END_DECL
#endif
