/* referral convert ... and referral explain PROGRAM ORDER_ID */
#include "args.h"
#include "commands.h"
#include "money.h"
#include "render.h"

#include <stdio.h>

static void show_conversion(const cli *c, const rf_conversion *cv, int duplicate)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kbool(&w, "duplicate", duplicate);
		jw_key(&w, "conversion");
		render_conversion_json(&w, cv);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	if (duplicate)
		printf("order %s was already recorded; nothing changed. The original:\n",
		       cv->order_id);
	else
		printf("conversion recorded\n");
	render_conversion_text(cv);
}

/* AMOUNT and CURRENCY into the spec; a usage error when malformed. */
static int parse_value(const cli *c, const char *amount, const char *currency_text,
		       char currency[4], rf_conversion_spec *in)
{
	int exponent;
	if (money_currency(currency, currency_text))
		return cli_usage(c, "convert: '%s' is not a currency code (three letters, e.g. EUR)",
				 currency_text);
	exponent = money_exponent(currency);
	switch (money_parse(&in->value_minor, amount, exponent)) {
	case MONEY_OK:
		in->currency = currency;
		return CLI_EXIT_OK;
	case MONEY_PRECISION:
		return cli_usage(c, "convert: %s has %d decimal place%s; '%s' has more", currency,
				 exponent, exponent == 1 ? "" : "s", amount);
	case MONEY_RANGE:
		return cli_usage(c, "convert: amount '%s' is too large", amount);
	default:
		return cli_usage(c, "convert: '%s' is not an amount (use digits and a '.', e.g. 49.90)",
				 amount);
	}
}

int cmd_convert(cli *c, int argc, char **argv)
{
	rf_conversion_spec in = RF_CONVERSION_SPEC_INIT;
	const char *at = NULL, *kind = NULL;
	int existing = 0;
	const arg_opt opts[] = {
		{ "at", "TIME", &at, NULL, "when it happened (default: now)" },
		{ "kind", "KIND", &kind, NULL, "signup, purchase (default), custom or renewal" },
		{ "customer", "ID", &in.customer_id, NULL,
		  "your customer id: ties the visitor to it (journeys span its visitor ids)" },
		{ "code", "CODE", &in.code, NULL,
		  "a code typed at checkout or used as a coupon (counts as a touchpoint now)" },
		{ "email", "EMAIL", &in.email, NULL, "the customer's email (fraud checks; hashed only)" },
		{ "ip", "IP", &in.ip, NULL, "the customer's IP (fraud checks; hashed only)" },
		{ "user-agent", "UA", &in.user_agent, NULL, "the customer's user agent (hashed only)" },
		{ "existing-customer", NULL, NULL, &existing,
		  "you already had this customer: not a referral" },
	};
	const arg_spec spec = {
		"convert", "PROGRAM VISITOR ORDER_ID AMOUNT CURRENCY [options]",
		"Record a conversion of a visitor and attribute it with the program's model.\n"
		"AMOUNT is a decimal in the currency's units (49.90 EUR, 1200 JPY, 1.250 KWD),\n"
		"converted exactly to minor units. ORDER_ID is the idempotency key: recording\n"
		"the same order again changes nothing, prints the original and exits 0;\n"
		"recording it with other data fails. A purchase by a visitor (or customer)\n"
		"whose signup was attributed is credited as the signup was, and a renewal as\n"
		"the first purchase (see the program's rules).",
		opts, ARGS_COUNT(opts), 5, 5
	};
	rf_conversion *cv = NULL;
	char currency[4];
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_time(c, "--at", at, &in.at_ms) ||
	    argval_enum(c, "--kind", kind, RF_ENUM_CONVERSION_KIND, &in.kind))
		return CLI_EXIT_USAGE;
	if ((rc = parse_value(c, a.pos[3], a.pos[4], currency, &in)) != CLI_EXIT_OK)
		return rc;
	in.existing_customer = existing;
	in.program = a.pos[0];
	in.visitor_id = a.pos[1];
	in.order_id = a.pos[2];
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	int status = rf_conversion_record(&cv, store, &in);
	if (status < 0)
		rc = cli_fail(c);
	else
		show_conversion(c, cv, status == RF_DUPLICATE);
	rf_conversion_free(cv);
	rf_store_free(store);
	return rc;
}

static void rewards_json(jw *w, const void *data)
{
	render_rewards_json(w, data);
}

static void rewards_text(const void *data)
{
	const rf_reward_list *list = data;
	if (list->count)
		render_rewards_table(list);
	else
		printf("none\n");
}

/* The conversion, why it was credited, then each section (rewards, ...). */
static void show_explanation(const cli *c, const rf_conversion *cv, const rf_explanation *e,
			     const rf_fraud_check *fraud, const explain_section *sections,
			     size_t n)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_key(&w, "conversion");
		render_conversion_json(&w, cv);
		jw_key(&w, "explanation");
		render_explanation_json(&w, e, cv->currency);
		jw_key(&w, "fraud");
		if (fraud)
			render_fraud_json(&w, fraud);
		else
			jw_null(&w);
		for (size_t i = 0; i < n; i++) {
			jw_key(&w, sections[i].key);
			sections[i].json(&w, sections[i].data);
		}
		jw_doc_end(&w);
	} else if (c->quiet) {
		printf("%s\n", e->summary ? e->summary : "");
	} else {
		render_conversion_text(cv);
		printf("\nwhy:\n");
		render_explanation_text(e, cv->currency);
		if (fraud) {
			printf("\nfraud check:\n");
			render_fraud_text(fraud);
		}
		for (size_t i = 0; i < n; i++) {
			printf("\n%s:\n", sections[i].key);
			sections[i].text(sections[i].data);
		}
	}
}

int cmd_explain(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"explain", "PROGRAM ORDER_ID",
		"Explain a conversion in one view: how it was credited (the model and window\n"
		"used, every touchpoint considered, its weight and why) and the rewards it\n"
		"made (rule, state, amount, clawbacks, caps). --quiet prints the summary only.",
		NULL, 0, 2, 2
	};
	rf_conversion *cv = NULL;
	rf_explanation *e = NULL;
	rf_fraud_check *fraud = NULL;
	rf_reward_list *rewards = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	if (rf_conversion_get(&cv, store, a.pos[0], a.pos[1]) < 0 ||
	    rf_explanation_get(&e, store, a.pos[0], a.pos[1]) < 0 ||
	    rf_reward_list_get(&rewards, store, a.pos[0], NULL, a.pos[1]) < 0) {
		rc = cli_fail(c);
	} else if (rf_fraud_get(&fraud, store, a.pos[0], a.pos[1]) < 0 &&
		   rf_error_last()->code != RF_ENOTFOUND) {
		rc = cli_fail(c); /* a conversion from before fraud checks has none */
	} else {
		const explain_section sections[] = {
			{ "rewards", rewards_json, rewards_text, rewards },
		};
		show_explanation(c, cv, e, fraud, sections, sizeof sections / sizeof *sections);
	}
	rf_fraud_check_free(fraud);
	rf_reward_list_free(rewards);
	rf_explanation_free(e);
	rf_conversion_free(cv);
	rf_store_free(store);
	return rc;
}
