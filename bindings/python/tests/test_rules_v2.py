"""Program rules version 2: time decay, position, custom weights, leads, renewals."""
import ctypes
import dataclasses
import unittest
from datetime import timedelta

from support import StoreTestCase, referral
from referral import _ffi


class TestRulesValues(unittest.TestCase):
    def test_defaults(self):
        r = referral.ProgramRules()
        self.assertEqual(r.half_life, timedelta(days=7))
        self.assertEqual((r.position_first, r.position_last), (0.4, 0.4))
        self.assertEqual(r.custom_weights, ())
        self.assertTrue(r.sale_follows_lead)
        self.assertEqual(r.renewal_months, 12)

    def test_custom_weights_become_a_tuple(self):
        r = referral.ProgramRules(custom_weights=[3, 2, 1])
        self.assertEqual(r.custom_weights, (3, 2, 1))
        hash(r)  # frozen and hashable
        with self.assertRaises(TypeError):
            referral.ProgramRules(custom_weights="321")
        with self.assertRaises(TypeError):
            referral.ProgramRules(custom_weights=3)

    def test_basis_points(self):
        from referral.store import basis_points
        self.assertEqual(basis_points(0.4, "x"), 4000)
        self.assertEqual(basis_points(0.0001, "x"), 1)
        self.assertEqual(basis_points(1, "x"), 10000)
        self.assertEqual(basis_points(0.2 + 0.1, "x"), 3000)  # float noise is not precision
        with self.assertRaises(referral.InvalidError):
            basis_points(0.12345, "x")
        with self.assertRaises(referral.InvalidError):
            basis_points(float("nan"), "x")
        with self.assertRaises(referral.InvalidError):
            basis_points(1e300, "x")
        with self.assertRaises(TypeError):
            basis_points("0.4", "x")
        with self.assertRaises(TypeError):
            basis_points(True, "x")


class TestProgramsV2(StoreTestCase):
    def test_round_trip(self):
        rules = referral.ProgramRules(model=referral.Model.TIME_DECAY, half_life=timedelta(hours=36),
                                      position_first=0.3, position_last=0.5,
                                      custom_weights=[5, 0, 1], sale_follows_lead=False,
                                      renewal_months=0)
        p = self.store.create_program("p", rules=rules)
        self.assertEqual(p.rules, rules)
        self.assertEqual(self.store.create_program(
            "q", rules=dataclasses.replace(rules, model="time-decay")).rules, rules)
        self.assertEqual(self.store.get_program("p").rules, rules)
        self.assertEqual(self.store.programs()[0].rules.custom_weights, (5, 0, 1))

    def test_every_model_by_name(self):
        for i, name in enumerate(["last", "first", "last-non-direct", "linear", "time_decay",
                                  "position", "markov", "SHAPLEY"]):
            p = self.store.create_program("p%d" % i, rules=referral.ProgramRules(model=name))
            self.assertEqual(referral.name_of(p.rules.model), name.lower().replace("_", "-"))
        p = self.store.create_program("c", rules=referral.ProgramRules(
            model=referral.Model.CUSTOM, custom_weights=(1,)))
        self.assertEqual(p.rules.model, referral.Model.CUSTOM)

    def test_update_bumps_rules_version(self):
        p = self.store.create_program("p")
        q = self.store.update_program("p", rules=dataclasses.replace(p.rules, position_first=0.5))
        self.assertEqual(q.rules_version, 2)
        self.assertEqual(q.rules.position_first, 0.5)
        q = self.store.update_program("p", rules=dataclasses.replace(q.rules, custom_weights=(2, 1)))
        self.assertEqual((q.rules_version, q.rules.custom_weights), (3, (2, 1)))
        q = self.store.update_program("p", rules=q.rules)  # the same rules: no new version
        self.assertEqual(q.rules_version, 3)

    def test_invalid_rules(self):
        bad = [dict(half_life=0), dict(half_life=timedelta(days=3651)),
               dict(position_first=0.7, position_last=0.4), dict(position_first=-0.1),
               dict(model="custom"), dict(model="custom", custom_weights=[0, 0]),
               dict(custom_weights=[1] * 33), dict(custom_weights=[1, -1]),
               dict(renewal_months=-1), dict(renewal_months=121)]
        for fields in bad:
            self.assertRaisesCode(referral.InvalidError, -2, self.store.create_program, "q",
                                  rules=referral.ProgramRules(**fields))
        with self.assertRaises(referral.InvalidError):  # finer than a basis point
            self.store.create_program("q", rules=referral.ProgramRules(position_first=0.33333))
        with self.assertRaises(referral.InvalidError):  # does not fit int32
            self.store.create_program("q", rules=referral.ProgramRules(custom_weights=[2 ** 31]))
        self.assertEqual(self.store.programs(), [])

    def test_version_1_caller(self):
        """A caller built against version 1 passes only the v1 prefix: the rest is ignored."""
        lib = _ffi.lib()
        c = _ffi.rf_program_rules()
        lib.rf_program_rules_init(ctypes.byref(c), 1)
        self.assertEqual(c.version, 1)
        self.assertEqual((c.half_life_ms, c.custom_count), (0, 0))  # v2 fields left alone
        c.model = referral.Model.FIRST
        c.half_life_ms, c.position_first_bp, c.renewal_months = -5, 99999, -3  # garbage
        out = ctypes.POINTER(_ffi.rf_program)()
        lib.rf_program_create(ctypes.byref(out), self.store._handle, b"v1", None,
                              ctypes.byref(c))
        try:
            rules = referral.ProgramRules.from_c(out.contents.rules.contents)
        finally:
            lib.rf_program_free(out)
        self.assertEqual(rules, referral.ProgramRules(model=referral.Model.FIRST))


