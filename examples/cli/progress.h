/* A progress bar on stderr for long work, drawn only when stderr is a
 * terminal and --quiet is off; silent otherwise (pipes, logs, tests). */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdint.h>

#include "cli.h"

typedef struct progress {
	int on;           /* drawing at all */
	const char *what; /* e.g. "importing touchpoints" */
	uint64_t total;   /* 0: unknown (a counter, no bar) */
	int last;         /* last per-mille drawn */
} progress;

/** Start a bar for `what` over `total` units (0: unknown). */
void progress_start(progress *p, const cli *c, const char *what, uint64_t total);
/** Move it to `done`; redraws at most once per 0.1%. */
void progress_update(progress *p, uint64_t done);
/** Erase it. */
void progress_end(progress *p);

/**
 * Draw a bar for `what` from the store's progress reports during its next
 * long calls (rf_store_set_progress), only when a bar would show: else no
 * callback is set, so the library skips work done only to report totals.
 */
void progress_attach(progress *p, const cli *c, rf_store *store, const char *what);
/** Erase the bar and stop the store's reports. */
void progress_detach(progress *p, rf_store *store);

#endif
