/* Pure reward math (see reward.h). */
#include "core/reward.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "referral/conversion.h"
#include "referral/reward.h"

int64_t rfc_reward_percent(int64_t value, int64_t bp)
{
	/* Split so nothing overflows: value / 10000 * bp <= value. */
	return value / 10000 * bp + value % 10000 * bp / 10000;
}

int64_t rfc_add_months(int64_t at, int32_t months)
{
	int64_t days = at / RFC_DAY_MS, rest = at % RFC_DAY_MS;
	if (rest < 0) {
		days--;
		rest += RFC_DAY_MS;
	}
	int64_t year;
	int month, day;
	rfc_civil_from_days(days, &year, &month, &day);
	int64_t m = (int64_t)month - 1 + months;
	year += m >= 0 ? m / 12 : (m - 11) / 12;
	m = ((m % 12) + 12) % 12;
	static const int lengths[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int len = lengths[m];
	if (m == 1 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		len = 29;
	if (day > len)
		day = len;
	return rfc_days_from_civil(year, (int)m + 1, day) * RFC_DAY_MS + rest;
}

int rfc_reward_needs_person(const rfc_reward_rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (rules[i].event == RF_ON_NTH || rules[i].event == RF_ON_RENEWAL)
			return 1;
	}
	return 0;
}

/* Does the rule's event and conditions match the conversion itself? */
static int conversion_matches(const rfc_reward_rule *r, const rfc_reward_input *in)
{
	static const int32_t event_kind[] = { 0, 0, RF_CONVERSION_SIGNUP, RF_CONVERSION_PURCHASE,
					      RF_CONVERSION_CUSTOM, RF_CONVERSION_RENEWAL };
	if (r->event >= RF_ON_SIGNUP && r->event <= RF_ON_RENEWAL && in->kind != event_kind[r->event])
		return 0;
	if (r->kinds && !(r->kinds & (1 << in->kind)))
		return 0;
	if (in->value_minor < r->min_value || (r->max_value && in->value_minor > r->max_value))
		return 0;
	if (r->currency[0] && strcmp(r->currency, in->currency) != 0)
		return 0;
	if (r->event == RF_ON_RENEWAL &&
	    (in->first_purchase_at < 0 || in->at >= rfc_add_months(in->first_purchase_at, r->months)))
		return 0;
	if (r->event == RF_ON_NTH && in->person_nth != r->nth)
		return 0;
	return 1;
}

static int64_t amount_of(const rfc_reward_rule *r, int64_t value)
{
	if (r->kind == RF_REWARD_COUPON)
		return 1;
	return r->basis == RF_AMOUNT_PERCENT ? rfc_reward_percent(value, r->amount) : r->amount;
}

static void describe(const rfc_reward_rule *r, int64_t value, char *note, size_t size)
{
	static const char *const events[] = { "", "conversion", "signup", "purchase", "custom",
					      "renewal", "nth conversion", "milestone" };
	const char *ev = r->event >= 1 && r->event <= 7 ? events[r->event] : "?";
	if (r->kind == RF_REWARD_COUPON)
		snprintf(note, size, "rule %lld: %s, one coupon", (long long)r->id, ev);
	else if (r->basis == RF_AMOUNT_PERCENT)
		snprintf(note, size, "rule %lld: %s, %lld.%02lld %% of %lld", (long long)r->id, ev,
			 (long long)(r->amount / 100), (long long)(r->amount % 100), (long long)value);
	else
		snprintf(note, size, "rule %lld: %s, fixed %lld", (long long)r->id, ev,
			 (long long)r->amount);
}

static void add_line(const rfc_reward_rule *r, int32_t share, int64_t value,
		     rfc_reward_line *out, size_t *count, size_t max)
{
	if (*count >= max)
		return;
	rfc_reward_line *l = &out[(*count)++];
	l->rule_id = r->id;
	l->side = r->side;
	l->kind = r->kind;
	l->share = share;
	l->amount = amount_of(r, value);
	l->approve_at_once = r->approve_at_once;
	describe(r, value, l->note, sizeof(l->note));
}

size_t rfc_reward_evaluate(const rfc_reward_rule *rules, size_t n, const rfc_reward_input *in,
			   rfc_reward_line *out, size_t max)
{
	size_t count = 0;
	if (in->share_count == 0)
		return 0; /* no referral, no reward on either side */
	for (size_t i = 0; i < n; i++) {
		const rfc_reward_rule *r = &rules[i];
		if (!conversion_matches(r, in))
			continue;
		if (r->side == RF_SIDE_REFEREE) {
			add_line(r, -1, in->value_minor, out, &count, max);
			continue;
		}
		for (size_t k = 0; k < in->share_count; k++) {
			const rfc_reward_share *sh = &in->shares[k];
			if (r->min_referrals && sh->referrals < r->min_referrals)
				continue;
			if (r->max_referrals && sh->referrals > r->max_referrals)
				continue;
			if (r->event == RF_ON_MILESTONE && sh->referrals != r->nth)
				continue;
			add_line(r, (int32_t)k, sh->value_minor, out, &count, max);
		}
	}
	return count;
}

int64_t rfc_reward_cap(const rfc_caps *caps, const rfc_cap_usage *used, int64_t want, char *why,
		       size_t why_size)
{
	static const char *const names[] = { "daily", "weekly", "monthly", "all-time" };
	int64_t granted = want;
	const char *reason = NULL;
	for (int w = 0; w < RFC_CAP_WINDOWS; w++) {
		if (caps->count[w] && used->count[w] >= caps->count[w]) {
			granted = 0;
			reason = names[w];
			if (why)
				snprintf(why, why_size, "%s count cap %lld reached", reason,
					 (long long)caps->count[w]);
			return 0;
		}
	}
	for (int w = 0; w < RFC_CAP_WINDOWS; w++) {
		if (caps->amount[w]) {
			int64_t left = caps->amount[w] - used->amount[w];
			if (left < 0)
				left = 0;
			if (granted > left) {
				granted = left;
				if (why)
					snprintf(why, why_size, "%s amount cap %lld: %s to %lld",
						 names[w], (long long)caps->amount[w],
						 left ? "cut" : "nothing left, cut", (long long)left);
			}
		}
	}
	if (caps->budget_left >= 0 && granted > caps->budget_left) {
		granted = caps->budget_left;
		if (why)
			snprintf(why, why_size, "program budget: %s to %lld",
				 granted ? "cut" : "nothing left, cut", (long long)granted);
	}
	return granted;
}

void rfc_reward_use(rfc_caps *caps, rfc_cap_usage *used, int64_t granted)
{
	for (int w = 0; w < RFC_CAP_WINDOWS; w++) {
		used->count[w]++;
		used->amount[w] += granted;
	}
	if (caps->budget_left >= 0)
		caps->budget_left -= granted;
}

int64_t rfc_reward_clawed(int64_t amount, int64_t value, int64_t refunded)
{
	if (value <= 0 || refunded >= value)
		return amount;
	if (refunded <= 0)
		return 0;
	__extension__ __int128 kept = (__int128)amount * (value - refunded) / value;
	return amount - (int64_t)kept;
}
