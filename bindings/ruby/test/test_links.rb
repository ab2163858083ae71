# frozen_string_literal: true

require_relative "test_helper"

# Signed links and link keys.
class TestLinks < ReferralTest::StoreTest
  BASE = "https://shop.example/join"

  def test_keys
    assert_equal [], store.link_keys
    a = store.add_link_key
    b = store.add_link_key
    assert_operator b, :>, a
    clock.ms += 1000
    store.retire_link_key(a)
    keys = store.link_keys
    assert_equal [a, b], keys.map(&:id)
    assert_equal T0_TIME, keys[0].created_at
    assert_equal T0_TIME + 1, keys[0].retired_at
    refute keys[0].active?
    assert keys[1].active?
    assert_raises(Referral::NotFoundError) { store.retire_link_key(99) }
  end

  def test_round_trip
    assert_raises(Referral::LinkKeyError) { store.build_link(BASE, "C") }
    kid = store.add_link_key
    link = store.build_link(BASE, "AB 12", campaign: "spring", content: "é", expires_at: T0 + HOUR)
    assert link.url.start_with?("#{BASE}?rc=AB%2012&cmp=spring&cnt=%C3%A9&exp=")
    assert_equal kid, link.key_id
    assert_equal link, store.verify_link(link.url)
    assert_equal T0_TIME + 3600, link.expires_at
    plain = store.build_link(BASE, "C")
    assert_equal ["", "", nil], [plain.campaign, plain.content, plain.expires_at]
  end

  def test_statuses
    old = store.add_link_key
    link = store.build_link(BASE, "CODE", expires_at: T0 + HOUR).url
    assert_raises(Referral::TamperedError) { store.verify_link(link.sub("rc=CODE", "rc=CODF")) }
    assert_raises(Referral::TamperedError) { store.verify_link("x" * 5000) }
    clock.ms = T0 + HOUR
    assert_raises(Referral::ExpiredError) { store.verify_link(link) }
    clock.ms = T0
    store.add_link_key
    store.verify_link(link)
    store.retire_link_key(old)
    assert_raises(Referral::LinkKeyError) { store.verify_link(link) }
    assert_raises(Referral::InvalidError) { store.build_link("ftp://x", "C") }
  end
end
