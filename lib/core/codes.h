/*
 * Pure code encoding: Crockford base32 symbols, input normalisation,
 * Luhn mod N check symbols and the offensive-word blocklist. No I/O.
 */
#ifndef RF_CORE_CODES_H
#define RF_CORE_CODES_H

#include <stddef.h>
#include <stdint.h>

/* Crockford's 32 symbols, in value order. */
extern const char rfc_alphabet[33];

/* Value 0..31 of a normalised symbol, or -1. */
int rfc_symbol_value(char c);

/*
 * Normalise user input: ASCII letters upper-cased, I and L read as 1, O as
 * 0, hyphens and spaces dropped. Writes at most `size` bytes including the
 * NUL. Returns the normalised length, or -1 when a character is outside the
 * alphabet, -2 when the result does not fit.
 */
int rfc_normalize(char *out, size_t size, const char *in);

/*
 * Luhn mod N over `alphabet` (N = its length, even for full single-error
 * detection): the check character for `payload` of length n, or 0 when a
 * character is not in the alphabet.
 */
char rfc_luhn_check(const char *alphabet, const char *payload, size_t n);

/* 1 when the last character of `s` is the Luhn check of the rest. */
int rfc_luhn_valid(const char *alphabet, const char *s, size_t n);

/*
 * Build a random code: `length` symbols, one from each of `random`'s first
 * `length` bytes (low five bits: uniform, as 256 is a multiple of 32), then
 * the check symbol. `out` needs length + 2 bytes.
 */
void rfc_code_from_random(char *out, const unsigned char *random, int length);

/* 1 when a normalised code contains a blocked word, read with look-alike
 * digits (0=O, 1=I/L, 3=E, 4=A, 5=S, 7=T, 8=B) and V=U. */
int rfc_code_is_blocked(const char *code);

#endif
