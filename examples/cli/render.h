/* How each library object is shown: as a JSON value, or as text for people.
 * The JSON shapes are documented in README.md. */
#ifndef CLI_RENDER_H
#define CLI_RENDER_H

#include <referral.h>

#include "output.h"

void render_program_json(jw *w, const rf_program *p);
void render_program_text(const rf_program *p);
/** Table of programs (key, name, status, model, window, code length). */
void render_programs_table(const rf_programs *list);

void render_advocate_json(jw *w, const rf_advocate *a);
void render_advocate_text(const rf_advocate *a);
void render_advocates_table(const rf_advocates *page);

void render_code_json(jw *w, const rf_code *code);
void render_code_text(const rf_code *code);

void render_touchpoint_json(jw *w, const rf_touchpoint *t);
void render_touchpoint_text(const rf_touchpoint *t);

void render_conversion_json(jw *w, const rf_conversion *conv);
void render_conversion_text(const rf_conversion *conv);

/** `currency` is the conversion's (the explanation does not carry it). */
void render_explanation_json(jw *w, const rf_explanation *e, const char *currency);
/* A fraud check (cmd_fraud.c). */
void render_fraud_json(jw *w, const rf_fraud_check *f);
void render_fraud_text(const rf_fraud_check *f);
void render_explanation_text(const rf_explanation *e, const char *currency);

/** A fitted model: its fields and the `top` largest values (0: all). */
void render_fit_fields_json(jw *w, const rf_fit *fit, size_t top);
void render_fit_text(const rf_fit *fit, size_t top);

/** A replay's rows of one target as a JSON array, or as a table. */
void render_replay_rows_json(jw *w, const rf_replay *r, int32_t target);
void render_replay_table(const rf_replay *r, int32_t target);

/** Writes the counters as fields of the object being written. */
void render_stats_fields_json(jw *w, const rf_stats *s);
void render_stats_text(const rf_stats *s);

/** Rewards, balances and payouts (render_reward.c). Amounts in points and
 *  coupons print as counts, cash and credit as money. */
void render_reward_amount(char *buf, size_t size, int64_t amount, const char *unit);
void render_reward_json(jw *w, const rf_reward *r);
void render_rewards_json(jw *w, const rf_reward_list *list);
void render_rewards_table(const rf_reward_list *list);
void render_balances_json(jw *w, const rf_balance_list *list);
void render_balances_table(const rf_balance_list *list);
void render_payout_json(jw *w, const rf_payout *p);
void render_payout_table(const rf_payout *p);

/**
 * A section of `referral explain` after the attribution (rewards, fraud,
 * ...): its JSON key (also the text heading), how to write it, and its data.
 */
typedef struct explain_section {
	const char *key;
	void (*json)(jw *w, const void *data);
	void (*text)(const void *data);
	const void *data;
} explain_section;

/** "30d", "1h", "90m", "15s", "250ms": a compact duration. */
void render_duration(char *buf, size_t size, int64_t ms);

/** "48,123": a count with thousands separators. */
void render_count(char *buf, size_t size, int64_t n);

/** "1,049.90 EUR" (grouped for people; JSON uses money_format()). */
void render_money(char *buf, size_t size, int64_t minor, const char *currency);

#endif
