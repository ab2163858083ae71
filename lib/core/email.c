/* Email normalisation for comparing people by keyed hash (pure). */
#include "core/fraud.h"

#include <string.h>

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int rfc_email_normalize(const char *in, char *out, size_t size)
{
	size_t start = 0, end = strlen(in);
	while (start < end && is_space(in[start]))
		start++;
	while (end > start && is_space(in[end - 1]))
		end--;
	const char *at = NULL;
	for (size_t i = start; i < end; i++)
		if (in[i] == '@')
			at = in + i; /* the last '@': a quoted local part may hold one */
	if (at == NULL)
		return -1;
	size_t local_len = (size_t)(at - (in + start)), domain_len = (size_t)(in + end - at - 1);
	if (local_len == 0 || domain_len == 0)
		return -1;
	char domain[256];
	if (domain_len >= sizeof(domain))
		return -1;
	for (size_t i = 0; i < domain_len; i++)
		domain[i] = lower(at[1 + i]);
	domain[domain_len] = '\0';
	int gmail = strcmp(domain, "gmail.com") == 0 || strcmp(domain, "googlemail.com") == 0;
	if (gmail)
		strcpy(domain, "gmail.com");
	size_t n = 0;
	for (size_t i = 0; i < local_len; i++) {
		char c = lower(in[start + i]);
		if (c == '+')
			break; /* sub-address: john+promo is john */
		if (c == '.' && gmail)
			continue; /* Gmail ignores dots */
		if (n + 1 >= size)
			return -1;
		out[n++] = c;
	}
	if (n == 0)
		return -1;
	size_t dl = strlen(domain);
	if (n + 1 + dl + 1 > size)
		return -1;
	out[n++] = '@';
	memcpy(out + n, domain, dl + 1);
	return 0;
}

const char *rfc_email_domain(const char *normalized)
{
	const char *at = strrchr(normalized, '@');
	return at ? at + 1 : NULL;
}
