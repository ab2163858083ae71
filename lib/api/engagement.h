/* Helpers shared by the engagement api files. */
#ifndef RF_API_ENGAGEMENT_H
#define RF_API_ENGAGEMENT_H

#include "api/events.h"
#include "core/engagement.h"
#include "store/engagement.h"

#include "referral/stage.h"

/* A program's configuration in force (defaults and version 0 when never set). */
int rf__eng_config(rf_store *s, int64_t program_id, rf_engagement_config *cfg, int64_t *version);

/* Check a JSON object of event variables (NULL passes). */
int rf__vars_check(rf_store *s, const char *vars);

/* Ask for a message (see rf__notify); `id` (may be NULL) gets its id. */
int rf__notify_id(rf_store *s, int64_t program_id, int64_t advocate_id, const char *kind,
		  const char *vars, int64_t at, int64_t *id);

/* The active content items of a program that an advocate in `stage` may
 * see now (its stage targeted, its tier high enough), newest first, at
 * most `limit` (0: all), into a malloc'd array. */
int rf__content_for(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
		    uint32_t limit, rfs_content **rows, size_t *count);

/* The store is usable and both keys are valid text (before a read). */
int rf__stage_args(rf_store *s, const char *program, const char *advocate);
/* Inside an open transaction: load a program and an advocate by their
 * keys and the advocate's stage row (invited when it has none). */
int rf__stage_load(rf_store *s, const char *program, const char *advocate, rfs_program *p,
		   rfs_advocate *a, rfs_stage *row);

/* A program's item by key (RF_ENOTFOUND named when missing). */
int rf__content_load(rf_store *s, const rfs_program *p, const char *key, rfs_content *row);

#endif
