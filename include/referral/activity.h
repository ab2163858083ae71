/*
 * libreferral — activities: an advocate's own engagement actions (share,
 * invite, review, post, comment, rating, bookmark, content created, event
 * attended, survey answered, testimonial, reference call, custom). Each
 * counts towards the advocate's score with its type's weight in the
 * program's scoring configuration (see score.h).
 */
#ifndef REFERRAL_ACTIVITY_H
#define REFERRAL_ACTIVITY_H

#include "store.h"

RF_BEGIN_DECL

/** Activity types; their names ("share", ...) through rf_enum_name(RF_ENUM_ACTIVITY, t).
 *  Default weights follow the ladder of engagement: low (bookmark), medium
 *  (rating, comment, survey), high (review, post, content, testimonial),
 *  highest (bringing others in: invite, reference). */
typedef enum rf_activity_type {
	RF_ACTIVITY_SHARE = 1,       /**< shared a link or content (default weight 5) */
	RF_ACTIVITY_INVITE = 2,      /**< invited someone (10) */
	RF_ACTIVITY_REVIEW = 3,      /**< wrote a review (8) */
	RF_ACTIVITY_POST = 4,        /**< posted (6) */
	RF_ACTIVITY_COMMENT = 5,     /**< commented (3) */
	RF_ACTIVITY_RATING = 6,      /**< rated or voted (3); answer: the rating */
	RF_ACTIVITY_BOOKMARK = 7,    /**< bookmarked or tagged (1) */
	RF_ACTIVITY_CONTENT = 8,     /**< created content: upload, article, video (8) */
	RF_ACTIVITY_EVENT = 9,       /**< attended an event (4) */
	RF_ACTIVITY_SURVEY = 10,     /**< answered a survey (2); answer 0..10 feeds NPS */
	RF_ACTIVITY_TESTIMONIAL = 11,/**< gave a testimonial (8) */
	RF_ACTIVITY_REFERENCE = 12,  /**< took a reference call for a prospect (10) */
	RF_ACTIVITY_CUSTOM = 13      /**< anything else (1) */
} rf_activity_type;

/** Number of activity types (the highest value). */
#define RF_ACTIVITY_TYPE_COUNT 13

/** Input to rf_activity_record(). */
typedef struct rf_activity_spec {
	unsigned version;       /**< RF_ACTIVITY_SPEC_VERSION */
	const char *program;    /**< program key (required, active) */
	const char *advocate;   /**< advocate external id (required) */
	int32_t type;           /**< rf_activity_type (required) */
	int64_t at_ms;          /**< 0: the store's clock */
	int32_t channel;        /**< rf_channel, default RF_CHANNEL_NONE */
	const char *content;    /**< optional content item reference (the host's or the
	                             content library's key), <= RF_MAX_ID_LEN */
	int32_t answer;         /**< -1: none; survey: 0..10 (required); rating: 0..10 */
} rf_activity_spec;

#define RF_ACTIVITY_SPEC_VERSION 1
#define RF_ACTIVITY_SPEC_INIT { RF_ACTIVITY_SPEC_VERSION, NULL, NULL, 0, 0, 0, NULL, -1 }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_activity_spec_init(rf_activity_spec *spec, unsigned version);

/**
 * Record one activity in one transaction and update the advocate's score
 * (O(1): its stored decayed sum moves; a tier or badge reached is
 * announced through the outbox). `id` (may be NULL) receives the
 * activity's id. Nothing is recorded for an advocate who has not granted
 * RF_CONSENT_TRACKING (see consent.h), or who withdrew it: the call fails
 * with RF_ECONSENT and the score does not move.
 * Errors: RF_EINVALID (type, channel, answer, texts, time),
 * RF_ENOTFOUND (program or advocate), RF_EDISABLED (program archived or
 * advocate inactive), RF_ECONSENT (no tracking consent), RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_activity_record(int64_t *id, rf_store *store, const rf_activity_spec *spec);

/**
 * Record `count` activities in one transaction: all or nothing; the error
 * message names the index of the first bad spec. An advocate without
 * tracking consent is a bad spec like any other: the batch stops with
 * RF_ECONSENT and records nothing (filter on rf_consent_get() first to
 * keep the others).
 * Errors: as rf_activity_record().
 */
RF_EXTERN int rf_activity_record_batch(rf_store *store, const rf_activity_spec *const *specs,
				       size_t count);

/** One recorded activity. Read-only; owned by the list. */
typedef struct rf_activity {
	int64_t id;
	const char *advocate;   /**< external id */
	int32_t type;
	int64_t at_ms;
	int32_t channel;
	const char *content;    /**< "" when none */
	int32_t answer;         /**< -1 when none */
} rf_activity;

/** Activities, newest first. */
typedef struct rf_activity_list {
	size_t count;
	rf_activity **items;
} rf_activity_list;

/**
 * List a program's activities (advocate NULL: all advocates) with
 * from_ms <= at < to_ms (to_ms 0: no end), newest first, at most `limit`
 * (0: 100). Errors: RF_EINVALID, RF_ENOTFOUND.
 */
RF_EXTERN int rf_activity_list_get(rf_activity_list **out, rf_store *store, const char *program,
				   const char *advocate, int64_t from_ms, int64_t to_ms,
				   uint32_t limit);

/** Release a list. NULL is ignored. */
RF_EXTERN void rf_activity_list_free(rf_activity_list *list);

RF_END_DECL
#endif
