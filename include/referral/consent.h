/*
 * libreferral — advocates' consent, for tracking and for messages.
 *
 * Consent belongs to the person (the advocate), not to a program. Without
 * it nothing happens: an advocate who has not granted "messages" gets no
 * message in the outbox and is not offered for reference asks; one who
 * has not granted "tracking" has no activity recorded. Every change is
 * kept with its time (the store's clock) and its source (where the
 * advocate said so: "signup-form", "settings", "email-link", ...), so the
 * current state can always be explained. An advocate nobody asked has
 * neither.
 */
#ifndef REFERRAL_CONSENT_H
#define REFERRAL_CONSENT_H

#include "store.h"

RF_BEGIN_DECL

/** What an advocate consents to. */
typedef enum rf_consent_purpose {
	RF_CONSENT_TRACKING = 1, /**< recording the advocate's own activity */
	RF_CONSENT_MESSAGES = 2  /**< automated messages (outbox, reference asks) */
} rf_consent_purpose;

/** One recorded change (or re-confirmation) of consent. */
typedef struct rf_consent_change {
	int32_t purpose;   /**< rf_consent_purpose */
	int32_t granted;   /**< 1 granted, 0 withdrawn */
	const char *source;
	int64_t at_ms;
} rf_consent_change;

/** An advocate's consent now, and its history (oldest first). */
typedef struct rf_consent {
	const char *advocate;      /**< external id */
	int32_t tracking;          /**< 1 granted */
	int32_t messages;          /**< 1 granted */
	int64_t tracking_at_ms;    /**< time of the last tracking change; 0: never asked */
	int64_t messages_at_ms;    /**< time of the last messages change; 0: never asked */
	size_t count;
	rf_consent_change **items; /**< history, oldest first */
} rf_consent;

/**
 * Grant (granted = 1) or withdraw (granted = 0) an advocate's consent for
 * one purpose, at the store's clock. Every call is recorded, even one that
 * repeats the current state (a re-confirmation). `source` says where the
 * advocate said so (1..RF_MAX_NAME_LEN bytes of UTF-8).
 * Errors: RF_EINVALID (unknown purpose, granted not 0/1, bad source),
 * RF_ENOTFOUND (advocate), RF_EMISUSE.
 */
RF_EXTERN int rf_consent_set(rf_store *store, const char *advocate, int32_t purpose,
			     int32_t granted, const char *source);

/**
 * An advocate's consent and its history. Release with rf_consent_free().
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_consent_get(rf_consent **out, rf_store *store, const char *advocate);

/** Release a consent object. NULL is ignored. */
RF_EXTERN void rf_consent_free(rf_consent *consent);

RF_END_DECL
#endif
