/* Statements of the privacy and security area (see sql.h), kept in their
 * own list so that area can grow without touching the others. */
#ifndef RF_STORE_SQL_SECURITY_H
#define RF_STORE_SQL_SECURITY_H

#define RFS_STATEMENTS_SECURITY(X)

#endif
