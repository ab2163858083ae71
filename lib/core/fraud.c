/* Pure fraud rules: signals from facts, the verdict, bot agents and
 * disposable domains. */
#include "core/fraud.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "referral/fraud.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The marks of bots, crawlers, HTTP libraries, headless browsers and the
 * fetchers that build link previews in chat and social apps: lower-case
 * substrings, at least two characters. One list, used for conversions and
 * for touchpoints at ingestion. */
static const char *const bot_marks[] = {
	"bot", "crawler", "spider", "slurp", "facebookexternalhit", "facebookcatalog",
	"whatsapp", "telegram", "skypeuripreview", "slack-imgproxy", "discord", "embedly",
	"linkedinbot", "pinterest", "vkshare", "redditbot", "bingpreview", "preview",
	"headlesschrome", "phantomjs", "curl/", "wget/", "python-requests", "python-urllib",
	"go-http-client", "java/", "okhttp", "libwww-perl", "httpclient", "node-fetch",
	"axios/", "scrapy", "lighthouse", "pingdom", "uptime", "monitor",
};
#define BOT_MARKS (sizeof(bot_marks) / sizeof(bot_marks[0]))

/* Letters 0..25, anything else 26. */
static unsigned letter(unsigned char c)
{
	unsigned l = (unsigned)(c | 0x20) - 'a';
	return l < 26 ? l : 26u;
}

/* Does the rest of a mark match `at` (case-insensitively)? */
static int mark_at(const char *at, const char *mark)
{
	while (*mark && *at && lower(*at) == *mark) {
		at++;
		mark++;
	}
	return *mark == '\0';
}

/* Every touchpoint with a user agent is classified, so this is one pass:
 * a mark can only start where the first two characters (as letter
 * classes) are its own. A 27 x 27 bit table of those pairs and a chain
 * of the marks by first letter, built on the stack from the list (no
 * shared state; ~36 steps), turn nearly every position of a browser's
 * agent away with one lookup and try only the marks of that letter. */
int rfc_is_bot_agent(const char *ua)
{
	if (ua == NULL || *ua == '\0')
		return 0;
	uint32_t pairs[27] = { 0 };
	signed char head[27], next[BOT_MARKS];
	memset(head, -1, sizeof(head));
	for (size_t i = BOT_MARKS; i-- > 0;) {
		unsigned a = letter((unsigned char)bot_marks[i][0]);
		pairs[a] |= UINT32_C(1) << letter((unsigned char)bot_marks[i][1]);
		next[i] = head[a];
		head[a] = (signed char)i;
	}
	const unsigned char *at = (const unsigned char *)ua;
	unsigned a = letter(at[0]);
	for (; at[1]; at++) {
		unsigned b = letter(at[1]);
		if (pairs[a] & (UINT32_C(1) << b)) {
			for (int i = head[a]; i >= 0; i = next[i])
				if (mark_at((const char *)at, bot_marks[i]))
					return 1;
		}
		a = b;
	}
	return 0;
}

int rfc_is_default_disposable(const char *domain)
{
	static const char *const list[] = {
		"10minutemail.com", "20minutemail.com", "discard.email", "dispostable.com",
		"emailondeck.com", "fakeinbox.com", "getairmail.com", "getnada.com",
		"guerrillamail.com", "guerrillamail.net", "guerrillamailblock.com", "maildrop.cc",
		"mailinator.com", "mailnesia.com", "mintemail.com", "mohmal.com", "mytemp.email",
		"sharklasers.com", "spamgourmet.com", "temp-mail.org", "tempail.com",
		"tempmail.com", "tempmailo.com", "throwawaymail.com", "trashmail.com",
		"yopmail.com",
	};
	for (const char *d = domain; d; d = strchr(d, '.') ? strchr(d, '.') + 1 : NULL)
		for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
			if (strcmp(d, list[i]) == 0)
				return 1;
	return 0;
}

int rfc_domain_line(const char *line, size_t len, char out[256])
{
	const char *hash = memchr(line, '#', len);
	if (hash)
		len = (size_t)(hash - line);
	size_t a = 0, b = len;
	while (a < b && (line[a] == ' ' || line[a] == '\t' || line[a] == '\r'))
		a++;
	while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r'))
		b--;
	if (a == b)
		return 0;
	if (b - a > 253)
		return -1;
	int dots = 0;
	for (size_t i = a; i < b; i++) {
		char c = lower(line[i]);
		int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
		if (!ok || (c == '.' && (i == a || i + 1 == b || line[i - 1] == '.')))
			return -1;
		dots += c == '.';
		out[i - a] = c;
	}
	out[b - a] = '\0';
	return dots > 0 ? 1 : -1;
}

static const int32_t *weight_of(const rf_fraud_policy *p, int kind)
{
	switch (kind) {
	case RF_FRAUD_SELF_REFERRAL: return &p->weight_self_referral;
	case RF_FRAUD_DISPOSABLE_EMAIL: return &p->weight_disposable_email;
	case RF_FRAUD_CONVERSION_VELOCITY: return &p->weight_conversion_velocity;
	case RF_FRAUD_CLICK_VELOCITY: return &p->weight_click_velocity;
	case RF_FRAUD_FAST_CONVERSION: return &p->weight_fast_conversion;
	case RF_FRAUD_EXISTING_CUSTOMER: return &p->weight_existing_customer;
	case RF_FRAUD_DUPLICATE_IDENTITY: return &p->weight_duplicate_identity;
	case RF_FRAUD_REFERRAL_RING: return &p->weight_referral_ring;
	default: return &p->weight_bot;
	}
}

