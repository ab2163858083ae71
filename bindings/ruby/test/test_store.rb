# frozen_string_literal: true

require_relative "test_helper"

class TestStoreLifecycle < ReferralTest::StoreTest
  def test_open_with_block_closes
    s = Referral::Store.open(File.join(tmp, "b.db")) do |st|
      refute st.closed?
      st.create_program("p")
      st
    end
    assert s.closed?
    assert_includes s.inspect, "closed"
  end

  def test_open_without_block_returns_store
    s = Referral::Store.open(File.join(tmp, "nb.db"))
    refute s.closed?
  ensure
    s&.close
  end

  def test_block_closes_on_exception
    kept = nil
    assert_raises(RuntimeError) do
      Referral::Store.open(File.join(tmp, "e.db")) do |s|
        kept = s
        raise "boom"
      end
    end
    assert kept.closed?
  end

  def test_close_twice_is_harmless
    store.close
    store.close
    assert store.closed?
  end

  def test_every_method_raises_misuse_after_close
    seed
    s = store
    s.close
    calls = [
      -> { s.check }, -> { s.now }, -> { s.create_program("q") }, -> { s.program("spring") },
      -> { s.update_program("spring", name: "n") }, -> { s.archive_program("spring") },
      -> { s.programs }, -> { s.each_program.to_a }, -> { s.add_advocate("b") },
      -> { s.advocate("alice") }, -> { s.deactivate_advocate("alice") }, -> { s.advocate_page },
      -> { s.advocates.to_a }, -> { s.issue_code("spring", "alice") }, -> { s.resolve_code("ABCD") },
      -> { s.code("ABCD") }, -> { s.disable_code("ABCD") },
      -> { s.record_touchpoint("ABCD", visitor_id: "v") }, -> { s.record_touchpoints([]) },
      -> { s.record_conversion("spring", visitor_id: "v", order_id: "o") },
      -> { s.conversion("spring", "o") }, -> { s.explanation("spring", "o") },
      -> { s.stats("spring") }
    ]
    calls.each { |call| assert_status(Referral::MisuseError, -9) { call.call } }
  end

  def test_gc_releases_unclosed_stores
    20.times { Referral::Store.new(File.join(tmp, "gc.db")) }
    GC.start
    Referral::Store.open(File.join(tmp, "gc.db")) { |s| assert_equal [], s.programs }
  end

  def test_data_persists_and_pathname
    store.create_program("kept", name: "Kept")
    store.close
    Referral::Store.open(Pathname.new(path), no_create: true) do |s|
      assert_equal "Kept", s.program("kept").name
    end
  end

  def test_memory_store
    Referral::Store.open(":memory:") do |s|
      s.create_program("m")
      assert_equal ["m"], s.programs.map(&:key)
    end
  end

  def test_threads_share_a_store_safely
    threads = %w[a b c].map do |prefix|
      Thread.new { 40.times { |i| store.add_advocate("#{prefix}-#{i}") } }
    end
    threads.each(&:join)
    assert_equal 120, store.advocates.count
  end

  def test_use_in_forked_child_is_misuse
    skip "no fork" unless Process.respond_to?(:fork)
    store.create_program("p")
    pid = fork do
      status = begin
        store.program("p")
        1
      rescue Referral::MisuseError
        0
      rescue Exception # rubocop:disable Lint/RescueException
        2
      end
      exit!(status)
    end
    Process.wait(pid)
    assert_equal 0, $?.exitstatus
    assert_equal "p", store.program("p").key
  end
end

