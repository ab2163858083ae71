/* referral fit PROGRAM --model markov|shapley [--top N] */
#include "args.h"
#include "commands.h"
#include "render.h"

#include <stdio.h>
#include <time.h>

static int64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void show_fit(const cli *c, const char *program, const rf_fit *fit, size_t top,
		     int64_t elapsed_ms)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", program);
		jw_kint(&w, "elapsed_ms", elapsed_ms);
		render_fit_fields_json(&w, fit, top);
		jw_doc_end(&w);
	} else if (c->quiet) {
		for (size_t i = 0; i < fit->count && (top == 0 || i < top); i++)
			printf("%s\n", fit->values[i]->advocate);
	} else {
		kv("program", "%s", program);
		render_fit_text(fit, top);
		printf("\nfitted in %lld ms; conversions under this model now use these values\n",
		       (long long)elapsed_ms);
	}
}

int cmd_fit(cli *c, int argc, char **argv)
{
	const char *model = NULL, *top_text = NULL;
	const arg_opt opts[] = {
		{ "model", "M", &model, NULL, "markov or shapley (required)" },
		{ "top", "N", &top_text, NULL, "show the N largest values (default 10; 0 = all)" },
	};
	const arg_spec spec = {
		"fit", "PROGRAM --model markov|shapley [--top N]",
		"Fit a data-driven attribution model on the program's journeys (every\n"
		"visitor's touchpoints, converting or not) and store it: later conversions of\n"
		"a program using that model are credited with these values. Markov: the\n"
		"removal effect of each advocate in a first-order chain; Shapley: each\n"
		"advocate's Shapley value of conversions. Prints the top advocates and the\n"
		"time taken.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	int64_t top = 10, started;
	int32_t m = 0;
	rf_fit *fit = NULL;
	rf_store *store;
	arg_result a;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (!model)
		return cli_usage(c, "fit: --model is required (markov or shapley)");
	if (argval_enum(c, "--model", model, RF_ENUM_MODEL, &m) ||
	    argval_i64(c, "--top", top_text, 0, 1000000, &top))
		return CLI_EXIT_USAGE;
	if (m != RF_MODEL_MARKOV && m != RF_MODEL_SHAPLEY)
		return cli_usage(c, "fit: --model must be markov or shapley, not '%s'", model);
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	started = monotonic_ms();
	if (rf_model_fit(&fit, store, a.pos[0], m) < 0)
		rc = cli_fail(c);
	else
		show_fit(c, a.pos[0], fit, (size_t)top, monotonic_ms() - started);
	rf_fit_free(fit);
	rf_store_free(store);
	return rc;
}
