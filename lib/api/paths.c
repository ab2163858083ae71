/*
 * Offline attribution of aggregated paths (no store). Paths are kept as
 * channel indices; the result runs the chosen model over all of them.
 */
#include "internal.h"

#include <math.h>

#include "core/attribution.h"
#include "core/markov.h"
#include "core/shapley.h"
#include "util/strmap.h"

struct rf_paths {
	rf_paths_options opts;
	rf_strmap channels;
	uint32_t *steps;      /* every path's channel indices, back to back */
	size_t step_count, step_cap;
	struct path_row {
		size_t first, n;
		double conversions, value, nulls;
	} *rows;
	size_t row_count, row_cap;
};

static const rf_paths_options opts_defaults = RF_PATHS_OPTIONS_INIT;
static const size_t paths_options_sizes[] = RF_SIZES_V1(rf_paths_options);

int rf_paths_options_init(rf_paths_options *opts, unsigned version)
{
	return rf__options_init(opts, &opts_defaults, paths_options_sizes, version,
				RF_PATHS_OPTIONS_VERSION, "rf_paths_options");
}

static int check_options(const rf_paths_options *o)
{
	int rc = rf__check_version(o->version, RF_PATHS_OPTIONS_VERSION, "rf_paths_options");
	if (rc != RF_OK)
		return rc;
	const char *name = rf_enum_name(RF_ENUM_MODEL, o->model);
	if (name == NULL || o->model == RF_MODEL_CUSTOM)
		return rf__error(RF_EINVALID, "model %d is not available for paths", (int)o->model);
	if (o->half_life_ms < 1)
		return rf__error(RF_EINVALID, "half_life_ms must be >= 1");
	if (o->position_first_bp < 0 || o->position_last_bp < 0 ||
	    o->position_first_bp + o->position_last_bp > 10000)
		return rf__error(RF_EINVALID, "position shares must be >= 0 and sum to <= 10000 bp");
	if (o->markov_order != 1)
		return rf__error(RF_EINVALID, "only Markov order 1 is supported");
	return RF_OK;
}

int rf_paths_new(rf_paths **out, const rf_paths_options *opts)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	const rf_paths_options *o = opts ? opts : &opts_defaults;
	int rc = check_options(o);
	if (rc != RF_OK)
		return rc;
	rf_paths *p = calloc(1, sizeof(*p));
	if (p == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	p->opts = *o;
	*out = p;
	return RF_OK;
}

void rf_paths_free(rf_paths *paths)
{
	if (paths == NULL)
		return;
	rf_strmap_free(&paths->channels);
	free(paths->steps);
	free(paths->rows);
	free(paths);
}

