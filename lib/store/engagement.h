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

#endif
