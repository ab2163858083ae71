/*
 * Parity flow, C edition: program -> advocates -> codes -> clicks ->
 * conversions -> stats, on an in-memory store with an injected clock.
 * parity.py and parity.rb do the same steps with the same inputs; compare.py
 * checks that the three print identical lines. Keep the four files in step.
 */
#include <referral.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 INT64_C(1767225600000) /* 2026-01-01T00:00:00Z */
#define MIN (60 * INT64_C(1000))

static int64_t now_ms = T0;

static int64_t fixed_clock(void *ctx)
{
	(void)ctx;
	return now_ms;
}

static void die(const char *what, int rc)
{
	const rf_error *e = rf_error_last();
	fprintf(stderr, "parity: %s failed: %d %s\n", what, rc, e->message);
	exit(1);
}

#define TRY(what, call) do { int rc_ = (call); if (rc_ < 0) die(what, rc_); } while (0)

static void click(rf_store *s, const char *code, const char *visitor, int64_t at)
{
	rf_touchpoint_spec spec = RF_TOUCHPOINT_SPEC_INIT;
	rf_touchpoint *tp = NULL;
	spec.code = code;
	spec.visitor_id = visitor;
	now_ms = at; /* recorded at the store's clock */
	TRY("click", rf_touchpoint_record(&tp, s, &spec));
	printf("click %s %s %s duplicate=%d\n", visitor, tp->code, tp->advocate, tp->duplicate);
	rf_touchpoint_free(tp);
}

static void convert(rf_store *s, const char *visitor, const char *order, int64_t value,
		    int64_t at)
{
	rf_conversion_spec spec = RF_CONVERSION_SPEC_INIT;
	rf_conversion *c = NULL;
	spec.program = "parity";
	spec.visitor_id = visitor;
	spec.order_id = order;
	spec.value_minor = value;
	spec.currency = "eur";
	spec.at_ms = at;
	int rc = rf_conversion_record(&c, s, &spec);
	if (rc < 0)
		die("conversion", rc);
	printf("conversion %s value=%" PRId64 " %s attributed=%d duplicate=%d rules=%" PRId64
	       " model=%s credits=%zu\n", c->order_id, c->value_minor, c->currency,
	       c->attributed, rc == RF_DUPLICATE, c->rules_version,
	       rf_enum_name(RF_ENUM_MODEL, c->model), c->credit_count);
	for (size_t i = 0; i < c->credit_count; i++)
		printf("  credit %s %s weight=%.6f value=%" PRId64 "\n", c->credits[i]->advocate,
		       c->credits[i]->code, c->credits[i]->weight, c->credits[i]->value_minor);
	rf_conversion_free(c);
}

static void stats(rf_store *s, const char *advocate)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	rf_stats *st = NULL;
	q.program = "parity";
	q.advocate = advocate;
	TRY("stats", rf_stats_get(&st, s, &q));
	printf("stats %s touchpoints=%" PRId64 " unique=%" PRId64 " visitors=%" PRId64
	       " conversions=%" PRId64 " attributed=%" PRId64 " credited=%.6f rate=%.6f\n",
	       advocate ? advocate : "*", st->touchpoints, st->unique_touchpoints,
	       st->unique_visitors, st->conversions, st->attributed_conversions,
	       st->credited_conversions, st->conversion_rate);
	for (size_t i = 0; i < st->value_count; i++)
		printf("  value %s %" PRId64 "\n", st->values[i]->currency, st->values[i]->value_minor);
	rf_stats_free(st);
}

static void print_refund(const rf_conversion *c, const char *refund_id, int duplicate)
{
	printf("refund %s %s refunded=%" PRId64 " of %" PRId64 " duplicate=%d\n", c->order_id,
	       refund_id, c->refunded_minor, c->value_minor, duplicate);
	for (size_t i = 0; i < c->credit_count; i++)
		printf("  credit %s value=%" PRId64 " refunded=%" PRId64 "\n", c->credits[i]->advocate,
		       c->credits[i]->value_minor, c->credits[i]->refunded_minor);
}

