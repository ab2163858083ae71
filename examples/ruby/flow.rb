# frozen_string_literal: true

# The referral flow from the command line: program -> advocate -> code -> click
# -> conversion -> stats, then why the order was credited as it was, and a
# partial refund.
#
#   REFERRAL_LIBRARY=build/libreferral.so ruby examples/ruby/flow.rb [--db PATH]
$LOAD_PATH.unshift File.expand_path("../../bindings/ruby/lib", __dir__)
require "optparse"
require "securerandom"
require "time"
require "referral"

db = ":memory:"
OptionParser.new do |o|
  o.banner = "usage: flow.rb [--db PATH]"
  o.on("--db PATH", "store file (default: in memory)") { |v| db = v }
end.parse!

def money(minor, currency)
  format("%<cur>s %<units>d.%<cents>02d", cur: currency, units: minor / 100, cents: minor % 100)
end

Referral::Store.open(db) do |s|
  program = begin
    s.program("ruby-demo")
  rescue Referral::NotFoundError
    s.create_program("ruby-demo", name: "Ruby demo", rules: { lookback_ms: 7 * Referral::DAY_MS })
  end
  begin
    s.add_advocate("carol", display_name: "Carol", kind: :partner)
  rescue Referral::ExistsError
    nil # a second run on the same file
  end
  code = s.issue_code(program.key, "carol", channel: :email)
  puts "Carol's code: #{code.display}  link: https://shop.example/r/#{code.display}"

  click = s.record_touchpoint(code.display.downcase, landing_url: "/r/#{code.display}")
  puts "click by visitor #{click.visitor_id} (#{click.kind}, #{click.at.iso8601})"

  order = "order-#{SecureRandom.hex(4)}"
  conv = s.record_conversion(program.key, visitor_id: click.visitor_id, order_id: order,
                                          value_minor: 2500, currency: "eur")
  conv.credits.each do |c|
    puts "#{order}: #{money(conv.value_minor, conv.currency)} credited to #{c.advocate} " \
         "(#{money(c.value_minor, conv.currency)}, weight #{c.weight})"
  end
  again = s.record_conversion(program.key, visitor_id: click.visitor_id, order_id: order,
                                           value_minor: 2500, currency: "eur")
  puts "recording #{order} again: duplicate=#{again.duplicate}"

  begin
    s.resolve_code("#{code.code[0] == '2' ? '3' : '2'}#{code.code[1..]}")
  rescue Referral::CheckError => e
    puts "a mistyped code is caught: #{e.message}"
  end

  st = s.stats(program.key, advocate: "carol")
  puts format("Carol: %<c>d clicks, %<v>d visitors, %<o>d orders, %<s>s, rate %<r>.0f%%",
              c: st.touchpoints, v: st.unique_visitors, o: st.attributed_conversions,
              s: st.values.map { |cur, v| money(v, cur) }.join(", "), r: 100 * st.conversion_rate)
  puts "why: #{s.explanation(program.key, order).summary}"

  refunded = s.refund(program.key, order, refund_id: "#{order}-r1", amount_minor: 500)
  puts "after a #{money(refunded.refunded_minor, refunded.currency)} refund, carol keeps " \
       "#{money(refunded.credits.first.net_minor, refunded.currency)}"
end
