/* Helpers shared by the voice api files (testimonial.c, reference.c). */
#ifndef RF_API_VOICE_H
#define RF_API_VOICE_H

#include "api/events.h"
#include "api/scoring.h"
#include "store/voice.h"

/*
 * Count taking part as activity of `type` at `at`, inside the caller's
 * transaction, as the activity rules allow: only for an active program
 * and advocate who consents to tracking; otherwise nothing is recorded
 * (RF_OK, *recorded 0).
 */
int rf__voice_activity(rf_store *s, const rfs_program *p, int64_t advocate_id, int32_t type,
		       int64_t at, int *recorded);

#endif
