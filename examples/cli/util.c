#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("referral: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}

int parse_i64(int64_t *out, const char *s, int64_t min, int64_t max)
{
	int negative = 0;
	uint64_t limit, value = 0;

	if (!s || !*s)
		return -1;
	if (*s == '-' || *s == '+') {
		negative = *s == '-';
		s++;
	}
	if (!*s)
		return -1;
	limit = negative ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
	for (; *s; s++) {
		unsigned digit;
		if (*s < '0' || *s > '9')
			return -1;
		digit = (unsigned)(*s - '0');
		if (value > (limit - digit) / 10u)
			return -1;
		value = value * 10u + digit;
	}
	if (negative) {
		int64_t v = value == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)value;
		if (v < min)
			return -1;
		*out = v;
		return 0;
	}
	if ((int64_t)value > max || (int64_t)value < min)
		return -1;
	*out = (int64_t)value;
	return 0;
}

int str_eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}
