# frozen_string_literal: true

require_relative "test_helper"
require "open3"

# Library-level functions, and the declarations checked against the C headers.
class TestLibrary < Minitest::Test
  include ReferralTest

  def layout_lines
    tool = ENV.fetch("REFERRAL_LAYOUT", "")
    if tool.empty?
      source = File.join(REPO_ROOT, "bindings/parity/layout.c")
      skip "no layout tool and no compiler" unless File.exist?(source) && system("command -v cc > /dev/null")
      tool = File.join(Dir.mktmpdir, "layout")
      assert system("cc", "-std=c11", "-I", File.join(REPO_ROOT, "include"), source, "-o", tool)
    end
    out, status = Open3.capture2(tool)
    assert status.success?
    out.lines.map(&:split)
  end

  def test_struct_sizes_and_offsets
    lines = layout_lines
    checked = 0
    lines.each do |name, value|
      next if %w[const enum].include?(name)

      struct, field = name.split(".")
      klass = Referral::Native::STRUCTS.fetch(struct)
      expected = value.to_i
      actual = field ? klass.offset_of(field.to_sym) : klass.size
      assert_equal expected, actual, name
      checked += 1
    end
    assert_operator checked, :>, 150
    Referral::Native::STRUCTS.each do |cname, klass|
      klass.members.each { |m| assert(lines.any? { |w| w[0] == "#{cname}.#{m}" }, "#{cname}.#{m}") }
    end
  end

  def test_constants_and_enumerators
    lines = layout_lines
    consts = lines.select { |w| w[0] == "const" }.to_h { |w| [w[1], w[2].to_i] }
    %w[STORE_OPTIONS_VERSION PROGRAM_RULES_VERSION ADVOCATE_SPEC_VERSION CODE_SPEC_VERSION
       TOUCHPOINT_SPEC_VERSION CONVERSION_SPEC_VERSION STATS_QUERY_VERSION CODE_BUFSIZE
       STORE_NO_CREATE LIST_INCLUDE_ARCHIVED REFUND_SPEC_VERSION PATHS_OPTIONS_VERSION
       CUSTOM_WEIGHTS_MAX PATH_MAX_STEPS PATH_MAX_CHANNELS EMAIL_BUFSIZE EXPORT_OPTIONS_VERSION
       IMPORT_OPTIONS_VERSION EXPORT_PSEUDONYMS IMPORT_MAX_RECORD].each do |name|
      assert_equal consts.fetch("RF_#{name}"), Referral::Native.const_get(name), name
    end
    assert_equal Referral::Native::ABI, [consts["RF_VERSION_MAJOR"], consts["RF_VERSION_MINOR"]]
    enums = lines.select { |w| w[0] == "enum" }.to_h { |w| [w[1], w[2].to_i] }
    statuses = enums.select { |k, _| k.match?(/\ARF_E[A-Z]+\z|\ARF_ERROR\z/) }
    assert_equal statuses.values.sort, Referral::ERRORS.keys.sort
    assert_equal enums["RF_DUPLICATE"], Referral::RF_DUPLICATE
    Referral::Convert::ENUM_TYPES.each do |type, value|
      assert_equal enums.fetch("RF_ENUM_#{type.upcase}"), value
    end
    assert_equal({ normal: enums["RF_DURABILITY_NORMAL"], full: enums["RF_DURABILITY_FULL"] },
                 Referral::Convert::DURABILITY)
  end

  def test_every_header_function_is_attached
    headers = Dir[File.join(REPO_ROOT, "include/referral/*.h")]
    skip "headers not found" if headers.empty?
    names = headers.flat_map { |h| File.read(h).scan(/RF_EXTERN[^;(]*?\b(rf_\w+)\s*\(/).flatten }
    assert_operator names.size, :>=, 62
    assert_equal names.sort.uniq, Referral::Native::FUNCTIONS
  end

  def test_version
    major, minor, patch = Referral.version
    assert_equal Referral::Native::ABI, [major, minor]
    assert_equal "#{major}.#{minor}.#{patch}", Referral.version_string
    assert_operator Referral.schema_version, :>=, 8
  end

  def test_strerror
    texts = Referral::ERRORS.keys.map { |c| Referral.strerror(c) }
    assert_equal texts.size, texts.uniq.size
    assert_equal "unknown status", Referral.strerror(12_345)
    assert_equal Encoding::UTF_8, Referral.strerror(-2).encoding
  end

  def test_last_error_and_clear
    assert_raises(Referral::InvalidError) { Referral.normalize_code("!!") }
    err = Referral.last_error
    assert_instance_of Referral::InvalidError, err
    assert_equal(-2, err.code)
    Referral.clear_error
    assert_equal 0, Referral.last_error.code
    assert_equal "no error", Referral.last_error.message
  end

  def test_enum_names_round_trip
    expected = {
      model: %w[last first last-non-direct linear time-decay position custom markov shapley],
      advocate_kind: %w[customer employee partner influencer],
      channel: %w[none email whatsapp linkedin x facebook sms qr other],
      touchpoint_kind: %w[click visit scan checkout],
      conversion_kind: %w[signup purchase custom renewal],
      status: %w[active archived inactive disabled], target: %w[advocate channel]
    }
    first_value = { model: 1, advocate_kind: 1, channel: 0, touchpoint_kind: 1,
                    conversion_kind: 1, status: 0, target: 1 }
    enums = layout_lines.select { |w| w[0] == "enum" }.to_h { |w| [w[1], w[2].to_i] }
    prefixes = { model: "RF_MODEL_", advocate_kind: "RF_ADVOCATE_", channel: "RF_CHANNEL_",
                 touchpoint_kind: "RF_TOUCH_", conversion_kind: "RF_CONVERSION_",
                 status: "RF_STATUS_", target: "RF_TARGET_" }
    prefixes.each do |type, prefix|
      values = enums.select { |k, _| k.start_with?(prefix) }.values.sort
      assert_equal (first_value[type]...(first_value[type] + expected[type].size)).to_a, values, type
    end
    assert_equal 5, Referral::Convert.enum_in(:model, :time_decay, "model") # underscores too
    expected.each do |type, names|
      names.each_with_index do |name, i|
        value = first_value[type] + i
        assert_equal name, Referral.enum_name(type, value)
        assert_equal value, Referral.enum_parse(type, name.upcase)
        assert_equal name.to_sym, Referral::Convert.enum_out(type, value)
      end
      assert_nil Referral.enum_name(type, 999)
      assert_equal 999, Referral::Convert.enum_out(type, 999) # unknown stays an Integer
      assert_raises(Referral::InvalidError) { Referral.enum_parse(type, "no-such-name") }
    end
    assert_nil Referral.enum_name(99, 1)
    assert_raises(Referral::InvalidError) { Referral.enum_parse(99, "last") }
    assert_raises(Referral::InvalidError) { Referral.enum_parse(:colour, "red") }
  end

  def test_normalize_code
    assert_equal "ABCDEF", Referral.normalize_code("ab-cd ef")
    assert_equal "111100", Referral.normalize_code("iIlLoO")
    ["", "---", "AB*CD", "U" * 50, "a\u00e9", nil].each do |bad|
      assert_raises(Referral::InvalidError, bad.inspect) { Referral.normalize_code(bad) }
    end
    assert_raises(Referral::InvalidError) { Referral.normalize_code("AB\0CD") }
    assert_raises(TypeError) { Referral.normalize_code(42) }
  end

  def test_library_names
    old = ENV.fetch(Referral::Native::ENV_VAR, nil)
    ENV[Referral::Native::ENV_VAR] = "/x/libreferral.so"
    assert_equal ["/x/libreferral.so"], Referral::Native.library_names
    ENV.delete(Referral::Native::ENV_VAR)
    assert_equal ["referral", "libreferral.so.0.1"], Referral::Native.library_names
  ensure
    ENV[Referral::Native::ENV_VAR] = old
  end

  def test_missing_library_fails_to_load
    lib = File.expand_path("../lib", __dir__)
    out, status = Open3.capture2e({ "REFERRAL_LIBRARY" => "/nonexistent/libreferral.so" },
                                  RbConfig.ruby, "-I", lib, "-e", 'require "referral"')
    refute status.success?
    assert_includes out, "/nonexistent/libreferral.so"
  end
end
