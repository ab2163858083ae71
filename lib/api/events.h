/*
 * What happens after a conversion, a refund or a review, inside the
 * caller's write transaction. conversion.c and refund.c know only these
 * calls; each area (fraud, rewards, scoring, engagement) supplies its own
 * function and events.c calls them in a fixed order, so no area reaches
 * into another's tables.
 */
#ifndef RF_API_EVENTS_H
#define RF_API_EVENTS_H

#include "api/api.h"

/* One credit row of weight > 0 as attribution wrote it, so the areas
 * need not read back what was just written. */
typedef struct rf__credit {
	int64_t advocate_id;
	int64_t touchpoint_id; /* 0: none */
	int64_t touch_at;      /* the touchpoint's time; 0: none or purged */
	double weight;
	int64_t value_minor;
} rf__credit;

/* A conversion just attributed and stored (c->id is set). */
typedef struct rf__conversion_event {
	const rfs_program *program;
	const rfs_conversion *conversion;
	int64_t visitor_id;  /* interned */
	int64_t customer_id; /* interned, 0: none */
	/* What the caller said of the converting customer (conversion spec
	 * version 3): keyed hashes (NULL: not given), the normalised email's
	 * domain (NULL: none; never stored) and the host's mark. */
	const unsigned char *email_key, *ip_hash, *ua_hash;
	const char *email_domain;
	int32_t existing_customer;
	int32_t bot_agent;   /* the customer's user agent is a bot or link preview */
	/* The credit rows with weight > 0, in seq order (what the
	 * credit table holds for this conversion). */
	const rf__credit *credits;
	size_t credit_count;
	/* The same identity under every live hash key (NULL: none given), so
	 * identities stored before a key rotation still match. */
	const rf__person *who;
} rf__conversion_event;

/* A refund just applied to a conversion. */
typedef struct rf__refund_event {
	int64_t program_id;
	const rfs_conversion *conversion; /* refunded_minor already includes `amount` */
	int64_t refund_row_id;            /* refund.id */
	const char *refund_key;           /* the host's refund id */
	int64_t amount_minor;
	int64_t at;
} rf__refund_event;

/* The fraud verdict on a conversion; rewards follow it. */
enum {
	RF__VERDICT_APPROVE = 0,
	RF__VERDICT_REVIEW = 1,
	RF__VERDICT_REJECT = 2
};
typedef struct rf__verdict {
	int32_t decision; /* RF__VERDICT_* */
	int32_t risk;     /* 0..100 */
} rf__verdict;

/* Called by conversion.c after attribution. */
int rf__on_conversion(rf_store *s, const rf__conversion_event *ev);
/* Called by refund.c after a refund row and its credit shares are written. */
int rf__on_refund(rf_store *s, const rf__refund_event *ev);

/*
 * The areas' entry points, called only from events.c (and the review
 * functions). Each lives in its area's file.
 */
/* fraud.c: assess a new conversion, store its signals, give the verdict. */
int rf__fraud_on_conversion(rf_store *s, const rf__conversion_event *ev, rf__verdict *out);
/* rewards.c: ledger entries for a conversion under a verdict; clawbacks on
 * refunds; a reviewer's decision on a held conversion (approved: 1/0). */
int rf__rewards_on_conversion(rf_store *s, const rf__conversion_event *ev, const rf__verdict *v);
int rf__rewards_on_refund(rf_store *s, const rf__refund_event *ev);
int rf__rewards_on_review(rf_store *s, int64_t conversion_id, int approved, int64_t at);
/* scoring: an advocate's referral value moved. */
int rf__scores_on_conversion(rf_store *s, const rf__conversion_event *ev);
int rf__scores_on_refund(rf_store *s, const rf__refund_event *ev);

/*
 * engagement: ask the host to deliver a message to an advocate (reward
 * earned, tier reached, badge earned, ...). `kind` names the template;
 * `vars` is a JSON object of placeholder values (may be NULL). Consent and
 * the frequency cap are engagement's business: a call that is held back
 * still returns RF_OK.
 */
int rf__notify(rf_store *s, int64_t program_id, int64_t advocate_id, const char *kind,
	       const char *vars, int64_t at);

/*
 * engagement (consent.c): has the advocate consented to `purpose`
 * (RF_CONSENT_TRACKING, RF_CONSENT_MESSAGES)? *allowed is 1 or 0; never
 * asked means 0. Whoever records an advocate's activity asks for tracking
 * first and stores nothing without it.
 */
int rf__consent_allowed(rf_store *s, int64_t advocate_id, int32_t purpose, int *allowed);

/*
 * engagement (stage.c): lifecycle stages. An activity of the advocate at
 * `at` was just recorded (called from rf__activity_add); a conversion
 * credits its advocates with a referral (called after scoring).
 */
int rf__stage_on_activity(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t at);
int rf__stages_on_conversion(rf_store *s, const rf__conversion_event *ev);

#endif
