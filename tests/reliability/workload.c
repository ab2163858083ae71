/* The reliability tests' deterministic workload; see workload.h. */
#include "workload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t rfw_value(int64_t i)
{
	return 1000 + i;
}

int64_t rfw_refund(int64_t i)
{
	return 100 + i % 7;
}

/* Rewards on every purchase, both sides, and the fraud check running on
 * each but deciding nothing (every verdict approves), so a conversion's
 * money does not depend on the order writers interleave in. */
static int money_rules(rf_store *s)
{
	rf_fraud_policy fp = RF_FRAUD_POLICY_INIT;
	fp.approve_below = 101;
	fp.reject_from = 101;
	fp.hard_signals = 0;
	int rc = rf_fraud_policy_set(NULL, s, RFW_PROGRAM, &fp);
	rf_reward_rule referrer = RF_REWARD_RULE_INIT;
	referrer.basis = RF_AMOUNT_PERCENT;
	referrer.amount = RFW_REFERRER_BP;
	if (rc == RF_OK)
		rc = rf_reward_rule_add(NULL, s, RFW_PROGRAM, &referrer);
	rf_reward_rule referee = RF_REWARD_RULE_INIT;
	referee.side = RF_SIDE_REFEREE;
	referee.kind = RF_REWARD_CREDIT;
	referee.amount = 500;
	referee.approve_at_once = 1;
	if (rc == RF_OK)
		rc = rf_reward_rule_add(NULL, s, RFW_PROGRAM, &referee);
	return rc;
}

int rfw_scene_create(rf_store *s, rfw_scene *scene)
{
	int rc = rf_program_create(NULL, s, RFW_PROGRAM, "reliability", NULL);
	if (rc == RF_OK)
		rc = money_rules(s);
	for (int a = 0; a < RFW_ADVOCATES && rc == RF_OK; a++) {
		char id[16];
		snprintf(id, sizeof id, "a%d", a);
		rf_advocate_spec as = RF_ADVOCATE_SPEC_INIT;
		as.external_id = id;
		rc = rf_advocate_add(NULL, s, &as);
		rf_code_spec cs = RF_CODE_SPEC_INIT;
		cs.program = RFW_PROGRAM;
		cs.advocate = id;
		rf_code *code = NULL;
		if (rc == RF_OK)
			rc = rf_code_issue(&code, s, &cs);
		if (rc == RF_OK)
			snprintf(scene->codes[a], sizeof scene->codes[a], "%s", code->code);
		rf_code_free(code);
	}
	return rc;
}

static int touch_batch(rf_store *s, const rfw_scene *scene, const char *w, int64_t i)
{
	char visitors[RFW_BATCH][64];
	rf_touchpoint_spec specs[RFW_BATCH];
	const rf_touchpoint_spec *ptrs[RFW_BATCH];
	for (int j = 0; j < RFW_BATCH; j++) {
		snprintf(visitors[j], sizeof visitors[j], "%sv%lld-%d", w, (long long)i, j);
		rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
		t.code = scene->codes[(i + j) % RFW_ADVOCATES];
		t.visitor_id = visitors[j];
		t.at_ms = RFW_T0 + i * 60000 + j;
		t.ip = "192.0.2.1";
		specs[j] = t;
		ptrs[j] = &specs[j];
	}
	return rf_touchpoint_record_batch(s, ptrs, RFW_BATCH);
}

static int purchase(rf_store *s, const char *w, int64_t i)
{
	char visitor[64], order[64];
	snprintf(visitor, sizeof visitor, "%sv%lld-0", w, (long long)i);
	snprintf(order, sizeof order, "%so%lld", w, (long long)i);
	rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
	c.program = RFW_PROGRAM;
	c.visitor_id = visitor;
	c.order_id = order;
	c.value_minor = rfw_value(i);
	c.currency = "EUR";
	c.at_ms = RFW_T0 + i * 60000 + 1000;
	return rf_conversion_record(NULL, s, &c);
}

