/* Segments and testimonials: submit, decide, publication consent, find.
 * Submitting counts as activity (see voice.h). */
#include "api/voice.h"

#include "core/engagement.h"

static const rf_testimonial_spec spec_defaults = RF_TESTIMONIAL_SPEC_INIT;
static const size_t spec_sizes[] = RF_SIZES_V1(rf_testimonial_spec);
static const rf_testimonial_query query_defaults = RF_TESTIMONIAL_QUERY_INIT;
static const size_t query_sizes[] = RF_SIZES_V1(rf_testimonial_query);

int rf__voice_activity(rf_store *s, const rfs_program *p, int64_t advocate_id, int32_t type,
		       int64_t at, int *recorded)
{
	*recorded = 0;
	rfs_advocate a;
	int found = 0, allowed = 0;
	int rc = rfs_eng_advocate(s, advocate_id, &a, &found);
	if (rc != RF_OK || !found || a.status != RF_STATUS_ACTIVE || p->status != RF_STATUS_ACTIVE)
		return rc;
	rc = rf__consent_allowed(s, advocate_id, RF_CONSENT_TRACKING, &allowed);
	if (rc != RF_OK || !allowed)
		return rc;
	rc = rf__activity_add(s, p->id, advocate_id, type, at, RF_CHANNEL_NONE, NULL, -1, NULL);
	*recorded = rc == RF_OK;
	return rc;
}

/* Segments. */

static int check_segment(const char *segment)
{
	if (!rfc_kind_valid(segment))
		return rf__error(RF_EINVALID, "segment must be 1..%d bytes of [a-z0-9_-]",
				 RF_SEGMENT_MAX_LEN);
	return RF_OK;
}

int rf_advocate_segment_set(rf_store *store, const char *advocate, const char *segment)
{
	int rc = rfs_usable(store);
	if (rc == RF_OK && segment)
		rc = check_segment(segment);
	if (rc == RF_OK)
		rc = rf__check_text(advocate, RF_MAX_ID_LEN, "advocate external id");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_advocate a;
	rc = rf__advocate_load(store, advocate, &a);
	if (rc == RF_OK)
		rc = rfs_segment_set(store, a.id, segment);
	return rfs_end(store, rc);
}

int rf_advocate_segment_get(char *out, size_t size, rf_store *store, const char *advocate)
{
	RF_CHECK_ARG(out != NULL && size > 0);
	out[0] = '\0';
	int rc = rfs_usable(store);
	rfs_advocate a;
	char seg[RF_SEGMENT_BUFSIZE];
	if (rc == RF_OK)
		rc = rf__advocate_load(store, advocate, &a);
	if (rc == RF_OK)
		rc = rfs_segment_get(store, a.id, seg);
	if (rc == RF_OK && strlen(seg) >= size)
		rc = rf__error(RF_EINVALID, "the segment needs %zu bytes, out has %zu", strlen(seg) + 1,
			       size);
	if (rc == RF_OK)
		memcpy(out, seg, strlen(seg) + 1);
	return rc;
}

/* Testimonials. */

int rf_testimonial_spec_init(rf_testimonial_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, spec_sizes, version,
				RF_TESTIMONIAL_SPEC_VERSION, "rf_testimonial_spec");
}

int rf_testimonial_query_init(rf_testimonial_query *query, unsigned version)
{
	return rf__options_init(query, &query_defaults, query_sizes, version,
				RF_TESTIMONIAL_QUERY_VERSION, "rf_testimonial_query");
}

/* A testimonial's text: UTF-8, 1..max bytes, line breaks and tabs the only
 * control characters. */
static int check_body(const char *body)
{
	if (body == NULL || body[0] == '\0')
		return rf__error(RF_EINVALID, "testimonial text is required");
	size_t n = strnlen(body, RF_TESTIMONIAL_MAX_LEN + 1);
	if (n > RF_TESTIMONIAL_MAX_LEN)
		return rf__error(RF_EINVALID, "testimonial text is longer than %d bytes",
				 RF_TESTIMONIAL_MAX_LEN);
	if (!rf__utf8_valid(body, n))
		return rf__error(RF_EINVALID, "testimonial text is not valid UTF-8");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)body[i];
		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
			return rf__error(RF_EINVALID, "testimonial text contains a control character");
	}
	return RF_OK;
}

static int check_spec(const rf_testimonial_spec *in, rf_testimonial_spec *out)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "testimonial spec is NULL");
	int rc = rf__check_version(in->version, RF_TESTIMONIAL_SPEC_VERSION, "rf_testimonial_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &spec_defaults, sizeof(*out), in, spec_sizes);
	if ((rc = rf__check_text(out->program, RF_MAX_ID_LEN, "program key")) != RF_OK ||
	    (rc = rf__check_text(out->advocate, RF_MAX_ID_LEN, "advocate external id")) != RF_OK ||
	    (rc = rf__check_opt_text(out->product, RF_PRODUCT_MAX_LEN, "product")) != RF_OK ||
	    (rc = check_body(out->body)) != RF_OK)
		return rc;
	if (out->rating < 1 || out->rating > 5)
		return rf__error(RF_EINVALID, "rating must be 1..5");
	if (out->publish_consent != 0 && out->publish_consent != 1)
		return rf__error(RF_EINVALID, "publish_consent must be 0 or 1");
	if (out->at_ms < 0)
		return rf__error(RF_EINVALID, "at_ms must be >= 0");
	return RF_OK;
}

