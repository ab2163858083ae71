# frozen_string_literal: true

require_relative "test_helper"

# Activities, scores, leaderboards and program metrics.
class TestScoring < ReferralTest::StoreTest
  def setup
    super
    store.create_program("spring")
    store.add_advocate("alice")
    store.add_advocate("bob")
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
end
