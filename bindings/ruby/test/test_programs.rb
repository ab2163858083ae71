# frozen_string_literal: true

require_relative "test_helper"

class TestPrograms < ReferralTest::StoreTest
  def test_rules_defaults_come_from_c
    rules = Referral::ProgramRules.default
    assert_equal :last, rules.model
    assert_equal 8, rules.code_length
    assert_equal 30 * DAY, rules.lookback_ms
    assert_equal HOUR, rules.duplicate_window_ms
    refute rules.lock_first_referrer
  end

  def test_init_functions_reject_unknown_versions
    n = Referral::Native
    { rf_program_rules_init: n::ProgramRules, rf_store_options_init: n::StoreOptions,
      rf_advocate_spec_init: n::AdvocateSpec, rf_code_spec_init: n::CodeSpec,
      rf_touchpoint_spec_init: n::TouchpointSpec, rf_conversion_spec_init: n::ConversionSpec,
      rf_stats_query_init: n::StatsQuery }.each do |fn, klass|
      assert_status(Referral::VersionError, -8) { Referral.check!(n.public_send(fn, klass.new, 99)) }
      assert_status(Referral::InvalidError, -2) { Referral.check!(n.public_send(fn, nil, 1)) }
    end
  end

  def test_create_defaults
    p = store.create_program("spring-2026")
    assert_equal "spring-2026", p.key
    assert_equal "spring-2026", p.name
    assert_equal :active, p.status
    refute p.archived?
    assert_equal 1, p.rules_version
    assert_equal Referral::ProgramRules.default, p.rules
    assert_equal T0_TIME, p.created_at
    assert_equal T0_TIME, p.updated_at
    assert_operator p.id, :>, 0
    assert_equal p, store.program("spring-2026")
    assert p.frozen?
  end

  def test_create_with_rules
    p = store.create_program("p", name: "Promo \u00e9t\u00e9",
                                  rules: { model: :first, code_length: 12, lookback_ms: 7 * DAY,
                                           duplicate_window_ms: 0, lock_first_referrer: true })
    assert_equal "Promo \u00e9t\u00e9", p.name
    assert_equal Encoding::UTF_8, p.name.encoding
    assert_equal [:first, 12, 7 * DAY, 0, true, 7 * DAY, 4000, 4000, [], true, 12], p.rules.to_a
    store.add_advocate("a")
    assert_equal 13, store.issue_code("p", "a").code.size
    q = store.create_program("q", rules: Referral::ProgramRules.new(**p.rules.to_h, model: 1))
    assert_equal :last, q.rules.model
  end

  def test_create_errors
    store.create_program("p")
    assert_status(Referral::ExistsError, -4) { store.create_program("p") }
    assert_status(Referral::InvalidError, -2) { store.create_program("") }
    assert_status(Referral::InvalidError, -2) { store.create_program("k" * 256) }
    [{ code_length: 7 }, { code_length: 17 }, { lookback_ms: 0 }, { model: 99 },
     { lookback_ms: 3651 * DAY }, { duplicate_window_ms: -1 }].each do |bad|
      assert_status(Referral::InvalidError, -2) { store.create_program("q", rules: bad) }
    end
  end

  def test_get_missing
    assert_status(Referral::NotFoundError, -3) { store.program("nope") }
  end

  def test_update
    store.create_program("p", name: "Old")
    clock.ms = T0 + HOUR
    renamed = store.update_program("p", name: "New")
    assert_equal "New", renamed.name
    assert_equal 1, renamed.rules_version
    assert_equal T0_TIME + 3600, renamed.updated_at
    changed = store.update_program("p", rules: { model: :first }) # merged over current rules
    assert_equal 2, changed.rules_version
    assert_equal :first, changed.rules.model
    assert_equal 30 * DAY, changed.rules.lookback_ms
    assert_equal "New", changed.name
    assert_equal 2, store.update_program("p").rules_version
    assert_status(Referral::NotFoundError, -3) { store.update_program("x", name: "n") }
    assert_status(Referral::InvalidError, -2) { store.update_program("p", rules: { code_length: 99 }) }
  end

  def test_archive_and_list
    %w[c a b].each { |k| store.create_program(k) }
    store.archive_program("a")
    store.archive_program("a")
    assert_equal :archived, store.program("a").status
    assert store.program("a").archived?
    assert_equal %w[b c], store.programs.map(&:key)
    assert_equal %w[a b c], store.programs(include_archived: true).map(&:key)
    assert_equal %w[a b c], store.each_program(include_archived: true).map(&:key)
    keys = []
    store.each_program { |p| keys << p.key }
    assert_equal %w[b c], keys
    assert_status(Referral::DisabledError, -15) { store.update_program("a", name: "n") }
    assert_status(Referral::NotFoundError, -3) { store.archive_program("zz") }
  end

  def test_empty_list
    assert_equal [], store.programs
  end
end
