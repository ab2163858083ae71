/*
 * Exports: a program's touchpoints, conversions, credit rows, codes, reward
 * ledger entries or scores as CSV or JSON, streamed from one SQL statement through the caller's
 * callback in chunks of whole rows. Memory: one chunk buffer.
 */
#include "api/api.h"
#include "api/scoring.h"
#include "core/calendar.h"
#include "store/exports.h"

#include <stdio.h>

/* Flush once a chunk holds this much. */
#define CHUNK 60000

static const rf_export_options export_defaults = RF_EXPORT_OPTIONS_INIT;
static const size_t export_sizes[] = RF_SIZES_V1(rf_export_options);

int rf_export_options_init(rf_export_options *opts, unsigned version)
{
	return rf__options_init(opts, &export_defaults, export_sizes, version,
				RF_EXPORT_OPTIONS_VERSION, "rf_export_options");
}

/* How a column is written. */
enum {
	K_INT,      /* integer */
	K_TEXT,     /* text */
	K_OPT,      /* text; empty is JSON null */
	K_ISO,      /* integer ms as ISO 8601 UTC */
	K_ENUM,     /* integer as its rf_enum_name */
	K_REAL,     /* shortest exact decimal */
	K_VISITOR,  /* host id, pseudonymised with RF_EXPORT_PSEUDONYMS */
	K_CUSTOMER, /* same, empty is JSON null */
	K_HOLDER_KIND, /* ledger holder kind, as a name */
	K_HOLDER,   /* ledger holder id: customers and visitors pseudonymised too
	             * (the cell before it is the holder kind) */
	K_BUCKET    /* ledger bucket, as a name */
};

static const char *const holder_kinds[] = { NULL, "advocate", "customer", "visitor" };
static const char *const buckets[] = { "program", "held", "pending", "approved", "paid", "owed" };

typedef struct column {
	const char *name;
	int kind;
	int src;       /* cell index */
	int enum_type; /* K_ENUM */
} column;

/* The columns of each export; docs/REPORTS.md documents them. */
static const column touchpoint_columns[] = {
	{ "touchpoint_id", K_INT, 0, 0 },  { "at_ms", K_INT, 1, 0 },
	{ "at", K_ISO, 1, 0 },             { "code", K_TEXT, 2, 0 },
	{ "advocate", K_TEXT, 3, 0 },      { "channel", K_ENUM, 4, RF_ENUM_CHANNEL },
	{ "kind", K_ENUM, 5, RF_ENUM_TOUCHPOINT_KIND },
	{ "visitor_id", K_VISITOR, 6, 0 }, { "customer_id", K_CUSTOMER, 7, 0 },
	{ "direct", K_INT, 8, 0 },         { "duplicate", K_INT, 9, 0 },
};
static const column conversion_columns[] = {
	{ "conversion_id", K_INT, 0, 0 },  { "at_ms", K_INT, 1, 0 },
	{ "at", K_ISO, 1, 0 },             { "order_id", K_TEXT, 2, 0 },
	{ "kind", K_ENUM, 3, RF_ENUM_CONVERSION_KIND },
	{ "visitor_id", K_VISITOR, 4, 0 }, { "customer_id", K_CUSTOMER, 5, 0 },
	{ "value_minor", K_INT, 6, 0 },    { "currency", K_TEXT, 7, 0 },
	{ "refunded_minor", K_INT, 8, 0 }, { "attributed", K_INT, 9, 0 },
	{ "model", K_ENUM, 10, RF_ENUM_MODEL },
	{ "rules_version", K_INT, 11, 0 }, { "follows_order", K_OPT, 12, 0 },
};
static const column attribution_columns[] = {
	{ "order_id", K_TEXT, 0, 0 },      { "conversion_at_ms", K_INT, 1, 0 },
	{ "conversion_at", K_ISO, 1, 0 },  { "seq", K_INT, 2, 0 },
	{ "advocate", K_TEXT, 3, 0 },      { "code", K_TEXT, 4, 0 },
	{ "channel", K_ENUM, 5, RF_ENUM_CHANNEL },
	{ "touchpoint_at_ms", K_INT, 6, 0 }, { "weight", K_REAL, 7, 0 },
	{ "value_minor", K_INT, 8, 0 },    { "refunded_minor", K_INT, 9, 0 },
	{ "currency", K_TEXT, 10, 0 },
};
static const column code_columns[] = {
	{ "code", K_TEXT, 0, 0 },          { "display", K_TEXT, 1, 0 },
	{ "advocate", K_TEXT, 2, 0 },
	{ "advocate_kind", K_ENUM, 3, RF_ENUM_ADVOCATE_KIND },
	{ "channel", K_ENUM, 4, RF_ENUM_CHANNEL }, { "vanity", K_INT, 5, 0 },
	{ "status", K_ENUM, 6, RF_ENUM_STATUS },   { "expires_at_ms", K_INT, 7, 0 },
	{ "max_uses", K_INT, 8, 0 },       { "uses", K_INT, 9, 0 },
	{ "created_at_ms", K_INT, 10, 0 },
};


