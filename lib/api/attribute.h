/* Attribution of one conversion (see attribute.c) and of journeys for
 * replay. */
#ifndef RF_API_ATTRIBUTE_H
#define RF_API_ATTRIBUTE_H

#include "api/api.h"
#include "api/events.h"

typedef struct rf__attribution_input {
	const char *order_id;
	int64_t visitor_id;   /* interned */
	int64_t customer_id;  /* interned, 0: none */
} rf__attribution_input;

/* The credit rows of weight > 0 that attribution wrote (malloc'd; the
 * caller frees `list`). */
typedef struct rf__credits {
	rf__credit *list;
	size_t n;
} rf__credits;

/* Attribute and store conversion `c` (kind, value, currency, at filled in)
 * for program `p`, inside the caller's write transaction. Fills in the
 * rest of `c` and `out` (freed by the caller, also on failure). */
int rf__attribute(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		  rfs_conversion *c, rf__credits *out);

/* What weighting a journey produced. */
typedef struct rf__weighting {
	double *weights;          /* n, summing to 1 (n > 0) */
	char (*notes)[RFS_NOTE_SIZE]; /* n, or NULL when not wanted */
	char parameters[RFS_NOTE_SIZE];
	int fallback;             /* data-driven model without a fit: linear */
} rf__weighting;

/* Weigh a non-empty journey under `rules` (data-driven models read the
 * program's fit). `w->weights` (and `w->notes` when set) hold n entries. */
int rf__weigh(rf_store *s, int64_t program_id, const rf_program_rules *rules,
	      const int32_t *custom, const rfs_journey_touch *touches, size_t n, int64_t at,
	      rf__weighting *w);

/* The journey of a person for a conversion at `at` under `lookback_ms`. */
int rf__journey(rf_store *s, int64_t program_id, int64_t visitor_id, int64_t customer_id,
		int64_t at, int64_t lookback_ms, rfs_journey_touch **touches, size_t *n);

#endif
