# frozen_string_literal: true

# Exports and imports (include/referral/export.h).
#
#   csv = store.export("spring", :conversions)                 # a String
#   File.open("touches.json", "wb") { |f| store.export("spring", format: :json, io: f) }
#   store.import_csv("spring", :touchpoints, File.open("touches.csv", "rb"))
require "stringio"

module Referral
  EXPORT_WHATS = { touchpoints: 1, conversions: 2, attributions: 3, codes: 4, rewards: 5, scores: 6 }.freeze
  EXPORT_FORMATS = { csv: 1, json: 2 }.freeze

  class Store
    # Stream an export of :touchpoints, :conversions, :attributions or :codes
    # as :csv or :json, chunk by chunk. With io: (anything with #write) or a
    # block, chunks go there and the row count is returned; otherwise the
    # whole export is returned as a String. pseudonyms: true replaces visitor
    # and customer ids with keyed hashes.
    def export(program, what = :touchpoints, format: :csv, from: nil, to: nil,
               pseudonyms: false, io: nil, &block)
      keep = []
      opts = Native::ExportOptions.new
      Referral.check!(Native.rf_export_options_init(opts, Native::EXPORT_OPTIONS_VERSION))
      Convert.set_text(opts, :program, program, "program", keep)
      opts[:what] = ReportValues.choice(EXPORT_WHATS, what, "what")
      opts[:format] = ReportValues.choice(EXPORT_FORMATS, format, "format")
      opts[:from_ms] = Convert.time_in(from, "from")
      opts[:to_ms] = Convert.time_in(to, "to")
      opts[:flags] = pseudonyms ? Native::EXPORT_PSEUDONYMS : 0
      whole = io.nil? && block.nil? ? String.new(encoding: Encoding::UTF_8) : nil
      sink = block || (io ? io.method(:write) : whole.method(:<<))
      rows = with_callback(:int, %i[pointer pointer size_t], 1, lambda { |_p, data, len|
        sink.call(data.read_bytes(len).force_encoding(Encoding::UTF_8))
        0
      }) { |fn| count_rows { |out| invoke(:rf_export, [out], opts, fn, nil) } }
      whole ? whole.freeze : rows
    end

    # Import CSV (a String or anything with #read) of :codes, :touchpoints or
    # :conversions in one transaction; returns the row count. A bad row
    # raises (InvalidError, NotFoundError, ...) with "line N, column C" in
    # its message, and nothing is written.
    def import_csv(program, what, source)
      keep = []
      opts = Native::ImportOptions.new
      Referral.check!(Native.rf_import_options_init(opts, Native::IMPORT_OPTIONS_VERSION))
      Convert.set_text(opts, :program, program, "program", keep)
      opts[:what] = ReportValues.choice(EXPORT_WHATS, what, "what")
      reader = source.is_a?(String) ? StringIO.new(source.b) : source
      with_callback(:int64, %i[pointer pointer size_t], -1, lambda { |_p, buf, size|
        chunk = reader.read(size)
        next 0 if chunk.nil?
        raise ArgumentError, "read returned more than asked" if chunk.bytesize > size

        buf.put_bytes(0, chunk)
        chunk.bytesize
      }) { |fn| count_rows { |out| invoke(:rf_import, [out], opts, fn, nil) } }
    end

    private

    # Yield a C function over `body` (see Callback); an exception inside it
    # is raised instead of the library's error once the C call returns.
    def with_callback(ret, args, failed, body)
      callback = Callback.new(ret, args, failed, &body)
      begin
        yield callback.function
      rescue Referral::Error
        callback.raise_pending!
        raise
      end
    end

    def count_rows
      out = FFI::MemoryPointer.new(:int64)
      yield out
      out.read_int64
    end
  end
end