static const column reward_columns[] = {
	{ "entry_id", K_INT, 0, 0 },       { "at_ms", K_INT, 1, 0 },
	{ "at", K_ISO, 1, 0 },             { "cause", K_TEXT, 2, 0 },
	{ "order_id", K_OPT, 3, 0 },       { "payout", K_OPT, 4, 0 },
	{ "holder_kind", K_HOLDER_KIND, 5, 0 }, { "holder", K_HOLDER, 6, 0 },
	{ "kind", K_ENUM, 7, RF_ENUM_REWARD_KIND }, { "unit", K_TEXT, 8, 0 },
	{ "from", K_BUCKET, 9, 0 },        { "to", K_BUCKET, 10, 0 },
	{ "amount", K_INT, 11, 0 },
};

/* Scores: computed from each advocate's stored state at the store's
 * clock (score_cells below), not read as stored. */
static const column score_columns[] = {
	{ "advocate", K_TEXT, 0, 0 },      { "score", K_REAL, 1, 0 },
	{ "activity_points", K_REAL, 2, 0 }, { "value_points", K_REAL, 3, 0 },
	{ "quality_points", K_REAL, 4, 0 }, { "network_points", K_REAL, 5, 0 },
	{ "activity_raw", K_REAL, 6, 0 },  { "value_raw", K_REAL, 7, 0 },
	{ "quality_raw", K_REAL, 8, 0 },   { "network_raw", K_REAL, 9, 0 },
	{ "risk", K_REAL, 10, 0 },         { "tier", K_OPT, 11, 0 },
	{ "activities", K_INT, 12, 0 },    { "referrals", K_INT, 13, 0 },
	{ "value_net_minor", K_INT, 14, 0 }, { "config_version", K_INT, 15, 0 },
	{ "computed_at_ms", K_INT, 16, 0 }, { "computed_at", K_ISO, 16, 0 },
};
#define SCORE_CELLS 17

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

static const column *columns_of(int32_t what, size_t *n)
{
	switch (what) {
	case RF_EXPORT_TOUCHPOINTS:
		*n = NCOLS(touchpoint_columns);
		return touchpoint_columns;
	case RF_EXPORT_CONVERSIONS:
		*n = NCOLS(conversion_columns);
		return conversion_columns;
	case RF_EXPORT_ATTRIBUTIONS:
		*n = NCOLS(attribution_columns);
		return attribution_columns;
	case RF_EXPORT_REWARDS:
		*n = NCOLS(reward_columns);
		return reward_columns;
	case RF_EXPORT_SCORES:
		*n = NCOLS(score_columns);
		return score_columns;
	default:
		*n = NCOLS(code_columns);
		return code_columns;
	}
}

typedef struct exporter {
	rf_store *s;
	const column *cols;
	size_t ncols;
	int32_t format;
	uint32_t flags;
	rf_export_fn write;
	void *payload;
	char *buf;
	size_t len, cap;
	int64_t rows;
} exporter;

