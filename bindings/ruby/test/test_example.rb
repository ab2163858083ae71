# frozen_string_literal: true

require_relative "test_helper"
require "open3"

# examples/ruby/flow.rb runs end to end, and runs again on the same file.
class TestExample < Minitest::Test
  include ReferralTest
  SCRIPT = File.join(REPO_ROOT, "examples/ruby/flow.rb")

  def run_flow(*args)
    out, err, status = Open3.capture3(RbConfig.ruby, SCRIPT, *args)
    assert status.success?, err
    out
  end

  def test_flow_in_memory
    skip "examples/ruby/flow.rb not found" unless File.exist?(SCRIPT)
    out = run_flow
    assert_match(/Carol's code: [0-9A-Z]{9}/, out)
    assert_match(/credited to carol \(EUR 25\.00, weight 1\.0\)/, out)
    assert_includes out, "duplicate=true"
    assert_includes out, "a mistyped code is caught"
    assert_includes out, "Carol: 1 clicks, 1 visitors, 1 orders, EUR 25.00, rate 100%"
    assert_match(/why: last( touch)? over 1 touchpoint/, out)
    assert_includes out, "after a EUR 5.00 refund, carol keeps EUR 20.00"
  end

  def test_flow_twice_on_a_file
    skip "examples/ruby/flow.rb not found" unless File.exist?(SCRIPT)
    Dir.mktmpdir do |dir|
      db = File.join(dir, "flow.db")
      run_flow("--db", db)
      # Stats are net of refunds: the first run refunded EUR 5.00 of its EUR 25.00.
      assert_includes run_flow("--db", db), "Carol: 2 clicks, 2 visitors, 2 orders, EUR 45.00"
    end
  end
end
