/* Timing, memory and the printed report: an aligned table, or JSON. */
#include "bench.h"

#include <sys/resource.h>
#include <time.h>

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double bench_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long bench_peak_rss_kib(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1; /* KiB on Linux */
}

static double per_s(size_t ops, double s)
{
	return s > 0 ? (double)ops / s : 0;
}

/* library/raw throughput: higher is better, 1.0 = as fast as raw. */
double bench_ratio(const bench_result *r)
{
	return r->lib_s > 0 ? r->raw_s / r->lib_s : 0;
}

double bench_cpu_ratio(const bench_result *r)
{
	return r->lib_cpu > 0 ? r->raw_cpu / r->lib_cpu : 0;
}

static const char *verdict(const bench_result *r)
{
	if (r->target <= 0)
		return "info";
	return bench_ratio(r) >= r->target ? "ok" : "MISS";
}

void report_table(FILE *f, const bench_result *res, size_t n, const bench_config *c,
		  long rss_kib, int drift)
{
	fprintf(f, "libreferral %s vs raw SQLite %s, scale %g, seed %llu\n", rf_version_string(),
		sqlite3_libversion(), c->scale, (unsigned long long)c->seed);
	fprintf(f, "%-14s %8s %13s %13s %7s %7s %9s  %s\n", "benchmark", "ops", "library op/s",
		"raw op/s", "ratio", "target", "cpu ratio", "");
	for (size_t i = 0; i < n; i++) {
		const bench_result *r = &res[i];
		char target[16] = "-";
		if (r->target > 0)
			snprintf(target, sizeof(target), ">=%.2f", r->target);
		fprintf(f, "%-14s %8zu %13.0f %13.0f %7.2f %7s %9.2f  %s\n", r->name, r->ops,
			per_s(r->ops, r->lib_s), per_s(r->ops, r->raw_s), bench_ratio(r), target,
			bench_cpu_ratio(r), verdict(r));
	}
	for (size_t i = 0; i < n; i++)
		fprintf(f, "  %-14s %s\n", res[i].name, res[i].what);
	fprintf(f, "peak RSS: %.1f MiB\n", (double)rss_kib / 1024.0);
	if (drift)
		fprintf(f, "WARNING: raw schema differs from the library's (%d objects)\n", drift);
}

void report_json(FILE *f, const bench_result *res, size_t n, const bench_config *c,
		 long rss_kib, int drift)
{
	fprintf(f, "{\"library\":\"%s\",\"sqlite\":\"%s\",\"scale\":%g,\"seed\":%llu,",
		rf_version_string(), sqlite3_libversion(), c->scale, (unsigned long long)c->seed);
	fprintf(f, "\"peak_rss_kib\":%ld,\"schema_match\":%s,\"results\":[", rss_kib,
		drift ? "false" : "true");
	for (size_t i = 0; i < n; i++) {
		const bench_result *r = &res[i];
		fprintf(f, "%s{\"name\":\"%s\",\"ops\":%zu,\"lib_ops_per_s\":%.1f,"
			"\"raw_ops_per_s\":%.1f,\"ratio\":%.4f,\"cpu_ratio\":%.4f,"
			"\"target\":%.2f,\"met\":%s}",
			i ? "," : "", r->name, r->ops, per_s(r->ops, r->lib_s),
			per_s(r->ops, r->raw_s), bench_ratio(r), bench_cpu_ratio(r), r->target,
			r->target <= 0 || bench_ratio(r) >= r->target ? "true" : "false");
	}
	fprintf(f, "]}\n");
}
