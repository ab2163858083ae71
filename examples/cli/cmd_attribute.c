/* referral attribute --model M [--half-life-days H] [--order K] FILE:
 * offline attribution of a CSV file of aggregated paths (rf_paths_*). */
#include "args.h"
#include "commands.h"
#include "csv.h"
#include "rules.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The models a path file can be attributed with. */
static int model_allowed(int32_t model)
{
	return model == RF_MODEL_FIRST_TOUCH || model == RF_MODEL_LAST_TOUCH ||
	       model == RF_MODEL_LINEAR || model == RF_MODEL_POSITION ||
	       model == RF_MODEL_TIME_DECAY || model == RF_MODEL_MARKOV ||
	       model == RF_MODEL_SHAPLEY;
}

static int file_error(const cli *c, const char *file, long line, const char *why)
{
	return cli_error(c, "%s:%ld: %s", file, line, why);
}

/* The header: path,conversions,value,nulls. */
static int check_header(const cli *c, const char *file, csv_reader *r)
{
	int rc = csv_next(r);
	if (rc < 0)
		return file_error(c, file, r->record_line, r->error);
	if (rc == 0)
		return file_error(c, file, 1, "empty file (expected the header path,conversions,value,nulls)");
	if (r->count != 4 || !csv_is(csv_field(r, 0), "path") ||
	    !csv_is(csv_field(r, 1), "conversions") || !csv_is(csv_field(r, 2), "value") ||
	    !csv_is(csv_field(r, 3), "nulls"))
		return file_error(c, file, r->record_line,
				  "the header must be path,conversions,value,nulls");
	return CLI_EXIT_OK;
}

static int add_record(const cli *c, const char *file, csv_reader *r, rf_paths *paths)
{
	static const char *const names[] = { "conversions", "value", "nulls" };
	double n[3];
	char why[160];
	if (r->count != 4) {
		snprintf(why, sizeof why, "expected 4 fields (path,conversions,value,nulls), got %zu",
			 r->count);
		return file_error(c, file, r->record_line, why);
	}
	for (int i = 0; i < 3; i++)
		if (csv_number(&n[i], csv_field(r, (size_t)i + 1))) {
			snprintf(why, sizeof why, "%s: '%.40s' is not a number >= 0", names[i],
				 csv_field(r, (size_t)i + 1));
			return file_error(c, file, r->record_line, why);
		}
	if (rf_paths_add(paths, csv_field(r, 0), n[0], n[1], n[2]) != RF_OK)
		return file_error(c, file, r->record_line, rf_error_last()->message);
	return CLI_EXIT_OK;
}

static int read_paths(const cli *c, const char *file, FILE *f, rf_paths *paths)
{
	csv_reader r;
	int rc, more;
	csv_init(&r, f);
	rc = check_header(c, file, &r);
	while (rc == CLI_EXIT_OK && (more = csv_next(&r)) != 0) {
		if (more < 0)
			rc = file_error(c, file, r.record_line, r.error);
		else
			rc = add_record(c, file, &r, paths);
	}
	csv_free(&r);
	return rc;
}

/* 6 decimals, and no "-0.000000" from rounding noise. */
static double clean(double v)
{
	return v < 0 && v > -5e-7 ? 0.0 : v;
}

static void show(const cli *c, const rf_paths_options *o, const rf_path_credits *out)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "model", cli_enum_name(RF_ENUM_MODEL, o->model));
		jw_karr_begin(&w, "channels");
		for (size_t i = 0; i < out->count; i++) {
			jw_obj_begin(&w);
			jw_kstr(&w, "channel", out->items[i]->channel);
			jw_kdouble(&w, "conversions", clean(out->items[i]->conversions));
			jw_kdouble(&w, "value", clean(out->items[i]->value));
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
		return;
	}
	printf("channel,conversions,value\n");
	for (size_t i = 0; i < out->count; i++) {
		csv_write_field(stdout, out->items[i]->channel);
		printf(",%.6f,%.6f\n", clean(out->items[i]->conversions), clean(out->items[i]->value));
	}
}

static int parse_options(const cli *c, const char *model, const char *half_life,
			 const char *position, const char *order, rf_paths_options *o)
{
	int64_t k = 0;
	if (argval_enum(c, "--model", model, RF_ENUM_MODEL, &o->model))
		return CLI_EXIT_USAGE;
	if (!model_allowed(o->model))
		return cli_usage(c, "--model: '%s' cannot attribute paths (one of: first, last, "
				 "linear, position, time-decay, markov, shapley)", model);
	if (half_life && rules_parse_days(&o->half_life_ms, half_life))
		return cli_usage(c, "--half-life-days: '%s' is not a number of days in (0, 3650]",
				 half_life);
	if (position && rules_parse_position(&o->position_first_bp, &o->position_last_bp, position))
		return cli_usage(c, "--position: '%s' is not FIRST/LAST in percent (e.g. 40/40)",
				 position);
	if (argval_i64(c, "--order", order, 1, 16, &k))
		return CLI_EXIT_USAGE;
	if (order)
		o->markov_order = (int32_t)k;
	return CLI_EXIT_OK;
}

int cmd_attribute(cli *c, int argc, char **argv)
{
	const char *model = NULL, *half_life = NULL, *position = NULL, *order = NULL;
	const arg_opt opts[] = {
		{ "model", "M", &model, NULL,
		  "first, last, linear, position, time-decay, markov or shapley (required)" },
		{ "half-life-days", "H", &half_life, NULL,
		  "time-decay half-life in days (default 7; path steps are a day apart)" },
		{ "position", "FIRST/LAST", &position, NULL,
		  "position shares in percent (default 40/40)" },
		{ "order", "K", &order, NULL, "Markov chain order (default 1; only 1 is supported)" },
	};
	const arg_spec spec = {
		"attribute", "--model M [options] FILE",
		"Attribute aggregated paths offline (no database). FILE ('-' for stdin) is CSV\n"
		"with the header path,conversions,value,nulls; path is channel names joined\n"
		"by ' > ' (e.g. \"email > whatsapp > qr\"), seen `conversions` times converting\n"
		"with total `value`, and `nulls` times without converting. Prints CSV:\n"
		"channel,conversions,value, one row per channel sorted by name, 6 decimals.\n"
		"A malformed file fails with 'referral: FILE:LINE: reason'.",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_paths_options o = RF_PATHS_OPTIONS_INIT;
	rf_path_credits *out = NULL;
	rf_paths *paths = NULL;
	const char *file;
	arg_result a;
	FILE *f;
	int rc;

	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	if (!model)
		return cli_usage(c, "attribute: --model is required (see 'referral attribute --help')");
	if ((rc = parse_options(c, model, half_life, position, order, &o)) != CLI_EXIT_OK)
		return rc;
	file = a.pos[0];
	if (rf_paths_new(&paths, &o) != RF_OK)
		return cli_fail(c);
	f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	if (!f) {
		rc = cli_error(c, "%s: %s", file, strerror(errno));
	} else {
		rc = read_paths(c, strcmp(file, "-") == 0 ? "<stdin>" : file, f, paths);
		if (f != stdin)
			fclose(f);
	}
	if (rc == CLI_EXIT_OK && rf_paths_result(&out, paths) != RF_OK)
		rc = cli_fail_at(c, file);
	if (rc == CLI_EXIT_OK)
		show(c, &o, out);
	rf_path_credits_free(out);
	rf_paths_free(paths);
	return rc;
}
