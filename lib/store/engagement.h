/* Rows of the engagement tables: consent, configuration, outbox, content,
 * stages, segments, testimonials and reference asks. Reads and writes
 * only; the rules live in lib/core/engagement.c and lib/api. */
#ifndef RF_STORE_ENGAGEMENT_H
#define RF_STORE_ENGAGEMENT_H

#include "store/rows.h"

/*
 * Statement helpers: bind parameters 1.. from `types` ('i' int64_t,
 * 't' const char * (NULL binds NULL)) then run the cached statement.
 */
int rfs_q_exec(rf_store *s, rfs_stmt_id id, const char *doing, const char *types, ...);
/* The first row's column 0 as an integer; *found 0 (and *value 0) when no row. */
int rfs_q_int(rf_store *s, rfs_stmt_id id, int64_t *value, int *found, const char *doing,
	      const char *types, ...);
/* The first row read with `read` into `row`; *found 0 when no row. */
int rfs_q_one(rf_store *s, rfs_stmt_id id, rfs_read_fn read, void *row, int *found,
	      const char *doing, const char *types, ...);
/* Every row read with `read` into a malloc'd array. */
int rfs_q_rows(rf_store *s, rfs_stmt_id id, rfs_read_fn read, size_t elem, void **rows,
	       size_t *count, const char *doing, const char *types, ...);
/* The rowid of the last insert. */
int64_t rfs_last_id(rf_store *s);

/* Consent. */
typedef struct rfs_consent {
	int32_t tracking, messages;
	int64_t tracking_at, messages_at;
} rfs_consent;

typedef struct rfs_consent_change {
	int32_t purpose, granted;
	char source[RFS_NAME_SIZE];
	int64_t at;
} rfs_consent_change;

int rfs_consent_set(rf_store *s, int64_t advocate_id, int32_t purpose, int32_t granted,
		    const char *source, int64_t at);
/* An advocate's consent (all zero when never asked). */
int rfs_consent_get(rf_store *s, int64_t advocate_id, rfs_consent *out);
int rfs_consent_history(rf_store *s, int64_t advocate_id, rfs_consent_change **rows,
			size_t *count);

/* Configuration: the newest stored version (*version 0 and `cfg`
 * untouched when the program was never configured). */
int rfs_eng_config_current(rf_store *s, int64_t program_id, rf_engagement_config *cfg,
			   int64_t *version);
int rfs_eng_config_insert(rf_store *s, int64_t program_id, int64_t version,
			  const rf_engagement_config *cfg, int64_t now);

/* Templates: body NULL deletes; *found 0 when none. */
int rfs_template_set(rf_store *s, int64_t program_id, const char *kind, const char *body,
		     int64_t now);
int rfs_template_get(rf_store *s, int64_t program_id, const char *kind,
		     char body[RF_TEMPLATE_MAX_LEN + 1], int *found);

/* An advocate by id: *found 0 when missing. */
int rfs_eng_advocate(rf_store *s, int64_t id, rfs_advocate *row, int *found);

/* A JSON text's members: *ok 0 when it is not an object. */
#define RFS_VAR_KEY_SIZE 65
#define RFS_VAR_VALUE_SIZE 1025
typedef struct rfs_var {
	char key[RFS_VAR_KEY_SIZE];
	char value[RFS_VAR_VALUE_SIZE];
	int64_t key_len, value_len; /* as stored, to reject what did not fit */
} rfs_var;
int rfs_json_object_ok(rf_store *s, const char *json, int *ok);
int rfs_json_vars(rf_store *s, const char *json, rfs_var **rows, size_t *count);

/* Outbox. */
typedef struct rfs_message {
	int64_t id;
	char program[RFS_ID_SIZE];
	char advocate[RFS_ID_SIZE];
	char kind[RFS_VAR_KEY_SIZE];
	char body[RF_MESSAGE_MAX_LEN + 1];
	int32_t status;
	char reason[32];
	int64_t event_at, queued_at, acked_at, config_version;
} rfs_message;

typedef struct rfs_message_in {
	int64_t program_id, advocate_id;
	const char *kind, *body, *reason;
	int32_t status;
	int64_t event_at, queued_at, config_version;
} rfs_message_in;

/* Messages queued or delivered for the advocate in the program after `since`. */
int rfs_outbox_recent(rf_store *s, int64_t advocate_id, int64_t program_id, int64_t since,
		      int64_t *count);
int rfs_outbox_insert(rf_store *s, const rfs_message_in *m, int64_t *id);
int rfs_outbox_get(rf_store *s, int64_t id, rfs_message *row);
/* Up to `limit` messages with id > cursor (program 0: all), pending only
 * unless `all`, into a malloc'd array. */
