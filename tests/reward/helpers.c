/* Scene and lookup helpers shared by the reward tests. */
#include "suite.h"

#include <stdio.h>
#include <string.h>

static char codes[2][RF_CODE_BUFSIZE];

int rw_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	rft_advocate(f, "bob");
	rft_code(f, "p", "ann", codes[0]);
	rft_code(f, "p", "bob", codes[1]);
	return 0;
}

const char *rw_code(const char *advocate)
{
	return strcmp(advocate, "ann") == 0 ? codes[0] : codes[1];
}

int rw_convert(rft_fixture *f, const char *advocate, const char *visitor, const char *order,
	       int32_t kind, int64_t value, const char *currency, int64_t at)
{
	if (advocate)
		assert_int_equal(rft_click(f, rw_code(advocate), visitor, at - HOUR, NULL), RF_OK);
	rf_conversion_spec s = RF_CONVERSION_SPEC_INIT;
	s.program = "p";
	s.visitor_id = visitor;
	s.order_id = order;
	s.kind = kind;
	s.value_minor = value;
	s.currency = currency;
	s.at_ms = at;
	return rf_conversion_record(NULL, f->store, &s);
}

int rw_refund(rft_fixture *f, const char *order, const char *refund_id, int64_t amount, int64_t at)
{
	rf_refund_spec s = RF_REFUND_SPEC_INIT;
	s.program = "p";
	s.order_id = order;
	s.refund_id = refund_id;
	s.amount_minor = amount;
	s.at_ms = at;
	return rf_conversion_refund(NULL, f->store, &s);
}

int64_t rw_rule(rft_fixture *f, const rf_reward_rule *rule)
{
	int64_t id = 0;
	RFT_OK(rf_reward_rule_add(&id, f->store, "p", rule));
	assert_true(id > 0);
	return id;
}

rf_reward_list *rw_list(rft_fixture *f, const char *advocate, const char *order)
{
	rf_reward_list *l = NULL;
	RFT_OK(rf_reward_list_get(&l, f->store, "p", advocate, order));
	assert_non_null(l);
	return l;
}

rf_balance rw_balance(rft_fixture *f, const char *recipient, const char *unit, int32_t kind)
{
	rf_balance_list *l = NULL;
	rf_balance b = { recipient, 0, kind, unit, 0, 0, 0, 0, 0 };
	RFT_OK(rf_reward_balances(&l, f->store, "p", NULL));
	for (size_t i = 0; i < l->count; i++) {
		const rf_balance *x = l->items[i];
		if (strcmp(x->recipient, recipient) == 0 && strcmp(x->unit, unit) == 0 &&
		    x->kind == kind)
			b = *x;
	}
	b.recipient = recipient;
	b.unit = unit;
	rf_balance_list_free(l);
	RFT_OK(rf_reward_check(f->store));
	return b;
}
