# frozen_string_literal: true

require_relative "test_helper"

# Rules version 2, every model over stored journeys, direct visits, checkout
# codes, identity stitching, leads and renewals.
class TestAttribution < ReferralTest::StoreTest
  def program(**rules)
    store.create_program("m", rules: rules)
    @codes = %w[alice bob carol].to_h do |name|
      store.add_advocate(name)
      [name, store.issue_code("m", name).code]
    end
  end

  def touch(who, ago, visitor: "v", **kw)
    store.record_touchpoint(@codes[who], visitor_id: visitor, at: T0 - ago, **kw)
  end

  def convert(value: 1000, visitor: "v", order: "o", **kw)
    store.record_conversion("m", visitor_id: visitor, order_id: order, value_minor: value,
                                 currency: "EUR", at: T0, **kw)
  end

  def shares(conv)
    assert_equal conv.value_minor, conv.credits.sum(&:value_minor)
    assert_in_delta 1.0, conv.credits.sum(&:weight), 1e-9
    conv.credits.to_h { |c| [c.advocate, [c.weight.round(9), c.value_minor]] }
  end

  def test_rules_round_trip
    rules = { model: :"time-decay", half_life_ms: 36 * HOUR, position_first_bp: 3000,
              position_last_bp: 5000, custom_weights: [5, 0, 1], sale_follows_lead: false,
              renewal_months: 0 }
    p = store.create_program("p", rules: rules)
    assert_equal rules.merge(code_length: 8, lookback_ms: 30 * DAY, duplicate_window_ms: HOUR,
                             lock_first_referrer: false), p.rules.to_h
    assert p.rules.custom_weights.frozen?
    assert_equal p.rules, store.program("p").rules
    assert_equal :"time-decay", store.create_program("q", rules: { model: :time_decay }).rules.model
    q = store.update_program("q", rules: { custom_weights: [2, 1] })
    assert_equal [2, [2, 1]], [q.rules_version, q.rules.custom_weights]
    d = Referral::ProgramRules.default
    assert_equal [7 * DAY, 4000, 4000, [], true, 12],
                 [d.half_life_ms, d.position_first_bp, d.position_last_bp, d.custom_weights,
                  d.sale_follows_lead, d.renewal_months]
  end

  def test_invalid_rules
    [{ half_life_ms: 0 }, { position_first_bp: 7000, position_last_bp: 4000 },
     { position_first_bp: -1 }, { model: :custom }, { model: :custom, custom_weights: [0] },
     { custom_weights: [1] * 33 }, { custom_weights: [1, -1] }, { renewal_months: 121 }].each do |bad|
      assert_status(Referral::InvalidError, -2) { store.create_program("q", rules: bad) }
    end
    assert_raises(Referral::InvalidError) { store.create_program("q", rules: { custom_weights: [2**31] }) }
    assert_raises(TypeError) { store.create_program("q", rules: { custom_weights: "3,2" }) }
    assert_raises(ArgumentError) { store.create_program("q", rules: { half_life: 3 }) }
    assert_empty store.programs
  end

  def test_linear_time_decay_position_custom
    program(model: :linear, duplicate_window_ms: 0)
    touch("alice", 3 * HOUR)
    touch("alice", 2 * HOUR)
    touch("bob", HOUR)
    assert_equal({ "alice" => [(2.0 / 3).round(9), 2001], "bob" => [(1.0 / 3).round(9), 1000] },
                 shares(convert(value: 3001)))
    store.update_program("m", rules: { model: :"time-decay" })
    touch("alice", 14 * DAY, visitor: "w")
    touch("bob", 7 * DAY, visitor: "w")
    touch("carol", 0, visitor: "w")
    assert_equal({ "carol" => [(4.0 / 7).round(9), 400], "bob" => [(2.0 / 7).round(9), 200],
                   "alice" => [(1.0 / 7).round(9), 100] },
                 shares(convert(value: 700, visitor: "w", order: "o2")))
    assert_equal "half_life_ms=604800000", store.explanation("m", "o2").parameters
    store.update_program("m", rules: { model: :position, position_first_bp: 3000, position_last_bp: 5000 })
    assert_equal({ "alice" => [0.3, 300], "bob" => [0.2, 200], "carol" => [0.5, 500] },
                 shares(convert(value: 1000, visitor: "w", order: "o3")))
    store.update_program("m", rules: { model: :custom, custom_weights: [3, 1] })
    assert_equal({ "alice" => [0.6, 600], "bob" => [0.2, 200], "carol" => [0.2, 200] },
                 shares(convert(value: 1000, visitor: "w", order: "o4")))
  end

  def test_last_non_direct_and_checkout_code
    program(model: :"last-non-direct")
    touch("alice", 3 * HOUR)
    assert touch("bob", HOUR, direct: true).direct
    refute touch("carol", HOUR, visitor: "x").direct
    assert_equal ["alice"], convert.credits.map(&:advocate)
    ex = store.explanation("m", "o")
    assert_equal [["alice", 1.0], ["bob", 0.0]], ex.touches.map { |t| [t.advocate, t.weight] }
    assert_equal "EUR", ex.currency
    conv = convert(visitor: "y", order: "o2", code: @codes["carol"].downcase)
    assert_equal ["carol"], conv.credits.map(&:advocate)
    assert_equal :checkout, store.explanation("m", "o2").touches.last.kind
    typo = (@codes["bob"][0] == "2" ? "3" : "2") + @codes["bob"][1..]
    assert_status(Referral::CheckError, -13) { convert(order: "o3", code: typo) }
  end

  def test_identity
    program(model: :linear)
    touch("alice", 2 * DAY, visitor: "phone")
    touch("bob", DAY, visitor: "laptop")
    2.times { assert_nil store.identify("phone", "cust-1") }
    conv = convert(value: 100, visitor: "laptop", customer_id: "cust-1")
    assert_equal "cust-1", conv.customer_id
    assert_equal({ "alice" => [0.5, 50], "bob" => [0.5, 50] }, shares(conv))
    assert_nil convert(visitor: "stranger", order: "o2").customer_id
    assert_status(Referral::ConflictError, -5) { store.identify("phone", "cust-2") }
    assert_status(Referral::InvalidError, -2) { store.identify("", "cust-2") }
    assert_raises(TypeError) { store.identify(1, "cust-2") }
  end

  def test_lead_and_renewal
    program
    touch("alice", 3 * HOUR)
    store.record_conversion("m", visitor_id: "v", order_id: "lead", kind: :signup,
                                 currency: "EUR", at: T0 - 2 * HOUR)
    touch("bob", HOUR)
    sale = convert(order: "sale")
    assert_equal [["alice"], "lead"], [sale.credits.map(&:advocate), sale.follows_order]
    touch("bob", -40 * DAY)
    renewal = store.record_conversion("m", visitor_id: "v", order_id: "renewal", kind: :renewal,
                                           value_minor: 100, currency: "EUR", at: T0 + 40 * DAY + HOUR)
    assert_equal [:renewal, ["alice"], "sale"],
                 [renewal.kind, renewal.credits.map(&:advocate), renewal.follows_order]
  end
end
