/* Rows of the voice tables (see store/voice.h). */
#include "store/voice.h"

/* Segments. */

int rfs_segment_set(rf_store *s, int64_t advocate_id, const char *segment)
{
	if (segment == NULL)
		return rfs_q_exec(s, RFS_SEGMENT_DELETE, "removing a segment", "i", advocate_id);
	return rfs_q_exec(s, RFS_SEGMENT_SET, "storing a segment", "it", advocate_id, segment);
}

static void read_segment(sqlite3_stmt *st, void *row)
{
	rfs_col_text(st, 0, row, RF_SEGMENT_BUFSIZE);
}

int rfs_segment_get(rf_store *s, int64_t advocate_id, char out[RF_SEGMENT_BUFSIZE])
{
	int found = 0;
	out[0] = '\0';
	return rfs_q_one(s, RFS_SEGMENT_GET, read_segment, out, &found, "reading a segment", "i",
			 advocate_id);
}

/* Testimonials. */

static void read_testimonial(sqlite3_stmt *st, void *row)
{
	rfs_testimonial *t = row;
	t->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, t->program, sizeof(t->program));
	rfs_col_text(st, 2, t->advocate, sizeof(t->advocate));
	t->kind = sqlite3_column_int(st, 3);
	rfs_col_text(st, 4, t->display_name, sizeof(t->display_name));
	rfs_col_text(st, 5, t->segment, sizeof(t->segment));
	rfs_col_text(st, 6, t->product, sizeof(t->product));
	rfs_col_text(st, 7, t->body, sizeof(t->body));
	t->rating = sqlite3_column_int(st, 8);
	t->publish_consent = sqlite3_column_int(st, 9);
	t->status = sqlite3_column_int(st, 10);
	t->created_at = sqlite3_column_int64(st, 11);
	t->decided_at = sqlite3_column_int64(st, 12);
}

int rfs_testimonial_insert(rf_store *s, const rfs_testimonial_in *t, int64_t *id)
{
	int rc = rfs_q_exec(s, RFS_TESTIMONIAL_INSERT, "storing a testimonial", "iitttiii",
			    t->program_id, t->advocate_id, t->product, t->segment, t->body,
			    (int64_t)t->rating, (int64_t)t->publish_consent, t->at);
	*id = rc == RF_OK ? rfs_last_id(s) : 0;
	return rc;
}

int rfs_testimonial_get(rf_store *s, int64_t program_id, int64_t id, rfs_testimonial *row)
{
	int found = 0;
	int rc = rfs_q_one(s, RFS_TESTIMONIAL_BY_ID, read_testimonial, row, &found,
			   "reading a testimonial", "ii", id, program_id);
	if (rc == RF_OK && !found)
		rc = rf__error(RF_ENOTFOUND, "no testimonial %lld in the program", (long long)id);
	return rc;
}

int rfs_testimonial_decide(rf_store *s, int64_t program_id, int64_t id, int32_t status,
			   int64_t at)
{
	return rfs_q_exec(s, RFS_TESTIMONIAL_DECIDE, "deciding on a testimonial", "iiii", id,
			  program_id, (int64_t)status, at);
}

int rfs_testimonial_consent(rf_store *s, int64_t program_id, int64_t id, int32_t consent)
{
	return rfs_q_exec(s, RFS_TESTIMONIAL_CONSENT, "recording publication consent", "iii", id,
			  program_id, (int64_t)consent);
}

int rfs_testimonial_find(rf_store *s, const rfs_testimonial_filter *f, rfs_testimonial **rows,
			 size_t *count)
{
	return rfs_q_rows(s, RFS_TESTIMONIAL_FIND, read_testimonial, sizeof(**rows), (void **)rows,
			  count, "finding testimonials", "iiiittiiii", f->program_id,
			  (int64_t)f->status, f->cursor, (int64_t)f->consented_only, f->product,
			  f->segment, (int64_t)f->kind, f->advocate_id, (int64_t)f->min_rating,
			  (int64_t)f->limit);
}

/* Reference asks. */

static void read_reference(sqlite3_stmt *st, void *row)
{
	rfs_reference *r = row;
	r->id = sqlite3_column_int64(st, 0);
	rfs_col_text(st, 1, r->program, sizeof(r->program));
	rfs_col_text(st, 2, r->advocate, sizeof(r->advocate));
	rfs_col_text(st, 3, r->prospect, sizeof(r->prospect));
	r->outcome = sqlite3_column_int(st, 4);
	r->asked_at = sqlite3_column_int64(st, 5);
	r->accepted_at = sqlite3_column_int64(st, 6);
	r->closed_at = sqlite3_column_int64(st, 7);
	r->advocate_id = sqlite3_column_int64(st, 8);
}

int rfs_reference_recent(rf_store *s, int64_t advocate_id, int64_t program_id, int64_t since,
			 int64_t *count)
{
	int found = 0;
	return rfs_q_int(s, RFS_REFERENCE_RECENT, count, &found, "counting reference asks", "iii",
			 advocate_id, program_id, since);
}

int rfs_reference_insert(rf_store *s, int64_t program_id, int64_t advocate_id,
			 const char *prospect, int64_t at, int64_t *id)
{
	int rc = rfs_q_exec(s, RFS_REFERENCE_INSERT, "recording a reference ask", "iiti",
			    program_id, advocate_id, prospect, at);
	*id = rc == RF_OK ? rfs_last_id(s) : 0;
	return rc;
}

int rfs_reference_get(rf_store *s, int64_t program_id, int64_t id, rfs_reference *row)
{
	int found = 0;
	int rc = rfs_q_one(s, RFS_REFERENCE_BY_ID, read_reference, row, &found,
			   "reading a reference ask", "ii", id, program_id);
	if (rc == RF_OK && !found)
		rc = rf__error(RF_ENOTFOUND, "no reference ask %lld in the program", (long long)id);
	return rc;
}

int rfs_reference_close(rf_store *s, int64_t program_id, int64_t id, int32_t outcome,
			int64_t at)
{
	return rfs_q_exec(s, RFS_REFERENCE_CLOSE, "recording a reference outcome", "iiii", id,
			  program_id, (int64_t)outcome, at);
}

typedef struct candidate_ctx {
	rfs_candidate_fn each;
	void *ctx;
} candidate_ctx;

static int candidate_row(void *ctx, sqlite3_stmt *st)
{
	candidate_ctx *c = ctx;
	rfs_candidate row;
	rfs_score_state_read(st, &row.state);
	rfs_col_text(st, 13, row.advocate, sizeof(row.advocate));
	rfs_col_text(st, 14, row.display_name, sizeof(row.display_name));
	row.kind = sqlite3_column_int(st, 15);
	rfs_col_text(st, 16, row.segment, sizeof(row.segment));
	row.asks = sqlite3_column_int64(st, 17);
	row.last_asked_at = sqlite3_column_int64(st, 18);
	return c->each(c->ctx, &row);
}

int rfs_reference_candidates(rf_store *s, int64_t program_id, int32_t kind, const char *segment,
			     int64_t since, rfs_candidate_fn each, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_REFERENCE_CANDIDATES, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_int64(st, 1, program_id);
	sqlite3_bind_int64(st, 2, kind);
	rfs_bind_text(st, 3, segment);
	sqlite3_bind_int64(st, 4, since);
	candidate_ctx c = { each, ctx };
	return rfs_each_row(s, st, candidate_row, &c, "finding reference candidates");
}
