/*
 * Pure engagement rules: message templates and lifecycle stages.
 */
#ifndef RF_CORE_ENGAGEMENT_H
#define RF_CORE_ENGAGEMENT_H

#include <stddef.h>
#include <stdint.h>

/* The value of placeholder `name` (`len` bytes, not terminated), or NULL
 * when unknown (rendered empty). */
typedef const char *(*rfc_lookup_fn)(void *ctx, const char *name, size_t len);

#define RFC_PLACEHOLDER_MAX 64

/*
 * Render `tmpl` into `out` (size >= 1, always terminated): every
 * {{name}} ({{ name }} too; name of [A-Za-z0-9_.-], 1..64 bytes) becomes
 * lookup(name); anything else is copied as is. Output that does not fit is
 * cut at a UTF-8 character boundary. Returns the length written.
 */
size_t rfc_render(char *out, size_t size, const char *tmpl, rfc_lookup_fn lookup, void *ctx);

/* Is `kind` a valid message kind: 1..64 bytes of [a-z0-9_-]? */
int rfc_kind_valid(const char *kind);

/* What the lifecycle stage rules look at (see include/referral/stage.h). */
typedef struct rfc_stage_rules {
	int64_t active_min_activities, referring_min_referrals, champion_min_referrals;
	int64_t dormant_after_ms;
} rfc_stage_rules;

typedef struct rfc_stage_facts {
	int64_t activities, referrals;
	int64_t last_activity_at, last_referral_at; /* 0: none */
} rfc_stage_facts;

/* The stage (1 invited .. 5 dormant, as rf_stage_kind) of an advocate
 * with `facts` at time `now` under `rules`. */
int32_t rfc_stage_for(const rfc_stage_rules *rules, const rfc_stage_facts *facts, int64_t now);

#endif
