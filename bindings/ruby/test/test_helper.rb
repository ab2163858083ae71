# frozen_string_literal: true

$LOAD_PATH.unshift File.expand_path("../lib", __dir__)
require "minitest/autorun"
require "tmpdir"
require "fileutils"
require "pathname"
require "referral"

module ReferralTest
  T0 = 1_767_225_600_000 # 2026-01-01T00:00:00Z
  T0_TIME = Time.utc(2026, 1, 1)
  MINUTE = 60_000
  HOUR = 60 * MINUTE
  DAY = 24 * HOUR
  REPO_ROOT = File.expand_path("../../..", __dir__)

  # An injectable clock the test moves by hand.
  class Clock
    attr_accessor :ms
    attr_reader :calls

    def initialize(ms = T0)
      @ms = ms
      @calls = 0
    end

    def call
      @calls += 1
      @ms
    end
  end

  # Each test gets a temporary directory and a store on a file in it.
  class StoreTest < Minitest::Test
    include ReferralTest
    attr_reader :store, :clock, :path, :tmp

    def setup
      @tmp = Dir.mktmpdir("referral-rb-")
      @path = File.join(@tmp, "test.db")
      @clock = Clock.new
      @store = Referral::Store.new(@path, clock: @clock)
    end

    def teardown
      @store.close
      FileUtils.rm_rf(@tmp)
    end

    # A program, an advocate and one code; returns the code.
    def seed(program: "spring", advocate: "alice", **code_args)
      begin
        store.program(program)
      rescue Referral::NotFoundError
        store.create_program(program)
      end
      begin
        store.advocate(advocate)
      rescue Referral::NotFoundError
        store.add_advocate(advocate)
      end
      store.issue_code(program, advocate, **code_args)
    end

    # The block raises exactly klass with the given status code and a message.
    def assert_status(klass, code, &block)
      err = assert_raises(klass, &block)
      assert_equal klass, err.class
      assert_equal code, err.code
      refute_empty err.message
      err
    end

    # Run SQL on the store's file with the sqlite3 shell (skip without it).
    def sql(statement, file = path)
      skip "sqlite3 shell not installed" unless system("command -v sqlite3 > /dev/null")
      assert system("sqlite3", file, statement), "sqlite3 failed: #{statement}"
    end
  end
end
