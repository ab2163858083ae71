/* A small string -> index map (open addressing), for naming channels. */
#ifndef RF_UTIL_STRMAP_H
#define RF_UTIL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct rf_strmap {
	char **names;      /* by index, owned */
	size_t count;
	uint32_t *slots;   /* index + 1, 0 = empty */
	size_t capacity;   /* power of two */
} rf_strmap;

/* The index of `name` (length n), adding it when new. Returns -1 when out
 * of memory. */
long rf_strmap_intern(rf_strmap *m, const char *name, size_t n);
void rf_strmap_free(rf_strmap *m);

#endif
