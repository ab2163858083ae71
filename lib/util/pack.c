/* Packed result objects: one malloc per returned object (see internal.h). */
#include "internal.h"

#include <stdalign.h>

void *rf__pack_reserve(rf_pack *p, size_t size)
{
	size_t align = alignof(max_align_t);
	size_t at = (p->used + align - 1) & ~(align - 1);
	p->used = at + size;
	if (p->base == NULL)
		return NULL;
	memset(p->base + at, 0, size);
	return p->base + at;
}

const char *rf__pack_str(rf_pack *p, const char *s)
{
	if (s == NULL)
		s = "";
	size_t n = strlen(s) + 1;
	size_t at = p->used;
	p->used += n;
	if (p->base == NULL)
		return NULL;
	memcpy(p->base + at, s, n);
	return p->base + at;
}

int rf__pack_alloc(rf_pack *p)
{
	p->size = p->used;
	p->used = 0;
	p->base = malloc(p->size ? p->size : 1);
	if (p->base == NULL)
		return rf__error(RF_ENOMEM, "out of memory allocating %zu bytes", p->size);
	return RF_OK;
}
