# frozen_string_literal: true

# libreferral for Ruby, through ruby-ffi (see README.md for why).
#
#   require "referral"
#   Referral::Store.open("shop.db") do |s|
#     s.create_program("spring"); s.add_advocate("alice")
#     puts s.issue_code("spring", "alice").display
#   end
#
# The C library is $REFERRAL_LIBRARY if set, else "referral" from the system.
require_relative "referral/version"
require_relative "referral/native"
require_relative "referral/errors"
require_relative "referral/convert"
require_relative "referral/types"
require_relative "referral/callback"
require_relative "referral/store"
require_relative "referral/reports"
require_relative "referral/paths"
require_relative "referral/links"
require_relative "referral/engagement"
require_relative "referral/rewards"
require_relative "referral/scoring"
require_relative "referral/exports"
require_relative "referral/fraud"
require_relative "referral/privacy"
require_relative "referral/voice"

module Referral
  DAY_MS = 86_400_000
  HOUR_MS = 3_600_000

  class << self
    # The linked C library's [major, minor, patch].
    def version
      parts = Array.new(3) { FFI::MemoryPointer.new(:int) }
      Native.rf_version(*parts)
      parts.map(&:read_int)
    end

    # The linked C library's version as "MAJOR.MINOR.PATCH".
    def version_string
      Native.rf_version_string.dup
    end

    # The on-disk schema version the linked library writes.
    def schema_version
      Native.rf_store_schema_version
    end

    # Normalise code input: upper-case, I/L -> 1, O -> 0, no hyphens or spaces.
    def normalize_code(input)
      buf = FFI::MemoryPointer.new(:char, Native::CODE_BUFSIZE)
      check!(Native.rf_code_normalize(buf, buf.size, Convert.text_in(input, "code")))
      buf.read_string.force_encoding(Encoding::UTF_8)
    end

    # Normalise an email as the fraud checks compare people: case, +tags, Gmail dots.
    def normalize_email(email)
      buf = FFI::MemoryPointer.new(:char, Native::EMAIL_BUFSIZE)
      check!(Native.rf_email_normalize(buf, buf.size, Convert.text_in(email, "email")))
      buf.read_string.force_encoding(Encoding::UTF_8)
    end
  end

  unless version.first(2) == Native::ABI
    raise VersionError.new("libreferral #{version_string} is linked; these bindings need " \
                           "#{Native::ABI.join('.')}", -8, 0)
  end
end
