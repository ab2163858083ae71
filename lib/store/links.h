/* Rows of the link_key table (signed links). */
#ifndef RF_STORE_LINKS_H
#define RF_STORE_LINKS_H

#include "store/db.h"

typedef struct rfs_link_key {
	int64_t id;
	unsigned char secret[RF_SECRET_BYTES]; /* zero in listings */
	int64_t created_at, retired_at;        /* retired_at 0 while active */
} rfs_link_key;

int rfs_link_key_insert(rf_store *s, const unsigned char secret[RF_SECRET_BYTES], int64_t now,
			int64_t *id);
/* RF_OK or RF_ENOTFOUND (no such key / no active key). */
int rfs_link_key_get(rf_store *s, int64_t id, rfs_link_key *row);
int rfs_link_key_newest(rf_store *s, rfs_link_key *row);
/* Sets *changed to 1 when an active key was retired now. */
int rfs_link_key_retire(rf_store *s, int64_t id, int64_t now, int *changed);
/* Every key (secrets left zero), oldest first, into a malloc'd array. */
int rfs_link_key_all(rf_store *s, rfs_link_key **rows, size_t *count);

#endif
