# frozen_string_literal: true

module Referral
  RF_OK = 0
  RF_DUPLICATE = 1

  # A libreferral failure: +code+ is the negative rf_status, +message+ the
  # library's one-line explanation, +db_code+ the extended SQLite code (or 0).
  class Error < StandardError
    attr_reader :code, :db_code

    def initialize(message = nil, code = -1, db_code = 0)
      @code = code
      @db_code = db_code
      super(message || Referral.strerror(code))
    end
  end

  class InternalError < Error; end      # RF_ERROR (-1): unexpected failure
  class InvalidError < Error; end       # RF_EINVALID (-2): bad argument
  class NotFoundError < Error; end      # RF_ENOTFOUND (-3)
  class ExistsError < Error; end        # RF_EEXISTS (-4): id or code taken
  class ConflictError < Error; end      # RF_ECONFLICT (-5): order id reused with other data
  class BusyError < Error; end          # RF_EBUSY (-6): locked past the busy timeout; retry
  class OutOfMemoryError < Error; end   # RF_ENOMEM (-7)
  class VersionError < Error; end       # RF_EVERSION (-8)
  class MisuseError < Error; end        # RF_EMISUSE (-9): closed store, or used after fork
  class CorruptError < Error; end       # RF_ECORRUPT (-10)
  class IoError < Error; end            # RF_EIO (-11): disk full, cannot open, read-only
  class NotADatabaseError < Error; end  # RF_ENOTADB (-12)
  class CheckError < Error; end         # RF_ECHECK (-13): mistyped code
  class ExpiredError < Error; end       # RF_EEXPIRED (-14)
  class DisabledError < Error; end      # RF_EDISABLED (-15)
  class ExhaustedError < Error; end     # RF_EEXHAUSTED (-16)
  class TamperedError < Error; end      # RF_ETAMPERED (-17): signed link malformed or forged
  class LinkKeyError < Error; end       # RF_EKEY (-18): link key unknown, retired or none active
  class ConsentError < Error; end       # RF_ECONSENT (-19): the advocate has not consented
  class LimitError < Error; end         # RF_ELIMIT (-20): a frequency cap or limit is reached
  class CanceledError < Error; end      # RF_ECANCELED (-21): the progress callback stopped it

  # rf_status => exception class, one to one.
  ERRORS = {
    -1 => InternalError, -2 => InvalidError, -3 => NotFoundError, -4 => ExistsError,
    -5 => ConflictError, -6 => BusyError, -7 => OutOfMemoryError, -8 => VersionError,
    -9 => MisuseError, -10 => CorruptError, -11 => IoError, -12 => NotADatabaseError,
    -13 => CheckError, -14 => ExpiredError, -15 => DisabledError, -16 => ExhaustedError,
    -17 => TamperedError, -18 => LinkKeyError, -19 => ConsentError, -20 => LimitError,
    -21 => CanceledError
  }.freeze

  class << self
    # The exception class for a status code (Error when unknown).
    def error_class(code)
      ERRORS.fetch(code, Error)
    end

    # Static description of a status code, from the library.
    def strerror(code)
      Native.rf_strerror(code).dup.force_encoding(Encoding::UTF_8)
    end

    # The calling thread's last error as an exception object (not raised).
    def last_error
      err = Native.rf_error_last
      message = err[:message].null? ? nil : Convert.text_out(err[:message])
      error_class(err[:code]).new(message, err[:code], err[:db_code])
    end

    # Reset the calling thread's last error to RF_OK.
    def clear_error
      Native.rf_error_clear
    end

    # Raise the mapped exception for a negative status; return the status otherwise.
    # Called right after the C call on the same thread, so rf_error_last is ours.
    def check!(status)
      return status if status >= 0

      err = last_error
      err = error_class(status).new(strerror(status), status, 0) if err.code != status
      raise err
    end

    def invalid(message)
      InvalidError.new(message, -2, 0)
    end
  end
end
