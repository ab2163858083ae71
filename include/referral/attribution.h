/*
 * libreferral — attribution beyond a single conversion: fitting the
 * data-driven models on a program's history, and replaying history under
 * other rules (what-if) without changing what is stored.
 */
#ifndef REFERRAL_ATTRIBUTION_H
#define REFERRAL_ATTRIBUTION_H

#include "program.h"

RF_BEGIN_DECL

/** One advocate's value in a fitted model. */
typedef struct rf_fit_value {
	const char *advocate;   /**< advocate external id */
	double value;           /**< Markov: removal effect; Shapley: conversions */
	double weight;          /**< value / sum of values */
} rf_fit_value;

/** A fitted data-driven model. Read-only; owned by the object. */
typedef struct rf_fit {
	int32_t model;           /**< RF_MODEL_MARKOV or RF_MODEL_SHAPLEY */
	int64_t journeys;        /**< visitors' journeys read (converting or not) */
	int64_t conversions;     /**< of which ended in a conversion */
	double p_conversion;     /**< Markov: conversion probability of the chain */
	int64_t fitted_at_ms;
	size_t count;
	rf_fit_value **values;   /**< by value, largest first */
} rf_fit;

/**
 * Fit `model` (RF_MODEL_MARKOV or RF_MODEL_SHAPLEY) on the program's
 * journeys: for every visitor with a touchpoint, the advocates of its
 * counted touchpoints in time order up to its first conversion (a
 * converting journey) or all of them (a journey without conversion). The
 * touchpoints are streamed (memory grows with advocates, not journeys).
 * The values are stored and used by later conversions under that model.
 * `out` (may be NULL) receives the fit; release it with rf_fit_free().
 * Errors: RF_EINVALID (not a data-driven model), RF_ENOTFOUND (program),
 * RF_ERROR (nothing converts: no model to fit; or more advocates than the
 * exact Markov solution handles, 2000).
 */
RF_EXTERN int rf_model_fit(rf_fit **out, rf_store *store, const char *program,
			   int32_t model);

/** Release a fitted model. NULL is ignored. */
RF_EXTERN void rf_fit_free(rf_fit *fit);

/** What a replay row is about. */
typedef enum rf_target {
	RF_TARGET_ADVOCATE = 1,
	RF_TARGET_CHANNEL = 2
} rf_target;

/** Credit of one advocate or channel in one currency, stored vs replayed. */
typedef struct rf_replay_row {
	int32_t target;            /**< rf_target */
	const char *name;          /**< advocate external id, or channel name */
	const char *currency;
	double current_conversions;/**< sum of stored credit weights */
	double replay_conversions; /**< sum of replayed credit weights */
	int64_t current_value_minor;
	int64_t replay_value_minor;
} rf_replay_row;

/** The result of a replay. Read-only; owned by the object. */
typedef struct rf_replay {
	int64_t conversions;       /**< conversions replayed */
	int64_t changed;           /**< of which credited differently */
	size_t count;
	rf_replay_row **rows;      /**< advocates then channels; by name, then currency */
} rf_replay;

/**
 * Re-attribute the program's conversions in [from_ms, to_ms) (to_ms 0: no
 * end) under `rules` (model, window, lock, parameters) and compare with
 * what is stored, per advocate and per channel. Nothing is written; the
 * replay reads one consistent snapshot.
 * Errors: RF_EINVALID (bad rules or period), RF_ENOTFOUND (program).
 */
RF_EXTERN int rf_replay_run(rf_replay **out, rf_store *store, const char *program,
			    const rf_program_rules *rules, int64_t from_ms, int64_t to_ms);

/** Release a replay. NULL is ignored. */
RF_EXTERN void rf_replay_free(rf_replay *replay);

RF_END_DECL
#endif
