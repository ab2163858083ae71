/*
 * The report scene. RFT_T0 is Thursday 2026-01-01 00:00 UTC.
 *   Jan 1  01:00 v1 clicks A (ann, email); 01:01 again (duplicate)
 *          02:00 v2 clicks B (bob, qr)
 *          03:00 v1 signs up (o1s, 100 EUR) -> ann
 *          04:00 v1 buys (o1, 1000 EUR) -> ann
 *   Jan 2  01:00 v3 clicks A; 02:00 v2 buys (o2, 500 USD) -> bob
 *          03:00 v3 signs up (o3s, 100 EUR) -> ann
 *   Jan 6  00:00 v4 clicks C (cy, linkedin); 01:00 v9 buys (o9, 700 EUR), no referrer
 *   Jan 7  00:00 v4 buys (o4, 2000 EUR) -> cy; refunded 500 on Jan 8
 *   Feb 1  01:00 v5 clicks C (a Sunday: the week of Jan 26)
 * Program "q" has a click and a purchase that must not leak into "p".
 */
#include "suite.h"

#include <string.h>

static void advocate(rft_fixture *f, const char *id, int32_t kind, const char *name)
{
	rf_advocate_spec s = RF_ADVOCATE_SPEC_INIT;
	s.external_id = id;
	s.kind = kind;
	s.display_name = name;
	RFT_OK(rf_advocate_add(NULL, f->store, &s));
}

static void code(rft_fixture *f, const char *program, const char *adv, int32_t channel,
		 char out[RF_CODE_BUFSIZE])
{
	rf_code_spec s = RF_CODE_SPEC_INIT;
	rf_code *c = NULL;
	s.program = program;
	s.advocate = adv;
	s.channel = channel;
	RFT_OK(rf_code_issue(&c, f->store, &s));
	strcpy(out, c->code);
	rf_code_free(c);
	rft_track_code(f, out);
}

static void signup(rft_fixture *f, const char *visitor, const char *order, int64_t at)
{
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = "p";
	s.visitor_id = visitor;
	s.order_id = order;
	s.kind = RF_CONVERSION_SIGNUP;
	s.value_minor = 100;
	s.currency = "EUR";
	s.at_ms = at;
	RFT_OK(rf_conversion_record(NULL, f->store, &s));
	rft_track_order(f, "p", order);
}

int report_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	char a[RF_CODE_BUFSIZE], b[RF_CODE_BUFSIZE], c[RF_CODE_BUFSIZE], q[RF_CODE_BUFSIZE];
	int64_t t = RFT_T0;
	f->now = t + 60 * D;
	rft_program(f, "p", NULL);
	rft_program(f, "q", NULL);
	advocate(f, "ann", RF_ADVOCATE_EMPLOYEE, "Ann Archer");
	advocate(f, "bob", RF_ADVOCATE_CUSTOMER, "Bob Brown");
	advocate(f, "cy", RF_ADVOCATE_INFLUENCER, "Cy \"Quotes\", Jr.");
	code(f, "p", "ann", RF_CHANNEL_EMAIL, a);
	code(f, "p", "bob", RF_CHANNEL_QR, b);
	code(f, "p", "cy", RF_CHANNEL_LINKEDIN, c);
	code(f, "q", "ann", RF_CHANNEL_EMAIL, q);
	RFT_OK(rft_click(f, a, "v1", t + H, NULL));
	RFT_OK(rft_click(f, a, "v1", t + H + 60000, NULL));
	RFT_OK(rft_click(f, b, "v2", t + 2 * H, NULL));
	signup(f, "v1", "o1s", t + 3 * H);
	RFT_OK(rft_convert(f, "p", "v1", "o1", 1000, "EUR", t + 4 * H));
	RFT_OK(rft_click(f, a, "v3", t + D + H, NULL));
	RFT_OK(rft_convert(f, "p", "v2", "o2", 500, "USD", t + D + 2 * H));
	signup(f, "v3", "o3s", t + D + 3 * H);
	RFT_OK(rft_click(f, c, "v4", t + 5 * D, NULL));
	RFT_OK(rft_convert(f, "p", "v9", "o9", 700, "EUR", t + 5 * D + H));
	RFT_OK(rft_convert(f, "p", "v4", "o4", 2000, "EUR", t + 6 * D));
	rf_refund_spec r = RF_REFUND_SPEC_INIT;
	r.program = "p";
	r.order_id = "o4";
	r.refund_id = "r1";
	r.amount_minor = 500;
	r.at_ms = t + 7 * D;
	RFT_OK(rf_conversion_refund(NULL, f->store, &r));
	RFT_OK(rft_click(f, c, "v5", t + 31 * D + H, NULL));
	RFT_OK(rft_click(f, q, "v1", t + H, NULL));
	RFT_OK(rft_convert(f, "q", "v1", "o1", 99999, "GBP", t + 2 * H));
	return 0;
}

rf_report_query report_query(int64_t from, int64_t to, int32_t period)
{
	rf_report_query q = RF_REPORT_QUERY_INIT;
	q.program = "p";
	q.from_ms = from;
	q.to_ms = to;
	q.period = period;
	return q;
}

int64_t report_value(rf_money **values, size_t n, const char *currency)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(values[i]->currency, currency) == 0)
			return values[i]->value_minor;
	return 0;
}
