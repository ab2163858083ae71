/* Validation of text inputs: length limits and UTF-8. */
#include "internal.h"

int rf__utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			len = 2, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4, min = 0x10000, c &= 0x07;
		} else {
			return 0;
		}
		if (n - i < len)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (s[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static int check_text(const char *s, size_t max, const char *what, int required)
{
	if (s == NULL) {
		if (required)
			return rf__error(RF_EINVALID, "%s is required", what);
		return RF_OK;
	}
	size_t n = strnlen(s, max + 1);
	if (required && n == 0)
		return rf__error(RF_EINVALID, "%s is empty", what);
	if (n > max)
		return rf__error(RF_EINVALID, "%s is longer than %zu bytes", what, max);
	if (!rf__utf8_valid(s, n))
		return rf__error(RF_EINVALID, "%s is not valid UTF-8", what);
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20)
			return rf__error(RF_EINVALID, "%s contains a control character", what);
	}
	return RF_OK;
}

int rf__check_text(const char *s, size_t max, const char *what)
{
	return check_text(s, max, what, 1);
}

int rf__check_opt_text(const char *s, size_t max, const char *what)
{
	return check_text(s, max, what, 0);
}

int rf__check_version(unsigned version, unsigned newest, const char *what)
{
	if (version == 0 || version > newest)
		return rf__error(RF_EVERSION, "unsupported %s version %u (this library knows 1..%u)",
				 what, version, newest);
	return RF_OK;
}

int rf__check_range(int64_t v, int64_t lo, int64_t hi, const char *what)
{
	if (v < lo || v > hi)
		return rf__error(RF_EINVALID, "%s must be %lld..%lld", what, (long long)lo,
				 (long long)hi);
	return RF_OK;
}

int rf__strcaseeq(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
		if (x == 0)
			return 1;
	}
}
