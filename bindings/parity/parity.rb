# frozen_string_literal: true

# Parity flow, Ruby edition: the same steps and inputs as parity.c.
$LOAD_PATH.unshift File.expand_path("../ruby/lib", __dir__)
require "referral"

T0 = 1_767_225_600_000 # 2026-01-01T00:00:00Z
MIN = 60 * 1000
T0_TIME = Time.at(T0 / 1000).utc
$now = T0 # rubocop:disable Style/GlobalVars

def ms(time)
  ((time.to_r - T0_TIME.to_r) * 1000).to_i
end

def click(s, code, visitor, at)
  $now = at # rubocop:disable Style/GlobalVars
  tp = s.record_touchpoint(code, visitor_id: visitor)
  puts format("click %s %s %s duplicate=%d", visitor, tp.code, tp.advocate, tp.duplicate ? 1 : 0)
end

def convert(s, visitor, order, value, at)
  c = s.record_conversion("parity", visitor_id: visitor, order_id: order, value_minor: value,
                                    currency: "eur", at: at.zero? ? nil : at)
  puts format("conversion %s value=%d %s attributed=%d duplicate=%d rules=%d model=%s credits=%d",
              c.order_id, c.value_minor, c.currency, c.attributed ? 1 : 0, c.duplicate ? 1 : 0,
              c.rules_version, c.model, c.credits.size)
  c.credits.each do |cr|
    puts format("  credit %s %s weight=%.6f value=%d", cr.advocate, cr.code, cr.weight,
                cr.value_minor)
  end
end

def stats(s, advocate)
  st = s.stats("parity", advocate: advocate)
  puts format("stats %s touchpoints=%d unique=%d visitors=%d conversions=%d attributed=%d " \
              "credited=%.6f rate=%.6f", advocate || "*", st.touchpoints, st.unique_touchpoints,
              st.unique_visitors, st.conversions, st.attributed_conversions,
              st.credited_conversions, st.conversion_rate)
  st.values.each { |currency, value| puts format("  value %s %d", currency, value) }
end

def refund(s, order, refund_id, amount)
  c = s.refund("parity", order, refund_id: refund_id, amount_minor: amount.zero? ? nil : amount)
  puts format("refund %s %s refunded=%d of %d duplicate=%d", c.order_id, refund_id,
              c.refunded_minor, c.value_minor, c.duplicate ? 1 : 0)
  c.credits.each do |cr|
    puts format("  credit %s value=%d refunded=%d", cr.advocate, cr.value_minor, cr.refunded_minor)
  end
end

def replay(s, model)
  r = s.replay("parity", rules: { model: model, lookback_ms: 7 * Referral::DAY_MS })
  puts format("replay %s conversions=%d changed=%d", model, r.conversions, r.changed)
  r.rows.each do |row|
    puts format("  %s %s %s now=%.6f/%d replay=%.6f/%d", row.target, row.name, row.currency,
                row.current_conversions, row.current_value_minor, row.replay_conversions,
                row.replay_value_minor)
  end
end

def issue(s, advocate, vanity)
  c = s.issue_code("parity", advocate, vanity: vanity)
  puts format("code %s %s %s vanity=%d", c.advocate, c.code, c.display, c.vanity ? 1 : 0)
end

def board(s, by, number)
  b = s.leaderboard("parity", by: by, advocate: "bob")
  puts format("leaderboard by=%d ranked=%d bob=%d", number, b.ranked, b.advocate ? b.advocate.rank : 0)
  b.entries.each do |e|
    puts format("  %d %s metric=%.6f referrals=%d value=%d", e.rank, e.advocate, e.metric,
                e.referrals, e.value_minor)
  end
end

Referral::Store.open(":memory:", clock: -> { $now }) do |s| # rubocop:disable Style/GlobalVars
  p = s.create_program("parity", name: "Parity", rules: { lookback_ms: 7 * Referral::DAY_MS })
  puts format("program %s %s rules=%d model=%s lookback=%d", p.key, p.name, p.rules_version,
              p.rules.model, p.rules.lookback_ms)
  s.add_advocate("alice", display_name: "Alice")
  s.add_advocate("bob", kind: :employee)

  issue(s, "alice", "ALICE2026")
  issue(s, "bob", "bob-2026")
  rc = s.issue_code("parity", "alice")
  puts format("random code length=%d", Referral.normalize_code(rc.display).size)

  click(s, "ALICE2026", "v1", T0 + 60 * MIN)
  click(s, "alice2026", "v1", T0 + 70 * MIN) # duplicate within 1 h
  click(s, "BOB-2026", "v1", T0 + 120 * MIN)
  click(s, "ALICE2026", "v2", T0 + 180 * MIN)
  click(s, "bob 2026", "v3", T0 + 240 * MIN)

  $now = T0 + 300 * MIN # rubocop:disable Style/GlobalVars
  convert(s, "v1", "o1", 12_345, 0) # last touch: bob
  convert(s, "v2", "o2", 5000, T0 + 310 * MIN) # alice
  convert(s, "v4", "o3", 999, T0 + 320 * MIN) # no touch: unattributed
  convert(s, "v1", "o1", 12_345, 0) # duplicate

  s.update_program("parity", rules: { model: :first, lookback_ms: 7 * Referral::DAY_MS })
  convert(s, "v1", "o4", 700, T0 + 330 * MIN) # first touch: alice

  ex = s.explanation("parity", "o1")
  puts format("explain %s touches=%d window=%d..%d", ex.order_id, ex.touches.size,
              ms(ex.window_start), ms(ex.window_end))
  ex.touches.each do |t|
    puts format("  touch %s %s at=%d weight=%.6f value=%d", t.advocate, t.code, ms(t.at),
                t.weight, t.value_minor)
  end

  stats(s, nil)
  stats(s, "alice")
  stats(s, "bob")
  puts format("uses ALICE2026 %d", s.code("ALICE2026").uses)

  # Issue 3: a linear program, refunds (partial, repeated, the rest), a replay.
  s.update_program("parity", rules: { model: :linear, lookback_ms: 7 * Referral::DAY_MS })
  convert(s, "v1", "o5", 1001, T0 + 340 * MIN) # alice and bob, half each
  refund(s, "o5", "r1", 301)
  refund(s, "o5", "r1", 301) # duplicate
  refund(s, "o5", "r2", 0) # the rest
  replay(s, :first)
  stats(s, nil)

  # Issue 5: activities, then leaderboards by score and by value.
  $now = T0 + 400 * MIN # rubocop:disable Style/GlobalVars
  %w[bob alice].each { |who| s.set_consent(who, :tracking, true, source: "parity") } # activities need it
  s.record_activity("parity", "bob", :review)
  s.record_activity("parity", "alice", :invite)
  board(s, :score, 1)
  board(s, :value, 3)
end
