# frozen_string_literal: true

require_relative "test_helper"

class TestAdvocates < ReferralTest::StoreTest
  def test_add_defaults
    a = store.add_advocate("cust-1")
    assert_equal "cust-1", a.external_id
    assert_equal :customer, a.kind
    assert_equal "", a.display_name
    assert_equal :active, a.status
    assert a.active?
    refute a.has_email
    assert_equal T0_TIME, a.created_at
    assert_equal a, store.advocate("cust-1")
  end

  def test_add_full
    a = store.add_advocate("emp-7", kind: "EMPLOYEE", display_name: "Zo\u00eb",
                                    email: " Zoe@Example.com ")
    assert_equal :employee, a.kind
    assert_equal "Zo\u00eb", a.display_name
    assert a.has_email
    refute_includes a.to_h.keys, :email
    { 1 => :customer, 2 => :employee, 3 => :partner, 4 => :influencer }.each do |value, name|
      assert_equal name, store.add_advocate("k#{value}", kind: value).kind
    end
  end

  def test_add_errors
    store.add_advocate("a")
    assert_status(Referral::ExistsError, -4) { store.add_advocate("a") }
    assert_status(Referral::InvalidError, -2) { store.add_advocate("") }
    assert_status(Referral::InvalidError, -2) { store.add_advocate("x" * 256) }
    assert_status(Referral::InvalidError, -2) { store.add_advocate("b", display_name: "n" * 256) }
    assert_status(Referral::InvalidError, -2) { store.add_advocate(nil) }
  end

  def test_get_missing
    assert_status(Referral::NotFoundError, -3) { store.advocate("ghost") }
  end

  def test_deactivate
    store.add_advocate("a")
    store.deactivate_advocate("a")
    store.deactivate_advocate("a")
    assert_equal :inactive, store.advocate("a").status
    refute store.advocate("a").active?
    assert_status(Referral::NotFoundError, -3) { store.deactivate_advocate("b") }
  end

  def test_pagination
    ids = (0...250).map { |i| format("adv-%03d", i) }
    ids.each { |i| store.add_advocate(i) }
    page, cursor = store.advocate_page(cursor: 0, limit: 100)
    assert_equal ids[0, 100], page.map(&:external_id)
    refute_equal 0, cursor
    page, cursor = store.advocate_page(cursor: cursor, limit: 100)
    assert_equal ids[100, 100], page.map(&:external_id)
    page, cursor = store.advocate_page(cursor: cursor, limit: 100)
    assert_equal ids[200..], page.map(&:external_id)
    assert_equal 0, cursor
    assert_equal ids, store.each_advocate(page_size: 7).map(&:external_id)
    assert_equal 100, store.advocate_page(limit: 0).first.size
    assert_status(Referral::InvalidError, -2) { store.advocate_page(limit: 1001) }
  end

  def test_each_is_lazy_and_enumerable
    5.times { |i| store.add_advocate("a#{i}") }
    enum = store.advocates(page_size: 2)
    assert_kind_of Enumerator, enum
    assert_equal "a0", enum.next.external_id
    assert_equal %w[a0 a1], enum.first(2).map(&:external_id)
    seen = []
    assert_same store, store.each_advocate { |a| seen << a.external_id }
    assert_equal %w[a0 a1 a2 a3 a4], seen
  end

  def test_empty
    assert_equal [], store.advocates.to_a
    assert_equal [[], 0], store.advocate_page
  end
end
