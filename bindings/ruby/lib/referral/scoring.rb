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

  ScoreConfig = Struct.new(:version, :activity_weights, :activity_half_life_ms,
                           :value_half_life_ms, :weight_activity, :weight_value, :weight_quality,
                           :weight_network, :activity_half_points, :value_half_minor,
                           :risk_percent, :tiers, keyword_init: true)
  ScoreComponent = Struct.new(:name, :raw, :normalized, :weight, :points, keyword_init: true)
  ScoreEvent = Struct.new(:kind, :id, :ref, :at, :raw, :points, keyword_init: true)
  Badge = Struct.new(:kind, :period, :at, keyword_init: true)
  # An advocate's explainable score (0..100) and what produced it.
  Score = Struct.new(:program, :advocate, :score, :config_version, :at, :risk, :activities,
                     :referrals, :kept, :value_net_minor, :last_at, :tier, :tier_name, :rfm,
                     :components, :events, :badges, keyword_init: true) do
    def component(name)
      components.find { |c| c.name == name.to_s }
    end

    def self.from_native(c)
      comps = Convert.each_item(c[:components], c[:component_count], Native::ScoreComponent).map do |x|
        ScoreComponent.new(name: Convert.text_out(x[:name]), raw: x[:raw], normalized: x[:normalized],
                           weight: x[:weight], points: x[:points]).freeze
      end
      events = Convert.each_item(c[:events], c[:event_count], Native::ScoreEvent).map do |e|
        ScoreEvent.new(kind: Convert.text_out(e[:kind]), id: e[:id], ref: Convert.text_out(e[:ref]),
                       at: Convert.time_out(e[:at_ms]), raw: e[:raw], points: e[:points]).freeze
      end
      badges = Convert.each_item(c[:badges], c[:badge_count], Native::Badge).map do |b|
        Badge.new(kind: Convert.enum_out(:badge, b[:kind]),
                  period: Convert.optional_time_out(b[:period_ms]),
                  at: Convert.time_out(b[:at_ms])).freeze
      end
      new(program: Convert.text_out(c[:program]), advocate: Convert.text_out(c[:advocate]),
          score: c[:score], config_version: c[:config_version], at: Convert.time_out(c[:at_ms]),
          risk: c[:risk], activities: c[:activities], referrals: c[:referrals], kept: c[:kept],
          value_net_minor: c[:value_net_minor], last_at: Convert.optional_time_out(c[:last_at_ms]),
          tier: c[:tier], tier_name: Convert.text_out(c[:tier_name]),
          rfm: [c[:recency_q], c[:frequency_q], c[:value_q]], components: comps, events: events,
          badges: badges).freeze
    end
  end
  LeaderboardEntry = Struct.new(:rank, :advocate, :display_name, :metric, :referrals,
                                :value_minor, keyword_init: true) do
    def self.from_native(c)
      new(rank: c[:rank], advocate: Convert.text_out(c[:advocate]),
          display_name: Convert.text_out(c[:display_name]), metric: c[:metric],
          referrals: c[:referrals], value_minor: c[:value_minor]).freeze
    end
  end
  Leaderboard = Struct.new(:since, :until_time, :config_version, :ranked, :entries, :advocate,
                           keyword_init: true)
  ProgramMetrics = Struct.new(:advocates, :active_advocates, :active_share, :invites,
                              :inviting_advocates, :referred_conversions, :invites_per_advocate,
                              :invite_conversion, :k_factor, :cycle_time_ms, :cycles, :promoters,
                              :passives, :detractors, :nps, keyword_init: true)

  class Store
    SCORE_CONFIG_FIELDS = %i[activity_half_life_ms value_half_life_ms weight_activity weight_value
                             weight_quality weight_network activity_half_points value_half_minor
                             risk_percent].freeze
    BOARD_PERIODS = { all_time: 0, this_week: 1, this_month: 2, last_month: 3 }.freeze
    BOARD_BY = { score: 1, referrals: 2, value: 3 }.freeze

    # Set a program's scoring configuration (activity_weights: { review: 8, ... },
    # tiers: "name:promote:demote,...", other rf_score_config fields as keywords).
    # Returns the version in force; a change recomputes the program's scores.
    def set_score_config(program, activity_weights: nil, tiers: nil, **fields)
      cfg = Native::ScoreConfig.new
      Referral.check!(Native.rf_score_config_init(cfg, Native::SCORE_CONFIG_VERSION))
      fields.each do |name, value|
        raise ArgumentError, "unknown score config field #{name}" unless SCORE_CONFIG_FIELDS.include?(name)

        cfg[name] = Convert.int64(value, name.to_s)
      end
      keep = []
      if activity_weights
        weights = score_config(program).activity_weights.dup
        activity_weights.each do |type, w|
          weights[Convert.enum_out(:activity, Convert.enum_in(:activity, type, "activity type"))] =
            Convert.int32(w, "weight")
        end
        mem = FFI::MemoryPointer.new(:int32, Native::ACTIVITY_TYPE_COUNT)
        mem.write_array_of_int32(weights.values)
        keep << mem
        cfg[:activity_weights] = mem
        cfg[:activity_weight_count] = Native::ACTIVITY_TYPE_COUNT
      end
      Convert.set_text(cfg, :tiers, tiers, "tiers", keep)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_score_config_set, [out], text(program, "program"), cfg)
      out.read_int64
    end

    # The scoring configuration in force (version 0: the built-in defaults).
    def score_config(program)
      fetch(:rf_score_config_get, :rf_score_settings_free, Native::ScoreSettings,
            text(program, "program")) do |c, _|
        k = Native::ScoreConfig.new(c[:config])
        weights = k[:activity_weights].read_array_of_int32(k[:activity_weight_count])
        named = weights.each_with_index.to_h { |w, i| [Convert.enum_out(:activity, i + 1), w] }
        ScoreConfig.new(version: c[:config_version], activity_weights: named,
                        **SCORE_CONFIG_FIELDS.to_h { |f| [f, k[f]] },
                        tiers: Convert.text_out(k[:tiers])).freeze
      end
    end

    # An advocate's score now; explain: true adds the events that move it most.
    def score(program, advocate, explain: false)
      fetch(:rf_score_get, :rf_score_free, Native::Score, text(program, "program"),
            text(advocate, "advocate"), explain ? 1 : 0) { |c, _| Score.from_native(c) }
    end

    # Recompute every score of a program from its events.
    def recompute_scores(program)
      invoke(:rf_score_recompute, [], text(program, "program"))
      nil
    end

    # Re-evaluate tiers at the clock and last month's top-1 % badges; returns tier changes.
    def refresh_scores(program)
      out = FFI::MemoryPointer.new(:int64)
      invoke(:rf_score_refresh, [out], text(program, "program"))
      out.read_int64
    end

    # Rank a program's advocates (period: :all_time, :this_week, :this_month,
    # :last_month; by: :score, :referrals, :value).
    def leaderboard(program, period: :all_time, by: :score, top: 10, advocate: nil)
      keep = []
      q = Native::LeaderboardQuery.new
      Referral.check!(Native.rf_leaderboard_query_init(q, Native::LEADERBOARD_QUERY_VERSION))
      Convert.set_text(q, :program, program, "program", keep)
      q[:period] = board_enum(BOARD_PERIODS, period, "period")
      q[:by] = board_enum(BOARD_BY, by, "by")
      q[:top] = Convert.int64(top, "top", 0..0xFFFFFFFF)
      Convert.set_text(q, :advocate, advocate, "advocate", keep)
      fetch(:rf_leaderboard_get, :rf_leaderboard_free, Native::Leaderboard, q) do |c, _|
        entries = Convert.each_item(c[:entries], c[:count], Native::LeaderboardEntry)
                         .map { |e| LeaderboardEntry.from_native(e) }
        mine = c[:advocate].null? ? nil : LeaderboardEntry.from_native(Native::LeaderboardEntry.new(c[:advocate]))
        Leaderboard.new(since: c[:to_ms].zero? ? nil : Convert.time_out(c[:from_ms]),
                        until_time: Convert.optional_time_out(c[:to_ms]),
                        config_version: c[:config_version], ranked: c[:ranked], entries: entries,
                        advocate: mine).freeze
      end
    end

    # Viral coefficient, cycle time, active share and NPS over [since, until_time).
    def program_metrics(program, since: nil, until_time: nil)
      fetch(:rf_program_metrics_get, :rf_program_metrics_free, Native::ProgramMetrics,
            text(program, "program"), since.nil? ? 0 : Convert.time_in(since, "since"),
            until_time.nil? ? 0 : Convert.time_in(until_time, "until")) do |c, _|
        ProgramMetrics.new(**ProgramMetrics.members.to_h { |m| [m, c[m]] }).freeze
      end
    end

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

    def board_enum(table, value, what)
      return Convert.int32(value, what) if value.is_a?(Integer)

      table.fetch(value.to_s.tr("-", "_").downcase.to_sym) do
        raise Referral.invalid("#{what}: unknown #{value.inspect}")
      end
    end

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
