/* SVG line and bar charts; see html_chart.h. */
#include "html_chart.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Okabe-Ito: blue, vermillion, bluish green, orange (all >= 3:1 on white
 * as graphics; text never uses them). */
static const char *const palette[] = { "#0072B2", "#D55E00", "#009E73", "#E69F00" };

#define TEXT_COLOUR "#1a1a1a"
#define GRID_COLOUR "#d0d7de"

const char *chart_colour(size_t i)
{
	return palette[i % (sizeof palette / sizeof *palette)];
}

double chart_nice_step(double max, int target, double *top)
{
	double raw, mag, norm, step;
	if (!(max > 0) || !isfinite(max))
		max = 1;
	if (target < 1)
		target = 1;
	raw = max / target;
	mag = pow(10, floor(log10(raw)));
	norm = raw / mag;
	step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
	*top = ceil(max / step - 1e-9) * step;
	if (*top < step)
		*top = step;
	return step;
}

/* "1,500": a whole number with thousands separators. */
static void grouped(char *buf, size_t size, long long n)
{
	char digits[32];
	size_t len, out = 0, skip = n < 0;
	snprintf(digits, sizeof digits, "%lld", n);
	len = strlen(digits);
	for (size_t i = 0; i < len && out + 1 < size; i++) {
		if (i > skip && (len - i) % 3 == 0 && out + 2 < size)
			buf[out++] = ',';
		buf[out++] = digits[i];
	}
	if (size)
		buf[out] = '\0';
}

void chart_tick_text(char *buf, size_t size, double v, double step)
{
	if (step >= 1 || v == 0) {
		grouped(buf, size, llround(v));
		return;
	}
	int decimals = step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
	snprintf(buf, size, "%.*f", decimals, v);
}

/* <svg> with its accessible name and description, and the visible title. */
static void svg_open(html *h, const char *id, const char *title, const char *desc, int w,
		     int ht)
{
	html_rawf(h, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
		     "height=\"%d\" aria-labelledby=\"", w, ht, w, ht);
	html_text(h, id);
	html_raw(h, "-title ");
	html_text(h, id);
	html_raw(h, "-desc\" font-size=\"13\" fill=\"" TEXT_COLOUR "\">\n<title id=\"");
	html_text(h, id);
	html_raw(h, "-title\">");
	html_text(h, title);
	html_raw(h, "</title>\n<desc id=\"");
	html_text(h, id);
	html_raw(h, "-desc\">");
	html_text(h, desc);
	html_raw(h, "</desc>\n<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"600\">");
	html_text(h, title);
	html_raw(h, "</text>\n");
}

/* ---- line chart ------------------------------------------------------------- */

#define LW 540
#define LH 300
#define L_LEFT 72
#define L_RIGHT 16
#define L_TOP 52
#define L_BOTTOM 62

static void line_legend(html *h, const chart_line_spec *s)
{
	double x = L_LEFT;
	for (size_t i = 0; i < s->series_count; i++) {
		html_rawf(h, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"32\" y2=\"32\" stroke=\"%s\" "
			     "stroke-width=\"3\"%s/><text x=\"%.0f\" y=\"37\">", x, x + 22,
			  chart_colour(i), i % 2 ? " stroke-dasharray=\"6 3\"" : "", x + 28);
		html_text(h, s->series[i].name);
		html_raw(h, "</text>\n");
		x += 44 + 7.5 * (double)(s->series[i].name ? strlen(s->series[i].name) : 0);
	}
}

static void line_axes(html *h, const chart_line_spec *s, double top, double step)
{
	double pw = LW - L_LEFT - L_RIGHT, ph = LH - L_TOP - L_BOTTOM;
	size_t every = s->n > 5 ? (s->n + 4) / 5 : 1; /* ~100px per label */
	char buf[48];

	for (double v = 0; v <= top + step / 2; v += step) {
		double y = L_TOP + ph - v / top * ph;
		chart_tick_text(buf, sizeof buf, v, step);
		html_rawf(h, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
			     "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
			  L_LEFT, LW - L_RIGHT, y, y, GRID_COLOUR, L_LEFT - 6, y + 4, buf);
	}
	for (size_t i = 0; i < s->n; i += every) {
		double x = L_LEFT + (s->n > 1 ? pw * (double)i / (double)(s->n - 1) : pw / 2);
		html_rawf(h, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\"/>"
			     "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">",
			  x, x, L_TOP + ph, L_TOP + ph + 5, TEXT_COLOUR, x, L_TOP + ph + 19);
		html_text(h, s->x_ticks[i]);
		html_raw(h, "</text>\n");
	}
	html_rawf(h, "<line x1=\"%d\" x2=\"%d\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\"/>"
		     "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%.0f\" stroke=\"%s\"/>\n",
		  L_LEFT, LW - L_RIGHT, L_TOP + ph, L_TOP + ph, TEXT_COLOUR, L_LEFT, L_LEFT, L_TOP,
		  L_TOP + ph, TEXT_COLOUR);
	html_rawf(h, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">", L_LEFT + pw / 2, LH - 12);
	html_text(h, s->x_label);
	html_rawf(h, "</text>\n<text transform=\"translate(16 %.0f) rotate(-90)\" "
		     "text-anchor=\"middle\">", L_TOP + ph / 2);
	html_text(h, s->y_label);
	html_raw(h, "</text>\n");
}

