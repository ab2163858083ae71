# frozen_string_literal: true

require_relative "test_helper"

class TestTouchpoints < ReferralTest::StoreTest
  UUID = /\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/.freeze

  def test_record_fields
    c = seed(channel: :linkedin)
    tp = store.record_touchpoint(c.code.downcase, visitor_id: "visitor-1", kind: :scan,
                                                  landing_url: "https://shop.example/?ref=x",
                                                  ip: "203.0.113.9", user_agent: "Mozilla/5.0")
    assert_operator tp.id, :>, 0
    assert_equal ["visitor-1", c.code, "spring", "alice", :linkedin, :scan, T0_TIME, false],
                 [tp.visitor_id, tp.code, tp.program, tp.advocate, tp.channel, tp.kind, tp.at,
                  tp.duplicate]
  end

  def test_generated_visitor_id
    c = seed
    a = store.record_touchpoint(c.code)
    b = store.record_touchpoint(c.code)
    assert_match UUID, a.visitor_id
    refute_equal a.visitor_id, b.visitor_id
  end

  def test_explicit_time
    c = seed
    assert_equal T0_TIME - 86_400, store.record_touchpoint(c.code, visitor_id: "v", at: T0_TIME - 86_400).at
    assert_equal T0_TIME - 0.005r, store.record_touchpoint(c.code, visitor_id: "w", at: T0 - 5).at
  end

  def test_duplicate_window
    c = seed
    refute store.record_touchpoint(c.code, visitor_id: "v").duplicate
    clock.ms = T0 + 30 * MINUTE
    assert store.record_touchpoint(c.code, visitor_id: "v").duplicate
    refute store.record_touchpoint(c.code, visitor_id: "other").duplicate
    clock.ms = T0 + 61 * MINUTE
    refute store.record_touchpoint(c.code, visitor_id: "v").duplicate
  end

  def test_bot_is_kept_but_flagged
    c = seed
    bot = store.record_touchpoint(c.code, visitor_id: "v", user_agent: "Slackbot-LinkExpanding 1.0")
    assert bot.bot
    refute bot.duplicate
    person = store.record_touchpoint(c.code, visitor_id: "v", user_agent: "Mozilla/5.0")
    refute person.bot
    refute person.duplicate # a bot's touch is no earlier touch
  end

  def test_errors
    c = seed
    assert_status(Referral::InvalidError, -2) { store.record_touchpoint("", visitor_id: "v") }
    assert_status(Referral::InvalidError, -2) { store.record_touchpoint(c.code, visitor_id: "v", kind: 9) }
    assert_status(Referral::InvalidError, -2) { store.record_touchpoint(c.code, visitor_id: "v" * 256) }
    assert_status(Referral::InvalidError, -2) do
      store.record_touchpoint(c.code, visitor_id: "v", landing_url: "u" * 2049)
    end
    store.disable_code(c.code)
    assert_status(Referral::DisabledError, -15) { store.record_touchpoint(c.code, visitor_id: "v") }
  end

  def test_batch_records_all
    c = seed
    specs = (0...50).map { |i| { code: c.code, visitor_id: "v#{i}", at: T0 + i } }
    specs << { code: c.code, visitor_id: "hash-visitor", kind: :visit }
    assert_equal 51, store.record_touchpoints(specs)
    st = store.stats("spring")
    assert_equal 51, st.touchpoints
    assert_equal 51, st.unique_visitors
  end

  def test_batch_is_all_or_nothing
    c = seed
    specs = [{ code: c.code, visitor_id: "v1" }, { code: c.code }, { code: c.code, visitor_id: "v3" }]
    err = assert_status(Referral::InvalidError, -2) { store.record_touchpoints(specs) }
    assert_includes err.message, "1"
    assert_equal 0, store.stats("spring").touchpoints
  end

  def test_batch_with_unresolvable_code
    c = seed
    store.disable_code(c.code)
    assert_status(Referral::DisabledError, -15) { store.record_touchpoints([{ code: c.code, visitor_id: "v" }]) }
  end

  def test_empty_batch_and_bad_keys
    seed
    assert_equal 0, store.record_touchpoints([])
    assert_raises(ArgumentError) { store.record_touchpoints([{ code: "X", visitor: "v" }]) }
  end
end
