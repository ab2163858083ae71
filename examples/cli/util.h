/* Small helpers: checked allocation, strict number parsing, string tests. */
#ifndef CLI_UTIL_H
#define CLI_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Allocation that never returns NULL: on failure the CLI prints one line
 * and exits with status 1 (a library would return RF_ENOMEM instead). */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);

/* Parse a whole decimal integer in [min, max]. Returns 0 or -1. */
int parse_i64(int64_t *out, const char *s, int64_t min, int64_t max);

/* 1 when both strings are equal (NULL equals nothing). */
int str_eq(const char *a, const char *b);

#endif
