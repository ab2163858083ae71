# frozen_string_literal: true

# Engagement (include/referral/consent.h and, as they land, the outbox,
# content, stages, testimonials and reference asks).
module Referral
  # rf_consent_purpose values by name.
  CONSENT_PURPOSES = { tracking: 1, messages: 2 }.freeze

  # One recorded grant or withdrawal.
  ConsentChange = Struct.new(:purpose, :granted, :source, :at, keyword_init: true)

  # An advocate's consent now, and every change (oldest first).
  Consent = Struct.new(:advocate, :tracking, :messages, :tracking_at, :messages_at, :history,
                       keyword_init: true) do
    def self.from_native(c)
      history = Convert.each_item(c[:items], c[:count], Native::ConsentChange).map do |h|
        ConsentChange.new(purpose: CONSENT_PURPOSES.key(h[:purpose]) || h[:purpose],
                          granted: h[:granted] == 1, source: Convert.text_out(h[:source]),
                          at: Convert.time_out(h[:at_ms])).freeze
      end
      new(advocate: Convert.text_out(c[:advocate]), tracking: c[:tracking] == 1,
          messages: c[:messages] == 1, tracking_at: Convert.optional_time_out(c[:tracking_at_ms]),
          messages_at: Convert.optional_time_out(c[:messages_at_ms]),
          history: history.freeze).freeze
    end
  end

  # A program's engagement settings; config_version 0 means the defaults.
  ENGAGEMENT_FIELDS = %i[cap_messages cap_window_ms active_min_activities referring_min_referrals
                         champion_min_referrals dormant_after_ms ask_cap ask_window_ms].freeze
  EngagementConfig = Struct.new(*ENGAGEMENT_FIELDS, :config_version, keyword_init: true)

  # rf_message_status values by name.
  MESSAGE_STATUSES = { 0 => :queued, 1 => :delivered, 2 => :held }.freeze

  # A message in the outbox (automated is always true).
  Message = Struct.new(:id, :program, :advocate, :kind, :body, :status, :automated, :reason,
                       :event_at, :queued_at, :acked_at, :config_version, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], program: Convert.text_out(c[:program]),
          advocate: Convert.text_out(c[:advocate]), kind: Convert.text_out(c[:kind]),
          body: Convert.text_out(c[:body]), status: MESSAGE_STATUSES.fetch(c[:status], c[:status]),
          automated: c[:automated] == 1, reason: Convert.text_out(c[:reason]),
          event_at: Convert.time_out(c[:event_at_ms]), queued_at: Convert.time_out(c[:queued_at_ms]),
          acked_at: Convert.optional_time_out(c[:acked_at_ms]),
          config_version: c[:config_version]).freeze
    end
  end

  # One change of lifecycle stage (previous nil for the first placement).
  StageChange = Struct.new(:stage, :previous, :at, :config_version, keyword_init: true)

  # An advocate's lifecycle stage in a program (:invited, :active, :referring,
  # :champion, :dormant), its counts and its history (oldest first).
  StageInfo = Struct.new(:program, :advocate, :stage, :since, :activities, :referrals,
                         :last_activity_at, :last_referral_at, :config_version, :history,
                         keyword_init: true) do
    def self.from_native(c)
      history = Convert.each_item(c[:items], c[:count], Native::StageChange).map do |h|
        StageChange.new(stage: Convert.enum_out(:stage, h[:stage]),
                        previous: h[:previous].zero? ? nil : Convert.enum_out(:stage, h[:previous]),
                        at: Convert.time_out(h[:at_ms]), config_version: h[:config_version]).freeze
      end
      new(program: Convert.text_out(c[:program]), advocate: Convert.text_out(c[:advocate]),
          stage: Convert.enum_out(:stage, c[:stage]), since: Convert.optional_time_out(c[:since_ms]),
          activities: c[:activities], referrals: c[:referrals],
          last_activity_at: Convert.optional_time_out(c[:last_activity_at_ms]),
          last_referral_at: Convert.optional_time_out(c[:last_referral_at_ms]),
          config_version: c[:config_version], history: history.freeze).freeze
    end
  end

  # How many advocates of a program are in each stage.
  STAGE_COUNT_FIELDS = %i[config_version advocates invited active referring champion dormant].freeze
  StageCounts = Struct.new(:program, *STAGE_COUNT_FIELDS, keyword_init: true) do
    def self.from_native(c)
      new(program: Convert.text_out(c[:program]),
          **STAGE_COUNT_FIELDS.to_h { |f| [f, c[f]] }).freeze
    end
  end

  # A content item of a program's library (min_tier "" when any tier).
  Content = Struct.new(:id, :program, :key, :title, :url, :kind, :stages, :min_tier, :status,
                       :created_at, keyword_init: true) do
    def self.from_native(c)
      stages = (1..5).select { |s| c[:stages].anybits?(1 << s) }
                     .map { |s| Convert.enum_out(:stage, s) }.freeze
      new(id: c[:id], program: Convert.text_out(c[:program]), key: Convert.text_out(c[:key]),
          title: Convert.text_out(c[:title]), url: Convert.text_out(c[:url]),
          kind: Convert.enum_out(:content_kind, c[:kind]), stages: stages,
          min_tier: Convert.text_out(c[:min_tier]), status: Convert.enum_out(:status, c[:status]),
          created_at: Convert.time_out(c[:created_at_ms])).freeze
    end
  end

  # How one item performed over a period (value in the stats' currency).
  ContentStat = Struct.new(:key, :title, :kind, :status, :codes, :clicks, :unique_visitors,
                           :conversions, :value_minor, keyword_init: true)

  # Content performance, best first (value, then clicks, then key).
  ContentStats = Struct.new(:program, :start, :end, :currency, :items, keyword_init: true) do
    def self.from_native(c)
      items = Convert.each_item(c[:items], c[:count], Native::ContentStat).map do |i|
        ContentStat.new(key: Convert.text_out(i[:key]), title: Convert.text_out(i[:title]),
                        kind: Convert.enum_out(:content_kind, i[:kind]),
                        status: Convert.enum_out(:status, i[:status]), codes: i[:codes],
                        clicks: i[:clicks], unique_visitors: i[:unique_visitors],
                        conversions: i[:conversions], value_minor: i[:value_minor]).freeze
      end
      new(program: Convert.text_out(c[:program]), start: Convert.optional_time_out(c[:from_ms]),
          end: Convert.optional_time_out(c[:to_ms]), currency: Convert.text_out(c[:currency]),
          items: items.freeze).freeze
    end
  end

  class Store
    # Add an item (a URL or document reference) offered to +stages+ (default all)
    # from +min_tier+ up (default any).
    def add_content(program, key, title:, url:, kind: nil, stages: nil, min_tier: nil)
      content_write(:rf_content_add, program, key, title, url, kind, stages, min_tier)
    end

    # Replace an item's title, URL, kind, stages and minimum tier.
    def update_content(program, key, title:, url:, kind: nil, stages: nil, min_tier: nil)
      content_write(:rf_content_update, program, key, title, url, kind, stages, min_tier)
    end

    # Archive an item: no longer offered; its codes and performance stay.
    def archive_content(program, key)
      invoke(:rf_content_archive, [], text(program, "program"), text(key, "key"))
      nil
    end

    # A program's items, newest first (archived ones too with archived: true).
    def content_list(program, archived: false)
      fetch(:rf_content_list_get, :rf_content_list_free, Native::ContentList,
            text(program, "program"), archived ? Native::CONTENT_ARCHIVED : 0) do |c, _|
        content_items(c)
      end
    end

    # What an advocate should see now (stage and tier), newest first.
    def content_for(program, advocate, limit: 0)
      fetch(:rf_content_for, :rf_content_list_free, Native::ContentList, text(program, "program"),
            text(advocate, "advocate"), Convert.uint32(limit, "limit")) { |c, _| content_items(c) }
    end

    # Clicks, unique visitors, conversions and attributed value per item over
    # [from, to), best first.
    def content_performance(program, from: nil, to: nil, currency: nil, top: 0)
      fetch(:rf_content_performance, :rf_content_stats_free, Native::ContentStats,
            text(program, "program"), Convert.time_in(from, "from"), Convert.time_in(to, "to"),
            text(currency, "currency"), Convert.uint32(top, "top")) do |c, _|
        ContentStats.from_native(c)
      end
    end

    # An advocate's lifecycle stage in a program and its history.
    def stage(program, advocate)
      fetch(:rf_stage_get, :rf_stage_free, Native::Stage, text(program, "program"),
            text(advocate, "advocate")) { |c, _| StageInfo.from_native(c) }
    end

    # Advocates per stage in a program.
    def stage_counts(program)
      fetch(:rf_stage_counts_get, :rf_stage_counts_free, Native::StageCounts,
            text(program, "program")) { |c, _| StageCounts.from_native(c) }
    end

    # Re-evaluate every advocate's stage at +at+ (default: the store's clock);
    # dormant advocates get a nudge. Returns how many stages changed.
    def refresh_stages(program, at: nil)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_stage_refresh, [out], text(program, "program"), Convert.time_in(at, "at"))
      out.read_int64
    end

    # The program's engagement configuration in force.
    def engagement_config(program)
      c = Native::EngagementConfig.new
      Referral.check!(Native.rf_engagement_config_init(c, Native::ENGAGEMENT_CONFIG_VERSION))
      version = FFI::MemoryPointer.new(:int64)
      @lock.synchronize do
        raise MisuseError.new("the store is closed", -9) if @handle.nil?

        Referral.check!(Native.rf_engagement_config_get(c, version, @handle, text(program, "program")))
      end
      EngagementConfig.new(**ENGAGEMENT_FIELDS.to_h { |f| [f, c[f]] },
                           config_version: version.read_int64).freeze
    end

    # Set the configuration: the current one with +changes+; returns the version in force.
    def set_engagement_config(program, **changes)
      current = engagement_config(program).to_h
      unknown = changes.keys - ENGAGEMENT_FIELDS
      raise ArgumentError, "unknown settings: #{unknown.join(', ')}" unless unknown.empty?

      c = Native::EngagementConfig.new
      Referral.check!(Native.rf_engagement_config_init(c, Native::ENGAGEMENT_CONFIG_VERSION))
      ENGAGEMENT_FIELDS.each { |f| c[f] = Convert.int64(changes.fetch(f, current[f]), f.to_s) }
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_engagement_config_set, [out], text(program, "program"), c)
      out.read_int64
    end

    # Set the program's template for +kind+ (nil restores the built-in one).
    def set_template(program, kind, body)
      invoke(:rf_template_set, [], text(program, "program"), text(kind, "kind"), text(body, "body"))
      nil
    end

    # Ask for a message; consent and the frequency cap decide (:queued or :held).
    def send_message(program, advocate, kind, vars = nil)
      json = vars.nil? ? nil : message_vars(vars)
      fetch(:rf_outbox_send, :rf_message_free, Native::Message, text(program, "program"),
            text(advocate, "advocate"), text(kind, "kind"), json) { |c, _| Message.from_native(c) }
    end

    # Messages after +cursor+ (queued only unless all:) and the next cursor.
    def outbox(program = nil, cursor: 0, limit: 100, all: false)
      fetch(:rf_outbox_list, :rf_messages_free, Native::Messages, text(program, "program"),
            Convert.int64(cursor, "cursor"), Convert.uint32(limit, "limit"),
            all ? Native::OUTBOX_ALL : 0) do |c, _|
        [Convert.each_item(c[:items], c[:count], Native::Message)
                .map { |m| Message.from_native(m) }.freeze, c[:next_cursor]]
      end
    end

    # Acknowledge delivery of every queued message with id <= through.
    def ack_messages(through)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_outbox_ack, [out], Convert.int64(through, "through"))
      out.read_int64
    end

    # Deliver every queued message to the block, acknowledging each batch; returns the count.
    def drain_outbox(program = nil, batch: 100)
      done = 0
      cursor = 0
      loop do
        messages, cursor = outbox(program, cursor: cursor, limit: batch)
        return done if messages.empty?

        messages.each { |m| yield m }
        ack_messages(cursor)
        done += messages.size
      end
    end
    # Grant (true) or withdraw (false) consent for :tracking or :messages.
    def set_consent(advocate, purpose, granted, source:)
      raise TypeError, "granted: expected true or false" unless [true, false].include?(granted)

      invoke(:rf_consent_set, [], text(advocate, "advocate"), consent_purpose(purpose),
             granted ? 1 : 0, text(source, "source"))
      nil
    end

    # An advocate's consent and its history.
    def consent(advocate)
      fetch(:rf_consent_get, :rf_consent_free, Native::Consent, text(advocate, "advocate")) do |c, _|
        Consent.from_native(c)
      end
    end

    private

    def content_items(c)
      Convert.each_item(c[:items], c[:count], Native::Content).map { |i| Content.from_native(i) }.freeze
    end

    def content_write(fn, program, key, title, url, kind, stages, min_tier)
      keep = []
      spec = Native::ContentSpec.new
      Referral.check!(Native.rf_content_spec_init(spec, Native::CONTENT_SPEC_VERSION))
      Convert.set_text(spec, :program, program, "program", keep)
      Convert.set_text(spec, :key, key, "key", keep)
      Convert.set_text(spec, :title, title, "title", keep)
      Convert.set_text(spec, :url, url, "url", keep)
      spec[:kind] = Convert.enum_in(:content_kind, kind, "kind") unless kind.nil?
      spec[:stages] = stage_mask(stages) unless stages.nil?
      Convert.set_text(spec, :min_tier, min_tier, "min_tier", keep)
      fetch(fn, :rf_content_free, Native::Content, spec) { |c, _| Content.from_native(c) }
    end

    def stage_mask(stages)
      Array(stages).reduce(0) do |mask, s|
        value = Convert.enum_in(:stage, s, "stages")
        raise Referral.invalid("stages: #{s.inspect} is not a stage") unless value.between?(1, 31)

        mask | (1 << value)
      end
    end

    def message_vars(vars)
      raise TypeError, "vars: expected a Hash, got #{vars.class}" unless vars.is_a?(Hash)

      require "json"
      text(JSON.generate(vars.transform_keys(&:to_s)), "vars")
    end

    def consent_purpose(value)
      case value
      when Symbol, String
        CONSENT_PURPOSES.fetch(value.to_sym) { raise Referral.invalid("purpose: unknown #{value.inspect}") }
      when Integer then Convert.int32(value, "purpose")
      else raise TypeError, "purpose: expected Symbol, got #{value.class}"
      end
    end
  end
end