static int reserve(exporter *e, size_t more)
{
	if (e->len + more <= e->cap)
		return RF_OK;
	size_t cap = e->cap ? e->cap : CHUNK + 4096;
	while (cap < e->len + more)
		cap *= 2;
	char *grown = realloc(e->buf, cap);
	if (grown == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	e->buf = grown;
	e->cap = cap;
	return RF_OK;
}

static int put(exporter *e, const char *s, size_t n)
{
	int rc = reserve(e, n);
	if (rc == RF_OK) {
		memcpy(e->buf + e->len, s, n);
		e->len += n;
	}
	return rc;
}

static int puts_(exporter *e, const char *s)
{
	return put(e, s, strlen(s));
}

static int flush(exporter *e)
{
	if (e->len == 0)
		return RF_OK;
	int stop = e->write(e->payload, e->buf, e->len);
	e->len = 0;
	if (stop != 0)
		return rf__error(RF_ERROR, "the export callback stopped the export (it returned %d)",
				 stop);
	return RF_OK;
}

/* A CSV field: quoted when it holds a comma, quote or line break. */
static int put_csv_text(exporter *e, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL)
		return puts_(e, s);
	int rc = put(e, "\"", 1);
	for (const char *p = s; rc == RF_OK && *p; p++)
		rc = *p == '"' ? put(e, "\"\"", 2) : put(e, p, 1);
	return rc == RF_OK ? put(e, "\"", 1) : rc;
}

/* A JSON string literal (the store holds valid UTF-8). */
static int put_json_text(exporter *e, const char *s)
{
	int rc = put(e, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; rc == RF_OK && *p; p++) {
		char esc[8];
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			rc = put(e, esc, 2);
		} else if (*p < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
			rc = put(e, esc, 6);
		} else {
			rc = put(e, (const char *)p, 1);
		}
	}
	return rc == RF_OK ? put(e, "\"", 1) : rc;
}

static void iso_time(char out[32], int64_t ms)
{
	int64_t days = ms / RFC_DAY_MS, rest = ms % RFC_DAY_MS, year;
	int month, day;
	if (rest < 0) {
		rest += RFC_DAY_MS;
		days--;
	}
	rfc_civil_from_days(days, &year, &month, &day);
	snprintf(out, 32, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ", (long long)year, month, day,
		 (int)(rest / 3600000), (int)(rest / 60000 % 60), (int)(rest / 1000 % 60),
		 (int)(rest % 1000));
}

