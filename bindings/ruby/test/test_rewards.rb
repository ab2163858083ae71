# frozen_string_literal: true

require_relative "test_helper"

# Rewards: rules, policy, coupon banks, ledger, settle, payout, clawbacks.
class TestRewards < ReferralTest::StoreTest
  def setup
    super
    store.create_program("p")
    store.add_advocate("ann")
    @code = store.issue_code("p", "ann").code
  end

  def convert(visitor, order, value, at)
    store.record_touchpoint(@code, visitor_id: visitor, at: at - HOUR)
    store.record_conversion("p", visitor_id: visitor, order_id: order, value_minor: value,
                                 currency: "EUR", at: at)
  end

  def test_rules_and_config
    assert_equal 0, store.reward_config("p").version
    id = store.add_reward_rule("p", basis: :percent, amount: 1000, label: "ten")
    store.add_reward_rule("p", side: :referee, kind: :coupon, code_bank: "welcome", kinds: [:purchase])
    version = store.set_reward_policy("p", holding_ms: 7 * 86_400_000, day_count: 5,
                                           budget_minor: 1_000_000, budget_currency: "eur")
    config = store.reward_config("p")
    assert_equal version, config.version
    assert_equal "EUR", config.policy[:budget_currency]
    assert_equal 5, config.policy[:day_count]
    assert_equal [id, :percent, 1000, "ten"], config.rules[0].values_at(:id, :basis, :amount, :label)
    assert_equal 1 << 2, config.rules[1][:kinds]
    store.remove_reward_rule("p", id)
    assert_equal 1, store.reward_config("p").rules.size
    assert_raises(Referral::NotFoundError) { store.remove_reward_rule("p", id) }
    assert_raises(Referral::InvalidError) { store.add_reward_rule("p", basis: :percent, amount: 20_000) }
    assert_raises(ArgumentError) { store.set_reward_policy("p", weekly: 3) }
  end

  def test_ledger_flow
    store.add_reward_rule("p", basis: :percent, amount: 1000)
    store.add_reward_rule("p", side: :referee, kind: :coupon, code_bank: "welcome")
    assert_equal 2, store.load_reward_codes("p", "welcome", %w[W1 W2 W1])
    convert("v1", "o1", 10_000, T0 + HOUR)
    rewards = store.rewards("p", order_id: "o1")
    assert_equal [1000, 1], rewards.map(&:amount)
    assert_equal :pending, rewards[0].state
    assert_equal %w[W1 v1], [rewards[1].coupon, rewards[1].recipient]
    assert_equal 2, store.settle_rewards("p", at: T0 + 40 * 86_400_000)
    payout = store.run_payout("p", "pay-1", at: T0 + 40 * 86_400_000)
    refute payout.duplicate
    assert_equal [1, 1000], payout.lines.map(&:amount).sort
    again = store.run_payout("p", "pay-1")
    assert again.duplicate
    assert_equal payout.lines, again.lines
    store.refund("p", "o1", refund_id: "r1")
    cash = store.reward_balances("p", advocate: "ann").find { |b| b.kind == :cash }
    assert_equal [1000, 1000, 0], [cash.paid, cash.owed, cash.approved]
    assert_equal :reversed, store.rewards("p", advocate: "ann")[0].state
    store.check_rewards
    assert_raises(Referral::NotFoundError) { store.rewards("p", advocate: "nobody") }
  end
end
