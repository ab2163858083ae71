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
end
