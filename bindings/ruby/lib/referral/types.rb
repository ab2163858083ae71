# frozen_string_literal: true

module Referral
  # Plain Ruby records copied out of C objects; no C memory is kept. Times are
  # UTC Time, money is Integer minor units, enums are Symbols (:email, :last).

  # A program's rules. ProgramRules.default reads the C defaults.
  ProgramRules = Struct.new(:model, :code_length, :lookback_ms, :duplicate_window_ms,
                            :lock_first_referrer, keyword_init: true) do
    def self.default
      c = Native::ProgramRules.new
      Referral.check!(Native.rf_program_rules_init(c, Native::PROGRAM_RULES_VERSION))
      from_native(c)
    end

    def self.from_native(c)
      new(model: Convert.enum_out(:model, c[:model]), code_length: c[:code_length],
          lookback_ms: c[:lookback_ms], duplicate_window_ms: c[:duplicate_window_ms],
          lock_first_referrer: c[:lock_first_referrer] == 1).freeze
    end
  end

  Program = Struct.new(:id, :key, :name, :status, :rules_version, :rules, :created_at,
                       :updated_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], key: Convert.text_out(c[:key]), name: Convert.text_out(c[:name]),
          status: Convert.enum_out(:status, c[:status]), rules_version: c[:rules_version],
          rules: ProgramRules.from_native(Native::ProgramRules.new(c[:rules])),
          created_at: Convert.time_out(c[:created_at_ms]),
          updated_at: Convert.time_out(c[:updated_at_ms])).freeze
    end

    def archived?
      status == :archived
    end
  end

  Advocate = Struct.new(:id, :external_id, :kind, :display_name, :status, :has_email,
                        :created_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], external_id: Convert.text_out(c[:external_id]),
          kind: Convert.enum_out(:advocate_kind, c[:kind]),
          display_name: Convert.text_out(c[:display_name]),
          status: Convert.enum_out(:status, c[:status]), has_email: c[:has_email] == 1,
          created_at: Convert.time_out(c[:created_at_ms])).freeze
    end

    def active?
      status == :active
    end
  end

  # A tracking code; expires_at and max_uses are nil when unlimited.
  Code = Struct.new(:id, :code, :display, :program, :advocate, :channel, :status, :vanity,
                    :expires_at, :max_uses, :uses, :created_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], code: Convert.text_out(c[:code]), display: Convert.text_out(c[:display]),
          program: Convert.text_out(c[:program]), advocate: Convert.text_out(c[:advocate]),
          channel: Convert.enum_out(:channel, c[:channel]),
          status: Convert.enum_out(:status, c[:status]), vanity: c[:vanity] == 1,
          expires_at: Convert.optional_time_out(c[:expires_at_ms]),
          max_uses: c[:max_uses].zero? ? nil : c[:max_uses], uses: c[:uses],
          created_at: Convert.time_out(c[:created_at_ms])).freeze
    end

    def to_s
      display
    end
  end

  Touchpoint = Struct.new(:id, :visitor_id, :code, :program, :advocate, :channel, :kind, :at,
                          :duplicate, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], visitor_id: Convert.text_out(c[:visitor_id]),
          code: Convert.text_out(c[:code]), program: Convert.text_out(c[:program]),
          advocate: Convert.text_out(c[:advocate]),
          channel: Convert.enum_out(:channel, c[:channel]),
          kind: Convert.enum_out(:touchpoint_kind, c[:kind]), at: Convert.time_out(c[:at_ms]),
          duplicate: c[:duplicate] == 1).freeze
    end
  end

  Credit = Struct.new(:advocate, :code, :channel, :weight, :value_minor, keyword_init: true) do
    def self.from_native(c)
      new(advocate: Convert.text_out(c[:advocate]), code: Convert.text_out(c[:code]),
          channel: Convert.enum_out(:channel, c[:channel]), weight: c[:weight],
          value_minor: c[:value_minor]).freeze
    end
  end

  # A recorded conversion; duplicate is true when the order id had already been
  # recorded with the same data (RF_DUPLICATE): this is the original result.
  Conversion = Struct.new(:id, :program, :order_id, :visitor_id, :kind, :value_minor, :currency,
                          :at, :attributed, :model, :rules_version, :credits, :duplicate,
                          keyword_init: true) do
    def self.from_native(c, duplicate: false)
      credits = Convert.each_item(c[:credits], c[:credit_count], Native::Credit)
                       .map { |cr| Credit.from_native(cr) }.freeze
      new(id: c[:id], program: Convert.text_out(c[:program]),
          order_id: Convert.text_out(c[:order_id]), visitor_id: Convert.text_out(c[:visitor_id]),
          kind: Convert.enum_out(:conversion_kind, c[:kind]), value_minor: c[:value_minor],
          currency: Convert.text_out(c[:currency]), at: Convert.time_out(c[:at_ms]),
          attributed: c[:attributed] == 1, model: Convert.enum_out(:model, c[:model]),
          rules_version: c[:rules_version], credits: credits, duplicate: duplicate).freeze
    end
  end

  ExplainedTouch = Struct.new(:touchpoint_id, :code, :advocate, :channel, :kind, :at, :weight,
                              :value_minor, :note, keyword_init: true) do
    def self.from_native(c)
      new(touchpoint_id: c[:touchpoint_id], code: Convert.text_out(c[:code]),
          advocate: Convert.text_out(c[:advocate]),
          channel: Convert.enum_out(:channel, c[:channel]),
          kind: Convert.enum_out(:touchpoint_kind, c[:kind]), at: Convert.time_out(c[:at_ms]),
          weight: c[:weight], value_minor: c[:value_minor],
          note: Convert.text_out(c[:note])).freeze
    end
  end

  Explanation = Struct.new(:program, :order_id, :model, :rules_version, :lookback_ms,
                           :window_start, :window_end, :summary, :touches,
                           keyword_init: true) do
    def self.from_native(c)
      touches = Convert.each_item(c[:touches], c[:touch_count], Native::ExplainedTouch)
                       .map { |t| ExplainedTouch.from_native(t) }.freeze
      new(program: Convert.text_out(c[:program]), order_id: Convert.text_out(c[:order_id]),
          model: Convert.enum_out(:model, c[:model]), rules_version: c[:rules_version],
          lookback_ms: c[:lookback_ms], window_start: Convert.time_out(c[:window_start_ms]),
          window_end: Convert.time_out(c[:window_end_ms]),
          summary: Convert.text_out(c[:summary]), touches: touches).freeze
    end
  end

  # Counts over a period; values maps currency => attributed minor units.
  Stats = Struct.new(:touchpoints, :unique_touchpoints, :unique_visitors, :conversions,
                     :attributed_conversions, :credited_conversions, :conversion_rate, :values,
                     keyword_init: true) do
    def self.from_native(c)
      values = Convert.each_item(c[:values], c[:value_count], Native::Money)
                      .to_h { |m| [Convert.text_out(m[:currency]), m[:value_minor]] }.freeze
      new(touchpoints: c[:touchpoints], unique_touchpoints: c[:unique_touchpoints],
          unique_visitors: c[:unique_visitors], conversions: c[:conversions],
          attributed_conversions: c[:attributed_conversions],
          credited_conversions: c[:credited_conversions],
          conversion_rate: c[:conversion_rate], values: values).freeze
    end
  end
end
