# frozen_string_literal: true

require_relative "test_helper"

class TestCodes < ReferralTest::StoreTest
  ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars.freeze

  # A well-formed code (valid check symbol) that this test's store never issued.
  def foreign_code
    Referral::Store.open(":memory:") do |other|
      other.create_program("x")
      other.add_advocate("x")
      other.issue_code("x", "x").code
    end
  end

  def typo(code)
    (code[0] == "2" ? "3" : "2") + code[1..]
  end

  def test_random_code
    c = seed(channel: :whatsapp)
    assert_equal 9, c.code.size
    assert_empty c.code.chars - ALPHABET
    assert_equal ["spring", "alice", :whatsapp, :active, false],
                 [c.program, c.advocate, c.channel, c.status, c.vanity]
    assert_nil c.expires_at
    assert_nil c.max_uses
    assert_equal 0, c.uses
    assert_equal T0_TIME, c.created_at
    assert_equal c.display, c.to_s
    assert_equal c, store.code(c.code)
  end

  def test_codes_of_an_advocate
    first = seed(channel: :email)
    second = store.issue_code("spring", "alice", vanity: "ALICE-LIST")
    store.disable_code(second.code)
    store.create_program("autumn")
    third = store.issue_code("autumn", "alice")
    assert_equal [first.code, second.code], store.codes("alice", program: "spring").map(&:code)
    all = store.codes("alice")
    assert_equal [first.code, second.code, third.code], all.map(&:code)
    assert_equal :disabled, all[1].status
    assert_raises(Referral::NotFoundError) { store.codes("nobody") }
    assert_raises(Referral::NotFoundError) { store.codes("alice", program: "nope") }
  end

  def test_vanity_code
    c = seed(vanity: "winter-deal")
    assert c.vanity
    assert_equal "WINTER-DEAL", c.display
    assert_equal Referral.normalize_code("winter-deal"), c.code
    assert_equal c.id, store.resolve_code("Winter Deal").id
    assert_status(Referral::ExistsError, -4) { store.issue_code("spring", "alice", vanity: "WINTERDEAL") }
    %w[abc xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx no*pe].each do |bad|
      assert_status(Referral::InvalidError, -2) { store.issue_code("spring", "alice", vanity: bad) }
    end
  end

  def test_limits
    c = seed(expires_at: T0_TIME + 2 * 86_400, max_uses: 3, channel: 7)
    assert_equal T0_TIME + 2 * 86_400, c.expires_at
    assert_equal 3, c.max_uses
    assert_equal :qr, c.channel
  end

  def test_issue_errors
    seed
    assert_status(Referral::NotFoundError, -3) { store.issue_code("nope", "alice") }
    assert_status(Referral::NotFoundError, -3) { store.issue_code("spring", "bob") }
    assert_status(Referral::InvalidError, -2) { store.issue_code("spring", "alice", max_uses: -1) }
    assert_status(Referral::InvalidError, -2) { store.issue_code("spring", "alice", channel: 42) }
    store.deactivate_advocate("alice")
    assert_status(Referral::DisabledError, -15) { store.issue_code("spring", "alice") }
    seed(program: "other", advocate: "bob")
    store.archive_program("other")
    assert_status(Referral::DisabledError, -15) { store.issue_code("other", "bob") }
  end

  def test_resolve_forgiving_input
    c = seed
    spaced = "#{c.code[0, 4].downcase} #{c.code[4..].downcase}"
    assert_equal c.id, store.resolve_code(spaced).id
  end

  def test_each_failure_is_distinct
    c = seed
    assert_status(Referral::CheckError, -13) { store.resolve_code(typo(c.code)) }
    assert_status(Referral::InvalidError, -2) { store.resolve_code("") }
    assert_status(Referral::InvalidError, -2) { store.resolve_code("?!") }
    assert_status(Referral::InvalidError, -2) { store.resolve_code("A" * 100) }
    assert_status(Referral::NotFoundError, -3) { store.resolve_code(foreign_code) }
  end

  def test_expired
    c = seed(expires_at: T0 + DAY)
    assert_equal c.id, store.resolve_code(c.code).id
    clock.ms = T0 + DAY + 1
    assert_status(Referral::ExpiredError, -14) { store.resolve_code(c.code) }
    assert_status(Referral::ExpiredError, -14) { store.record_touchpoint(c.code, visitor_id: "v") }
    assert_equal c.id, store.code(c.code).id
  end

  def test_disabled
    c = seed
    store.disable_code(c.code)
    store.disable_code(c.code)
    assert_equal :disabled, store.code(c.code).status
    assert_status(Referral::DisabledError, -15) { store.resolve_code(c.code) }
    assert_status(Referral::NotFoundError, -3) { store.disable_code(foreign_code) }
  end

  def test_inactive_advocate_or_archived_program
    a = seed
    b = seed(program: "autumn", advocate: "bob")
    store.deactivate_advocate("alice")
    assert_status(Referral::DisabledError, -15) { store.resolve_code(a.code) }
    store.archive_program("autumn")
    assert_status(Referral::DisabledError, -15) { store.resolve_code(b.code) }
  end

  def test_exhausted
    c = seed(max_uses: 1)
    store.record_touchpoint(c.code, visitor_id: "v1")
    store.record_conversion("spring", visitor_id: "v1", order_id: "o1", value_minor: 10,
                                      currency: "EUR")
    assert_equal 1, store.code(c.code).uses
    assert_status(Referral::ExhaustedError, -16) { store.resolve_code(c.code) }
  end

  def test_get_missing
    assert_status(Referral::NotFoundError, -3) { store.code(foreign_code) }
    assert_status(Referral::InvalidError, -2) { store.code("") }
  end
end
