"""Refunds: proportional, exact, idempotent, with history kept."""
import ctypes
import dataclasses
import unittest

from support import HOUR, MINUTE, T0, T0_DT, StoreTestCase, referral
from referral import _ffi


class TestRefunds(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("p", rules=referral.ProgramRules(model="linear"))
        for name in ("alice", "bob", "carol"):
            self.store.add_advocate(name)
            code = self.store.issue_code("p", name).code
            self.store.record_touchpoint(code, "v", at=T0 - HOUR)
        self.conv = self.store.record_conversion("p", "v", "o", value_minor=1000,
                                                 currency="EUR")

    def test_partial_then_full(self):
        self.assertEqual([c.value_minor for c in self.conv.credits], [334, 333, 333])
        after = self.store.refund("p", "o", "r1", 100)
        self.assertFalse(after.duplicate)
        self.assertEqual(after.refunded_minor, 100)
        self.assertEqual(after.net_minor, 900)
        self.assertEqual(sum(c.refunded_minor for c in after.credits), 100)
        self.assertEqual(sorted(c.refunded_minor for c in after.credits), [33, 33, 34])
        # History: the credit itself is unchanged.
        self.assertEqual([c.value_minor for c in after.credits], [334, 333, 333])
        self.assertEqual(self.store.get_conversion("p", "o"), after)
        rest = self.store.refund("p", "o", "r2")  # everything left
        self.assertEqual(rest.refunded_minor, 1000)
        self.assertEqual([c.refunded_minor for c in rest.credits], [334, 333, 333])
        self.assertTrue(all(c.net_minor == 0 for c in rest.credits))

    def test_idempotent(self):
        first = self.store.refund("p", "o", "r1", 250, at=T0 + MINUTE)
        again = self.store.refund("p", "o", "r1", 250, at=T0 + MINUTE)
        self.assertTrue(again.duplicate)
        self.assertEqual(dataclasses.replace(again, duplicate=False), first)
        self.assertEqual(self.store.get_conversion("p", "o").refunded_minor, 250)
        full = self.store.refund("p", "o", "all")
        self.assertTrue(self.store.refund("p", "o", "all").duplicate)
        self.assertEqual(full.refunded_minor, 1000)

    def test_replayed_field_agrees_with_the_status(self):
        lib = _ffi.lib()
        spec = _ffi.rf_refund_spec()
        lib.rf_refund_spec_init(ctypes.byref(spec), _ffi.REFUND_SPEC_VERSION)
        spec.program, spec.order_id, spec.refund_id, spec.amount_minor = b"p", b"o", b"r", 5
        for expected_status in (0, referral.errors.RF_DUPLICATE):
            out = ctypes.POINTER(_ffi.rf_conversion)()
            status = lib.rf_conversion_refund(ctypes.byref(out), self.store._handle,
                                              ctypes.byref(spec))
            try:
                self.assertEqual(status, expected_status)
                self.assertEqual(out.contents.replayed, 1 if status else 0)
            finally:
                lib.rf_conversion_free(out)

    def test_errors(self):
        refund = self.store.refund
        self.store.refund("p", "o", "r1", 300)
        self.assertRaisesCode(referral.ConflictError, -5, refund, "p", "o", "r1", 301)
        self.assertRaisesCode(referral.InvalidError, -2, refund, "p", "o", "r2", 701)
        self.assertRaisesCode(referral.NotFoundError, -3, refund, "p", "nope", "r3")
        self.assertRaisesCode(referral.NotFoundError, -3, refund, "nope", "o", "r3")
        self.assertRaisesCode(referral.InvalidError, -2, refund, "p", "o", "")
        with self.assertRaises(referral.InvalidError):  # 0 is not "everything" here
            refund("p", "o", "r4", 0)
        with self.assertRaises(referral.InvalidError):
            refund("p", "o", "r4", -5)
        with self.assertRaises(TypeError):
            refund("p", "o", "r4", 1.5)
        self.assertEqual(self.store.get_conversion("p", "o").refunded_minor, 300)

    def test_unattributed_conversion(self):
        conv = self.store.record_conversion("p", "nobody", "u", value_minor=500, currency="EUR")
        self.assertFalse(conv.attributed)
        after = self.store.refund("p", "u", "r", 200, at=T0_DT)
        self.assertEqual((after.refunded_minor, after.credits), (200, ()))

    def test_stats_are_net_of_refunds(self):
        self.assertEqual(self.store.stats("p").values["EUR"], 1000)
        after = self.store.refund("p", "o", "r", 100)
        self.assertEqual(self.store.stats("p").values["EUR"], 900)
        for credit in after.credits:
            self.assertEqual(self.store.stats("p", credit.advocate).values["EUR"],
                             credit.net_minor)


if __name__ == "__main__":
    unittest.main()
