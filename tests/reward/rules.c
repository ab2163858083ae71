/* Rule kinds, tiers, milestones, recurring rewards, conditions, non-cash
 * kinds, caps and the budget. */
#include "suite.h"

int reward_rules_tests(void)
{
	return 0;
}
