/* Test oracles; see oracle.h. */
#include "oracle.h"

#include <string.h>

char rft_luhn_check(const char *alphabet, const char *payload, size_t len)
{
	size_t n = strlen(alphabet);
	size_t factor = 2, sum = 0;
	for (size_t i = len; i-- > 0;) {
		const char *p = strchr(alphabet, payload[i]);
		if (!p || !payload[i])
			return 0;
		size_t addend = factor * (size_t)(p - alphabet);
		sum += addend / n + addend % n;
		factor = factor == 2 ? 1 : 2;
	}
	return alphabet[(n - sum % n) % n];
}

int rft_is_uuid4(const char *s)
{
	if (!s || strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !strchr("0123456789abcdef", s[i]) || !s[i])
			return 0;
	}
	return s[14] == '4' && strchr("89ab", s[19]) != NULL;
}
