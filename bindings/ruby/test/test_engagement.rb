# frozen_string_literal: true

require_relative "test_helper"

# Engagement: consent (and, as they land, outbox, content, stages, testimonials).
class TestEngagement < ReferralTest::StoreTest
  def setup
    super
    store.create_program("p")
    store.add_advocate("alice")
    store.add_advocate("bob")
  end

  def test_consent_default_none
    c = store.consent("alice")
    assert_equal ["alice", false, false, nil, nil, []],
                 [c.advocate, c.tracking, c.messages, c.tracking_at, c.messages_at, c.history]
  end

  def test_consent_set_and_history
    store.set_consent("alice", :messages, true, source: "signup-form")
    clock.ms += 1000
    store.set_consent("alice", :tracking, true, source: "settings")
    clock.ms += 1000
    store.set_consent("alice", :messages, false, source: "unsubscribe")
    c = store.consent("alice")
    assert c.tracking
    refute c.messages
    assert_equal T0_TIME + 2, c.messages_at
    assert_equal [[:messages, true, "signup-form"], [:tracking, true, "settings"],
                  [:messages, false, "unsubscribe"]],
                 c.history.map { |h| [h.purpose, h.granted, h.source] }
    assert_equal T0_TIME + 1, c.history[1].at
  end

  def test_consent_errors
    assert_raises(Referral::NotFoundError) { store.set_consent("nobody", :messages, true, source: "x") }
    assert_raises(Referral::InvalidError) { store.set_consent("alice", :spam, true, source: "x") }
    assert_raises(Referral::InvalidError) { store.set_consent("alice", 7, true, source: "x") }
    assert_raises(Referral::InvalidError) { store.set_consent("alice", :messages, true, source: "") }
    assert_raises(TypeError) { store.set_consent("alice", :messages, 1, source: "x") }
    assert_raises(Referral::NotFoundError) { store.consent("nobody") }
    assert_empty store.consent("alice").history
  end

  def test_outbox_consent_and_cap
    m = store.send_message("p", "alice", "reward_earned")
    assert_equal [:held, "no-consent", "", true], [m.status, m.reason, m.body, m.automated]
    store.set_consent("alice", :messages, true, source: "form")
    sent = Array.new(5) { store.send_message("p", "alice", "tier_reached", { tier: "gold" }) }
    assert_equal [:queued] * 3 + [:held] * 2, sent.map(&:status)
    assert_equal "frequency-cap", sent[3].reason
    assert_equal "Hi alice, you reached the gold tier in p.", sent[0].body
    clock.ms += 7 * DAY
    assert_equal :queued, store.send_message("p", "alice", "x").status
  end

  def test_config_and_template
    cfg = store.engagement_config("p")
    assert_equal [3, 0], [cfg.cap_messages, cfg.config_version]
    assert_equal 1, store.set_engagement_config("p", cap_messages: 1)
    assert_equal 1, store.engagement_config("p").cap_messages
    assert_raises(Referral::InvalidError) { store.set_engagement_config("p", cap_window_ms: 0) }
    assert_raises(ArgumentError) { store.set_engagement_config("p", nope: 1) }
    store.set_template("p", "hello", "Hello {{name}}, {{what}}!")
    store.set_consent("bob", :messages, true, source: "form")
    m = store.send_message("p", "bob", "hello", { what: "welcome" })
    assert_equal ["Hello bob, welcome!", 1], [m.body, m.config_version]
    store.set_template("p", "hello", nil)
    assert_raises(Referral::InvalidError) { store.send_message("p", "bob", "Hello") }
    assert_raises(TypeError) { store.send_message("p", "bob", "hello", ["x"]) }
  end

  def test_drain
    %w[alice bob].each do |who|
      store.set_consent(who, :messages, true, source: "form")
      3.times { store.send_message("p", who, "reward_earned") }
    end
    page, cursor = store.outbox(limit: 4)
    assert_equal 4, page.size
    assert_equal page.last.id, cursor
    got = []
    assert_equal 6, store.drain_outbox(batch: 4) { |m| got << m }
    assert_equal 6, got.size
    assert_equal [[], 0], store.outbox
    assert_equal [:delivered], store.outbox(all: true).first.map(&:status).uniq
    assert_equal 0, store.ack_messages(10**6)
    assert_raises(Referral::NotFoundError) { store.outbox("nope") }
  end

  def refer(code, n)
    store.record_touchpoint(code.code, visitor_id: "v#{n}", at: clock.ms - 3_600_000)
    store.record_conversion("p", visitor_id: "v#{n}", order_id: "o#{n}", value_minor: 1000,
                                 currency: "EUR")
  end

  def test_stages_lifecycle_and_sweep
    store.set_consent("alice", :messages, true, source: "form")
    store.set_consent("alice", :tracking, true, source: "form")
    code = store.issue_code("p", "alice")
    st = store.stage("p", "alice")
    assert_equal [:invited, nil, []], [st.stage, st.since, st.history]
    store.record_activity("p", "alice", :share)
    assert_equal :active, store.stage("p", "alice").stage
    clock.ms += DAY
    refer(code, 1)
    st = store.stage("p", "alice")
    assert_equal [:referring, 1, 1], [st.stage, st.activities, st.referrals]
    assert_equal [[nil, :active], %i[active referring]], st.history.map { |h| [h.previous, h.stage] }
    assert_equal T0_TIME + 86_400, st.history[1].at
    counts = store.stage_counts("p")
    assert_equal [1, 1, 0], [counts.advocates, counts.referring, counts.invited]
    assert_equal 0, store.refresh_stages("p")
    assert_equal 1, store.refresh_stages("p", at: T0_TIME + 61 * 86_400)
    assert_equal :dormant, store.stage("p", "alice").stage
    assert_equal 1, store.outbox("p")[0].count { |m| m.kind == "dormant_nudge" }
    assert_equal 1, store.stage_counts("p").dormant
  end

  def test_stages_errors
    assert_raises(Referral::NotFoundError) { store.stage("p", "nobody") }
    assert_raises(Referral::NotFoundError) { store.stage_counts("nope") }
    assert_raises(Referral::InvalidError) { store.refresh_stages("p", at: -1) }
  end

  def test_content_library_for_and_performance
    store.set_consent("alice", :tracking, true, source: "form")
    item = store.add_content("p", "guide", title: "The guide", url: "doc:guide.pdf",
                                           kind: :document, stages: %i[active champion])
    assert_equal ["guide", :document, %i[active champion], ""],
                 [item.key, item.kind, item.stages, item.min_tier]
    clock.ms += 1000
    store.add_content("p", "all", title: "For all", url: "https://x.example/all")
    assert_equal %w[all guide], store.content_list("p").map(&:key)
    assert_equal %w[all], store.content_for("p", "alice").map(&:key)
    store.record_activity("p", "alice", :share)
    assert_equal %w[all guide], store.content_for("p", "alice").map(&:key)
    assert_equal "For everyone", store.update_content("p", "all", title: "For everyone", url: "u").title
    store.archive_content("p", "all")
    assert_equal %w[all guide], store.content_list("p", archived: true).map(&:key)
    assert_equal %w[guide], store.content_for("p", "alice", limit: 5).map(&:key)
    code = store.issue_code("p", "alice", content: "guide")
    assert_equal "guide", code.content
    store.record_touchpoint(code.code, visitor_id: "v1", at: clock.ms - 3_600_000)
    store.record_conversion("p", visitor_id: "v1", order_id: "o1", value_minor: 2500, currency: "EUR")
    perf = store.content_performance("p")
    assert_equal "EUR", perf.currency
    g = perf.items[0]
    assert_equal ["guide", 1, 1, 1, 1, 2500],
                 [g.key, g.codes, g.clicks, g.unique_visitors, g.conversions, g.value_minor]
    assert_equal 1, store.content_performance("p", top: 1).items.size
    assert_raises(Referral::ExistsError) { store.add_content("p", "guide", title: "t", url: "u") }
    assert_raises(Referral::InvalidError) { store.add_content("p", "x", title: "t", url: "u", stages: [:nope]) }
    assert_raises(Referral::DisabledError) { store.issue_code("p", "alice", content: "all") }
  end
end
