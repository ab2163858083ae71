/*
 * Consent command:
 *   referral consent ADVOCATE [tracking|messages grant|withdraw] [--source S]
 * With the advocate alone it shows the consent in force and its history.
 */
#include "args.h"
#include "commands.h"
#include "output.h"

#include <stdio.h>
#include <string.h>

static const char *purpose_name(int32_t p)
{
	return p == RF_CONSENT_TRACKING ? "tracking" : p == RF_CONSENT_MESSAGES ? "messages" : "?";
}

static void show_consent(const cli *c, const rf_consent *k)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "advocate", k->advocate);
		jw_kbool(&w, "tracking", k->tracking);
		jw_kbool(&w, "messages", k->messages);
		jw_karr_begin(&w, "history");
		for (size_t i = 0; i < k->count; i++) {
			jw_obj_begin(&w);
			jw_kstr(&w, "purpose", purpose_name(k->items[i]->purpose));
			jw_kbool(&w, "granted", k->items[i]->granted);
			jw_kstr(&w, "source", k->items[i]->source);
			jw_ktime(&w, "at", k->items[i]->at_ms, 0);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		kv("advocate", "%s", k->advocate);
		kv("tracking", "%s", k->tracking ? "granted" : "no");
		kv("messages", "%s", k->messages ? "granted" : "no");
	}
}

int cmd_consent(cli *c, int argc, char **argv)
{
	const char *source = "cli";
	const arg_opt opts[] = {
		{ "source", "S", &source, NULL, "where the advocate said so (default: cli)" },
	};
	const arg_spec spec = {
		"consent", "ADVOCATE [tracking|messages grant|withdraw] [--source S]",
		"Show an advocate's consent, or grant or withdraw it for one purpose.\n"
		"Activities are recorded only with tracking consent; messages need messages consent.",
		opts, ARGS_COUNT(opts), 1, 3
	};
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	int32_t purpose = 0, granted = 0;
	if (a.count == 2)
		return cli_usage(c, "give both the purpose and grant or withdraw");
	if (a.count == 3) {
		purpose = strcmp(a.pos[1], "tracking") == 0 ? RF_CONSENT_TRACKING
			  : strcmp(a.pos[1], "messages") == 0 ? RF_CONSENT_MESSAGES : 0;
		if (purpose == 0)
			return cli_usage(c, "PURPOSE must be tracking or messages, not '%s'", a.pos[1]);
		if (strcmp(a.pos[2], "grant") != 0 && strcmp(a.pos[2], "withdraw") != 0)
			return cli_usage(c, "say grant or withdraw, not '%s'", a.pos[2]);
		granted = strcmp(a.pos[2], "grant") == 0;
	}
	rf_store *store;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_consent *k = NULL;
	if ((purpose && rf_consent_set(store, a.pos[0], purpose, granted, source) < 0) ||
	    rf_consent_get(&k, store, a.pos[0]) < 0)
		rc = cli_fail(c);
	else
		show_consent(c, k);
	rf_consent_free(k);
	rf_store_free(store);
	return rc;
}
