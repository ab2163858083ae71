/* test_touchpoint: recording clicks, visits and scans. */
#include "suite.h"

int tp_setup(void **state)
{
	if (rft_setup(state) != 0)
		return -1;
	rft_fixture *f = *state;
	char code[RF_CODE_BUFSIZE];
	rft_program(f, "p", NULL);
	rft_advocate(f, "ann");
	rft_advocate(f, "bob");
	rft_code(f, "p", "ann", code); /* tracked as f->codes[0] */
	rft_code(f, "p", "bob", code); /* f->codes[1] */
	return 0;
}

const char *tp_code(rft_fixture *f, int which)
{
	return f->codes[which];
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = touchpoint_record_tests();
	failed += touchpoint_batch_tests();
	failed += touchpoint_privacy_tests();
	return failed ? 1 : 0;
}
