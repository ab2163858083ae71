/* test_store: opening, creating, reopening, refusing and closing stores. */
#include "fixture.h"
#include "suite.h"

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = store_open_tests();
	failed += store_file_tests();
	failed += store_closed_tests();
	failed += store_concurrency_tests();
	return failed ? 1 : 0;
}
