"""Programs: create, get, update, archive, list; rules."""
import ctypes
import dataclasses
import unittest
from datetime import timedelta

from support import HOUR, T0, T0_DT, StoreTestCase, referral
from referral import _ffi


class TestRules(unittest.TestCase):
    def test_defaults_match_c(self):
        c = _ffi.rf_program_rules()
        _ffi.lib().rf_program_rules_init(ctypes.byref(c), _ffi.PROGRAM_RULES_VERSION)
        self.assertEqual(referral.ProgramRules.from_c(c), referral.ProgramRules())

    def test_init_rejects_unknown_version(self):
        for fn, struct in (("rf_program_rules_init", _ffi.rf_program_rules),
                           ("rf_store_options_init", _ffi.rf_store_options),
                           ("rf_advocate_spec_init", _ffi.rf_advocate_spec),
                           ("rf_code_spec_init", _ffi.rf_code_spec),
                           ("rf_touchpoint_spec_init", _ffi.rf_touchpoint_spec),
                           ("rf_conversion_spec_init", _ffi.rf_conversion_spec),
                           ("rf_stats_query_init", _ffi.rf_stats_query)):
            s = struct()
            with self.assertRaises(referral.VersionError, msg=fn) as cm:
                getattr(_ffi.lib(), fn)(ctypes.byref(s), 99)
            self.assertEqual(cm.exception.code, -8)
            with self.assertRaises(referral.InvalidError, msg=fn):
                getattr(_ffi.lib(), fn)(None, 1)


class TestPrograms(StoreTestCase):
    def test_create_defaults(self):
        p = self.store.create_program("spring-2026")
        self.assertEqual(p.key, "spring-2026")
        self.assertEqual(p.name, "spring-2026")  # name defaults to the key
        self.assertEqual(p.status, referral.RecordStatus.ACTIVE)
        self.assertFalse(p.archived)
        self.assertEqual(p.rules_version, 1)
        self.assertEqual(p.rules, referral.ProgramRules())
        self.assertEqual(p.created_at, T0_DT)
        self.assertEqual(p.updated_at, T0_DT)
        self.assertGreater(p.id, 0)
        self.assertEqual(self.store.get_program("spring-2026"), p)

    def test_create_with_rules(self):
        rules = referral.ProgramRules(model="first", code_length=12, lookback=timedelta(days=7),
                                      duplicate_window=0, lock_first_referrer=True)
        p = self.store.create_program("p", "Promo \u00e9t\u00e9", rules)
        self.assertEqual(p.name, "Promo \u00e9t\u00e9")
        self.assertEqual(p.rules.model, referral.Model.FIRST)
        self.assertEqual(p.rules.code_length, 12)
        self.assertEqual(p.rules.lookback, timedelta(days=7))
        self.assertEqual(p.rules.duplicate_window, timedelta(0))
        self.assertTrue(p.rules.lock_first_referrer)
        self.assertEqual(len(self.store.issue_code("p", self.store.add_advocate("a").external_id)
                             .code), 13)

    def test_create_errors(self):
        self.store.create_program("p")
        self.assertRaisesCode(referral.ExistsError, -4, self.store.create_program, "p")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.create_program, "")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.create_program, "k" * 256)
        for bad in (referral.ProgramRules(code_length=7), referral.ProgramRules(code_length=17),
                    referral.ProgramRules(lookback=0), referral.ProgramRules(model=99),
                    referral.ProgramRules(lookback=timedelta(days=3651)),
                    referral.ProgramRules(duplicate_window=-1)):
            self.assertRaisesCode(referral.InvalidError, -2, self.store.create_program, "q",
                                  rules=bad)

    def test_get_missing(self):
        err = self.assertRaisesCode(referral.NotFoundError, -3, self.store.get_program, "nope")
        self.assertIsInstance(err, KeyError)

    def test_update(self):
        p = self.store.create_program("p", "Old")
        self.clock.ms = T0 + HOUR
        renamed = self.store.update_program("p", "New")
        self.assertEqual(renamed.name, "New")
        self.assertEqual(renamed.rules_version, 1)  # name only: rules unchanged
        self.assertEqual(renamed.updated_at, T0_DT + timedelta(hours=1))
        changed = self.store.update_program(
            "p", rules=dataclasses.replace(p.rules, model=referral.Model.FIRST))
        self.assertEqual(changed.rules_version, 2)
        self.assertEqual(changed.rules.model, referral.Model.FIRST)
        self.assertEqual(changed.name, "New")
        self.assertEqual(self.store.update_program("p").rules_version, 2)  # nothing to change
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.update_program, "x", "n")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.update_program, "p",
                              rules=referral.ProgramRules(code_length=99))

    def test_archive(self):
        self.store.create_program("a")
        self.store.create_program("b")
        self.store.archive_program("a")
        self.store.archive_program("a")  # harmless
        self.assertEqual(self.store.get_program("a").status, referral.RecordStatus.ARCHIVED)
        self.assertTrue(self.store.get_program("a").archived)
        self.assertEqual([p.key for p in self.store.programs()], ["b"])
        self.assertEqual([p.key for p in self.store.programs(include_archived=True)], ["a", "b"])
        self.assertRaisesCode(referral.DisabledError, -15, self.store.update_program, "a", "n")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.archive_program, "zz")

    def test_list_ordered_by_key(self):
        for key in ("c", "a", "b"):
            self.store.create_program(key)
        self.assertEqual([p.key for p in self.store.programs()], ["a", "b", "c"])
        self.assertEqual(self.store.programs()[0], self.store.get_program("a"))

    def test_empty_list(self):
        self.assertEqual(self.store.programs(), [])


if __name__ == "__main__":
    unittest.main()
