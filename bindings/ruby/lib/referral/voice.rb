# frozen_string_literal: true

# The advocate's voice (include/referral/voice.h): segments, testimonials
# and reference asks.
#
#   store.set_segment("alice", "enterprise")
#   t = store.submit_testimonial("spring", "alice", "Great!", rating: 5, product: "crm",
#                                publish_consent: true)
#   store.decide_testimonial("spring", t.id, :approved)
#   store.testimonials("spring", product: "crm").items     # publishable ones
#   ask = store.ask_reference("spring", "alice", "Acme Corp")
#   store.close_reference("spring", ask.id, :completed)
module Referral
  # rf_testimonial_filter values by name.
  TESTIMONIAL_FILTERS = { publishable: 0, pending: 1, approved: 2, rejected: 3 }.freeze

  # A testimonial (segment is the advocate's when it was submitted).
  Testimonial = Struct.new(:id, :program, :advocate, :advocate_kind, :display_name, :segment,
                           :product, :body, :rating, :publish_consent, :status, :created_at,
                           :decided_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], program: Convert.text_out(c[:program]),
          advocate: Convert.text_out(c[:advocate]),
          advocate_kind: Convert.enum_out(:advocate_kind, c[:advocate_kind]),
          display_name: Convert.text_out(c[:display_name]),
          segment: Convert.text_out(c[:segment]), product: Convert.text_out(c[:product]),
          body: Convert.text_out(c[:body]), rating: c[:rating],
          publish_consent: c[:publish_consent] == 1,
          status: Convert.enum_out(:testimonial_status, c[:status]),
          created_at: Convert.time_out(c[:created_at_ms]),
          decided_at: Convert.optional_time_out(c[:decided_at_ms])).freeze
    end
  end

  # One page of testimonials; next_cursor 0 when it is the last.
  TestimonialPage = Struct.new(:items, :next_cursor, keyword_init: true)

  # An advocate who may be asked for a reference now.
  ReferenceCandidate = Struct.new(:id, :advocate, :advocate_kind, :display_name, :segment,
                                  :score, :asks, :last_asked_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], advocate: Convert.text_out(c[:advocate]),
          advocate_kind: Convert.enum_out(:advocate_kind, c[:advocate_kind]),
          display_name: Convert.text_out(c[:display_name]),
          segment: Convert.text_out(c[:segment]), score: c[:score], asks: c[:asks],
          last_asked_at: Convert.optional_time_out(c[:last_asked_at_ms])).freeze
    end
  end

  # Candidates (best score first) and the configurations that chose them.
  ReferenceCandidates = Struct.new(:items, :at, :score_config_version, :config_version,
                                   keyword_init: true)

  # A reference ask and its outcome.
  Reference = Struct.new(:id, :program, :advocate, :prospect, :outcome, :asked_at,
                         :accepted_at, :closed_at, keyword_init: true) do
    def self.from_native(c)
      new(id: c[:id], program: Convert.text_out(c[:program]),
          advocate: Convert.text_out(c[:advocate]), prospect: Convert.text_out(c[:prospect]),
          outcome: Convert.enum_out(:reference_outcome, c[:outcome]),
          asked_at: Convert.time_out(c[:asked_at_ms]),
          accepted_at: Convert.optional_time_out(c[:accepted_at_ms]),
          closed_at: Convert.optional_time_out(c[:closed_at_ms])).freeze
    end
  end

  class Store
    # Set an advocate's segment ([a-z0-9_-], up to 64 bytes); nil removes it.
    def set_segment(advocate, segment)
      invoke(:rf_advocate_segment_set, [], text(advocate, "advocate"), text(segment, "segment"))
      nil
    end

    # An advocate's segment, or nil.
    def segment(advocate)
      buf = FFI::MemoryPointer.new(:char, Native::SEGMENT_BUFSIZE)
      invoke(:rf_advocate_segment_get, [buf, buf.size], text(advocate, "advocate"))
      value = buf.read_string.force_encoding(Encoding::UTF_8)
      value.empty? ? nil : value
    end

    # Submit a testimonial (pending); counts as activity with tracking consent.
    def submit_testimonial(program, advocate, body, rating:, product: nil,
                           publish_consent: false, at: nil)
      keep = []
      spec = Native::TestimonialSpec.new
      Referral.check!(Native.rf_testimonial_spec_init(spec, Native::TESTIMONIAL_SPEC_VERSION))
      Convert.set_text(spec, :program, program, "program", keep)
      Convert.set_text(spec, :advocate, advocate, "advocate", keep)
      Convert.set_text(spec, :product, product, "product", keep)
      Convert.set_text(spec, :body, body, "body", keep)
      spec[:rating] = Convert.int32(rating, "rating")
      spec[:publish_consent] = flag(publish_consent, "publish_consent")
      spec[:at_ms] = Convert.time_in(at, "at") unless at.nil?
      fetch(:rf_testimonial_submit, :rf_testimonial_free, Native::Testimonial, spec) do |c, _|
        Testimonial.from_native(c)
      end
    end

    # Approve or reject a testimonial (:approved / :rejected).
    def decide_testimonial(program, id, status)
      fetch(:rf_testimonial_decide, :rf_testimonial_free, Native::Testimonial,
            text(program, "program"), Convert.int64(id, "id"),
            Convert.enum_in(:testimonial_status, status, "status")) do |c, _|
        Testimonial.from_native(c)
      end
    end

    # Record the advocate's consent to publish a testimonial, or its withdrawal.
    def set_testimonial_consent(program, id, publish_consent)
      invoke(:rf_testimonial_consent_set, [], text(program, "program"), Convert.int64(id, "id"),
             flag(publish_consent, "publish_consent"))
      nil
    end

    # One testimonial of a program.
    def testimonial(program, id)
      fetch(:rf_testimonial_get, :rf_testimonial_free, Native::Testimonial,
            text(program, "program"), Convert.int64(id, "id")) { |c, _| Testimonial.from_native(c) }
    end

    # One page of testimonials (publishable ones by default), by id.
    def testimonials(program, which: :publishable, product: nil, segment: nil, kind: nil,
                     advocate: nil, min_rating: 0, cursor: 0, limit: 100)
      keep = []
      q = Native::TestimonialQuery.new
      Referral.check!(Native.rf_testimonial_query_init(q, Native::TESTIMONIAL_QUERY_VERSION))
      Convert.set_text(q, :program, program, "program", keep)
      q[:which] = testimonial_filter(which)
      Convert.set_text(q, :product, product, "product", keep)
      Convert.set_text(q, :segment, segment, "segment", keep)
      set_enum(q, :advocate_kind, :advocate_kind, kind)
      Convert.set_text(q, :advocate, advocate, "advocate", keep)
      q[:min_rating] = Convert.int32(min_rating, "min_rating")
      q[:cursor] = Convert.int64(cursor, "cursor")
      q[:limit] = Convert.uint32(limit, "limit")
      fetch(:rf_testimonial_find, :rf_testimonials_free, Native::Testimonials, q) do |c, _|
        items = Convert.each_item(c[:items], c[:count], Native::Testimonial)
                       .map { |t| Testimonial.from_native(t) }
        TestimonialPage.new(items: items.freeze, next_cursor: c[:next_cursor]).freeze
      end
    end

    # Advocates who may be asked for a reference now, best score first.
    def find_references(program, kind: nil, segment: nil, min_score: 0, limit: 10)
      keep = []
      q = Native::ReferenceQuery.new
      Referral.check!(Native.rf_reference_query_init(q, Native::REFERENCE_QUERY_VERSION))
      Convert.set_text(q, :program, program, "program", keep)
      set_enum(q, :advocate_kind, :advocate_kind, kind)
      Convert.set_text(q, :segment, segment, "segment", keep)
      q[:min_score] = Convert.int32(min_score, "min_score")
      q[:limit] = Convert.uint32(limit, "limit")
      fetch(:rf_reference_find, :rf_reference_candidates_free, Native::ReferenceCandidates,
            q) do |c, _|
        items = Convert.each_item(c[:items], c[:count], Native::ReferenceCandidate)
                       .map { |x| ReferenceCandidate.from_native(x) }
        ReferenceCandidates.new(items: items.freeze, at: Convert.time_out(c[:at_ms]),
                                score_config_version: c[:score_config_version],
                                config_version: c[:config_version]).freeze
      end
    end

    # Record an ask; LimitError when the advocate reached the program's ask cap.
    def ask_reference(program, advocate, prospect)
      fetch(:rf_reference_ask, :rf_reference_free, Native::Reference, text(program, "program"),
            text(advocate, "advocate"), text(prospect, "prospect")) do |c, _|
        Reference.from_native(c)
      end
    end

    # Record an ask's outcome (:accepted, :declined, :completed, :no_response).
    def close_reference(program, id, outcome)
      fetch(:rf_reference_close, :rf_reference_free, Native::Reference, text(program, "program"),
            Convert.int64(id, "id"), Convert.enum_in(:reference_outcome, outcome, "outcome")) do |c, _|
        Reference.from_native(c)
      end
    end

    # One reference ask of a program.
    def reference(program, id)
      fetch(:rf_reference_get, :rf_reference_free, Native::Reference, text(program, "program"),
            Convert.int64(id, "id")) { |c, _| Reference.from_native(c) }
    end

    private

    def flag(value, what)
      raise TypeError, "#{what}: expected true or false" unless [true, false].include?(value)

      value ? 1 : 0
    end

    def testimonial_filter(value)
      case value
      when Symbol, String
        TESTIMONIAL_FILTERS.fetch(value.to_sym) { raise Referral.invalid("which: unknown #{value.inspect}") }
      when Integer then Convert.int32(value, "which")
      else raise TypeError, "which: expected Symbol, got #{value.class}"
      end
    end
  end
end
