/*
 * The workload: a deterministic stream of clicks and conversions with a
 * realistic shape. Code popularity is Zipf-skewed (a few advocates share a
 * lot); visitors come back; every click carries a landing URL, an IP and a
 * user agent, as a web front end would pass them.
 */
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define T0_MS INT64_C(1700000000000)
#define DAY_MS INT64_C(86400000)
#define HOUR_MS INT64_C(3600000)

static size_t at_least(double v, size_t floor)
{
	return v < (double)floor ? floor : (size_t)v;
}

void bench_sizes_for(bench_sizes *z, double scale, int rounds)
{
	z->batch = 1000;
	/* Many short rounds: both sides see the same machine load. */
	z->rounds = rounds > 0 ? (size_t)rounds : scale < 0.1 ? 2 : 10;
	z->advocates = at_least(5000 * scale, 200);
	z->visitors = at_least(100000 * scale, 2000);
	/* Whole batches in every round. */
	size_t per_round = at_least(100000 * scale, 2000) / z->rounds;
	per_round = (per_round + z->batch - 1) / z->batch * z->batch;
	z->touch_batched = per_round * z->rounds;
	z->touch_single = at_least(10000 * scale, 400) / z->rounds * z->rounds;
	z->resolves = at_least(200000 * scale, 4000) / z->rounds * z->rounds;
	z->conversions = at_least(4000 * scale, 100) / z->rounds * z->rounds;
	z->journey = 5;
}

/* splitmix64: small, fast, and good enough for a workload. */
static uint64_t mix(uint64_t x)
{
	x += UINT64_C(0x9E3779B97F4A7C15);
	x = (x ^ (x >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94D049BB133111EB);
	return x ^ (x >> 31);
}

uint64_t workload_next(workload *w)
{
	w->rng += UINT64_C(0x9E3779B97F4A7C15);
	return mix(w->rng);
}

int workload_init(workload *w, uint64_t seed, size_t ncodes, size_t nvisitors)
{
	w->rng = seed;
	w->ncodes = ncodes;
	w->nvisitors = nvisitors;
	w->clock = T0_MS;
	w->codes = calloc(ncodes, sizeof(*w->codes));
	w->zipf_cdf = calloc(ncodes, sizeof(*w->zipf_cdf));
	if (w->codes == NULL || w->zipf_cdf == NULL) {
		workload_free(w);
		return -1;
	}
	double sum = 0;
	for (size_t i = 0; i < ncodes; i++) {
		sum += 1.0 / pow((double)(i + 1), 1.1);
		w->zipf_cdf[i] = sum;
	}
	for (size_t i = 0; i < ncodes; i++)
		w->zipf_cdf[i] /= sum;
	return 0;
}

void workload_free(workload *w)
{
	free(w->codes);
	free(w->zipf_cdf);
	w->codes = NULL;
	w->zipf_cdf = NULL;
}

size_t workload_code(workload *w)
{
	double u = (double)(workload_next(w) >> 11) / 9007199254740992.0;
	size_t lo = 0, hi = w->ncodes - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->zipf_cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A cookie-style UUID for visitor `n`, and the IP it clicks from. */
static void visitor_of(uint64_t n, char id[40], char ip[16])
{
	uint64_t a = mix(n), b = mix(a);
	snprintf(id, 40, "%08x-%04x-4%03x-%04x-%012llx", (unsigned)(a >> 32),
		 (unsigned)(a >> 16) & 0xFFFF, (unsigned)a & 0xFFF,
		 (unsigned)(b >> 48 & 0x3FFF) | 0x8000, (unsigned long long)(b & 0xFFFFFFFFFFFF));
	snprintf(ip, 16, "%u.%u.%u.%u", (unsigned)(b >> 56) | 1, (unsigned)(b >> 48) & 0xFF,
		 (unsigned)(a >> 8) & 0xFF, (unsigned)a & 0xFF);
}

static const char *const urls[] = {
	"https://shop.example.com/",
	"https://shop.example.com/invite?utm_source=referral&utm_medium=link",
	"https://shop.example.com/products/starter-kit?utm_source=referral",
	"https://shop.example.com/pricing?utm_campaign=spring",
};

static const char *const agents[] = {
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
	" Chrome/120.0.0.0 Safari/537.36",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
	" (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
	"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
	" Chrome/120.0.0.0 Mobile Safari/537.36",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void fill_touch(workload *w, touch_in *t, uint64_t visitor, size_t code, int64_t at)
{
	visitor_of(visitor, t->visitor, t->ip);
	t->code = w->codes[code];
	t->url = urls[visitor % COUNT(urls)];
	t->ua = agents[(visitor >> 3) % COUNT(agents)];
	t->at = at;
}

void workload_touches(workload *w, touch_in *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t visitor = workload_next(w) % w->nvisitors;
		w->clock += 1 + (int64_t)(workload_next(w) % 100);
		fill_touch(w, &out[i], visitor, workload_code(w), w->clock);
	}
}

/* Converting visitors live apart from the click pool: their journeys are
 * exactly the clicks made here. */
#define CONVERTER_BASE (UINT64_C(1) << 40)

void workload_conversions(workload *w, conversion_in *conv, touch_in *journeys, size_t n,
			  size_t journey, size_t first)
{
	int64_t step = 25 * DAY_MS / (int64_t)journey;
	for (size_t i = 0; i < n; i++) {
		uint64_t visitor = CONVERTER_BASE + first + i;
		int64_t at = w->clock + 30 * DAY_MS + (int64_t)i * 1000;
		touch_in *j = &journeys[i * journey];
		for (size_t k = 0; k < journey; k++) {
			size_t code;
			int fresh;
			do { /* distinct codes: no touch is a duplicate */
				code = workload_code(w);
				fresh = 1;
				for (size_t m = 0; m < k; m++)
					fresh &= j[m].code != w->codes[code];
			} while (!fresh);
			int64_t jitter = (int64_t)(workload_next(w) % (4 * HOUR_MS));
			fill_touch(w, &j[k], visitor, code, at - (int64_t)(journey - k) * step + jitter);
		}
		snprintf(conv[i].visitor, sizeof(conv[i].visitor), "%s", j[0].visitor);
		snprintf(conv[i].order, sizeof(conv[i].order), "ord-%010zu", first + i);
		conv[i].value = 1000 + (int64_t)(workload_next(w) % 19000);
		conv[i].at = at;
	}
}
