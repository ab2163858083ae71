# frozen_string_literal: true

require_relative "test_helper"

# Data-driven models (fit) and what-if replays over a small history: alice > bob
# converts, bob alone does not, carol converts, carol alone does not.
class TestFitReplay < ReferralTest::StoreTest
  def setup
    super
    store.create_program("p")
    codes = { "alice" => :email, "bob" => :whatsapp, "carol" => :qr }.to_h do |name, channel|
      store.add_advocate(name)
      [name, store.issue_code("p", name, channel: channel).code]
    end
    [["alice", "v1", 3], ["bob", "v1", 2], ["bob", "v2", 2], ["carol", "v3", 1],
     ["carol", "v4", 1]].each do |who, visitor, hours|
      store.record_touchpoint(codes[who], visitor_id: visitor, at: T0 - hours * HOUR)
    end
    store.record_conversion("p", visitor_id: "v1", order_id: "o1", value_minor: 1000, currency: "EUR")
    store.record_conversion("p", visitor_id: "v3", order_id: "o3", value_minor: 500, currency: "EUR")
  end

  def test_markov_and_shapley
    fit = store.fit_model("p", :markov)
    assert_equal [:markov, 4, 2, T0_TIME], [fit.model, fit.journeys, fit.conversions, fit.fitted_at]
    assert_in_delta 0.5, fit.p_conversion, 1e-12
    assert_equal({ "alice" => [0.25, 0.2], "bob" => [0.5, 0.4], "carol" => [0.5, 0.4] },
                 fit.values.to_h { |v| [v.advocate, [v.value.round(9), v.weight.round(9)]] })
    assert_equal "alice", fit.values.last.advocate
    assert_in_delta 1.0, fit.weights.values.sum, 1e-12
    fit = store.fit_model("p", "shapley")
    assert_equal({ "alice" => 0.5, "bob" => 0.5, "carol" => 1.0 },
                 fit.values.to_h { |v| [v.advocate, v.value.round(9)] })
  end

  def test_fit_errors
    assert_status(Referral::InvalidError, -2) { store.fit_model("p", :linear) }
    assert_status(Referral::NotFoundError, -3) { store.fit_model("nope", :markov) }
    assert_raises(Referral::InvalidError) { store.fit_model("p", :nonsense) }
    store.create_program("empty")
    assert_status(Referral::InternalError, -1) { store.fit_model("empty", :shapley) }
  end

  def test_replay
    before = store.conversion("p", "o1")
    r = store.replay("p", model: :first)
    assert_equal [2, 1], [r.conversions, r.changed]
    rows = r.rows.to_h { |row| [[row.target, row.name], row] }
    alice = rows[[:advocate, "alice"]]
    assert_equal [0.0, 1.0, 0, 1000], [alice.current_conversions, alice.replay_conversions,
                                       alice.current_value_minor, alice.replay_value_minor]
    assert_equal [-1.0, -1000], [rows[[:advocate, "bob"]].delta_conversions,
                                 rows[[:advocate, "bob"]].delta_value_minor]
    assert_equal 1000, rows[[:channel, "email"]].delta_value_minor
    assert_equal %w[alice bob carol], r.advocates.map(&:name)
    assert_equal %w[email qr whatsapp], r.channels.map(&:name)
    assert_equal before, store.conversion("p", "o1")
    assert_equal 1, store.program("p").rules_version
    assert_equal 0, store.replay("p").changed
    assert_equal 1, store.replay("p", rules: { lookback_ms: 90 * MINUTE }).changed
    assert_equal 0, store.replay("p", model: :first, from: T0 + DAY).conversions
  end

  def test_replay_progress_and_cancel
    seen = []
    store.on_progress { |op, done, total| seen << [op, done, total] }
    assert_equal 2, store.replay("p", model: :first).conversions
    assert_equal [["replay", 0, 2], ["replay", 1, 2], ["replay", 2, 2]], seen
    stop = Class.new(StandardError)
    store.on_progress { |_op, done, _total| raise stop if done >= 1 }
    assert_raises(stop) { store.replay("p", model: :first) }
    store.on_progress
    seen.clear
    assert_equal 2, store.replay("p", model: :first).conversions
    assert_empty seen
  end

  def test_replay_errors
    assert_status(Referral::NotFoundError, -3) { store.replay("nope") }
    assert_status(Referral::InvalidError, -2) { store.replay("p", from: T0 + DAY, to: T0) }
    assert_status(Referral::InvalidError, -2) { store.replay("p", lookback_ms: 0) }
    assert_raises(ArgumentError) { store.replay("p", window: 3) }
  end
end
