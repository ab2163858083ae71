/* referral replay PROGRAM [rule options] [--from TIME] [--to TIME] */
#include "args.h"
#include "commands.h"
#include "render.h"
#include "progress.h"
#include "rules.h"
#include "timeparse.h"

#include <stdio.h>

static void show_replay(const cli *c, const char *program, const rf_program_rules *rules,
			int64_t from, int64_t to, const rf_replay *r)
{
	char d[32], params[160];
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", program);
		jw_key(&w, "rules");
		rules_json(&w, rules);
		jw_ktime(&w, "from", from, 1);
		jw_ktime(&w, "to", to, 1);
		jw_kint(&w, "conversions", r->conversions);
		jw_kint(&w, "changed", r->changed);
		jw_key(&w, "advocates");
		render_replay_rows_json(&w, r, RF_TARGET_ADVOCATE);
		jw_key(&w, "channels");
		render_replay_rows_json(&w, r, RF_TARGET_CHANNEL);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet) {
		printf("%lld\n", (long long)r->changed);
		return;
	}
	render_duration(d, sizeof d, rules->lookback_ms);
	rules_model_params(params, sizeof params, rules);
	kv("program", "%s", program);
	kv("replayed with", "%s%s%s%s, %s window%s", rules_model_label(rules->model),
	   *params ? " (" : "", params, *params ? ")" : "", d,
	   rules->lock_first_referrer ? ", first referrer locked" : "");
	kv_period(from, to);
	kv("conversions", "%lld replayed, %lld credited differently", (long long)r->conversions,
	   (long long)r->changed);
	printf("\nBY ADVOCATE\n");
	render_replay_table(r, RF_TARGET_ADVOCATE);
	printf("\nBY CHANNEL\n");
	render_replay_table(r, RF_TARGET_CHANNEL);
	printf("\nnothing was changed; adopt these rules with 'referral program update'\n");
}

int cmd_replay(cli *c, int argc, char **argv)
{
	rules_args ra = { 0 };
	const char *from = NULL, *to = NULL;
	const arg_opt opts[] = {
		RULES_ATTRIBUTION_OPTS(ra),
		RULES_UNDO_OPTS(ra),
		{ "from", "TIME", &from, NULL, "conversions from TIME, inclusive" },
		{ "to", "TIME", &to, NULL, "until TIME, exclusive" },
	};
	const arg_spec spec = {
		"replay", "PROGRAM --model M [rule options] [--from TIME] [--to TIME]",
		"What if: re-attribute the program's conversions under other rules (the\n"
		"program's current rules changed by the options given) and compare with\n"
		"what is stored, per advocate and per channel: conversions credited and\n"
		"value, now and replayed, and the change. Nothing is written.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	int64_t from_ms = 0, to_ms = 0;
	int32_t weights[RF_CUSTOM_WEIGHTS_MAX];
	rf_program_rules rules;
	rf_program *p = NULL;
	rf_replay *r = NULL;
	rf_store *store;
	arg_result a;
	int rc, changed;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (argval_period(c, "replay", from, to, &from_ms, &to_ms))
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	if (rf_program_get(&p, store, a.pos[0]) < 0) {
		rc = cli_fail(c);
		goto done;
	}
	rules = *p->rules;
	if ((rc = rules_apply(c, &ra, &rules, weights, &changed)) != CLI_EXIT_OK)
		goto done;
	progress bar;
	progress_attach(&bar, c, store, "replaying conversions");
	int failed = rf_replay_run(&r, store, a.pos[0], &rules, from_ms, to_ms) < 0;
	progress_detach(&bar, store);
	if (failed)
		rc = cli_fail(c);
	else
		show_replay(c, a.pos[0], &rules, from_ms, to_ms, r);
done:
	rf_replay_free(r);
	rf_program_free(p);
	rf_store_free(store);
	return rc;
}