class TestStoreOpenErrors < ReferralTest::StoreTest
  def test_no_create
    missing = File.join(tmp, "missing.db")
    assert_status(Referral::NotFoundError, -3) { Referral::Store.new(missing, no_create: true) }
    refute File.exist?(missing)
  end

  def test_not_a_database
    junk = File.join(tmp, "junk.db")
    File.write(junk, "this is not sqlite" * 100)
    assert_status(Referral::NotADatabaseError, -12) { Referral::Store.new(junk) }
    assert File.read(junk).start_with?("this is not sqlite")
  end

  def test_foreign_sqlite_database
    other = File.join(tmp, "other.db")
    sql("CREATE TABLE t (x);", other)
    assert_status(Referral::NotADatabaseError, -12) { Referral::Store.new(other) }
  end

  def test_newer_schema
    store.close
    sql("PRAGMA user_version = 9999;")
    assert_status(Referral::VersionError, -8) { Referral::Store.new(path) }
  end

  def test_unopenable_path
    assert_status(Referral::IoError, -11) { Referral::Store.new(File.join(tmp, "no/such/dir/x.db")) }
  end

  def test_bad_options
    p = File.join(tmp, "o.db")
    assert_status(Referral::InvalidError, -2) { Referral::Store.new(p, busy_timeout_ms: -1) }
    assert_status(Referral::InvalidError, -2) { Referral::Store.new(p, cache_size_kib: 1) }
    assert_status(Referral::InvalidError, -2) { Referral::Store.new(p, durability: 7) }
    assert_raises(Referral::InvalidError) { Referral::Store.new(p, busy_timeout_ms: 2**40) }
    assert_raises(Referral::InvalidError) { Referral::Store.new("a\0b") }
  end

  def test_good_options
    p = File.join(tmp, "full.db")
    Referral::Store.open(p, busy_timeout_ms: 10, durability: :full, cache_size_kib: 1024) do |s|
      s.create_program("x")
    end
    Referral::Store.open(p, durability: "normal", no_create: true) { |s| assert s.program("x") }
  end

  # Store A's clock runs inside A's write transaction: a write through
  # store B from there must wait, then fail with BusyError.
  def test_busy
    other = Referral::Store.new(path, busy_timeout_ms: 50)
    err = nil
    blocking = Referral::Store.new(path, clock: lambda {
      begin
        other.create_program("inner") if err.nil?
      rescue Referral::Error => e
        err = e
      end
      ReferralTest::T0
    })
    blocking.create_program("outer")
    assert_instance_of Referral::BusyError, err
    assert_equal(-6, err.code)
    assert_equal 5, err.db_code & 0xff # SQLITE_BUSY family
    other.create_program("inner") # fine once the lock is gone
  ensure
    other&.close
    blocking&.close
  end
end

class TestStoreCheck < ReferralTest::StoreTest
  def test_check_ok_then_corrupt
    code = seed
    store.record_touchpoint(code.code, visitor_id: "v1")
    store.record_conversion("spring", visitor_id: "v1", order_id: "o1", value_minor: 100,
                                      currency: "EUR")
    assert_nil store.check
    sql("UPDATE credit SET value_minor = value_minor + 1;")
    err = assert_status(Referral::CorruptError, -10) { store.check }
    assert_includes err.message, "add up"
  end
end

class TestStoreClock < ReferralTest::StoreTest
  def test_now_uses_injected_clock
    assert_equal T0_TIME, store.now
    assert store.now.utc?
    clock.ms = T0 + 1234
    assert_equal T0_TIME + 1.234r, store.now
    assert_operator clock.calls, :>, 0
  end

  def test_clock_returning_time
    t = Time.new(2030, 5, 6, 7, 8, 9.01r, "+02:00")
    Referral::Store.open(":memory:", clock: -> { t }) do |s|
      assert_equal t, s.now
      assert s.now.utc?
      assert_equal t, s.create_program("p").created_at
    end
  end

  def test_system_clock
    Referral::Store.open(":memory:") { |s| assert_in_delta Time.now.to_f, s.now.to_f, 5 }
  end

  def test_clock_exception_is_raised_after_the_call
    fail_now = false
    Referral::Store.open(":memory:", clock: -> { raise "clock broke" if fail_now; T0 }) do |s|
      fail_now = true
      assert_raises(RuntimeError) { s.now }
      fail_now = false
      assert_equal T0_TIME, s.now
    end
  end

  def test_clock_returning_garbage
    Referral::Store.open(":memory:", clock: -> { "noon" }) do |s|
      assert_raises(TypeError) { s.now }
    end
  end

  def test_clock_survives_gc
    s = Referral::Store.new(":memory:", clock: -> { T0 + 5 })
    GC.start
    assert_equal T0_TIME + 0.005r, s.now
  ensure
    s&.close
  end
end
