/* Statements of the reports and exports area (see sql.h), kept in their
 * own list so that area can grow without touching the others. */
#ifndef RF_STORE_SQL_REPORTS_H
#define RF_STORE_SQL_REPORTS_H

#define RFS_STATEMENTS_REPORTS(X)

#endif
