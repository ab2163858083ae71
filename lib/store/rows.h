/*
 * Row-level access to the tables, in fixed-size structs (every text has a
 * documented maximum length). These functions read and write rows; they do
 * not decide anything: validation and rules live in the api layer.
 */
#ifndef RF_STORE_ROWS_H
#define RF_STORE_ROWS_H

#include "store/db.h"

#define RFS_ID_SIZE (RF_MAX_ID_LEN + 1)
#define RFS_NAME_SIZE (RF_MAX_NAME_LEN + 1)

typedef struct rfs_program {
	int64_t id;
	char key[RFS_ID_SIZE];
	char name[RFS_NAME_SIZE];
	int32_t status;
	int64_t rules_version;
	rf_program_rules rules;
	int64_t created_at, updated_at;
} rfs_program;

typedef struct rfs_advocate {
	int64_t id;
	char external_id[RFS_ID_SIZE];
	int32_t kind;
	char display_name[RFS_NAME_SIZE];
	int32_t status;
	int32_t has_email;
	int64_t created_at;
} rfs_advocate;

typedef struct rfs_code {
	int64_t id;
	char code[RF_CODE_BUFSIZE];
	char display[RF_CODE_BUFSIZE];
	int64_t program_id, advocate_id;
	int32_t channel, vanity, status;
	int64_t expires_at, max_uses, uses, created_at;
	char program_key[RFS_ID_SIZE];
	int32_t program_status;
	char advocate_ext[RFS_ID_SIZE];
	int32_t advocate_status;
	int64_t duplicate_window_ms; /* the program's current rule */
} rfs_code;

/* Programs. Lookups return RF_OK, RF_ENOTFOUND or a database error. */
int rfs_program_insert(rf_store *s, const char *key, const char *name,
		       const rf_program_rules *rules, int64_t now, int64_t *id);
int rfs_rules_insert(rf_store *s, int64_t program_id, int64_t version,
		     const rf_program_rules *rules, int64_t now);
int rfs_program_by_key(rf_store *s, const char *key, rfs_program *row);
int rfs_program_by_id(rf_store *s, int64_t id, rfs_program *row);
int rfs_program_update(rf_store *s, int64_t id, const char *name, int64_t rules_version,
		       int64_t now);
int rfs_program_archive(rf_store *s, int64_t id, int64_t now);
/* All programs (archived too when asked), by key, into a malloc'd array. */
int rfs_program_all(rf_store *s, int include_archived, rfs_program **rows, size_t *count);

/* Advocates. */
int rfs_advocate_insert(rf_store *s, const char *external_id, int32_t kind,
			const char *display_name, const unsigned char *email_hash,
			int64_t now, int64_t *id);
int rfs_advocate_by_ext(rf_store *s, const char *external_id, rfs_advocate *row);
/* Up to `limit` advocates with id > after, by id, into a malloc'd array. */
int rfs_advocate_page(rf_store *s, int64_t after, uint32_t limit, rfs_advocate **rows,
		      size_t *count);
int rfs_advocate_set_status(rf_store *s, int64_t id, int32_t status);

/* Codes. */
int rfs_code_exists(rf_store *s, const char *code, int *exists);
int rfs_code_insert(rf_store *s, const char *code, const char *display, int64_t program_id,
		    int64_t advocate_id, int32_t channel, int32_t vanity, int64_t expires_at,
		    int64_t max_uses, int64_t now, int64_t *id);
int rfs_code_by_text(rf_store *s, const char *code, rfs_code *row);
int rfs_code_set_status(rf_store *s, int64_t id, int32_t status);
int rfs_code_add_use(rf_store *s, int64_t id);

/* Visitors: find (create = 0) or find-or-create (create = 1) the interned
 * id of a host visitor id. Without create, a missing visitor gives 0. */
int rfs_visitor_intern(rf_store *s, const char *ext, int create, int64_t *id);

/* Touchpoints. */
typedef struct rfs_touch {
	int64_t code_id, visitor_id;
	int32_t kind;
	int64_t at;
	int32_t duplicate;
	const char *landing_url;
	const unsigned char *ip_hash, *ua_hash; /* RF_HASH_BYTES or NULL */
} rfs_touch;

/* Is there a counted touch of this visitor on this code in (from, to)? */
int rfs_touch_recent(rf_store *s, int64_t visitor_id, int64_t code_id, int64_t from,
		     int64_t to, int *found);
int rfs_touch_insert(rf_store *s, const rfs_touch *t, int64_t *id);

#endif
