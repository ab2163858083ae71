/*
 * libreferral — lifecycle stages: where each advocate stands in a program
 * (invited, active, referring, champion, dormant), recomputed as their
 * activities and credited referrals arrive, with the history of every
 * change.
 *
 * Rules, from the program's engagement configuration (engagement.h), in
 * this order, at the store's clock `now`:
 *  - dormant: the advocate did something (an activity or a referral) but
 *    nothing during the last dormant_after_ms (last event <= now -
 *    dormant_after_ms);
 *  - champion: referrals >= champion_min_referrals;
 *  - referring: referrals >= referring_min_referrals;
 *  - active: activities + referrals >= active_min_activities;
 *  - invited: anything else (also every advocate the program has no
 *    stage for yet).
 * A referral is a conversion crediting the advocate (weight > 0); an
 * activity is any rf_activity_record() (and the testimonials and
 * reference calls that count as activity). Every change is kept with the
 * configuration version that decided it.
 *
 * Messages: entering dormant queues a "dormant_nudge" message; entering
 * another stage for which the content library has an item the advocate
 * may see (content.h) queues "new_content" ({{title}}, {{url}}, {{key}}
 * of the newest such item). Consent and the frequency cap decide as for
 * every message.
 *
 * Dormancy needs no event: rf_stage_refresh() re-evaluates a program's
 * advocates at a time (run it daily, say).
 */
#ifndef REFERRAL_STAGE_H
#define REFERRAL_STAGE_H

#include "store.h"

RF_BEGIN_DECL

/** Lifecycle stages; names through rf_enum_name(RF_ENUM_STAGE, s). */
typedef enum rf_stage_kind {
	RF_STAGE_INVITED = 1,   /**< "invited" */
	RF_STAGE_ACTIVE = 2,    /**< "active" */
	RF_STAGE_REFERRING = 3, /**< "referring" */
	RF_STAGE_CHAMPION = 4,  /**< "champion" */
	RF_STAGE_DORMANT = 5    /**< "dormant" */
} rf_stage_kind;

/** Number of stages (the highest value). */
#define RF_STAGE_COUNT 5
/** The bit of a stage in a stages mask (content targeting). */
#define RF_STAGE_BIT(stage) (UINT32_C(1) << (stage))
/** Every stage. */
#define RF_STAGES_ALL UINT32_C(0x3E)

/** One change of stage. */
typedef struct rf_stage_change {
	int32_t stage;            /**< rf_stage_kind entered */
	int32_t previous;         /**< rf_stage_kind left; 0: none (the first placement) */
	int64_t at_ms;            /**< the store's clock when it changed */
	int64_t config_version;   /**< engagement configuration that decided it */
} rf_stage_change;

/** An advocate's stage in a program, and its history. Read-only; owned by the object. */
typedef struct rf_stage {
	const char *program;      /**< program key */
	const char *advocate;     /**< external id */
	int32_t stage;            /**< rf_stage_kind */
	int64_t since_ms;         /**< when it entered it (0: never placed, invited) */
	int64_t activities;       /**< counted activities */
	int64_t referrals;        /**< counted referrals */
	int64_t last_activity_at_ms; /**< 0: none */
	int64_t last_referral_at_ms; /**< 0: none */
	int64_t config_version;   /**< configuration of the last evaluation */
	size_t count;
	rf_stage_change **items;  /**< history, oldest first */
} rf_stage;

/**
 * An advocate's stage in a program and its history. An advocate without
 * activity or referral in the program is "invited" with since_ms 0 and
 * no history. Release with rf_stage_free().
 * Errors: RF_EINVALID, RF_ENOTFOUND (program or advocate), RF_EMISUSE.
 */
RF_EXTERN int rf_stage_get(rf_stage **out, rf_store *store, const char *program,
			   const char *advocate);

/** Release a stage. NULL is ignored. */
RF_EXTERN void rf_stage_free(rf_stage *stage);

/** How many advocates of a program are in each stage. */
typedef struct rf_stage_counts {
	const char *program;      /**< program key */
	int64_t config_version;   /**< the engagement configuration in force */
	int64_t advocates;        /**< the sum of the five counts */
	int64_t invited;          /**< includes advocates with a code but no stage yet */
	int64_t active;
	int64_t referring;
	int64_t champion;
	int64_t dormant;
} rf_stage_counts;

/**
 * Advocates per stage in a program (as last evaluated: run
 * rf_stage_refresh() first for up-to-date dormancy). Release with
 * rf_stage_counts_free(). Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_stage_counts_get(rf_stage_counts **out, rf_store *store, const char *program);

/** Release counts. NULL is ignored. */
RF_EXTERN void rf_stage_counts_free(rf_stage_counts *counts);

/**
 * Re-evaluate the stage of every advocate of a program at `now_ms` (0:
 * the store's clock) under the configuration in force, in one
 * transaction, streaming (memory flat in the number of advocates):
 * advocates with nothing for dormant_after_ms become dormant and get a
 * nudge; a changed configuration moves advocates to the stages it says.
 * `changed` (may be NULL) receives how many stages changed.
 * Errors: RF_EINVALID (now_ms < 0), RF_ENOTFOUND, RF_EDISABLED (archived
 * program), RF_EBUSY, RF_EIO, RF_EMISUSE.
 */
RF_EXTERN int rf_stage_refresh(int64_t *changed, rf_store *store, const char *program,
			       int64_t now_ms);

RF_END_DECL
#endif
