/*
 * Imports: codes, touchpoints or conversions from CSV with the export's
 * columns, in one transaction. Rows are read one at a time (memory: one
 * input block and one record) and recorded as the live calls record
 * them; the first bad row rolls everything back, naming its line and
 * column.
 */
#include "api/api.h"
#include "core/calendar.h"
#include "core/codes.h"
#include "core/csv.h"

#include <stdio.h>

static const rf_import_options import_defaults = RF_IMPORT_OPTIONS_INIT;
static const size_t import_sizes[] = RF_SIZES_V1(rf_import_options);

int rf_import_options_init(rf_import_options *opts, unsigned version)
{
	return rf__options_init(opts, &import_defaults, import_sizes, version,
				RF_IMPORT_OPTIONS_VERSION, "rf_import_options");
}

/* Columns an import knows: each has a slot in a row's values, or is one
 * of the export's informational columns, read and ignored. */
enum {
	F_IGNORED = -1,
	F_CODE, F_VISITOR, F_AT_MS, F_AT, F_KIND, F_DIRECT, F_LANDING, F_CUSTOMER,
	F_ORDER, F_VALUE, F_CURRENCY, F_REFUNDED, F_ADVOCATE, F_ADVOCATE_KIND, F_CHANNEL,
	F_VANITY, F_STATUS, F_EXPIRES, F_MAX_USES, F_DISPLAY, F_CREATED, F_DUPLICATE,
	F_COUNT
};

typedef struct known {
	const char *name;
	int slot;
	int required;
} known;

static const known touchpoint_fields[] = {
	{ "code", F_CODE, 1 },          { "visitor_id", F_VISITOR, 1 },
	{ "at_ms", F_AT_MS, 0 },        { "at", F_AT, 0 },
	{ "kind", F_KIND, 0 },          { "direct", F_DIRECT, 0 },
	{ "landing_url", F_LANDING, 0 }, { "customer_id", F_CUSTOMER, 0 },
	{ "touchpoint_id", F_IGNORED, 0 }, { "advocate", F_IGNORED, 0 },
	{ "channel", F_IGNORED, 0 },    { "duplicate", F_DUPLICATE, 0 },
	{ NULL, 0, 0 },
};
static const known conversion_fields[] = {
	{ "order_id", F_ORDER, 1 },     { "visitor_id", F_VISITOR, 1 },
	{ "value_minor", F_VALUE, 1 },  { "currency", F_CURRENCY, 1 },
	{ "at_ms", F_AT_MS, 0 },        { "at", F_AT, 0 },
	{ "kind", F_KIND, 0 },          { "customer_id", F_CUSTOMER, 0 },
	{ "refunded_minor", F_REFUNDED, 0 }, { "code", F_CODE, 0 },
	{ "conversion_id", F_IGNORED, 0 }, { "attributed", F_IGNORED, 0 },
	{ "model", F_IGNORED, 0 },      { "rules_version", F_IGNORED, 0 },
	{ "follows_order", F_IGNORED, 0 },
	{ NULL, 0, 0 },
};
static const known code_fields[] = {
	{ "code", F_CODE, 1 },          { "advocate", F_ADVOCATE, 1 },
	{ "advocate_kind", F_ADVOCATE_KIND, 0 }, { "channel", F_CHANNEL, 0 },
	{ "vanity", F_VANITY, 0 },      { "status", F_STATUS, 0 },
	{ "expires_at_ms", F_EXPIRES, 0 }, { "max_uses", F_MAX_USES, 0 },
	{ "display", F_DISPLAY, 0 },    { "uses", F_IGNORED, 0 },
	{ "created_at_ms", F_CREATED, 0 },
	{ NULL, 0, 0 },
};

typedef struct importer {
	rf_store *s;
	rfs_program program;
	int32_t what;
	const known *fields;
	rfc_csv csv;
	int slot_of[RFC_CSV_MAX_FIELDS];      /* header field -> slot */
	const char *column[RFC_CSV_MAX_FIELDS]; /* header field -> its (static) name */
	const char *name_of[F_COUNT];          /* slot -> column name */
	int field_of[F_COUNT];                 /* slot -> field index, -1 absent */
	size_t header_count;
	int64_t line;
} importer;

