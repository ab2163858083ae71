/* The demo's simulated world: who shares, who clicks, who buys, and when.
 * Sharing is power-law skewed: a few advocates drive most clicks. */
#include "demo.h"

#include "timeparse.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MINUTE_MS INT64_C(60000)

static const char *const first_names[] = {
	"Ada", "Bruno", "Chloé", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
	"Kemal", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tessa",
	"Ugo", "Vera", "Wen", "Ximena", "Yusuf", "Zoé", "Aino", "Bilal", "Carmen", "Dara",
};
static const char *const last_names[] = {
	"Moreau", "Schmidt", "Rossi", "García", "Kowalski", "Novak", "Jensen", "Silva", "Okafor",
	"Tanaka", "Nguyen", "Haddad", "Larsen", "Dubois", "Costa", "Meyer", "Popescu", "Ivanova",
	"Byrne", "Lindqvist", "Yilmaz", "Fischer", "Martin", "Sato", "Kumar",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Channels each kind of advocate prefers, most used first. */
static const int32_t kind_channels[5][4] = {
	[RF_ADVOCATE_CUSTOMER] = { RF_CHANNEL_WHATSAPP, RF_CHANNEL_EMAIL, RF_CHANNEL_SMS, RF_CHANNEL_FACEBOOK },
	[RF_ADVOCATE_EMPLOYEE] = { RF_CHANNEL_LINKEDIN, RF_CHANNEL_EMAIL, RF_CHANNEL_X, RF_CHANNEL_WHATSAPP },
	[RF_ADVOCATE_PARTNER] = { RF_CHANNEL_EMAIL, RF_CHANNEL_QR, RF_CHANNEL_LINKEDIN, RF_CHANNEL_OTHER },
	[RF_ADVOCATE_INFLUENCER] = { RF_CHANNEL_X, RF_CHANNEL_FACEBOOK, RF_CHANNEL_QR, RF_CHANNEL_OTHER },
};
/* How far each kind's shares reach, and how well their audience buys. */
static const double kind_reach[5] = { 0, 1.0, 1.2, 1.5, 4.0 };
static const double kind_intent[5] = { 0, 1.0, 0.9, 1.4, 0.6 };
/* Chance that a visitor arriving through a channel buys. */
static const double channel_rate[DEMO_CHANNELS] = {
	0.025, 0.045, 0.055, 0.02, 0.012, 0.015, 0.04, 0.03, 0.025,
};
/* Traffic by hour of day (UTC), in relative units. */
static const double hour_weight[24] = {
	1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.0, 2.0, 3.0, 3.5, 3.5, 4.0,
	4.5, 4.0, 3.5, 3.5, 3.5, 4.0, 4.5, 5.0, 5.0, 4.5, 3.0, 2.0,
};
/* The shop's catalogue, in euro cents, and how often each sells. */
static const int64_t prices[] = { 1990, 2900, 4990, 7900, 11900, 24900 };
static const double price_weight[] = { 20, 25, 25, 15, 10, 5 };

typedef struct sim {
	demo_world *w;
	rng r;
	double *advocate_cum;   /* cumulative reach */
	double day_cum[400];
	double hour_cum[24];
	double price_cum[COUNT(prices)];
	double *quality;        /* per advocate: how well their audience buys */
} sim;

static void cumulate(double *cum, const double *weights, size_t n)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		cum[i] = total += weights[i];
}

void demo_order_id(char buf[24], uint32_t order)
{
	snprintf(buf, 24, "ord-%06u", (unsigned)order);
}

void demo_visitor_id(char buf[24], uint32_t visitor)
{
	snprintf(buf, 24, "visitor-%07u", (unsigned)visitor);
}

static int32_t pick_kind(rng *r)
{
	double x = rng_unit(r);
	if (x < 0.68)
		return RF_ADVOCATE_CUSTOMER;
	if (x < 0.84)
		return RF_ADVOCATE_EMPLOYEE;
	if (x < 0.92)
		return RF_ADVOCATE_PARTNER;
	return RF_ADVOCATE_INFLUENCER;
}

/* Zipf ranks in random order, so popularity is not tied to creation order. */
static void shuffled_ranks(rng *r, size_t *rank, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rank[i] = i + 1;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)rng_below(r, i);
		size_t t = rank[i - 1];
		rank[i - 1] = rank[j];
		rank[j] = t;
	}
}

static size_t codes_for_kind(rng *r, int32_t kind)
{
	if (kind == RF_ADVOCATE_CUSTOMER)
		return 1 + (size_t)rng_below(r, 2);
	if (kind == RF_ADVOCATE_EMPLOYEE)
		return 2;
	return 2 + (size_t)rng_below(r, 2);
}

