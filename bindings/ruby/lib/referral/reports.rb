# frozen_string_literal: true

# Program reports: time series, splits and the funnel (include/referral/report.h).
module Referral
  # Granularities of a series (rf_period) and what a split groups by (rf_split_by).
  REPORT_PERIODS = { day: 1, week: 2, month: 3 }.freeze
  REPORT_SPLITS = { advocate: 1, channel: 2, kind: 3, content: 4 }.freeze

  module ReportValues
    module_function

    def of(c)
      Convert.each_item(c[:values], c[:value_count], Native::Money)
             .to_h { |m| [Convert.text_out(m[:currency]), m[:value_minor]] }.freeze
    end

    def choice(table, value, what)
      key = value.respond_to?(:to_sym) ? value.to_s.downcase.to_sym : nil
      table.fetch(key) { raise Referral.invalid("#{what}: expected one of #{table.keys.join(', ')}, got #{value.inspect}") }
    end
  end

  # One bucket of a series; values maps currency => net attributed minor units.
  ReportBucket = Struct.new(:start, :end, :touchpoints, :unique_visitors, :conversions,
                            :attributed_conversions, :conversion_rate, :active_advocates,
                            :values, keyword_init: true) do
    def self.from_native(c)
      new(start: Convert.time_out(c[:start_ms]), end: Convert.time_out(c[:end_ms]),
          touchpoints: c[:touchpoints], unique_visitors: c[:unique_visitors],
          conversions: c[:conversions], attributed_conversions: c[:attributed_conversions],
          conversion_rate: c[:conversion_rate], active_advocates: c[:active_advocates],
          values: ReportValues.of(c)).freeze
    end
  end

  # One group of a split (an advocate, a channel or an advocate kind).
  ReportSplitRow = Struct.new(:key, :name, :touchpoints, :unique_visitors,
                              :attributed_conversions, :credited_conversions, :values,
                              keyword_init: true) do
    def self.from_native(c)
      new(key: Convert.text_out(c[:key]), name: Convert.text_out(c[:name]),
          touchpoints: c[:touchpoints], unique_visitors: c[:unique_visitors],
          attributed_conversions: c[:attributed_conversions],
          credited_conversions: c[:credited_conversions], values: ReportValues.of(c)).freeze
    end
  end

  # click -> signup -> purchase over a period.
  ReportFunnel = Struct.new(:visitors, :signed_up, :purchased, :purchased_any, :signup_rate,
                            :purchase_rate, keyword_init: true) do
    def self.from_native(c)
      new(**members.to_h { |m| [m, c[m]] }).freeze
    end
  end

  # A period's money in one currency: value, reward cost, return on reward spend.
  ReportCurrency = Struct.new(:currency, :value_minor, :reward_cost_minor, :return_on_spend,
                              keyword_init: true)

  # A period's headline numbers (rf_report_summary_get); currencies by code.
  ReportSummary = Struct.new(:touchpoints, :unique_visitors, :conversions, :attributed_conversions,
                             :conversion_rate, :new_customers, :returning_customers,
                             :active_advocates, :k_factor, :currencies, keyword_init: true) do
    def self.from_native(c)
      money = Convert.each_item(c[:currencies], c[:currency_count], Native::ReportCurrency).to_h do |m|
        cur = Convert.text_out(m[:currency])
        [cur, ReportCurrency.new(currency: cur, value_minor: m[:value_minor],
                                 reward_cost_minor: m[:reward_cost_minor],
                                 return_on_spend: m[:return_on_spend]).freeze]
      end
      fields = (members - [:currencies]).to_h { |m| [m, c[m]] }
      new(**fields, currencies: money.freeze).freeze
    end
  end

  class Store
    # A time series of a program per period (:day, :week from Monday, :month; UTC).
    def report_series(program, period: :day, from: nil, to: nil)
      keep = []
      query = report_query(program, from, to, period, 0, keep)
      fetch(:rf_report_series_get, :rf_report_series_free, Native::ReportSeries, query) do |c, _|
        Convert.each_item(c[:buckets], c[:count], Native::ReportBucket)
               .map { |b| ReportBucket.from_native(b) }.freeze
      end
    end

    # The period split by :advocate, :channel or :kind, largest first.
    def report_split(program, by, from: nil, to: nil, limit: 0)
      keep = []
      query = report_query(program, from, to, :day, limit, keep)
      split = ReportValues.choice(REPORT_SPLITS, by, "by")
      fetch(:rf_report_split_get, :rf_report_split_free, Native::ReportSplit, query, split) do |c, _|
        Convert.each_item(c[:rows], c[:count], Native::ReportSplitRow)
               .map { |r| ReportSplitRow.from_native(r) }.freeze
      end
    end

    # Visitors with a touchpoint; of those, signed up; of those, purchased.
    def report_funnel(program, from: nil, to: nil)
      keep = []
      query = report_query(program, from, to, :day, 0, keep)
      fetch(:rf_report_funnel_get, :rf_report_funnel_free, Native::ReportFunnel, query) do |c, _|
        ReportFunnel.from_native(c)
      end
    end

    # A period's headline numbers: traffic, conversions, new and returning
    # customers, active advocates, K-factor, and per currency the value, the
    # reward cost and the return on reward spend.
    def report_summary(program, from: nil, to: nil)
      keep = []
      query = report_query(program, from, to, :day, 0, keep)
      fetch(:rf_report_summary_get, :rf_report_summary_free, Native::ReportSummary, query) do |c, _|
        ReportSummary.from_native(c)
      end
    end

    private

    def report_query(program, from, to, period, limit, keep)
      query = Native::ReportQuery.new
      Referral.check!(Native.rf_report_query_init(query, Native::REPORT_QUERY_VERSION))
      Convert.set_text(query, :program, program, "program", keep)
      query[:from_ms] = Convert.time_in(from, "from")
      query[:to_ms] = Convert.time_in(to, "to")
      query[:period] = ReportValues.choice(REPORT_PERIODS, period, "period")
      query[:limit] = Convert.uint32(limit, "limit")
      query
    end
  end
end
