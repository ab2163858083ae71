/* Statements of the privacy and security area (see sql.h), kept in their
 * own list so that area can grow without touching the others. */
#ifndef RF_STORE_SQL_SECURITY_H
#define RF_STORE_SQL_SECURITY_H

#define RFS_STATEMENTS_SECURITY(X)                                                         \
	X(LINK_KEY_INSERT, "INSERT INTO link_key(secret, created_at) VALUES(?1, ?2)")      \
	X(LINK_KEY_GET, "SELECT id, secret, created_at, coalesce(retired_at, 0)"           \
			" FROM link_key WHERE id = ?1")                                    \
	X(LINK_KEY_NEWEST, "SELECT id, secret, created_at, 0 FROM link_key"                \
			   " WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1")           \
	X(LINK_KEY_RETIRE, "UPDATE link_key SET retired_at = ?2"                           \
			   " WHERE id = ?1 AND retired_at IS NULL")                        \
	X(LINK_KEY_ALL, "SELECT id, zeroblob(0), created_at, coalesce(retired_at, 0)"      \
			" FROM link_key ORDER BY id")

#endif