void chart_line(html *h, const chart_line_spec *s)
{
	double pw = LW - L_LEFT - L_RIGHT, ph = LH - L_TOP - L_BOTTOM, max = 0, top, step;

	for (size_t k = 0; k < s->series_count; k++)
		for (size_t i = 0; i < s->n; i++)
			if (s->series[k].y[i] > max)
				max = s->series[k].y[i];
	step = chart_nice_step(max, 5, &top);
	svg_open(h, s->id, s->title, s->desc, LW, LH);
	line_legend(h, s);
	line_axes(h, s, top, step);
	if (s->n == 0)
		html_rawf(h, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">No data in this "
			     "period</text>\n", L_LEFT + pw / 2, L_TOP + ph / 2);
	for (size_t k = 0; k < s->series_count; k++) {
		html_rawf(h, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" "
			     "stroke-linejoin=\"round\"%s points=\"", chart_colour(k),
			  k % 2 ? " stroke-dasharray=\"6 3\"" : "");
		for (size_t i = 0; i < s->n; i++) {
			double x = L_LEFT + (s->n > 1 ? pw * (double)i / (double)(s->n - 1) : pw / 2);
			double y = L_TOP + ph - s->series[k].y[i] / top * ph;
			html_rawf(h, "%s%.1f,%.1f", i ? " " : "", x, y);
		}
		html_raw(h, "\"/>\n");
	}
	html_raw(h, "</svg>\n");
}

/* ---- bar chart -------------------------------------------------------------- */

#define BW 540
#define B_LEFT 150
#define B_RIGHT 96
#define B_TOP 44
#define B_BAR 26
#define B_GAP 10
#define B_BOTTOM 56

void chart_bars(html *h, const chart_bar_spec *s)
{
	double max = 0, top, step, pw = BW - B_LEFT - B_RIGHT;
	int ph = (int)s->n * (B_BAR + B_GAP) + B_GAP, ht = B_TOP + ph + B_BOTTOM;
	char buf[48];

	for (size_t i = 0; i < s->n; i++)
		if (s->values[i] > max)
			max = s->values[i];
	step = chart_nice_step(max, 4, &top);
	svg_open(h, s->id, s->title, s->desc, BW, ht);
	for (double v = 0; v <= top + step / 2; v += step) {
		double x = B_LEFT + v / top * pw;
		chart_tick_text(buf, sizeof buf, v, step);
		html_rawf(h, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>"
			     "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
			  x, x, B_TOP, B_TOP + ph + 5, GRID_COLOUR, x, B_TOP + ph + 19, buf);
	}
	for (size_t i = 0; i < s->n; i++) {
		int y = B_TOP + B_GAP + (int)i * (B_BAR + B_GAP);
		double w = s->values[i] > 0 ? s->values[i] / top * pw : 0;
		html_rawf(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", B_LEFT - 8,
			  y + B_BAR / 2 + 5);
		html_text(h, s->labels[i]);
		html_rawf(h, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			     "fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">", B_LEFT, y, w, B_BAR,
			  chart_colour(0), B_LEFT + w + 6, y + B_BAR / 2 + 5);
		html_text(h, s->value_text[i]);
		html_raw(h, "</text>\n");
	}
	if (s->n == 0)
		html_rawf(h, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">No data in this "
			     "period</text>\n", B_LEFT + pw / 2, B_TOP + ph / 2 + 5);
	html_rawf(h, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>"
		     "<line x1=\"%d\" x2=\"%.0f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n",
		  B_LEFT, B_LEFT, B_TOP, B_TOP + ph, TEXT_COLOUR, B_LEFT, B_LEFT + pw, B_TOP + ph,
		  B_TOP + ph, TEXT_COLOUR);
	html_rawf(h, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">", B_LEFT + pw / 2, ht - 10);
	html_text(h, s->x_label);
	html_raw(h, "</text>\n</svg>\n");
}