static void make_advocate(sim *s, size_t i, size_t rank, size_t *next_code)
{
	demo_world *w = s->w;
	demo_advocate *a = &w->advocates[i];
	size_t n, start;

	/* At most 100,000 advocates: "adv-" and up to 10 digits fit the 24 bytes. */
	snprintf(a->id, sizeof a->id, "adv-%04u", (unsigned)(i + 1));
	snprintf(a->name, sizeof a->name, "%s %s", first_names[rng_below(&s->r, COUNT(first_names))],
		 last_names[rng_below(&s->r, COUNT(last_names))]);
	a->kind = pick_kind(&s->r);
	a->reach = kind_reach[a->kind] / pow((double)rank, 1.1);
	s->quality[i] = 0.5 + rng_unit(&s->r);
	n = codes_for_kind(&s->r, a->kind);
	start = rng_chance(&s->r, 0.3) ? 1 : 0; /* some prefer their second channel */
	a->first_code = *next_code;
	a->code_count = n;
	for (size_t k = 0; k < n; k++) {
		demo_code *code = &w->codes[*next_code + k];
		code->channel = kind_channels[a->kind][(start + k) % 4];
		code->advocate = i;
		w->channels[code->channel].codes++;
	}
	*next_code += n;
}

static void make_advocates(sim *s)
{
	demo_world *w = s->w;
	size_t n = (size_t)w->cfg.advocates, next_code = 0;
	size_t *rank = xmalloc(n * sizeof *rank);
	double *reach = xmalloc(n * sizeof *reach);

	w->advocates = xcalloc(n, sizeof *w->advocates);
	w->codes = xcalloc(n * 4, sizeof *w->codes);
	w->advocate_count = n;
	s->quality = xmalloc(n * sizeof *s->quality);
	s->advocate_cum = xmalloc(n * sizeof *s->advocate_cum);
	shuffled_ranks(&s->r, rank, n);
	for (size_t i = 0; i < n; i++) {
		make_advocate(s, i, rank[i], &next_code);
		reach[i] = w->advocates[i].reach;
	}
	w->code_count = next_code;
	cumulate(s->advocate_cum, reach, n);
	free(rank);
	free(reach);
}

/* Launch burst, a reminder mailing in week 4, quieter weekends. */
static void make_calendar(sim *s)
{
	double day_weight[400];
	size_t days = (size_t)s->w->cfg.days;
	for (size_t d = 0; d < days; d++) {
		double x = 1.0 + 2.5 * exp(-(double)d / 4.0);
		if (d >= 21)
			x += 1.2 * exp(-(double)(d - 21) / 2.0);
		if (d % 7 >= 5)
			x *= 0.65;
		day_weight[d] = x;
	}
	cumulate(s->day_cum, day_weight, days);
	cumulate(s->hour_cum, hour_weight, 24);
	cumulate(s->price_cum, price_weight, COUNT(prices));
}

static demo_event *push_event(demo_world *w, uint8_t type, uint32_t visitor, int64_t at_ms)
{
	demo_event *e;
	if (w->event_count == w->event_cap) {
		w->event_cap = w->event_cap ? w->event_cap * 2 : 4096;
		w->events = xrealloc(w->events, w->event_cap * sizeof *w->events);
	}
	e = &w->events[w->event_count];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->visitor = visitor;
	e->at_ms = at_ms;
	e->seq = (uint32_t)w->event_count++;
	return e;
}

static void push_touch(demo_world *w, uint32_t visitor, size_t code, int64_t at_ms, int kind)
{
	demo_event *e = push_event(w, DEMO_TOUCH, visitor, at_ms);
	e->code = (uint32_t)code;
	e->kind = (uint8_t)(w->codes[code].channel == RF_CHANNEL_QR ? RF_TOUCH_SCAN : kind);
}

static void push_order(sim *s, uint32_t visitor, int64_t at_ms, int touched)
{
	int64_t quantity = rng_chance(&s->r, 0.85) ? 1 : rng_chance(&s->r, 0.8) ? 2 : 3;
	size_t item = rng_pick_cumulative(&s->r, s->price_cum, COUNT(prices));
	demo_event *e = push_event(s->w, DEMO_ORDER, visitor, at_ms);
	e->value_minor = prices[item] * quantity;
	e->advocates_touched = (uint8_t)touched;
	s->w->orders++;
}

static int64_t arrival_time(sim *s)
{
	size_t day = rng_pick_cumulative(&s->r, s->day_cum, (size_t)s->w->cfg.days);
	size_t hour = rng_pick_cumulative(&s->r, s->hour_cum, 24);
	return s->w->start_ms + (int64_t)day * RF_DAY_MS + (int64_t)hour * RF_HOUR_MS +
	       (int64_t)rng_below(&s->r, (uint64_t)RF_HOUR_MS);
}

/* One of the advocate's codes; the first is the one they use most. */
static size_t pick_code(sim *s, size_t advocate)
{
	const demo_advocate *a = &s->w->advocates[advocate];
	size_t k = 0;
	while (k + 1 < a->code_count && rng_chance(&s->r, 0.4))
		k++;
	return a->first_code + k;
}

static int64_t delay_ms(sim *s, double mean_days)
{
	return (int64_t)(rng_exponential(&s->r, mean_days) * (double)RF_DAY_MS);
}

