/* Signed links: encoding, canonical string and parsing (pure). */
#include "core/link.h"

#include <stdio.h>

static const char hex[] = "0123456789ABCDEF";

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

void rfc_pct_encode(char *out, const char *in)
{
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		if (unreserved(*p)) {
			*out++ = (char)*p;
		} else {
			*out++ = '%';
			*out++ = hex[*p >> 4];
			*out++ = hex[*p & 15];
		}
	}
	*out = '\0';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1; /* lower case is not what the encoder makes */
}

long rfc_pct_decode(char *out, size_t cap, const char *in, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '%') {
			if (n - i < 3)
				return -1;
			int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (unsigned char)(hi * 16 + lo);
			if (c == 0 || unreserved(c))
				return -1; /* NUL, or a character sent raw when canonical */
			i += 2;
		} else if (!unreserved(c)) {
			return -1;
		}
		if (len + 1 >= cap)
			return -1;
		out[len++] = (char)c;
	}
	out[len] = '\0';
	return rf__utf8_valid(out, len) ? (long)len : -1;
}

static size_t put_field(char *out, size_t cap, size_t at, const char *s, size_t n)
{
	if (at == 0)
		return 0;
	int w = snprintf(out + at, cap - at, "%zu:", n);
	if (w < 0 || (size_t)w >= cap - at || n >= cap - at - (size_t)w)
		return 0;
	memcpy(out + at + w, s, n);
	return at + (size_t)w + n;
}

size_t rfc_link_canonical(char *out, size_t cap, const rfc_link_fields *f)
{
	static const char tag[] = "libreferral-link-v1";
	char exp[24], kid[24];
	if (cap <= sizeof(tag))
		return 0;
	memcpy(out, tag, sizeof(tag) - 1);
	size_t at = sizeof(tag) - 1;
	snprintf(exp, sizeof(exp), "%lld", (long long)f->expires_at);
	snprintf(kid, sizeof(kid), "%lld", (long long)f->key_id);
	at = put_field(out, cap, at, f->base, f->base_len);
	at = put_field(out, cap, at, f->code, strlen(f->code));
	at = put_field(out, cap, at, f->campaign, strlen(f->campaign));
	at = put_field(out, cap, at, f->content, strlen(f->content));
	at = put_field(out, cap, at, exp, strlen(exp));
	at = put_field(out, cap, at, kid, strlen(kid));
	return at;
}

int rfc_link_base_ok(const char *base, size_t n)
{
	if (n > RF_MAX_TEXT_LEN)
		return 0;
	if (!(n > 7 && strncmp(base, "http://", 7) == 0) &&
	    !(n > 8 && strncmp(base, "https://", 8) == 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (base[i] <= ' ' || base[i] > '~' || base[i] == '#')
			return 0;
	return 1;
}

/* A positive decimal without leading zeros that fits int64. */
static int parse_positive(const char *s, size_t n, int64_t *out)
{
	if (n == 0 || n > 19 || s[0] == '0')
		return -1;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > (INT64_MAX - (s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* The last "?rc=" or "&rc=": where our parameters start. */
static const char *params_start(const char *link, size_t n)
{
	for (size_t i = n >= 4 ? n - 4 + 1 : 0; i-- > 0;)
		if ((link[i] == '?' || link[i] == '&') && memcmp(link + i + 1, "rc=", 3) == 0)
			return link + i;
	return NULL;
}

/* Take the next "&name=value" (or the first value when name is NULL). */
static int take(const char **p, const char *end, const char *name, const char **v, size_t *vn)
{
	const char *s = *p;
	if (name != NULL) {
		size_t k = strlen(name);
		if ((size_t)(end - s) < k + 2 || s[0] != '&' || memcmp(s + 1, name, k) != 0 ||
		    s[k + 1] != '=')
			return 0;
		s += k + 2;
	}
	const char *e = memchr(s, '&', (size_t)(end - s));
	if (e == NULL)
		e = end;
	*v = s;
	*vn = (size_t)(e - s);
	*p = e;
	return 1;
}

static int sig_ok(const char *s, size_t n)
{
	if (n != RFC_SIG_CHARS)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!unreserved((unsigned char)s[i]) || s[i] == '.' || s[i] == '~')
			return 0;
	return 1;
}

int rfc_link_parse(const char *link, size_t n, rfc_link_fields *f)
{
	memset(f, 0, sizeof(*f));
	if (n > RF_LINK_MAX_LEN || memchr(link, '\0', n) != NULL)
		return -1;
	const char *start = params_start(link, n);
	if (start == NULL)
		return -1;
	f->base = link;
	f->base_len = (size_t)(start - link);
	int has_query = memchr(link, '?', f->base_len) != NULL;
	if ((*start == '&') != has_query || !rfc_link_base_ok(f->base, f->base_len))
		return -1;
	const char *p = start + 4, *end = link + n, *v = NULL;
	size_t vn = 0;
	take(&p, end, NULL, &v, &vn);
	if (vn == 0 || rfc_pct_decode(f->code, sizeof(f->code), v, vn) <= 0)
		return -1;
	if (take(&p, end, "cmp", &v, &vn) &&
	    (vn == 0 || rfc_pct_decode(f->campaign, sizeof(f->campaign), v, vn) <= 0))
		return -1;
	if (take(&p, end, "cnt", &v, &vn) &&
	    (vn == 0 || rfc_pct_decode(f->content, sizeof(f->content), v, vn) <= 0))
		return -1;
	if (take(&p, end, "exp", &v, &vn) && parse_positive(v, vn, &f->expires_at) != 0)
		return -1;
	if (!take(&p, end, "kid", &v, &vn) || parse_positive(v, vn, &f->key_id) != 0)
		return -1;
	if (!take(&p, end, "sig", &v, &vn) || p != end || !sig_ok(v, vn))
		return -1;
	memcpy(f->sig, v, vn);
	return 0;
}
