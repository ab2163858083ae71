/*
 * Row-level access to the tables, in fixed-size structs (every text has a
 * documented maximum length). These functions read and write rows; they do
 * not decide anything: validation and rules live in the api layer.
 */
#ifndef RF_STORE_ROWS_H
#define RF_STORE_ROWS_H

#include "store/db.h"

#define RFS_ID_SIZE (RF_MAX_ID_LEN + 1)
#define RFS_NAME_SIZE (RF_MAX_NAME_LEN + 1)

typedef struct rfs_program {
	int64_t id;
	char key[RFS_ID_SIZE];
	char name[RFS_NAME_SIZE];
	int32_t status;
	int64_t rules_version;
	rf_program_rules rules;  /* custom_weights is NULL here: see custom */
	int32_t custom[RF_CUSTOM_WEIGHTS_MAX];
	int64_t created_at, updated_at;
} rfs_program;

typedef struct rfs_advocate {
	int64_t id;
	char external_id[RFS_ID_SIZE];
	int32_t kind;
	char display_name[RFS_NAME_SIZE];
	int32_t status;
	int32_t has_email;
	int64_t created_at;
	char customer[RFS_ID_SIZE]; /* the host's customer id, "" when none */
	int64_t customer_id, visitor_id; /* interned, 0: none */
} rfs_advocate;

/* Who an advocate is, for the fraud checks: interned ids (0: none) and
 * keyed hashes (NULL: none). */
typedef struct rfs_advocate_identity {
	int64_t customer_id, visitor_id;
	const unsigned char *email_key, *ip_hash, *ua_hash;
} rfs_advocate_identity;

typedef struct rfs_code {
	int64_t id;
	char code[RF_CODE_BUFSIZE];
	char display[RF_CODE_BUFSIZE];
	int64_t program_id, advocate_id;
	int32_t channel, vanity, status;
	int64_t expires_at, max_uses, uses, created_at;
	char program_key[RFS_ID_SIZE];
	int32_t program_status;
	char advocate_ext[RFS_ID_SIZE];
	int32_t advocate_status;
	int64_t duplicate_window_ms; /* the program's current rule */
	int64_t content_id;          /* 0: not bound to a content item */
	char content[RFS_ID_SIZE];   /* its key, filled by the api when shown */
} rfs_code;

/* Programs. Lookups return RF_OK, RF_ENOTFOUND or a database error. */
int rfs_program_insert(rf_store *s, const char *key, const char *name,
		       const rf_program_rules *rules, int64_t now, int64_t *id);
int rfs_rules_insert(rf_store *s, int64_t program_id, int64_t version,
		     const rf_program_rules *rules, int64_t now);
int rfs_program_by_key(rf_store *s, const char *key, rfs_program *row);
int rfs_program_by_id(rf_store *s, int64_t id, rfs_program *row);
int rfs_program_update(rf_store *s, int64_t id, const char *name, int64_t rules_version,
		       int64_t now);
int rfs_program_archive(rf_store *s, int64_t id, int64_t now);
/* All programs (archived too when asked), by key, into a malloc'd array. */
int rfs_program_all(rf_store *s, int include_archived, rfs_program **rows, size_t *count);

/* Advocates. */
int rfs_advocate_insert(rf_store *s, const char *external_id, int32_t kind,
			const char *display_name, const unsigned char *email_hash,
			int64_t now, int64_t *id);
int rfs_advocate_by_ext(rf_store *s, const char *external_id, rfs_advocate *row);
/* Up to `limit` advocates with id > after, by id, into a malloc'd array. */
int rfs_advocate_page(rf_store *s, int64_t after, uint32_t limit, rfs_advocate **rows,
		      size_t *count);
int rfs_advocate_set_status(rf_store *s, int64_t id, int32_t status);
int rfs_advocate_set_identity(rf_store *s, int64_t id, const rfs_advocate_identity *identity);

/* The referral graph: advocate `from` referred advocate `to` when a
 * conversion credited to `from` (weight > 0) carries `to`'s customer id
 * (self-edges left out). program_id 0: every program. Each edge once. */
typedef struct rfs_edge {
	int64_t from, to;
} rfs_edge;
typedef int (*rfs_edge_fn)(void *ctx, const rfs_edge *edge);
/* Stream every edge (ordered by from, to); a non-RF_OK return stops. */
int rfs_referral_edges(rf_store *s, int64_t program_id, rfs_edge_fn each, void *ctx);
/* The advocates `from` referred, by id, into a malloc'd array. */
int rfs_referral_edges_from(rf_store *s, int64_t program_id, int64_t from, int64_t **to,
			    size_t *count);

