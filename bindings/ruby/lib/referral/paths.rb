# frozen_string_literal: true

module Referral
  # Offline attribution of aggregated paths (no store): feed journeys such as
  # "email > whatsapp > qr" with their conversions, value and non-converting
  # count, and read the credit per channel.
  #
  #   Referral::Paths.open(model: :markov) do |paths|
  #     paths.add("google ads", conversions: 2)
  #     paths.add(["google ads", "mailing"], conversions: 1)
  #     paths.result # => [#<struct Referral::PathCredit channel="google ads", ...>, ...]
  #   end
  #
  # Models: any but :custom (default :linear). half_life_ms (time decay: the
  # steps of a path are one day apart), position_first_bp/position_last_bp and
  # markov_order (only 1) tune them. #close (or the end of the open block, or
  # GC) releases the C accumulator.
  class Paths
    def self.open(**options)
      paths = new(**options)
      return paths unless block_given?

      begin
        yield paths
      ensure
        paths.close
      end
    end

    # AutoPointer releaser.
    def self.release(pointer)
      Native.rf_paths_free(pointer)
    end

    attr_reader :model

    def initialize(model: nil, half_life_ms: nil, position_first_bp: nil, position_last_bp: nil,
                   markov_order: nil)
      opts = Native::PathsOptions.new
      Referral.check!(Native.rf_paths_options_init(opts, Native::PATHS_OPTIONS_VERSION))
      c_model = Convert.enum_in(:model, model, "model")
      opts[:model] = c_model unless c_model.nil?
      opts[:half_life_ms] = Convert.int64(half_life_ms, "half_life_ms") unless half_life_ms.nil?
      { position_first_bp: position_first_bp, position_last_bp: position_last_bp,
        markov_order: markov_order }.each do |field, value|
        opts[field] = Convert.int32(value, field.to_s) unless value.nil?
      end
      out = FFI::MemoryPointer.new(:pointer)
      Referral.check!(Native.rf_paths_new(out, opts))
      @handle = FFI::AutoPointer.new(out.read_pointer, self.class.method(:release))
      @model = Convert.enum_out(:model, opts[:model])
      @lock = Mutex.new
    end

    def closed?
      @handle.nil?
    end

    # Release the accumulator; closing twice is harmless.
    def close
      @lock.synchronize do
        handle = @handle
        @handle = nil
        handle&.free
      end
      nil
    end

    def inspect
      "#<Referral::Paths #{@model}#{closed? ? ' closed' : ''}>"
    end

    # Add a path (channel names joined by ">", or an Array of names) seen
    # +conversions+ times converting with total +value+, and +nulls+ times not.
    def add(path, conversions: 0, value: 0, nulls: 0)
      text = Convert.text_in(path_text(path), "path")
      counts = [Convert.double(conversions, "conversions"), Convert.double(value, "value"),
                Convert.double(nulls, "nulls")]
      @lock.synchronize { Referral.check!(Native.rf_paths_add(handle!, text, *counts)) }
      self
    end

    # Credit per channel of everything added so far (PathCredit, by channel name).
    def result
      out = FFI::MemoryPointer.new(:pointer)
      @lock.synchronize do
        Referral.check!(Native.rf_paths_result(out, handle!))
        c = Native::PathCredits.new(out.read_pointer)
        Convert.each_item(c[:items], c[:count], Native::PathCredit)
               .map { |item| PathCredit.from_native(item) }
      ensure
        pointer = out.read_pointer
        Native.rf_path_credits_free(pointer) unless pointer.null?
      end
    end

    private

    def handle!
      raise MisuseError.new("the paths accumulator is closed", -9) if @handle.nil?

      @handle
    end

    def path_text(path)
      return path unless path.is_a?(Array)

      path.each do |name|
        raise TypeError, "path: channel names must be Strings, got #{name.class}" unless name.is_a?(String)
        raise Referral.invalid("path: channel name #{name.inspect} contains '>'") if name.include?(">")
      end
      path.join(" > ")
    end
  end
end
