"""The status -> exception mapping and the binding's own argument checks."""
import pickle
import unittest
from datetime import datetime

from support import StoreTestCase, referral
from referral import errors

EXPECTED = {
    -1: (referral.InternalError, ()),
    -2: (referral.InvalidError, (ValueError,)),
    -3: (referral.NotFoundError, (KeyError,)),
    -4: (referral.ExistsError, ()),
    -5: (referral.ConflictError, ()),
    -6: (referral.BusyError, ()),
    -7: (referral.OutOfMemoryError, (MemoryError,)),
    -8: (referral.VersionError, ()),
    -9: (referral.MisuseError, ()),
    -10: (referral.CorruptError, ()),
    -11: (referral.IoError, (OSError,)),
    -12: (referral.NotADatabaseError, ()),
    -13: (referral.CheckError, ()),
    -14: (referral.ExpiredError, ()),
    -15: (referral.DisabledError, ()),
    -16: (referral.ExhaustedError, ()),
    -17: (referral.TamperedError, ()),
    -18: (referral.LinkKeyError, ()),
    -19: (referral.ConsentError, ()),
    -20: (referral.LimitError, ()),
    -21: (referral.CanceledError, ()),
}


class TestMapping(unittest.TestCase):
    def test_one_class_per_status(self):
        self.assertEqual(set(referral.ERRORS), set(EXPECTED))
        self.assertEqual(len(set(referral.ERRORS.values())), len(EXPECTED))
        for code, (cls, builtins) in EXPECTED.items():
            self.assertIs(referral.error_class(code), cls)
            self.assertTrue(issubclass(cls, referral.Error))
            for base in builtins:
                self.assertTrue(issubclass(cls, base), (cls, base))

    def test_unknown_status_is_base_error(self):
        self.assertIs(referral.error_class(-999), referral.Error)

    def test_check_raises_mapped_class_for_every_code(self):
        for code, (cls, _) in EXPECTED.items():
            referral.clear_error()  # last error does not describe `code`
            with self.assertRaises(cls) as cm:
                errors.check(code)
            self.assertEqual(cm.exception.code, code)
            self.assertEqual(cm.exception.message, referral.strerror(code))
            self.assertEqual(cm.exception.db_code, 0)

    def test_check_passes_success_and_duplicate(self):
        self.assertEqual(errors.check(0), 0)
        self.assertEqual(errors.check(errors.RF_DUPLICATE), 1)

    def test_error_attributes_and_str(self):
        e = referral.NotFoundError(-3, "no program 'x'", 0)
        self.assertEqual(str(e), "no program 'x'")
        self.assertEqual((e.code, e.message, e.db_code), (-3, "no program 'x'", 0))
        self.assertEqual(referral.Error(-6).message, referral.strerror(-6))

    def test_pickle(self):
        e = pickle.loads(pickle.dumps(referral.BusyError(-6, "locked", 5)))
        self.assertIsInstance(e, referral.BusyError)
        self.assertEqual((e.code, e.message, e.db_code), (-6, "locked", 5))


class TestArgumentChecks(StoreTestCase):
    """Bad input is refused with InvalidError/TypeError before it can reach C."""

    def test_nul_in_text(self):
        with self.assertRaises(referral.InvalidError):
            self.store.create_program("a\0b")

    def test_unencodable_text(self):
        with self.assertRaises(referral.InvalidError):
            self.store.add_advocate("bad\udc80")

    def test_non_str_text(self):
        with self.assertRaises(TypeError):
            self.store.get_program(42)

    def test_int64_overflow(self):
        self.seed()
        with self.assertRaises(referral.InvalidError):
            self.store.record_conversion("spring", "v", "o", value_minor=2 ** 63)
        with self.assertRaises(TypeError):
            self.store.record_conversion("spring", "v", "o", value_minor=1.5)
        with self.assertRaises(TypeError):
            self.store.record_conversion("spring", "v", "o", value_minor=True)

    def test_naive_datetime(self):
        code = self.seed()
        with self.assertRaises(referral.InvalidError):
            self.store.record_touchpoint(code.code, "v", at=datetime(2026, 1, 1))

    def test_uint32_limit(self):
        with self.assertRaises(referral.InvalidError):
            self.store.advocate_page(0, 2 ** 32)
        with self.assertRaises(referral.InvalidError):
            self.store.advocate_page(0, -1)

    def test_bad_enum_values(self):
        self.store.create_program("spring")
        with self.assertRaises(referral.InvalidError):
            self.store.add_advocate("x", kind="wizard")
        with self.assertRaises(TypeError):
            self.store.add_advocate("x", kind=1.0)
        with self.assertRaises(referral.InvalidError):
            self.store.add_advocate("x", kind=True)
        with self.assertRaises(referral.InvalidError):  # out-of-range int: C refuses it
            self.store.add_advocate("x", kind=77)
        with self.assertRaises(referral.InvalidError):
            referral.Store(self.path + "2", durability="sometimes")

    def test_rules_type(self):
        with self.assertRaises(TypeError):
            self.store.create_program("p", rules={"model": "first"})


if __name__ == "__main__":
    unittest.main()
