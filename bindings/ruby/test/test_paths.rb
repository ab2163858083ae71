# frozen_string_literal: true

require_relative "test_helper"
require "json"

# Offline attribution of aggregated paths (Referral::Paths) against the vectors.
class TestPaths < Minitest::Test
  include ReferralTest
  VECTORS = File.join(REPO_ROOT, "tests/vectors/vectors.json")

  def vectors
    skip "tests/vectors/vectors.json not found" unless File.exist?(VECTORS)
    JSON.parse(File.read(VECTORS))["attribution"]
  end

  def credit(paths)
    paths.result.to_h { |c| [c.channel, [c.conversions.round(9), c.value.round(9)]] }
  end

  def test_markov_puzyrov
    v = vectors["markov_puzyrov_2019"]
    got = Referral::Paths.open(model: :markov) do |paths|
      v["input"]["paths"].each do |p|
        paths.add(p["path"], conversions: p["conv"], value: 10 * p["conv"], nulls: p["null"])
      end
      credit(paths)
    end
    v["expected"]["attributed_conversions"].each do |channel, expected|
      assert_in_delta expected, got[channel][0], 1e-6
      assert_in_delta 10 * expected, got[channel][1], 1e-6
    end
    assert_equal got.keys.sort, got.keys
  end

  def test_dp6_heuristics
    v = vectors["dp6_mam_test_dataset"]
    { "first_touch" => :first, "last_touch" => :last, "linear" => :linear,
      "position_based_40_20_40" => :position }.each do |key, model|
      got = Referral::Paths.open(model: model) do |paths|
        v["input"]["journeys"].each { |j| paths.add(j, conversions: 1, value: v["input"]["conversion_value_each"]) }
        credit(paths)
      end
      v["expected"][key].each { |channel, expected| assert_in_delta expected, got[channel][1], 1e-6, key }
    end
  end

  def test_options_and_shapley
    Referral::Paths.open(model: :time_decay, half_life_ms: DAY) do |paths|
      assert_equal :"time-decay", paths.model
      paths.add("a > b", conversions: 3)
      assert_equal({ "a" => [1.0, 0.0], "b" => [2.0, 0.0] }, credit(paths))
    end
    Referral::Paths.open(model: :position, position_first_bp: 5000, position_last_bp: 3000) do |paths|
      paths.add(%w[a b c], conversions: 10, value: 100)
      assert_equal({ "a" => [5.0, 50.0], "b" => [2.0, 20.0], "c" => [3.0, 30.0] }, credit(paths))
    end
    Referral::Paths.open(model: :shapley) do |paths|
      paths.add("g", conversions: 2, value: 200).add("m", conversions: 1, value: 50)
      paths.add(" g >  m ", conversions: 1, value: 100)
      assert_equal({ "g" => [2.5, 250.0], "m" => [1.5, 100.0] }, credit(paths))
    end
    assert_equal :linear, Referral::Paths.new.tap(&:close).model
  end

  def test_errors
    assert_status_raise(Referral::InvalidError) { Referral::Paths.new(model: :custom) }
    assert_status_raise(Referral::InvalidError) { Referral::Paths.new(model: :markov, markov_order: 2) }
    paths = Referral::Paths.new(model: :markov)
    ["", "a >> b", "a > "].each { |bad| assert_status_raise(Referral::InvalidError) { paths.add(bad, conversions: 1) } }
    [{ conversions: -1 }, { value: -1 }, { nulls: -1 }, { conversions: Float::NAN }].each do |counts|
      assert_status_raise(Referral::InvalidError) { paths.add("a", **counts) }
    end
    assert_raises(Referral::InvalidError) { paths.add(["a", "b>c"]) }
    assert_raises(TypeError) { paths.add("a", conversions: "1") }
    assert_raises(TypeError) { paths.add(["a", 1]) }
    paths.add("a", nulls: 3)
    assert_status_raise(Referral::InternalError) { paths.result }
    paths.close
    paths.close
    assert paths.closed?
    assert_raises(Referral::MisuseError) { paths.add("a", conversions: 1) }
    assert_raises(Referral::MisuseError) { paths.result }
  end

  def assert_status_raise(klass, &block)
    err = assert_raises(klass, &block)
    assert_equal klass, err.class
    refute_empty err.message
  end
end
