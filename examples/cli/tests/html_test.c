/* Unit tests of the dashboard's HTML helpers: escaping, and the axis ticks
 * and SVG of the charts. */
#include "../html.h"
#include "../html_chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures, checks;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		checks++;                                                            \
		if (!(cond)) {                                                       \
			failures++;                                                  \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                    \
	} while (0)

static void test_escape(void)
{
	char buf[64];
	CHECK(html_escape(buf, sizeof buf, "<a href=\"x\">T&C's</a>") == 51);
	CHECK(strcmp(buf, "&lt;a href=&quot;x&quot;&gt;T&amp;C&#39;s&lt;/a&gt;") == 0);
	CHECK(html_escape(buf, sizeof buf, "caf\xc3\xa9\ttab\x01\x7f") == 9);
	CHECK(strcmp(buf, "caf\xc3\xa9\ttab") == 0);
	/* Truncation never cuts an entity. */
	CHECK(html_escape(buf, 8, "ab&cd") == 9);
	CHECK(strcmp(buf, "ab&amp;") == 0);
	CHECK(html_escape(buf, 6, "ab&cd") == 9);
	CHECK(strcmp(buf, "ab") == 0);
	CHECK(html_escape(buf, sizeof buf, NULL) == 0 && buf[0] == '\0');
}

static void test_ticks(void)
{
	double top, step;
	char buf[32];
	step = chart_nice_step(180, 5, &top);
	CHECK(step == 50 && top == 200);
	step = chart_nice_step(6, 5, &top);
	CHECK(step == 2 && top == 6);
	step = chart_nice_step(0, 5, &top);
	CHECK(step == 0.2 && top > 0.99 && top < 1.01);
	step = chart_nice_step(2000, 4, &top);
	CHECK(step == 500 && top == 2000);
	chart_tick_text(buf, sizeof buf, 1500, 500);
	CHECK(strcmp(buf, "1,500") == 0);
	chart_tick_text(buf, sizeof buf, 0.4, 0.2);
	CHECK(strcmp(buf, "0.4") == 0);
	CHECK(strcmp(chart_colour(0), "#0072B2") == 0 && strcmp(chart_colour(4), "#0072B2") == 0);
}

/* Render a chart into memory. */
static char *render(void (*draw)(html *, const void *), const void *spec)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	html h;
	html_init(&h, f);
	draw(&h, spec);
	CHECK(html_ok(&h));
	fclose(f);
	return text;
}

static void draw_line(html *h, const void *spec) { chart_line(h, spec); }
static void draw_bars(html *h, const void *spec) { chart_bars(h, spec); }

static void test_charts(void)
{
	const double y[] = { 1, 5, 3 };
	const char *const ticks[] = { "2026-01-01", "2026-01-02", "<b>" };
	chart_line_spec line = { "c1", "Clicks per day", "desc & more", "Day (UTC)", "Count",
				 3, ticks, 1, { { "Clicks", y } } };
	const char *const labels[] = { "email", "<i>x</i>" };
	const char *const texts[] = { "1.0", "5.0" };
	chart_bar_spec bars = { "c2", "By channel", "d", "Credited conversions", 2, labels, y,
				texts };
	char *svg = render(draw_line, &line);
	CHECK(strstr(svg, "<title id=\"c1-title\">Clicks per day</title>") != NULL);
	CHECK(strstr(svg, "<desc id=\"c1-desc\">desc &amp; more</desc>") != NULL);
	CHECK(strstr(svg, ">Day (UTC)</text>") && strstr(svg, ">Count</text>"));
	CHECK(strstr(svg, "&lt;b&gt;") && !strstr(svg, "<b>"));
	CHECK(strstr(svg, "<polyline") != NULL);
	CHECK(strstr(svg, "No data") == NULL);
	free(svg);
	line.n = 0;
	svg = render(draw_line, &line);
	CHECK(strstr(svg, "No data in this period") != NULL);
	free(svg);
	svg = render(draw_bars, &bars);
	CHECK(strstr(svg, "&lt;i&gt;x&lt;/i&gt;") && !strstr(svg, "<i>"));
	CHECK(strstr(svg, ">Credited conversions</text>") != NULL);
	CHECK(strstr(svg, "<rect") != NULL && strstr(svg, "</svg>") != NULL);
	free(svg);
}

int main(void)
{
	test_escape();
	test_ticks();
	test_charts();
	printf("%d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
