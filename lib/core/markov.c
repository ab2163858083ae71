/* First-order Markov removal effects (see markov.h). */
#include "core/markov.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Transient states: 0 = START, 1 + i = player i. Absorbing: CONV, NULL. */
struct rfc_markov {
	size_t players, states;
	double *edges;     /* states x states transition counts */
	double *to_conv;   /* per state */
	double *to_null;   /* per state */
};

rfc_markov *rfc_markov_new(size_t players)
{
	if (players == 0 || players > RFC_MARKOV_MAX_PLAYERS)
		return NULL;
	rfc_markov *m = calloc(1, sizeof(*m));
	if (m == NULL)
		return NULL;
	m->players = players;
	m->states = players + 1;
	m->edges = calloc(m->states * m->states, sizeof(double));
	m->to_conv = calloc(m->states, sizeof(double));
	m->to_null = calloc(m->states, sizeof(double));
	if (!m->edges || !m->to_conv || !m->to_null) {
		rfc_markov_free(m);
		return NULL;
	}
	return m;
}

void rfc_markov_free(rfc_markov *m)
{
	if (m == NULL)
		return;
	free(m->edges);
	free(m->to_conv);
	free(m->to_null);
	free(m);
}

int rfc_markov_add(rfc_markov *m, const uint32_t *path, size_t n, double conversions,
		   double nulls)
{
	if (!(conversions >= 0.0) || !(nulls >= 0.0) || n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (path[i] >= m->players)
			return -1;
	}
	double count = conversions + nulls;
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		size_t to = 1 + path[i];
		if (to != from)
			m->edges[from * m->states + to] += count;
		from = to;
	}
	m->to_conv[from] += conversions;
	m->to_null[from] += nulls;
	return 0;
}

/* Invert a (n x n, row-major) in place by Gauss-Jordan with partial
 * pivoting. Returns -1 when singular. */
static int invert(double *a, size_t n)
{
	double *inv = calloc(n * n, sizeof(double));
	if (inv == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		inv[i * n + i] = 1.0;
	for (size_t col = 0; col < n; col++) {
		size_t pivot = col;
		for (size_t r = col + 1; r < n; r++) {
			if (fabs(a[r * n + col]) > fabs(a[pivot * n + col]))
				pivot = r;
		}
		if (fabs(a[pivot * n + col]) < 1e-300) {
			free(inv);
			return -1;
		}
		if (pivot != col) {
			for (size_t k = 0; k < n; k++) {
				double t = a[col * n + k];
				a[col * n + k] = a[pivot * n + k];
				a[pivot * n + k] = t;
				t = inv[col * n + k];
				inv[col * n + k] = inv[pivot * n + k];
				inv[pivot * n + k] = t;
			}
		}
		double d = a[col * n + col];
		for (size_t k = 0; k < n; k++) {
			a[col * n + k] /= d;
			inv[col * n + k] /= d;
		}
		for (size_t r = 0; r < n; r++) {
			double f = a[r * n + col];
			if (r == col || f == 0.0)
				continue;
			for (size_t k = 0; k < n; k++) {
				a[r * n + k] -= f * a[col * n + k];
				inv[r * n + k] -= f * inv[col * n + k];
			}
		}
	}
	memcpy(a, inv, n * n * sizeof(double));
	free(inv);
	return 0;
}

int rfc_markov_solve(rfc_markov *m, double *removal, double *weights, double *p_conv)
{
	size_t s = m->states;
	double *a = calloc(s * s, sizeof(double));
	double *x = calloc(s, sizeof(double));
	int rc = a && x ? 0 : -1;
	/* I - Q, with Q the transition probabilities among transient states. */
	for (size_t i = 0; rc == 0 && i < s; i++) {
		double out = m->to_conv[i] + m->to_null[i];
		for (size_t j = 0; j < s; j++)
			out += m->edges[i * s + j];
		a[i * s + i] = 1.0;
		if (out <= 0.0)
			continue; /* never left: absorbs nowhere, converts never */
		for (size_t j = 0; j < s; j++)
			a[i * s + j] -= m->edges[i * s + j] / out;
	}
	if (rc == 0)
		rc = invert(a, s); /* a = N */
	double total = 0.0;
	if (rc == 0) {
		for (size_t i = 0; i < s; i++) {
			double out = m->to_conv[i] + m->to_null[i];
			for (size_t j = 0; j < s; j++)
				out += m->edges[i * s + j];
			double r = out > 0.0 ? m->to_conv[i] / out : 0.0;
			for (size_t k = 0; k < s; k++)
				x[k] += a[k * s + i] * r; /* x = N r */
		}
		total = x[0];
		rc = total > 0.0 ? 0 : -1;
	}
	double sum = 0.0;
	for (size_t k = 0; rc == 0 && k < m->players; k++) {
		size_t st = 1 + k;
		/* P(START ever hits k) = N[START][k] / N[k][k]. */
		double hit = a[st * s + st] > 0.0 ? a[0 * s + st] / a[st * s + st] : 0.0;
		double without = total - hit * x[st];
		double effect = 1.0 - without / total;
		if (effect < 0.0)
			effect = 0.0;
		if (removal)
			removal[k] = effect;
		if (weights)
			weights[k] = effect;
		sum += effect;
	}
	if (rc == 0 && weights) {
		for (size_t k = 0; k < m->players; k++)
			weights[k] = sum > 0.0 ? weights[k] / sum : 0.0;
	}
	if (rc == 0 && p_conv)
		*p_conv = total;
	free(a);
	free(x);
	return rc;
}
