/*
 * Entry points of areas that have not landed yet: each does nothing. An
 * area that lands deletes its functions from this file and defines them
 * in its own; when this file is empty it goes.
 */
#include "api/events.h"

int rf__notify(rf_store *s, int64_t program_id, int64_t advocate_id, const char *kind,
	       const char *vars, int64_t at)
{
	(void)s;
	(void)program_id;
	(void)advocate_id;
	(void)kind;
	(void)vars;
	(void)at;
	return RF_OK;
}
