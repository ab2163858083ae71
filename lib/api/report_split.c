/*
 * Splits of a period by advocate, channel or advocate kind, and the
 * funnel. The groups come ordered and limited from SQL; their values are
 * streamed and only those of the kept groups are held.
 */
#include "api/report.h"

#include <stdio.h>

typedef struct keyed {
	int64_t key;
	size_t row;
} keyed;

typedef struct split {
	int32_t by;
	rfs_split_row *rows;
	size_t count;
	rfs_value_row *values; /* of kept groups, by key then currency */
	size_t nv, cap;
	keyed *order;          /* the rows by key, for lookups */
	size_t *vfirst, *vn;   /* each row's values */
} split;

static int by_key(const void *a, const void *b)
{
	int64_t x = ((const keyed *)a)->key, y = ((const keyed *)b)->key;
	return (x > y) - (x < y);
}

static int sort_keys(split *sp)
{
	size_t n = sp->count ? sp->count : 1;
	sp->order = malloc(n * sizeof(*sp->order));
	sp->vfirst = calloc(n, sizeof(*sp->vfirst));
	sp->vn = calloc(n, sizeof(*sp->vn));
	if (sp->order == NULL || sp->vfirst == NULL || sp->vn == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	for (size_t i = 0; i < sp->count; i++)
		sp->order[i] = (keyed){ sp->rows[i].key, i };
	qsort(sp->order, sp->count, sizeof(*sp->order), by_key);
	return RF_OK;
}

/* The row of `key`, or -1 when that group was not kept. */
static long kept(const split *sp, int64_t key)
{
	size_t lo = 0, hi = sp->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k = sp->order[mid].key;
		if (k == key)
			return (long)sp->order[mid].row;
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int keep_value(void *ctx, const rfs_value_row *row)
{
	split *sp = ctx;
	long at = kept(sp, row->key);
	if (at < 0)
		return RF_OK;
	if (sp->nv == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 16;
		rfs_value_row *grown = realloc(sp->values, cap * sizeof(*grown));
		if (grown == NULL)
			return rf__error(RF_ENOMEM, "out of memory");
		sp->values = grown;
		sp->cap = cap;
	}
	if (sp->vn[at]++ == 0)
		sp->vfirst[at] = sp->nv;
	sp->values[sp->nv++] = *row;
	return RF_OK;
}

static const char *key_name(const split *sp, const rfs_split_row *r, char *buf, size_t size)
{
	if (sp->by == RF_SPLIT_ADVOCATE || sp->by == RF_SPLIT_CONTENT)
		return r->external_id; /* the advocate's external id, the item's key */
	int type = sp->by == RF_SPLIT_CHANNEL ? RF_ENUM_CHANNEL : RF_ENUM_ADVOCATE_KIND;
	const char *name = rf_enum_name(type, (int32_t)r->key);
	if (name)
		return name;
	snprintf(buf, size, "%lld", (long long)r->key);
	return buf;
}

static void pack_split(rf_pack *pk, const void *from, void *slot)
{
	const split *sp = from;
	rf_report_split *o = rf__pack_reserve(pk, sizeof(*o));
	rf_report_split_row **list = rf__pack_reserve(pk, (sp->count ? sp->count : 1) * sizeof(*list));
	for (size_t i = 0; i < sp->count; i++) {
		const rfs_split_row *r = &sp->rows[i];
		char buf[24];
		const char *k = key_name(sp, r, buf, sizeof(buf));
		rf_report_split_row *row = rf__pack_reserve(pk, sizeof(*row));
		const char *key = rf__pack_str(pk, k);
		int named = sp->by == RF_SPLIT_ADVOCATE || sp->by == RF_SPLIT_CONTENT;
		const char *name = rf__pack_str(pk, named ? r->display_name : k);
		/* Values arrive by key then currency: each group's are contiguous. */
		size_t n = sp->vn[i];
		rf_money **values = rf__pack_money(pk, sp->values + sp->vfirst[i], n);
		if (row == NULL)
			continue;
		*row = (rf_report_split_row){ key, name, r->touchpoints, r->unique_visitors,
					      r->conversions, r->credited, n, values };
		list[i] = row;
	}
	if (o == NULL)
		return;
	*o = (rf_report_split){ sp->by, sp->count, list };
	*(rf_report_split **)slot = o;
}

int rf_report_split_get(rf_report_split **out, rf_store *store, const rf_report_query *query,
			int32_t by)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p;
	int64_t to = 0;
	int rc = rf__report_begin(store, query, &p, &to);
	if (rc != RF_OK)
		return rc;
	if (by < RF_SPLIT_ADVOCATE || by > RF_SPLIT_CONTENT)
		return rf__error(RF_EINVALID,
				 "unknown split %d (advocate 1, channel 2, kind 3, content 4)", (int)by);
	split sp = { by, NULL, 0, NULL, 0, 0, NULL, NULL, NULL };
	rc = rfs_begin_read(store);
	if (rc == RF_OK)
		rc = rfs_report_split(store, p.id, query->from_ms, to, by, query->limit, &sp.rows,
				      &sp.count);
	if (rc == RF_OK)
		rc = sort_keys(&sp);
	if (rc == RF_OK)
		rc = rfs_report_split_values(store, p.id, query->from_ms, to, by, keep_value, &sp);
	rfs_rollback(store); /* end the read */
	if (rc == RF_OK)
		rc = rf__pack_one(&sp, pack_split, out);
	free(sp.rows);
	free(sp.values);
	free(sp.order);
	free(sp.vfirst);
	free(sp.vn);
	return rc;
}

void rf_report_split_free(rf_report_split *s)
{
	free(s);
}

static void pack_funnel(rf_pack *pk, const void *from, void *slot)
{
	const int64_t *n = from;
	rf_report_funnel *o = rf__pack_reserve(pk, sizeof(*o));
	if (o == NULL)
		return;
	*o = (rf_report_funnel){ n[0], n[1], n[2], n[3], n[0] ? (double)n[1] / (double)n[0] : 0.0,
				 n[1] ? (double)n[2] / (double)n[1] : 0.0 };
	*(rf_report_funnel **)slot = o;
}

int rf_report_funnel_get(rf_report_funnel **out, rf_store *store, const rf_report_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p;
	int64_t to = 0, n[4] = { 0, 0, 0, 0 };
	int rc = rf__report_begin(store, query, &p, &to);
	if (rc == RF_OK)
		rc = rfs_report_funnel(store, p.id, query->from_ms, to, n);
	return rc == RF_OK ? rf__pack_one(n, pack_funnel, out) : rc;
}

void rf_report_funnel_free(rf_report_funnel *funnel)
{
	free(funnel);
}