/* A visitor's touches on one advocate's code; returns the latest time. */
static int64_t touch_advocate(sim *s, uint32_t v, size_t advocate, int64_t at_ms)
{
	size_t code = pick_code(s, advocate);
	int64_t last = at_ms;
	push_touch(s->w, v, code, at_ms, RF_TOUCH_CLICK);
	if (rng_chance(&s->r, 0.18)) /* double click, or the link opened twice */
		push_touch(s->w, v, code, at_ms + 10000 + (int64_t)rng_below(&s->r, 20 * MINUTE_MS),
			   RF_TOUCH_CLICK);
	if (rng_chance(&s->r, 0.22)) { /* came back later through the same link */
		last = at_ms + RF_HOUR_MS + delay_ms(s, 2.0);
		push_touch(s->w, v, code, last, RF_TOUCH_VISIT);
	}
	return last;
}

/* An advocate the visitor has not met yet, or SIZE_MAX after a few misses. */
static size_t new_advocate(sim *s, const size_t *met, int met_count)
{
	for (int tries = 0; tries < 8; tries++) {
		size_t pick = rng_pick_cumulative(&s->r, s->advocate_cum, s->w->advocate_count);
		int seen = 0;
		for (int i = 0; i < met_count; i++)
			seen |= met[i] == pick;
		if (!seen)
			return pick;
	}
	return SIZE_MAX;
}

static void maybe_buy(sim *s, uint32_t v, size_t first_advocate, size_t code, int64_t last,
		      int touched)
{
	const demo_advocate *a = &s->w->advocates[first_advocate];
	double p = channel_rate[s->w->codes[code].channel] * kind_intent[a->kind] *
		   s->quality[first_advocate] * (touched > 1 ? 1.6 : 1.0);
	int64_t at;

	if (!rng_chance(&s->r, p))
		return;
	at = last + 30 * MINUTE_MS + delay_ms(s, 1.5);
	if (rng_chance(&s->r, 0.06)) /* a late decider: may fall outside the window */
		at = last + (20 + (int64_t)rng_below(&s->r, 30)) * RF_DAY_MS;
	push_order(s, v, at, touched);
	if (rng_chance(&s->r, 0.12)) /* a repeat purchase */
		push_order(s, v, at + (7 + (int64_t)rng_below(&s->r, 33)) * RF_DAY_MS, touched);
}

static void simulate_visitor(sim *s, uint32_t v)
{
	size_t met[3];
	int touched = 1;
	int64_t t = arrival_time(s), last;
	size_t first_touch = s->w->event_count;

	met[0] = rng_pick_cumulative(&s->r, s->advocate_cum, s->w->advocate_count);
	last = touch_advocate(s, v, met[0], t);
	while (touched < 3 && rng_chance(&s->r, touched == 1 ? 0.14 : 0.2)) {
		size_t next = new_advocate(s, met, touched);
		int64_t when;
		if (next == SIZE_MAX)
			break;
		when = touch_advocate(s, v, next, t + delay_ms(s, 3.0));
		last = when > last ? when : last;
		met[touched++] = next;
	}
	maybe_buy(s, v, met[0], s->w->events[first_touch].code, last, touched);
}

/* Orders from people no advocate sent: they stay unattributed. */
static void organic_orders(sim *s)
{
	uint32_t base = (uint32_t)s->w->cfg.visitors;
	int64_t n = s->w->cfg.visitors / 150;
	for (int64_t i = 0; i < n; i++) {
		push_order(s, base + (uint32_t)i, arrival_time(s), 0);
		s->w->organic_orders++;
	}
}

static int by_time(const void *pa, const void *pb)
{
	const demo_event *a = pa, *b = pb;
	if (a->at_ms != b->at_ms)
		return a->at_ms < b->at_ms ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sort by time and number the orders in the order they happen. */
static void finish_events(demo_world *w)
{
	uint32_t order = 0;
	qsort(w->events, w->event_count, sizeof *w->events, by_time);
	for (size_t i = 0; i < w->event_count; i++)
		if (w->events[i].type == DEMO_ORDER)
			w->events[i].order = ++order;
}

void demo_simulate(demo_world *w, const demo_config *cfg)
{
	sim s;
	memset(w, 0, sizeof *w);
	memset(&s, 0, sizeof s);
	w->cfg = *cfg;
	w->start_ms = time_days_from_civil(2026, 3, 2) * RF_DAY_MS; /* a Monday */
	s.w = w;
	rng_seed(&s.r, cfg->seed);
	make_advocates(&s);
	make_calendar(&s);
	for (uint32_t v = 0; v < (uint32_t)cfg->visitors; v++)
		simulate_visitor(&s, v);
	organic_orders(&s);
	finish_events(w);
	free(s.advocate_cum);
	free(s.quality);
}

void demo_world_free(demo_world *w)
{
	free(w->advocates);
	free(w->codes);
	free(w->events);
	memset(w, 0, sizeof *w);
}
