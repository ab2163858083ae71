/* test_advocate: adding, fetching, listing and deactivating advocates. */
#include "fixture.h"
#include "suite.h"

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = advocate_add_tests();
	failed += advocate_list_tests();
	return failed ? 1 : 0;
}