/* Codes. */
int rfs_code_exists(rf_store *s, const char *code, int *exists);
int rfs_code_insert(rf_store *s, const char *code, const char *display, int64_t program_id,
		    int64_t advocate_id, int32_t channel, int32_t vanity, int64_t expires_at,
		    int64_t max_uses, int64_t now, int64_t *id);
int rfs_code_by_text(rf_store *s, const char *code, rfs_code *row);
/* The code cache (codecache.c): 1 and the row when cached and current. */
int rfs_code_cached(rf_store *s, const char *code, rfs_code *row);
void rfs_code_remember(rf_store *s, const rfs_code *row);
void rfs_code_cache_free(rf_store *s);
/* An advocate's codes (program_id 0: every program) into a malloc'd array. */
int rfs_code_list(rf_store *s, int64_t advocate_id, int64_t program_id, rfs_code **rows,
		  size_t *count);
int rfs_code_set_status(rf_store *s, int64_t id, int32_t status);
int rfs_code_add_use(rf_store *s, int64_t id);

/* Visitors and customers: find (create = 0) or find-or-create (create =
 * 1) the interned id of a host id. Without create, a missing one gives 0. */
int rfs_visitor_intern(rf_store *s, const char *ext, int create, int64_t *id);
int rfs_customer_intern(rf_store *s, const char *ext, int create, int64_t *id);

/* Touchpoints. */
typedef struct rfs_touch {
	int64_t code_id, visitor_id;
	int32_t kind;
	int64_t at;
	int32_t duplicate, direct;
	const char *landing_url;
	const unsigned char *ip_hash, *ua_hash; /* RF_HASH_BYTES or NULL */
} rfs_touch;

/* Is there a counted touch of this visitor on this code in (from, to)? */
int rfs_touch_recent(rf_store *s, int64_t visitor_id, int64_t code_id, int64_t from,
		     int64_t to, int *found);
int rfs_touch_insert(rf_store *s, const rfs_touch *t, int64_t *id);

/* Conversions and their credit. */
#define RFS_NOTE_SIZE 256

typedef struct rfs_conversion {
	int64_t id;
	int64_t program_id;
	char program_key[RFS_ID_SIZE];
	char order_id[RFS_ID_SIZE];
	char visitor[RFS_ID_SIZE];
	int32_t kind;
	int64_t value_minor;
	char currency[4];
	int64_t at;
	int32_t attributed, model;
	int64_t rules_version, lookback_ms;
	char summary[RFS_NOTE_SIZE];
	char customer[RFS_ID_SIZE];       /* "" when none */
	char follows_order[RFS_ID_SIZE];  /* "" when none */
	int64_t refunded_minor;
	char parameters[RFS_NOTE_SIZE];
	/* Written only: */
	int64_t customer_id, follows_id;
} rfs_conversion;

/* A touchpoint of a journey. */
typedef struct rfs_journey_touch {
	int64_t touchpoint_id, at;
	int32_t kind;
	int64_t code_id, advocate_id;
	int32_t channel;
	int32_t direct;
} rfs_journey_touch;

/* A credit row as written. */
typedef struct rfs_credit_in {
	int64_t touchpoint_id; /* 0: none */
	int64_t code_id, advocate_id;
	int32_t channel;
	double weight;
	int64_t value_minor;
	const char *note;
} rfs_credit_in;

/* A credit row as read back, with names. */
typedef struct rfs_credit_out {
	int64_t touchpoint_id;
	char code[RF_CODE_BUFSIZE];
	char advocate[RFS_ID_SIZE];
	int32_t channel, kind;
	int64_t at;
	double weight;
	int64_t value_minor;
	int64_t refunded_minor;
	char note[RFS_NOTE_SIZE];
} rfs_credit_out;

int rfs_conversion_by_order(rf_store *s, int64_t program_id, const char *order_id,
			    rfs_conversion *row);
int rfs_conversion_insert(rf_store *s, int64_t program_id, const char *order_id,
			  int64_t visitor_id, const rfs_conversion *c, int64_t *id);
int rfs_credit_insert(rf_store *s, int64_t conversion_id, int seq, const rfs_credit_in *c);
/* The visitor's counted touchpoints on the program's codes in [from, to],
 * oldest first, into a malloc'd array. */
int rfs_journey(rf_store *s, int64_t visitor_id, int64_t customer_id, int64_t program_id,
		int64_t from, int64_t to, rfs_journey_touch **rows, size_t *count);
/* The first credit ever given for this visitor (or customer) in this program. */
int rfs_first_referrer(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		       int *found, rfs_journey_touch *touch, char *order_id, size_t order_size);
/* The first attributed conversion of `kind` by this visitor or customer:
 * *id 0 when none. */
int rfs_first_of_kind(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		      int32_t kind, int64_t *id, int64_t *at, char *order_id, size_t order_size);
/* A conversion's credited rows (weight > 0) as journey touches with their
 * weights, in seq order, into malloc'd arrays. */
