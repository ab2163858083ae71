/*
 * libreferral — the advocate's voice: segments, testimonials and
 * reference asks.
 *
 * Segments. Every advocate may carry one segment ("enterprise", "smb",
 * "emea-retail", ...): a label the host chooses, used to find
 * testimonials and reference candidates. Not personal data.
 *
 * Testimonials. An advocate submits a testimonial (text, rating 1..5, the
 * product it is about, consent to publish it); the program approves or
 * rejects it, and the decision is kept with its time. Only approved
 * testimonials whose author consents to publication are "publishable":
 * the ones sales and marketing may use. A testimonial keeps the
 * advocate's segment at submission. Submitting counts as activity
 * (RF_ACTIVITY_TESTIMONIAL) when the advocate consents to tracking;
 * without that consent the testimonial is kept but no activity recorded.
 *
 * Reference asks. A prospect needs a reference: rf_reference_find()
 * lists the program's advocates who match (kind, segment, minimum score)
 * and may be asked now, best score first; rf_reference_ask() records an
 * ask, rf_reference_close() its outcome. An advocate may be asked at most
 * ask_cap times per ask_window_ms (a sliding window, see
 * rf_engagement_config), only while active and consenting to messages.
 * Accepting or completing a reference counts as activity
 * (RF_ACTIVITY_REFERENCE, once per ask) when the advocate consents to
 * tracking.
 *
 * Personal data: the prospect is free text the host gives (a company, a
 * contact) and may name a person; keep it short (at most
 * RF_PROSPECT_MAX_LEN bytes). Testimonial texts may too. Both are
 * exported with the advocate (rf_advocate_export()) and deleted when the
 * advocate is erased (rf_advocate_erase()).
 */
#ifndef REFERRAL_VOICE_H
#define REFERRAL_VOICE_H

#include "store.h"

RF_BEGIN_DECL

/* ---- Segments ---------------------------------------------------------- */

/** Longest segment, and a buffer that always holds one. */
#define RF_SEGMENT_MAX_LEN 64
#define RF_SEGMENT_BUFSIZE (RF_SEGMENT_MAX_LEN + 1)

/**
 * Set an advocate's segment (1..RF_SEGMENT_MAX_LEN bytes of [a-z0-9_-]);
 * NULL removes it. Errors: RF_EINVALID, RF_ENOTFOUND (advocate), RF_EMISUSE.
 */
RF_EXTERN int rf_advocate_segment_set(rf_store *store, const char *advocate,
				      const char *segment);

/**
 * Copy an advocate's segment ("" when none) into `out` (`size` bytes;
 * RF_SEGMENT_BUFSIZE always suffices).
 * Errors: RF_EINVALID (also: `out` too small), RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_advocate_segment_get(char *out, size_t size, rf_store *store,
				      const char *advocate);

/* ---- Testimonials ------------------------------------------------------ */

/** Longest testimonial text and product key, in bytes. */
#define RF_TESTIMONIAL_MAX_LEN 4096
#define RF_PRODUCT_MAX_LEN RF_MAX_ID_LEN

/** Where a testimonial stands; names through rf_enum_name(RF_ENUM_TESTIMONIAL_STATUS, s). */
typedef enum rf_testimonial_status {
	RF_TESTIMONIAL_PENDING = 0,  /**< "pending": waiting for the program's decision */
	RF_TESTIMONIAL_APPROVED = 1, /**< "approved" */
	RF_TESTIMONIAL_REJECTED = 2  /**< "rejected" */
} rf_testimonial_status;

/** Input to rf_testimonial_submit(); the library copies what it keeps. */
typedef struct rf_testimonial_spec {
	unsigned version;         /**< RF_TESTIMONIAL_SPEC_VERSION */
	const char *program;      /**< program key (required, active) */
	const char *advocate;     /**< advocate external id (required, active) */
	const char *product;      /**< what it is about, 0..RF_PRODUCT_MAX_LEN bytes
	                               (NULL or "": the program in general) */
	const char *body;         /**< the text, 1..RF_TESTIMONIAL_MAX_LEN bytes of UTF-8;
	                               line breaks and tabs allowed, no other control
	                               characters */
	int32_t rating;           /**< 1..5 (required) */
	int32_t publish_consent;  /**< 1: the advocate agrees to its publication, 0: not */
	int64_t at_ms;            /**< 0: the store's clock */
} rf_testimonial_spec;

#define RF_TESTIMONIAL_SPEC_VERSION 1
#define RF_TESTIMONIAL_SPEC_INIT { RF_TESTIMONIAL_SPEC_VERSION, NULL, NULL, NULL, NULL, 0, 0, 0 }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_testimonial_spec_init(rf_testimonial_spec *spec, unsigned version);

