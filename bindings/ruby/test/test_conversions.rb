# frozen_string_literal: true

require_relative "test_helper"

class TestConversions < ReferralTest::StoreTest
  def setup
    super
    @alice = seed(channel: :email).code
    @bob = seed(advocate: "bob").code
  end

  def touch(code, visitor, at, **kw)
    store.record_touchpoint(code, visitor_id: visitor, at: at, **kw)
  end

  def convert(order, visitor: "v", value: 1, **kw)
    store.record_conversion("spring", visitor_id: visitor, order_id: order, value_minor: value,
                                      currency: "EUR", **kw)
  end

  def test_last_touch
    touch(@alice, "v", T0 - 2 * HOUR)
    touch(@bob, "v", T0 - HOUR)
    conv = store.record_conversion("spring", visitor_id: "v", order_id: "order-1",
                                             value_minor: 12_345, currency: "eur", kind: :purchase)
    assert_operator conv.id, :>, 0
    assert_equal ["spring", "order-1", "v", :purchase, 12_345, "EUR", T0_TIME, true, false, :last, 1],
                 [conv.program, conv.order_id, conv.visitor_id, conv.kind, conv.value_minor,
                  conv.currency, conv.at, conv.attributed, conv.duplicate, conv.model,
                  conv.rules_version]
    assert_equal 1, conv.credits.size
    credit = conv.credits.first
    assert_equal ["bob", @bob, :none, 1.0, 12_345],
                 [credit.advocate, credit.code, credit.channel, credit.weight, credit.value_minor]
    assert_equal conv, store.conversion("spring", "order-1")
  end

  def test_first_touch_after_rules_change
    store.update_program("spring", rules: { model: :first })
    touch(@alice, "v", T0 - 2 * HOUR)
    touch(@bob, "v", T0 - HOUR)
    conv = store.record_conversion("spring", visitor_id: "v", order_id: "o", value_minor: 10,
                                             currency: "USD")
    assert_equal [:first, 2, "alice", :email],
                 [conv.model, conv.rules_version, conv.credits[0].advocate, conv.credits[0].channel]
  end

  def test_unattributed
    conv = convert("o", visitor: "stranger", value: 500, kind: :signup)
    refute conv.attributed
    assert_equal [], conv.credits
    assert_equal :signup, conv.kind
  end

  def test_lookback_window
    touch(@alice, "v", T0 - 31 * DAY)
    refute convert("o").attributed
  end

  def test_duplicate_is_success
    touch(@alice, "v", T0 - HOUR)
    first = convert("o", value: 99, at: T0)
    again = convert("o", value: 99, at: T0)
    assert again.duplicate
    assert_equal first.to_h.merge(duplicate: true), again.to_h
    assert_equal 1, store.stats("spring").conversions
  end

  def test_conflict
    convert("o", value: 99, at: T0)
    assert_status(Referral::ConflictError, -5) { convert("o", value: 100, at: T0) }
  end

  def test_lock_first_referrer
    store.update_program("spring", rules: { lock_first_referrer: true })
    touch(@alice, "v", T0 - 2 * HOUR)
    assert_equal "alice", convert("o1").credits[0].advocate
    touch(@bob, "v", T0 + MINUTE)
    assert_equal "alice", convert("o2", at: T0 + 2 * MINUTE).credits[0].advocate
  end

  def test_errors
    assert_status(Referral::NotFoundError, -3) do
      store.record_conversion("nope", visitor_id: "v", order_id: "o", currency: "EUR")
    end
    assert_status(Referral::InvalidError, -2) { convert("o", value: -1) }
    assert_status(Referral::InvalidError, -2) do
      store.record_conversion("spring", visitor_id: "v", order_id: "o", currency: "EURO")
    end
    assert_status(Referral::InvalidError, -2) { convert("") }
    assert_status(Referral::InvalidError, -2) { convert("o", kind: 42) }
    store.archive_program("spring")
    assert_status(Referral::DisabledError, -15) { convert("o") }
  end

  def test_get_missing
    assert_status(Referral::NotFoundError, -3) { store.conversion("spring", "nope") }
    assert_status(Referral::NotFoundError, -3) { store.explanation("spring", "nope") }
  end

  def test_explanation
    touch(@alice, "v", T0 - 3 * HOUR)
    touch(@alice, "v", T0 - 3 * HOUR + MINUTE) # duplicate
    touch(@bob, "v", T0 - HOUR, kind: :visit)
    convert("o", value: 1000)
    ex = store.explanation("spring", "o")
    assert_equal ["spring", "o", :last, 1, 30 * DAY, T0_TIME, T0_TIME - 30 * 86_400],
                 [ex.program, ex.order_id, ex.model, ex.rules_version, ex.lookback_ms,
                  ex.window_end, ex.window_start]
    refute_empty ex.summary
    assert_equal %w[alice bob], ex.touches.map(&:advocate)
    assert_equal [0.0, 1.0], ex.touches.map(&:weight)
    assert_equal [0, 1000], ex.touches.map(&:value_minor)
    assert_equal [:visit, @bob], [ex.touches[1].kind, ex.touches[1].code]
    assert_equal T0_TIME - 3 * 3600, ex.touches[0].at
    assert_operator ex.touches[0].touchpoint_id, :>, 0
    assert(ex.touches.all? { |t| !t.note.empty? })
  end
end