int rfs_credit_rows(rf_store *s, int64_t conversion_id, rfs_journey_touch **rows,
		    double **weights, size_t *count);
/* Credited shares per code (largest first), or every credit row in
 * journey order (explained = 1), into a malloc'd array. */
int rfs_credits(rf_store *s, int64_t conversion_id, int explained, rfs_credit_out **rows,
		size_t *count);

/* Statistics over [from, to) for a program, or one advocate in it
 * (advocate_id 0: the whole program). */
typedef struct rfs_stats {
	int64_t touchpoints, unique_touchpoints, unique_visitors;
	int64_t conversions, attributed_conversions;
	double credited_conversions;
} rfs_stats;

typedef struct rfs_money {
	char currency[4];
	int64_t value_minor;
} rfs_money;

int rfs_stats_counts(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t from, int64_t to,
	      rfs_stats *out);
/* Attributed value per currency into a malloc'd array. */
int rfs_stats_values(rf_store *s, int64_t program_id, int64_t advocate_id, int64_t from,
		     int64_t to, rfs_money **rows, size_t *count);

/* Refunds. */
int rfs_refund_find(rf_store *s, int64_t conversion_id, const char *key, int *found,
		    int64_t *amount);
int rfs_refund_insert(rf_store *s, int64_t conversion_id, const char *key, int64_t amount,
		      int64_t at, int64_t *id);
/* Credited rows still holding value: seq and value left, into malloc'd arrays. */
int rfs_credit_remaining(rf_store *s, int64_t conversion_id, int64_t **seqs, int64_t **left,
			 size_t *count);
int rfs_refund_credit_insert(rf_store *s, int64_t refund_id, int64_t conversion_id, int64_t seq,
			     int64_t value);
int rfs_conversion_add_refund(rf_store *s, int64_t conversion_id, int64_t amount);

/* Identities: the customer a visitor is tied to (0: none), and tying. */
int rfs_identity_get(rf_store *s, int64_t visitor_id, int64_t *customer_id);
int rfs_identity_insert(rf_store *s, int64_t visitor_id, int64_t customer_id, int64_t at);

/* Fitted models. */
int rfs_fit_value(rf_store *s, int64_t program_id, int32_t model, int64_t advocate_id,
		  int *found, double *value);
int rfs_fit_exists(rf_store *s, int64_t program_id, int32_t model, int64_t *fitted_at);

/* Fitting: the program's advocates (sorted ids), its journeys streamed
 * in (visitor, time) order, and a visitor's first conversion time. */
int rfs_program_advocates(rf_store *s, int64_t program_id, int64_t **ids, size_t *count);
typedef int (*rfs_journey_step_fn)(void *ctx, int64_t visitor_id, int64_t at, int64_t advocate_id);
int rfs_fit_journeys(rf_store *s, int64_t program_id, rfs_journey_step_fn step, void *ctx);
int rfs_first_conversion_at(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t *at);
int rfs_fit_store(rf_store *s, int64_t program_id, int32_t model, const int64_t *advocates,
		  const double *values, size_t count, int64_t now);
int rfs_advocate_ext(rf_store *s, int64_t id, char *out, size_t size);

/* Replay. */
typedef struct rfs_replay_conversion {
	int64_t id, visitor_id, customer_id;
	int32_t kind;
	int64_t value_minor;
	char currency[4];
	int64_t at, follows_id;
} rfs_replay_conversion;
typedef int (*rfs_replay_fn)(void *ctx, const rfs_replay_conversion *c);
int rfs_replay_conversions(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			   rfs_replay_fn each, void *ctx);
/* The largest advocate row id (0: none): advocate-ordered passes report
 * their progress against it. */
int rfs_advocate_max_id(rf_store *s, int64_t *id);
/* How many conversions rfs_replay_conversions would visit. */
int rfs_replay_count(rf_store *s, int64_t program_id, int64_t from, int64_t to, int64_t *count);
int rfs_conversion_by_id(rf_store *s, int64_t id, rfs_replay_conversion *c);
int rfs_first_conversion_of_person(rf_store *s, int64_t program_id, int64_t visitor_id,
				   int64_t customer_id, int64_t *id);
typedef struct rfs_stored_credit {
	int64_t advocate_id;
	char advocate[RFS_ID_SIZE];
	int32_t channel;
	double weight;
	int64_t value_minor;
} rfs_stored_credit;
int rfs_stored_credits(rf_store *s, int64_t conversion_id, rfs_stored_credit **rows,
		       size_t *count);
/* A plain read transaction (BEGIN DEFERRED) for consistent multi-query reads. */
int rfs_begin_read(rf_store *s);

#endif
