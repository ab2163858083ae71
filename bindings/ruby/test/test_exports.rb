# frozen_string_literal: true

require_relative "test_helper"
require "json"
require "stringio"

class TestExports < ReferralTest::StoreTest
  def setup
    super
    @alice = seed.code
    store.record_touchpoint(@alice, visitor_id: "v1", at: T0 + HOUR)
    store.record_touchpoint(@alice, visitor_id: "v2", at: T0 + DAY)
    store.record_conversion("spring", visitor_id: "v1", order_id: "o1", value_minor: 1000,
                                      currency: "EUR", at: T0 + 2 * HOUR)
  end

  def test_csv_and_json
    lines = store.export("spring").lines
    assert_equal 3, lines.size
    assert_equal %w[touchpoint_id at_ms at code], lines[0].split(",").first(4)
    assert_includes lines[1], ",#{@alice},alice,none,click,v1,,0,0"
    rows = JSON.parse(store.export("spring", :conversions, format: :json))
    assert_equal ["o1", 1000, nil], rows[0].values_at("order_id", "value_minor", "customer_id")
    credit = JSON.parse(store.export("spring", "attributions", format: "json"))
    assert_equal ["alice", 1], credit[0].values_at("advocate", "weight")
    assert_equal 2, store.export("spring", from: T0 + DAY).count("\n")
    refute_includes store.export("spring", pseudonyms: true), ",v1,"
    assert store.export("spring", :rewards).start_with?("entry_id,")
    scores = JSON.parse(store.export("spring", :scores, format: :json))
    assert_equal [["alice", 1]], scores.map { |r| r.values_at("advocate", "referrals") }
    assert_equal store.score("spring", "alice").score, scores[0]["score"]
    io = StringIO.new
    assert_equal 1, store.export("spring", :codes, io: io)
    assert_includes io.string, @alice
    chunks = []
    assert_equal 2, store.export("spring") { |c| chunks << c }
    assert_equal store.export("spring"), chunks.join
  end

  def test_errors
    assert_raises(RuntimeError) { store.export("spring") { |_c| raise "disk on fire" } }
    assert_raises(Referral::InvalidError) { store.export("spring", :nope) }
    assert_raises(Referral::NotFoundError) { store.export("nope") }
    bad = "code,visitor_id,at_ms\n#{@alice},n1,5\n#{@alice},n2,soon\n"
    err = assert_raises(Referral::InvalidError) { store.import_csv("spring", :touchpoints, bad) }
    assert_includes err.message, "line 3, column 'at_ms'"
    assert_equal 3, store.export("spring").count("\n") # unchanged
    broken = Object.new
    def broken.read(_n) = raise(IOError, "gone")
    assert_raises(IOError) { store.import_csv("spring", :touchpoints, broken) }
  end

  def test_round_trip
    Referral::Store.open(File.join(tmp, "copy.db"), clock: clock) do |copy|
      copy.create_program("spring")
      %i[codes touchpoints conversions].each do |what|
        data = store.export("spring", what)
        source = what == :touchpoints ? StringIO.new(data) : data
        assert_equal data.count("\n") - 1, copy.import_csv("spring", what, source)
      end
      assert_equal store.export("spring", :attributions), copy.export("spring", :attributions)
      assert_equal store.report_split("spring", :advocate), copy.report_split("spring", :advocate)
    end
  end
end
