/* Progress bars on stderr (see progress.h). */
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

#define WIDTH 30

void progress_start(progress *p, const cli *c, const char *what, uint64_t total)
{
	p->on = !c->quiet && isatty(STDERR_FILENO);
	p->what = what;
	p->total = total;
	p->last = -1;
}

void progress_update(progress *p, uint64_t done)
{
	if (!p->on)
		return;
	if (p->total == 0) {
		if ((done & 0xFFFF) == 0)
			fprintf(stderr, "\r%s: %llu", p->what, (unsigned long long)done);
		return;
	}
	if (done > p->total)
		done = p->total;
	int mille = (int)(1000 * done / p->total);
	if (mille == p->last)
		return;
	p->last = mille;
	char bar[WIDTH + 1];
	int full = mille * WIDTH / 1000;
	for (int i = 0; i < WIDTH; i++)
		bar[i] = i < full ? '#' : '.';
	bar[WIDTH] = '\0';
	fprintf(stderr, "\r%s [%s] %3d.%d%%", p->what, bar, mille / 10, mille % 10);
	fflush(stderr);
}

void progress_end(progress *p)
{
	if (p->on)
		fprintf(stderr, "\r%-70s\r", "");
	p->on = 0;
}

static int on_store_progress(void *ctx, const char *operation, uint64_t done, uint64_t total)
{
	progress *p = ctx;
	(void)operation;
	p->total = total;
	progress_update(p, done);
	return 0;
}

void progress_attach(progress *p, const cli *c, rf_store *store, const char *what)
{
	progress_start(p, c, what, 0);
	if (p->on)
		(void)rf_store_set_progress(store, on_store_progress, p);
}

void progress_detach(progress *p, rf_store *store)
{
	if (p->on)
		(void)rf_store_set_progress(store, NULL, NULL);
	progress_end(p);
}