static void refund(rf_store *s, const char *order, const char *refund_id, int64_t amount)
{
	rf_refund_spec spec = RF_REFUND_SPEC_INIT;
	rf_conversion *c = NULL;
	spec.program = "parity";
	spec.order_id = order;
	spec.refund_id = refund_id;
	spec.amount_minor = amount;
	int rc = rf_conversion_refund(&c, s, &spec);
	if (rc < 0)
		die("refund", rc);
	print_refund(c, refund_id, rc == RF_DUPLICATE);
	rf_conversion_free(c);
}

static void replay(rf_store *s, int32_t model)
{
	rf_program_rules rules = RF_PROGRAM_RULES_INIT;
	rf_replay *r = NULL;
	rules.model = model;
	rules.lookback_ms = 7 * RF_DAY_MS;
	TRY("replay", rf_replay_run(&r, s, "parity", &rules, 0, 0));
	printf("replay %s conversions=%" PRId64 " changed=%" PRId64 "\n",
	       rf_enum_name(RF_ENUM_MODEL, model), r->conversions, r->changed);
	for (size_t i = 0; i < r->count; i++) {
		const rf_replay_row *row = r->rows[i];
		printf("  %s %s %s now=%.6f/%" PRId64 " replay=%.6f/%" PRId64 "\n",
		       rf_enum_name(RF_ENUM_TARGET, row->target), row->name, row->currency,
		       row->current_conversions, row->current_value_minor, row->replay_conversions,
		       row->replay_value_minor);
	}
	rf_replay_free(r);
}

static void issue(rf_store *s, const char *advocate, const char *vanity)
{
	rf_code_spec spec = RF_CODE_SPEC_INIT;
	rf_code *c = NULL;
	spec.program = "parity";
	spec.advocate = advocate;
	spec.vanity = vanity;
	TRY("issue", rf_code_issue(&c, s, &spec));
	printf("code %s %s %s vanity=%d\n", c->advocate, c->code, c->display, c->vanity);
	rf_code_free(c);
}

static void activity(rf_store *s, const char *advocate, int32_t type)
{
	rf_activity_spec a = RF_ACTIVITY_SPEC_INIT;
	a.program = "parity";
	a.advocate = advocate;
	a.type = type;
	/* activities need tracking consent */
	TRY("consent", rf_consent_set(s, advocate, RF_CONSENT_TRACKING, 1, "parity"));
	TRY("activity", rf_activity_record(NULL, s, &a));
}

static void board(rf_store *s, int32_t by)
{
	rf_leaderboard_query q = RF_LEADERBOARD_QUERY_INIT;
	q.program = "parity";
	q.by = by;
	q.advocate = "bob";
	rf_leaderboard *b = NULL;
	TRY("leaderboard", rf_leaderboard_get(&b, s, &q));
	printf("leaderboard by=%d ranked=%" PRId64 " bob=%" PRId64 "\n", (int)by, b->ranked,
	       b->advocate ? b->advocate->rank : 0);
	for (size_t i = 0; i < b->count; i++)
		printf("  %" PRId64 " %s metric=%.6f referrals=%" PRId64 " value=%" PRId64 "\n",
		       b->entries[i]->rank, b->entries[i]->advocate, b->entries[i]->metric,
		       b->entries[i]->referrals, b->entries[i]->value_minor);
	rf_leaderboard_free(b);
}

