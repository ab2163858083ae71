/*
 * libreferral — engagement: per-program configuration, message templates
 * and the outbox (messages the library asks the host to deliver).
 *
 * Messages. Areas ask for a message when something happens to an advocate
 * (a reward earned, a tier reached, a badge earned, new content for their
 * stage, a nudge when they go dormant); the host may queue its own with
 * rf_outbox_send(). A message is queued only if all of these hold, and
 * otherwise kept as "held" with the reason, never delivered:
 *  - the advocate is active and has granted consent for messages
 *    (rf_consent_set(), reason "no-consent" / "advocate-inactive");
 *  - fewer than cap_messages messages were queued for the advocate in the
 *    program during the last cap_window_ms (a sliding window, so the cap
 *    holds for every window, across calendar weeks; reason
 *    "frequency-cap").
 * Every message says it is automated (automated = 1) and carries the
 * configuration version that decided it. Its text comes from the
 * program's template for its kind (rf_template_set(), else a built-in
 * one) with {{placeholders}} filled: {{name}} (display name, else the
 * external id), {{advocate}}, {{program}} (name), {{program_key}},
 * {{kind}}, and every key of the event's JSON object of variables.
 * Unknown placeholders become empty.
 *
 * Delivery. The host lists queued messages from a cursor (message ids
 * only grow), delivers them, then acknowledges through the last id it
 * delivered; acknowledged messages are never listed as pending again.
 */
#ifndef REFERRAL_ENGAGEMENT_H
#define REFERRAL_ENGAGEMENT_H

#include "store.h"

RF_BEGIN_DECL

/** A program's engagement configuration (its own versioned settings). */
typedef struct rf_engagement_config {
	unsigned version;               /**< RF_ENGAGEMENT_CONFIG_VERSION */
	int32_t cap_messages;           /**< messages per advocate per window (default 3; 0: none) */
	int64_t cap_window_ms;          /**< the cap's sliding window (default 7 days) */
	int32_t active_min_activities;  /**< stage "active": this many activities (default 1) */
	int32_t referring_min_referrals;/**< stage "referring": this many referrals (default 1) */
	int32_t champion_min_referrals; /**< stage "champion": this many referrals (default 5) */
	int64_t dormant_after_ms;       /**< stage "dormant": nothing for this long (default 60 days) */
	int32_t ask_cap;                /**< reference asks per advocate per window (default 2) */
	int64_t ask_window_ms;          /**< the ask cap's window (default 90 days) */
} rf_engagement_config;

#define RF_ENGAGEMENT_CONFIG_VERSION 1
#define RF_ENGAGEMENT_CONFIG_INIT \
	{ RF_ENGAGEMENT_CONFIG_VERSION, 3, 7 * INT64_C(86400000), 1, 1, 5, \
	  60 * INT64_C(86400000), 2, 90 * INT64_C(86400000) }
/** Upper bounds checked by rf_engagement_config_set(). */
#define RF_ENGAGEMENT_CAP_MAX 1000
#define RF_ENGAGEMENT_WINDOW_MAX_MS (3650 * INT64_C(86400000))

/** Fill `config` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_engagement_config_init(rf_engagement_config *config, unsigned version);

/**
 * Set a program's engagement configuration. A change gets the next
 * configuration version (the first is 1; a program never configured uses
 * the defaults as version 0); setting the same values again changes
 * nothing. `config_version` (may be NULL) receives the version in force.
 * Errors: RF_EINVALID (counts 0..RF_ENGAGEMENT_CAP_MAX, windows
 * 1..RF_ENGAGEMENT_WINDOW_MAX_MS, champion >= referring), RF_EVERSION,
 * RF_ENOTFOUND, RF_EDISABLED (archived program), RF_EMISUSE.
 */
RF_EXTERN int rf_engagement_config_set(int64_t *config_version, rf_store *store,
				       const char *program, const rf_engagement_config *config);

