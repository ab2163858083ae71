# frozen_string_literal: true

# Fraud checks: verdicts, signals, the review queue, policy (include/referral/fraud.h).
module Referral
  # One signal that fired: what it added to the risk and why.
  FraudSignalHit = Struct.new(:kind, :weight, :hard, :evidence, keyword_init: true)

  # The fraud check of one conversion (reviewer and reason "" until reviewed).
  FraudCheck = Struct.new(:program, :order_id, :advocate, :at, :risk, :decision, :status,
                          :policy_version, :reviewer, :review_reason, :reviewed_at, :summary,
                          :signals, keyword_init: true) do
    def self.from_native(c)
      hits = Convert.each_item(c[:signals], c[:signal_count], Native::FraudSignalHit).map do |h|
        FraudSignalHit.new(kind: Convert.enum_out(:fraud_signal, h[:kind]), weight: h[:weight],
                           hard: h[:hard] == 1, evidence: Convert.text_out(h[:evidence])).freeze
      end
      new(program: Convert.text_out(c[:program]), order_id: Convert.text_out(c[:order_id]),
          advocate: Convert.text_out(c[:advocate]), at: Convert.time_out(c[:at_ms]),
          risk: c[:risk], decision: Convert.enum_out(:fraud_decision, c[:decision]),
          status: Convert.enum_out(:review_status, c[:status]),
          policy_version: c[:policy_version], reviewer: Convert.text_out(c[:reviewer]),
          review_reason: Convert.text_out(c[:review_reason]),
          reviewed_at: Convert.optional_time_out(c[:reviewed_at_ms]),
          summary: Convert.text_out(c[:summary]), signals: hits.freeze).freeze
    end

    def held?
      status == :held
    end
  end

  class Store
    FRAUD_POLICY_FIELDS = %i[approve_below reject_from weight_self_referral
                             weight_disposable_email weight_conversion_velocity
                             weight_click_velocity weight_fast_conversion
                             weight_existing_customer weight_duplicate_identity
                             weight_referral_ring weight_bot window_ms
                             max_conversions_advocate max_conversions_ip max_clicks_advocate
                             max_clicks_ip min_click_to_conversion_ms ring_max_depth].freeze

    # The program's fraud policy as a Hash (hard_signals: symbols) and its version.
    def fraud_policy(program)
      p = Native::FraudPolicy.new
      version = FFI::MemoryPointer.new(:int64)
      invoke(:rf_fraud_policy_get, [p, version], text(program, "program"))
      policy = FRAUD_POLICY_FIELDS.to_h { |f| [f, p[f]] }
      policy[:hard_signals] = (1..9).select { |k| p[:hard_signals][k] == 1 }
                                    .map { |k| Convert.enum_out(:fraud_signal, k) }
      [policy.freeze, version.read_int64]
    end

    # Set the program's fraud policy: the current one with `changes`; returns the version.
    def set_fraud_policy(program, **changes)
      current, = fraud_policy(program)
      p = Native::FraudPolicy.new
      Referral.check!(Native.rf_fraud_policy_init(p, Native::FRAUD_POLICY_VERSION))
      current.merge(changes).each do |name, value|
        if name == :hard_signals
          p[:hard_signals] = value.sum { |s| 1 << Convert.enum_in(:fraud_signal, s, "hard_signals") }
        elsif FRAUD_POLICY_FIELDS.include?(name)
          p[name] = Convert.int64(value, name.to_s)
        else
          raise ArgumentError, "unknown fraud policy field #{name}"
        end
      end
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_fraud_policy_set, [out], text(program, "program"), p)
      out.read_int64
    end

    # The fraud check of a conversion: verdict, review, signals with evidence.
    def fraud_check(program, order_id)
      fetch(:rf_fraud_get, :rf_fraud_check_free, Native::FraudCheck, text(program, "program"),
            text(order_id, "order_id")) { |c, _| FraudCheck.from_native(c) }
    end

    # One page of held conversions, oldest first: [checks, next_cursor].
    def review_queue_page(program, cursor: 0, limit: 100)
      fetch(:rf_fraud_queue, :rf_fraud_checks_free, Native::FraudChecks,
            text(program, "program"), Convert.int64(cursor, "cursor"), limit) do |c, _|
        items = Convert.each_item(c[:items], c[:count], Native::FraudCheck)
                       .map { |i| FraudCheck.from_native(i) }
        [items.freeze, c[:next_cursor]]
      end
    end

    # Every held conversion, oldest first.
    def review_queue(program)
      return enum_for(:review_queue, program) unless block_given?

      cursor = 0
      loop do
        items, cursor = review_queue_page(program, cursor: cursor)
        items.each { |i| yield i }
        break if cursor.zero?
      end
    end

    # Approve (release held rewards) or reject (void them) a held conversion.
    def review(program, order_id, approve:, reviewer:, reason:)
      fetch(:rf_fraud_review, :rf_fraud_check_free, Native::FraudCheck,
            text(program, "program"), text(order_id, "order_id"), approve ? 1 : 0,
            text(reviewer, "reviewer"), text(reason, "reason")) { |c, _| FraudCheck.from_native(c) }
    end

    # Replace the disposable email domains with a file's; returns how many.
    def load_disposable_domains(path)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_fraud_domains_load, [out], text(path, "path"))
      out.read_int64
    end
  end
end
