/* Inline SVG charts for the dashboard: a line chart of a time series and a
 * horizontal bar chart. Each has a visible title with its unit, labelled
 * axes with ticks, and <title>/<desc> for screen readers. Colours are the
 * Okabe-Ito palette (colour-blind safe); text is near-black on white. */
#ifndef CLI_HTML_CHART_H
#define CLI_HTML_CHART_H

#include <stddef.h>

#include "html.h"

#define CHART_MAX_SERIES 4

/** Colour `i` of the palette (cycles). */
const char *chart_colour(size_t i);

typedef struct chart_line_series {
	const char *name;     /* legend text */
	const double *y;      /* n values */
} chart_line_series;

typedef struct chart_line_spec {
	const char *id;       /* element id prefix (letters, digits, '-') */
	const char *title;    /* shown, with the unit: "Clicks per day" */
	const char *desc;     /* for screen readers */
	const char *x_label;  /* "Day (UTC)" */
	const char *y_label;  /* "Clicks" or "EUR" */
	size_t n;             /* points */
	const char *const *x_ticks; /* n labels, one per point */
	size_t series_count;  /* 1..CHART_MAX_SERIES */
	chart_line_series series[CHART_MAX_SERIES];
} chart_line_spec;

/** A line chart; data strings (names, labels) are escaped. */
void chart_line(html *h, const chart_line_spec *spec);

typedef struct chart_bar_spec {
	const char *id;
	const char *title;
	const char *desc;
	const char *x_label;  /* unit of the bars: "Visitors" */
	size_t n;
	const char *const *labels;  /* n category names */
	const double *values;       /* n values, >= 0 */
	const char *const *value_text; /* n texts shown at the bar ends */
} chart_bar_spec;

/** A horizontal bar chart, one bar per category. */
void chart_bars(html *h, const chart_bar_spec *spec);

/**
 * Nice axis ticks for [0, max]: a step of 1, 2 or 5 x 10^k giving about
 * `target` intervals. Returns the step; *top is the axis end (>= max).
 */
double chart_nice_step(double max, int target, double *top);

/** A tick value for people: "1,500" or "2.5", decimals as the step needs. */
void chart_tick_text(char *buf, size_t size, double v, double step);

#endif