static void pack_testimonial(rf_pack *pk, const void *from, void *slot)
{
	const rfs_testimonial *r = from;
	rf_testimonial *t = rf__pack_reserve(pk, sizeof(*t));
	const char *program = rf__pack_str(pk, r->program);
	const char *advocate = rf__pack_str(pk, r->advocate);
	const char *name = rf__pack_str(pk, r->display_name);
	const char *segment = rf__pack_str(pk, r->segment);
	const char *product = rf__pack_str(pk, r->product);
	const char *body = rf__pack_str(pk, r->body);
	if (t == NULL)
		return;
	*t = (rf_testimonial){ r->id, program, advocate, r->kind, name, segment, product, body,
			       r->rating, r->publish_consent, r->status, r->created_at,
			       r->decided_at };
	*(rf_testimonial **)slot = t;
}

/* Finish a write on testimonial `id`: read it back inside the transaction
 * when asked, commit or roll back, then pack it. */
static int end_with(rf_store *s, int rc, int64_t program_id, int64_t id, rf_testimonial **out)
{
	rfs_testimonial *row = NULL;
	if (rc == RF_OK && out) {
		row = malloc(sizeof(*row));
		rc = row ? rfs_testimonial_get(s, program_id, id, row)
			 : rf__error(RF_ENOMEM, "out of memory reading a testimonial");
	}
	rc = rfs_end(s, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(row, pack_testimonial, out);
	free(row);
	return rc;
}

static int submit(rf_store *s, const rf_testimonial_spec *sp, int64_t *program_id, int64_t *id)
{
	rfs_program p;
	rfs_advocate a;
	char segment[RF_SEGMENT_BUFSIZE];
	int recorded = 0;
	int rc = rf__program_load_active(s, sp->program, &p);
	if (rc == RF_OK)
		rc = rf__advocate_load(s, sp->advocate, &a);
	if (rc == RF_OK && a.status != RF_STATUS_ACTIVE)
		rc = rf__error(RF_EDISABLED, "advocate '%s' is inactive", a.external_id);
	if (rc == RF_OK)
		rc = rfs_segment_get(s, a.id, segment);
	if (rc != RF_OK)
		return rc;
	int64_t at = sp->at_ms ? sp->at_ms : rfs_now(s);
	rfs_testimonial_in in = { p.id, a.id, sp->product ? sp->product : "", segment, sp->body,
				  sp->rating, sp->publish_consent, at };
	*program_id = p.id;
	rc = rfs_testimonial_insert(s, &in, id);
	if (rc == RF_OK)
		rc = rf__voice_activity(s, &p, a.id, RF_ACTIVITY_TESTIMONIAL, at, &recorded);
	return rc;
}

int rf_testimonial_submit(rf_testimonial **out, rf_store *store, const rf_testimonial_spec *spec)
{
	if (out)
		*out = NULL;
	rf_testimonial_spec sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, &sp);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t program_id = 0, id = 0;
	rc = submit(store, &sp, &program_id, &id);
	return end_with(store, rc, program_id, id, out);
}

/* A change to testimonial `id` of `program` (any status): `field` 0
 * decides (value: the status), 1 records publication consent (value 0/1).
 * Checks, then one transaction; `out` (may be NULL) gets the result. */
static int change(rf_store *s, const char *program, int64_t id, int field, int32_t value,
		  rf_testimonial **out)
{
	int rc = rfs_usable(s);
	if (rc == RF_OK && id <= 0)
		rc = rf__error(RF_EINVALID, "testimonial id must be > 0");
	if (rc == RF_OK)
		rc = rf__check_text(program, RF_MAX_ID_LEN, "program key");
	if (rc != RF_OK || (rc = rfs_begin(s)) != RF_OK)
		return rc;
	rfs_program p = { 0 };
	rfs_testimonial *row = malloc(sizeof(*row));
	rc = row ? rf__program_load(s, program, &p)
		 : rf__error(RF_ENOMEM, "out of memory reading a testimonial");
	if (rc == RF_OK)
		rc = rfs_testimonial_get(s, p.id, id, row);
	if (rc == RF_OK && field == 0 && row->status != value)
		rc = rfs_testimonial_decide(s, p.id, id, value, rfs_now(s));
	if (rc == RF_OK && field == 1 && row->publish_consent != value)
		rc = rfs_testimonial_consent(s, p.id, id, value);
	free(row);
	return end_with(s, rc, p.id, id, out);
}

