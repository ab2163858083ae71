/* Pure engagement rules (see core/engagement.h). */
#include "core/engagement.h"

#include <string.h>

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* Length of a placeholder at `p` ("{{" already seen at p - 2): sets the
 * name span and returns the bytes to skip after "{{", or 0 if none. */
static size_t placeholder(const char *p, const char **name, size_t *len)
{
	size_t i = 0;
	while (p[i] == ' ')
		i++;
	size_t start = i;
	while (name_char(p[i]))
		i++;
	size_t n = i - start;
	while (p[i] == ' ')
		i++;
	if (n == 0 || n > RFC_PLACEHOLDER_MAX || p[i] != '}' || p[i + 1] != '}')
		return 0;
	*name = p + start;
	*len = n;
	return i + 2;
}

/* Append `n` bytes of `s`, cutting at a character boundary when full. */
static void append(char *out, size_t size, size_t *used, const char *s, size_t n)
{
	size_t room = size - 1 - *used;
	if (n > room) {
		n = room;
		/* do not split a UTF-8 sequence: drop continuation bytes and
		 * the lead byte they belong to */
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out + *used, s, n);
	*used += n;
}

size_t rfc_render(char *out, size_t size, const char *tmpl, rfc_lookup_fn lookup, void *ctx)
{
	size_t used = 0;
	const char *p = tmpl;
	while (*p && used < size - 1) {
		const char *open = strstr(p, "{{");
		if (open == NULL) {
			append(out, size, &used, p, strlen(p));
			break;
		}
		append(out, size, &used, p, (size_t)(open - p));
		const char *name = NULL;
		size_t len = 0, skip = placeholder(open + 2, &name, &len);
		if (skip == 0) {
			append(out, size, &used, "{{", 2);
			p = open + 2;
			continue;
		}
		const char *value = lookup(ctx, name, len);
		if (value)
			append(out, size, &used, value, strlen(value));
		p = open + 2 + skip;
	}
	out[used] = '\0';
	return used;
}

int rfc_kind_valid(const char *kind)
{
	size_t n = 0;
	if (kind == NULL)
		return 0;
	for (; kind[n]; n++) {
		char c = kind[n];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return n >= 1 && n <= 64;
}

int32_t rfc_stage_for(const rfc_stage_rules *r, const rfc_stage_facts *f, int64_t now)
{
	int64_t last = f->last_activity_at > f->last_referral_at ? f->last_activity_at
								 : f->last_referral_at;
	int did_something = f->activities + f->referrals > 0;
	if (did_something && last <= now - r->dormant_after_ms)
		return 5; /* dormant */
	if (f->referrals >= r->champion_min_referrals)
		return 4; /* champion */
	if (f->referrals >= r->referring_min_referrals)
		return 3; /* referring */
	if (f->activities + f->referrals >= r->active_min_activities)
		return 2; /* active */
	return 1;         /* invited */
}
