/*
 * libreferral — common definitions shared by every public header.
 *
 * Conventions (see README.md and docs/API.md):
 *  - every fallible function returns an int status: RF_OK (0), a positive
 *    informational status (e.g. RF_DUPLICATE), or a negative RF_E* error;
 *  - out parameters come first, then the store handle, then inputs;
 *  - an object returned through `**out` belongs to the caller and is released
 *    with the matching rf_*_free(); on failure `*out` is set to NULL;
 *  - strings are UTF-8, times are int64 milliseconds since the Unix epoch
 *    (UTC), money is int64 minor units plus an ISO 4217 currency code.
 */
#ifndef REFERRAL_COMMON_H
#define REFERRAL_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && defined(RF_SHARED)
#  ifdef RF_BUILDING_LIBRARY
#    define RF_EXTERN __declspec(dllexport)
#  else
#    define RF_EXTERN __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define RF_EXTERN __attribute__((visibility("default")))
#else
#  define RF_EXTERN
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#  define RF_WARN_UNUSED __attribute__((warn_unused_result))
#else
#  define RF_WARN_UNUSED
#endif

#ifdef __cplusplus
#  define RF_BEGIN_DECL extern "C" {
#  define RF_END_DECL }
#else
#  define RF_BEGIN_DECL
#  define RF_END_DECL
#endif

/** Maximum length in bytes of an identifier (program key, external id,
 *  visitor id, order id). Longer input is rejected with RF_EINVALID. */
#define RF_MAX_ID_LEN 255
/** Maximum length in bytes of a display name or program name. */
#define RF_MAX_NAME_LEN 255
/** Maximum length in bytes of a landing URL, email, IP or user agent. */
#define RF_MAX_TEXT_LEN 2048

#endif
