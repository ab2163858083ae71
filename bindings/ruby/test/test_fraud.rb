# frozen_string_literal: true

require_relative "test_helper"
require "json"

class TestFraud < ReferralTest::StoreTest
  VECTORS = File.join(ReferralTest::REPO_ROOT, "tests", "vectors", "vectors.json")

  def test_normalize_email_vectors
    cases = JSON.parse(File.read(VECTORS))["fraud"]["email_normalization_cases"]["cases"]
    refute_empty cases
    cases.each { |given, want| assert_equal want, Referral.normalize_email(given), given }
  end

  def test_normalize_email_errors
    ["", "no-at-sign", "@example.com", "x@", "+tag@example.com"].each do |bad|
      assert_status(Referral::InvalidError, -2) { Referral.normalize_email(bad) }
    end
  end

  def test_advocate_identity
    a = store.add_advocate("alice", email: "Alice+x@Example.com", customer_id: "cust-1",
                                    visitor_id: "v-alice", ip: "203.0.113.5", user_agent: "UA/1")
    assert_equal "cust-1", a.customer_id
    assert_equal a, store.advocate("alice")
    assert_nil store.add_advocate("bob").customer_id
    data = [path, "#{path}-wal"].select { |f| File.exist?(f) }.map { |f| File.binread(f) }.join
    ["203.0.113.5", "UA/1", "Alice", "lice@"].each { |secret| refute_includes data, secret }
  end

  def test_advocate_bad_email_changes_nothing
    assert_status(Referral::InvalidError, -2) do
      store.add_advocate("a", email: "not-an-address", customer_id: "c")
    end
    assert_status(Referral::NotFoundError, -3) { store.advocate("a") }
  end

  def test_conversion_customer_fields
    code = seed.code
    store.record_touchpoint(code, visitor_id: "v1")
    conv = store.record_conversion("spring", visitor_id: "v1", order_id: "o1", value_minor: 100,
                                             currency: "EUR", email: "Buyer@Example.com",
                                             ip: "198.51.100.7", user_agent: "Mozilla/5.0",
                                             existing_customer: true)
    assert conv.attributed
    assert_status(Referral::InvalidError, -2) do
      store.record_conversion("spring", visitor_id: "v1", order_id: "o2", value_minor: 1,
                                        currency: "EUR", email: "nope")
    end
    assert_status(Referral::NotFoundError, -3) { store.conversion("spring", "o2") }
  end
end

class TestFraudChecks < ReferralTest::StoreTest
  def setup
    super
    @code = seed.code
  end

  def convert(visitor, order, **kw)
    store.record_touchpoint(@code, visitor_id: visitor, at: clock.ms - 600_000)
    store.record_conversion("spring", visitor_id: visitor, order_id: order, value_minor: 100,
                                      currency: "EUR", **kw)
  end

  def test_clean_and_explained
    convert("v1", "o1")
    c = store.fraud_check("spring", "o1")
    assert_equal ["spring", "o1", "alice"], [c.program, c.order_id, c.advocate]
    assert_equal [0, :approve, :none], [c.risk, c.decision, c.status]
    assert_empty c.signals
    assert_nil c.reviewed_at
    assert_includes c.summary, "no signal fired"
    assert_status(Referral::NotFoundError, -3) { store.fraud_check("spring", "x") }
  end

  def test_review_queue_and_transitions
    convert("v1", "h1", email: "a@mailinator.com")
    convert("v2", "h2", email: "b@mailinator.com")
    held = store.review_queue("spring").to_a
    assert_equal %w[h1 h2], held.map(&:order_id)
    assert held.first.held?
    assert_equal :"disposable-email", held.first.signals.first.kind
    page, cursor = store.review_queue_page("spring", limit: 1)
    assert_equal 1, page.size
    assert_operator cursor, :>, 0
    clock.ms += 1000
    c = store.review("spring", "h1", approve: true, reviewer: "rita", reason: "known")
    assert_equal [:approved, "rita", "known"], [c.status, c.reviewer, c.review_reason]
    assert_equal Time.at(0, clock.ms, :millisecond).utc, c.reviewed_at
    c = store.review("spring", "h2", approve: false, reviewer: "rita", reason: "burner")
    assert_equal :rejected, c.status
    assert_empty store.review_queue("spring").to_a
    assert_status(Referral::ConflictError, -5) do
      store.review("spring", "h1", approve: false, reviewer: "sam", reason: "again")
    end
    assert_status(Referral::InvalidError, -2) do
      store.review("spring", "h1", approve: true, reviewer: "", reason: "x")
    end
  end

  def test_policy
    policy, version = store.fraud_policy("spring")
    assert_equal 1, version
    assert_equal 30, policy[:approve_below]
    assert_equal %i[self-referral existing-customer], policy[:hard_signals]
    assert_equal 2, store.set_fraud_policy("spring", weight_disposable_email: 80,
                                                     hard_signals: [:self_referral])
    policy, version = store.fraud_policy("spring")
    assert_equal [80, 2, [:"self-referral"]],
                 [policy[:weight_disposable_email], version, policy[:hard_signals]]
    convert("v1", "o1", email: "a@yopmail.com")
    c = store.fraud_check("spring", "o1")
    assert_equal [:reject, 80, 2], [c.decision, c.risk, c.policy_version]
    assert_status(Referral::InvalidError, -2) { store.set_fraud_policy("spring", weight_bot: 101) }
    assert_equal 2, store.fraud_policy("spring")[1]
    assert_raises(ArgumentError) { store.set_fraud_policy("spring", nonsense: 1) }
  end

  def test_disposable_domains
    path = File.join(tmp, "domains.txt")
    File.write(path, "# host list\nburner.example\n")
    assert_equal 1, store.load_disposable_domains(path)
    convert("v1", "o1", email: "a@burner.example")
    assert_equal :"disposable-email", store.fraud_check("spring", "o1").signals.first.kind
    File.write(path, "not a domain\n")
    assert_status(Referral::InvalidError, -2) { store.load_disposable_domains(path) }
    assert_status(Referral::IoError, -11) { store.load_disposable_domains(File.join(tmp, "no")) }
  end
end