int rf_testimonial_decide(rf_testimonial **out, rf_store *store, const char *program, int64_t id,
			  int32_t status)
{
	if (out)
		*out = NULL;
	if (status != RF_TESTIMONIAL_APPROVED && status != RF_TESTIMONIAL_REJECTED)
		return rf__error(RF_EINVALID, "decision must be approved (1) or rejected (2)");
	return change(store, program, id, 0, status, out);
}

int rf_testimonial_consent_set(rf_store *store, const char *program, int64_t id,
			       int32_t publish_consent)
{
	if (publish_consent != 0 && publish_consent != 1)
		return rf__error(RF_EINVALID, "publish_consent must be 0 or 1");
	return change(store, program, id, 1, publish_consent, NULL);
}

int rf_testimonial_get(rf_testimonial **out, rf_store *store, const char *program, int64_t id)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK && id <= 0)
		rc = rf__error(RF_EINVALID, "testimonial id must be > 0");
	rfs_program p;
	rfs_testimonial *row = NULL;
	if (rc == RF_OK)
		rc = rf__program_load(store, program, &p);
	if (rc == RF_OK) {
		row = malloc(sizeof(*row));
		rc = row ? rfs_testimonial_get(store, p.id, id, row)
			 : rf__error(RF_ENOMEM, "out of memory reading a testimonial");
	}
	if (rc == RF_OK)
		rc = rf__pack_one(row, pack_testimonial, out);
	free(row);
	return rc;
}

static int check_query(const rf_testimonial_query *in, rf_testimonial_query *q)
{
	if (in == NULL)
		return rf__error(RF_EINVALID, "testimonial query is NULL");
	int rc = rf__check_version(in->version, RF_TESTIMONIAL_QUERY_VERSION,
				   "rf_testimonial_query");
	if (rc != RF_OK)
		return rc;
	rf__options_read(q, &query_defaults, sizeof(*q), in, query_sizes);
	if ((rc = rf__check_text(q->program, RF_MAX_ID_LEN, "program key")) != RF_OK ||
	    (rc = rf__check_opt_text(q->product, RF_PRODUCT_MAX_LEN, "product")) != RF_OK ||
	    (rc = rf__check_opt_text(q->advocate, RF_MAX_ID_LEN, "advocate external id")) != RF_OK)
		return rc;
	if (q->segment && (rc = check_segment(q->segment)) != RF_OK)
		return rc;
	if (q->which < RF_TESTIMONIALS_PUBLISHABLE || q->which > RF_TESTIMONIALS_REJECTED)
		return rf__error(RF_EINVALID, "unknown testimonial filter %d", (int)q->which);
	if (q->advocate_kind != 0 && rf_enum_name(RF_ENUM_ADVOCATE_KIND, q->advocate_kind) == NULL)
		return rf__error(RF_EINVALID, "unknown advocate kind %d", (int)q->advocate_kind);
	if (q->min_rating < 0 || q->min_rating > 5)
		return rf__error(RF_EINVALID, "min_rating must be 0..5");
	if (q->cursor < 0)
		return rf__error(RF_EINVALID, "cursor must be >= 0");
	if (q->limit > 1000)
		return rf__error(RF_EINVALID, "limit must be 1..1000 (0 means 100)");
	return RF_OK;
}

int rf_testimonial_find(rf_testimonials **out, rf_store *store, const rf_testimonial_query *query)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rf_testimonial_query q;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_query(query, &q);
	rfs_program p;
	rfs_advocate a = { 0 };
	if (rc == RF_OK)
		rc = rf__program_load(store, q.program, &p);
	if (rc == RF_OK && q.advocate)
		rc = rf__advocate_load(store, q.advocate, &a);
	if (rc != RF_OK)
		return rc;
	static const int32_t status_of[] = { RF_TESTIMONIAL_APPROVED, RF_TESTIMONIAL_PENDING,
					     RF_TESTIMONIAL_APPROVED, RF_TESTIMONIAL_REJECTED };
	uint32_t limit = q.limit ? q.limit : 100;
	rfs_testimonial_filter f = { p.id, status_of[q.which], q.which == RF_TESTIMONIALS_PUBLISHABLE,
				     q.product, q.segment, q.advocate_kind, a.id, q.cursor,
				     q.min_rating, limit + 1 };
	rfs_testimonial *rows = NULL;
	size_t n = 0;
	rc = rfs_testimonial_find(store, &f, &rows, &n);
	int more = rc == RF_OK && n > limit;
	if (more)
		n = limit;
	void *head = NULL, *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(rf_testimonials), rows, sizeof(*rows), n, pack_testimonial,
				   &head, &items);
	if (rc == RF_OK) {
		rf_testimonials *list = head;
		*list = (rf_testimonials){ n, items, more ? rows[n - 1].id : 0 };
		*out = list;
	}
	free(rows);
	return rc;
}

void rf_testimonial_free(rf_testimonial *testimonial)
{
	free(testimonial);
}

void rf_testimonials_free(rf_testimonials *testimonials)
{
	free(testimonials);
}
