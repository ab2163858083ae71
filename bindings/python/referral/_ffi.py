"""The only module that knows libreferral's C signatures and struct layouts.

Every function gets an explicit ``restype`` and ``argtypes``; functions that
return an ``rf_status`` get an ``errcheck`` that turns negative codes into
exceptions (see :mod:`referral.errors`). ``CDLL`` releases the GIL during
every call.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double,
                    c_int, c_int32, c_int64, c_size_t, c_uint, c_uint32, c_uint64,
                    c_void_p)
from pathlib import Path
from typing import Any, Iterator, List, Optional

#: (major, minor) of the C API these declarations describe.
ABI = (0, 1)
ENV_VAR = "REFERRAL_LIBRARY"


class StoreHandle(c_void_p):
    """Opaque ``rf_store *``."""


ClockFn = CFUNCTYPE(c_int64, c_void_p)
#: rf_export_fn(payload, data, len) and rf_import_fn(payload, buf, size).
ExportFn = CFUNCTYPE(c_int, c_void_p, c_void_p, c_size_t)
ImportFn = CFUNCTYPE(c_int64, c_void_p, c_void_p, c_size_t)
ProgressFn = CFUNCTYPE(c_int, c_void_p, c_char_p, c_uint64, c_uint64)


class rf_error(Structure):
    _fields_ = [("code", c_int), ("db_code", c_int), ("message", c_char_p)]


class rf_store_options(Structure):
    _fields_ = [("version", c_uint), ("busy_timeout_ms", c_int32),
                ("durability", c_int32), ("flags", c_uint32),
                ("cache_size_kib", c_int32), ("clock", ClockFn),
                ("clock_ctx", c_void_p)]


class rf_program_rules(Structure):
    _fields_ = [("version", c_uint), ("model", c_int32), ("code_length", c_int32),
                ("lookback_ms", c_int64), ("duplicate_window_ms", c_int64),
                ("lock_first_referrer", c_int32),
                # version 2
                ("half_life_ms", c_int64), ("position_first_bp", c_int32),
                ("position_last_bp", c_int32), ("custom_count", c_uint32),
                ("custom_weights", POINTER(c_int32)), ("sale_follows_lead", c_int32),
                ("renewal_months", c_int32)]


class rf_program(Structure):
    _fields_ = [("id", c_int64), ("key", c_char_p), ("name", c_char_p),
                ("status", c_int32), ("rules_version", c_int64),
                ("rules", POINTER(rf_program_rules)), ("created_at_ms", c_int64),
                ("updated_at_ms", c_int64)]


class rf_programs(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_program)))]


class rf_advocate_spec(Structure):
    _fields_ = [("version", c_uint), ("external_id", c_char_p), ("kind", c_int32),
                ("display_name", c_char_p), ("email", c_char_p),
                # version 2
                ("customer_id", c_char_p), ("visitor_id", c_char_p), ("ip", c_char_p),
                ("user_agent", c_char_p)]


class rf_advocate(Structure):
    _fields_ = [("id", c_int64), ("external_id", c_char_p), ("kind", c_int32),
                ("display_name", c_char_p), ("status", c_int32),
                ("has_email", c_int32), ("created_at_ms", c_int64),
                ("customer_id", c_char_p)]


class rf_advocates(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_advocate))),
                ("next_cursor", c_int64)]


class rf_code_spec(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("advocate", c_char_p),
                ("channel", c_int32), ("vanity", c_char_p),
                ("expires_at_ms", c_int64), ("max_uses", c_int64), ("content", c_char_p)]


class rf_code(Structure):
    _fields_ = [("id", c_int64), ("code", c_char_p), ("display", c_char_p),
                ("program", c_char_p), ("advocate", c_char_p), ("channel", c_int32),
                ("status", c_int32), ("vanity", c_int32), ("expires_at_ms", c_int64),
                ("max_uses", c_int64), ("uses", c_int64), ("created_at_ms", c_int64),
                ("content", c_char_p)]


class rf_codes(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_code)))]


class rf_touchpoint_spec(Structure):
    _fields_ = [("version", c_uint), ("code", c_char_p), ("visitor_id", c_char_p),
                ("kind", c_int32), ("at_ms", c_int64), ("landing_url", c_char_p),
                ("ip", c_char_p), ("user_agent", c_char_p),
                # version 2
                ("direct", c_int32)]


class rf_touchpoint(Structure):
    _fields_ = [("id", c_int64), ("visitor_id", c_char_p), ("code", c_char_p),
                ("program", c_char_p), ("advocate", c_char_p), ("channel", c_int32),
                ("kind", c_int32), ("at_ms", c_int64), ("duplicate", c_int32),
                ("direct", c_int32)]


class rf_conversion_spec(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("visitor_id", c_char_p),
                ("order_id", c_char_p), ("kind", c_int32), ("value_minor", c_int64),
                ("currency", c_char_p), ("at_ms", c_int64),
                # version 2
                ("customer_id", c_char_p), ("code", c_char_p),
                # version 3
                ("email", c_char_p), ("ip", c_char_p), ("user_agent", c_char_p),
                ("existing_customer", c_int32)]


class rf_credit(Structure):
    _fields_ = [("advocate", c_char_p), ("code", c_char_p), ("channel", c_int32),
                ("weight", c_double), ("value_minor", c_int64),
                ("refunded_minor", c_int64)]


class rf_conversion(Structure):
    _fields_ = [("id", c_int64), ("program", c_char_p), ("order_id", c_char_p),
                ("visitor_id", c_char_p), ("kind", c_int32), ("value_minor", c_int64),
                ("currency", c_char_p), ("at_ms", c_int64), ("attributed", c_int32),
                ("model", c_int32), ("rules_version", c_int64),
                ("credit_count", c_size_t), ("credits", POINTER(POINTER(rf_credit))),
                ("customer_id", c_char_p), ("refunded_minor", c_int64),
                ("follows_order", c_char_p), ("replayed", c_int32)]


class rf_refund_spec(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("order_id", c_char_p),
                ("refund_id", c_char_p), ("amount_minor", c_int64), ("at_ms", c_int64)]


class rf_explained_touch(Structure):
    _fields_ = [("touchpoint_id", c_int64), ("code", c_char_p), ("advocate", c_char_p),
                ("channel", c_int32), ("kind", c_int32), ("at_ms", c_int64),
                ("weight", c_double), ("value_minor", c_int64), ("note", c_char_p)]


class rf_explanation(Structure):
    _fields_ = [("program", c_char_p), ("order_id", c_char_p), ("model", c_int32),
                ("rules_version", c_int64), ("lookback_ms", c_int64),
                ("window_start_ms", c_int64), ("window_end_ms", c_int64),
                ("summary", c_char_p), ("touch_count", c_size_t),
                ("touches", POINTER(POINTER(rf_explained_touch))),
                ("parameters", c_char_p), ("currency", c_char_p)]


class rf_stats_query(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("advocate", c_char_p),
                ("from_ms", c_int64), ("to_ms", c_int64)]


class rf_money(Structure):
    _fields_ = [("currency", c_char_p), ("value_minor", c_int64)]


class rf_stats(Structure):
    _fields_ = [("touchpoints", c_int64), ("unique_touchpoints", c_int64),
                ("unique_visitors", c_int64), ("conversions", c_int64),
                ("attributed_conversions", c_int64), ("credited_conversions", c_double),
                ("conversion_rate", c_double), ("value_count", c_size_t),
                ("values", POINTER(POINTER(rf_money)))]


class rf_report_query(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("from_ms", c_int64),
                ("to_ms", c_int64), ("period", c_int32), ("limit", c_uint32)]


class rf_report_bucket(Structure):
    _fields_ = [("start_ms", c_int64), ("end_ms", c_int64), ("touchpoints", c_int64),
                ("unique_visitors", c_int64), ("conversions", c_int64),
                ("attributed_conversions", c_int64), ("conversion_rate", c_double),
                ("active_advocates", c_int64), ("value_count", c_size_t),
                ("values", POINTER(POINTER(rf_money)))]


class rf_report_series(Structure):
    _fields_ = [("period", c_int32), ("count", c_size_t),
                ("buckets", POINTER(POINTER(rf_report_bucket)))]


class rf_report_split_row(Structure):
    _fields_ = [("key", c_char_p), ("name", c_char_p), ("touchpoints", c_int64),
                ("unique_visitors", c_int64), ("attributed_conversions", c_int64),
                ("credited_conversions", c_double), ("value_count", c_size_t),
                ("values", POINTER(POINTER(rf_money)))]


class rf_report_split(Structure):
    _fields_ = [("by", c_int32), ("count", c_size_t),
                ("rows", POINTER(POINTER(rf_report_split_row)))]


class rf_report_funnel(Structure):
    _fields_ = [("visitors", c_int64), ("signed_up", c_int64), ("purchased", c_int64),
                ("purchased_any", c_int64), ("signup_rate", c_double),
                ("purchase_rate", c_double)]


class rf_report_currency(Structure):
    _fields_ = [("currency", c_char_p), ("value_minor", c_int64),
                ("reward_cost_minor", c_int64), ("return_on_spend", c_double)]


class rf_report_summary(Structure):
    _fields_ = [("touchpoints", c_int64), ("unique_visitors", c_int64),
                ("conversions", c_int64), ("attributed_conversions", c_int64),
                ("conversion_rate", c_double), ("new_customers", c_int64),
                ("returning_customers", c_int64), ("active_advocates", c_int64),
                ("k_factor", c_double), ("currency_count", c_size_t),
                ("currencies", POINTER(POINTER(rf_report_currency)))]


class rf_fit_value(Structure):
    _fields_ = [("advocate", c_char_p), ("value", c_double), ("weight", c_double)]


class rf_fit(Structure):
    _fields_ = [("model", c_int32), ("journeys", c_int64), ("conversions", c_int64),
                ("p_conversion", c_double), ("fitted_at_ms", c_int64), ("count", c_size_t),
                ("values", POINTER(POINTER(rf_fit_value)))]


class rf_replay_row(Structure):
    _fields_ = [("target", c_int32), ("name", c_char_p), ("currency", c_char_p),
                ("current_conversions", c_double), ("replay_conversions", c_double),
                ("current_value_minor", c_int64), ("replay_value_minor", c_int64)]


class rf_replay(Structure):
    _fields_ = [("conversions", c_int64), ("changed", c_int64), ("count", c_size_t),
                ("rows", POINTER(POINTER(rf_replay_row)))]


class PathsHandle(c_void_p):
    """Opaque ``rf_paths *``."""


class rf_paths_options(Structure):
    _fields_ = [("version", c_uint), ("model", c_int32), ("half_life_ms", c_int64),
                ("position_first_bp", c_int32), ("position_last_bp", c_int32),
                ("markov_order", c_int32)]


class rf_path_credit(Structure):
    _fields_ = [("channel", c_char_p), ("conversions", c_double), ("value", c_double)]


class rf_path_credits(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_path_credit)))]


class rf_link(Structure):
    _fields_ = [("url", c_char_p), ("code", c_char_p), ("campaign", c_char_p),
                ("content", c_char_p), ("expires_at_ms", c_int64), ("key_id", c_int64)]


class rf_link_key(Structure):
    _fields_ = [("id", c_int64), ("created_at_ms", c_int64), ("retired_at_ms", c_int64)]


class rf_link_keys(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_link_key)))]


class rf_consent_change(Structure):
    _fields_ = [("purpose", c_int32), ("granted", c_int32), ("source", c_char_p),
                ("at_ms", c_int64)]


class rf_consent(Structure):
    _fields_ = [("advocate", c_char_p), ("tracking", c_int32), ("messages", c_int32),
                ("tracking_at_ms", c_int64), ("messages_at_ms", c_int64),
                ("count", c_size_t), ("items", POINTER(POINTER(rf_consent_change)))]
class rf_hash_key(Structure):
    _fields_ = [("id", c_int64), ("created_at_ms", c_int64), ("retired_at_ms", c_int64),
                ("expires_at_ms", c_int64), ("live", c_int32), ("destroyed", c_int32)]


class rf_hash_keys(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_hash_key)))]


class rf_privacy_policy(Structure):
    _fields_ = [("version", c_uint), ("ip_truncate", c_int32), ("retention_ms", c_int64)]


class rf_privacy_settings(Structure):
    _fields_ = [("program", c_char_p), ("revision", c_int64), ("ip_truncate", c_int32),
                ("retention_ms", c_int64), ("set_at_ms", c_int64)]
class rf_reward_rule(Structure):
    _fields_ = [("version", c_uint), ("id", c_int64), ("side", c_int32), ("event", c_int32),
                ("kind", c_int32), ("basis", c_int32), ("amount", c_int64),
                ("min_referrals", c_int64), ("max_referrals", c_int64), ("nth", c_int64),
                ("months", c_int32), ("kinds", c_int32), ("min_value", c_int64),
                ("max_value", c_int64), ("currency", c_char_p), ("code_bank", c_char_p),
                ("approve_at_once", c_int32), ("label", c_char_p)]


class rf_reward_policy(Structure):
    _fields_ = [("version", c_uint), ("holding_ms", c_int64), ("min_payout_minor", c_int64),
                ("day_count", c_int64), ("day_amount", c_int64), ("week_count", c_int64),
                ("week_amount", c_int64), ("month_count", c_int64), ("month_amount", c_int64),
                ("total_count", c_int64), ("total_amount", c_int64), ("budget_minor", c_int64),
                ("budget_currency", c_char_p)]


class rf_reward_config(Structure):
    _fields_ = [("program", c_char_p), ("version", c_int64),
                ("policy", POINTER(rf_reward_policy)), ("rule_count", c_size_t),
                ("rules", POINTER(POINTER(rf_reward_rule)))]


class rf_reward(Structure):
    _fields_ = [("id", c_int64), ("order_id", c_char_p), ("recipient", c_char_p),
                ("side", c_int32), ("rule_id", c_int64), ("config_version", c_int64),
                ("kind", c_int32), ("state", c_int32), ("unit", c_char_p),
                ("requested", c_int64), ("amount", c_int64), ("clawed", c_int64),
                ("coupon", c_char_p), ("note", c_char_p), ("created_at_ms", c_int64),
                ("due_at_ms", c_int64)]


class rf_reward_list(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_reward)))]


class rf_balance(Structure):
    _fields_ = [("recipient", c_char_p), ("side", c_int32), ("kind", c_int32),
                ("unit", c_char_p), ("held", c_int64), ("pending", c_int64),
                ("approved", c_int64), ("paid", c_int64), ("owed", c_int64)]


class rf_balance_list(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_balance)))]


class rf_payout_line(Structure):
    _fields_ = [("recipient", c_char_p), ("side", c_int32), ("kind", c_int32),
                ("unit", c_char_p), ("amount", c_int64), ("settled_owed", c_int64),
                ("rewards", c_int64)]


class rf_payout(Structure):
    _fields_ = [("program", c_char_p), ("payout_id", c_char_p), ("at_ms", c_int64),
                ("count", c_size_t), ("lines", POINTER(POINTER(rf_payout_line))),
                ("replayed", c_int32)]
class rf_export_options(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("what", c_int32),
                ("format", c_int32), ("from_ms", c_int64), ("to_ms", c_int64),
                ("flags", c_uint32)]


class rf_import_options(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("what", c_int32)]


class rf_activity_spec(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("advocate", c_char_p),
                ("type", c_int32), ("at_ms", c_int64), ("channel", c_int32),
                ("content", c_char_p), ("answer", c_int32)]


class rf_activity(Structure):
    _fields_ = [("id", c_int64), ("advocate", c_char_p), ("type", c_int32),
                ("at_ms", c_int64), ("channel", c_int32), ("content", c_char_p),
                ("answer", c_int32)]


class rf_activity_list(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_activity)))]


class rf_fraud_policy(Structure):
    _fields_ = [("version", c_uint), ("approve_below", c_int32), ("reject_from", c_int32),
                ("weight_self_referral", c_int32), ("weight_disposable_email", c_int32),
                ("weight_conversion_velocity", c_int32), ("weight_click_velocity", c_int32),
                ("weight_fast_conversion", c_int32), ("weight_existing_customer", c_int32),
                ("weight_duplicate_identity", c_int32), ("weight_referral_ring", c_int32),
                ("weight_bot", c_int32), ("hard_signals", c_uint32), ("window_ms", c_int64),
                ("max_conversions_advocate", c_int32), ("max_conversions_ip", c_int32),
                ("max_clicks_advocate", c_int32), ("max_clicks_ip", c_int32),
                ("min_click_to_conversion_ms", c_int64), ("ring_max_depth", c_int32)]


class rf_fraud_signal_hit(Structure):
    _fields_ = [("kind", c_int32), ("weight", c_int32), ("hard", c_int32),
                ("evidence", c_char_p)]


class rf_fraud_check(Structure):
    _fields_ = [("program", c_char_p), ("order_id", c_char_p), ("advocate", c_char_p),
                ("at_ms", c_int64), ("risk", c_int32), ("decision", c_int32),
                ("status", c_int32), ("policy_version", c_int64), ("reviewer", c_char_p),
                ("review_reason", c_char_p), ("reviewed_at_ms", c_int64),
                ("summary", c_char_p), ("signal_count", c_size_t),
                ("signals", POINTER(POINTER(rf_fraud_signal_hit)))]


class rf_fraud_checks(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_fraud_check))),
                ("next_cursor", c_int64)]


class rf_engagement_config(Structure):
    _fields_ = [("version", c_uint), ("cap_messages", c_int32), ("cap_window_ms", c_int64),
                ("active_min_activities", c_int32), ("referring_min_referrals", c_int32),
                ("champion_min_referrals", c_int32), ("dormant_after_ms", c_int64),
                ("ask_cap", c_int32), ("ask_window_ms", c_int64)]


class rf_message(Structure):
    _fields_ = [("id", c_int64), ("program", c_char_p), ("advocate", c_char_p),
                ("kind", c_char_p), ("body", c_char_p), ("status", c_int32),
                ("automated", c_int32), ("reason", c_char_p), ("event_at_ms", c_int64),
                ("queued_at_ms", c_int64), ("acked_at_ms", c_int64),
                ("config_version", c_int64)]


class rf_messages(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_message))),
                ("next_cursor", c_int64)]


class rf_purge(Structure):
    _fields_ = [("program", c_char_p), ("cutoff_ms", c_int64), ("touchpoints", c_int64),
                ("activities", c_int64)]


class rf_score_config(Structure):
    _fields_ = [("version", c_uint), ("activity_weights", POINTER(c_int32)),
                ("activity_weight_count", c_uint32), ("activity_half_life_ms", c_int64),
                ("value_half_life_ms", c_int64), ("weight_activity", c_int32),
                ("weight_value", c_int32), ("weight_quality", c_int32),
                ("weight_network", c_int32), ("activity_half_points", c_int64),
                ("value_half_minor", c_int64), ("risk_percent", c_int32), ("tiers", c_char_p)]


class rf_score_settings(Structure):
    _fields_ = [("config_version", c_int64), ("config", POINTER(rf_score_config))]


class rf_score_component(Structure):
    _fields_ = [("name", c_char_p), ("raw", c_double), ("normalized", c_double),
                ("weight", c_int32), ("points", c_double)]


class rf_score_event(Structure):
    _fields_ = [("kind", c_char_p), ("id", c_int64), ("ref", c_char_p), ("at_ms", c_int64),
                ("raw", c_double), ("points", c_double)]


class rf_badge(Structure):
    _fields_ = [("kind", c_int32), ("period_ms", c_int64), ("at_ms", c_int64)]


class rf_score(Structure):
    _fields_ = [("program", c_char_p), ("advocate", c_char_p), ("score", c_double),
                ("config_version", c_int64), ("at_ms", c_int64), ("risk", c_double),
                ("activities", c_int64), ("referrals", c_int64), ("kept", c_int64),
                ("value_net_minor", c_int64), ("last_at_ms", c_int64), ("tier", c_int32),
                ("tier_name", c_char_p), ("recency_q", c_int32), ("frequency_q", c_int32),
                ("value_q", c_int32), ("component_count", c_size_t),
                ("components", POINTER(POINTER(rf_score_component))),
                ("event_count", c_size_t), ("events", POINTER(POINTER(rf_score_event))),
                ("badge_count", c_size_t), ("badges", POINTER(POINTER(rf_badge)))]


class rf_leaderboard_query(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("period", c_int32),
                ("by", c_int32), ("top", c_uint32), ("advocate", c_char_p)]


class rf_leaderboard_entry(Structure):
    _fields_ = [("rank", c_int64), ("advocate", c_char_p), ("display_name", c_char_p),
                ("metric", c_double), ("referrals", c_int64), ("value_minor", c_int64)]


class rf_leaderboard(Structure):
    _fields_ = [("from_ms", c_int64), ("to_ms", c_int64), ("config_version", c_int64),
                ("ranked", c_int64), ("count", c_size_t),
                ("entries", POINTER(POINTER(rf_leaderboard_entry))),
                ("advocate", POINTER(rf_leaderboard_entry))]


class rf_program_metrics(Structure):
    _fields_ = [("from_ms", c_int64), ("to_ms", c_int64), ("advocates", c_int64),
                ("active_advocates", c_int64), ("active_share", c_double),
                ("invites", c_int64), ("inviting_advocates", c_int64),
                ("referred_conversions", c_int64), ("invites_per_advocate", c_double),
                ("invite_conversion", c_double), ("k_factor", c_double),
                ("cycle_time_ms", c_double), ("cycles", c_int64), ("promoters", c_int64),
                ("passives", c_int64), ("detractors", c_int64), ("nps", c_double)]


class rf_stage_change(Structure):
    _fields_ = [("stage", c_int32), ("previous", c_int32), ("at_ms", c_int64),
                ("config_version", c_int64)]


class rf_stage(Structure):
    _fields_ = [("program", c_char_p), ("advocate", c_char_p), ("stage", c_int32),
                ("since_ms", c_int64), ("activities", c_int64), ("referrals", c_int64),
                ("last_activity_at_ms", c_int64), ("last_referral_at_ms", c_int64),
                ("config_version", c_int64), ("count", c_size_t),
                ("items", POINTER(POINTER(rf_stage_change)))]


class rf_stage_counts(Structure):
    _fields_ = [("program", c_char_p), ("config_version", c_int64), ("advocates", c_int64),
                ("invited", c_int64), ("active", c_int64), ("referring", c_int64),
                ("champion", c_int64), ("dormant", c_int64)]


class rf_content_spec(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("key", c_char_p),
                ("title", c_char_p), ("url", c_char_p), ("kind", c_int32), ("stages", c_uint32),
                ("min_tier", c_char_p)]


class rf_content(Structure):
    _fields_ = [("id", c_int64), ("program", c_char_p), ("key", c_char_p), ("title", c_char_p),
                ("url", c_char_p), ("kind", c_int32), ("stages", c_uint32),
                ("min_tier", c_char_p), ("status", c_int32), ("created_at_ms", c_int64)]


class rf_content_list(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_content)))]


class rf_content_stat(Structure):
    _fields_ = [("key", c_char_p), ("title", c_char_p), ("kind", c_int32), ("status", c_int32),
                ("codes", c_int64), ("clicks", c_int64), ("unique_visitors", c_int64),
                ("conversions", c_int64), ("value_minor", c_int64)]


class rf_content_stats(Structure):
    _fields_ = [("program", c_char_p), ("from_ms", c_int64), ("to_ms", c_int64),
                ("currency", c_char_p), ("count", c_size_t),
                ("items", POINTER(POINTER(rf_content_stat)))]


class rf_testimonial_spec(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("advocate", c_char_p),
                ("product", c_char_p), ("body", c_char_p), ("rating", c_int32),
                ("publish_consent", c_int32), ("at_ms", c_int64)]


class rf_testimonial(Structure):
    _fields_ = [("id", c_int64), ("program", c_char_p), ("advocate", c_char_p),
                ("advocate_kind", c_int32), ("display_name", c_char_p), ("segment", c_char_p),
                ("product", c_char_p), ("body", c_char_p), ("rating", c_int32),
                ("publish_consent", c_int32), ("status", c_int32), ("created_at_ms", c_int64),
                ("decided_at_ms", c_int64)]


class rf_testimonials(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_testimonial))),
                ("next_cursor", c_int64)]


class rf_testimonial_query(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("which", c_int32),
                ("product", c_char_p), ("segment", c_char_p), ("advocate_kind", c_int32),
                ("advocate", c_char_p), ("min_rating", c_int32), ("cursor", c_int64),
                ("limit", c_uint32)]


class rf_reference_query(Structure):
    _fields_ = [("version", c_uint), ("program", c_char_p), ("advocate_kind", c_int32),
                ("segment", c_char_p), ("min_score", c_int32), ("limit", c_uint32)]


class rf_reference_candidate(Structure):
    _fields_ = [("id", c_int64), ("advocate", c_char_p), ("advocate_kind", c_int32),
                ("display_name", c_char_p), ("segment", c_char_p), ("score", c_double),
                ("asks", c_int64), ("last_asked_at_ms", c_int64)]


class rf_reference_candidates(Structure):
    _fields_ = [("count", c_size_t), ("items", POINTER(POINTER(rf_reference_candidate))),
                ("at_ms", c_int64), ("score_config_version", c_int64),
                ("config_version", c_int64)]


class rf_reference(Structure):
    _fields_ = [("id", c_int64), ("program", c_char_p), ("advocate", c_char_p),
                ("prospect", c_char_p), ("outcome", c_int32), ("asked_at_ms", c_int64),
                ("accepted_at_ms", c_int64), ("closed_at_ms", c_int64)]


#: Every struct, by C name, for layout checks against the compiler.
STRUCTS = {cls.__name__: cls for cls in (
    rf_engagement_config, rf_message, rf_messages,
    rf_fraud_policy, rf_fraud_signal_hit, rf_fraud_check, rf_fraud_checks,
    rf_error, rf_store_options, rf_program_rules, rf_program, rf_programs,
    rf_advocate_spec, rf_advocate, rf_advocates, rf_code_spec, rf_code, rf_codes,
    rf_touchpoint_spec, rf_touchpoint, rf_conversion_spec, rf_credit, rf_conversion,
    rf_refund_spec, rf_explained_touch, rf_explanation, rf_stats_query, rf_money, rf_stats,
    rf_fit_value, rf_fit, rf_replay_row, rf_replay, rf_paths_options, rf_path_credit,
    rf_path_credits, rf_report_query, rf_report_bucket, rf_report_series,
    rf_report_split_row, rf_report_split, rf_report_funnel, rf_report_currency,
    rf_report_summary, rf_link, rf_link_key,
    rf_link_keys, rf_consent_change, rf_consent, rf_hash_key, rf_hash_keys,
    rf_privacy_policy, rf_privacy_settings, rf_reward_rule, rf_reward_policy, rf_reward_config,
    rf_reward, rf_reward_list, rf_balance, rf_balance_list, rf_payout_line, rf_payout,
    rf_activity_spec, rf_activity, rf_activity_list, rf_export_options, rf_import_options,
    rf_purge,
    rf_score_config, rf_score_settings, rf_score_component, rf_score_event, rf_badge, rf_score,
    rf_leaderboard_query, rf_leaderboard_entry, rf_leaderboard, rf_program_metrics,
    rf_stage_change, rf_stage, rf_stage_counts,
    rf_content_spec, rf_content, rf_content_list, rf_content_stat, rf_content_stats,
    rf_testimonial_spec, rf_testimonial, rf_testimonials, rf_testimonial_query,
    rf_reference_query, rf_reference_candidate, rf_reference_candidates, rf_reference)}

# Version numbers of the input structs these declarations describe.
STORE_OPTIONS_VERSION = 1
PROGRAM_RULES_VERSION = 2
ADVOCATE_SPEC_VERSION = 2
CODE_SPEC_VERSION = 2
TOUCHPOINT_SPEC_VERSION = 2
CONVERSION_SPEC_VERSION = 3
REFUND_SPEC_VERSION = 1
STATS_QUERY_VERSION = 1
REPORT_QUERY_VERSION = 1
REPORT_MAX_BUCKETS = 20000
PATHS_OPTIONS_VERSION = 1
CUSTOM_WEIGHTS_MAX = 32
PATH_MAX_STEPS = 1024
PATH_MAX_CHANNELS = 2000
CODE_BUFSIZE = 40
EMAIL_BUFSIZE = 2049
FRAUD_POLICY_VERSION = 1
STORE_NO_CREATE = 1
LIST_INCLUDE_ARCHIVED = 1
PRIVACY_POLICY_VERSION = 1
HASH_KEYS_MAX = 4
REWARD_RULE_VERSION = 1
REWARD_POLICY_VERSION = 1
ACTIVITY_SPEC_VERSION = 1
ACTIVITY_TYPE_COUNT = 13
EXPORT_OPTIONS_VERSION = 1
IMPORT_OPTIONS_VERSION = 1
EXPORT_PSEUDONYMS = 1
IMPORT_MAX_RECORD = 65536
ENGAGEMENT_CONFIG_VERSION = 1
OUTBOX_ALL = 1
SCORE_CONFIG_VERSION = 1
LEADERBOARD_QUERY_VERSION = 1
CONTENT_SPEC_VERSION = 1
CONTENT_ARCHIVED = 1
SEGMENT_BUFSIZE = 65
TESTIMONIAL_SPEC_VERSION = 1
TESTIMONIAL_QUERY_VERSION = 1
REFERENCE_QUERY_VERSION = 1


def _out(cls: Any) -> Any:
    """Type of an ``rf_x **out`` parameter."""
    return POINTER(POINTER(cls))


_S = StoreHandle
# name: (restype, argtypes, returns an rf_status to check)
SIGNATURES = {
    "rf_version": (c_int, [POINTER(c_int), POINTER(c_int), POINTER(c_int)], False),
    "rf_version_string": (c_char_p, [], False),
    "rf_error_last": (POINTER(rf_error), [], False),
    "rf_error_clear": (None, [], False),
    "rf_strerror": (c_char_p, [c_int], False),
    "rf_enum_name": (c_char_p, [c_int, c_int32], False),
    "rf_enum_parse": (c_int, [POINTER(c_int32), c_int, c_char_p], True),
    "rf_store_options_init": (c_int, [POINTER(rf_store_options), c_uint], True),
    "rf_store_open": (c_int, [POINTER(StoreHandle), c_char_p, POINTER(rf_store_options)], True),
    "rf_store_close": (c_int, [_S], True),
    "rf_store_free": (None, [_S], False),
    "rf_store_check": (c_int, [_S], True),
    "rf_store_schema_version": (c_int, [], False),
    "rf_store_now": (c_int, [POINTER(c_int64), _S], True),
    "rf_store_set_progress": (c_int, [_S, ProgressFn, c_void_p], True),
    "rf_program_rules_init": (c_int, [POINTER(rf_program_rules), c_uint], True),
    "rf_program_create": (c_int, [_out(rf_program), _S, c_char_p, c_char_p,
                                  POINTER(rf_program_rules)], True),
    "rf_program_get": (c_int, [_out(rf_program), _S, c_char_p], True),
    "rf_program_update": (c_int, [_out(rf_program), _S, c_char_p, c_char_p,
                                  POINTER(rf_program_rules)], True),
    "rf_program_archive": (c_int, [_S, c_char_p], True),
    "rf_program_list": (c_int, [_out(rf_programs), _S, c_uint32], True),
    "rf_program_free": (None, [POINTER(rf_program)], False),
    "rf_programs_free": (None, [POINTER(rf_programs)], False),
    "rf_email_normalize": (c_int, [POINTER(c_char), c_size_t, c_char_p], True),
    "rf_fraud_policy_init": (c_int, [POINTER(rf_fraud_policy), c_uint], True),
    "rf_fraud_policy_set": (c_int, [POINTER(c_int64), _S, c_char_p, POINTER(rf_fraud_policy)],
                            True),
    "rf_fraud_policy_get": (c_int, [POINTER(rf_fraud_policy), POINTER(c_int64), _S, c_char_p],
                            True),
    "rf_fraud_get": (c_int, [_out(rf_fraud_check), _S, c_char_p, c_char_p], True),
    "rf_fraud_queue": (c_int, [_out(rf_fraud_checks), _S, c_char_p, c_int64, c_uint32], True),
    "rf_fraud_review": (c_int, [_out(rf_fraud_check), _S, c_char_p, c_char_p, c_int32,
                                c_char_p, c_char_p], True),
    "rf_fraud_check_free": (None, [POINTER(rf_fraud_check)], False),
    "rf_fraud_checks_free": (None, [POINTER(rf_fraud_checks)], False),
    "rf_fraud_domains_load": (c_int, [POINTER(c_int64), _S, c_char_p], True),
    "rf_advocate_spec_init": (c_int, [POINTER(rf_advocate_spec), c_uint], True),
    "rf_advocate_add": (c_int, [_out(rf_advocate), _S, POINTER(rf_advocate_spec)], True),
    "rf_advocate_get": (c_int, [_out(rf_advocate), _S, c_char_p], True),
    "rf_advocate_list": (c_int, [_out(rf_advocates), _S, c_int64, c_uint32], True),
    "rf_advocate_deactivate": (c_int, [_S, c_char_p], True),
    "rf_advocate_free": (None, [POINTER(rf_advocate)], False),
    "rf_advocates_free": (None, [POINTER(rf_advocates)], False),
    "rf_code_spec_init": (c_int, [POINTER(rf_code_spec), c_uint], True),
    "rf_code_issue": (c_int, [_out(rf_code), _S, POINTER(rf_code_spec)], True),
    "rf_code_resolve": (c_int, [_out(rf_code), _S, c_char_p], True),
    "rf_code_get": (c_int, [_out(rf_code), _S, c_char_p], True),
    "rf_code_disable": (c_int, [_S, c_char_p], True),
    "rf_code_list": (c_int, [_out(rf_codes), _S, c_char_p, c_char_p], True),
    "rf_codes_free": (None, [POINTER(rf_codes)], False),
    "rf_code_normalize": (c_int, [POINTER(c_char), c_size_t, c_char_p], True),
    "rf_code_free": (None, [POINTER(rf_code)], False),
    "rf_touchpoint_spec_init": (c_int, [POINTER(rf_touchpoint_spec), c_uint], True),
    "rf_touchpoint_record": (c_int, [_out(rf_touchpoint), _S,
                                     POINTER(rf_touchpoint_spec)], True),
    "rf_touchpoint_record_batch": (c_int, [_S, POINTER(POINTER(rf_touchpoint_spec)),
                                           c_size_t], True),
    "rf_touchpoint_free": (None, [POINTER(rf_touchpoint)], False),
    "rf_conversion_spec_init": (c_int, [POINTER(rf_conversion_spec), c_uint], True),
    "rf_conversion_record": (c_int, [_out(rf_conversion), _S,
                                     POINTER(rf_conversion_spec)], True),
    "rf_conversion_get": (c_int, [_out(rf_conversion), _S, c_char_p, c_char_p], True),
    "rf_conversion_free": (None, [POINTER(rf_conversion)], False),
    "rf_explanation_get": (c_int, [_out(rf_explanation), _S, c_char_p, c_char_p], True),
    "rf_explanation_free": (None, [POINTER(rf_explanation)], False),
    "rf_stats_query_init": (c_int, [POINTER(rf_stats_query), c_uint], True),
    "rf_stats_get": (c_int, [_out(rf_stats), _S, POINTER(rf_stats_query)], True),
    "rf_stats_free": (None, [POINTER(rf_stats)], False),
    "rf_report_query_init": (c_int, [POINTER(rf_report_query), c_uint], True),
    "rf_report_series_get": (c_int, [_out(rf_report_series), _S, POINTER(rf_report_query)],
                             True),
    "rf_report_series_free": (None, [POINTER(rf_report_series)], False),
    "rf_report_split_get": (c_int, [_out(rf_report_split), _S, POINTER(rf_report_query),
                                    c_int32], True),
    "rf_report_split_free": (None, [POINTER(rf_report_split)], False),
    "rf_report_funnel_get": (c_int, [_out(rf_report_funnel), _S, POINTER(rf_report_query)],
                             True),
    "rf_report_funnel_free": (None, [POINTER(rf_report_funnel)], False),
    "rf_report_summary_get": (c_int, [_out(rf_report_summary), _S, POINTER(rf_report_query)],
                              True),
    "rf_report_summary_free": (None, [POINTER(rf_report_summary)], False),
    "rf_refund_spec_init": (c_int, [POINTER(rf_refund_spec), c_uint], True),
    "rf_conversion_refund": (c_int, [_out(rf_conversion), _S, POINTER(rf_refund_spec)], True),
    "rf_identify": (c_int, [_S, c_char_p, c_char_p], True),
    "rf_link_key_add": (c_int, [_S, POINTER(c_int64)], True),
    "rf_link_key_retire": (c_int, [_S, c_int64], True),
    "rf_link_key_list": (c_int, [_out(rf_link_keys), _S], True),
    "rf_link_keys_free": (None, [POINTER(rf_link_keys)], False),
    "rf_link_build": (c_int, [_out(rf_link), _S, c_char_p, c_char_p, c_char_p, c_char_p,
                              c_int64], True),
    "rf_link_verify": (c_int, [_out(rf_link), _S, c_char_p], True),
    "rf_link_free": (None, [POINTER(rf_link)], False),
    "rf_consent_set": (c_int, [_S, c_char_p, c_int32, c_int32, c_char_p], True),
    "rf_consent_get": (c_int, [_out(rf_consent), _S, c_char_p], True),
    "rf_consent_free": (None, [POINTER(rf_consent)], False),
    "rf_engagement_config_init": (c_int, [POINTER(rf_engagement_config), c_uint], True),
    "rf_engagement_config_set": (c_int, [POINTER(c_int64), _S, c_char_p,
                                         POINTER(rf_engagement_config)], True),
    "rf_engagement_config_get": (c_int, [POINTER(rf_engagement_config), POINTER(c_int64), _S,
                                         c_char_p], True),
    "rf_template_set": (c_int, [_S, c_char_p, c_char_p, c_char_p], True),
    "rf_outbox_send": (c_int, [_out(rf_message), _S, c_char_p, c_char_p, c_char_p, c_char_p],
                       True),
    "rf_outbox_list": (c_int, [_out(rf_messages), _S, c_char_p, c_int64, c_uint32, c_uint32],
                       True),
    "rf_outbox_ack": (c_int, [POINTER(c_int64), _S, c_int64], True),
    "rf_message_free": (None, [POINTER(rf_message)], False),
    "rf_messages_free": (None, [POINTER(rf_messages)], False),
    "rf_stage_get": (c_int, [_out(rf_stage), _S, c_char_p, c_char_p], True),
    "rf_stage_free": (None, [POINTER(rf_stage)], False),
    "rf_stage_counts_get": (c_int, [_out(rf_stage_counts), _S, c_char_p], True),
    "rf_stage_counts_free": (None, [POINTER(rf_stage_counts)], False),
    "rf_stage_refresh": (c_int, [POINTER(c_int64), _S, c_char_p, c_int64], True),
    "rf_content_spec_init": (c_int, [POINTER(rf_content_spec), c_uint], True),
    "rf_content_add": (c_int, [_out(rf_content), _S, POINTER(rf_content_spec)], True),
    "rf_content_update": (c_int, [_out(rf_content), _S, POINTER(rf_content_spec)], True),
    "rf_content_archive": (c_int, [_S, c_char_p, c_char_p], True),
    "rf_content_list_get": (c_int, [_out(rf_content_list), _S, c_char_p, c_uint32], True),
    "rf_content_for": (c_int, [_out(rf_content_list), _S, c_char_p, c_char_p, c_uint32], True),
    "rf_content_free": (None, [POINTER(rf_content)], False),
    "rf_content_list_free": (None, [POINTER(rf_content_list)], False),
    "rf_content_performance": (c_int, [_out(rf_content_stats), _S, c_char_p, c_int64, c_int64,
                                       c_char_p, c_uint32], True),
    "rf_content_stats_free": (None, [POINTER(rf_content_stats)], False),
    "rf_secret_rotate": (c_int, [POINTER(c_int64), _S, c_int64], True),
    "rf_secret_expire": (c_int, [POINTER(c_int64), _S], True),
    "rf_secret_list": (c_int, [_out(rf_hash_keys), _S], True),
    "rf_hash_keys_free": (None, [POINTER(rf_hash_keys)], False),
    "rf_advocate_find_by_email": (c_int, [_out(rf_advocate), _S, c_char_p], True),
    "rf_advocate_set_email": (c_int, [_S, c_char_p, c_char_p], True),
    "rf_privacy_policy_init": (c_int, [POINTER(rf_privacy_policy), c_uint], True),
    "rf_privacy_policy_set": (c_int, [POINTER(c_int64), _S, c_char_p,
                                      POINTER(rf_privacy_policy)], True),
    "rf_privacy_policy_get": (c_int, [_out(rf_privacy_settings), _S, c_char_p], True),
    "rf_privacy_settings_free": (None, [POINTER(rf_privacy_settings)], False),
    "rf_reward_rule_init": (c_int, [POINTER(rf_reward_rule), c_uint], True),
    "rf_reward_policy_init": (c_int, [POINTER(rf_reward_policy), c_uint], True),
    "rf_reward_policy_set": (c_int, [POINTER(c_int64), _S, c_char_p,
                                     POINTER(rf_reward_policy)], True),
    "rf_reward_rule_add": (c_int, [POINTER(c_int64), _S, c_char_p, POINTER(rf_reward_rule)],
                           True),
    "rf_reward_rule_remove": (c_int, [_S, c_char_p, c_int64], True),
    "rf_reward_config_get": (c_int, [_out(rf_reward_config), _S, c_char_p], True),
    "rf_reward_config_free": (None, [POINTER(rf_reward_config)], False),
    "rf_reward_codes_load": (c_int, [POINTER(c_size_t), _S, c_char_p, c_char_p,
                                     POINTER(c_char_p), c_size_t], True),
    "rf_reward_list_get": (c_int, [_out(rf_reward_list), _S, c_char_p, c_char_p, c_char_p],
                           True),
    "rf_reward_list_free": (None, [POINTER(rf_reward_list)], False),
    "rf_reward_balances": (c_int, [_out(rf_balance_list), _S, c_char_p, c_char_p], True),
    "rf_balance_list_free": (None, [POINTER(rf_balance_list)], False),
    "rf_reward_settle": (c_int, [POINTER(c_size_t), _S, c_char_p, c_int64], True),
    "rf_payout_run": (c_int, [_out(rf_payout), _S, c_char_p, c_char_p, c_int64], True),
    "rf_payout_free": (None, [POINTER(rf_payout)], False),
    "rf_reward_check": (c_int, [_S], True),
    "rf_retention_purge": (c_int, [_out(rf_purge), _S, c_char_p], True),
    "rf_purge_free": (None, [POINTER(rf_purge)], False),
    "rf_advocate_erase": (c_int, [_S, c_char_p], True),
    "rf_customer_erase": (c_int, [_S, c_char_p], True),
    "rf_advocate_export": (c_int, [POINTER(c_void_p), _S, c_char_p], True),
    "rf_customer_export": (c_int, [POINTER(c_void_p), _S, c_char_p], True),
    "rf_person_export_free": (None, [c_void_p], False),
    "rf_model_fit": (c_int, [_out(rf_fit), _S, c_char_p, c_int32], True),
    "rf_fit_free": (None, [POINTER(rf_fit)], False),
    "rf_replay_run": (c_int, [_out(rf_replay), _S, c_char_p, POINTER(rf_program_rules),
                              c_int64, c_int64], True),
    "rf_replay_free": (None, [POINTER(rf_replay)], False),
    "rf_paths_options_init": (c_int, [POINTER(rf_paths_options), c_uint], True),
    "rf_paths_new": (c_int, [POINTER(PathsHandle), POINTER(rf_paths_options)], True),
    "rf_paths_add": (c_int, [PathsHandle, c_char_p, c_double, c_double, c_double], True),
    "rf_paths_result": (c_int, [_out(rf_path_credits), PathsHandle], True),
    "rf_paths_free": (None, [PathsHandle], False),
    "rf_path_credits_free": (None, [POINTER(rf_path_credits)], False),
    "rf_activity_spec_init": (c_int, [POINTER(rf_activity_spec), c_uint], True),
    "rf_activity_record": (c_int, [POINTER(c_int64), _S, POINTER(rf_activity_spec)], True),
    "rf_activity_record_batch": (c_int, [_S, POINTER(POINTER(rf_activity_spec)), c_size_t],
                                 True),
    "rf_activity_list_get": (c_int, [_out(rf_activity_list), _S, c_char_p, c_char_p, c_int64,
                                     c_int64, c_uint32], True),
    "rf_activity_list_free": (None, [POINTER(rf_activity_list)], False),
    "rf_export_options_init": (c_int, [POINTER(rf_export_options), c_uint], True),
    "rf_export": (c_int, [POINTER(c_int64), _S, POINTER(rf_export_options), ExportFn,
                          c_void_p], True),
    "rf_import_options_init": (c_int, [POINTER(rf_import_options), c_uint], True),
    "rf_import": (c_int, [POINTER(c_int64), _S, POINTER(rf_import_options), ImportFn,
                          c_void_p], True),
    "rf_score_config_init": (c_int, [POINTER(rf_score_config), c_uint], True),
    "rf_score_config_set": (c_int, [POINTER(c_int64), _S, c_char_p, POINTER(rf_score_config)],
                            True),
    "rf_score_config_get": (c_int, [_out(rf_score_settings), _S, c_char_p], True),
    "rf_score_settings_free": (None, [POINTER(rf_score_settings)], False),
    "rf_score_get": (c_int, [_out(rf_score), _S, c_char_p, c_char_p, c_int32], True),
    "rf_score_free": (None, [POINTER(rf_score)], False),
    "rf_score_recompute": (c_int, [_S, c_char_p], True),
    "rf_score_refresh": (c_int, [POINTER(c_int64), _S, c_char_p], True),
    "rf_leaderboard_query_init": (c_int, [POINTER(rf_leaderboard_query), c_uint], True),
    "rf_leaderboard_get": (c_int, [_out(rf_leaderboard), _S, POINTER(rf_leaderboard_query)],
                           True),
    "rf_leaderboard_free": (None, [POINTER(rf_leaderboard)], False),
    "rf_program_metrics_get": (c_int, [_out(rf_program_metrics), _S, c_char_p, c_int64,
                                       c_int64], True),
    "rf_program_metrics_free": (None, [POINTER(rf_program_metrics)], False),
    "rf_advocate_segment_set": (c_int, [_S, c_char_p, c_char_p], True),
    "rf_advocate_segment_get": (c_int, [POINTER(c_char), c_size_t, _S, c_char_p], True),
    "rf_testimonial_spec_init": (c_int, [POINTER(rf_testimonial_spec), c_uint], True),
    "rf_testimonial_submit": (c_int, [_out(rf_testimonial), _S, POINTER(rf_testimonial_spec)],
                              True),
    "rf_testimonial_decide": (c_int, [_out(rf_testimonial), _S, c_char_p, c_int64, c_int32],
                              True),
    "rf_testimonial_consent_set": (c_int, [_S, c_char_p, c_int64, c_int32], True),
    "rf_testimonial_get": (c_int, [_out(rf_testimonial), _S, c_char_p, c_int64], True),
    "rf_testimonial_query_init": (c_int, [POINTER(rf_testimonial_query), c_uint], True),
    "rf_testimonial_find": (c_int, [_out(rf_testimonials), _S, POINTER(rf_testimonial_query)],
                            True),
    "rf_testimonial_free": (None, [POINTER(rf_testimonial)], False),
    "rf_testimonials_free": (None, [POINTER(rf_testimonials)], False),
    "rf_reference_query_init": (c_int, [POINTER(rf_reference_query), c_uint], True),
    "rf_reference_find": (c_int, [_out(rf_reference_candidates), _S,
                                  POINTER(rf_reference_query)], True),
    "rf_reference_ask": (c_int, [_out(rf_reference), _S, c_char_p, c_char_p, c_char_p], True),
    "rf_reference_close": (c_int, [_out(rf_reference), _S, c_char_p, c_int64, c_int32], True),
    "rf_reference_get": (c_int, [_out(rf_reference), _S, c_char_p, c_int64], True),
    "rf_reference_free": (None, [POINTER(rf_reference)], False),
    "rf_reference_candidates_free": (None, [POINTER(rf_reference_candidates)], False),
}


class Lib:
    """The loaded library: one attribute per C function in SIGNATURES."""

    def __init__(self, dll: ctypes.CDLL, path: str) -> None:
        from .errors import check  # late: errors needs this module too
        self.dll, self.path = dll, path
        for name, (restype, argtypes, checked) in SIGNATURES.items():
            fn = getattr(dll, name)
            fn.restype, fn.argtypes = restype, argtypes
            if checked:
                fn.errcheck = check
            setattr(self, name, fn)


_lock = threading.Lock()
_lib: Optional[Lib] = None


def candidates(path: Optional[str] = None) -> Iterator[str]:
    """Where to look for the shared library, in order."""
    if path:
        yield os.fspath(path)
        return
    env = os.environ.get(ENV_VAR)
    if env:
        yield env
        return
    here = Path(__file__).resolve().parent
    # A copy inside the package, then a build tree at the top of the repository.
    for folder in (here, here.parent.parent.parent / "build"):
        candidate = folder / "libreferral.so"
        if candidate.exists():
            yield str(candidate)
    found = ctypes.util.find_library("referral")
    if found:
        yield found
    yield "libreferral.so.%d.%d" % ABI


def load(path: Optional[str] = None) -> Lib:
    """Load the library once (explicit path, $REFERRAL_LIBRARY, build tree, system)."""
    global _lib
    from .errors import InternalError, MisuseError, VersionError, RF_EMISUSE, RF_EVERSION, RF_ERROR
    with _lock:
        if _lib is not None:
            if path and os.path.realpath(path) != os.path.realpath(_lib.path):
                raise MisuseError(RF_EMISUSE, "libreferral already loaded from %s" % _lib.path)
            return _lib
        tried: List[str] = []
        for candidate in candidates(path):
            try:
                dll = ctypes.CDLL(candidate)
            except OSError as exc:
                tried.append("%s (%s)" % (candidate, exc))
                continue
            lib = Lib(dll, candidate)
            major, minor = c_int(), c_int()
            lib.rf_version(ctypes.byref(major), ctypes.byref(minor), None)
            if (major.value, minor.value) != ABI:
                raise VersionError(RF_EVERSION, "%s is libreferral %d.%d; these bindings need %d.%d"
                                   % (candidate, major.value, minor.value, *ABI))
            _lib = lib
            return lib
        raise InternalError(RF_ERROR, "libreferral not found; set %s. Tried: %s"
                    % (ENV_VAR, "; ".join(tried)))


def lib() -> Lib:
    """The loaded library, loading it on first use."""
    return _lib if _lib is not None else load()