/* Add a signal (when its weight is not 0) with printf-style evidence. */
static size_t hit(const rf_fraud_policy *p, rfc_signal *out, size_t n, int kind,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static size_t hit(const rf_fraud_policy *p, rfc_signal *out, size_t n, int kind,
		  const char *fmt, ...)
{
	int32_t w = *weight_of(p, kind);
	if (w <= 0)
		return n;
	rfc_signal *s = &out[n];
	s->kind = kind;
	s->weight = w;
	s->hard = (p->hard_signals & RF_FRAUD_HARD(kind)) != 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->evidence, sizeof(s->evidence), fmt, ap);
	va_end(ap);
	return n + 1;
}

size_t rfc_fraud_signals(const rf_fraud_policy *p, const rfc_fraud_facts *f, rfc_signal *out)
{
	size_t n = 0;
	const char *who = f->advocate && *f->advocate ? f->advocate : "(none)";
	if (f->self_customer || f->self_email || f->self_visitor || f->self_ip_ua)
		n = hit(p, out, n, RF_FRAUD_SELF_REFERRAL,
			"the customer matches advocate %s by%s%s%s%s", who,
			f->self_customer ? " customer id" : "", f->self_email ? " email" : "",
			f->self_visitor ? " visitor id" : "", f->self_ip_ua ? " IP+user agent" : "");
	if (f->email_domain && f->disposable)
		n = hit(p, out, n, RF_FRAUD_DISPOSABLE_EMAIL,
			"email domain %s is disposable", f->email_domain);
	long long window_min = (long long)(p->window_ms / 60000);
	if (f->conversions_advocate > p->max_conversions_advocate)
		n = hit(p, out, n, RF_FRAUD_CONVERSION_VELOCITY,
			"%lld conversions for advocate %s in %lld min (max %d)",
			(long long)f->conversions_advocate, who, window_min,
			(int)p->max_conversions_advocate);
	else if (f->conversions_ip > p->max_conversions_ip)
		n = hit(p, out, n, RF_FRAUD_CONVERSION_VELOCITY,
			"%lld conversions from the customer's IP in %lld min (max %d)",
			(long long)f->conversions_ip, window_min, (int)p->max_conversions_ip);
	if (f->clicks_advocate > p->max_clicks_advocate)
		n = hit(p, out, n, RF_FRAUD_CLICK_VELOCITY,
			"%lld clicks on advocate %s's codes in %lld min (max %d)",
			(long long)f->clicks_advocate, who, window_min, (int)p->max_clicks_advocate);
	else if (f->clicks_ip > p->max_clicks_ip)
		n = hit(p, out, n, RF_FRAUD_CLICK_VELOCITY,
			"%lld clicks on advocate %s's codes from the customer's IP in %lld min (max %d)",
			(long long)f->clicks_ip, who, window_min, (int)p->max_clicks_ip);
	if (f->click_gap_ms >= 0 && f->click_gap_ms < p->min_click_to_conversion_ms)
		n = hit(p, out, n, RF_FRAUD_FAST_CONVERSION,
			"converted %lld ms after the click (min %lld ms)", (long long)f->click_gap_ms,
			(long long)p->min_click_to_conversion_ms);
	if (f->existing_customer)
		n = hit(p, out, n, RF_FRAUD_EXISTING_CUSTOMER,
			"the host marked the customer as existing: not a referral");
	if (f->duplicates > 0)
		n = hit(p, out, n, RF_FRAUD_DUPLICATE_IDENTITY,
			"advocate %s shares %s with %lld other advocate(s): %s", who,
			f->duplicate_fields ? f->duplicate_fields : "an identity",
			(long long)f->duplicates, f->duplicate_names ? f->duplicate_names : "");
	if (f->ring_length > 1)
		n = hit(p, out, n, RF_FRAUD_REFERRAL_RING, "referral ring of %d advocates: %s",
			f->ring_length, f->ring_path ? f->ring_path : "");
	if (f->bot)
		n = hit(p, out, n, RF_FRAUD_BOT,
			"the customer's user agent is a bot or link-preview fetcher");
	return n;
}

void rfc_fraud_decide(const rf_fraud_policy *p, const rfc_signal *signals, size_t n,
		      int32_t *risk, int32_t *decision)
{
	int64_t sum = 0;
	int hard = 0;
	for (size_t i = 0; i < n; i++) {
		sum += signals[i].weight;
		hard |= signals[i].hard;
	}
	*risk = (int32_t)(sum > 100 ? 100 : sum);
	if (hard || *risk >= p->reject_from)
		*decision = RF_FRAUD_REJECT;
	else if (*risk >= p->approve_below)
		*decision = RF_FRAUD_REVIEW;
	else
		*decision = RF_FRAUD_APPROVE;
}