/* The shortest decimal that reads back as the same double. */
static void real_text(char out[40], double v)
{
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(out, 40, "%.*g", digits, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static void pseudonym(exporter *e, char out[32], char prefix, const char *id)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char h[RF_HASH_BYTES];
	rf__hash(h, e->s->secret, prefix == 'v' ? "export-visitor" : "export-customer", id,
		 strlen(id));
	out[0] = prefix;
	out[1] = '-';
	for (int i = 0; i < 12; i++) {
		out[2 + 2 * i] = hex[h[i] >> 4];
		out[3 + 2 * i] = hex[h[i] & 15];
	}
	out[26] = '\0';
}

/* One cell as text (`quoted` 1 when JSON needs it as a string), or NULL
 * for JSON null. */
static const char *cell_text(exporter *e, const column *c, const rfs_cell *cell, char *tmp,
			     int *quoted)
{
	*quoted = 0;
	switch (c->kind) {
	case K_INT:
		snprintf(tmp, 40, "%lld", (long long)cell->i);
		return tmp;
	case K_REAL:
		real_text(tmp, cell->type == RFS_CELL_INT ? (double)cell->i : cell->d);
		return tmp;
	case K_ISO:
		*quoted = 1;
		iso_time(tmp, cell->i);
		return tmp;
	case K_HOLDER_KIND:
	case K_BUCKET: {
		int64_t v = cell->i;
		const char *name = c->kind == K_BUCKET ? (v >= 0 && v <= 5 ? buckets[v] : NULL)
			     : (v >= 1 && v <= 3 ? holder_kinds[v] : NULL);
		*quoted = name != NULL;
		if (name)
			return name;
		snprintf(tmp, 40, "%lld", (long long)v);
		return tmp;
	}
	case K_ENUM: {
		const char *name = rf_enum_name(c->enum_type, (int32_t)cell->i);
		*quoted = name != NULL;
		if (name)
			return name;
		snprintf(tmp, 40, "%lld", (long long)cell->i);
		return tmp;
	}
	default:
		break;
	}
	const char *s = cell->type == RFS_CELL_TEXT ? cell->s : "";
	if ((c->kind == K_OPT || c->kind == K_CUSTOMER) && *s == '\0')
		return e->format == RF_FORMAT_JSON ? NULL : "";
	*quoted = 1;
	if ((c->kind == K_VISITOR || c->kind == K_CUSTOMER) && (e->flags & RF_EXPORT_PSEUDONYMS)) {
		pseudonym(e, tmp, c->kind == K_VISITOR ? 'v' : 'c', s);
		return tmp;
	}
	if (c->kind == K_HOLDER && (e->flags & RF_EXPORT_PSEUDONYMS) && cell[-1].i != 1) {
		pseudonym(e, tmp, cell[-1].i == 2 ? 'c' : 'v', s);
		return tmp;
	}
	return s;
}

static int header(exporter *e)
{
	if (e->format == RF_FORMAT_JSON)
		return puts_(e, "[");
	int rc = RF_OK;
	for (size_t i = 0; i < e->ncols && rc == RF_OK; i++) {
		if (i)
			rc = put(e, ",", 1);
		if (rc == RF_OK)
			rc = puts_(e, e->cols[i].name);
	}
	return rc == RF_OK ? put(e, "\n", 1) : rc;
}

static int row(void *ctx, const rfs_cell *cells, size_t n)
{
	exporter *e = ctx;
	int json = e->format == RF_FORMAT_JSON;
	int rc = json ? puts_(e, e->rows ? ",\n{" : "\n{") : RF_OK;
	for (size_t i = 0; i < e->ncols && rc == RF_OK; i++) {
		const column *c = &e->cols[i];
		char tmp[40];
		int quoted = 0;
		if ((size_t)c->src >= n)
			return rf__error(RF_ERROR, "export column %s is missing", c->name);
		const char *text = cell_text(e, c, &cells[c->src], tmp, &quoted);
		if (i)
			rc = put(e, ",", 1);
		if (rc == RF_OK && json) {
			rc = put_json_text(e, c->name);
			if (rc == RF_OK)
				rc = put(e, ":", 1);
			if (rc == RF_OK)
				rc = text == NULL ? puts_(e, "null")
				     : quoted     ? put_json_text(e, text)
						  : puts_(e, text);
		} else if (rc == RF_OK) {
			rc = put_csv_text(e, text ? text : "");
		}
	}
	if (rc == RF_OK)
		rc = json ? put(e, "}", 1) : put(e, "\n", 1);
	if (rc == RF_OK)
		e->rows++;
	if (rc == RF_OK && e->len >= CHUNK)
		rc = flush(e);
	return rc;
}

/* The scores export: the program's configuration in force, its tiers and
 * the time the scores are valued at. */
typedef struct scoring {
	exporter *e;
	rfs_score_config c;
	rf__tiers tiers;
	int64_t now;
} scoring;

static double number(const rfs_cell *c)
{
	return c->type == RFS_CELL_INT ? (double)c->i : c->type == RFS_CELL_REAL ? c->d : 0.0;
}

/* A stored state row (RFS_EXPORT_SCORES: the state columns, the external
 * id, the tier, the risk) as the export's cells. */
static int score_cells(void *ctx, const rfs_cell *in, size_t n)
{
	scoring *k = ctx;
	if (n < 16)
		return rf__error(RF_ERROR, "the scores export reads 16 columns, got %zu", n);
	rfs_score_state st = { in[0].i, in[1].i, number(&in[2]), in[3].i, number(&in[4]), in[5].i,
			       in[6].i, in[7].i, in[8].i, in[9].i, in[10].i, in[11].i,
			       number(&in[12]) };
	rf__score_parts parts;
	rf__score_compute(&k->c, &st, number(&in[15]), k->now, &parts);
	int64_t tier = rf__score_tier_at(&k->c, (int32_t)in[14].i, parts.score);
	const char *tier_name = tier > 0 && tier <= k->tiers.count ? k->tiers.names[tier - 1] : "";
	rfs_cell out[SCORE_CELLS] = { { RFS_CELL_TEXT, 0, 0, in[13].s } };
	out[1] = (rfs_cell){ RFS_CELL_REAL, 0, parts.score, NULL };
	for (int i = 0; i < RF__COMP_COUNT; i++) {
		out[2 + i] = (rfs_cell){ RFS_CELL_REAL, 0, parts.points[i], NULL };
		out[6 + i] = (rfs_cell){ RFS_CELL_REAL, 0, parts.raw[i], NULL };
	}
	out[10] = (rfs_cell){ RFS_CELL_REAL, 0, parts.risk, NULL };
	out[11] = (rfs_cell){ RFS_CELL_TEXT, 0, 0, tier_name };
	out[12] = (rfs_cell){ RFS_CELL_INT, st.activities, 0, NULL };
	out[13] = (rfs_cell){ RFS_CELL_INT, st.referrals, 0, NULL };
	out[14] = (rfs_cell){ RFS_CELL_INT, st.value_net, 0, NULL };
	out[15] = (rfs_cell){ RFS_CELL_INT, k->c.version, 0, NULL };
	out[16] = (rfs_cell){ RFS_CELL_INT, k->now, 0, NULL };
	return row(k->e, out, SCORE_CELLS);
}

static int check_options(const rf_export_options *in, rf_export_options *o)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_EXPORT_OPTIONS_VERSION, "rf_export_options");
	if (rc != RF_OK)
		return rc;
	rf__options_read(o, &export_defaults, sizeof(*o), in, export_sizes);
	if (o->what < RF_EXPORT_TOUCHPOINTS || o->what > RF_EXPORT_SCORES)
		return rf__error(RF_EINVALID, "unknown export %d (touchpoints 1, conversions 2,"
				 " attributions 3, codes 4, rewards 5, scores 6)", (int)o->what);
	if (o->format != RF_FORMAT_CSV && o->format != RF_FORMAT_JSON)
		return rf__error(RF_EINVALID, "unknown export format %d (csv 1, json 2)",
				 (int)o->format);
	if (o->from_ms < 0 || o->to_ms < 0 || (o->to_ms != 0 && o->to_ms <= o->from_ms))
		return rf__error(RF_EINVALID, "period must satisfy 0 <= from_ms < to_ms (to_ms 0: open)");
	if (o->flags & ~(uint32_t)RF_EXPORT_PSEUDONYMS)
		return rf__error(RF_EINVALID, "unknown export flags 0x%x", (unsigned)o->flags);
	return rf__check_text(o->program, RF_MAX_ID_LEN, "program key");
}

