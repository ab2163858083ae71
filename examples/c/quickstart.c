/*
 * The whole flow with only <referral.h>: program -> advocate -> code ->
 * click -> conversion -> stats. Build against an installed libreferral:
 *   cc quickstart.c $(pkg-config --cflags --libs referral) -o quickstart
 */
#include <referral.h>
#include <stdio.h>

static int fail(const char *what)
{
	fprintf(stderr, "quickstart: %s: %s\n", what, rf_error_last()->message);
	return 1;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : ":memory:";
	rf_store *store = NULL;
	if (rf_store_open(&store, path, NULL) != RF_OK)
		return fail("open");

	rf_advocate_spec alice = RF_ADVOCATE_SPEC_INIT;
	alice.external_id = "alice";
	alice.display_name = "Alice";
	rf_code_spec spec = RF_CODE_SPEC_INIT;
	spec.program = "friends";
	spec.advocate = "alice";
	spec.channel = RF_CHANNEL_EMAIL;
	rf_code *code = NULL;
	if (rf_program_create(NULL, store, "friends", "Friends get 10%", NULL) != RF_OK ||
	    rf_advocate_add(NULL, store, &alice) != RF_OK ||
	    rf_code_issue(&code, store, &spec) != RF_OK) {
		rf_store_free(store);
		return fail("setup");
	}

	rf_touchpoint_spec click = RF_TOUCHPOINT_SPEC_INIT;
	click.code = code->code;
	click.visitor_id = "visitor-1";
	rf_conversion_spec sale = RF_CONVERSION_SPEC_INIT;
	sale.program = "friends";
	sale.visitor_id = "visitor-1";
	sale.order_id = "order-1001";
	sale.value_minor = 4990;
	sale.currency = "EUR";
	rf_conversion *conversion = NULL;
	int rc = rf_touchpoint_record(NULL, store, &click);
	if (rc == RF_OK)
		rc = rf_conversion_record(&conversion, store, &sale);
	if (rc != RF_OK) {
		rf_code_free(code);
		rf_store_free(store);
		return fail("track");
	}
	printf("code %s: order %s credited to %s (%lld minor units)\n", code->code,
	       conversion->order_id, conversion->credits[0]->advocate,
	       (long long)conversion->credits[0]->value_minor);

	rf_stats_query query = RF_STATS_QUERY_INIT;
	query.program = "friends";
	rf_stats *stats = NULL;
	if (rf_stats_get(&stats, store, &query) == RF_OK)
		printf("clicks %lld, conversions %lld, rate %.2f\n", (long long)stats->touchpoints,
		       (long long)stats->attributed_conversions, stats->conversion_rate);
	rf_stats_free(stats);
	rf_conversion_free(conversion);
	rf_code_free(code);
	rf_store_free(store);
	return 0;
}
