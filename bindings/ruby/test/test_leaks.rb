# frozen_string_literal: true

require_relative "test_helper"

# No C memory is leaked: every object the library returns is freed, on every
# path. Measures the C heap (glibc mallinfo2) around many calls after a warm-up;
# the page cache is capped so it cannot grow.
class TestLeaks < Minitest::Test
  include ReferralTest

  module LibC
    extend FFI::Library
    ffi_lib FFI::Library::LIBC
    class MallInfo2 < FFI::Struct
      layout(*%i[arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost]
               .flat_map { |f| [f, :size_t] })
    end
    begin
      attach_function :mallinfo2, [], MallInfo2.by_value
    rescue FFI::NotFoundError
      nil
    end
  end

  ROUNDS = 2000
  BUDGET = 256 * 1024 # bytes; noise measured up to ~85 KiB, one leaked code per call ~520 KiB

  def in_use
    info = LibC.mallinfo2
    info[:uordblks] + info[:hblkhd]
  end

  def setup
    skip "glibc mallinfo2 not available" unless LibC.respond_to?(:mallinfo2)
    skip "sanitizer runtime changes malloc" if ENV["LD_PRELOAD"]
    @tmp = Dir.mktmpdir
    @clock = Clock.new
    @store = Referral::Store.new(File.join(@tmp, "leak.db"), cache_size_kib: 64, clock: @clock)
    @store.create_program("p")
    3.times { |i| @store.add_advocate("a#{i}") }
    @code = @store.issue_code("p", "a0").code
    @store.record_touchpoint(@code, visitor_id: "v0")
    @store.record_touchpoint(@store.issue_code("p", "a1").code, visitor_id: "v0")
    @store.record_conversion("p", visitor_id: "v0", order_id: "o0", value_minor: 100, currency: "EUR")
    @store.record_touchpoint(@code, visitor_id: "n0") # a journey without conversion
  end

  def teardown
    @store&.close
    FileUtils.rm_rf(@tmp) if @tmp
  end

  def measure
    200.times { |i| yield i }
    GC.start
    before = in_use
    (200...(200 + ROUNDS)).each { |i| yield i }
    GC.start
    growth = in_use - before
    assert_operator growth, :<, BUDGET, "C heap grew by #{growth} bytes over #{ROUNDS} rounds"
  end

  def test_reads
    s = @store
    measure do
      s.program("p")
      s.programs(include_archived: true)
      s.advocate("a1")
      s.advocates(page_size: 2).to_a
      s.resolve_code(@code)
      s.code(@code)
      s.conversion("p", "o0")
      s.explanation("p", "o0")
      s.stats("p")
      s.stats("p", advocate: "a0")
      s.now
      Referral.normalize_code(@code)
    end
  end

  def test_attribution_reads
    s = @store
    measure do |i|
      s.replay("p", model: :linear)
      s.fit_model("p", i.odd? ? :markov : :shapley) # stores the fit; the data stays the same
      Referral::Paths.open(model: :markov) do |paths|
        paths.add("email > qr", conversions: 2, value: 10.5, nulls: 1)
        paths.add(["qr"], conversions: 1, value: 3)
        paths.result
      end
    end
  end

  def test_attribution_writes
    s = @store
    measure do |i|
      @clock.ms = T0 + i * 1000
      s.record_conversion("p", visitor_id: "v#{i}", order_id: "c#{i}", value_minor: 100,
                               currency: "EUR", customer_id: "cust#{i % 7}", code: @code)
      2.times { s.refund("p", "c#{i}", refund_id: "r", amount_minor: 10) } # then a duplicate
      s.refund("p", "c#{i}", refund_id: "full")
      s.identify("x#{i}", "cust#{i % 7}")
      s.update_program("p", rules: { model: :custom, custom_weights: [i % 5 + 1, 1] })
    end
  end

  def test_writes
    s = @store
    measure do |i|
      @clock.ms = T0 + i * 1000
      s.record_touchpoint(@code, visitor_id: "v#{i}")
      s.record_touchpoints([{ code: @code, visitor_id: "b#{i}" }])
      2.times do # the second is a duplicate
        s.record_conversion("p", visitor_id: "v#{i}", order_id: "w#{i}", value_minor: i, currency: "EUR")
      end
      s.add_advocate("n#{i}")
      s.issue_code("p", "a1")
      s.update_program("p", name: "name #{i}")
    end
  end

  def test_error_paths
    s = @store
    typo = (@code[0] == "2" ? "3" : "2") + @code[1..]
    calls = [-> { s.program("nope") }, -> { s.create_program("p") }, -> { s.resolve_code(typo) },
             -> { s.record_conversion("p", visitor_id: "v0", order_id: "o0", value_minor: 1, currency: "EUR") },
             -> { s.explanation("p", "nope") }, -> { s.stats("p", advocate: "ghost") },
             -> { s.record_touchpoints([{ code: @code }]) }, -> { Referral.normalize_code("!!") },
             -> { s.refund("p", "o0", refund_id: "r", amount_minor: 10**6) },
             -> { s.refund("p", "nope", refund_id: "r") }, -> { s.fit_model("p", :linear) },
             -> { s.replay("nope") }, -> { s.identify("", "c") },
             -> { s.create_program("bad", rules: { model: :custom, custom_weights: [0] }) },
             -> { Referral::Paths.new(model: :custom) },
             -> { Referral::Paths.open { |p| p.add("", conversions: 1) } },
             -> { Referral::Paths.open(model: :markov) { |p| p.add("a", nulls: 1).result } }]
    measure { calls.each { |c| assert_raises(Referral::Error) { c.call } } }
  end

  def test_open_close
    path = File.join(@tmp, "oc.db")
    measure do
      Referral::Store.open(path, clock: Clock.new, cache_size_kib: 64, &:now)
      assert_raises(Referral::NotFoundError) do
        Referral::Store.new(File.join(@tmp, "missing.db"), no_create: true)
      end
    end
  end
end
