# frozen_string_literal: true

require "ffi"

module Referral
  # The only file that knows libreferral's C signatures and struct layouts.
  # Text fields are declared :pointer (ruby-ffi cannot write :string fields);
  # Referral::Convert reads and writes them.
  module Native
    extend FFI::Library

    # (major, minor) of the C API these declarations describe.
    ABI = [0, 1].freeze
    ENV_VAR = "REFERRAL_LIBRARY"

    def self.library_names
      env = ENV.fetch(ENV_VAR, "")
      env.empty? ? ["referral", "libreferral.so.#{ABI.join('.')}"] : [env]
    end

    ffi_lib library_names

    STORE_OPTIONS_VERSION = 1
    PROGRAM_RULES_VERSION = 2
    ADVOCATE_SPEC_VERSION = 2
    CODE_SPEC_VERSION = 2
    TOUCHPOINT_SPEC_VERSION = 2
    CONVERSION_SPEC_VERSION = 3
    REFUND_SPEC_VERSION = 1
    STATS_QUERY_VERSION = 1
    REPORT_QUERY_VERSION = 1
    REPORT_MAX_BUCKETS = 20_000
    PATHS_OPTIONS_VERSION = 1
    CUSTOM_WEIGHTS_MAX = 32
    PATH_MAX_STEPS = 1024
    PATH_MAX_CHANNELS = 2000
    CODE_BUFSIZE = 40
    EMAIL_BUFSIZE = 2049
    STORE_NO_CREATE = 1
    LIST_INCLUDE_ARCHIVED = 1
    ACTIVITY_SPEC_VERSION = 1
    EXPORT_OPTIONS_VERSION = 1
    IMPORT_OPTIONS_VERSION = 1
    EXPORT_PSEUDONYMS = 1
    IMPORT_MAX_RECORD = 65_536
    PRIVACY_POLICY_VERSION = 1
    SCORE_CONFIG_VERSION = 1
    LEADERBOARD_QUERY_VERSION = 1
    ACTIVITY_TYPE_COUNT = 13

    class Error < FFI::Struct
      layout :code, :int, :db_code, :int, :message, :pointer
    end

    class StoreOptions < FFI::Struct
      layout :version, :uint, :busy_timeout_ms, :int32, :durability, :int32, :flags, :uint32,
             :cache_size_kib, :int32, :clock, :pointer, :clock_ctx, :pointer
    end

    class ProgramRules < FFI::Struct
      layout :version, :uint, :model, :int32, :code_length, :int32, :lookback_ms, :int64,
             :duplicate_window_ms, :int64, :lock_first_referrer, :int32,
             # version 2
             :half_life_ms, :int64, :position_first_bp, :int32, :position_last_bp, :int32,
             :custom_count, :uint32, :custom_weights, :pointer, :sale_follows_lead, :int32,
             :renewal_months, :int32
    end

    class Program < FFI::Struct
      layout :id, :int64, :key, :pointer, :name, :pointer, :status, :int32,
             :rules_version, :int64, :rules, :pointer, :created_at_ms, :int64,
             :updated_at_ms, :int64
    end

    class Programs < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class AdvocateSpec < FFI::Struct
      layout :version, :uint, :external_id, :pointer, :kind, :int32, :display_name, :pointer,
             :email, :pointer,
             :customer_id, :pointer, :visitor_id, :pointer, :ip, :pointer, # version 2
             :user_agent, :pointer
    end

    class Advocate < FFI::Struct
      layout :id, :int64, :external_id, :pointer, :kind, :int32, :display_name, :pointer,
             :status, :int32, :has_email, :int32, :created_at_ms, :int64,
             :customer_id, :pointer
    end

    class Advocates < FFI::Struct
      layout :count, :size_t, :items, :pointer, :next_cursor, :int64
    end

    class CodeSpec < FFI::Struct
      layout :version, :uint, :program, :pointer, :advocate, :pointer, :channel, :int32,
             :vanity, :pointer, :expires_at_ms, :int64, :max_uses, :int64, :content, :pointer
    end

    class Code < FFI::Struct
      layout :id, :int64, :code, :pointer, :display, :pointer, :program, :pointer,
             :advocate, :pointer, :channel, :int32, :status, :int32, :vanity, :int32,
             :expires_at_ms, :int64, :max_uses, :int64, :uses, :int64, :created_at_ms, :int64,
             :content, :pointer
    end

    class Codes < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class TouchpointSpec < FFI::Struct
      layout :version, :uint, :code, :pointer, :visitor_id, :pointer, :kind, :int32,
             :at_ms, :int64, :landing_url, :pointer, :ip, :pointer, :user_agent, :pointer,
             :direct, :int32 # version 2
    end

    class Touchpoint < FFI::Struct
      layout :id, :int64, :visitor_id, :pointer, :code, :pointer, :program, :pointer,
             :advocate, :pointer, :channel, :int32, :kind, :int32, :at_ms, :int64,
             :duplicate, :int32, :direct, :int32
    end

    class ConversionSpec < FFI::Struct
      layout :version, :uint, :program, :pointer, :visitor_id, :pointer, :order_id, :pointer,
             :kind, :int32, :value_minor, :int64, :currency, :pointer, :at_ms, :int64,
             :customer_id, :pointer, :code, :pointer, # version 2
             :email, :pointer, :ip, :pointer, :user_agent, :pointer, # version 3
             :existing_customer, :int32
    end

    class Credit < FFI::Struct
      layout :advocate, :pointer, :code, :pointer, :channel, :int32, :weight, :double,
             :value_minor, :int64, :refunded_minor, :int64
    end

    class Conversion < FFI::Struct
      layout :id, :int64, :program, :pointer, :order_id, :pointer, :visitor_id, :pointer,
             :kind, :int32, :value_minor, :int64, :currency, :pointer, :at_ms, :int64,
             :attributed, :int32, :model, :int32, :rules_version, :int64,
             :credit_count, :size_t, :credits, :pointer, :customer_id, :pointer,
             :refunded_minor, :int64, :follows_order, :pointer, :replayed, :int32
    end

    class RefundSpec < FFI::Struct
      layout :version, :uint, :program, :pointer, :order_id, :pointer, :refund_id, :pointer,
             :amount_minor, :int64, :at_ms, :int64
    end

    class ExplainedTouch < FFI::Struct
      layout :touchpoint_id, :int64, :code, :pointer, :advocate, :pointer, :channel, :int32,
             :kind, :int32, :at_ms, :int64, :weight, :double, :value_minor, :int64,
             :note, :pointer
    end

    class Explanation < FFI::Struct
      layout :program, :pointer, :order_id, :pointer, :model, :int32, :rules_version, :int64,
             :lookback_ms, :int64, :window_start_ms, :int64, :window_end_ms, :int64,
             :summary, :pointer, :touch_count, :size_t, :touches, :pointer,
             :parameters, :pointer, :currency, :pointer
    end

    class StatsQuery < FFI::Struct
      layout :version, :uint, :program, :pointer, :advocate, :pointer, :from_ms, :int64,
             :to_ms, :int64
    end

    class Money < FFI::Struct
      layout :currency, :pointer, :value_minor, :int64
    end

    class Stats < FFI::Struct
      layout :touchpoints, :int64, :unique_touchpoints, :int64, :unique_visitors, :int64,
             :conversions, :int64, :attributed_conversions, :int64,
             :credited_conversions, :double, :conversion_rate, :double,
             :value_count, :size_t, :values, :pointer
    end

    class ReportQuery < FFI::Struct
      layout :version, :uint, :program, :pointer, :from_ms, :int64, :to_ms, :int64,
             :period, :int32, :limit, :uint32
    end

    class ReportBucket < FFI::Struct
      layout :start_ms, :int64, :end_ms, :int64, :touchpoints, :int64, :unique_visitors, :int64,
             :conversions, :int64, :attributed_conversions, :int64, :conversion_rate, :double,
             :active_advocates, :int64, :value_count, :size_t, :values, :pointer
    end

    class ReportSeries < FFI::Struct
      layout :period, :int32, :count, :size_t, :buckets, :pointer
    end

    class ReportSplitRow < FFI::Struct
      layout :key, :pointer, :name, :pointer, :touchpoints, :int64, :unique_visitors, :int64,
             :attributed_conversions, :int64, :credited_conversions, :double,
             :value_count, :size_t, :values, :pointer
    end

    class ReportSplit < FFI::Struct
      layout :by, :int32, :count, :size_t, :rows, :pointer
    end

    class ReportFunnel < FFI::Struct
      layout :visitors, :int64, :signed_up, :int64, :purchased, :int64, :purchased_any, :int64,
             :signup_rate, :double, :purchase_rate, :double
    end

    class ReportCurrency < FFI::Struct
      layout :currency, :pointer, :value_minor, :int64, :reward_cost_minor, :int64,
             :return_on_spend, :double
    end

    class ReportSummary < FFI::Struct
      layout :touchpoints, :int64, :unique_visitors, :int64, :conversions, :int64,
             :attributed_conversions, :int64, :conversion_rate, :double, :new_customers, :int64,
             :returning_customers, :int64, :active_advocates, :int64, :k_factor, :double,
             :currency_count, :size_t, :currencies, :pointer
    end

    class FitValue < FFI::Struct
      layout :advocate, :pointer, :value, :double, :weight, :double
    end

    class Fit < FFI::Struct
      layout :model, :int32, :journeys, :int64, :conversions, :int64, :p_conversion, :double,
             :fitted_at_ms, :int64, :count, :size_t, :values, :pointer
    end

    class ReplayRow < FFI::Struct
      layout :target, :int32, :name, :pointer, :currency, :pointer,
             :current_conversions, :double, :replay_conversions, :double,
             :current_value_minor, :int64, :replay_value_minor, :int64
    end

    class Replay < FFI::Struct
      layout :conversions, :int64, :changed, :int64, :count, :size_t, :rows, :pointer
    end

    class PathsOptions < FFI::Struct
      layout :version, :uint, :model, :int32, :half_life_ms, :int64, :position_first_bp, :int32,
             :position_last_bp, :int32, :markov_order, :int32
    end

    class PathCredit < FFI::Struct
      layout :channel, :pointer, :conversions, :double, :value, :double
    end

    class PathCredits < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class Link < FFI::Struct
      layout :url, :pointer, :code, :pointer, :campaign, :pointer, :content, :pointer,
             :expires_at_ms, :int64, :key_id, :int64
    end

    class LinkKey < FFI::Struct
      layout :id, :int64, :created_at_ms, :int64, :retired_at_ms, :int64
    end

    class LinkKeys < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class ConsentChange < FFI::Struct
      layout :purpose, :int32, :granted, :int32, :source, :pointer, :at_ms, :int64
    end

    class Consent < FFI::Struct
      layout :advocate, :pointer, :tracking, :int32, :messages, :int32,
             :tracking_at_ms, :int64, :messages_at_ms, :int64, :count, :size_t, :items, :pointer
    end

    class HashKey < FFI::Struct
      layout :id, :int64, :created_at_ms, :int64, :retired_at_ms, :int64,
             :expires_at_ms, :int64, :live, :int32, :destroyed, :int32
    end

    class HashKeys < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class PrivacyPolicy < FFI::Struct
      layout :version, :uint, :ip_truncate, :int32, :retention_ms, :int64
    end

    class PrivacySettings < FFI::Struct
      layout :program, :pointer, :revision, :int64, :ip_truncate, :int32,
             :retention_ms, :int64, :set_at_ms, :int64
    end

    class RewardRule < FFI::Struct
      layout :version, :uint, :id, :int64, :side, :int32, :event, :int32, :kind, :int32,
             :basis, :int32, :amount, :int64, :min_referrals, :int64, :max_referrals, :int64,
             :nth, :int64, :months, :int32, :kinds, :int32, :min_value, :int64,
             :max_value, :int64, :currency, :pointer, :code_bank, :pointer,
             :approve_at_once, :int32, :label, :pointer
    end

    class RewardPolicy < FFI::Struct
      layout :version, :uint, :holding_ms, :int64, :min_payout_minor, :int64,
             :day_count, :int64, :day_amount, :int64, :week_count, :int64, :week_amount, :int64,
             :month_count, :int64, :month_amount, :int64, :total_count, :int64,
             :total_amount, :int64, :budget_minor, :int64, :budget_currency, :pointer
    end

    class RewardConfig < FFI::Struct
      layout :program, :pointer, :version, :int64, :policy, :pointer, :rule_count, :size_t,
             :rules, :pointer
    end

    class Reward < FFI::Struct
      layout :id, :int64, :order_id, :pointer, :recipient, :pointer, :side, :int32,
             :rule_id, :int64, :config_version, :int64, :kind, :int32, :state, :int32,
             :unit, :pointer, :requested, :int64, :amount, :int64, :clawed, :int64,
             :coupon, :pointer, :note, :pointer, :created_at_ms, :int64, :due_at_ms, :int64
    end

    class RewardList < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class Balance < FFI::Struct
      layout :recipient, :pointer, :side, :int32, :kind, :int32, :unit, :pointer,
             :held, :int64, :pending, :int64, :approved, :int64, :paid, :int64, :owed, :int64
    end

    class BalanceList < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class PayoutLine < FFI::Struct
      layout :recipient, :pointer, :side, :int32, :kind, :int32, :unit, :pointer,
             :amount, :int64, :settled_owed, :int64, :rewards, :int64
    end

    class Payout < FFI::Struct
      layout :program, :pointer, :payout_id, :pointer, :at_ms, :int64, :count, :size_t,
             :lines, :pointer, :replayed, :int32
    end

    REWARD_RULE_VERSION = 1
    REWARD_POLICY_VERSION = 1

    class ActivitySpec < FFI::Struct
      layout :version, :uint, :program, :pointer, :advocate, :pointer, :type, :int32,
             :at_ms, :int64, :channel, :int32, :content, :pointer, :answer, :int32
    end

    class Activity < FFI::Struct
      layout :id, :int64, :advocate, :pointer, :type, :int32, :at_ms, :int64, :channel, :int32,
             :content, :pointer, :answer, :int32
    end

    class ActivityList < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class ExportOptions < FFI::Struct
      layout :version, :uint, :program, :pointer, :what, :int32, :format, :int32,
             :from_ms, :int64, :to_ms, :int64, :flags, :uint32
    end

    class ImportOptions < FFI::Struct
      layout :version, :uint, :program, :pointer, :what, :int32
    end

    class Purge < FFI::Struct
      layout :program, :pointer, :cutoff_ms, :int64, :touchpoints, :int64, :activities, :int64
    end

    class ScoreConfig < FFI::Struct
      layout :version, :uint, :activity_weights, :pointer, :activity_weight_count, :uint32,
             :activity_half_life_ms, :int64, :value_half_life_ms, :int64,
             :weight_activity, :int32, :weight_value, :int32, :weight_quality, :int32,
             :weight_network, :int32, :activity_half_points, :int64, :value_half_minor, :int64,
             :risk_percent, :int32, :tiers, :pointer
    end

    class ScoreSettings < FFI::Struct
      layout :config_version, :int64, :config, :pointer
    end

    class ScoreComponent < FFI::Struct
      layout :name, :pointer, :raw, :double, :normalized, :double, :weight, :int32,
             :points, :double
    end

    class ScoreEvent < FFI::Struct
      layout :kind, :pointer, :id, :int64, :ref, :pointer, :at_ms, :int64, :raw, :double,
             :points, :double
    end

    class Badge < FFI::Struct
      layout :kind, :int32, :period_ms, :int64, :at_ms, :int64
    end

    class Score < FFI::Struct
      layout :program, :pointer, :advocate, :pointer, :score, :double, :config_version, :int64,
             :at_ms, :int64, :risk, :double, :activities, :int64, :referrals, :int64,
             :kept, :int64, :value_net_minor, :int64, :last_at_ms, :int64, :tier, :int32,
             :tier_name, :pointer, :recency_q, :int32, :frequency_q, :int32, :value_q, :int32,
             :component_count, :size_t, :components, :pointer, :event_count, :size_t,
             :events, :pointer, :badge_count, :size_t, :badges, :pointer
    end

    class LeaderboardQuery < FFI::Struct
      layout :version, :uint, :program, :pointer, :period, :int32, :by, :int32, :top, :uint32,
             :advocate, :pointer
    end

    class LeaderboardEntry < FFI::Struct
      layout :rank, :int64, :advocate, :pointer, :display_name, :pointer, :metric, :double,
             :referrals, :int64, :value_minor, :int64
    end

    class Leaderboard < FFI::Struct
      layout :from_ms, :int64, :to_ms, :int64, :config_version, :int64, :ranked, :int64,
             :count, :size_t, :entries, :pointer, :advocate, :pointer
    end

    class ProgramMetrics < FFI::Struct
      layout :from_ms, :int64, :to_ms, :int64, :advocates, :int64, :active_advocates, :int64,
             :active_share, :double, :invites, :int64, :inviting_advocates, :int64,
             :referred_conversions, :int64, :invites_per_advocate, :double,
             :invite_conversion, :double, :k_factor, :double, :cycle_time_ms, :double,
             :cycles, :int64, :promoters, :int64, :passives, :int64, :detractors, :int64,
             :nps, :double
    end

    # Every struct by C name, for layout checks against the compiler.
    STRUCTS = {
      "rf_error" => Error, "rf_store_options" => StoreOptions,
      "rf_program_rules" => ProgramRules, "rf_program" => Program, "rf_programs" => Programs,
      "rf_advocate_spec" => AdvocateSpec, "rf_advocate" => Advocate,
      "rf_advocates" => Advocates, "rf_code_spec" => CodeSpec, "rf_code" => Code,
      "rf_codes" => Codes,
      "rf_touchpoint_spec" => TouchpointSpec, "rf_touchpoint" => Touchpoint,
      "rf_conversion_spec" => ConversionSpec, "rf_credit" => Credit,
      "rf_conversion" => Conversion, "rf_refund_spec" => RefundSpec,
      "rf_explained_touch" => ExplainedTouch,
      "rf_explanation" => Explanation, "rf_stats_query" => StatsQuery, "rf_money" => Money,
      "rf_stats" => Stats, "rf_fit_value" => FitValue, "rf_fit" => Fit,
      "rf_replay_row" => ReplayRow, "rf_replay" => Replay, "rf_paths_options" => PathsOptions,
      "rf_path_credit" => PathCredit, "rf_path_credits" => PathCredits,
      "rf_report_query" => ReportQuery, "rf_report_bucket" => ReportBucket,
      "rf_report_series" => ReportSeries, "rf_report_split_row" => ReportSplitRow,
      "rf_report_split" => ReportSplit, "rf_report_funnel" => ReportFunnel,
      "rf_report_currency" => ReportCurrency, "rf_report_summary" => ReportSummary,
      "rf_link" => Link, "rf_link_key" => LinkKey, "rf_link_keys" => LinkKeys,
      "rf_consent_change" => ConsentChange, "rf_consent" => Consent,
      "rf_hash_key" => HashKey, "rf_hash_keys" => HashKeys,
      "rf_privacy_policy" => PrivacyPolicy, "rf_privacy_settings" => PrivacySettings,
      "rf_reward_rule" => RewardRule, "rf_reward_policy" => RewardPolicy,
      "rf_reward_config" => RewardConfig, "rf_reward" => Reward,
      "rf_reward_list" => RewardList, "rf_balance" => Balance,
      "rf_balance_list" => BalanceList, "rf_payout_line" => PayoutLine, "rf_payout" => Payout,
      "rf_activity_spec" => ActivitySpec, "rf_activity" => Activity,
      "rf_activity_list" => ActivityList,
      "rf_export_options" => ExportOptions, "rf_import_options" => ImportOptions,
      "rf_purge" => Purge,
      "rf_score_config" => ScoreConfig,
      "rf_score_settings" => ScoreSettings, "rf_score_component" => ScoreComponent,
      "rf_score_event" => ScoreEvent, "rf_badge" => Badge, "rf_score" => Score,
      "rf_leaderboard_query" => LeaderboardQuery, "rf_leaderboard_entry" => LeaderboardEntry,
      "rf_leaderboard" => Leaderboard, "rf_program_metrics" => ProgramMetrics
    }

    FRAUD_POLICY_VERSION = 1

    class FraudPolicy < FFI::Struct
      layout :version, :uint, :approve_below, :int32, :reject_from, :int32,
             :weight_self_referral, :int32, :weight_disposable_email, :int32,
             :weight_conversion_velocity, :int32, :weight_click_velocity, :int32,
             :weight_fast_conversion, :int32, :weight_existing_customer, :int32,
             :weight_duplicate_identity, :int32, :weight_referral_ring, :int32,
             :weight_bot, :int32, :hard_signals, :uint32, :window_ms, :int64,
             :max_conversions_advocate, :int32, :max_conversions_ip, :int32,
             :max_clicks_advocate, :int32, :max_clicks_ip, :int32,
             :min_click_to_conversion_ms, :int64, :ring_max_depth, :int32
    end

    class FraudSignalHit < FFI::Struct
      layout :kind, :int32, :weight, :int32, :hard, :int32, :evidence, :pointer
    end

    class FraudCheck < FFI::Struct
      layout :program, :pointer, :order_id, :pointer, :advocate, :pointer, :at_ms, :int64,
             :risk, :int32, :decision, :int32, :status, :int32, :policy_version, :int64,
             :reviewer, :pointer, :review_reason, :pointer, :reviewed_at_ms, :int64,
             :summary, :pointer, :signal_count, :size_t, :signals, :pointer
    end

    class FraudChecks < FFI::Struct
      layout :count, :size_t, :items, :pointer, :next_cursor, :int64
    end

    class EngagementConfig < FFI::Struct
      layout :version, :uint, :cap_messages, :int32, :cap_window_ms, :int64,
             :active_min_activities, :int32, :referring_min_referrals, :int32,
             :champion_min_referrals, :int32, :dormant_after_ms, :int64, :ask_cap, :int32,
             :ask_window_ms, :int64
    end

    class Message < FFI::Struct
      layout :id, :int64, :program, :pointer, :advocate, :pointer, :kind, :pointer,
             :body, :pointer, :status, :int32, :automated, :int32, :reason, :pointer,
             :event_at_ms, :int64, :queued_at_ms, :int64, :acked_at_ms, :int64,
             :config_version, :int64
    end

    class Messages < FFI::Struct
      layout :count, :size_t, :items, :pointer, :next_cursor, :int64
    end

    ENGAGEMENT_CONFIG_VERSION = 1
    OUTBOX_ALL = 1
    STRUCTS.merge!("rf_engagement_config" => EngagementConfig, "rf_message" => Message,
                   "rf_messages" => Messages)

    class StageChange < FFI::Struct
      layout :stage, :int32, :previous, :int32, :at_ms, :int64, :config_version, :int64
    end

    class Stage < FFI::Struct
      layout :program, :pointer, :advocate, :pointer, :stage, :int32, :since_ms, :int64,
             :activities, :int64, :referrals, :int64, :last_activity_at_ms, :int64,
             :last_referral_at_ms, :int64, :config_version, :int64, :count, :size_t,
             :items, :pointer
    end

    class StageCounts < FFI::Struct
      layout :program, :pointer, :config_version, :int64, :advocates, :int64, :invited, :int64,
             :active, :int64, :referring, :int64, :champion, :int64, :dormant, :int64
    end

    STRUCTS.merge!("rf_stage_change" => StageChange, "rf_stage" => Stage,
                   "rf_stage_counts" => StageCounts)

    class ContentSpec < FFI::Struct
      layout :version, :uint, :program, :pointer, :key, :pointer, :title, :pointer,
             :url, :pointer, :kind, :int32, :stages, :uint32, :min_tier, :pointer
    end

    class Content < FFI::Struct
      layout :id, :int64, :program, :pointer, :key, :pointer, :title, :pointer, :url, :pointer,
             :kind, :int32, :stages, :uint32, :min_tier, :pointer, :status, :int32,
             :created_at_ms, :int64
    end

    class ContentList < FFI::Struct
      layout :count, :size_t, :items, :pointer
    end

    class ContentStat < FFI::Struct
      layout :key, :pointer, :title, :pointer, :kind, :int32, :status, :int32, :codes, :int64,
             :clicks, :int64, :unique_visitors, :int64, :conversions, :int64,
             :value_minor, :int64
    end

    class ContentStats < FFI::Struct
      layout :program, :pointer, :from_ms, :int64, :to_ms, :int64, :currency, :pointer,
             :count, :size_t, :items, :pointer
    end

    CONTENT_SPEC_VERSION = 1
    CONTENT_ARCHIVED = 1
    STRUCTS.merge!("rf_content_spec" => ContentSpec, "rf_content" => Content,
                   "rf_content_list" => ContentList, "rf_content_stat" => ContentStat,
                   "rf_content_stats" => ContentStats)

    class TestimonialSpec < FFI::Struct
      layout :version, :uint, :program, :pointer, :advocate, :pointer, :product, :pointer,
             :body, :pointer, :rating, :int32, :publish_consent, :int32, :at_ms, :int64
    end
    class Testimonial < FFI::Struct
      layout :id, :int64, :program, :pointer, :advocate, :pointer, :advocate_kind, :int32,
             :display_name, :pointer, :segment, :pointer, :product, :pointer, :body, :pointer,
             :rating, :int32, :publish_consent, :int32, :status, :int32, :created_at_ms, :int64,
             :decided_at_ms, :int64
    end
    class Testimonials < FFI::Struct
      layout :count, :size_t, :items, :pointer, :next_cursor, :int64
    end
    class TestimonialQuery < FFI::Struct
      layout :version, :uint, :program, :pointer, :which, :int32, :product, :pointer,
             :segment, :pointer, :advocate_kind, :int32, :advocate, :pointer, :min_rating, :int32,
             :cursor, :int64, :limit, :uint32
    end
    class ReferenceQuery < FFI::Struct
      layout :version, :uint, :program, :pointer, :advocate_kind, :int32, :segment, :pointer,
             :min_score, :int32, :limit, :uint32
    end
    class ReferenceCandidate < FFI::Struct
      layout :id, :int64, :advocate, :pointer, :advocate_kind, :int32, :display_name, :pointer,
             :segment, :pointer, :score, :double, :asks, :int64, :last_asked_at_ms, :int64
    end
    class ReferenceCandidates < FFI::Struct
      layout :count, :size_t, :items, :pointer, :at_ms, :int64, :score_config_version, :int64,
             :config_version, :int64
    end
    class Reference < FFI::Struct
      layout :id, :int64, :program, :pointer, :advocate, :pointer, :prospect, :pointer,
             :outcome, :int32, :asked_at_ms, :int64, :accepted_at_ms, :int64, :closed_at_ms, :int64
    end
    SEGMENT_BUFSIZE = 65
    TESTIMONIAL_SPEC_VERSION = 1
    TESTIMONIAL_QUERY_VERSION = 1
    REFERENCE_QUERY_VERSION = 1
    STRUCTS.merge!("rf_testimonial_spec" => TestimonialSpec, "rf_testimonial" => Testimonial,
                   "rf_testimonials" => Testimonials, "rf_testimonial_query" => TestimonialQuery,
                   "rf_reference_query" => ReferenceQuery,
                   "rf_reference_candidate" => ReferenceCandidate,
                   "rf_reference_candidates" => ReferenceCandidates, "rf_reference" => Reference)
    STRUCTS.merge!("rf_fraud_policy" => FraudPolicy, "rf_fraud_signal_hit" => FraudSignalHit,
                   "rf_fraud_check" => FraudCheck, "rf_fraud_checks" => FraudChecks).freeze

    # Store calls may wait on locks: release the GVL (blocking: true).
    def self.store_fn(name, args, ret)
      attach_function name, args, ret, blocking: true
    end

    attach_function :rf_version, %i[pointer pointer pointer], :int
    attach_function :rf_version_string, [], :string
    attach_function :rf_error_last, [], Error.by_ref
    attach_function :rf_error_clear, [], :void
    attach_function :rf_strerror, [:int], :string
    attach_function :rf_enum_name, %i[int int32], :string
    attach_function :rf_enum_parse, %i[pointer int string], :int
    attach_function :rf_store_options_init, [StoreOptions.by_ref, :uint], :int
    store_fn :rf_store_open, [:pointer, :string, StoreOptions.by_ref], :int
    store_fn :rf_store_close, [:pointer], :int
    store_fn :rf_store_free, [:pointer], :void
    store_fn :rf_store_check, [:pointer], :int
    attach_function :rf_store_schema_version, [], :int
    store_fn :rf_store_now, %i[pointer pointer], :int
    store_fn :rf_store_set_progress, %i[pointer pointer pointer], :int
    attach_function :rf_program_rules_init, [ProgramRules.by_ref, :uint], :int
    store_fn :rf_program_create, %i[pointer pointer string string pointer], :int
    store_fn :rf_program_get, %i[pointer pointer string], :int
    store_fn :rf_program_update, %i[pointer pointer string string pointer], :int
    store_fn :rf_program_archive, %i[pointer string], :int
    store_fn :rf_program_list, %i[pointer pointer uint32], :int
    attach_function :rf_program_free, [:pointer], :void
    attach_function :rf_programs_free, [:pointer], :void
    attach_function :rf_advocate_spec_init, [AdvocateSpec.by_ref, :uint], :int
    store_fn :rf_advocate_add, [:pointer, :pointer, AdvocateSpec.by_ref], :int
    store_fn :rf_advocate_get, %i[pointer pointer string], :int
    store_fn :rf_advocate_list, %i[pointer pointer int64 uint32], :int
    store_fn :rf_advocate_deactivate, %i[pointer string], :int
    attach_function :rf_advocate_free, [:pointer], :void
    attach_function :rf_advocates_free, [:pointer], :void
    attach_function :rf_code_spec_init, [CodeSpec.by_ref, :uint], :int
    store_fn :rf_code_issue, [:pointer, :pointer, CodeSpec.by_ref], :int
    store_fn :rf_code_resolve, %i[pointer pointer string], :int
    store_fn :rf_code_get, %i[pointer pointer string], :int
    store_fn :rf_code_disable, %i[pointer string], :int
    store_fn :rf_code_list, %i[pointer pointer string string], :int
    attach_function :rf_codes_free, [:pointer], :void
    attach_function :rf_code_normalize, %i[pointer size_t string], :int
    attach_function :rf_email_normalize, %i[pointer size_t string], :int
    attach_function :rf_fraud_policy_init, [FraudPolicy.by_ref, :uint], :int
    store_fn :rf_fraud_policy_set, [:pointer, :pointer, :string, FraudPolicy.by_ref], :int
    store_fn :rf_fraud_policy_get, [FraudPolicy.by_ref, :pointer, :pointer, :string], :int
    store_fn :rf_fraud_get, %i[pointer pointer string string], :int
    store_fn :rf_fraud_queue, %i[pointer pointer string int64 uint32], :int
    store_fn :rf_fraud_review, %i[pointer pointer string string int32 string string], :int
    attach_function :rf_fraud_check_free, [:pointer], :void
    attach_function :rf_fraud_checks_free, [:pointer], :void
    store_fn :rf_fraud_domains_load, %i[pointer pointer string], :int
    attach_function :rf_code_free, [:pointer], :void
    attach_function :rf_touchpoint_spec_init, [TouchpointSpec.by_ref, :uint], :int
    store_fn :rf_touchpoint_record, [:pointer, :pointer, TouchpointSpec.by_ref], :int
    store_fn :rf_touchpoint_record_batch, %i[pointer pointer size_t], :int
    attach_function :rf_touchpoint_free, [:pointer], :void
    attach_function :rf_conversion_spec_init, [ConversionSpec.by_ref, :uint], :int
    store_fn :rf_conversion_record, [:pointer, :pointer, ConversionSpec.by_ref], :int
    store_fn :rf_conversion_get, %i[pointer pointer string string], :int
    attach_function :rf_conversion_free, [:pointer], :void
    store_fn :rf_explanation_get, %i[pointer pointer string string], :int
    attach_function :rf_explanation_free, [:pointer], :void
    attach_function :rf_stats_query_init, [StatsQuery.by_ref, :uint], :int
    store_fn :rf_stats_get, [:pointer, :pointer, StatsQuery.by_ref], :int
    attach_function :rf_stats_free, [:pointer], :void
    attach_function :rf_report_query_init, [ReportQuery.by_ref, :uint], :int
    store_fn :rf_report_series_get, [:pointer, :pointer, ReportQuery.by_ref], :int
    attach_function :rf_report_series_free, [:pointer], :void
    store_fn :rf_report_split_get, [:pointer, :pointer, ReportQuery.by_ref, :int32], :int
    attach_function :rf_report_split_free, [:pointer], :void
    store_fn :rf_report_funnel_get, [:pointer, :pointer, ReportQuery.by_ref], :int
    attach_function :rf_report_funnel_free, [:pointer], :void
    store_fn :rf_report_summary_get, [:pointer, :pointer, ReportQuery.by_ref], :int
    attach_function :rf_report_summary_free, [:pointer], :void
    attach_function :rf_refund_spec_init, [RefundSpec.by_ref, :uint], :int
    store_fn :rf_conversion_refund, [:pointer, :pointer, RefundSpec.by_ref], :int
    store_fn :rf_identify, %i[pointer string string], :int
    store_fn :rf_model_fit, %i[pointer pointer string int32], :int
    attach_function :rf_fit_free, [:pointer], :void
    store_fn :rf_replay_run, %i[pointer pointer string pointer int64 int64], :int
    attach_function :rf_replay_free, [:pointer], :void
    attach_function :rf_paths_options_init, [PathsOptions.by_ref, :uint], :int
    attach_function :rf_paths_new, [:pointer, PathsOptions.by_ref], :int
    attach_function :rf_paths_add, %i[pointer string double double double], :int
    # Attributing many paths (Markov, Shapley) may take a while: release the GVL.
    attach_function :rf_paths_result, %i[pointer pointer], :int, blocking: true
    attach_function :rf_paths_free, [:pointer], :void
    attach_function :rf_path_credits_free, [:pointer], :void
    store_fn :rf_link_key_add, %i[pointer pointer], :int
    store_fn :rf_link_key_retire, %i[pointer int64], :int
    store_fn :rf_link_key_list, %i[pointer pointer], :int
    attach_function :rf_link_keys_free, [:pointer], :void
    store_fn :rf_link_build, %i[pointer pointer string string string string int64], :int
    store_fn :rf_link_verify, %i[pointer pointer string], :int
    attach_function :rf_link_free, [:pointer], :void
    store_fn :rf_consent_set, %i[pointer string int32 int32 string], :int
    store_fn :rf_consent_get, %i[pointer pointer string], :int
    attach_function :rf_consent_free, [:pointer], :void
    attach_function :rf_engagement_config_init, [EngagementConfig.by_ref, :uint], :int
    store_fn :rf_engagement_config_set, [:pointer, :pointer, :string, EngagementConfig.by_ref], :int
    store_fn :rf_engagement_config_get, [EngagementConfig.by_ref, :pointer, :pointer, :string], :int
    store_fn :rf_template_set, %i[pointer string string string], :int
    store_fn :rf_outbox_send, %i[pointer pointer string string string string], :int
    store_fn :rf_outbox_list, %i[pointer pointer string int64 uint32 uint32], :int
    store_fn :rf_outbox_ack, %i[pointer pointer int64], :int
    attach_function :rf_message_free, [:pointer], :void
    attach_function :rf_messages_free, [:pointer], :void
    store_fn :rf_stage_get, %i[pointer pointer string string], :int
    attach_function :rf_stage_free, [:pointer], :void
    store_fn :rf_stage_counts_get, %i[pointer pointer string], :int
    attach_function :rf_stage_counts_free, [:pointer], :void
    store_fn :rf_stage_refresh, %i[pointer pointer string int64], :int
    attach_function :rf_content_spec_init, [ContentSpec.by_ref, :uint], :int
    store_fn :rf_content_add, [:pointer, :pointer, ContentSpec.by_ref], :int
    store_fn :rf_content_update, [:pointer, :pointer, ContentSpec.by_ref], :int
    store_fn :rf_content_archive, %i[pointer string string], :int
    store_fn :rf_content_list_get, %i[pointer pointer string uint32], :int
    store_fn :rf_content_for, %i[pointer pointer string string uint32], :int
    attach_function :rf_content_free, [:pointer], :void
    attach_function :rf_content_list_free, [:pointer], :void
    store_fn :rf_content_performance, %i[pointer pointer string int64 int64 string uint32], :int
    attach_function :rf_content_stats_free, [:pointer], :void
    store_fn :rf_secret_rotate, %i[pointer pointer int64], :int
    store_fn :rf_secret_expire, %i[pointer pointer], :int
    store_fn :rf_secret_list, %i[pointer pointer], :int
    attach_function :rf_hash_keys_free, [:pointer], :void
    store_fn :rf_advocate_find_by_email, %i[pointer pointer string], :int
    store_fn :rf_advocate_set_email, %i[pointer string string], :int
    attach_function :rf_privacy_policy_init, [PrivacyPolicy.by_ref, :uint], :int
    store_fn :rf_privacy_policy_set, [:pointer, :pointer, :string, PrivacyPolicy.by_ref], :int
    store_fn :rf_privacy_policy_get, %i[pointer pointer string], :int
    attach_function :rf_privacy_settings_free, [:pointer], :void
    attach_function :rf_reward_rule_init, %i[pointer uint], :int
    attach_function :rf_reward_policy_init, %i[pointer uint], :int
    store_fn :rf_reward_policy_set, %i[pointer pointer string pointer], :int
    store_fn :rf_reward_rule_add, %i[pointer pointer string pointer], :int
    store_fn :rf_reward_rule_remove, %i[pointer string int64], :int
    store_fn :rf_reward_config_get, %i[pointer pointer string], :int
    attach_function :rf_reward_config_free, [:pointer], :void
    store_fn :rf_reward_codes_load, %i[pointer pointer string string pointer size_t], :int
    store_fn :rf_reward_list_get, %i[pointer pointer string string string], :int
    attach_function :rf_reward_list_free, [:pointer], :void
    store_fn :rf_reward_balances, %i[pointer pointer string string], :int
    attach_function :rf_balance_list_free, [:pointer], :void
    store_fn :rf_reward_settle, %i[pointer pointer string int64], :int
    store_fn :rf_payout_run, %i[pointer pointer string string int64], :int
    attach_function :rf_payout_free, [:pointer], :void
    store_fn :rf_reward_check, [:pointer], :int
    attach_function :rf_activity_spec_init, [ActivitySpec.by_ref, :uint], :int
    store_fn :rf_activity_record, [:pointer, :pointer, ActivitySpec.by_ref], :int
    store_fn :rf_activity_record_batch, %i[pointer pointer size_t], :int
    store_fn :rf_activity_list_get, %i[pointer pointer string string int64 int64 uint32], :int
    attach_function :rf_activity_list_free, [:pointer], :void
    attach_function :rf_export_options_init, [ExportOptions.by_ref, :uint], :int
    store_fn :rf_export, [:pointer, :pointer, ExportOptions.by_ref, :pointer, :pointer], :int
    attach_function :rf_import_options_init, [ImportOptions.by_ref, :uint], :int
    store_fn :rf_import, [:pointer, :pointer, ImportOptions.by_ref, :pointer, :pointer], :int
    store_fn :rf_retention_purge, %i[pointer pointer string], :int
    attach_function :rf_purge_free, [:pointer], :void
    store_fn :rf_advocate_erase, %i[pointer string], :int
    store_fn :rf_customer_erase, %i[pointer string], :int
    store_fn :rf_advocate_export, %i[pointer pointer string], :int
    store_fn :rf_customer_export, %i[pointer pointer string], :int
    attach_function :rf_person_export_free, [:pointer], :void
    attach_function :rf_score_config_init, [ScoreConfig.by_ref, :uint], :int
    store_fn :rf_score_config_set, [:pointer, :pointer, :string, ScoreConfig.by_ref], :int
    store_fn :rf_score_config_get, %i[pointer pointer string], :int
    attach_function :rf_score_settings_free, [:pointer], :void
    store_fn :rf_score_get, %i[pointer pointer string string int32], :int
    attach_function :rf_score_free, [:pointer], :void
    store_fn :rf_score_recompute, %i[pointer string], :int
    store_fn :rf_score_refresh, %i[pointer pointer string], :int
    attach_function :rf_leaderboard_query_init, [LeaderboardQuery.by_ref, :uint], :int
    store_fn :rf_leaderboard_get, [:pointer, :pointer, LeaderboardQuery.by_ref], :int
    attach_function :rf_leaderboard_free, [:pointer], :void
    store_fn :rf_program_metrics_get, %i[pointer pointer string int64 int64], :int
    attach_function :rf_program_metrics_free, [:pointer], :void
    store_fn :rf_advocate_segment_set, %i[pointer string string], :int
    store_fn :rf_advocate_segment_get, %i[pointer size_t pointer string], :int
    attach_function :rf_testimonial_spec_init, [TestimonialSpec.by_ref, :uint], :int
    store_fn :rf_testimonial_submit, [:pointer, :pointer, TestimonialSpec.by_ref], :int
    store_fn :rf_testimonial_decide, %i[pointer pointer string int64 int32], :int
    store_fn :rf_testimonial_consent_set, %i[pointer string int64 int32], :int
    store_fn :rf_testimonial_get, %i[pointer pointer string int64], :int
    attach_function :rf_testimonial_query_init, [TestimonialQuery.by_ref, :uint], :int
    store_fn :rf_testimonial_find, [:pointer, :pointer, TestimonialQuery.by_ref], :int
    attach_function :rf_testimonial_free, [:pointer], :void
    attach_function :rf_testimonials_free, [:pointer], :void
    attach_function :rf_reference_query_init, [ReferenceQuery.by_ref, :uint], :int
    store_fn :rf_reference_find, [:pointer, :pointer, ReferenceQuery.by_ref], :int
    store_fn :rf_reference_ask, %i[pointer pointer string string string], :int
    store_fn :rf_reference_close, %i[pointer pointer string int64 int32], :int
    store_fn :rf_reference_get, %i[pointer pointer string int64], :int
    attach_function :rf_reference_free, [:pointer], :void
    attach_function :rf_reference_candidates_free, [:pointer], :void

    # Every attached C function, for the completeness test.
    FUNCTIONS = singleton_methods.map(&:to_s).grep(/\Arf_/).sort.freeze
  end
end
