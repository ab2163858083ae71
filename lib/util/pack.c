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

int rf__pack_one(const void *row, rf_pack_fn fn, void *slot)
{
	rf_pack pk = { 0 };
	fn(&pk, row, slot);
	int rc = rf__pack_alloc(&pk);
	if (rc == RF_OK)
		fn(&pk, row, slot);
	return rc;
}

int rf__pack_list(size_t header_size, const void *rows, size_t row_size, size_t count,
		  rf_pack_fn fn, void **header, void **items)
{
	rf_pack pk = { 0 };
	for (int pass = 0; pass < 2; pass++) {
		*header = rf__pack_reserve(&pk, header_size);
		/* Item pointers are written through their own type by fn. */
		char *slots = rf__pack_reserve(&pk, (count ? count : 1) * sizeof(void *));
		for (size_t i = 0; i < count; i++)
			fn(&pk, (const char *)rows + i * row_size, slots ? slots + i * sizeof(void *) : NULL);
		*items = slots;
		if (pass == 0) {
			int rc = rf__pack_alloc(&pk);
			if (rc != RF_OK)
				return rc;
		}
	}
	return RF_OK;
}

int rf__options_init(void *opts, const void *defaults, const size_t *sizes, unsigned version,
		     unsigned newest, const char *what)
{
	if (opts == NULL)
		return rf__error(RF_EINVALID, "%s is NULL", what);
	int rc = rf__check_version(version, newest, what);
	if (rc != RF_OK)
		return rc;
	/* Every options struct starts with `unsigned version`. */
	memcpy(opts, defaults, sizes[version]);
	memcpy(opts, &version, sizeof(version));
	return RF_OK;
}

void rf__options_read(void *out, const void *defaults, size_t newest_size, const void *in,
		      const size_t *sizes)
{
	unsigned version;
	memcpy(&version, in, sizeof(version));
	memcpy(out, defaults, newest_size);
	memcpy(out, in, sizes[version]);
}
