/*
 * Independent reference implementations used as test oracles, written from
 * the published algorithms (never from the library's code), and checked
 * against published vectors by the tests that use them.
 */
#ifndef RFT_ORACLE_H
#define RFT_ORACLE_H

#include <stddef.h>

/* Crockford base32 symbols, as documented in referral/code.h. */
#define RFT_ALPHABET "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/* Luhn mod N (right to left, factor 2 on the rightmost payload symbol,
 * addend = a / N + a % N, check = (N - sum % N) % N) over `alphabet`.
 * Returns the check symbol, or 0 when a symbol is not in the alphabet. */
char rft_luhn_check(const char *alphabet, const char *payload, size_t len);

/* 1 if `s` is a lower-case RFC 9562 version-4 UUID
 * (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx). */
int rft_is_uuid4(const char *s);

#endif