/* Fail the current line: "line N, column 'C': why" (column NULL: none). */
static int line_error(importer *im, int rc, const char *column, const char *fmt, ...)
	RF_PRINTF(4, 5);
static int line_error(importer *im, int rc, const char *column, const char *fmt, ...)
{
	char why[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (column)
		return rf__error(rc, "line %lld, column '%s': %s (nothing imported)",
				 (long long)im->line, column, why);
	return rf__error(rc, "line %lld: %s (nothing imported)", (long long)im->line, why);
}

/* Put the line and column in front of the error a call just set. */
static int wrap_error(importer *im, int rc, int slot)
{
	char why[400];
	snprintf(why, sizeof(why), "%s", rf_error_last()->message);
	return line_error(im, rc, slot >= 0 ? im->name_of[slot] : NULL, "%s", why);
}

/* The row's value of a slot: NULL when the column is absent or empty. */
static const char *value(const importer *im, int slot)
{
	int f = im->field_of[slot];
	if (f < 0)
		return NULL;
	const char *v = rfc_csv_field(&im->csv, (size_t)f);
	return *v ? v : NULL;
}

static int read_header(importer *im)
{
	for (int i = 0; i < F_COUNT; i++)
		im->field_of[i] = -1;
	for (const known *k = im->fields; k->name; k++)
		if (k->slot >= 0)
			im->name_of[k->slot] = k->name;
	im->header_count = im->csv.count;
	for (size_t i = 0; i < im->csv.count; i++) {
		const char *name = rfc_csv_field(&im->csv, i);
		const known *k = im->fields;
		while (k->name && strcmp(k->name, name) != 0)
			k++;
		if (k->name == NULL)
			return line_error(im, RF_EINVALID, name, "unknown column (see docs/REPORTS.md)");
		if (k->slot >= 0 && im->field_of[k->slot] >= 0)
			return line_error(im, RF_EINVALID, name, "column given twice");
		im->slot_of[i] = k->slot;
		im->column[i] = k->name;
		if (k->slot >= 0)
			im->field_of[k->slot] = (int)i;
	}
	for (const known *k = im->fields; k->name; k++)
		if (k->required && im->field_of[k->slot] < 0)
			return line_error(im, RF_EINVALID, k->name, "required column is missing");
	if (im->what != RF_EXPORT_CODES && im->field_of[F_AT_MS] < 0 && im->field_of[F_AT] < 0)
		return line_error(im, RF_EINVALID, "at_ms", "a column at_ms or at is required");
	return RF_OK;
}

/* An integer in [min, max]; an absent value leaves *out alone. */
static int int_value(importer *im, int slot, int64_t min, int64_t max, int64_t *out)
{
	const char *v = value(im, slot);
	if (v == NULL)
		return RF_OK;
	const char *p = v;
	int negative = *p == '-';
	if (negative)
		p++;
	if (*p == '\0')
		return line_error(im, RF_EINVALID, im->name_of[slot], "'%s' is not an integer", v);
	int64_t n = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return line_error(im, RF_EINVALID, im->name_of[slot], "'%s' is not an integer", v);
		if (n > (INT64_MAX - (*p - '0')) / 10)
			return line_error(im, RF_EINVALID, im->name_of[slot], "'%s' is out of range", v);
		n = n * 10 + (*p - '0');
	}
	if (negative)
		n = -n;
	if (n < min || n > max)
		return line_error(im, RF_EINVALID, im->name_of[slot], "%lld is not in %lld..%lld",
				  (long long)n, (long long)min, (long long)max);
	*out = n;
	return RF_OK;
}

static int enum_value(importer *im, int slot, int type, int32_t *out)
{
	const char *v = value(im, slot);
	if (v && rf_enum_parse(out, type, v) != RF_OK)
		return line_error(im, RF_EINVALID, im->name_of[slot], "unknown %s '%s'",
				  im->name_of[slot], v);
	return RF_OK;
}

