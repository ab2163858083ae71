# frozen_string_literal: true

require_relative "test_helper"

class TestStats < ReferralTest::StoreTest
  def setup
    super
    alice = seed.code
    bob = seed(advocate: "bob").code
    store.record_touchpoint(alice, visitor_id: "v1", at: T0 - 2 * HOUR)
    store.record_touchpoint(alice, visitor_id: "v1", at: T0 - 2 * HOUR + 1) # duplicate
    store.record_touchpoint(bob, visitor_id: "v2", at: T0 - HOUR)
    store.record_touchpoint(bob, visitor_id: "v3", at: T0 + 2 * DAY)
    { "o1" => ["v1", 1000, "EUR"], "o2" => ["v2", 250, "USD"], "o3" => ["v9", 7, "EUR"] }.each do |o, (v, m, c)|
      store.record_conversion("spring", visitor_id: v, order_id: o, value_minor: m, currency: c)
    end
  end

  def test_program
    st = store.stats("spring")
    assert_equal [4, 3, 3, 3, 2],
                 [st.touchpoints, st.unique_touchpoints, st.unique_visitors, st.conversions,
                  st.attributed_conversions]
    assert_in_delta 2.0, st.credited_conversions
    assert_in_delta 2.0 / 3, st.conversion_rate
    assert_equal({ "EUR" => 1000, "USD" => 250 }, st.values)
    assert_equal %w[EUR USD], st.values.keys
  end

  def test_advocate
    st = store.stats("spring", advocate: "alice")
    assert_equal [2, 1, 1, 1, 1],
                 [st.touchpoints, st.unique_touchpoints, st.unique_visitors, st.conversions,
                  st.attributed_conversions]
    assert_equal({ "EUR" => 1000 }, st.values)
    assert_in_delta 1.0, st.conversion_rate
  end

  def test_period
    st = store.stats("spring", from: T0_TIME - 86_400, to: T0 + DAY)
    assert_equal [3, 3], [st.touchpoints, st.conversions]
    st = store.stats("spring", from: T0 + DAY)
    assert_equal [1, 0, {}, 0.0], [st.touchpoints, st.conversions, st.values, st.conversion_rate]
  end

  def test_errors
    assert_status(Referral::NotFoundError, -3) { store.stats("nope") }
    assert_status(Referral::NotFoundError, -3) { store.stats("spring", advocate: "ghost") }
    assert_status(Referral::InvalidError, -2) { store.stats("") }
  end
end