static int refund(rf_store *s, const char *w, int64_t i)
{
	char order[64], key[64];
	snprintf(order, sizeof order, "%so%lld", w, (long long)i);
	snprintf(key, sizeof key, "%sr%lld", w, (long long)i);
	rf_refund_spec r = RF_REFUND_SPEC_INIT;
	r.program = RFW_PROGRAM;
	r.order_id = order;
	r.refund_id = key;
	r.amount_minor = rfw_refund(i);
	r.at_ms = RFW_T0 + i * 60000 + 2000;
	return rf_conversion_refund(NULL, s, &r);
}

int rfw_op(rf_store *s, const rfw_scene *scene, const char *w, int64_t u)
{
	int64_t i = u / 3;
	switch (u % 3) {
	case 0:
		return touch_batch(s, scene, w, i);
	case 1:
		return purchase(s, w, i);
	default:
		return refund(s, w, i);
	}
}

/* The purchase's two rewards exist, the referrer's for its advocate at
 * RFW_REFERRER_BP of the value, and after its refund a clawback. */
static int rewards_present(rf_store *s, const char *order, const char *advocate, int refunded,
			   char *why, size_t why_size)
{
	rf_reward_list *l = NULL;
	int rc = rf_reward_list_get(&l, s, RFW_PROGRAM, NULL, order);
	int referrer = 0, referee = 0, clawed = 0;
	for (size_t k = 0; rc == RF_OK && k < l->count; k++) {
		const rf_reward *r = l->items[k];
		if (r->side == RF_SIDE_REFERRER && strcmp(r->recipient, advocate) == 0)
			referrer++;
		if (r->side == RF_SIDE_REFEREE)
			referee++;
		clawed += r->clawed > 0;
	}
	int ok = rc == RF_OK && referrer == 1 && referee == 1 && (!refunded || clawed > 0);
	if (!ok)
		snprintf(why, why_size, "order %s: status %d, %d referrer and %d referee rewards, %d clawed",
			 order, rc, referrer, referee, clawed);
	rf_reward_list_free(l);
	return ok;
}

int rfw_op_present(rf_store *s, const char *w, int64_t u, char *why, size_t why_size)
{
	int64_t i = u / 3;
	char order[64], advocate[16];
	snprintf(order, sizeof order, "%so%lld", w, (long long)i);
	snprintf(advocate, sizeof advocate, "a%d", (int)(i % RFW_ADVOCATES));
	if (u % 3 == 0)
		return 1;
	rf_conversion *c = NULL;
	int rc = rf_conversion_get(&c, s, RFW_PROGRAM, order);
	int ok = rc == RF_OK && c->value_minor == rfw_value(i) && c->attributed == 1 &&
		 c->credit_count == 1 && strcmp(c->credits[0]->advocate, advocate) == 0 &&
		 c->refunded_minor == (u % 3 == 2 ? rfw_refund(i) : c->refunded_minor);
	if (ok)
		ok = rewards_present(s, order, advocate, u % 3 == 2, why, why_size);
	else
		snprintf(why, why_size, "op %lld (order %s): status %d, value %lld, refunded %lld",
			 (long long)u, order, rc, c ? (long long)c->value_minor : -1LL,
			 c ? (long long)c->refunded_minor : -1LL);
	rf_conversion_free(c);
	return ok;
}

static int describe_stats(FILE *out, rf_store *s, const char *advocate, int all)
{
	rf_stats_query q = RF_STATS_QUERY_INIT;
	q.program = RFW_PROGRAM;
	q.advocate = advocate;
	rf_stats *st = NULL;
	int rc = rf_stats_get(&st, s, &q);
	if (rc != RF_OK)
		return rc;
	fprintf(out, "stats %s: %lld %lld %lld %lld %lld %.6f", advocate ? advocate : "*",
		all ? (long long)st->touchpoints : -1LL, (long long)st->unique_touchpoints,
		(long long)st->unique_visitors, (long long)st->conversions,
		(long long)st->attributed_conversions, st->credited_conversions);
	for (size_t k = 0; k < st->value_count; k++)
		fprintf(out, " %s=%lld", st->values[k]->currency, (long long)st->values[k]->value_minor);
	fputc('\n', out);
	rf_stats_free(st);
	return RF_OK;
}

