# frozen_string_literal: true

require_relative "test_helper"

# The status -> exception mapping.
class TestErrorMapping < Minitest::Test
  EXPECTED = {
    -1 => Referral::InternalError, -2 => Referral::InvalidError, -3 => Referral::NotFoundError,
    -4 => Referral::ExistsError, -5 => Referral::ConflictError, -6 => Referral::BusyError,
    -7 => Referral::OutOfMemoryError, -8 => Referral::VersionError, -9 => Referral::MisuseError,
    -10 => Referral::CorruptError, -11 => Referral::IoError, -12 => Referral::NotADatabaseError,
    -13 => Referral::CheckError, -14 => Referral::ExpiredError, -15 => Referral::DisabledError,
    -16 => Referral::ExhaustedError, -17 => Referral::TamperedError, -18 => Referral::LinkKeyError,
    -19 => Referral::ConsentError, -20 => Referral::LimitError,
    -21 => Referral::CanceledError
  }.freeze

  def test_one_class_per_status
    assert_equal EXPECTED, Referral::ERRORS
    assert_equal EXPECTED.size, EXPECTED.values.uniq.size
    EXPECTED.each do |code, klass|
      assert_same klass, Referral.error_class(code)
      assert_operator klass, :<, Referral::Error
    end
    assert_operator Referral::Error, :<, StandardError
    assert_same Referral::Error, Referral.error_class(-999)
  end

  def test_check_raises_mapped_class_for_every_code
    EXPECTED.each do |code, klass|
      Referral.clear_error # the last error does not describe `code`
      err = assert_raises(klass) { Referral.check!(code) }
      assert_equal code, err.code
      assert_equal Referral.strerror(code), err.message
      assert_equal 0, err.db_code
    end
  end

  def test_check_passes_success_and_duplicate
    assert_equal 0, Referral.check!(0)
    assert_equal 1, Referral.check!(Referral::RF_DUPLICATE)
  end

  def test_error_attributes
    e = Referral::NotFoundError.new("no program 'x'", -3, 0)
    assert_equal ["no program 'x'", -3, 0], [e.message, e.code, e.db_code]
    assert_equal Referral.strerror(-6), Referral::BusyError.new(nil, -6).message
  end
end

# Bad input is refused before it can reach C.
class TestArgumentChecks < ReferralTest::StoreTest
  def test_nul_and_encoding
    assert_raises(Referral::InvalidError) { store.create_program("a\0b") }
    assert_raises(Referral::InvalidError) { store.add_advocate((+"bad\xff").force_encoding("UTF-8")) }
    assert_equal "caf\u00e9", store.add_advocate((+"caf\xe9").force_encoding("ISO-8859-1")).external_id
    assert_raises(TypeError) { store.program(42) }
  end

  def test_integer_ranges
    seed
    assert_raises(Referral::InvalidError) do
      store.record_conversion("spring", visitor_id: "v", order_id: "o", value_minor: 2**63)
    end
    assert_raises(TypeError) do
      store.record_conversion("spring", visitor_id: "v", order_id: "o", value_minor: 1.5)
    end
    assert_raises(Referral::InvalidError) { store.advocate_page(limit: 2**32) }
    assert_raises(Referral::InvalidError) { store.advocate_page(limit: -1) }
  end

  def test_time_types
    code = seed
    assert_raises(TypeError) { store.record_touchpoint(code.code, visitor_id: "v", at: "noon") }
  end

  def test_bad_enums
    store.create_program("spring")
    assert_raises(Referral::InvalidError) { store.add_advocate("x", kind: :wizard) }
    assert_raises(TypeError) { store.add_advocate("x", kind: 1.0) }
    assert_status(Referral::InvalidError, -2) { store.add_advocate("x", kind: 77) }
    assert_raises(Referral::InvalidError) { Referral::Store.new("#{path}2", durability: :sometimes) }
  end

  def test_bad_rules
    assert_raises(ArgumentError) { store.create_program("p", rules: { colour: :red }) }
    assert_raises(TypeError) { store.create_program("p", rules: 5) }
  end
end