/**
 * A program's configuration in force, written into `out` up to the
 * version `out->version` says (set it with rf_engagement_config_init()).
 * `config_version` (may be NULL) receives its version (0: defaults).
 * Errors: RF_EINVALID, RF_EVERSION, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_engagement_config_get(rf_engagement_config *out, int64_t *config_version,
				       rf_store *store, const char *program);

/** Longest template and longest rendered message, in bytes. */
#define RF_TEMPLATE_MAX_LEN 2048
#define RF_MESSAGE_MAX_LEN 8192

/**
 * Set the program's template for messages of `kind` (1..64 bytes of
 * [a-z0-9_-]); `body` NULL removes it (the built-in one applies again).
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_template_set(rf_store *store, const char *program, const char *kind,
			      const char *body);

/** Where a message stands. */
typedef enum rf_message_status {
	RF_MESSAGE_QUEUED = 0,    /**< waiting for the host */
	RF_MESSAGE_DELIVERED = 1, /**< acknowledged by the host */
	RF_MESSAGE_HELD = 2       /**< held back (see reason); never delivered */
} rf_message_status;

/** A message. Read-only; every pointer is owned by the object. */
typedef struct rf_message {
	int64_t id;               /**< grows with every message; the cursor */
	const char *program;      /**< program key */
	const char *advocate;     /**< external id */
	const char *kind;         /**< "reward_earned", "tier_reached", ... */
	const char *body;         /**< rendered text ("" when held) */
	int32_t status;           /**< rf_message_status */
	int32_t automated;        /**< always 1: the host must present it as automated */
	const char *reason;       /**< held: "no-consent", "advocate-inactive", "frequency-cap" */
	int64_t event_at_ms;      /**< when what it tells happened */
	int64_t queued_at_ms;     /**< the store's clock when it was asked for */
	int64_t acked_at_ms;      /**< 0 until delivered */
	int64_t config_version;   /**< engagement configuration that decided it */
} rf_message;

/** A page of messages. */
typedef struct rf_messages {
	size_t count;
	rf_message **items;
	int64_t next_cursor;      /**< the last id listed (pass it back); the cursor given when empty */
} rf_messages;

/**
 * Ask for a message to an advocate, as the library's own events do:
 * consent, activity and the frequency cap decide whether it is queued or
 * held. `vars` is NULL or a JSON object (at most 32 keys of up to 64
 * bytes; values up to 1024 bytes) whose keys fill placeholders. `out`
 * (may be NULL) receives the message, queued or held.
 * Errors: RF_EINVALID (bad kind or vars), RF_ENOTFOUND (program or
 * advocate), RF_EDISABLED (archived program), RF_EMISUSE.
 */
RF_EXTERN int rf_outbox_send(rf_message **out, rf_store *store, const char *program,
			     const char *advocate, const char *kind, const char *vars);

/** Flags for rf_outbox_list(). */
enum {
	RF_OUTBOX_ALL = 1u << 0 /**< also delivered and held messages (default: queued only) */
};

/**
 * Messages with id > cursor, oldest first, at most `limit` (1..1000; 0
 * means 100), of one program or (program NULL) all. By default only
 * queued ones; RF_OUTBOX_ALL lists every message. Release with
 * rf_messages_free(). Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_outbox_list(rf_messages **out, rf_store *store, const char *program,
			     int64_t cursor, uint32_t limit, uint32_t flags);

/**
 * Acknowledge delivery of every queued message with id <= through (of
 * every program). `acked` (may be NULL) receives how many changed.
 * Acknowledging again is harmless. Errors: RF_EINVALID, RF_EMISUSE.
 */
RF_EXTERN int rf_outbox_ack(int64_t *acked, rf_store *store, int64_t through);

/** Release a message or a page of messages. NULL is ignored. */
RF_EXTERN void rf_message_free(rf_message *message);
RF_EXTERN void rf_messages_free(rf_messages *messages);

RF_END_DECL
#endif