int rfs_outbox_page(rf_store *s, int64_t program_id, int64_t cursor, uint32_t limit, int all,
		    rfs_message **rows, size_t *count);
int rfs_outbox_ack(rf_store *s, int64_t through, int64_t now, int64_t *changed);

/* Stages: one advocate's row in a program. */
typedef struct rfs_stage {
	int32_t stage; /* 0: placed, not yet evaluated */
	int64_t activities, last_activity_at, referrals, last_referral_at;
	int64_t since, config_version;
	int64_t advocate_id;
} rfs_stage;

typedef struct rfs_stage_change {
	int32_t stage, previous;
	int64_t at, config_version;
} rfs_stage_change;

/* Count the event only when it cannot change the stage (see
 * STAGE_COUNT_ONLY; champion_min: the configuration's threshold);
 * *counted 0 when the stage must be evaluated. */
int rfs_stage_count_only(rf_store *s, int64_t program_id, int64_t advocate_id,
			 int64_t activities, int64_t act_at, int64_t referrals, int64_t ref_at,
			 int64_t champion_min, int *counted);
/* Write a whole row (insert: a new one); the history is the caller's. */
int rfs_stage_put(rf_store *s, int64_t program_id, const rfs_stage *row, int insert);
/* Record a change of stage. */
int rfs_stage_change_add(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
			 int32_t previous, int64_t at, int64_t config_version);
/* Move to `stage` at `at`, recording the change from `previous`. */
int rfs_stage_set(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
		  int32_t previous, int64_t at, int64_t config_version);
/* *found 0 (and a zeroed row) when the advocate has no stage. */
int rfs_stage_get(rf_store *s, int64_t program_id, int64_t advocate_id, rfs_stage *row,
		  int *found);
int rfs_stage_history(rf_store *s, int64_t program_id, int64_t advocate_id,
		      rfs_stage_change **rows, size_t *count);
/* counts[stage] for stages 1..5 (counts[0]: rows not yet evaluated);
 * *unplaced: advocates with a code and no stage. */
int rfs_stage_counts(rf_store *s, int64_t program_id, int64_t counts[6], int64_t *unplaced);
/* Up to `limit` rows with advocate_id > after, by advocate id. */
int rfs_stage_page(rf_store *s, int64_t program_id, int64_t after, uint32_t limit,
		   rfs_stage **rows, size_t *count);

/* Content library. */
#define RFS_TIER_NAME_SIZE 33
typedef struct rfs_content {
	int64_t id, program_id;
	char key[RFS_ID_SIZE];
	char title[RFS_NAME_SIZE];
	char url[RF_MAX_TEXT_LEN + 1];
	int32_t kind;
	int64_t stages;
	char tier[RFS_TIER_NAME_SIZE];
	int32_t status;
	int64_t created_at;
	char program_key[RFS_ID_SIZE];
} rfs_content;

int rfs_content_insert(rf_store *s, const rfs_content *row, int64_t *id);
/* Title, URL, kind, stages, tier and status of row->id. */
int rfs_content_update(rf_store *s, const rfs_content *row);
/* *found 0 when missing. */
int rfs_content_by_key(rf_store *s, int64_t program_id, const char *key, rfs_content *row,
		       int *found);
int rfs_content_by_id(rf_store *s, int64_t id, rfs_content *row, int *found);
/* A program's items, newest first: archived too when `all`; only those
 * targeting one of `stages` (0: any). */
int rfs_content_list(rf_store *s, int64_t program_id, int all, int64_t stages,
		     rfs_content **rows, size_t *count);
/* Bind a code to an item; the key of a code's item ("" when none). */
int rfs_code_set_content(rf_store *s, int64_t code_id, int64_t content_id);
int rfs_code_content_key(rf_store *s, int64_t code_id, char key[RFS_ID_SIZE]);

/* Content performance (see rf_content_performance()). */
typedef struct rfs_content_stat {
	char key[RFS_ID_SIZE];
	char title[RFS_NAME_SIZE];
	int32_t kind, status;
	int64_t codes, clicks, visitors, conversions, value;
} rfs_content_stat;
/* The distinct currencies (at most 3, sorted) of conversions in [from, to)
 * crediting codes bound to the program's items. */
int rfs_content_currencies(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			   char currencies[3][4], size_t *count);
/* One row per item, best first; top 0: all. */
int rfs_content_performance(rf_store *s, int64_t program_id, int64_t from, int64_t to,
			    const char *currency, uint32_t top, rfs_content_stat **rows,
			    size_t *count);

/* The JSON object of message variables naming an item (title, url, key);
 * *json is malloc'd. */
int rfs_content_vars(rf_store *s, const rfs_content *row, char **json);

#endif
