# frozen_string_literal: true

require_relative "test_helper"

# Privacy: hash-key rotation, privacy policy, retention, erasure, export.
class TestPrivacy < ReferralTest::StoreTest
  DAY = 86_400_000

  def setup
    super
    store.create_program("p")
    store.add_advocate("alice", email: "alice@example.org")
    @code = store.issue_code("p", "alice").code
  end

  def test_rotation_overlap_then_expiry
    assert_equal "alice", store.find_advocate_by_email(" Alice@Example.org").external_id
    assert_equal 2, store.rotate_secret(overlap_ms: 7 * DAY)
    clock.ms += 7 * DAY - 1
    assert_equal "alice", store.find_advocate_by_email("alice@example.org").external_id
    clock.ms += 1
    assert_raises(Referral::NotFoundError) { store.find_advocate_by_email("alice@example.org") }
    assert_equal [[1, false, false], [2, true, false]],
                 store.secrets.map { |k| [k.id, k.live, k.destroyed] }
    assert_equal 1, store.expire_secrets
    store.set_advocate_email("alice", "alice@example.org")
    assert_equal "alice", store.find_advocate_by_email("alice@example.org").external_id
    assert_raises(Referral::InvalidError) { store.rotate_secret(overlap_ms: -1) }
  end

  def test_policy_and_retention
    s = store.privacy_policy("p")
    assert_equal ["p", 0, false, 0], [s.program, s.revision, s.ip_truncate, s.retention_ms]
    assert_equal 1, store.set_privacy_policy("p", ip_truncate: true, retention_ms: 5 * DAY)
    assert_equal [1, true, T0_TIME], [store.privacy_policy("p").revision,
                                      store.privacy_policy("p").ip_truncate,
                                      store.privacy_policy("p").set_at]
    assert_raises(TypeError) { store.set_privacy_policy("p", ip_truncate: 1) }
    10.times { |d| store.record_touchpoint(@code, visitor_id: "v#{d}", at: ReferralTest::T0 + d * DAY) }
    before = store.stats("p")
    clock.ms += 10 * DAY
    purge = store.purge_retention("p")
    assert_equal ["p", 5, T0_TIME + 5 * 86_400], [purge.program, purge.touchpoints, purge.cutoff]
    assert_equal before.touchpoints, store.stats("p").touchpoints
  end

  def test_export_then_erase
    store.record_touchpoint(@code, visitor_id: "vis-1", ip: "203.0.113.5")
    store.identify("vis-1", "cust-1")
    store.record_conversion("p", visitor_id: "vis-1", order_id: "order-1", value_minor: 1000,
                                 currency: "EUR")
    doc = store.export_advocate("alice")
    assert_equal "alice", doc["advocate"]["external_id"]
    assert_equal [@code], doc["codes"].map { |c| c["code"] }
    assert_equal ["order-1"], doc["credits"].map { |c| c["order_id"] }
    cust = store.export_customer("cust-1")
    assert_equal ["vis-1"], cust["visitors"]
    assert_equal "held as a keyed hash", cust["touchpoints"][0]["ip"]
    store.erase_advocate("alice")
    store.erase_customer("cust-1")
    assert_raises(Referral::NotFoundError) { store.advocate("alice") }
    assert_raises(Referral::NotFoundError) { store.export_customer("cust-1") }
    assert_equal 1, store.stats("p").attributed_conversions
    store.check
  end
end
