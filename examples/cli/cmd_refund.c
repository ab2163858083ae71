/* referral refund PROGRAM ORDER_ID [AMOUNT] and referral identify VISITOR CUSTOMER */
#include "args.h"
#include "commands.h"
#include "money.h"
#include "render.h"

#include <inttypes.h>
#include <stdio.h>

/* What this refund clawed back from each reward: its clawed total now less
 * before (lists in id order; a reward is never created by a refund). */
static int64_t clawed_now(const rf_reward_list *before, const rf_reward *r)
{
	int64_t earlier = 0;
	for (size_t k = 0; before && k < before->count; k++)
		if (before->items[k]->id == r->id)
			earlier = before->items[k]->clawed;
	return r->clawed - earlier;
}

static void clawbacks_json(jw *w, const rf_reward_list *before, const rf_reward_list *after)
{
	jw_arr_begin(w);
	for (size_t i = 0; after && i < after->count; i++) {
		const rf_reward *r = after->items[i];
		int64_t now = clawed_now(before, r);
		if (!now)
			continue;
		jw_obj_begin(w);
		jw_kint(w, "reward_id", r->id);
		jw_kstr(w, "recipient", r->recipient);
		jw_kstr(w, "unit", r->unit);
		jw_kint(w, "clawed", now);
		jw_kint(w, "clawed_total", r->clawed);
		jw_kstr(w, "state", cli_enum_name(RF_ENUM_REWARD_STATE, r->state));
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void clawbacks_text(const rf_reward_list *before, const rf_reward_list *after)
{
	for (size_t i = 0; after && i < after->count; i++) {
		const rf_reward *r = after->items[i];
		int64_t now = clawed_now(before, r);
		char amount[64], total[64];
		if (!now)
			continue;
		render_reward_amount(amount, sizeof amount, now, r->unit);
		render_reward_amount(total, sizeof total, r->amount, r->unit);
		printf("clawed back %s from reward %lld of %s (%s, now %s)\n", amount,
		       (long long)r->id, r->recipient, total,
		       cli_enum_name(RF_ENUM_REWARD_STATE, r->state));
	}
}

static void show_refund(const cli *c, const rf_conversion *cv, const char *refund_id,
			int64_t refunded_now, int duplicate, const rf_reward_list *before,
			const rf_reward_list *after)
{
	char money[64], total[64], value[64];
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kbool(&w, "duplicate", duplicate);
		jw_kstr(&w, "refund_id", refund_id);
		jw_key(&w, "refunded");
		jw_obj_begin(&w);
		jw_money_fields(&w, refunded_now, cv->currency);
		jw_obj_end(&w);
		jw_key(&w, "conversion");
		render_conversion_json(&w, cv);
		jw_key(&w, "clawbacks");
		clawbacks_json(&w, before, after);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	render_money(money, sizeof money, refunded_now, cv->currency);
	render_money(total, sizeof total, cv->refunded_minor, cv->currency);
	render_money(value, sizeof value, cv->value_minor, cv->currency);
	if (duplicate)
		printf("refund %s was already applied; nothing changed (refunded %s of %s)\n",
		       refund_id, total, value);
	else
		printf("refund %s: %s refunded (in all %s of %s)\n", refund_id, money, total, value);
	clawbacks_text(before, after);
	render_conversion_text(cv);
}

/* AMOUNT in the conversion's currency; "full" or the amount as the default id. */
static int parse_amount(const cli *c, const char *text, const rf_conversion *cv,
			rf_refund_spec *in, char id[MONEY_BUFSIZE])
{
	int exponent = money_exponent(cv->currency);
	if (!text) {
		snprintf(id, MONEY_BUFSIZE, "full");
		return CLI_EXIT_OK;
	}
	switch (money_parse(&in->amount_minor, text, exponent)) {
	case MONEY_OK:
		break;
	case MONEY_PRECISION:
		return cli_usage(c, "refund: %s has %d decimal place%s; '%s' has more", cv->currency,
				 exponent, exponent == 1 ? "" : "s", text);
	case MONEY_RANGE:
		return cli_usage(c, "refund: amount '%s' is too large", text);
	default:
		return cli_usage(c, "refund: '%s' is not an amount (use digits and a '.', e.g. 10.00)",
				 text);
	}
	if (in->amount_minor == 0)
		return cli_usage(c, "refund: the amount must be more than 0 (omit it to refund "
				 "everything left)");
	money_format(id, in->amount_minor, exponent);
	return CLI_EXIT_OK;
}

int cmd_refund(cli *c, int argc, char **argv)
{
	rf_refund_spec in = RF_REFUND_SPEC_INIT;
	const char *at = NULL;
	const arg_opt opts[] = {
		{ "refund-id", "ID", &in.refund_id, NULL,
		  "your idempotency key (default: 'full', or the amount, e.g. '10.00')" },
		{ "at", "TIME", &at, NULL, "when it happened (default: now)" },
	};
	const arg_spec spec = {
		"refund", "PROGRAM ORDER_ID [AMOUNT] [--refund-id ID] [--at TIME]",
		"Refund part of a conversion (AMOUNT, a decimal in its currency) or all that\n"
		"is left (no AMOUNT). The refund is split over the conversion's credit in\n"
		"proportion to each share; the credit itself is kept (history). A refund id\n"
		"makes it idempotent: the same id and amount again changes nothing (exit 0),\n"
		"the same id with another amount fails. Without --refund-id the id is 'full'\n"
		"for a full refund and the amount ('10.00') otherwise, so two partial refunds\n"
		"of the same amount need their own ids.",
		opts, ARGS_COUNT(opts), 2, 3
	};
	rf_conversion *before = NULL, *after = NULL;
	rf_reward_list *rewards_before = NULL, *rewards_after = NULL;
	char id[MONEY_BUFSIZE];
	rf_store *store;
	arg_result a;
	int rc, status;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--at", at, &in.at_ms))
		return CLI_EXIT_USAGE;
	in.program = a.pos[0];
	in.order_id = a.pos[1];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_conversion_get(&before, store, in.program, in.order_id) < 0) {
		rc = cli_fail(c);
		goto done;
	}
	if ((rc = parse_amount(c, a.count > 2 ? a.pos[2] : NULL, before, &in, id)) != CLI_EXIT_OK)
		goto done;
	if (!in.refund_id)
		in.refund_id = id;
	if (rf_reward_list_get(&rewards_before, store, in.program, NULL, in.order_id) < 0) {
		rc = cli_fail(c);
		goto done;
	}
	status = rf_conversion_refund(&after, store, &in);
	if (status < 0 ||
	    rf_reward_list_get(&rewards_after, store, in.program, NULL, in.order_id) < 0)
		rc = cli_fail(c);
	else
		show_refund(c, after, in.refund_id, after->refunded_minor - before->refunded_minor,
			    status == RF_DUPLICATE, rewards_before, rewards_after);
done:
	rf_reward_list_free(rewards_after);
	rf_reward_list_free(rewards_before);
	rf_conversion_free(after);
	rf_conversion_free(before);
	rf_store_free(store);
	return rc;
}

int cmd_identify(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"identify", "VISITOR CUSTOMER",
		"Tie a visitor id (cookie, device) to your customer id. A conversion with\n"
		"--customer is then attributed over the touchpoints of every visitor id of\n"
		"that customer (cross-device). Tying the same pair again is harmless; a\n"
		"visitor already tied to another customer is refused.",
		NULL, 0, 2, 2
	};
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_identify(store, a.pos[0], a.pos[1]) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "visitor_id", a.pos[0]);
		jw_kstr(&w, "customer_id", a.pos[1]);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("visitor %s is tied to customer %s\n", a.pos[0], a.pos[1]);
	}
	rf_store_free(store);
	return rc;
}