class TestStagedConversions(StoreTestCase):
    """Leads to sales (sale_follows_lead) and renewals (renewal_months)."""

    def setUp(self):
        super().setUp()
        self.alice = self.seed().code
        self.bob = self.seed(advocate="bob").code
        self.T0 = self.clock.ms

    def flow(self):
        H, D = 3600 * 1000, 86400 * 1000
        s, T0 = self.store, self.T0
        s.record_touchpoint(self.alice, "v", at=T0 - 3 * H)
        lead = s.record_conversion("spring", "v", "lead", kind="signup", currency="EUR",
                                   at=T0 - 2 * H)
        s.record_touchpoint(self.bob, "v", at=T0 - H)
        sale = s.record_conversion("spring", "v", "sale", value_minor=100, currency="EUR")
        s.record_touchpoint(self.bob, "v", at=T0 + 40 * D)
        renewal = s.record_conversion("spring", "v", "renewal", kind="renewal", value_minor=100,
                                      currency="EUR", at=T0 + 40 * D + H)
        return lead, sale, renewal

    def test_sale_follows_lead_and_renewal(self):
        lead, sale, renewal = self.flow()
        self.assertEqual(lead.credits[0].advocate, "alice")
        self.assertEqual([c.advocate for c in sale.credits], ["alice"])
        self.assertEqual(sale.follows_order, "lead")
        self.assertEqual(renewal.kind, referral.ConversionKind.RENEWAL)
        self.assertEqual([c.advocate for c in renewal.credits], ["alice"])
        self.assertEqual(renewal.follows_order, "sale")
        self.assertIsNone(lead.follows_order)

    def test_rules_switched_off(self):
        p = self.store.get_program("spring")
        self.store.update_program("spring", rules=dataclasses.replace(
            p.rules, sale_follows_lead=False, renewal_months=0))
        _lead, sale, renewal = self.flow()
        self.assertEqual([c.advocate for c in sale.credits], ["bob"])  # last touch
        self.assertIsNone(sale.follows_order)
        self.assertEqual([c.advocate for c in renewal.credits], ["bob"])
        self.assertIsNone(renewal.follows_order)


if __name__ == "__main__":
    unittest.main()