/* Digits of a fixed width at *p. */
static int digits(const char **p, int width, int *out)
{
	int n = 0;
	for (int i = 0; i < width; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		n = n * 10 + (**p - '0');
	}
	*out = n;
	return 0;
}

/* "YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z" (a space may replace the T) in UTC. */
static int parse_iso(const char *s, int64_t *ms)
{
	int y, mo, d, h, mi, sec, frac = 0;
	const char *p = s;
	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
	    digits(&p, 2, &d) || (*p != 'T' && *p != ' '))
		return -1;
	p++;
	if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi) || *p++ != ':' ||
	    digits(&p, 2, &sec))
		return -1;
	if (*p == '.') {
		int scale = 100;
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		for (int i = 0; i < 3 && *p >= '0' && *p <= '9'; i++, p++, scale /= 10)
			frac += (*p - '0') * scale;
	}
	if (strcmp(p, "Z") != 0 || y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 ||
	    sec > 59)
		return -1;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap))
		return -1;
	*ms = rfc_days_from_civil(y, mo, d) * RFC_DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000LL + frac;
	return 0;
}

static int time_value(importer *im, int64_t *at)
{
	*at = -1;
	int rc = int_value(im, F_AT_MS, 0, INT64_MAX / 2, at);
	const char *iso = value(im, F_AT);
	if (rc == RF_OK && *at < 0 && iso && parse_iso(iso, at) != 0)
		return line_error(im, RF_EINVALID, "at", "'%s' is not a UTC time like"
				  " 2026-01-31T12:00:00Z", iso);
	if (rc == RF_OK && *at < 0)
		return line_error(im, RF_EINVALID, im->field_of[F_AT_MS] >= 0 ? "at_ms" : "at",
				  "a time is required");
	return rc;
}

/* Text that must be present. */
static int text_value(importer *im, int slot, size_t max, const char **out)
{
	*out = value(im, slot);
	if (*out == NULL)
		return line_error(im, RF_EINVALID, im->name_of[slot], "empty");
	if (rf__check_text(*out, max, im->name_of[slot]) != RF_OK)
		return wrap_error(im, RF_EINVALID, slot);
	return RF_OK;
}

static int opt_text_value(importer *im, int slot, size_t max, const char **out)
{
	*out = value(im, slot);
	if (*out && rf__check_text(*out, max, im->name_of[slot]) != RF_OK)
		return wrap_error(im, RF_EINVALID, slot);
	return RF_OK;
}

/* Tie a visitor to a customer as rf_identify() does. */
static int tie(importer *im, int64_t visitor, const char *customer_ext, int64_t at)
{
	int64_t customer = 0, tied = 0;
	int rc = rfs_customer_intern(im->s, customer_ext, 1, &customer);
	if (rc == RF_OK)
		rc = rfs_identity_get(im->s, visitor, &tied);
	if (rc == RF_OK && tied == 0)
		rc = rfs_identity_insert(im->s, visitor, customer, at);
	else if (rc == RF_OK && tied != customer)
		rc = line_error(im, RF_ECONFLICT, "customer_id",
				"the visitor is tied to another customer");
	return rc;
}

