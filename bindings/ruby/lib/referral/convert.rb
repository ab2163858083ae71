# frozen_string_literal: true

module Referral
  # Conversions between Ruby values and C values: times, text, integers, enums.
  module Convert
    INT64 = (-(2**63))..(2**63 - 1)
    INT32 = (-(2**31))..(2**31 - 1)
    UINT32 = 0..(2**32 - 1)

    # rf_enum types and the names of their values (Ruby uses the names as symbols).
    ENUM_TYPES = { model: 1, advocate_kind: 2, channel: 3, touchpoint_kind: 4,
                   conversion_kind: 5, status: 6, target: 7, reward_side: 8,
                   reward_event: 9, reward_kind: 10, reward_basis: 11,
                   reward_state: 12, activity: 13, fraud_signal: 14,
                   fraud_decision: 15, review_status: 16, badge: 17, stage: 18,
                   content_kind: 19,
                   testimonial_status: 20, reference_outcome: 21 }.freeze
    DURABILITY = { normal: 0, full: 1 }.freeze

    module_function

    # Milliseconds since the Unix epoch -> a UTC Time (exact).
    def time_out(ms)
      Time.at(ms.div(1000), ms.modulo(1000), :millisecond).utc
    end

    # Like time_out, but 0 (the C "none") becomes nil.
    def optional_time_out(ms)
      ms.zero? ? nil : time_out(ms)
    end

    # A Time (or Integer milliseconds) -> Integer ms; nil -> 0 (the C default).
    def time_in(value, what)
      case value
      when nil then 0
      when Time then int64((value.to_r * 1000).floor, what)
      when Integer then int64(value, what)
      else raise TypeError, "#{what}: expected Time or Integer ms, got #{value.class}"
      end
    end

    def int64(value, what, range = INT64)
      raise TypeError, "#{what}: expected Integer, got #{value.class}" unless value.is_a?(Integer)
      raise Referral.invalid("#{what}: #{value} out of range") unless range.cover?(value)

      value
    end

    def int32(value, what)
      int64(value, what, INT32)
    end

    def uint32(value, what)
      int64(value, what, UINT32)
    end

    # A String -> UTF-8 String for C; nil stays nil. NUL and invalid UTF-8 are invalid.
    def text_in(value, what)
      return nil if value.nil?

      value = value.to_s if value.is_a?(Symbol)
      raise TypeError, "#{what}: expected String, got #{value.class}" unless value.is_a?(String)

      utf8 = begin
        value.encode(Encoding::UTF_8)
      rescue EncodingError
        raise Referral.invalid("#{what}: not valid UTF-8")
      end
      raise Referral.invalid("#{what}: not valid UTF-8") unless utf8.valid_encoding?
      raise Referral.invalid("#{what}: contains a NUL character") if utf8.include?("\0")

      utf8
    end

    # A C string pointer -> a frozen UTF-8 String (NULL becomes "").
    def text_out(ptr)
      return "" if ptr.null?

      ptr.read_string.force_encoding(Encoding::UTF_8).freeze
    end

    # Like text_out, but "" (the C "none") becomes nil.
    def optional_text_out(ptr)
      text = text_out(ptr)
      text.empty? ? nil : text
    end

    # Write an optional text field of an input struct; +keep+ holds the memory alive.
    def set_text(struct, field, value, what, keep)
      text = text_in(value, what)
      return struct[field] = FFI::Pointer::NULL if text.nil?

      mem = FFI::MemoryPointer.from_string(text)
      keep << mem
      struct[field] = mem
    end

    # The stable name of an enum value as a Symbol; unknown values stay Integers.
    def enum_out(type, value)
      name = Native.rf_enum_name(enum_type(type), value)
      name ? name.to_sym : value
    end

    # A Symbol/String name or an Integer -> the C value; nil stays nil. Names
    # may use underscores for the library's hyphens (:time_decay, :"time-decay").
    def enum_in(type, value, what)
      case value
      when nil then nil
      when Integer then int32(value, what)
      when Symbol, String
        name = value.to_s
        begin
          Referral.enum_parse(type, name)
        rescue InvalidError
          raise unless name.include?("_")

          Referral.enum_parse(type, name.tr("_", "-"))
        end
      else raise TypeError, "#{what}: expected Symbol, String or Integer, got #{value.class}"
      end
    end

    # A Float -> itself; an Integer or Rational -> Float; anything else is a TypeError.
    def double(value, what)
      unless value.is_a?(Numeric) && !value.is_a?(Complex)
        raise TypeError, "#{what}: expected a number, got #{value.class}"
      end

      value.to_f
    end

    # An rf_enum type given as a Symbol (:channel) or an Integer.
    def enum_type(type)
      return type if type.is_a?(Integer)

      ENUM_TYPES.fetch(type) { raise Referral.invalid("unknown enum type #{type.inspect}") }
    end

    def durability_in(value)
      case value
      when nil then nil
      when Integer then int32(value, "durability")
      when Symbol, String
        DURABILITY.fetch(value.to_s.downcase.to_sym) do
          raise Referral.invalid("durability: unknown #{value.inspect}")
        end
      else raise TypeError, "durability: expected Symbol or Integer, got #{value.class}"
      end
    end

    # The items of a C pointer array as structs of +klass+.
    def each_item(array_ptr, count, klass)
      return [] if count.zero?

      array_ptr.read_array_of_pointer(count).map { |ptr| klass.new(ptr) }
    end
  end

  class << self
    # rf_enum_name: the stable lower-case name of a value (String), or nil.
    def enum_name(type, value)
      Native.rf_enum_name(Convert.enum_type(type), value)&.dup&.force_encoding(Encoding::UTF_8)
    end

    # rf_enum_parse: the value of a name (case-insensitive); InvalidError if unknown.
    def enum_parse(type, name)
      name = Convert.text_in(name.to_s, "enum name")
      out = FFI::MemoryPointer.new(:int32)
      check!(Native.rf_enum_parse(out, Convert.enum_type(type), name))
      out.read_int32
    end
  end
end
