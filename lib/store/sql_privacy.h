/* Statements of the privacy area (see sql.h): hash keys, privacy
 * policies, retention, erasure and export, in their own list. */
#ifndef RF_STORE_SQL_PRIVACY_H
#define RF_STORE_SQL_PRIVACY_H

/* Touches purged by retention, counted per code and UTC day (touch_daily):
 * `col` is touches or unique_touches; ?1 program, ?2..?3 the period, and
 * `extra` narrows the codes (c2). */
#define RFS_PURGED_TOUCHES(col, extra)                                                      \
	"coalesce((SELECT sum(d." col ") FROM code c2 JOIN touch_daily d ON d.code_id = c2.id" \
	" WHERE c2.program_id = ?1 AND d.day >= ?2 AND d.day < ?3" extra "), 0)"

/* A program's touchpoints before the cutoff: ?1 program, ?2 cutoff. */
#define RFS_TOUCHES_BEFORE                                                                  \
	"SELECT t.id FROM code c JOIN touchpoint t INDEXED BY touchpoint_code ON t.code_id = c.id" \
	" WHERE c.program_id = ?1 AND t.at < ?2"

#define RFS_STATEMENTS_PRIVACY(X)                                                          \
	/* Hash keys: ?1 now. Live keys, newest (the current one) first. */        \
	X(HASH_KEYS_LIVE, "SELECT id, secret, coalesce(expires_at, 0) FROM hash_key"       \
			  " WHERE secret IS NOT NULL AND (expires_at IS NULL OR expires_at > ?1)" \
			  " ORDER BY id DESC")                                             \
	X(HASH_KEY_INSERT, "INSERT INTO hash_key(secret, created_at) VALUES(?1, ?2)")      \
	/* ?1 now, ?2 expiry of the key that was current. */                        \
	X(HASH_KEY_RETIRE, "UPDATE hash_key SET retired_at = ?1, expires_at = ?2"          \
			   " WHERE retired_at IS NULL")                                    \
	X(HASH_KEY_DESTROY, "UPDATE hash_key SET secret = NULL"                            \
			    " WHERE secret IS NOT NULL AND expires_at <= ?1")              \
	/* Key 1 is the store secret's BLAKE2b key; its second half also keys  \
	 * the id interning, which must stay: keep only that half. */          \
	X(HASH_KEY_FORGET_FIRST, "UPDATE meta SET value = zeroblob(16) || substr(value, 17)" \
				 " WHERE key = 'secret' AND length(value) = 32"            \
				 " AND substr(value, 1, 16) != zeroblob(16)"               \
				 " AND EXISTS(SELECT 1 FROM hash_key WHERE id = 1 AND secret IS NULL)") \
	X(HASH_KEY_ALL, "SELECT id, created_at, coalesce(retired_at, 0), coalesce(expires_at, 0)," \
			" secret IS NOT NULL AND (expires_at IS NULL OR expires_at > ?1), secret IS NULL" \
			" FROM hash_key ORDER BY id")                                      \
	/* Lookups by hash: ?1..?4 the value hashed under each live key. */        \
	X(ADVOCATE_BY_EMAIL, "SELECT external_id FROM advocate INDEXED BY advocate_email"  \
			     " WHERE email_hash IN (?1, ?2, ?3, ?4) ORDER BY id LIMIT 1")  \
	X(ADVOCATE_SET_EMAIL, "UPDATE advocate SET email_hash = ?2 WHERE id = ?1")         \
	/* Privacy policies: ?1 program id. */                                     \
	X(POLICY_CURRENT, "SELECT version, ip_truncate, retention_ms, created_at"          \
			  " FROM privacy_policy WHERE program_id = ?1 ORDER BY version DESC LIMIT 1") \
	X(POLICY_INSERT, "INSERT INTO privacy_policy(program_id, version, ip_truncate, retention_ms," \
			 " created_at) VALUES(?1, ?2, ?3, ?4, ?5)")                       \
	/* Retention, one step per table, each with ?1 program, ?2 cutoff. */       \
	X(RETAIN_COUNT_DAYS, "INSERT INTO touch_daily(code_id, day, touches, unique_touches)" \
			     " SELECT t.code_id, t.at - t.at % 86400000, count(*), sum(t.duplicate = 0)" \
			     " FROM code c JOIN touchpoint t INDEXED BY touchpoint_code ON t.code_id = c.id" \
			     " WHERE c.program_id = ?1 AND t.at < ?2 GROUP BY 1, 2"         \
			     " ON CONFLICT(code_id, day) DO UPDATE SET touches = touches + excluded.touches," \
			     " unique_touches = unique_touches + excluded.unique_touches")   \
	X(RETAIN_UNLINK_CREDITS, "UPDATE credit SET touchpoint_id = NULL WHERE touchpoint_id IN (" \
				 RFS_TOUCHES_BEFORE ")")                                   \
	X(RETAIN_DELETE_TOUCHES, "DELETE FROM touchpoint WHERE id IN (" RFS_TOUCHES_BEFORE ")")

#endif
