# frozen_string_literal: true

require_relative "test_helper"

class TestReports < ReferralTest::StoreTest
  def setup
    super
    alice = seed.code
    bob = seed(advocate: "bob").code
    store.record_touchpoint(alice, visitor_id: "v1", at: T0 + HOUR)   # Thu Jan 1
    store.record_touchpoint(bob, visitor_id: "v2", at: T0 + 5 * DAY)  # Tue Jan 6
    store.record_conversion("spring", visitor_id: "v1", order_id: "o1", value_minor: 1000,
                                      currency: "EUR", at: T0 + 2 * HOUR)
    store.record_conversion("spring", visitor_id: "v2", order_id: "o2", value_minor: 250,
                                      currency: "USD", at: T0 + 5 * DAY + HOUR)
  end

  def test_series
    days = store.report_series("spring", from: T0, to: T0 + 7 * DAY)
    assert_equal 7, days.size
    assert_equal Time.utc(2026, 1, 1), days[0].start
    assert_equal [1, 1, 1], [days[0].touchpoints, days[0].conversions, days[0].active_advocates]
    assert_equal({ "EUR" => 1000 }, days[0].values)
    assert_equal 0, days[1].touchpoints
    assert_equal({ "USD" => 250 }, days[5].values)
    weeks = store.report_series("spring", period: :week)
    assert_equal [Time.utc(2025, 12, 29), Time.utc(2026, 1, 5)], weeks.map(&:start)
    months = store.report_series("spring", period: "month")
    assert_equal [Time.utc(2026, 2, 1)], months.map(&:end)
  end

  def test_split_and_funnel
    rows = store.report_split("spring", :advocate)
    assert_equal %w[alice bob], rows.map(&:key)
    assert_equal({ "EUR" => 1000 }, rows[0].values)
    assert_equal 1, store.report_split("spring", :advocate, limit: 1).size
    assert_equal [["customer", 2]], store.report_split("spring", :kind).map { |r| [r.key, r.touchpoints] }
    funnel = store.report_funnel("spring")
    assert_equal [2, 0, 0, 2], [funnel.visitors, funnel.signed_up, funnel.purchased, funnel.purchased_any]
  end

  def test_split_by_content
    assert_empty store.report_split("spring", :content)
    store.add_content("spring", "guide", title: "Buyer's guide", url: "https://example.com/g")
    code = store.issue_code("spring", "alice", content: "guide").code
    store.record_touchpoint(code, visitor_id: "v3", at: T0 + 6 * DAY)
    store.record_conversion("spring", visitor_id: "v3", order_id: "o3", value_minor: 700,
                                      currency: "EUR", at: T0 + 6 * DAY + HOUR)
    rows = store.report_split("spring", :content)
    assert_equal [["guide", "Buyer's guide", 1, 1]],
                 rows.map { |r| [r.key, r.name, r.touchpoints, r.attributed_conversions] }
    assert_equal({ "EUR" => 700 }, rows[0].values)
  end

  def test_summary
    s = store.report_summary("spring")
    assert_equal [2, 2, 2, 2, 2, 0, 2],
                 [s.touchpoints, s.unique_visitors, s.conversions, s.attributed_conversions,
                  s.new_customers, s.returning_customers, s.active_advocates]
    assert_equal 1000, s.currencies["EUR"].value_minor
    assert_equal 0, s.currencies["USD"].reward_cost_minor
    later = store.report_summary("spring", from: T0 + DAY)
    assert_equal [1, ["USD"]], [later.conversions, later.currencies.keys]
  end

  def test_errors
    assert_status(Referral::NotFoundError, -3) { store.report_series("nope") }
    assert_status(Referral::InvalidError, -2) { store.report_funnel("spring", from: T0, to: T0) }
    assert_raises(Referral::InvalidError) { store.report_series("spring", period: :year) }
    assert_raises(Referral::InvalidError) { store.report_split("spring", :country) }
  end
end
