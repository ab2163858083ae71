/* Reading tests/vectors/vectors.json with SQLite's JSON functions. */
#ifndef RF_TEST_VECTORS_H
#define RF_TEST_VECTORS_H

#include <stddef.h>

/* Load the vectors file once; fails the test when it cannot. */
void vectors_load(void);
void vectors_free(void);

/* The text at a JSON path (e.g. "$.codes.crockford_base32.symbols"),
 * malloc'd, or NULL when absent. */
char *vector_text(const char *path);
/* The number at a JSON path (fails the test when absent). */
double vector_number(const char *path);
/* Number of elements of the array or object at a path. */
size_t vector_count(const char *path);
/* Key (for objects) or NULL, and text value of element i of the container
 * at path; both malloc'd. */
void vector_item(const char *path, size_t i, char **key, char **value);

#endif