static int reserve(void **items, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return RF_OK;
	size_t want = *cap ? *cap : 64;
	while (want < need)
		want *= 2;
	void *grown = realloc(*items, want * elem);
	if (grown == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	*items = grown;
	*cap = want;
	return RF_OK;
}

static int check_count(double v, const char *what)
{
	if (!isfinite(v) || v < 0.0)
		return rf__error(RF_EINVALID, "%s must be a finite number >= 0", what);
	return RF_OK;
}

/* Keep the first `keep` names (same indices) by interning them afresh. */
static int truncate_channels(rf_strmap *m, size_t keep)
{
	rf_strmap kept = { 0 };
	for (size_t i = 0; i < keep; i++) {
		if (rf_strmap_intern(&kept, m->names[i], strlen(m->names[i])) < 0) {
			rf_strmap_free(&kept);
			return -1;
		}
	}
	rf_strmap_free(m);
	*m = kept;
	return 0;
}

/* Split "a > b > c" into trimmed names and intern them. Only commits the
 * steps when the whole path is good. */
static int parse_path(rf_paths *p, const char *path, size_t *n)
{
	size_t start = p->step_count, count = 0, channels_before = p->channels.count;
	int rc = RF_OK;
	for (const char *at = path; rc == RF_OK;) {
		const char *end = strchr(at, '>');
		const char *stop = end ? end : at + strlen(at);
		const char *a = at, *b = stop;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (a == b)
			rc = rf__error(RF_EINVALID, "path has an empty channel name");
		else if (count >= RF_PATH_MAX_STEPS)
			rc = rf__error(RF_EINVALID, "path has more than %d steps", RF_PATH_MAX_STEPS);
		if (rc == RF_OK)
			rc = reserve((void **)&p->steps, &p->step_cap, start + count + 1,
				     sizeof(*p->steps));
		long index = rc == RF_OK ? rf_strmap_intern(&p->channels, a, (size_t)(b - a)) : 0;
		if (rc == RF_OK && index < 0)
			rc = rf__error(RF_ENOMEM, "out of memory");
		if (rc == RF_OK && p->channels.count > RF_PATH_MAX_CHANNELS)
			rc = rf__error(RF_EINVALID, "more than %d channels", RF_PATH_MAX_CHANNELS);
		if (rc == RF_OK)
			p->steps[start + count++] = (uint32_t)index;
		if (end == NULL)
			break;
		at = end + 1;
	}
	/* A rejected path must not leave new channel names behind. */
	if (rc != RF_OK && p->channels.count > channels_before &&
	    truncate_channels(&p->channels, channels_before) != 0)
		rc = rf__error(RF_ENOMEM, "out of memory");
	*n = count;
	return rc;
}

int rf_paths_add(rf_paths *paths, const char *path, double conversions, double value,
		 double nulls)
{
	RF_CHECK_ARG(paths != NULL);
	int rc = rf__check_text(path, RF_PATH_MAX_STEPS * 64, "path");
	if (rc == RF_OK)
		rc = check_count(conversions, "conversions");
	if (rc == RF_OK)
		rc = check_count(value, "value");
	if (rc == RF_OK)
		rc = check_count(nulls, "nulls");
	if (rc == RF_OK)
		rc = reserve((void **)&paths->rows, &paths->row_cap, paths->row_count + 1,
			     sizeof(*paths->rows));
	size_t n = 0;
	if (rc == RF_OK)
		rc = parse_path(paths, path, &n);
	if (rc != RF_OK)
		return rc;
	paths->rows[paths->row_count++] =
		(struct path_row){ paths->step_count, n, conversions, value, nulls };
	paths->step_count += n;
	return RF_OK;
}

static void credit_heuristic(const rf_paths *p, double *conv, double *value, double *weights,
			     rfc_touch *touches)
{
	rfc_params params = { p->opts.model, (double)p->opts.half_life_ms,
			      p->opts.position_first_bp / 10000.0,
			      p->opts.position_last_bp / 10000.0, NULL, 0 };
	for (size_t r = 0; r < p->row_count; r++) {
		const struct path_row *row = &p->rows[r];
		/* Steps one day apart, the last on the conversion day. */
		for (size_t i = 0; i < row->n; i++)
			touches[i] = (rfc_touch){ -(int64_t)(row->n - 1 - i) * 86400000, 0 };
		rfc_weights(&params, touches, row->n, 0, weights);
		for (size_t i = 0; i < row->n; i++) {
			uint32_t ch = p->steps[row->first + i];
			conv[ch] += row->conversions * weights[i];
			value[ch] += row->value * weights[i];
		}
	}
}

static int credit_markov(const rf_paths *p, double *conv, double *value, double *weights)
{
	rfc_markov *m = rfc_markov_new(p->channels.count);
	if (m == NULL)
		return rf__error(RF_ENOMEM, "out of memory for the Markov chain");
	double total_conv = 0.0, total_value = 0.0;
	for (size_t r = 0; r < p->row_count; r++) {
		const struct path_row *row = &p->rows[r];
		rfc_markov_add(m, p->steps + row->first, row->n, row->conversions, row->nulls);
		total_conv += row->conversions;
		total_value += row->value;
	}
	int solved = rfc_markov_solve(m, NULL, weights, NULL);
	rfc_markov_free(m);
	if (solved != 0)
		return rf__error(RF_ERROR, "no path converts: the Markov model has nothing to attribute");
	for (size_t k = 0; k < p->channels.count; k++) {
		conv[k] = total_conv * weights[k];
		value[k] = total_value * weights[k];
	}
	return RF_OK;
}

static int converts(const rf_paths *p)
{
	for (size_t r = 0; r < p->row_count; r++) {
		if (p->rows[r].conversions > 0.0)
			return 1;
	}
	return 0;
}

static int credit_shapley(const rf_paths *p, double *conv, double *value)
{
	unsigned char *seen = calloc(p->channels.count + 1, 1);
	if (seen == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	for (size_t r = 0; r < p->row_count; r++) {
		const struct path_row *row = &p->rows[r];
		rfc_shapley_add(conv, p->channels.count, p->steps + row->first, row->n,
				row->conversions, seen);
		rfc_shapley_add(value, p->channels.count, p->steps + row->first, row->n,
				row->value, seen);
	}
	free(seen);
	return RF_OK;
}

/* Channel order for the result: by name, byte order. */
typedef struct named_index {
	const char *name;
	size_t index;
} named_index;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const named_index *)a)->name, ((const named_index *)b)->name);
}