/** A testimonial. Read-only; every pointer is owned by the object. */
typedef struct rf_testimonial {
	int64_t id;               /**< stable; orders rf_testimonial_find() */
	const char *program;      /**< program key */
	const char *advocate;     /**< external id */
	int32_t advocate_kind;    /**< rf_advocate_kind */
	const char *display_name; /**< the advocate's, "" when none */
	const char *segment;      /**< the advocate's segment when submitted, "" when none */
	const char *product;      /**< "" when none */
	const char *body;
	int32_t rating;           /**< 1..5 */
	int32_t publish_consent;  /**< 1 when the advocate agrees to publication */
	int32_t status;           /**< rf_testimonial_status */
	int64_t created_at_ms;
	int64_t decided_at_ms;    /**< the last decision's time, 0 while pending */
} rf_testimonial;

/** A page of testimonials. */
typedef struct rf_testimonials {
	size_t count;
	rf_testimonial **items;
	int64_t next_cursor;      /**< pass to the next call; 0 when this is the last page */
} rf_testimonials;

/**
 * Submit a testimonial (status pending) in one transaction and, when the
 * advocate consents to tracking, record an RF_ACTIVITY_TESTIMONIAL
 * activity at the same time (the score moves). `out` (may be NULL)
 * receives it; release with rf_testimonial_free().
 * Errors: RF_EINVALID (texts, rating, consent flag, time), RF_ENOTFOUND
 * (program or advocate), RF_EDISABLED (program archived or advocate
 * inactive), RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_testimonial_submit(rf_testimonial **out, rf_store *store,
				    const rf_testimonial_spec *spec);

/**
 * The program's decision on testimonial `id`: RF_TESTIMONIAL_APPROVED or
 * RF_TESTIMONIAL_REJECTED, at the store's clock. A decision may be
 * changed later (an approved testimonial withdrawn); repeating the
 * decision in force changes nothing (its time stays). `out` (may be NULL)
 * receives the testimonial.
 * Errors: RF_EINVALID (status), RF_ENOTFOUND (program, or no such
 * testimonial in it), RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_testimonial_decide(rf_testimonial **out, rf_store *store, const char *program,
				    int64_t id, int32_t status);

/**
 * Record the advocate's consent to publish testimonial `id` (1) or its
 * withdrawal (0); a withdrawn testimonial is no longer publishable.
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_testimonial_consent_set(rf_store *store, const char *program, int64_t id,
					 int32_t publish_consent);

/** Testimonial `id` of a program. Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE. */
RF_EXTERN int rf_testimonial_get(rf_testimonial **out, rf_store *store, const char *program,
				 int64_t id);

/** Which testimonials rf_testimonial_find() lists. */
typedef enum rf_testimonial_filter {
	RF_TESTIMONIALS_PUBLISHABLE = 0, /**< approved and consented to publication (default) */
	RF_TESTIMONIALS_PENDING = 1,     /**< waiting for a decision */
	RF_TESTIMONIALS_APPROVED = 2,    /**< approved, consented or not */
	RF_TESTIMONIALS_REJECTED = 3     /**< rejected */
} rf_testimonial_filter;

/** Input to rf_testimonial_find(). Unset filters match everything. */
typedef struct rf_testimonial_query {
	unsigned version;        /**< RF_TESTIMONIAL_QUERY_VERSION */
	const char *program;     /**< program key (required) */
	int32_t which;           /**< rf_testimonial_filter */
	const char *product;     /**< NULL: any; "": those about no product */
	const char *segment;     /**< NULL: any */
	int32_t advocate_kind;   /**< 0: any, else rf_advocate_kind */
	const char *advocate;    /**< NULL: any, else one advocate's external id */
	int32_t min_rating;      /**< 0: any, else 1..5 */
	int64_t cursor;          /**< 0 for the first page, then next_cursor */
	uint32_t limit;          /**< 1..1000, 0 means 100 */
} rf_testimonial_query;

#define RF_TESTIMONIAL_QUERY_VERSION 1
#define RF_TESTIMONIAL_QUERY_INIT \
	{ RF_TESTIMONIAL_QUERY_VERSION, NULL, 0, NULL, NULL, 0, NULL, 0, 0, 0 }

/** Fill `query` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_testimonial_query_init(rf_testimonial_query *query, unsigned version);

/**
 * One page of a program's testimonials matching `query`, by id (oldest
 * first; pages are stable under inserts: keyset pagination). Release with
 * rf_testimonials_free(). Errors: RF_EINVALID, RF_EVERSION, RF_ENOTFOUND
 * (program, or the advocate named), RF_EMISUSE.
 */
RF_EXTERN int rf_testimonial_find(rf_testimonials **out, rf_store *store,
				  const rf_testimonial_query *query);

/** Release a testimonial or a page of them. NULL is ignored. */
RF_EXTERN void rf_testimonial_free(rf_testimonial *testimonial);
RF_EXTERN void rf_testimonials_free(rf_testimonials *testimonials);

/* ---- Reference asks ---------------------------------------------------- */

/** Longest prospect text, in bytes. */
#define RF_PROSPECT_MAX_LEN 255

/** What came of an ask; names through rf_enum_name(RF_ENUM_REFERENCE_OUTCOME, o). */
typedef enum rf_reference_outcome {
	RF_REFERENCE_OPEN = 0,        /**< "open": asked, no answer yet */
	RF_REFERENCE_ACCEPTED = 1,    /**< "accepted": the advocate agreed */
	RF_REFERENCE_DECLINED = 2,    /**< "declined" (final) */
	RF_REFERENCE_COMPLETED = 3,   /**< "completed": the reference was given (final) */
	RF_REFERENCE_NO_RESPONSE = 4  /**< "no-response" (final) */
} rf_reference_outcome;

