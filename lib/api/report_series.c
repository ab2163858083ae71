/*
 * Time series: four grouped aggregates (touchpoints, conversions, active
 * advocates, values) read in one snapshot and laid out on consecutive
 * calendar buckets. Memory grows with buckets, not with history.
 */
#include "api/report.h"
#include "core/calendar.h"

typedef struct bucket {
	int64_t start, end;
	int64_t touches, visitors, conversions, attributed, advocates;
	size_t first_value, value_count;
} bucket;

typedef struct series {
	int32_t period;
	bucket *buckets;
	size_t count;
	const rfs_value_row *values;
} series;

typedef struct sources {
	rfs_bucket_row *rows[3];
	size_t n[3];
	rfs_value_row *values;
	size_t nv;
} sources;

static int read_sources(rf_store *s, const rfs_program *p, int64_t from, int64_t to,
			int32_t period, sources *src)
{
	int rc = rfs_begin_read(s);
	for (int i = 0; rc == RF_OK && i < 3; i++)
		rc = rfs_report_series(s, (rfs_series_of)i, p->id, from, to, period, &src->rows[i],
				       &src->n[i]);
	if (rc == RF_OK)
		rc = rfs_report_series_values(s, p->id, from, to, period, &src->values, &src->nv);
	rfs_rollback(s); /* end the read */
	return rc;
}

static void free_sources(sources *src)
{
	for (int i = 0; i < 3; i++)
		free(src->rows[i]);
	free(src->values);
}

/* First and last bucket starts: the query's ends, or the data's. */
static int bucket_range(const rf_report_query *q, const sources *src, int64_t *first,
			int64_t *last)
{
	int have = 0;
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	for (int i = 0; i < 3; i++) {
		if (src->n[i] == 0)
			continue;
		have = 1;
		lo = src->rows[i][0].bucket < lo ? src->rows[i][0].bucket : lo;
		hi = src->rows[i][src->n[i] - 1].bucket > hi ? src->rows[i][src->n[i] - 1].bucket : hi;
	}
	*first = q->from_ms ? rfc_bucket_start(q->period, q->from_ms) : lo;
	*last = q->to_ms ? rfc_bucket_start(q->period, q->to_ms - 1) : hi;
	if (!have && !q->from_ms)
		return 0;
	if (!have && !q->to_ms)
		*last = *first;
	return 1;
}

static int lay_out(const rf_report_query *q, const sources *src, series *out)
{
	int64_t first, last;
	out->period = q->period;
	out->values = src->values;
	if (!bucket_range(q, src, &first, &last))
		return RF_OK;
	size_t count = 0;
	for (int64_t b = first; b <= last; b = rfc_bucket_next(q->period, b))
		if (++count > RF_REPORT_MAX_BUCKETS)
			return rf__error(RF_EINVALID, "more than %d buckets: narrow the period or use"
					 " a coarser granularity", RF_REPORT_MAX_BUCKETS);
	out->buckets = calloc(count, sizeof(*out->buckets));
	if (out->buckets == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	size_t at[3] = { 0, 0, 0 }, v = 0;
	int64_t b = first;
	for (size_t i = 0; i < count; i++, b = rfc_bucket_next(q->period, b)) {
		bucket *k = &out->buckets[i];
		k->start = b;
		k->end = rfc_bucket_next(q->period, b);
		const rfs_bucket_row *r[3] = { NULL, NULL, NULL };
		for (int j = 0; j < 3; j++)
			if (at[j] < src->n[j] && src->rows[j][at[j]].bucket == b)
				r[j] = &src->rows[j][at[j]++];
		k->touches = r[0] ? r[0]->a : 0;
		k->visitors = r[0] ? r[0]->b : 0;
		k->conversions = r[1] ? r[1]->a : 0;
		k->attributed = r[1] ? r[1]->b : 0;
		k->advocates = r[2] ? r[2]->a : 0;
		k->first_value = v;
		while (v < src->nv && src->values[v].key == b)
			v++;
		k->value_count = v - k->first_value;
	}
	out->count = count;
	return RF_OK;
}

static void pack_series(rf_pack *pk, const void *from, void *slot)
{
	const series *s = from;
	rf_report_series *o = rf__pack_reserve(pk, sizeof(*o));
	rf_report_bucket **list = rf__pack_reserve(pk, (s->count ? s->count : 1) * sizeof(*list));
	for (size_t i = 0; i < s->count; i++) {
		const bucket *k = &s->buckets[i];
		rf_report_bucket *b = rf__pack_reserve(pk, sizeof(*b));
		rf_money **values = rf__pack_money(pk, s->values + k->first_value, k->value_count);
		if (b == NULL)
			continue;
		double rate = k->visitors ? (double)k->attributed / (double)k->visitors : 0.0;
		*b = (rf_report_bucket){ k->start, k->end, k->touches, k->visitors, k->conversions,
					 k->attributed, rate, k->advocates, k->value_count, values };
		list[i] = b;
	}
	if (o == NULL)
		return;
	*o = (rf_report_series){ s->period, s->count, list };
	*(rf_report_series **)slot = o;
}

int rf_report_series_get(rf_report_series **out, rf_store *store, const rf_report_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p;
	int64_t to = 0;
	int rc = rf__report_begin(store, query, &p, &to);
	if (rc != RF_OK)
		return rc;
	sources src = { { NULL, NULL, NULL }, { 0, 0, 0 }, NULL, 0 };
	series s = { 0, NULL, 0, NULL };
	rc = read_sources(store, &p, query->from_ms, to, query->period, &src);
	if (rc == RF_OK)
		rc = lay_out(query, &src, &s);
	if (rc == RF_OK)
		rc = rf__pack_one(&s, pack_series, out);
	free(s.buckets);
	free_sources(&src);
	return rc;
}

void rf_report_series_free(rf_report_series *s)
{
	free(s);
}