typedef struct path_result {
	const named_index *order;
	const double *conv, *value;
	size_t count;
} path_result;

static void pack_credits(rf_pack *pk, const void *from, void *slot)
{
	const path_result *r = from;
	rf_path_credits *list = rf__pack_reserve(pk, sizeof(*list));
	rf_path_credit **items = rf__pack_reserve(pk, (r->count + 1) * sizeof(*items));
	for (size_t i = 0; i < r->count; i++) {
		size_t k = r->order[i].index;
		rf_path_credit *c = rf__pack_reserve(pk, sizeof(*c));
		const char *name = rf__pack_str(pk, r->order[i].name);
		if (c == NULL)
			continue;
		*c = (rf_path_credit){ name, r->conv[k], r->value[k] };
		items[i] = c;
	}
	if (list == NULL)
		return;
	*list = (rf_path_credits){ r->count, items };
	*(rf_path_credits **)slot = list;
}

int rf_paths_result(rf_path_credits **out, rf_paths *paths)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	RF_CHECK_ARG(paths != NULL);
	size_t k = paths->channels.count, longest = 1;
	for (size_t r = 0; r < paths->row_count; r++)
		longest = paths->rows[r].n > longest ? paths->rows[r].n : longest;
	double *conv = calloc(k + 1, sizeof(double)), *value = calloc(k + 1, sizeof(double));
	double *weights = calloc((k > longest ? k : longest) + 1, sizeof(double));
	rfc_touch *touches = calloc(longest + 1, sizeof(rfc_touch));
	named_index *order = calloc(k + 1, sizeof(*order));
	int rc = conv && value && weights && touches && order ? RF_OK
							      : rf__error(RF_ENOMEM, "out of memory");
	if (rc == RF_OK && paths->opts.model == RF_MODEL_MARKOV)
		rc = k ? credit_markov(paths, conv, value, weights)
		       : rf__error(RF_ERROR, "no path converts: the Markov model has nothing to attribute");
	else if (rc == RF_OK && paths->opts.model == RF_MODEL_SHAPLEY)
		rc = converts(paths) ? credit_shapley(paths, conv, value)
				     : rf__error(RF_ERROR, "no path converts: the Shapley model has nothing to attribute");
	else if (rc == RF_OK)
		credit_heuristic(paths, conv, value, weights, touches);
	if (rc == RF_OK) {
		for (size_t i = 0; i < k; i++)
			order[i] = (named_index){ paths->channels.names[i], i };
		qsort(order, k, sizeof(*order), by_name);
		path_result result = { order, conv, value, k };
		rc = rf__pack_one(&result, pack_credits, out);
	}
	free(conv);
	free(value);
	free(weights);
	free(touches);
	free(order);
	return rc;
}

void rf_path_credits_free(rf_path_credits *credits)
{
	free(credits);
}
