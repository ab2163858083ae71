/* Crockford base32 codes with a Luhn mod 32 check symbol. */
#include "core/codes.h"

#include <string.h>

const char rfc_alphabet[33] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int rfc_symbol_value(char c)
{
	const char *p = c ? strchr(rfc_alphabet, c) : NULL;
	return p ? (int)(p - rfc_alphabet) : -1;
}

static char normalize_char(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == 'I' || c == 'L')
		return '1';
	if (c == 'O')
		return '0';
	return c;
}

int rfc_normalize(char *out, size_t size, const char *in)
{
	size_t n = 0;
	for (; *in; in++) {
		if (*in == '-' || *in == ' ')
			continue;
		char c = normalize_char(*in);
		if (rfc_symbol_value(c) < 0)
			return -1;
		if (n + 1 >= size)
			return -2;
		out[n++] = c;
	}
	if (size > 0)
		out[n] = '\0';
	return (int)n;
}

static int index_in(const char *alphabet, char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

/* Right to left, doubling every second symbol starting with the rightmost
 * payload symbol; a doubled value folds to floor(v / N) + v % N. */
static int luhn_sum(const char *alphabet, const char *s, size_t n, int factor)
{
	int radix = (int)strlen(alphabet);
	int sum = 0;
	for (size_t i = n; i-- > 0;) {
		int v = index_in(alphabet, s[i]);
		if (v < 0)
			return -1;
		int addend = factor * v;
		addend = addend / radix + addend % radix;
		sum += addend;
		factor = factor == 2 ? 1 : 2;
	}
	return sum % radix;
}

char rfc_luhn_check(const char *alphabet, const char *payload, size_t n)
{
	int radix = (int)strlen(alphabet);
	int sum = luhn_sum(alphabet, payload, n, 2);
	if (sum < 0)
		return 0;
	return alphabet[(radix - sum) % radix];
}

int rfc_luhn_valid(const char *alphabet, const char *s, size_t n)
{
	if (n < 2)
		return 0;
	return luhn_sum(alphabet, s, n, 1) == 0;
}

void rfc_code_from_random(char *out, const unsigned char *random, int length)
{
	for (int i = 0; i < length; i++)
		out[i] = rfc_alphabet[random[i] & 0x1F];
	out[length] = rfc_luhn_check(rfc_alphabet, out, (size_t)length);
	out[length + 1] = '\0';
}
