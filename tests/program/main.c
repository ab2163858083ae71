/* test_program: programs and their rules. */
#include "fixture.h"
#include "suite.h"

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = program_create_tests();
	failed += program_update_tests();
	return failed ? 1 : 0;
}
