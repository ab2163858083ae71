"""Rewards: rules, policy, coupon banks, ledger, settle, payout, refunds."""
import unittest

from support import DAY, HOUR, T0, StoreTestCase, referral


class TestRewards(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("p")
        self.store.add_advocate("ann")
        code = self.store.issue_code("p", "ann").code
        self.code = code

    def convert(self, visitor, order, value, at):
        self.store.record_touchpoint(self.code, visitor, at=at - HOUR)
        return self.store.record_conversion("p", visitor, order, value_minor=value,
                                            currency="EUR", at=at)

    def test_rules_and_config(self):
        self.assertEqual(self.store.reward_config("p").version, 0)
        rid = self.store.add_reward_rule("p", basis="percent", amount=1000, label="ten")
        self.store.add_reward_rule("p", side=referral.RewardSide.REFEREE, kind="coupon",
                                   code_bank="welcome", kinds=["purchase"])
        version = self.store.set_reward_policy("p", holding=7 * DAY, min_payout_minor=100,
                                               day_count=5, budget_minor=10 ** 6,
                                               budget_currency="eur")
        config = self.store.reward_config("p")
        self.assertEqual(config.version, version)
        self.assertEqual(config.policy.holding_ms, 7 * DAY)
        self.assertEqual(config.policy.budget_currency, "EUR")
        self.assertEqual([r.id for r in config.rules][0], rid)
        self.assertEqual(config.rules[0].basis, referral.RewardBasis.PERCENT)
        self.assertEqual(config.rules[0].label, "ten")
        self.assertEqual(config.rules[1].kinds, 1 << int(referral.ConversionKind.PURCHASE))
        self.store.remove_reward_rule("p", rid)
        self.assertEqual(len(self.store.reward_config("p").rules), 1)
        with self.assertRaises(referral.NotFoundError):
            self.store.remove_reward_rule("p", rid)
        with self.assertRaises(referral.InvalidError):
            self.store.add_reward_rule("p", basis="percent", amount=20000)
        with self.assertRaises(TypeError):
            self.store.set_reward_policy("p", weekly=3)

    def test_ledger_flow(self):
        self.store.add_reward_rule("p", basis="percent", amount=1000)
        self.store.add_reward_rule("p", side="referee", kind="coupon", code_bank="welcome")
        self.assertEqual(self.store.load_reward_codes("p", "welcome", ["W1", "W2", "W1"]), 2)
        self.convert("v1", "o1", 10000, T0 + HOUR)
        rewards = self.store.rewards("p", order_id="o1")
        self.assertEqual([r.amount for r in rewards], [1000, 1])
        self.assertEqual(rewards[0].state, referral.RewardState.PENDING)
        self.assertEqual(rewards[1].coupon, "W1")
        self.assertEqual(rewards[1].recipient, "v1")
        self.assertEqual(self.store.settle_rewards("p", at=T0 + 40 * DAY), 2)
        payout = self.store.run_payout("p", "pay-1", at=T0 + 40 * DAY)
        self.assertFalse(payout.duplicate)
        self.assertEqual(sorted(l.amount for l in payout.lines), [1, 1000])
        again = self.store.run_payout("p", "pay-1")
        self.assertTrue(again.duplicate)
        self.assertEqual(again.lines, payout.lines)
        self.store.refund("p", "o1", "r1")
        [cash] = [b for b in self.store.reward_balances("p", "ann")
                  if b.kind == referral.RewardKind.CASH]
        self.assertEqual((cash.paid, cash.owed, cash.approved), (1000, 1000, 0))
        self.assertEqual(self.store.rewards("p", "ann")[0].state, referral.RewardState.REVERSED)
        self.store.check_rewards()
        with self.assertRaises(referral.NotFoundError):
            self.store.rewards("p", advocate="nobody")


if __name__ == "__main__":
    unittest.main()
