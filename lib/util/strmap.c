/* String -> index map with linear probing and FNV-1a hashing (names here
 * come from the caller's own files: no adversary to resist). */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static int grow(rf_strmap *m)
{
	size_t capacity = m->capacity ? m->capacity * 2 : 64;
	uint32_t *slots = calloc(capacity, sizeof(*slots));
	char **names = realloc(m->names, capacity * sizeof(*names));
	if (slots == NULL || names == NULL) {
		free(slots);
		if (names)
			m->names = names;
		return -1;
	}
	m->names = names;
	for (size_t i = 0; i < m->count; i++) {
		size_t at = fnv1a(names[i], strlen(names[i])) & (capacity - 1);
		while (slots[at])
			at = (at + 1) & (capacity - 1);
		slots[at] = (uint32_t)i + 1;
	}
	free(m->slots);
	m->slots = slots;
	m->capacity = capacity;
	return 0;
}

long rf_strmap_intern(rf_strmap *m, const char *name, size_t n)
{
	if (m->count * 2 >= m->capacity && grow(m) != 0)
		return -1;
	size_t at = fnv1a(name, n) & (m->capacity - 1);
	for (; m->slots[at]; at = (at + 1) & (m->capacity - 1)) {
		const char *have = m->names[m->slots[at] - 1];
		if (strlen(have) == n && memcmp(have, name, n) == 0)
			return (long)m->slots[at] - 1;
	}
	char *copy = malloc(n + 1);
	if (copy == NULL)
		return -1;
	memcpy(copy, name, n);
	copy[n] = '\0';
	m->names[m->count] = copy;
	m->slots[at] = (uint32_t)++m->count;
	return (long)m->count - 1;
}

void rf_strmap_free(rf_strmap *m)
{
	for (size_t i = 0; i < m->count; i++)
		free(m->names[i]);
	free(m->names);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}