static int touchpoint_row(importer *im)
{
	rf_touchpoint_spec t = RF_TOUCHPOINT_SPEC_INIT;
	int64_t direct = 0, visitor = 0, duplicate = 0;
	const char *customer = NULL;
	int rc = text_value(im, F_CODE, 64, &t.code);
	if (rc == RF_OK)
		rc = text_value(im, F_VISITOR, RF_MAX_ID_LEN, &t.visitor_id);
	if (rc == RF_OK)
		rc = time_value(im, &t.at_ms);
	if (rc == RF_OK)
		rc = enum_value(im, F_KIND, RF_ENUM_TOUCHPOINT_KIND, &t.kind);
	if (rc == RF_OK)
		rc = int_value(im, F_DIRECT, 0, 1, &direct);
	if (rc == RF_OK)
		rc = int_value(im, F_DUPLICATE, 0, RF_TOUCHPOINT_BOT, &duplicate);
	if (rc == RF_OK)
		rc = opt_text_value(im, F_LANDING, RF_MAX_TEXT_LEN, &t.landing_url);
	if (rc == RF_OK)
		rc = opt_text_value(im, F_CUSTOMER, RF_MAX_ID_LEN, &customer);
	if (rc != RF_OK)
		return rc;
	t.direct = (int32_t)direct;
	/* Repeats are recomputed; a bot flag is kept (the user agent that
	 * made it is not exported). */
	rc = rf__touchpoint_import(im->s, &t, im->program.id, duplicate == RF_TOUCHPOINT_BOT,
				   &visitor);
	if (rc != RF_OK)
		return wrap_error(im, rc, rc == RF_EBUSY || rc == RF_EIO ? -1 : F_CODE);
	return customer ? tie(im, visitor, customer, t.at_ms) : RF_OK;
}

static int conversion_row(importer *im)
{
	rf_conversion_spec c = RF_CONVERSION_SPEC_INIT;
	int64_t refunded = 0;
	c.program = im->program.key;
	int rc = text_value(im, F_ORDER, RF_MAX_ID_LEN, &c.order_id);
	if (rc == RF_OK)
		rc = text_value(im, F_VISITOR, RF_MAX_ID_LEN, &c.visitor_id);
	if (rc == RF_OK)
		rc = time_value(im, &c.at_ms);
	if (rc == RF_OK && value(im, F_VALUE) == NULL)
		rc = line_error(im, RF_EINVALID, "value_minor", "empty");
	if (rc == RF_OK)
		rc = int_value(im, F_VALUE, 0, RF_VALUE_MAX_MINOR, &c.value_minor);
	if (rc == RF_OK)
		rc = text_value(im, F_CURRENCY, 3, &c.currency);
	if (rc == RF_OK)
		rc = enum_value(im, F_KIND, RF_ENUM_CONVERSION_KIND, &c.kind);
	if (rc == RF_OK)
		rc = opt_text_value(im, F_CUSTOMER, RF_MAX_ID_LEN, &c.customer_id);
	if (rc == RF_OK)
		rc = opt_text_value(im, F_CODE, 64, &c.code);
	if (rc == RF_OK)
		rc = int_value(im, F_REFUNDED, 0, c.value_minor, &refunded);
	if (rc != RF_OK)
		return rc;
	if (c.at_ms == 0)
		return line_error(im, RF_EINVALID, "at_ms", "a time after 1970-01-01 is required");
	rc = rf__conversion_import(im->s, &c);
	if (rc < 0) {
		int slot = rc == RF_EINVALID && strstr(rf_error_last()->message, "currency") ? F_CURRENCY
			 : rc == RF_EBUSY || rc == RF_EIO ? -1 : c.code ? F_CODE : F_ORDER;
		return wrap_error(im, rc, slot);
	}
	if (refunded > 0) {
		rf_refund_spec r = RF_REFUND_SPEC_INIT;
		r = (rf_refund_spec){ RF_REFUND_SPEC_VERSION, im->program.key, c.order_id, "import",
				      refunded, c.at_ms };
		rc = rf__refund_import(im->s, &r);
		if (rc < 0)
			return wrap_error(im, rc, F_REFUNDED);
	}
	return RF_OK;
}