static int describe_conversion(FILE *out, rf_store *s, const char *order)
{
	rf_conversion *c = NULL;
	int rc = rf_conversion_get(&c, s, RFW_PROGRAM, order);
	if (rc == RF_ENOTFOUND) {
		fprintf(out, "%s: none\n", order);
		return RF_OK;
	}
	if (rc != RF_OK)
		return rc;
	fprintf(out, "%s: %s %lld %lld %s", order, c->visitor_id, (long long)c->value_minor,
		(long long)c->refunded_minor, c->currency);
	for (size_t k = 0; k < c->credit_count; k++)
		fprintf(out, " [%s %lld %lld]", c->credits[k]->advocate,
			(long long)c->credits[k]->value_minor, (long long)c->credits[k]->refunded_minor);
	fputc('\n', out);
	rf_conversion_free(c);
	return RF_OK;
}

#define LINE_SIZE 192

static int by_text(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* One line per holder, sorted: the list's order follows who was rewarded
 * first, which interleaving writers change. */
static int describe_balances(FILE *out, rf_store *s)
{
	rf_balance_list *l = NULL;
	int rc = rf_reward_balances(&l, s, RFW_PROGRAM, NULL);
	char (*lines)[LINE_SIZE] = rc == RF_OK ? calloc(l->count + 1, LINE_SIZE) : NULL;
	if (rc == RF_OK && lines == NULL)
		rc = RF_ENOMEM;
	for (size_t k = 0; rc == RF_OK && k < l->count; k++) {
		const rf_balance *b = l->items[k];
		snprintf(lines[k], LINE_SIZE, "balance %s %d %s: %lld %lld %lld %lld %lld",
			 b->recipient, (int)b->side, b->unit, (long long)b->held,
			 (long long)b->pending, (long long)b->approved, (long long)b->paid,
			 (long long)b->owed);
	}
	if (rc == RF_OK) {
		qsort(lines, l->count, LINE_SIZE, by_text);
		for (size_t k = 0; k < l->count; k++)
			fprintf(out, "%s\n", lines[k]);
	}
	free(lines);
	rf_balance_list_free(l);
	return rc;
}

static char *digest(rf_store *s, const char *const *writers, int writer_count, int64_t ops,
		    int all)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	if (out == NULL)
		return NULL;
	int rc = describe_stats(out, s, NULL, all);
	for (int a = 0; a < RFW_ADVOCATES && rc == RF_OK; a++) {
		char id[16];
		snprintf(id, sizeof id, "a%d", a);
		rc = describe_stats(out, s, id, all);
	}
	if (rc == RF_OK)
		rc = describe_balances(out, s);
	for (int w = 0; w < writer_count && rc == RF_OK; w++) {
		for (int64_t i = 0; i * 3 < ops && rc == RF_OK; i++) {
			char order[64];
			snprintf(order, sizeof order, "%so%lld", writers[w], (long long)i);
			rc = describe_conversion(out, s, order);
		}
	}
	fclose(out);
	if (rc != RF_OK) {
		free(text);
		return NULL;
	}
	return text;
}

char *rfw_digest(rf_store *s, const char *const *writers, int writer_count, int64_t ops)
{
	return digest(s, writers, writer_count, ops, 1);
}

char *rfw_digest_unique(rf_store *s, const char *const *writers, int writer_count, int64_t ops)
{
	return digest(s, writers, writer_count, ops, 0);
}
