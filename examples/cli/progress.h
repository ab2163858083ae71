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

#endif
