# frozen_string_literal: true

# Activities and scores (include/referral/activity.h, score.h).
module Referral
  # A recorded activity (content "" and answer nil when none).
  Activity = Struct.new(:id, :advocate, :type, :at, :channel, :content, :answer,
                        keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], advocate: Convert.text_out(c[:advocate]),
          type: Convert.enum_out(:activity, c[:type]), at: Convert.time_out(c[:at_ms]),
          channel: Convert.enum_out(:channel, c[:channel]),
          content: Convert.text_out(c[:content]),
          answer: c[:answer].negative? ? nil : c[:answer]).freeze
    end
  end

  class Store
    # Record an advocate's activity (type: :share, :review, :survey, ... or an
    # Integer); a survey needs answer: 0..10. Returns its id.
    def record_activity(program, advocate, type, at: nil, channel: nil, content: nil, answer: nil)
      keep = []
      spec = activity_spec({ program: program, advocate: advocate, type: type, at: at,
                             channel: channel, content: content, answer: answer }, keep)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_activity_record, [out], spec)
      out.read_int64
    end

    # Record many activities (Hashes with :program, :advocate, :type and
    # record_activity's keywords) in one transaction, all or nothing.
    def record_activities(specs)
      keep = []
      structs = specs.map { |s| activity_spec(s, keep) }
      array = FFI::MemoryPointer.new(:pointer, [structs.size, 1].max)
      array.write_array_of_pointer(structs.map(&:pointer)) unless structs.empty?
      invoke(:rf_activity_record_batch, [], array, structs.size)
      structs.size
    end

    # A program's activities (or one advocate's), newest first.
    def activities(program, advocate: nil, since: nil, until_time: nil, limit: 0)
      fetch(:rf_activity_list_get, :rf_activity_list_free, Native::ActivityList,
            text(program, "program"), advocate.nil? ? nil : text(advocate, "advocate"),
            since.nil? ? 0 : Convert.time_in(since, "since"),
            until_time.nil? ? 0 : Convert.time_in(until_time, "until"),
            Convert.int64(limit, "limit")) do |c, _|
        Convert.each_item(c[:items], c[:count], Native::Activity).map { |a| Activity.from_native(a) }
      end
    end

    private

    def activity_spec(s, keep)
      spec = Native::ActivitySpec.new
      Referral.check!(Native.rf_activity_spec_init(spec, Native::ACTIVITY_SPEC_VERSION))
      Convert.set_text(spec, :program, s[:program], "program", keep)
      Convert.set_text(spec, :advocate, s[:advocate], "advocate", keep)
      raise Referral.invalid("type: required") if s[:type].nil?

      set_enum(spec, :type, :activity, s[:type])
      spec[:at_ms] = Convert.time_in(s[:at], "at") unless s[:at].nil?
      set_enum(spec, :channel, :channel, s[:channel])
      Convert.set_text(spec, :content, s[:content], "content", keep)
      spec[:answer] = s[:answer].nil? ? -1 : Convert.int32(s[:answer], "answer")
      spec
    end
  end
end
