# frozen_string_literal: true

# Rewards: rules, policy, coupon banks, the ledger and payouts
# (include/referral/reward.h).
module Referral
  # One reward and its state.
  Reward = Struct.new(:id, :order_id, :recipient, :side, :rule_id, :config_version, :kind,
                      :state, :unit, :requested, :amount, :clawed, :coupon, :note,
                      :created_at, :due_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], order_id: Convert.text_out(c[:order_id]),
          recipient: Convert.text_out(c[:recipient]),
          side: Convert.enum_out(:reward_side, c[:side]), rule_id: c[:rule_id],
          config_version: c[:config_version], kind: Convert.enum_out(:reward_kind, c[:kind]),
          state: Convert.enum_out(:reward_state, c[:state]), unit: Convert.text_out(c[:unit]),
          requested: c[:requested], amount: c[:amount], clawed: c[:clawed],
          coupon: Convert.text_out(c[:coupon]), note: Convert.text_out(c[:note]),
          created_at: Convert.time_out(c[:created_at_ms]),
          due_at: Convert.optional_time_out(c[:due_at_ms])).freeze
    end
  end

  # A holder's balances in one unit, from the ledger.
  Balance = Struct.new(:recipient, :side, :kind, :unit, :held, :pending, :approved, :paid,
                       :owed, keyword_init: true) do
    def self.from_native(c)
      new(recipient: Convert.text_out(c[:recipient]),
          side: Convert.enum_out(:reward_side, c[:side]),
          kind: Convert.enum_out(:reward_kind, c[:kind]), unit: Convert.text_out(c[:unit]),
          held: c[:held], pending: c[:pending], approved: c[:approved], paid: c[:paid],
          owed: c[:owed]).freeze
    end
  end

  # What one holder receives in one unit.
  PayoutLine = Struct.new(:recipient, :side, :kind, :unit, :amount, :settled_owed, :rewards,
                          keyword_init: true)
  # A payout batch; duplicate when its id had already been paid.
  Payout = Struct.new(:program, :payout_id, :at, :lines, :duplicate, keyword_init: true)
  # A program's reward configuration: version, policy (a Hash) and rules (Hashes).
  RewardConfig = Struct.new(:program, :version, :policy, :rules, keyword_init: true)

  class Store
    POLICY_LIMITS = %i[min_payout_minor day_count day_amount week_count week_amount month_count
                       month_amount total_count total_amount budget_minor].freeze
    RULE_INTS = %i[amount min_referrals max_referrals nth months min_value max_value].freeze

    # Add a reward rule (a new configuration version); returns its id. amount is
    # minor units (or points) when fixed, basis points of the attributed value
    # when basis: :percent; kinds limits the conversion kinds (empty: any).
    def add_reward_rule(program, side: :referrer, event: :conversion, kind: :cash, basis: :fixed,
                        kinds: [], currency: nil, code_bank: nil, approve_at_once: false,
                        label: nil, **numbers)
      keep = []
      r = Native::RewardRule.new
      Referral.check!(Native.rf_reward_rule_init(r, Native::REWARD_RULE_VERSION))
      r[:side] = Convert.enum_in(:reward_side, side, "side")
      r[:event] = Convert.enum_in(:reward_event, event, "event")
      r[:kind] = Convert.enum_in(:reward_kind, kind, "kind")
      r[:basis] = Convert.enum_in(:reward_basis, basis, "basis")
      numbers.each do |name, value|
        raise ArgumentError, "unknown rule field #{name}" unless RULE_INTS.include?(name)

        r[name] = Convert.int64(value, name.to_s)
      end
      r[:kinds] = kinds.sum { |k| 1 << Convert.enum_in(:conversion_kind, k, "kinds") }
      Convert.set_text(r, :currency, currency, "currency", keep)
      Convert.set_text(r, :code_bank, code_bank, "code_bank", keep)
      Convert.set_text(r, :label, label, "label", keep)
      r[:approve_at_once] = approve_at_once ? 1 : 0
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_reward_rule_add, [out], text(program, "program"), r)
      out.read_int64
    end

    # Remove a rule (a new configuration version; its rewards stay).
    def remove_reward_rule(program, rule_id)
      invoke(:rf_reward_rule_remove, [], text(program, "program"), Convert.int64(rule_id, "rule_id"))
      nil
    end

    # Replace the policy: holding_ms (default 30 days), min_payout_minor, caps
    # (day_count .. total_amount), budget_minor with budget_currency. Returns
    # the new configuration version.
    def set_reward_policy(program, holding_ms: nil, budget_currency: nil, **limits)
      keep = []
      p = Native::RewardPolicy.new
      Referral.check!(Native.rf_reward_policy_init(p, Native::REWARD_POLICY_VERSION))
      p[:holding_ms] = Convert.int64(holding_ms, "holding_ms") unless holding_ms.nil?
      limits.each do |name, value|
        raise ArgumentError, "unknown policy limit #{name}" unless POLICY_LIMITS.include?(name)

        p[name] = Convert.int64(value, name.to_s)
      end
      Convert.set_text(p, :budget_currency, budget_currency, "budget_currency", keep)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_reward_policy_set, [out], text(program, "program"), p)
      out.read_int64
    end

    # The current configuration.
    def reward_config(program)
      fetch(:rf_reward_config_get, :rf_reward_config_free, Native::RewardConfig,
            text(program, "program")) do |c, _|
        pol = Native::RewardPolicy.new(c[:policy])
        policy = ([:holding_ms] + POLICY_LIMITS).to_h { |f| [f, pol[f]] }
        policy[:budget_currency] = Convert.text_out(pol[:budget_currency])
        rules = Convert.each_item(c[:rules], c[:rule_count], Native::RewardRule).map do |r|
          { id: r[:id], side: Convert.enum_out(:reward_side, r[:side]),
            event: Convert.enum_out(:reward_event, r[:event]),
            kind: Convert.enum_out(:reward_kind, r[:kind]),
            basis: Convert.enum_out(:reward_basis, r[:basis]), kinds: r[:kinds],
            currency: Convert.text_out(r[:currency]), code_bank: Convert.text_out(r[:code_bank]),
            approve_at_once: r[:approve_at_once] == 1, label: Convert.text_out(r[:label]) }
            .merge(RULE_INTS.to_h { |f| [f, r[f]] }).freeze
        end
        RewardConfig.new(program: Convert.text_out(c[:program]), version: c[:version],
                         policy: policy.freeze, rules: rules.freeze).freeze
      end
    end

    # Load coupon codes into a bank; returns how many were new.
    def load_reward_codes(program, bank, codes)
      keep = codes.map { |c| FFI::MemoryPointer.from_string(Convert.text_in(c, "code")) }
      arr = FFI::MemoryPointer.new(:pointer, [keep.size, 1].max)
      arr.write_array_of_pointer(keep) unless keep.empty?
      out = FFI::MemoryPointer.new(:size_t)
      invoke(:rf_reward_codes_load, [out], text(program, "program"), text(bank, "bank"), arr,
             keep.size)
      out.read(:size_t)
    end

    # A program's rewards, optionally one advocate's and/or one order's.
    def rewards(program, advocate: nil, order_id: nil)
      fetch(:rf_reward_list_get, :rf_reward_list_free, Native::RewardList,
            text(program, "program"), text(advocate, "advocate"), text(order_id, "order_id")) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::Reward).map { |r| Reward.from_native(r) }.freeze
      end
    end

    # Balances (held, pending, approved, paid, owed) per holder and unit.
    def reward_balances(program, advocate: nil)
      fetch(:rf_reward_balances, :rf_balance_list_free, Native::BalanceList,
            text(program, "program"), text(advocate, "advocate")) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::Balance).map { |b| Balance.from_native(b) }.freeze
      end
    end

    # Approve pending rewards whose holding period ended; returns how many.
    def settle_rewards(program, at: nil)
      out = FFI::MemoryPointer.new(:size_t)
      invoke(:rf_reward_settle, [out], text(program, "program"), Convert.time_in(at, "at"))
      out.read(:size_t)
    end

    # Pay approved rewards in one batch; the same id again pays nothing.
    def run_payout(program, payout_id, at: nil)
      fetch(:rf_payout_run, :rf_payout_free, Native::Payout, text(program, "program"),
            text(payout_id, "payout_id"), Convert.time_in(at, "at")) do |c, status|
        lines = Convert.each_item(c[:lines], c[:count], Native::PayoutLine).map do |l|
          PayoutLine.new(recipient: Convert.text_out(l[:recipient]),
                         side: Convert.enum_out(:reward_side, l[:side]),
                         kind: Convert.enum_out(:reward_kind, l[:kind]),
                         unit: Convert.text_out(l[:unit]), amount: l[:amount],
                         settled_owed: l[:settled_owed], rewards: l[:rewards]).freeze
        end
        Payout.new(program: Convert.text_out(c[:program]), payout_id: Convert.text_out(c[:payout_id]),
                   at: Convert.time_out(c[:at_ms]), lines: lines.freeze,
                   duplicate: status == RF_DUPLICATE).freeze
      end
    end

    # Verify the reward ledger's invariants (CorruptError names a broken one).
    def check_rewards
      invoke(:rf_reward_check, [])
      nil
    end
  end
end
