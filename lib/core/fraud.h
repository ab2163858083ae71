/*
 * Pure fraud checks: email normalisation, and (fraud.c) the signals and
 * the decision over facts the api layer gathered. No I/O.
 */
#ifndef RF_CORE_FRAUD_H
#define RF_CORE_FRAUD_H

#include <stddef.h>
#include <stdint.h>

/*
 * Normalise an email so that one mailbox has one spelling: trimmed, ASCII
 * lower-case, a "+tag" sub-address dropped, and for gmail.com and
 * googlemail.com (one service) the dots of the local part dropped and the
 * domain written gmail.com. Writes a NUL-terminated result into `out`
 * (`size` bytes). Returns 0, or -1 when `in` is not an address (no '@',
 * empty local part or domain) or `out` is too small.
 */
int rfc_email_normalize(const char *in, char *out, size_t size);

/* The domain of a normalised address (after its last '@'), or NULL. */
const char *rfc_email_domain(const char *normalized);

#endif
