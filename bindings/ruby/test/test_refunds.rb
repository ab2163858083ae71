# frozen_string_literal: true

require_relative "test_helper"

# Refunds: proportional, exact, idempotent, history kept.
class TestRefunds < ReferralTest::StoreTest
  def setup
    super
    store.create_program("p", rules: { model: :linear })
    %w[alice bob carol].each do |name|
      store.add_advocate(name)
      store.record_touchpoint(store.issue_code("p", name).code, visitor_id: "v", at: T0 - HOUR)
    end
    store.record_conversion("p", visitor_id: "v", order_id: "o", value_minor: 1000, currency: "EUR")
  end

  def test_partial_then_full
    after = store.refund("p", "o", refund_id: "r1", amount_minor: 100)
    refute after.duplicate
    assert_equal [100, 900], [after.refunded_minor, after.net_minor]
    assert_equal [33, 33, 34], after.credits.map(&:refunded_minor).sort
    assert_equal [334, 333, 333], after.credits.map(&:value_minor)
    assert_equal after, store.conversion("p", "o")
    rest = store.refund("p", "o", refund_id: "r2")
    assert_equal 1000, rest.refunded_minor
    assert(rest.credits.all? { |c| c.net_minor.zero? })
    assert_equal({}, store.stats("p").values.reject { |_, v| v.zero? })
  end

  def test_idempotent
    first = store.refund("p", "o", refund_id: "r1", amount_minor: 250, at: T0 + MINUTE)
    again = store.refund("p", "o", refund_id: "r1", amount_minor: 250, at: T0 + MINUTE)
    assert again.duplicate
    assert_equal first.to_h.merge(duplicate: true), again.to_h
    assert_equal 250, store.conversion("p", "o").refunded_minor
  end

  def test_errors
    store.refund("p", "o", refund_id: "r1", amount_minor: 300)
    assert_status(Referral::ConflictError, -5) { store.refund("p", "o", refund_id: "r1", amount_minor: 301) }
    assert_status(Referral::InvalidError, -2) { store.refund("p", "o", refund_id: "r2", amount_minor: 701) }
    assert_status(Referral::NotFoundError, -3) { store.refund("p", "nope", refund_id: "r3") }
    assert_status(Referral::InvalidError, -2) { store.refund("p", "o", refund_id: "") }
    assert_raises(Referral::InvalidError) { store.refund("p", "o", refund_id: "r4", amount_minor: 0) }
    assert_raises(TypeError) { store.refund("p", "o", refund_id: "r4", amount_minor: 1.5) }
    assert_equal 300, store.conversion("p", "o").refunded_minor
  end
end