/** Input to rf_reference_find(). */
typedef struct rf_reference_query {
	unsigned version;         /**< RF_REFERENCE_QUERY_VERSION */
	const char *program;      /**< program key (required) */
	int32_t advocate_kind;    /**< 0: any, else rf_advocate_kind */
	const char *segment;      /**< NULL: any */
	int32_t min_score;        /**< 0..100: only advocates scoring at least this */
	uint32_t limit;           /**< 1..100, 0 means 10 */
} rf_reference_query;

#define RF_REFERENCE_QUERY_VERSION 1
#define RF_REFERENCE_QUERY_INIT { RF_REFERENCE_QUERY_VERSION, NULL, 0, NULL, 0, 0 }

/** Fill `query` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_reference_query_init(rf_reference_query *query, unsigned version);

/** An advocate who may be asked now. Read-only; owned by the list. */
typedef struct rf_reference_candidate {
	int64_t id;               /**< the advocate's id (breaks ties) */
	const char *advocate;     /**< external id */
	int32_t advocate_kind;    /**< rf_advocate_kind */
	const char *display_name; /**< "" when none */
	const char *segment;      /**< "" when none */
	double score;             /**< 0..100, now (see score.h) */
	int64_t asks;             /**< asks in the current window (< ask_cap) */
	int64_t last_asked_at_ms; /**< the newest ask in the program, 0: never asked */
} rf_reference_candidate;

/** Candidates, best score first (ties: smaller id first). */
typedef struct rf_reference_candidates {
	size_t count;
	rf_reference_candidate **items;
	int64_t at_ms;                /**< the time the scores are valued at (store clock) */
	int64_t score_config_version; /**< scoring configuration that produced the scores */
	int64_t config_version;       /**< engagement configuration whose ask cap applied */
} rf_reference_candidates;

/**
 * The program's advocates who match `query` and may be asked now: those
 * with a score in the program (any activity or credited conversion),
 * active, consenting to messages, asked fewer than ask_cap times in the
 * last ask_window_ms, of the kind and segment asked, scoring at least
 * min_score; the best `limit` of them by score (ties: smaller advocate
 * id). Release with rf_reference_candidates_free().
 * Errors: RF_EINVALID, RF_EVERSION, RF_ENOTFOUND (program), RF_EMISUSE.
 */
RF_EXTERN int rf_reference_find(rf_reference_candidates **out, rf_store *store,
				const rf_reference_query *query);

/** An ask and its outcome. Read-only; every pointer is owned by the object. */
typedef struct rf_reference {
	int64_t id;
	const char *program;      /**< program key */
	const char *advocate;     /**< external id */
	const char *prospect;     /**< as the host gave it */
	int32_t outcome;          /**< rf_reference_outcome */
	int64_t asked_at_ms;
	int64_t accepted_at_ms;   /**< when it was accepted, 0: never */
	int64_t closed_at_ms;     /**< the time of the latest outcome, 0 while open */
} rf_reference;

/**
 * Ask advocate `advocate` to be a reference for `prospect` (free text,
 * 1..RF_PROSPECT_MAX_LEN bytes, possibly personal: see above), at the
 * store's clock. `out` (may be NULL) receives the ask.
 * Errors: RF_EINVALID, RF_ENOTFOUND (program or advocate), RF_EDISABLED
 * (program archived or advocate inactive), RF_ECONSENT (no consent to
 * messages), RF_ELIMIT (the advocate was asked ask_cap times in the last
 * ask_window_ms: nothing is recorded), RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_reference_ask(rf_reference **out, rf_store *store, const char *program,
			       const char *advocate, const char *prospect);

/**
 * Record the outcome of ask `id` at the store's clock. An open ask takes
 * any outcome; an accepted one may still be completed, declined or end
 * without response; declined, completed and no-response are final.
 * Repeating the outcome in force changes nothing. The first accepted or
 * completed outcome records an RF_ACTIVITY_REFERENCE activity when the
 * program and advocate are active and the advocate consents to tracking.
 * `out` (may be NULL) receives the ask.
 * Errors: RF_EINVALID (outcome, or a change from a final outcome),
 * RF_ENOTFOUND (program, or no such ask in it), RF_EMISUSE, RF_EBUSY, RF_EIO.
 */
RF_EXTERN int rf_reference_close(rf_reference **out, rf_store *store, const char *program,
				 int64_t id, int32_t outcome);

/** Ask `id` of a program. Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE. */
RF_EXTERN int rf_reference_get(rf_reference **out, rf_store *store, const char *program,
			       int64_t id);

/** Release an ask or a list of candidates. NULL is ignored. */
RF_EXTERN void rf_reference_free(rf_reference *reference);
RF_EXTERN void rf_reference_candidates_free(rf_reference_candidates *candidates);

RF_END_DECL
#endif
