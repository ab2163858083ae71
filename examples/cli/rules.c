#include "rules.h"

#include "money.h"
#include "render.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int rules_parse_days(int64_t *out_ms, const char *text)
{
	int64_t thousandths;
	/* Days to the thousandth (86.4 s), exactly: a day is 86,400,000 ms. */
	if (money_parse(&thousandths, text, 3) != MONEY_OK || thousandths <= 0 ||
	    thousandths > (RF_LOOKBACK_MAX_MS / RF_DAY_MS) * 1000)
		return -1;
	*out_ms = thousandths * 86400;
	return 0;
}

static int parse_percent(int32_t *bp, const char *text, size_t len)
{
	char buf[16];
	int64_t v;
	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	if (money_parse(&v, buf, 2) != MONEY_OK || v > 10000)
		return -1;
	*bp = (int32_t)v;
	return 0;
}

int rules_parse_position(int32_t *first_bp, int32_t *last_bp, const char *text)
{
	const char *slash = strchr(text, '/');
	if (!slash)
		return -1;
	return parse_percent(first_bp, text, (size_t)(slash - text)) ||
		       parse_percent(last_bp, slash + 1, strlen(slash + 1))
		       ? -1
		       : 0;
}

int rules_parse_weights(int32_t weights[RF_CUSTOM_WEIGHTS_MAX], const char *text)
{
	int count = 0;
	const char *p = text;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char buf[16];
		int64_t v;
		if (count == RF_CUSTOM_WEIGHTS_MAX || len == 0 || len >= sizeof buf)
			return -1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (parse_i64(&v, buf, 0, INT32_MAX) != 0 || buf[0] == '+' || buf[0] == '-')
			return -1;
		weights[count++] = (int32_t)v;
		if (!end)
			return count;
		p = end + 1;
	}
}

static int apply_values(const cli *c, const rules_args *ra, rf_program_rules *r,
			int32_t weights[RF_CUSTOM_WEIGHTS_MAX])
{
	int64_t days = 0, minutes = -1, length = 0, months = -1;
	if (argval_enum(c, "--model", ra->model, RF_ENUM_MODEL, &r->model) ||
	    argval_i64(c, "--window-days", ra->window_days, 1, RF_LOOKBACK_MAX_MS / RF_DAY_MS, &days) ||
	    argval_i64(c, "--duplicate-window-minutes", ra->duplicate_minutes, 0, 5256000, &minutes) ||
	    argval_i64(c, "--code-length", ra->code_length, RF_CODE_LENGTH_MIN, RF_CODE_LENGTH_MAX,
		       &length) ||
	    argval_i64(c, "--renewal-months", ra->renewal_months, 0, 120, &months))
		return CLI_EXIT_USAGE;
	if (ra->half_life_days && rules_parse_days(&r->half_life_ms, ra->half_life_days))
		return cli_usage(c, "--half-life-days: '%s' is not a number of days in (0, 3650]",
				 ra->half_life_days);
	if (ra->position &&
	    rules_parse_position(&r->position_first_bp, &r->position_last_bp, ra->position))
		return cli_usage(c, "--position: '%s' is not FIRST/LAST in percent (e.g. 40/40)",
				 ra->position);
	if (ra->custom_weights) {
		int n = rules_parse_weights(weights, ra->custom_weights);
		if (n < 0)
			return cli_usage(c, "--custom-weights: '%s' is not 1..%d integers >= 0 "
					 "separated by commas (e.g. 3,2,1)",
					 ra->custom_weights, RF_CUSTOM_WEIGHTS_MAX);
		r->custom_count = (uint32_t)n;
		r->custom_weights = weights;
	} else if (r->custom_count && r->custom_weights) {
		/* Keep the current weights, in our buffer (r may point into an object). */
		memmove(weights, r->custom_weights, r->custom_count * sizeof *weights);
		r->custom_weights = weights;
	}
	if (days)
		r->lookback_ms = days * RF_DAY_MS;
	if (minutes >= 0)
		r->duplicate_window_ms = minutes * 60000;
	if (length)
		r->code_length = (int32_t)length;
	if (months >= 0)
		r->renewal_months = (int32_t)months;
	return CLI_EXIT_OK;
}

