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
