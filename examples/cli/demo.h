/* The demo: a simulated referral program, fed through the public API.
 *   demo_sim.c     builds advocates, codes and a time-ordered event list
 *   demo_ingest.c  writes them into a fresh store (batched touchpoints)
 *   demo_report.c  asks the library what happened and prints it
 * Everything derives from the seed; an injected clock makes it repeatable. */
#ifndef CLI_DEMO_H
#define CLI_DEMO_H

#include <referral.h>

#include "cli.h"
#include "rng.h"

#define DEMO_PROGRAM "demo"
#define DEMO_CURRENCY "EUR"
#define DEMO_CHANNELS 9          /* rf_channel values 0..8 */

typedef struct demo_config {
	int64_t advocates;
	int64_t visitors;
	int64_t days;
	uint64_t seed;
} demo_config;

typedef struct demo_advocate {
	char id[24];                 /* external id, "adv-0042" */
	char name[48];
	int32_t kind;                /* rf_advocate_kind */
	double reach;                /* relative share of all sharing */
	size_t first_code, code_count;
} demo_advocate;

typedef struct demo_code {
	char code[RF_CODE_BUFSIZE];  /* filled when issued */
	int32_t channel;
	size_t advocate;
} demo_code;

typedef enum demo_event_type { DEMO_TOUCH = 0, DEMO_ORDER = 1 } demo_event_type;

typedef struct demo_event {
	int64_t at_ms;
	uint32_t seq;                /* creation order: ties keep it */
	uint32_t visitor;
	uint32_t code;               /* touch: index into codes */
	uint32_t order;              /* order: its number */
	int64_t value_minor;         /* order: value */
	uint8_t type;                /* demo_event_type */
	uint8_t kind;                /* touch: rf_touchpoint_kind */
	uint8_t advocates_touched;   /* order: distinct advocates the visitor met */
} demo_event;

/** Per-channel tallies: touches as sent, credit as the library returned it. */
typedef struct demo_channel_tally {
	int64_t codes;
	int64_t touches;
	double credited;             /* sum of credit weights */
	int64_t value_minor;
} demo_channel_tally;

typedef struct demo_world {
	demo_config cfg;
	int64_t start_ms;            /* campaign launch */
	demo_advocate *advocates;
	size_t advocate_count;
	demo_code *codes;
	size_t code_count;
	demo_event *events;
	size_t event_count, event_cap;
	int64_t orders, organic_orders;
	/* filled by ingestion */
	demo_channel_tally channels[DEMO_CHANNELS];
	int64_t touches_recorded, orders_recorded;
	uint32_t example_order;      /* a credited order whose visitor met several advocates */
	int example_touched;
} demo_world;

/** Build the world and its events, sorted by time. */
void demo_simulate(demo_world *w, const demo_config *cfg);
void demo_world_free(demo_world *w);

/** Order id and visitor id as sent to the library. */
void demo_order_id(char buf[24], uint32_t order);
void demo_visitor_id(char buf[24], uint32_t visitor);

/** Progress on stderr (only when it is a terminal). */
void demo_progress(const char *stage, size_t done, size_t total);

/** The clock injected into the store. */
typedef struct demo_clock {
	int64_t now_ms;
} demo_clock;
int64_t demo_clock_now(void *ctx);

/** Create the program, advocates and codes, then feed every event.
 *  Returns CLI_EXIT_OK or reports the failure. */
int demo_ingest(const cli *c, rf_store *store, demo_clock *clock, demo_world *w);

/** Configure the demo program's reward rules; pay what is payable at the
 *  end. Both return CLI_EXIT_OK or report the failure. */
int demo_rewards_setup(const cli *c, rf_store *store);
int demo_rewards_payout(const cli *c, rf_store *store);
/** The program's content library (returns CLI_EXIT_OK or reports the
 *  failure), and the item a code for `channel` is bound to (NULL: none). */
int demo_content_setup(const cli *c, rf_store *store);
const char *demo_content_for(int32_t channel);

/** Stage a few suspicious orders after the campaign (held by the fraud
 *  check); moves the clock past them. */
int demo_rewards_suspects(const cli *c, rf_store *store, demo_clock *clock, const demo_world *w);

/** Print what a marketer wants to see; `started_s` is demo_seconds() at
 *  the start, for the elapsed time; `dashboard` is the path of the HTML
 *  dashboard already written (printed last; alone with --quiet). */
int demo_report(const cli *c, rf_store *store, const demo_world *w, double started_s,
		const char *dashboard);

/** A monotonic clock in seconds, for timing. */
double demo_seconds(void);

#endif
