/* Rows of the voice tables: segments, testimonials and reference asks.
 * Reads and writes only; the rules live in lib/api/testimonial.c and
 * lib/api/reference.c. */
#ifndef RF_STORE_VOICE_H
#define RF_STORE_VOICE_H

#include "store/engagement.h"
#include "store/scoring.h"

/* Segments: segment NULL deletes; "" read back when none. */
int rfs_segment_set(rf_store *s, int64_t advocate_id, const char *segment);
int rfs_segment_get(rf_store *s, int64_t advocate_id, char out[RF_SEGMENT_BUFSIZE]);

/* Testimonials. */
typedef struct rfs_testimonial {
	int64_t id;
	char program[RFS_ID_SIZE];
	char advocate[RFS_ID_SIZE];
	int32_t kind;
	char display_name[RFS_NAME_SIZE];
	char segment[RF_SEGMENT_BUFSIZE];
	char product[RF_PRODUCT_MAX_LEN + 1];
	char body[RF_TESTIMONIAL_MAX_LEN + 1];
	int32_t rating, publish_consent, status;
	int64_t created_at, decided_at;
} rfs_testimonial;

typedef struct rfs_testimonial_in {
	int64_t program_id, advocate_id;
	const char *product, *segment, *body;
	int32_t rating, publish_consent;
	int64_t at;
} rfs_testimonial_in;

/* A testimonial's filters, bound as TESTIMONIAL_FIND documents. */
typedef struct rfs_testimonial_filter {
	int64_t program_id;
	int32_t status, consented_only;
	const char *product, *segment; /* NULL: any */
	int32_t kind;
	int64_t advocate_id, cursor;
	int32_t min_rating;
	uint32_t limit;
} rfs_testimonial_filter;

int rfs_testimonial_insert(rf_store *s, const rfs_testimonial_in *t, int64_t *id);
/* RF_ENOTFOUND when the program has no testimonial `id`. */
int rfs_testimonial_get(rf_store *s, int64_t program_id, int64_t id, rfs_testimonial *row);
int rfs_testimonial_decide(rf_store *s, int64_t program_id, int64_t id, int32_t status,
			   int64_t at);
int rfs_testimonial_consent(rf_store *s, int64_t program_id, int64_t id, int32_t consent);
/* Matching rows into a malloc'd array. */
int rfs_testimonial_find(rf_store *s, const rfs_testimonial_filter *f, rfs_testimonial **rows,
			 size_t *count);

/* Reference asks. */
typedef struct rfs_reference {
	int64_t id;
	char program[RFS_ID_SIZE];
	char advocate[RFS_ID_SIZE];
	char prospect[RF_PROSPECT_MAX_LEN + 1];
	int32_t outcome;
	int64_t asked_at, accepted_at, closed_at, advocate_id;
} rfs_reference;

/* Asks of the advocate in the program after `since` (exclusive). */
int rfs_reference_recent(rf_store *s, int64_t advocate_id, int64_t program_id, int64_t since,
			 int64_t *count);
int rfs_reference_insert(rf_store *s, int64_t program_id, int64_t advocate_id,
			 const char *prospect, int64_t at, int64_t *id);
/* RF_ENOTFOUND when the program has no ask `id`. */
int rfs_reference_get(rf_store *s, int64_t program_id, int64_t id, rfs_reference *row);
int rfs_reference_close(rf_store *s, int64_t program_id, int64_t id, int32_t outcome,
			int64_t at);

/* A candidate row of REFERENCE_CANDIDATES. */
typedef struct rfs_candidate {
	rfs_score_state state;
	char advocate[RFS_ID_SIZE];
	char display_name[RFS_NAME_SIZE];
	int32_t kind;
	char segment[RF_SEGMENT_BUFSIZE];
	int64_t asks, last_asked_at;
} rfs_candidate;
typedef int (*rfs_candidate_fn)(void *ctx, const rfs_candidate *row);
/* Stream the candidates (by advocate id); a non-RF_OK return stops. */
int rfs_reference_candidates(rf_store *s, int64_t program_id, int32_t kind, const char *segment,
			     int64_t since, rfs_candidate_fn each, void *ctx);

#endif
