/* libreferral — version of the headers and of the linked library. */
#ifndef REFERRAL_VERSION_H
#define REFERRAL_VERSION_H

#include "common.h"

#define RF_VERSION_MAJOR 0
#define RF_VERSION_MINOR 1
#define RF_VERSION_PATCH 0
#define RF_VERSION_STRING "0.1.0"
/** MAJOR * 1000000 + MINOR * 1000 + PATCH, comparable with `>=`. */
#define RF_VERSION_NUMBER \
	(RF_VERSION_MAJOR * 1000000 + RF_VERSION_MINOR * 1000 + RF_VERSION_PATCH)

RF_BEGIN_DECL

/**
 * Version of the library actually linked, which may differ from the headers.
 * Any of the pointers may be NULL. Returns RF_VERSION_NUMBER of the library.
 */
RF_EXTERN int rf_version(int *major, int *minor, int *patch);

/** The linked library's version as "MAJOR.MINOR.PATCH"; static, never NULL. */
RF_EXTERN const char *rf_version_string(void);

RF_END_DECL
#endif
