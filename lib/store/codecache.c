/*
 * A small direct-mapped cache of code rows (with their program and
 * advocate), because resolution is the hottest read: clicks are skewed to
 * few codes. An entry is trusted only while nothing could have changed it:
 * no other connection committed (SQLite's data version) and this handle
 * made no write to codes, programs or advocates (our generation).
 */
#include "store/rows.h"

#define SLOTS 512

typedef struct slot {
	int used;
	rfs_code row;
} slot;

struct rfs_code_cache {
	unsigned data_version;
	uint64_t generation;
	slot slots[SLOTS];
};

void rfs_codes_changed(rf_store *s)
{
	s->generation++;
}

static size_t slot_of(const char *code)
{
	size_t h = 5381;
	for (; *code; code++)
		h = h * 33 + (unsigned char)*code;
	return h % SLOTS;
}

/* Empty the cache when the database may have changed under it. */
static void validate(rf_store *s, struct rfs_code_cache *c)
{
	unsigned version = 0;
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_DATA_VERSION, &version);
	if (version != c->data_version || s->generation != c->generation) {
		for (size_t i = 0; i < SLOTS; i++)
			c->slots[i].used = 0;
		c->data_version = version;
		c->generation = s->generation;
	}
}

int rfs_code_cached(rf_store *s, const char *code, rfs_code *row)
{
	if (s->codes == NULL && (s->codes = calloc(1, sizeof(*s->codes))) == NULL)
		return 0;
	validate(s, s->codes);
	slot *e = &s->codes->slots[slot_of(code)];
	if (!e->used || strcmp(e->row.code, code) != 0)
		return 0;
	*row = e->row;
	return 1;
}

void rfs_code_remember(rf_store *s, const rfs_code *row)
{
	if (s->codes == NULL)
		return;
	validate(s, s->codes);
	slot *e = &s->codes->slots[slot_of(row->code)];
	e->used = 1;
	e->row = *row;
}

void rfs_code_cache_free(rf_store *s)
{
	free(s->codes);
	s->codes = NULL;
}