int rf_export(int64_t *rows, rf_store *store, const rf_export_options *opts, rf_export_fn write,
	      void *payload)
{
	if (rows)
		*rows = 0;
	rf_export_options o;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_options(opts, &o);
	if (rc == RF_OK && write == NULL)
		rc = rf__error(RF_EINVALID, "invalid argument: write callback is NULL");
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	exporter e = { store, NULL, 0, o.format, o.flags, write, payload, NULL, 0, 0, 0 };
	e.cols = columns_of(o.what, &e.ncols);
	rfs_program p;
	rc = rf__program_load(store, o.program, &p);
	if (rc == RF_OK)
		rc = header(&e);
	scoring k = { &e, { 0 }, { 0 }, rfs_now(store) };
	if (rc == RF_OK && o.what == RF_EXPORT_SCORES)
		rc = rf__score_config_load(store, p.id, &k.c);
	if (rc == RF_OK && o.what == RF_EXPORT_SCORES)
		rf__tiers_parse(k.c.tiers, &k.tiers); /* checked when set */
	if (rc == RF_OK)
		rc = rfs_export_rows(store, o.what, p.id, o.from_ms, o.to_ms ? o.to_ms : INT64_MAX,
				     o.what == RF_EXPORT_SCORES ? score_cells : row,
				     o.what == RF_EXPORT_SCORES ? (void *)&k : (void *)&e);
	if (rc == RF_OK && o.format == RF_FORMAT_JSON)
		rc = puts_(&e, e.rows ? "\n]\n" : "]\n");
	if (rc == RF_OK)
		rc = flush(&e);
	rfs_rollback(store); /* end the read */
	free(e.buf);
	if (rows)
		*rows = e.rows;
	return rc;
}
