# frozen_string_literal: true

module Referral
  # Plain Ruby records copied out of C objects; no C memory is kept. Times are
  # UTC Time, money is Integer minor units, enums are Symbols (:email, :last).

  # A program's rules. ProgramRules.default reads the C defaults.
  # position_first_bp/position_last_bp: the position model's first and last
  # shares in basis points (4000 = 40%); custom_weights: the custom model's
  # relative weights by position (an Array of Integers, the last repeating);
  # sale_follows_lead: a purchase after an attributed signup is credited as the
  # signup was; renewal_months: renewals within this many months of the first
  # purchase go to its referrer (0 = never).
  ProgramRules = Struct.new(:model, :code_length, :lookback_ms, :duplicate_window_ms,
                            :lock_first_referrer, :half_life_ms, :position_first_bp,
                            :position_last_bp, :custom_weights, :sale_follows_lead,
                            :renewal_months, keyword_init: true) do
    def self.default
      c = Native::ProgramRules.new
      Referral.check!(Native.rf_program_rules_init(c, Native::PROGRAM_RULES_VERSION))
      from_native(c)
    end

    def self.from_native(c)
      count = c[:custom_count]
      weights = count.zero? || c[:custom_weights].null? ? [] : c[:custom_weights].read_array_of_int32(count)
      new(model: Convert.enum_out(:model, c[:model]), code_length: c[:code_length],
          lookback_ms: c[:lookback_ms], duplicate_window_ms: c[:duplicate_window_ms],
          lock_first_referrer: c[:lock_first_referrer] == 1, half_life_ms: c[:half_life_ms],
          position_first_bp: c[:position_first_bp], position_last_bp: c[:position_last_bp],
          custom_weights: weights.freeze, sale_follows_lead: c[:sale_follows_lead] == 1,
          renewal_months: c[:renewal_months]).freeze
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
                        :created_at, :customer_id, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], external_id: Convert.text_out(c[:external_id]),
          kind: Convert.enum_out(:advocate_kind, c[:kind]),
          display_name: Convert.text_out(c[:display_name]),
          status: Convert.enum_out(:status, c[:status]), has_email: c[:has_email] == 1,
          created_at: Convert.time_out(c[:created_at_ms]),
          customer_id: Convert.optional_text_out(c[:customer_id])).freeze
    end

    def active?
      status == :active
    end
  end

  # A tracking code; expires_at and max_uses are nil when unlimited.
  Code = Struct.new(:id, :code, :display, :program, :advocate, :channel, :status, :vanity,
                    :expires_at, :max_uses, :uses, :created_at, :content, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], code: Convert.text_out(c[:code]), display: Convert.text_out(c[:display]),
          program: Convert.text_out(c[:program]), advocate: Convert.text_out(c[:advocate]),
          channel: Convert.enum_out(:channel, c[:channel]),
          status: Convert.enum_out(:status, c[:status]), vanity: c[:vanity] == 1,
          expires_at: Convert.optional_time_out(c[:expires_at_ms]),
          max_uses: c[:max_uses].zero? ? nil : c[:max_uses], uses: c[:uses],
          created_at: Convert.time_out(c[:created_at_ms]),
          content: Convert.text_out(c[:content])).freeze
    end

    def to_s
      display
    end
  end

  Touchpoint = Struct.new(:id, :visitor_id, :code, :program, :advocate, :channel, :kind, :at,
                          :duplicate, :direct, :bot, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], visitor_id: Convert.text_out(c[:visitor_id]),
          code: Convert.text_out(c[:code]), program: Convert.text_out(c[:program]),
          advocate: Convert.text_out(c[:advocate]),
          channel: Convert.enum_out(:channel, c[:channel]),
          kind: Convert.enum_out(:touchpoint_kind, c[:kind]), at: Convert.time_out(c[:at_ms]),
          duplicate: c[:duplicate] == 1, direct: c[:direct] == 1,
          bot: c[:duplicate] == 2).freeze
    end
  end

  # One advocate's share of a conversion; refunded_minor is its share of refunds.
  Credit = Struct.new(:advocate, :code, :channel, :weight, :value_minor, :refunded_minor,
                      keyword_init: true) do
    def self.from_native(c)
      new(advocate: Convert.text_out(c[:advocate]), code: Convert.text_out(c[:code]),
          channel: Convert.enum_out(:channel, c[:channel]), weight: c[:weight],
          value_minor: c[:value_minor], refunded_minor: c[:refunded_minor]).freeze
    end

    def net_minor
      value_minor - refunded_minor
    end
  end

  # A recorded conversion; duplicate is true when the call repeated an earlier
  # one (RF_DUPLICATE, or the C field replayed: the order id, or a refund's id,
  # already recorded with the same data) and nothing changed. customer_id and
  # follows_order (whose credit this inherited) are nil when none;
  # refunded_minor is the total refunded.
  Conversion = Struct.new(:id, :program, :order_id, :visitor_id, :kind, :value_minor, :currency,
                          :at, :attributed, :model, :rules_version, :credits, :duplicate,
                          :customer_id, :refunded_minor, :follows_order,
                          keyword_init: true) do
    def self.from_native(c, duplicate: false)
      credits = Convert.each_item(c[:credits], c[:credit_count], Native::Credit)
                       .map { |cr| Credit.from_native(cr) }.freeze
      new(id: c[:id], program: Convert.text_out(c[:program]),
          order_id: Convert.text_out(c[:order_id]), visitor_id: Convert.text_out(c[:visitor_id]),
          kind: Convert.enum_out(:conversion_kind, c[:kind]), value_minor: c[:value_minor],
          currency: Convert.text_out(c[:currency]), at: Convert.time_out(c[:at_ms]),
          attributed: c[:attributed] == 1, model: Convert.enum_out(:model, c[:model]),
          rules_version: c[:rules_version], credits: credits,
          duplicate: duplicate || c[:replayed] == 1,
          customer_id: Convert.optional_text_out(c[:customer_id]),
          refunded_minor: c[:refunded_minor],
          follows_order: Convert.optional_text_out(c[:follows_order])).freeze
    end

    def net_minor
      value_minor - refunded_minor
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
                           :window_start, :window_end, :summary, :touches, :parameters,
                           :currency, keyword_init: true) do
    def self.from_native(c)
      touches = Convert.each_item(c[:touches], c[:touch_count], Native::ExplainedTouch)
                       .map { |t| ExplainedTouch.from_native(t) }.freeze
      new(program: Convert.text_out(c[:program]), order_id: Convert.text_out(c[:order_id]),
          model: Convert.enum_out(:model, c[:model]), rules_version: c[:rules_version],
          lookback_ms: c[:lookback_ms], window_start: Convert.time_out(c[:window_start_ms]),
          window_end: Convert.time_out(c[:window_end_ms]),
          summary: Convert.text_out(c[:summary]), touches: touches,
          parameters: Convert.text_out(c[:parameters]),
          currency: Convert.text_out(c[:currency])).freeze
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

  # One advocate's value in a fitted model (Markov: removal effect; Shapley:
  # conversions) and its share of the sum.
  FitValue = Struct.new(:advocate, :value, :weight, keyword_init: true) do
    def self.from_native(c)
      new(advocate: Convert.text_out(c[:advocate]), value: c[:value], weight: c[:weight]).freeze
    end
  end

  # A data-driven model fitted on a program's journeys; values largest first.
  Fit = Struct.new(:model, :journeys, :conversions, :p_conversion, :fitted_at, :values,
                   keyword_init: true) do
    def self.from_native(c)
      values = Convert.each_item(c[:values], c[:count], Native::FitValue)
                      .map { |v| FitValue.from_native(v) }.freeze
      new(model: Convert.enum_out(:model, c[:model]), journeys: c[:journeys],
          conversions: c[:conversions], p_conversion: c[:p_conversion],
          fitted_at: Convert.time_out(c[:fitted_at_ms]), values: values).freeze
    end

    # advocate => weight
    def weights
      values.to_h { |v| [v.advocate, v.weight] }
    end
  end

  # Credit of one advocate or channel (target :advocate or :channel) in one
  # currency, stored vs replayed.
  ReplayRow = Struct.new(:target, :name, :currency, :current_conversions, :replay_conversions,
                         :current_value_minor, :replay_value_minor, keyword_init: true) do
    def self.from_native(c)
      new(target: Convert.enum_out(:target, c[:target]), name: Convert.text_out(c[:name]),
          currency: Convert.text_out(c[:currency]),
          current_conversions: c[:current_conversions],
          replay_conversions: c[:replay_conversions],
          current_value_minor: c[:current_value_minor],
          replay_value_minor: c[:replay_value_minor]).freeze
    end

    def delta_conversions
      replay_conversions - current_conversions
    end

    def delta_value_minor
      replay_value_minor - current_value_minor
    end
  end

  # A what-if replay: rows for advocates then channels, by name then currency.
  Replay = Struct.new(:conversions, :changed, :rows, keyword_init: true) do
    def self.from_native(c)
      rows = Convert.each_item(c[:rows], c[:count], Native::ReplayRow)
                    .map { |r| ReplayRow.from_native(r) }.freeze
      new(conversions: c[:conversions], changed: c[:changed], rows: rows).freeze
    end

    def advocates
      rows.select { |r| r.target == :advocate }
    end

    def channels
      rows.select { |r| r.target == :channel }
    end
  end

  # Credit of one channel from offline path attribution (Referral::Paths).
  PathCredit = Struct.new(:channel, :conversions, :value, keyword_init: true) do
    def self.from_native(c)
      new(channel: Convert.text_out(c[:channel]), conversions: c[:conversions],
          value: c[:value]).freeze
    end
  end
end
