# frozen_string_literal: true

require_relative "test_helper"

# Activities, scores, leaderboards and program metrics.
class TestScoring < ReferralTest::StoreTest
  def setup
    super
    store.create_program("spring")
    store.add_advocate("alice")
    store.add_advocate("bob")
    %w[alice bob].each { |who| store.set_consent(who, :tracking, true, source: "test") }
  end

  def test_record_and_list
    a = store.record_activity("spring", "alice", :review)
    b = store.record_activity("spring", "alice", :survey, answer: 9, at: T0 + DAY, channel: :email,
                                                          content: "nps-q1")
    assert_operator b, :>, a
    items = store.activities("spring", advocate: "alice")
    assert_equal [b, a], items.map(&:id)
    assert_equal :survey, items[0].type
    assert_equal 9, items[0].answer
    assert_equal :email, items[0].channel
    assert_equal "nps-q1", items[0].content
    assert_equal T0_TIME, items[1].at
    assert_nil items[1].answer
  end

  def test_batch_all_or_nothing
    good = { program: "spring", advocate: "alice", type: :share }
    assert_raises(Referral::NotFoundError) do
      store.record_activities([good, good.merge(advocate: "nobody")])
    end
    assert_equal [], store.activities("spring")
    assert_equal 2, store.record_activities([good, good.merge(advocate: "bob")])
    assert_equal 1, store.activities("spring", limit: 1).size
  end

  def test_errors
    assert_raises(Referral::InvalidError) { store.record_activity("spring", "alice", :survey) }
    assert_raises(Referral::InvalidError) { store.record_activity("spring", "alice", :nonsense) }
    assert_raises(Referral::NotFoundError) { store.record_activity("nope", "alice", :share) }
  end

  def test_tracking_consent
    store.add_advocate("dan")
    assert_raises(Referral::ConsentError) { store.record_activity("spring", "dan", :share) }
    good = { program: "spring", advocate: "alice", type: :share }
    assert_raises(Referral::ConsentError) do
      store.record_activities([good, good.merge(advocate: "dan")])
    end
    assert_equal [], store.activities("spring")
    store.set_consent("dan", :tracking, true, source: "settings")
    store.record_activity("spring", "dan", :share)
    store.set_consent("dan", :tracking, false, source: "settings")
    assert_raises(Referral::ConsentError) { store.record_activity("spring", "dan", :share) }
    assert_equal 1, store.activities("spring", advocate: "dan").size
  end

  def test_scores_boards_metrics
    store.add_advocate("carol")
    store.set_consent("carol", :tracking, true, source: "test")
    store.record_activity("spring", "alice", :review, at: T0)
    store.record_activity("spring", "alice", :invite, at: T0)
    store.record_activity("spring", "bob", :invite, at: T0)
    store.record_activity("spring", "carol", :survey, answer: 10, at: T0)
    s = store.score("spring", "alice", explain: true)
    assert_in_delta 18, s.component(:activity).raw, 1e-9
    assert_in_delta 30.0 * 18 / 68, s.score, 1e-9
    assert_equal %w[invite review], s.events.map(&:kind)
    assert_equal [:"first-review"], s.badges.map(&:kind)
    assert_equal 0, s.config_version
    board = store.leaderboard("spring", period: :this_month, advocate: "bob", top: 1)
    assert_equal 3, board.ranked
    assert_equal ["alice"], board.entries.map(&:advocate)
    assert_equal 1, board.advocate.rank - 1
    m = store.program_metrics("spring")
    assert_equal [2, 1], [m.invites, m.promoters]
    assert_in_delta 100.0, m.nps, 1e-12
    v = store.set_score_config("spring", activity_weights: { bookmark: 50 }, weight_value: 0, tiers: "")
    assert_equal 1, v
    cfg = store.score_config("spring")
    assert_equal 50, cfg.activity_weights[:bookmark]
    assert_equal 10, cfg.activity_weights[:invite]
    store.recompute_scores("spring")
    assert_equal 0, store.refresh_scores("spring")
    assert_raises(Referral::InvalidError) { store.set_score_config("spring", tiers: "x:9:10") }
  end
end
