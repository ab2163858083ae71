# frozen_string_literal: true

module Referral
  # A C function (#function) over a block of Ruby code: the store's clock and
  # progress, exports and imports. An exception must not unwind through C: it
  # is kept, C gets `failed`, and #raise_pending! raises it once the C call
  # returns. Keep the object alive while C may call the function.
  class Callback
    attr_reader :function

    def initialize(ret, args, failed, &body)
      @error = nil
      @function = FFI::Function.new(ret, args) do |*a|
        body.call(*a)
      rescue Exception => e # rubocop:disable Lint/RescueException
        @error = e
        failed
      end
    end

    # A clock (returning a Time or Integer ms) as an rf_clock_fn: C gets 0
    # when it raises.
    def self.clock(callable)
      new(:int64, [:pointer], 0) { |_ctx| Convert.time_in(callable.call, "clock") }
    end

    # A block called as (operation, done, total) as an rf_progress_fn: when it
    # raises, C gets 1 and the operation stops (writing nothing, RF_ECANCELED).
    def self.progress(callable)
      new(:int, %i[pointer string uint64 uint64], 1) do |_ctx, op, done, total|
        callable.call(op, done, total)
        0
      end
    end

    # Raise the exception kept from the last C call, if any (once).
    def raise_pending!
      error = @error
      @error = nil
      raise error if error
    end
  end
end
