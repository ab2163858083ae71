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

  class Store
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
