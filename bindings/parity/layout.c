/*
 * Prints the size of every public struct and the offset of every field, one
 * per line ("rf_code 88", "rf_code.uses 64"), as the compiler lays them out.
 * The Python and Ruby tests compare these numbers with their own declarations.
 */
#include <referral.h>

#include <stddef.h>
#include <stdio.h>

#define S(t) printf(#t " %zu\n", sizeof(t))
#define F(t, f) printf(#t "." #f " %zu\n", offsetof(t, f))

int main(void)
{
	S(rf_error); F(rf_error, code); F(rf_error, db_code); F(rf_error, message);
	S(rf_store_options); F(rf_store_options, version); F(rf_store_options, busy_timeout_ms);
	F(rf_store_options, durability); F(rf_store_options, flags);
	F(rf_store_options, cache_size_kib); F(rf_store_options, clock);
	F(rf_store_options, clock_ctx);
	S(rf_program_rules); F(rf_program_rules, version); F(rf_program_rules, model);
	F(rf_program_rules, code_length); F(rf_program_rules, lookback_ms);
	F(rf_program_rules, duplicate_window_ms); F(rf_program_rules, lock_first_referrer);
	F(rf_program_rules, half_life_ms); F(rf_program_rules, position_first_bp);
	F(rf_program_rules, position_last_bp); F(rf_program_rules, custom_count);
	F(rf_program_rules, custom_weights); F(rf_program_rules, sale_follows_lead);
	F(rf_program_rules, renewal_months);
	S(rf_program); F(rf_program, id); F(rf_program, key); F(rf_program, name);
	F(rf_program, status); F(rf_program, rules_version); F(rf_program, rules);
	F(rf_program, created_at_ms); F(rf_program, updated_at_ms);
	S(rf_programs); F(rf_programs, count); F(rf_programs, items);
	S(rf_codes); F(rf_codes, count); F(rf_codes, items);
	S(rf_advocate_spec); F(rf_advocate_spec, version); F(rf_advocate_spec, external_id);
	F(rf_advocate_spec, kind); F(rf_advocate_spec, display_name); F(rf_advocate_spec, email);
	F(rf_advocate_spec, customer_id); F(rf_advocate_spec, visitor_id); F(rf_advocate_spec, ip);
	F(rf_advocate_spec, user_agent);
	S(rf_advocate); F(rf_advocate, id); F(rf_advocate, external_id); F(rf_advocate, kind);
	F(rf_advocate, display_name); F(rf_advocate, status); F(rf_advocate, has_email);
	F(rf_advocate, created_at_ms); F(rf_advocate, customer_id);
	S(rf_advocates); F(rf_advocates, count); F(rf_advocates, items);
	F(rf_advocates, next_cursor);
	S(rf_code_spec); F(rf_code_spec, version); F(rf_code_spec, program);
	F(rf_code_spec, advocate); F(rf_code_spec, channel); F(rf_code_spec, vanity);
	F(rf_code_spec, expires_at_ms); F(rf_code_spec, max_uses);
	F(rf_code_spec, content);
	S(rf_code); F(rf_code, id); F(rf_code, code); F(rf_code, display); F(rf_code, program);
	F(rf_code, advocate); F(rf_code, channel); F(rf_code, status); F(rf_code, vanity);
	F(rf_code, expires_at_ms); F(rf_code, max_uses); F(rf_code, uses);
	F(rf_code, created_at_ms); F(rf_code, content);
	S(rf_touchpoint_spec); F(rf_touchpoint_spec, version); F(rf_touchpoint_spec, code);
	F(rf_touchpoint_spec, visitor_id); F(rf_touchpoint_spec, kind);
	F(rf_touchpoint_spec, at_ms); F(rf_touchpoint_spec, landing_url);
	F(rf_touchpoint_spec, ip); F(rf_touchpoint_spec, user_agent); F(rf_touchpoint_spec, direct);
	S(rf_touchpoint); F(rf_touchpoint, id); F(rf_touchpoint, visitor_id);
	F(rf_touchpoint, code); F(rf_touchpoint, program); F(rf_touchpoint, advocate);
	F(rf_touchpoint, channel); F(rf_touchpoint, kind); F(rf_touchpoint, at_ms);
	F(rf_touchpoint, duplicate); F(rf_touchpoint, direct);
	S(rf_conversion_spec); F(rf_conversion_spec, version); F(rf_conversion_spec, program);
	F(rf_conversion_spec, visitor_id); F(rf_conversion_spec, order_id);
	F(rf_conversion_spec, kind); F(rf_conversion_spec, value_minor);
	F(rf_conversion_spec, currency); F(rf_conversion_spec, at_ms);
	F(rf_conversion_spec, customer_id); F(rf_conversion_spec, code);
	F(rf_conversion_spec, email); F(rf_conversion_spec, ip); F(rf_conversion_spec, user_agent);
	F(rf_conversion_spec, existing_customer);
	S(rf_credit); F(rf_credit, advocate); F(rf_credit, code); F(rf_credit, channel);
	F(rf_credit, weight); F(rf_credit, value_minor); F(rf_credit, refunded_minor);
	S(rf_conversion); F(rf_conversion, id); F(rf_conversion, program);
	F(rf_conversion, order_id); F(rf_conversion, visitor_id); F(rf_conversion, kind);
	F(rf_conversion, value_minor); F(rf_conversion, currency); F(rf_conversion, at_ms);
	F(rf_conversion, attributed); F(rf_conversion, model); F(rf_conversion, rules_version);
	F(rf_conversion, credit_count); F(rf_conversion, credits);
	F(rf_conversion, customer_id); F(rf_conversion, refunded_minor);
	F(rf_conversion, follows_order); F(rf_conversion, replayed);
	S(rf_refund_spec); F(rf_refund_spec, version); F(rf_refund_spec, program);
	F(rf_refund_spec, order_id); F(rf_refund_spec, refund_id);
	F(rf_refund_spec, amount_minor); F(rf_refund_spec, at_ms);
	S(rf_explained_touch); F(rf_explained_touch, touchpoint_id); F(rf_explained_touch, code);
	F(rf_explained_touch, advocate); F(rf_explained_touch, channel);
	F(rf_explained_touch, kind); F(rf_explained_touch, at_ms); F(rf_explained_touch, weight);
	F(rf_explained_touch, value_minor); F(rf_explained_touch, note);
	S(rf_explanation); F(rf_explanation, program); F(rf_explanation, order_id);
	F(rf_explanation, model); F(rf_explanation, rules_version);
	F(rf_explanation, lookback_ms); F(rf_explanation, window_start_ms);
	F(rf_explanation, window_end_ms); F(rf_explanation, summary);
	F(rf_explanation, touch_count); F(rf_explanation, touches);
	F(rf_explanation, parameters); F(rf_explanation, currency);
	S(rf_stats_query); F(rf_stats_query, version); F(rf_stats_query, program);
	F(rf_stats_query, advocate); F(rf_stats_query, from_ms); F(rf_stats_query, to_ms);
	S(rf_money); F(rf_money, currency); F(rf_money, value_minor);
	S(rf_stats); F(rf_stats, touchpoints); F(rf_stats, unique_touchpoints);
	F(rf_stats, unique_visitors); F(rf_stats, conversions);
	F(rf_stats, attributed_conversions); F(rf_stats, credited_conversions);
	F(rf_stats, conversion_rate); F(rf_stats, value_count); F(rf_stats, values);
	S(rf_report_query); F(rf_report_query, version); F(rf_report_query, program);
	F(rf_report_query, from_ms); F(rf_report_query, to_ms); F(rf_report_query, period);
	F(rf_report_query, limit);
	S(rf_report_bucket); F(rf_report_bucket, start_ms); F(rf_report_bucket, end_ms);
	F(rf_report_bucket, touchpoints); F(rf_report_bucket, unique_visitors);
	F(rf_report_bucket, conversions); F(rf_report_bucket, attributed_conversions);
	F(rf_report_bucket, conversion_rate); F(rf_report_bucket, active_advocates);
	F(rf_report_bucket, value_count); F(rf_report_bucket, values);
	S(rf_report_series); F(rf_report_series, period); F(rf_report_series, count);
	F(rf_report_series, buckets);
	S(rf_report_split_row); F(rf_report_split_row, key); F(rf_report_split_row, name);
	F(rf_report_split_row, touchpoints); F(rf_report_split_row, unique_visitors);
	F(rf_report_split_row, attributed_conversions); F(rf_report_split_row, credited_conversions);
	F(rf_report_split_row, value_count); F(rf_report_split_row, values);
	S(rf_report_split); F(rf_report_split, by); F(rf_report_split, count); F(rf_report_split, rows);
	S(rf_report_funnel); F(rf_report_funnel, visitors); F(rf_report_funnel, signed_up);
	F(rf_report_funnel, purchased); F(rf_report_funnel, purchased_any);
	F(rf_report_funnel, signup_rate); F(rf_report_funnel, purchase_rate);
	S(rf_report_currency); F(rf_report_currency, currency); F(rf_report_currency, value_minor);
	F(rf_report_currency, reward_cost_minor); F(rf_report_currency, return_on_spend);
	S(rf_report_summary); F(rf_report_summary, touchpoints); F(rf_report_summary, unique_visitors);
	F(rf_report_summary, conversions); F(rf_report_summary, attributed_conversions);
	F(rf_report_summary, conversion_rate); F(rf_report_summary, new_customers);
	F(rf_report_summary, returning_customers); F(rf_report_summary, active_advocates);
	F(rf_report_summary, k_factor); F(rf_report_summary, currency_count);
	F(rf_report_summary, currencies);
	S(rf_fit_value); F(rf_fit_value, advocate); F(rf_fit_value, value); F(rf_fit_value, weight);
	S(rf_fit); F(rf_fit, model); F(rf_fit, journeys); F(rf_fit, conversions);
	F(rf_fit, p_conversion); F(rf_fit, fitted_at_ms); F(rf_fit, count); F(rf_fit, values);
	S(rf_replay_row); F(rf_replay_row, target); F(rf_replay_row, name);
	F(rf_replay_row, currency); F(rf_replay_row, current_conversions);
	F(rf_replay_row, replay_conversions); F(rf_replay_row, current_value_minor);
	F(rf_replay_row, replay_value_minor);
	S(rf_replay); F(rf_replay, conversions); F(rf_replay, changed); F(rf_replay, count);
	F(rf_replay, rows);
	S(rf_paths_options); F(rf_paths_options, version); F(rf_paths_options, model);
	F(rf_paths_options, half_life_ms); F(rf_paths_options, position_first_bp);
	F(rf_paths_options, position_last_bp); F(rf_paths_options, markov_order);
	S(rf_path_credit); F(rf_path_credit, channel); F(rf_path_credit, conversions);
	F(rf_path_credit, value);
	S(rf_path_credits); F(rf_path_credits, count); F(rf_path_credits, items);
	S(rf_link); F(rf_link, url); F(rf_link, code); F(rf_link, campaign); F(rf_link, content);
	F(rf_link, expires_at_ms); F(rf_link, key_id);
	S(rf_link_key); F(rf_link_key, id); F(rf_link_key, created_at_ms);
	F(rf_link_key, retired_at_ms);
	S(rf_link_keys); F(rf_link_keys, count); F(rf_link_keys, items);
	S(rf_consent_change); F(rf_consent_change, purpose); F(rf_consent_change, granted);
	F(rf_consent_change, source); F(rf_consent_change, at_ms);
	S(rf_consent); F(rf_consent, advocate); F(rf_consent, tracking); F(rf_consent, messages);
	F(rf_consent, tracking_at_ms); F(rf_consent, messages_at_ms); F(rf_consent, count);
	F(rf_consent, items);
	S(rf_hash_key); F(rf_hash_key, id); F(rf_hash_key, created_at_ms);
	F(rf_hash_key, retired_at_ms); F(rf_hash_key, expires_at_ms); F(rf_hash_key, live);
	F(rf_hash_key, destroyed);
	S(rf_hash_keys); F(rf_hash_keys, count); F(rf_hash_keys, items);
	S(rf_privacy_policy); F(rf_privacy_policy, version); F(rf_privacy_policy, ip_truncate);
	F(rf_privacy_policy, retention_ms);
	S(rf_privacy_settings); F(rf_privacy_settings, program); F(rf_privacy_settings, revision);
	F(rf_privacy_settings, ip_truncate); F(rf_privacy_settings, retention_ms);
	F(rf_privacy_settings, set_at_ms);
	S(rf_reward_rule); F(rf_reward_rule, version); F(rf_reward_rule, id);
	F(rf_reward_rule, side); F(rf_reward_rule, event); F(rf_reward_rule, kind);
	F(rf_reward_rule, basis); F(rf_reward_rule, amount); F(rf_reward_rule, min_referrals);
	F(rf_reward_rule, max_referrals); F(rf_reward_rule, nth); F(rf_reward_rule, months);
	F(rf_reward_rule, kinds); F(rf_reward_rule, min_value); F(rf_reward_rule, max_value);
	F(rf_reward_rule, currency); F(rf_reward_rule, code_bank);
	F(rf_reward_rule, approve_at_once); F(rf_reward_rule, label);
	S(rf_reward_policy); F(rf_reward_policy, version); F(rf_reward_policy, holding_ms);
	F(rf_reward_policy, min_payout_minor); F(rf_reward_policy, day_count);
	F(rf_reward_policy, day_amount); F(rf_reward_policy, week_count);
	F(rf_reward_policy, week_amount); F(rf_reward_policy, month_count);
	F(rf_reward_policy, month_amount); F(rf_reward_policy, total_count);
	F(rf_reward_policy, total_amount); F(rf_reward_policy, budget_minor);
	F(rf_reward_policy, budget_currency);
	S(rf_reward_config); F(rf_reward_config, program); F(rf_reward_config, version);
	F(rf_reward_config, policy); F(rf_reward_config, rule_count); F(rf_reward_config, rules);
	S(rf_reward); F(rf_reward, id); F(rf_reward, order_id); F(rf_reward, recipient);
	F(rf_reward, side); F(rf_reward, rule_id); F(rf_reward, config_version); F(rf_reward, kind);
	F(rf_reward, state); F(rf_reward, unit); F(rf_reward, requested); F(rf_reward, amount);
	F(rf_reward, clawed); F(rf_reward, coupon); F(rf_reward, note);
	F(rf_reward, created_at_ms); F(rf_reward, due_at_ms);
	S(rf_reward_list); F(rf_reward_list, count); F(rf_reward_list, items);
	S(rf_balance); F(rf_balance, recipient); F(rf_balance, side); F(rf_balance, kind);
	F(rf_balance, unit); F(rf_balance, held); F(rf_balance, pending); F(rf_balance, approved);
	F(rf_balance, paid); F(rf_balance, owed);
	S(rf_balance_list); F(rf_balance_list, count); F(rf_balance_list, items);
	S(rf_payout_line); F(rf_payout_line, recipient); F(rf_payout_line, side);
	F(rf_payout_line, kind); F(rf_payout_line, unit); F(rf_payout_line, amount);
	F(rf_payout_line, settled_owed); F(rf_payout_line, rewards);
	S(rf_payout); F(rf_payout, program); F(rf_payout, payout_id); F(rf_payout, at_ms);
	F(rf_payout, count); F(rf_payout, lines); F(rf_payout, replayed);
	S(rf_activity_spec); F(rf_activity_spec, version); F(rf_activity_spec, program);
	F(rf_activity_spec, advocate); F(rf_activity_spec, type); F(rf_activity_spec, at_ms);
	F(rf_activity_spec, channel); F(rf_activity_spec, content); F(rf_activity_spec, answer);
	S(rf_activity); F(rf_activity, id); F(rf_activity, advocate); F(rf_activity, type);
	F(rf_activity, at_ms); F(rf_activity, channel); F(rf_activity, content);
	F(rf_activity, answer);
	S(rf_activity_list); F(rf_activity_list, count); F(rf_activity_list, items);
	S(rf_export_options); F(rf_export_options, version); F(rf_export_options, program);
	F(rf_export_options, what); F(rf_export_options, format); F(rf_export_options, from_ms);
	F(rf_export_options, to_ms); F(rf_export_options, flags);
	S(rf_import_options); F(rf_import_options, version); F(rf_import_options, program);
	F(rf_import_options, what);
	S(rf_engagement_config); F(rf_engagement_config, version);
	F(rf_engagement_config, cap_messages); F(rf_engagement_config, cap_window_ms);
	F(rf_engagement_config, active_min_activities);
	F(rf_engagement_config, referring_min_referrals);
	F(rf_engagement_config, champion_min_referrals); F(rf_engagement_config, dormant_after_ms);
	F(rf_engagement_config, ask_cap); F(rf_engagement_config, ask_window_ms);
	S(rf_message); F(rf_message, id); F(rf_message, program); F(rf_message, advocate);
	F(rf_message, kind); F(rf_message, body); F(rf_message, status); F(rf_message, automated);
	F(rf_message, reason); F(rf_message, event_at_ms); F(rf_message, queued_at_ms);
	F(rf_message, acked_at_ms); F(rf_message, config_version);
	S(rf_messages); F(rf_messages, count); F(rf_messages, items); F(rf_messages, next_cursor);
	S(rf_stage_change); F(rf_stage_change, stage); F(rf_stage_change, previous);
	F(rf_stage_change, at_ms); F(rf_stage_change, config_version);
	S(rf_stage); F(rf_stage, program); F(rf_stage, advocate); F(rf_stage, stage);
	F(rf_stage, since_ms); F(rf_stage, activities); F(rf_stage, referrals);
	F(rf_stage, last_activity_at_ms); F(rf_stage, last_referral_at_ms);
	F(rf_stage, config_version); F(rf_stage, count); F(rf_stage, items);
	S(rf_stage_counts); F(rf_stage_counts, program); F(rf_stage_counts, config_version);
	F(rf_stage_counts, advocates); F(rf_stage_counts, invited); F(rf_stage_counts, active);
	F(rf_stage_counts, referring); F(rf_stage_counts, champion); F(rf_stage_counts, dormant);
	S(rf_content_spec); F(rf_content_spec, version); F(rf_content_spec, program);
	F(rf_content_spec, key); F(rf_content_spec, title); F(rf_content_spec, url);
	F(rf_content_spec, kind); F(rf_content_spec, stages); F(rf_content_spec, min_tier);
	S(rf_content); F(rf_content, id); F(rf_content, program); F(rf_content, key);
	F(rf_content, title); F(rf_content, url); F(rf_content, kind); F(rf_content, stages);
	F(rf_content, min_tier); F(rf_content, status); F(rf_content, created_at_ms);
	S(rf_content_list); F(rf_content_list, count); F(rf_content_list, items);
	S(rf_content_stat); F(rf_content_stat, key); F(rf_content_stat, title);
	F(rf_content_stat, kind); F(rf_content_stat, status); F(rf_content_stat, codes);
	F(rf_content_stat, clicks); F(rf_content_stat, unique_visitors);
	F(rf_content_stat, conversions); F(rf_content_stat, value_minor);
	S(rf_content_stats); F(rf_content_stats, program); F(rf_content_stats, from_ms);
	F(rf_content_stats, to_ms); F(rf_content_stats, currency); F(rf_content_stats, count);
	F(rf_content_stats, items);
	S(rf_purge); F(rf_purge, program); F(rf_purge, cutoff_ms); F(rf_purge, touchpoints);
	F(rf_purge, activities);
	S(rf_score_config); F(rf_score_config, version); F(rf_score_config, activity_weights);
	F(rf_score_config, activity_weight_count); F(rf_score_config, activity_half_life_ms);
	F(rf_score_config, value_half_life_ms); F(rf_score_config, weight_activity);
	F(rf_score_config, weight_value); F(rf_score_config, weight_quality);
	F(rf_score_config, weight_network); F(rf_score_config, activity_half_points);
	F(rf_score_config, value_half_minor); F(rf_score_config, risk_percent);
	F(rf_score_config, tiers);
	S(rf_score_settings); F(rf_score_settings, config_version); F(rf_score_settings, config);
	S(rf_score_component); F(rf_score_component, name); F(rf_score_component, raw);
	F(rf_score_component, normalized); F(rf_score_component, weight);
	F(rf_score_component, points);
	S(rf_score_event); F(rf_score_event, kind); F(rf_score_event, id); F(rf_score_event, ref);
	F(rf_score_event, at_ms); F(rf_score_event, raw); F(rf_score_event, points);
	S(rf_badge); F(rf_badge, kind); F(rf_badge, period_ms); F(rf_badge, at_ms);
	S(rf_score); F(rf_score, program); F(rf_score, advocate); F(rf_score, score);
	F(rf_score, config_version); F(rf_score, at_ms); F(rf_score, risk); F(rf_score, activities);
	F(rf_score, referrals); F(rf_score, kept); F(rf_score, value_net_minor);
	F(rf_score, last_at_ms); F(rf_score, tier); F(rf_score, tier_name); F(rf_score, recency_q);
	F(rf_score, frequency_q); F(rf_score, value_q); F(rf_score, component_count);
	F(rf_score, components); F(rf_score, event_count); F(rf_score, events);
	F(rf_score, badge_count); F(rf_score, badges);
	S(rf_leaderboard_query); F(rf_leaderboard_query, version); F(rf_leaderboard_query, program);
	F(rf_leaderboard_query, period); F(rf_leaderboard_query, by); F(rf_leaderboard_query, top);
	F(rf_leaderboard_query, advocate);
	S(rf_leaderboard_entry); F(rf_leaderboard_entry, rank); F(rf_leaderboard_entry, advocate);
	F(rf_leaderboard_entry, display_name); F(rf_leaderboard_entry, metric);
	F(rf_leaderboard_entry, referrals); F(rf_leaderboard_entry, value_minor);
	S(rf_leaderboard); F(rf_leaderboard, from_ms); F(rf_leaderboard, to_ms);
	F(rf_leaderboard, config_version); F(rf_leaderboard, ranked); F(rf_leaderboard, count);
	F(rf_leaderboard, entries); F(rf_leaderboard, advocate);
	S(rf_program_metrics); F(rf_program_metrics, from_ms); F(rf_program_metrics, to_ms);
	F(rf_program_metrics, advocates); F(rf_program_metrics, active_advocates);
	F(rf_program_metrics, active_share); F(rf_program_metrics, invites);
	F(rf_program_metrics, inviting_advocates); F(rf_program_metrics, referred_conversions);
	F(rf_program_metrics, invites_per_advocate); F(rf_program_metrics, invite_conversion);
	F(rf_program_metrics, k_factor); F(rf_program_metrics, cycle_time_ms);
	F(rf_program_metrics, cycles); F(rf_program_metrics, promoters);
	F(rf_program_metrics, passives); F(rf_program_metrics, detractors);
	F(rf_program_metrics, nps);
	S(rf_testimonial_spec); F(rf_testimonial_spec, version); F(rf_testimonial_spec, program);
	F(rf_testimonial_spec, advocate); F(rf_testimonial_spec, product);
	F(rf_testimonial_spec, body); F(rf_testimonial_spec, rating);
	F(rf_testimonial_spec, publish_consent); F(rf_testimonial_spec, at_ms);
	S(rf_testimonial); F(rf_testimonial, id); F(rf_testimonial, program);
	F(rf_testimonial, advocate); F(rf_testimonial, advocate_kind);
	F(rf_testimonial, display_name); F(rf_testimonial, segment); F(rf_testimonial, product);
	F(rf_testimonial, body); F(rf_testimonial, rating); F(rf_testimonial, publish_consent);
	F(rf_testimonial, status); F(rf_testimonial, created_at_ms);
	F(rf_testimonial, decided_at_ms);
	S(rf_testimonials); F(rf_testimonials, count); F(rf_testimonials, items);
	F(rf_testimonials, next_cursor);
	S(rf_testimonial_query); F(rf_testimonial_query, version); F(rf_testimonial_query, program);
	F(rf_testimonial_query, which); F(rf_testimonial_query, product);
	F(rf_testimonial_query, segment); F(rf_testimonial_query, advocate_kind);
	F(rf_testimonial_query, advocate); F(rf_testimonial_query, min_rating);
	F(rf_testimonial_query, cursor); F(rf_testimonial_query, limit);
	S(rf_reference_query); F(rf_reference_query, version); F(rf_reference_query, program);
	F(rf_reference_query, advocate_kind); F(rf_reference_query, segment);
	F(rf_reference_query, min_score); F(rf_reference_query, limit);
	S(rf_reference_candidate); F(rf_reference_candidate, id);
	F(rf_reference_candidate, advocate); F(rf_reference_candidate, advocate_kind);
	F(rf_reference_candidate, display_name); F(rf_reference_candidate, segment);
	F(rf_reference_candidate, score); F(rf_reference_candidate, asks);
	F(rf_reference_candidate, last_asked_at_ms);
	S(rf_reference_candidates); F(rf_reference_candidates, count);
	F(rf_reference_candidates, items); F(rf_reference_candidates, at_ms);
	F(rf_reference_candidates, score_config_version); F(rf_reference_candidates, config_version);
	S(rf_reference); F(rf_reference, id); F(rf_reference, program); F(rf_reference, advocate);
	F(rf_reference, prospect); F(rf_reference, outcome); F(rf_reference, asked_at_ms);
	F(rf_reference, accepted_at_ms); F(rf_reference, closed_at_ms);
	/* Constants the bindings hard-code. */
	S(rf_fraud_policy); F(rf_fraud_policy, version); F(rf_fraud_policy, approve_below);
	F(rf_fraud_policy, reject_from); F(rf_fraud_policy, weight_self_referral);
	F(rf_fraud_policy, weight_disposable_email); F(rf_fraud_policy, weight_conversion_velocity);
	F(rf_fraud_policy, weight_click_velocity); F(rf_fraud_policy, weight_fast_conversion);
	F(rf_fraud_policy, weight_existing_customer); F(rf_fraud_policy, weight_duplicate_identity);
	F(rf_fraud_policy, weight_referral_ring); F(rf_fraud_policy, weight_bot);
	F(rf_fraud_policy, hard_signals); F(rf_fraud_policy, window_ms);
	F(rf_fraud_policy, max_conversions_advocate); F(rf_fraud_policy, max_conversions_ip);
	F(rf_fraud_policy, max_clicks_advocate); F(rf_fraud_policy, max_clicks_ip);
	F(rf_fraud_policy, min_click_to_conversion_ms); F(rf_fraud_policy, ring_max_depth);
	S(rf_fraud_signal_hit); F(rf_fraud_signal_hit, kind); F(rf_fraud_signal_hit, weight);
	F(rf_fraud_signal_hit, hard); F(rf_fraud_signal_hit, evidence);
	S(rf_fraud_check); F(rf_fraud_check, program); F(rf_fraud_check, order_id);
	F(rf_fraud_check, advocate); F(rf_fraud_check, at_ms); F(rf_fraud_check, risk);
	F(rf_fraud_check, decision); F(rf_fraud_check, status); F(rf_fraud_check, policy_version);
	F(rf_fraud_check, reviewer); F(rf_fraud_check, review_reason);
	F(rf_fraud_check, reviewed_at_ms); F(rf_fraud_check, summary);
	F(rf_fraud_check, signal_count); F(rf_fraud_check, signals);
	S(rf_fraud_checks); F(rf_fraud_checks, count); F(rf_fraud_checks, items);
	F(rf_fraud_checks, next_cursor);
	printf("const RF_FRAUD_POLICY_VERSION %d\n", RF_FRAUD_POLICY_VERSION);
	printf("const RF_STORE_OPTIONS_VERSION %d\n", RF_STORE_OPTIONS_VERSION);
	printf("const RF_PROGRAM_RULES_VERSION %d\n", RF_PROGRAM_RULES_VERSION);
	printf("const RF_ADVOCATE_SPEC_VERSION %d\n", RF_ADVOCATE_SPEC_VERSION);
	printf("const RF_CODE_SPEC_VERSION %d\n", RF_CODE_SPEC_VERSION);
	printf("const RF_TOUCHPOINT_SPEC_VERSION %d\n", RF_TOUCHPOINT_SPEC_VERSION);
	printf("const RF_CONVERSION_SPEC_VERSION %d\n", RF_CONVERSION_SPEC_VERSION);
	printf("const RF_STATS_QUERY_VERSION %d\n", RF_STATS_QUERY_VERSION);
	printf("const RF_REPORT_QUERY_VERSION %d\n", RF_REPORT_QUERY_VERSION);
	printf("const RF_REPORT_MAX_BUCKETS %d\n", RF_REPORT_MAX_BUCKETS);
	printf("const RF_REFUND_SPEC_VERSION %d\n", RF_REFUND_SPEC_VERSION);
	printf("const RF_PATHS_OPTIONS_VERSION %d\n", RF_PATHS_OPTIONS_VERSION);
	printf("const RF_CUSTOM_WEIGHTS_MAX %d\n", RF_CUSTOM_WEIGHTS_MAX);
	printf("const RF_PATH_MAX_STEPS %d\n", RF_PATH_MAX_STEPS);
	printf("const RF_PATH_MAX_CHANNELS %d\n", RF_PATH_MAX_CHANNELS);
	printf("const RF_SCHEMA_VERSION %d\n", RF_SCHEMA_VERSION);
	printf("const RF_PRIVACY_POLICY_VERSION %d\n", RF_PRIVACY_POLICY_VERSION);
	printf("const RF_HASH_KEYS_MAX %d\n", RF_HASH_KEYS_MAX);
	printf("const RF_CODE_BUFSIZE %d\n", RF_CODE_BUFSIZE);
	printf("const RF_EMAIL_BUFSIZE %d\n", RF_EMAIL_BUFSIZE);
	printf("const RF_STORE_NO_CREATE %u\n", (unsigned)RF_STORE_NO_CREATE);
	printf("const RF_LIST_INCLUDE_ARCHIVED %u\n", (unsigned)RF_LIST_INCLUDE_ARCHIVED);
	printf("const RF_EXPORT_OPTIONS_VERSION %d\n", RF_EXPORT_OPTIONS_VERSION);
	printf("const RF_IMPORT_OPTIONS_VERSION %d\n", RF_IMPORT_OPTIONS_VERSION);
	printf("const RF_EXPORT_PSEUDONYMS %u\n", (unsigned)RF_EXPORT_PSEUDONYMS);
	printf("const RF_IMPORT_MAX_RECORD %d\n", RF_IMPORT_MAX_RECORD);
	printf("const RF_ENGAGEMENT_CONFIG_VERSION %d\n", RF_ENGAGEMENT_CONFIG_VERSION);
	printf("const RF_OUTBOX_ALL %u\n", (unsigned)RF_OUTBOX_ALL);
	printf("const RF_SEGMENT_BUFSIZE %d\n", RF_SEGMENT_BUFSIZE);
	printf("const RF_TESTIMONIAL_SPEC_VERSION %d\n", RF_TESTIMONIAL_SPEC_VERSION);
	printf("const RF_TESTIMONIAL_QUERY_VERSION %d\n", RF_TESTIMONIAL_QUERY_VERSION);
	printf("const RF_REFERENCE_QUERY_VERSION %d\n", RF_REFERENCE_QUERY_VERSION);
	printf("const RF_VERSION_MAJOR %d\n", RF_VERSION_MAJOR);
	printf("const RF_VERSION_MINOR %d\n", RF_VERSION_MINOR);
	/* Enumerators the bindings mirror. */
	static const struct { const char *name; int value; } enums[] = {
		{ "RF_OK", RF_OK }, { "RF_DUPLICATE", RF_DUPLICATE }, { "RF_ERROR", RF_ERROR },
		{ "RF_EINVALID", RF_EINVALID }, { "RF_ENOTFOUND", RF_ENOTFOUND }, { "RF_EEXISTS", RF_EEXISTS },
		{ "RF_ECONFLICT", RF_ECONFLICT }, { "RF_EBUSY", RF_EBUSY }, { "RF_ENOMEM", RF_ENOMEM },
		{ "RF_EVERSION", RF_EVERSION }, { "RF_EMISUSE", RF_EMISUSE }, { "RF_ECORRUPT", RF_ECORRUPT },
		{ "RF_EIO", RF_EIO }, { "RF_ENOTADB", RF_ENOTADB }, { "RF_ECHECK", RF_ECHECK },
		{ "RF_EEXPIRED", RF_EEXPIRED }, { "RF_EDISABLED", RF_EDISABLED }, { "RF_EEXHAUSTED", RF_EEXHAUSTED },
		{ "RF_ETAMPERED", RF_ETAMPERED }, { "RF_EKEY", RF_EKEY },
		{ "RF_ECONSENT", RF_ECONSENT }, { "RF_ELIMIT", RF_ELIMIT },
		{ "RF_ECANCELED", RF_ECANCELED },
		{ "RF_ENUM_MODEL", RF_ENUM_MODEL }, { "RF_ENUM_ADVOCATE_KIND", RF_ENUM_ADVOCATE_KIND }, { "RF_ENUM_CHANNEL", RF_ENUM_CHANNEL },
		{ "RF_ENUM_TOUCHPOINT_KIND", RF_ENUM_TOUCHPOINT_KIND }, { "RF_ENUM_CONVERSION_KIND", RF_ENUM_CONVERSION_KIND }, { "RF_ENUM_STATUS", RF_ENUM_STATUS },
		{ "RF_ENUM_TARGET", RF_ENUM_TARGET },
		{ "RF_ENUM_REWARD_SIDE", RF_ENUM_REWARD_SIDE }, { "RF_ENUM_REWARD_EVENT", RF_ENUM_REWARD_EVENT },
		{ "RF_ENUM_REWARD_KIND", RF_ENUM_REWARD_KIND }, { "RF_ENUM_REWARD_BASIS", RF_ENUM_REWARD_BASIS },
		{ "RF_ENUM_REWARD_STATE", RF_ENUM_REWARD_STATE },
		{ "RF_ENUM_ACTIVITY", RF_ENUM_ACTIVITY },
		{ "RF_ENUM_FRAUD_SIGNAL", RF_ENUM_FRAUD_SIGNAL }, { "RF_ENUM_FRAUD_DECISION", RF_ENUM_FRAUD_DECISION },
		{ "RF_ENUM_REVIEW_STATUS", RF_ENUM_REVIEW_STATUS },
		{ "RF_ENUM_BADGE", RF_ENUM_BADGE },
		{ "RF_ENUM_STAGE", RF_ENUM_STAGE }, { "RF_ENUM_CONTENT_KIND", RF_ENUM_CONTENT_KIND },
		{ "RF_ENUM_TESTIMONIAL_STATUS", RF_ENUM_TESTIMONIAL_STATUS },
		{ "RF_ENUM_REFERENCE_OUTCOME", RF_ENUM_REFERENCE_OUTCOME },
		{ "RF_MODEL_LAST_TOUCH", RF_MODEL_LAST_TOUCH }, { "RF_MODEL_FIRST_TOUCH", RF_MODEL_FIRST_TOUCH },
		{ "RF_MODEL_LAST_NON_DIRECT", RF_MODEL_LAST_NON_DIRECT }, { "RF_MODEL_LINEAR", RF_MODEL_LINEAR },
		{ "RF_MODEL_TIME_DECAY", RF_MODEL_TIME_DECAY }, { "RF_MODEL_POSITION", RF_MODEL_POSITION },
		{ "RF_MODEL_CUSTOM", RF_MODEL_CUSTOM }, { "RF_MODEL_MARKOV", RF_MODEL_MARKOV },
		{ "RF_MODEL_SHAPLEY", RF_MODEL_SHAPLEY }, { "RF_ADVOCATE_CUSTOMER", RF_ADVOCATE_CUSTOMER },
		{ "RF_ADVOCATE_EMPLOYEE", RF_ADVOCATE_EMPLOYEE }, { "RF_ADVOCATE_PARTNER", RF_ADVOCATE_PARTNER }, { "RF_ADVOCATE_INFLUENCER", RF_ADVOCATE_INFLUENCER },
		{ "RF_CHANNEL_NONE", RF_CHANNEL_NONE }, { "RF_CHANNEL_EMAIL", RF_CHANNEL_EMAIL }, { "RF_CHANNEL_WHATSAPP", RF_CHANNEL_WHATSAPP },
		{ "RF_CHANNEL_LINKEDIN", RF_CHANNEL_LINKEDIN }, { "RF_CHANNEL_X", RF_CHANNEL_X }, { "RF_CHANNEL_FACEBOOK", RF_CHANNEL_FACEBOOK },
		{ "RF_CHANNEL_SMS", RF_CHANNEL_SMS }, { "RF_CHANNEL_QR", RF_CHANNEL_QR }, { "RF_CHANNEL_OTHER", RF_CHANNEL_OTHER },
		{ "RF_TOUCH_CLICK", RF_TOUCH_CLICK }, { "RF_TOUCH_VISIT", RF_TOUCH_VISIT }, { "RF_TOUCH_SCAN", RF_TOUCH_SCAN },
		{ "RF_TOUCH_CHECKOUT", RF_TOUCH_CHECKOUT },
		{ "RF_CONVERSION_SIGNUP", RF_CONVERSION_SIGNUP }, { "RF_CONVERSION_PURCHASE", RF_CONVERSION_PURCHASE }, { "RF_CONVERSION_CUSTOM", RF_CONVERSION_CUSTOM },
		{ "RF_CONVERSION_RENEWAL", RF_CONVERSION_RENEWAL },
		{ "RF_TARGET_ADVOCATE", RF_TARGET_ADVOCATE }, { "RF_TARGET_CHANNEL", RF_TARGET_CHANNEL },
		{ "RF_STATUS_ACTIVE", RF_STATUS_ACTIVE }, { "RF_STATUS_ARCHIVED", RF_STATUS_ARCHIVED }, { "RF_STATUS_INACTIVE", RF_STATUS_INACTIVE },
		{ "RF_STATUS_DISABLED", RF_STATUS_DISABLED }, { "RF_DURABILITY_NORMAL", RF_DURABILITY_NORMAL }, { "RF_DURABILITY_FULL", RF_DURABILITY_FULL },
	};
	for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++)
		printf("enum %s %d\n", enums[i].name, enums[i].value);
	return 0;
}
