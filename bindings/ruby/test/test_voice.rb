# frozen_string_literal: true

require_relative "test_helper"

# Segments, testimonials and reference asks.
class TestVoice < ReferralTest::StoreTest
  def setup
    super
    store.create_program("p")
    { "alice" => :customer, "bob" => :employee, "carol" => :partner }.each do |name, kind|
      store.add_advocate(name, kind: kind)
      store.set_consent(name, :tracking, true, source: "test")
      store.set_consent(name, :messages, true, source: "test")
    end
  end

  def test_segments
    assert_nil store.segment("alice")
    store.set_segment("alice", "enterprise")
    assert_equal "enterprise", store.segment("alice")
    store.set_segment("alice", nil)
    assert_nil store.segment("alice")
    assert_raises(Referral::InvalidError) { store.set_segment("alice", "Not Valid") }
    assert_raises(Referral::NotFoundError) { store.segment("nobody") }
  end

  def test_testimonials
    store.set_segment("alice", "enterprise")
    t = store.submit_testimonial("p", "alice", "Great.\nReally.", rating: 5, product: "crm",
                                                                  publish_consent: true)
    assert_equal ["alice", "enterprise", "crm", 5, true, :pending, :customer, T0_TIME, nil],
                 [t.advocate, t.segment, t.product, t.rating, t.publish_consent, t.status,
                  t.advocate_kind, t.created_at, t.decided_at]
    assert_equal [:testimonial], store.activities("p", advocate: "alice").map(&:type)
    assert_empty store.testimonials("p").items
    clock.ms += 1000
    d = store.decide_testimonial("p", t.id, :approved)
    assert_equal [:approved, T0_TIME + 1], [d.status, d.decided_at]
    u = store.submit_testimonial("p", "bob", "Fine", rating: 3, product: "erp")
    store.decide_testimonial("p", u.id, :approved)
    assert_equal [t.id], store.testimonials("p").items.map(&:id)
    assert_equal 2, store.testimonials("p", which: :approved).items.size
    store.set_testimonial_consent("p", u.id, true)
    assert_equal ["bob"], store.testimonials("p", kind: :employee).items.map(&:advocate)
    assert_equal 1, store.testimonials("p", segment: "enterprise").items.size
    assert_equal 1, store.testimonials("p", min_rating: 4).items.size
    page = store.testimonials("p", limit: 1)
    assert_equal t.id, page.next_cursor
    rest = store.testimonials("p", limit: 1, cursor: page.next_cursor)
    assert_equal [[u.id], 0], [rest.items.map(&:id), rest.next_cursor]
    assert store.testimonial("p", u.id).publish_consent
    assert_raises(Referral::InvalidError) { store.submit_testimonial("p", "alice", "x", rating: 6) }
    assert_raises(Referral::InvalidError) { store.decide_testimonial("p", t.id, :pending) }
    assert_raises(Referral::NotFoundError) { store.testimonial("p", 99) }
    assert_raises(TypeError) { store.submit_testimonial("p", "alice", "x", rating: 3, publish_consent: 1) }
  end

  def test_references
    { "alice" => 3, "bob" => 1, "carol" => 1 }.each do |name, n|
      n.times { store.record_activity("p", name, :share) }
    end
    found = store.find_references("p")
    assert_equal %w[alice bob carol], found.items.map(&:advocate)
    assert_operator found.items[0].score, :>, found.items[1].score
    assert_equal ["carol"], store.find_references("p", kind: :partner).items.map(&:advocate)
    ask = store.ask_reference("p", "alice", "Acme Corp")
    assert_equal [:open, "Acme Corp", T0_TIME, nil],
                 [ask.outcome, ask.prospect, ask.asked_at, ask.closed_at]
    clock.ms += 86_400_000
    done = store.close_reference("p", ask.id, :accepted)
    assert_equal T0_TIME + 86_400, done.accepted_at
    done = store.close_reference("p", ask.id, :completed)
    assert_equal :completed, done.outcome
    assert_equal done, store.reference("p", ask.id)
    assert_equal 1, store.activities("p", advocate: "alice").count { |a| a.type == :reference }
    store.ask_reference("p", "alice", "Globex")
    assert_raises(Referral::LimitError) { store.ask_reference("p", "alice", "Initech") }
    refute_includes store.find_references("p").items.map(&:advocate), "alice"
    assert_raises(Referral::InvalidError) { store.close_reference("p", ask.id, :declined) }
    second = store.ask_reference("p", "bob", "Umbrella")
    assert_equal :"no-response", store.close_reference("p", second.id, :no_response).outcome
    store.set_consent("carol", :messages, false, source: "unsubscribe")
    assert_raises(Referral::ConsentError) { store.ask_reference("p", "carol", "Acme") }
  end
end