int rules_apply(const cli *c, const rules_args *ra, rf_program_rules *r,
		int32_t weights[RF_CUSTOM_WEIGHTS_MAX], int *changed)
{
	int rc;
	if (ra->lock && ra->no_lock)
		return cli_usage(c, "--lock-first-referrer and --no-lock-first-referrer conflict");
	if (ra->follow && ra->no_follow)
		return cli_usage(c, "--sale-follows-lead and --no-sale-follows-lead conflict");
	if ((rc = apply_values(c, ra, r, weights)) != CLI_EXIT_OK)
		return rc;
	if (ra->lock || ra->no_lock)
		r->lock_first_referrer = ra->lock ? 1 : 0;
	if (ra->follow || ra->no_follow)
		r->sale_follows_lead = ra->follow ? 1 : 0;
	*changed = ra->model || ra->window_days || ra->duplicate_minutes || ra->code_length ||
		   ra->half_life_days || ra->position || ra->custom_weights || ra->renewal_months ||
		   ra->lock || ra->no_lock || ra->follow || ra->no_follow;
	return CLI_EXIT_OK;
}

const char *rules_model_label(int32_t model)
{
	switch (model) {
	case RF_MODEL_LAST_TOUCH: return "last touch";
	case RF_MODEL_FIRST_TOUCH: return "first touch";
	case RF_MODEL_LAST_NON_DIRECT: return "last non-direct touch";
	default: return cli_enum_name(RF_ENUM_MODEL, model);
	}
}

static void format_percent(char *buf, size_t size, int32_t bp)
{
	if (bp % 100 == 0)
		snprintf(buf, size, "%d", (int)(bp / 100));
	else
		snprintf(buf, size, "%d.%02d", (int)(bp / 100), (int)(bp % 100));
}

void rules_model_params(char *buf, size_t size, const rf_program_rules *r)
{
	char d[32], a[16], b[16], m[16];
	size_t used = 0;
	buf[0] = '\0';
	switch (r->model) {
	case RF_MODEL_TIME_DECAY:
		render_duration(d, sizeof d, r->half_life_ms);
		snprintf(buf, size, "half-life %s", d);
		break;
	case RF_MODEL_POSITION:
		format_percent(a, sizeof a, r->position_first_bp);
		format_percent(m, sizeof m, 10000 - r->position_first_bp - r->position_last_bp);
		format_percent(b, sizeof b, r->position_last_bp);
		snprintf(buf, size, "%s/%s/%s %% (first/middle/last)", a, m, b);
		break;
	case RF_MODEL_CUSTOM:
		for (uint32_t i = 0; i < r->custom_count && used + 1 < size; i++) {
			int n = snprintf(buf + used, size - used, "%s%d", i ? "," : "",
					 (int)r->custom_weights[i]);
			if (n < 0)
				break;
			used += (size_t)n;
		}
		break;
	default:
		break;
	}
}

void rules_json(jw *w, const rf_program_rules *r)
{
	jw_obj_begin(w);
	jw_kstr(w, "model", cli_enum_name(RF_ENUM_MODEL, r->model));
	jw_kint(w, "lookback_ms", r->lookback_ms);
	jw_kint(w, "duplicate_window_ms", r->duplicate_window_ms);
	jw_kint(w, "code_length", r->code_length);
	jw_kbool(w, "lock_first_referrer", r->lock_first_referrer);
	jw_kint(w, "half_life_ms", r->half_life_ms);
	jw_kint(w, "position_first_bp", r->position_first_bp);
	jw_kint(w, "position_last_bp", r->position_last_bp);
	jw_karr_begin(w, "custom_weights");
	for (uint32_t i = 0; i < r->custom_count; i++)
		jw_int(w, r->custom_weights[i]);
	jw_arr_end(w);
	jw_kbool(w, "sale_follows_lead", r->sale_follows_lead);
	jw_kint(w, "renewal_months", r->renewal_months);
	jw_obj_end(w);
}
