/* Progress callbacks for long operations (rf_store_set_progress). */
#include "api/api.h"
#include "store/db.h"

/* Units between two calls: a thousandth of the total, or 1024 when the
 * total is unknown, so a callback costs nothing measurable. */
static uint64_t stride(uint64_t total)
{
	uint64_t n = total ? total / 1000 : 1024;
	return n ? n : 1;
}

static int call(rf__progress *p, uint64_t done)
{
	rf_store *s = p->s;
	if (s->progress == NULL)
		return RF_OK;
	p->last = done;
	if (s->progress(s->progress_ctx, p->operation, done, p->total) != 0)
		return rf__error(RF_ECANCELED, "%s canceled by the progress callback", p->operation);
	return RF_OK;
}

int rf__progress_wanted(rf_store *s)
{
	return s->progress != NULL;
}

int rf__progress_begin(rf__progress *p, rf_store *s, const char *operation, uint64_t total)
{
	*p = (rf__progress){ s, operation, total, stride(total), 0 };
	return call(p, 0);
}

int rf__progress_step(rf__progress *p, uint64_t done)
{
	if (done < p->next || p->s->progress == NULL)
		return RF_OK;
	p->next = done + stride(p->total);
	return call(p, done);
}

int rf__progress_end(rf__progress *p)
{
	if (p->last == p->total && p->total != 0)
		return RF_OK; /* the last step already said so */
	return call(p, p->total);
}

int rf_store_set_progress(rf_store *store, rf_progress_fn fn, void *ctx)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	store->progress = fn;
	store->progress_ctx = ctx;
	return RF_OK;
}