/* A code as stored elsewhere: random ones keep their check symbol. */
static int code_text(importer *im, int vanity, char code[RF_CODE_BUFSIZE])
{
	const char *in = NULL;
	int rc = text_value(im, F_CODE, 64, &in);
	if (rc == RF_OK && rf_code_normalize(code, RF_CODE_BUFSIZE, in) != RF_OK)
		return wrap_error(im, RF_EINVALID, F_CODE);
	if (rc != RF_OK)
		return rc;
	size_t n = strlen(code);
	if (vanity && (n < RF_VANITY_MIN || n > RF_VANITY_MAX || rfc_code_is_blocked(code)))
		return line_error(im, RF_EINVALID, "code", "'%s' is not a valid vanity code", code);
	if (!vanity && (n < 2 || !rfc_luhn_valid(rfc_alphabet, code, n)))
		return line_error(im, RF_EINVALID, "code", "'%s' has no valid check symbol (a code"
				  " from elsewhere imports with vanity 1)", code);
	return RF_OK;
}

static int find_advocate(importer *im, int32_t kind, int64_t *id)
{
	const char *ext = NULL;
	rfs_advocate a;
	int rc = text_value(im, F_ADVOCATE, RF_MAX_ID_LEN, &ext);
	if (rc != RF_OK)
		return rc;
	rc = rfs_advocate_by_ext(im->s, ext, &a);
	if (rc == RF_OK)
		*id = a.id;
	else if (rc == RF_ENOTFOUND)
		rc = rfs_advocate_insert(im->s, ext, kind, "", NULL, rfs_now(im->s), id);
	return rc == RF_OK ? rc : wrap_error(im, rc, F_ADVOCATE);
}

static int code_row(importer *im)
{
	char code[RF_CODE_BUFSIZE], display[RF_CODE_BUFSIZE];
	int32_t kind = RF_ADVOCATE_CUSTOMER, channel = RF_CHANNEL_NONE, status = RF_STATUS_ACTIVE;
	int64_t vanity = 0, expires = 0, max_uses = 0, advocate = 0, created = 0;
	int rc = int_value(im, F_VANITY, 0, 1, &vanity);
	if (rc == RF_OK)
		rc = code_text(im, (int)vanity, code);
	if (rc == RF_OK)
		rc = enum_value(im, F_ADVOCATE_KIND, RF_ENUM_ADVOCATE_KIND, &kind);
	if (rc == RF_OK)
		rc = enum_value(im, F_CHANNEL, RF_ENUM_CHANNEL, &channel);
	if (rc == RF_OK)
		rc = enum_value(im, F_STATUS, RF_ENUM_STATUS, &status);
	if (rc == RF_OK && status != RF_STATUS_ACTIVE && status != RF_STATUS_DISABLED)
		rc = line_error(im, RF_EINVALID, "status", "a code is active or disabled");
	if (rc == RF_OK)
		rc = int_value(im, F_EXPIRES, 0, INT64_MAX / 2, &expires);
	if (rc == RF_OK)
		rc = int_value(im, F_MAX_USES, 0, INT64_MAX / 2, &max_uses);
	if (rc == RF_OK)
		rc = int_value(im, F_CREATED, 0, INT64_MAX / 2, &created);
	if (rc == RF_OK)
		rc = find_advocate(im, kind, &advocate);
	if (rc != RF_OK)
		return rc;
	/* The display form (vanity codes as the advocate wrote them) when it
	 * reads as the same code. */
	const char *shown = value(im, F_DISPLAY);
	snprintf(display, sizeof(display), "%s", code);
	if (shown && rf_code_normalize(display, sizeof(display), shown) == RF_OK &&
	    strcmp(display, code) == 0 && strlen(shown) < sizeof(display))
		snprintf(display, sizeof(display), "%s", shown);
	else
		snprintf(display, sizeof(display), "%s", code);
	rfs_code old;
	rc = rfs_code_by_text(im->s, code, &old);
	if (rc == RF_OK) { /* imported before: the same code again changes nothing */
		if (old.program_id == im->program.id && old.advocate_id == advocate)
			return RF_OK;
		return line_error(im, RF_EEXISTS, "code", "'%s' is taken by another %s", code,
				  old.program_id == im->program.id ? "advocate" : "program");
	}
	if (rc != RF_ENOTFOUND)
		return wrap_error(im, rc, -1);
	int64_t id = 0;
	rc = rfs_code_insert(im->s, code, display, im->program.id, advocate, channel, (int)vanity,
			     expires, max_uses, created ? created : rfs_now(im->s), &id);
	if (rc == RF_OK && status == RF_STATUS_DISABLED)
		rc = rfs_code_set_status(im->s, id, RF_STATUS_DISABLED);
	return rc == RF_OK ? rc : wrap_error(im, rc, F_CODE);
}

