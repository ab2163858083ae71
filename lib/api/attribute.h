/* Attribution of one conversion (see attribute.c). */
#ifndef RF_API_ATTRIBUTE_H
#define RF_API_ATTRIBUTE_H

#include "api/api.h"

typedef struct rf__attribution_input {
	const char *order_id;
	int64_t visitor_id;   /* interned */
} rf__attribution_input;

/* Attribute and store conversion `c` (kind, value, currency, at filled in)
 * for program `p`, inside the caller's write transaction. Fills in the
 * rest of `c`. */
int rf__attribute(rf_store *s, const rfs_program *p, const rf__attribution_input *in,
		  rfs_conversion *c);

#endif
