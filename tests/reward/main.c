/* test_reward: rules, caps, ledger, invariants. */
#include "suite.h"

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	int failed = reward_ledger_tests();
	failed += reward_rules_tests();
	failed += reward_random_tests();
	return failed ? 1 : 0;
}
