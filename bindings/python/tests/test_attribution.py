"""Attribution models over stored journeys, direct visits, checkout codes, identity."""
import unittest

from support import DAY, HOUR, T0, StoreTestCase, referral


class ModelCase(StoreTestCase):
    def program(self, **rules):
        self.store.create_program("m", rules=referral.ProgramRules(**rules))
        for name in ("alice", "bob", "carol"):
            self.store.add_advocate(name)
        self.codes = {n: self.store.issue_code("m", n).code for n in ("alice", "bob", "carol")}

    def touch(self, who, ago, visitor="v", **kw):
        return self.store.record_touchpoint(self.codes[who], visitor, at=T0 - ago, **kw)

    def convert(self, value=1000, visitor="v", order="o", **kw):
        return self.store.record_conversion("m", visitor, order, value_minor=value,
                                            currency="EUR", at=T0, **kw)

    def shares(self, conv):
        self.assertEqual(sum(c.value_minor for c in conv.credits), conv.value_minor)
        self.assertAlmostEqual(sum(c.weight for c in conv.credits), 1.0, places=9)
        return {c.advocate: (round(c.weight, 9), c.value_minor) for c in conv.credits}


class TestModels(ModelCase):
    def test_linear_per_occurrence(self):
        self.program(model="linear", duplicate_window=0)
        self.touch("alice", 3 * HOUR)
        self.touch("alice", 2 * HOUR)
        self.touch("bob", HOUR)
        conv = self.convert(value=3001)
        self.assertEqual(conv.model, referral.Model.LINEAR)
        shares = self.shares(conv)
        self.assertEqual(shares["alice"][0], round(2 / 3, 9))
        self.assertEqual(shares["bob"][0], round(1 / 3, 9))
        self.assertEqual({k: v[1] for k, v in shares.items()}, {"alice": 2001, "bob": 1000})

    def test_time_decay_vector(self):
        # vectors.json time_decay_halflife_7d: 0, 7, 14 days before -> 4/7, 2/7, 1/7
        self.program(model="time-decay")
        self.touch("alice", 14 * DAY)
        self.touch("bob", 7 * DAY)
        self.touch("carol", 0)
        shares = self.shares(self.convert(value=700))
        self.assertEqual(shares, {"carol": (round(4 / 7, 9), 400), "bob": (round(2 / 7, 9), 200),
                                  "alice": (round(1 / 7, 9), 100)})
        self.assertIn("half_life_ms=604800000", self.store.explain("m", "o").parameters)

    def test_time_decay_half_life(self):
        self.program(model="time-decay", half_life=DAY)
        self.touch("alice", DAY)
        self.touch("bob", 0)
        shares = self.shares(self.convert(value=300))
        self.assertEqual(shares, {"bob": (round(2 / 3, 9), 200), "alice": (round(1 / 3, 9), 100)})

    def test_position(self):
        self.program(model="position", position_first=0.3, position_last=0.5)
        self.touch("alice", 3 * HOUR)
        self.touch("bob", 2 * HOUR)
        self.touch("carol", HOUR)
        shares = self.shares(self.convert(value=1000))
        self.assertEqual(shares, {"alice": (0.3, 300), "bob": (0.2, 200), "carol": (0.5, 500)})

    def test_position_two_touches_split_evenly(self):
        self.program(model="position")
        self.touch("alice", 2 * HOUR)
        self.touch("bob", HOUR)
        self.assertEqual(self.shares(self.convert(value=1000)),
                         {"alice": (0.5, 500), "bob": (0.5, 500)})

    def test_custom_weights(self):
        self.program(model="custom", custom_weights=[3, 1], duplicate_window=0)
        self.touch("alice", 3 * HOUR)
        self.touch("bob", 2 * HOUR)
        self.touch("bob", HOUR)  # the last weight repeats
        self.assertEqual(self.shares(self.convert(value=1000)),
                         {"alice": (0.6, 600), "bob": (0.4, 400)})
        self.assertEqual(self.store.explain("m", "o").parameters, "weights=3,1")

    def test_last_non_direct(self):
        self.program(model="last-non-direct")
        self.touch("alice", 3 * HOUR)
        tp = self.touch("bob", HOUR, direct=True)
        self.assertTrue(tp.direct)
        self.assertFalse(self.touch("carol", HOUR, visitor="w").direct)
        conv = self.convert()
        self.assertEqual([c.advocate for c in conv.credits], ["alice"])
        ex = self.store.explain("m", "o")
        self.assertEqual([(t.advocate, t.weight) for t in ex.touches],
                         [("alice", 1.0), ("bob", 0.0)])

    def test_last_non_direct_all_direct(self):
        self.program(model="last-non-direct")
        self.store.record_touchpoints([
            referral.TouchpointSpec(self.codes["alice"], "v", at=T0 - 2 * HOUR, direct=True),
            {"code": self.codes["bob"], "visitor_id": "v", "at": T0 - HOUR, "direct": True}])
        self.assertEqual([c.advocate for c in self.convert().credits], ["bob"])

    def test_data_driven_without_fit_falls_back_to_linear(self):
        self.program(model="markov")
        self.touch("alice", 2 * HOUR)
        self.touch("bob", HOUR)
        conv = self.convert(value=100)
        self.assertEqual(conv.model, referral.Model.MARKOV)
        self.assertEqual(self.shares(conv), {"alice": (0.5, 50), "bob": (0.5, 50)})
        self.assertIn("linear", self.store.explain("m", "o").summary
                      + self.store.explain("m", "o").parameters
                      + "".join(t.note for t in self.store.explain("m", "o").touches))


