/* Program rules on the command line: the rule options shared by program
 * create/update and replay, their parsing, and how rules are shown. */
#ifndef CLI_RULES_H
#define CLI_RULES_H

#include <referral.h>

#include "args.h"
#include "output.h"

/* Rule options; NULL/0 means "not given". */
typedef struct rules_args {
	const char *model, *window_days, *duplicate_minutes, *code_length, *half_life_days,
		*position, *custom_weights, *renewal_months;
	int lock, no_lock, follow, no_follow;
} rules_args;

#define RULES_MODEL_HELP                                                                   \
	"last, first, last-non-direct, linear, time-decay, position, custom, markov, shapley"

/* The options about attribution (program create/update and replay). */
#define RULES_ATTRIBUTION_OPTS(ra)                                                          \
	{ "model", "MODEL", &(ra).model, NULL, "attribution model (default last): " RULES_MODEL_HELP }, \
	{ "window-days", "N", &(ra).window_days, NULL, "lookback window in days (default 30)" }, \
	{ "half-life-days", "H", &(ra).half_life_days, NULL,                               \
	  "time-decay half-life in days, decimals allowed (default 7)" },                  \
	{ "position", "FIRST/LAST", &(ra).position, NULL,                                  \
	  "position model: first and last shares in percent (default 40/40)" },            \
	{ "custom-weights", "W1,W2,..", &(ra).custom_weights, NULL,                        \
	  "custom model: weights by position from the first touch, the last repeating" },  \
	{ "lock-first-referrer", NULL, NULL, &(ra).lock,                                   \
	  "a referee stays credited to its first referrer" },                              \
	{ "no-sale-follows-lead", NULL, NULL, &(ra).no_follow,                             \
	  "a purchase after a signup is attributed on its own journey" },                  \
	{ "renewal-months", "N", &(ra).renewal_months, NULL,                               \
	  "renewals within N months go to the first purchase's referrer (default 12; 0 = never)" }

/* The options that take a rule back (program update and replay). */
#define RULES_UNDO_OPTS(ra)                                                                 \
	{ "no-lock-first-referrer", NULL, NULL, &(ra).no_lock, "stop locking referees" },  \
	{ "sale-follows-lead", NULL, NULL, &(ra).follow,                                   \
	  "a purchase after an attributed signup is credited as the signup was" }

/* The options that only programs have. */
#define RULES_PROGRAM_OPTS(ra)                                                              \
	{ "duplicate-window-minutes", "N", &(ra).duplicate_minutes, NULL,                  \
	  "repeat touches within N minutes are duplicates (default 60; 0 = off)" },        \
	{ "code-length", "N", &(ra).code_length, NULL,                                     \
	  "random symbols per code, 8..16 (default 8), plus a check symbol" }

#define RULES_HELP                                                                          \
	"rules:\n"                                                                          \
	"  --model picks how a conversion's credit is split over the visitor's\n"         \
	"  touchpoints inside the lookback window (--window-days): last or first touch,\n"\
	"  last-non-direct (skips direct visits), linear, time-decay (2^(-age/half-life)),\n" \
	"  position (first/last shares, the rest over the middle), custom (weights by\n" \
	"  position), or the data-driven markov and shapley (fitted with 'referral fit').\n" \
	"  Repeat touches of one visitor on one code within --duplicate-window-minutes\n" \
	"  are kept but marked duplicate. With --lock-first-referrer a referee stays\n"   \
	"  credited to the first advocate that was credited for them."

/**
 * Apply the given rule options to `r` (custom weights are written to
 * `weights`, which `r` then points to); *changed tells whether any was given.
 * Returns CLI_EXIT_OK or CLI_EXIT_USAGE after reporting.
 */
int rules_apply(const cli *c, const rules_args *ra, rf_program_rules *r,
		int32_t weights[RF_CUSTOM_WEIGHTS_MAX], int *changed);

/** Parse "7" or "0.5" days into ms (> 0, at most 10 years). Returns 0 or -1. */
int rules_parse_days(int64_t *out_ms, const char *text);

/** Parse "40/40" or "30.5/30" percent into basis points. Returns 0 or -1. */
int rules_parse_position(int32_t *first_bp, int32_t *last_bp, const char *text);

/** Parse "3,2,1" (1..RF_CUSTOM_WEIGHTS_MAX integers >= 0). Returns the count or -1. */
int rules_parse_weights(int32_t weights[RF_CUSTOM_WEIGHTS_MAX], const char *text);

/** "last touch", "linear", ...: a model for people. */
const char *rules_model_label(int32_t model);

/** "half-life 7d", "40/20/40", "3,2,1", or "" when the model has no parameter. */
void rules_model_params(char *buf, size_t size, const rf_program_rules *r);

/** The rules as a JSON object (README.md documents it). */
void rules_json(jw *w, const rf_program_rules *r);

#endif