static int csv_error(importer *im, int got)
{
	im->line = im->csv.record_line;
	if (got == -2)
		return rf__error(RF_EIO, "line %lld: the read callback failed (nothing imported)",
				 (long long)im->line);
	if (got == -3)
		return rf__error(RF_ENOMEM, "out of memory");
	if (im->csv.error_field < im->header_count && im->line > 1)
		return line_error(im, RF_EINVALID, im->column[im->csv.error_field], "%s",
				  im->csv.error);
	return line_error(im, RF_EINVALID, NULL, "%s", im->csv.error);
}

static int run(importer *im, int64_t *rows)
{
	int got = rfc_csv_next(&im->csv);
	im->line = im->csv.record_line;
	if (got == 0)
		return line_error(im, RF_EINVALID, NULL, "no header line");
	if (got < 0)
		return csv_error(im, got);
	int rc = read_header(im);
	while (rc == RF_OK && (got = rfc_csv_next(&im->csv)) == 1) {
		im->line = im->csv.record_line;
		if (im->csv.count != im->header_count) {
			rc = line_error(im, RF_EINVALID, NULL, "%zu fields, the header has %zu",
					im->csv.count, im->header_count);
			break;
		}
		rc = im->what == RF_EXPORT_TOUCHPOINTS ? touchpoint_row(im)
		     : im->what == RF_EXPORT_CONVERSIONS ? conversion_row(im)
							  : code_row(im);
		if (rc >= 0) {
			rc = RF_OK;
			(*rows)++;
		}
	}
	if (rc == RF_OK && got < 0)
		rc = csv_error(im, got);
	return rc;
}

int rf_import(int64_t *rows, rf_store *store, const rf_import_options *opts, rf_import_fn read,
	      void *payload)
{
	int64_t count = 0;
	if (rows)
		*rows = 0;
	rf_import_options o;
	int rc = rfs_usable(store);
	if (rc == RF_OK && opts == NULL)
		rc = rf__error(RF_EINVALID, "invalid argument: options are NULL");
	if (rc == RF_OK)
		rc = rf__check_version(opts->version, RF_IMPORT_OPTIONS_VERSION, "rf_import_options");
	if (rc != RF_OK)
		return rc;
	rf__options_read(&o, &import_defaults, sizeof(o), opts, import_sizes);
	if (read == NULL)
		return rf__error(RF_EINVALID, "invalid argument: read callback is NULL");
	if (o.what != RF_EXPORT_TOUCHPOINTS && o.what != RF_EXPORT_CONVERSIONS &&
	    o.what != RF_EXPORT_CODES)
		return rf__error(RF_EINVALID, "unknown import %d (touchpoints 1, conversions 2,"
				 " codes 4)", (int)o.what);
	if ((rc = rf__check_text(o.program, RF_MAX_ID_LEN, "program key")) != RF_OK)
		return rc;
	importer *im = calloc(1, sizeof(*im));
	if (im == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	im->s = store;
	im->what = o.what;
	im->fields = o.what == RF_EXPORT_TOUCHPOINTS ? touchpoint_fields
		     : o.what == RF_EXPORT_CONVERSIONS ? conversion_fields
						       : code_fields;
	rfc_csv_init(&im->csv, read, payload, RF_IMPORT_MAX_RECORD);
	rc = rfs_begin(store);
	if (rc == RF_OK) {
		rc = rf__program_load_active(store, o.program, &im->program);
		if (rc == RF_OK)
			rc = run(im, &count);
		rc = rfs_end(store, rc);
	}
	rfc_csv_free(&im->csv);
	free(im);
	if (rc == RF_OK && rows)
		*rows = count;
	return rc;
}