int main(void)
{
	rf_store_options opts = RF_STORE_OPTIONS_INIT;
	rf_store *s = NULL;
	opts.clock = fixed_clock;
	TRY("open", rf_store_open(&s, ":memory:", &opts));

	rf_program_rules rules = RF_PROGRAM_RULES_INIT;
	rules.lookback_ms = 7 * RF_DAY_MS;
	rf_program *p = NULL;
	TRY("program", rf_program_create(&p, s, "parity", "Parity", &rules));
	printf("program %s %s rules=%" PRId64 " model=%s lookback=%" PRId64 "\n", p->key, p->name,
	       p->rules_version, rf_enum_name(RF_ENUM_MODEL, p->rules->model),
	       p->rules->lookback_ms);
	rf_program_free(p);

	rf_advocate_spec alice = RF_ADVOCATE_SPEC_INIT, bob = RF_ADVOCATE_SPEC_INIT;
	alice.external_id = "alice";
	alice.display_name = "Alice";
	bob.external_id = "bob";
	bob.kind = RF_ADVOCATE_EMPLOYEE;
	TRY("alice", rf_advocate_add(NULL, s, &alice));
	TRY("bob", rf_advocate_add(NULL, s, &bob));

	issue(s, "alice", "ALICE2026");
	issue(s, "bob", "bob-2026");
	rf_code_spec random = RF_CODE_SPEC_INIT;
	rf_code *rc = NULL;
	random.program = "parity";
	random.advocate = "alice";
	TRY("random", rf_code_issue(&rc, s, &random));
	char norm[RF_CODE_BUFSIZE];
	TRY("normalize", rf_code_normalize(norm, sizeof norm, rc->display));
	printf("random code length=%zu\n", strlen(norm));
	rf_code_free(rc);

	click(s, "ALICE2026", "v1", T0 + 60 * MIN);
	click(s, "alice2026", "v1", T0 + 70 * MIN);   /* duplicate within 1 h */
	click(s, "BOB-2026", "v1", T0 + 120 * MIN);
	click(s, "ALICE2026", "v2", T0 + 180 * MIN);
	click(s, "bob 2026", "v3", T0 + 240 * MIN);

	now_ms = T0 + 300 * MIN;
	convert(s, "v1", "o1", 12345, 0);                /* last touch: bob */
	convert(s, "v2", "o2", 5000, T0 + 310 * MIN);   /* alice */
	convert(s, "v4", "o3", 999, T0 + 320 * MIN);    /* no touch: unattributed */
	convert(s, "v1", "o1", 12345, 0);                /* duplicate */

	rf_program_rules first = RF_PROGRAM_RULES_INIT;
	first.model = RF_MODEL_FIRST_TOUCH;
	first.lookback_ms = 7 * RF_DAY_MS;
	TRY("update", rf_program_update(NULL, s, "parity", NULL, &first));
	convert(s, "v1", "o4", 700, T0 + 330 * MIN);    /* first touch: alice */

	rf_explanation *ex = NULL;
	TRY("explain", rf_explanation_get(&ex, s, "parity", "o1"));
	printf("explain %s touches=%zu window=%" PRId64 "..%" PRId64 "\n", ex->order_id,
	       ex->touch_count, ex->window_start_ms - T0, ex->window_end_ms - T0);
	for (size_t i = 0; i < ex->touch_count; i++)
		printf("  touch %s %s at=%" PRId64 " weight=%.6f value=%" PRId64 "\n",
		       ex->touches[i]->advocate, ex->touches[i]->code, ex->touches[i]->at_ms - T0,
		       ex->touches[i]->weight, ex->touches[i]->value_minor);
	rf_explanation_free(ex);

	stats(s, NULL);
	stats(s, "alice");
	stats(s, "bob");

	rf_code *c = NULL;
	TRY("get code", rf_code_get(&c, s, "ALICE2026"));
	printf("uses ALICE2026 %" PRId64 "\n", c->uses);
	rf_code_free(c);

	/* Issue 3: a linear program, refunds (partial, repeated, the rest), a replay. */
	rf_program_rules linear = RF_PROGRAM_RULES_INIT;
	linear.model = RF_MODEL_LINEAR;
	linear.lookback_ms = 7 * RF_DAY_MS;
	TRY("linear", rf_program_update(NULL, s, "parity", NULL, &linear));
	convert(s, "v1", "o5", 1001, T0 + 340 * MIN);   /* alice and bob, half each */
	refund(s, "o5", "r1", 301);
	refund(s, "o5", "r1", 301);                      /* duplicate */
	refund(s, "o5", "r2", 0);                        /* the rest */
	replay(s, RF_MODEL_FIRST_TOUCH);
	stats(s, NULL);

	/* Issue 5: activities, then leaderboards by score and by value. */
	now_ms = T0 + 400 * MIN;
	activity(s, "bob", RF_ACTIVITY_REVIEW);
	activity(s, "alice", RF_ACTIVITY_INVITE);
	board(s, RF_BOARD_BY_SCORE);
	board(s, RF_BOARD_BY_VALUE);

	rf_store_free(s);
	return 0;
}