class TestCheckoutCode(ModelCase):
    def test_code_at_checkout_is_a_touchpoint(self):
        self.program(model="linear")
        self.touch("alice", HOUR)
        conv = self.convert(value=1000, code=self.codes["bob"].lower())
        self.assertEqual(self.shares(conv), {"alice": (0.5, 500), "bob": (0.5, 500)})
        ex = self.store.explain("m", "o")
        self.assertEqual(ex.touches[-1].kind, referral.TouchpointKind.CHECKOUT)
        self.assertEqual(ex.touches[-1].at, conv.at)
        self.assertEqual(ex.currency, "EUR")

    def test_bad_checkout_code(self):
        self.program()
        code = self.codes["alice"]
        typo = ("3" if code[0] == "2" else "2") + code[1:]
        self.assertRaisesCode(referral.CheckError, -13, lambda: self.convert(code=typo))
        self.store.disable_code(code)
        self.assertRaisesCode(referral.DisabledError, -15, lambda: self.convert(code=code))
        self.assertRaisesCode(referral.NotFoundError, -3, self.get_missing)

    def get_missing(self):
        return self.store.get_conversion("m", "o")  # nothing was stored


class TestIdentity(ModelCase):
    def test_cross_device(self):
        self.program(model="linear")
        self.touch("alice", 2 * DAY, visitor="phone")
        self.touch("bob", DAY, visitor="laptop")
        self.store.identify("phone", "cust-1")
        self.store.identify("phone", "cust-1")  # harmless
        conv = self.convert(value=100, visitor="laptop", customer_id="cust-1")
        self.assertEqual(conv.customer_id, "cust-1")
        self.assertEqual(self.shares(conv), {"alice": (0.5, 50), "bob": (0.5, 50)})
        self.assertEqual(self.store.get_conversion("m", "o").customer_id, "cust-1")
        # A visitor tied to a customer converts as that customer.
        other = self.convert(value=100, visitor="phone", order="o2")
        self.assertEqual(other.customer_id, "cust-1")
        self.assertIsNone(self.convert(visitor="stranger", order="o3").customer_id)

    def test_errors(self):
        self.program()
        self.store.identify("v1", "c1")
        err = self.assertRaisesCode(referral.ConflictError, -5, self.store.identify, "v1", "c2")
        self.assertIn("v1", err.message)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.identify, "", "c1")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.identify, "v2", "x" * 256)
        with self.assertRaises(referral.InvalidError):
            self.store.identify("v\0", "c1")
        with self.assertRaises(TypeError):
            self.store.identify(1, "c1")
        self.store.close()
        self.assertRaisesCode(referral.MisuseError, -9, self.store.identify, "v2", "c1")


if __name__ == "__main__":
    unittest.main()
