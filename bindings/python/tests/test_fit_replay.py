"""Data-driven models (fit) and what-if replays."""
import dataclasses
import unittest
from datetime import timedelta

from support import DAY, HOUR, T0, T0_DT, StoreTestCase, referral


class HistoryCase(StoreTestCase):
    """Four journeys: alice > bob converts, bob alone does not, carol converts,
    carol alone does not (the Markov removal effects are 0.25, 0.5, 0.5)."""

    def setUp(self):
        super().setUp()
        s = self.store
        s.create_program("p")
        codes = {}
        for name, channel in (("alice", "email"), ("bob", "whatsapp"), ("carol", "qr")):
            s.add_advocate(name)
            codes[name] = s.issue_code("p", name, channel=channel).code
        for who, visitor, ago in (("alice", "v1", 3 * HOUR), ("bob", "v1", 2 * HOUR),
                                  ("bob", "v2", 2 * HOUR), ("carol", "v3", HOUR),
                                  ("carol", "v4", HOUR)):
            s.record_touchpoint(codes[who], visitor, at=T0 - ago)
        s.record_conversion("p", "v1", "o1", value_minor=1000, currency="EUR")
        s.record_conversion("p", "v3", "o3", value_minor=500, currency="EUR")
        self.codes = codes


class TestFit(HistoryCase):
    def test_markov(self):
        fit = self.store.fit_model("p", "markov")
        self.assertEqual(fit.model, referral.Model.MARKOV)
        self.assertEqual((fit.journeys, fit.conversions), (4, 2))
        self.assertAlmostEqual(fit.p_conversion, 0.5)
        self.assertEqual(fit.fitted_at, T0_DT)
        values = {v.advocate: (round(v.value, 9), round(v.weight, 9)) for v in fit.values}
        self.assertEqual(values, {"alice": (0.25, 0.2), "bob": (0.5, 0.4), "carol": (0.5, 0.4)})
        self.assertEqual(fit.values[-1].advocate, "alice")  # largest first
        self.assertAlmostEqual(sum(fit.weights().values()), 1.0)

    def test_shapley(self):
        fit = self.store.fit_model("p", referral.Model.SHAPLEY)
        self.assertEqual(fit.model, referral.Model.SHAPLEY)
        self.assertEqual({v.advocate: round(v.value, 9) for v in fit.values},
                         {"alice": 0.5, "bob": 0.5, "carol": 1.0})
        self.assertEqual(fit.values[0].advocate, "carol")

    def test_fitted_model_weights_new_conversions(self):
        self.store.fit_model("p", "markov")
        p = self.store.get_program("p")
        self.store.update_program("p", rules=dataclasses.replace(p.rules, model="markov"))
        self.store.record_touchpoint(self.codes["alice"], "v9", at=T0 - 2 * HOUR)
        self.store.record_touchpoint(self.codes["carol"], "v9", at=T0 - HOUR)
        conv = self.store.record_conversion("p", "v9", "o9", value_minor=600, currency="EUR")
        self.assertEqual({c.advocate: c.value_minor for c in conv.credits},
                         {"carol": 400, "alice": 200})  # removal effects 0.5 : 0.25

    def test_errors(self):
        self.assertRaisesCode(referral.InvalidError, -2, self.store.fit_model, "p", "linear")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.fit_model, "p", 42)
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.fit_model, "nope", "markov")
        with self.assertRaises(referral.InvalidError):
            self.store.fit_model("p", "no-such-model")
        self.store.create_program("empty")
        self.assertRaisesCode(referral.InternalError, -1, self.store.fit_model, "empty",
                              "shapley")


class TestReplay(HistoryCase):
    def test_model_change(self):
        before = self.store.get_conversion("p", "o1")
        r = self.store.replay("p", model="first")
        self.assertEqual((r.conversions, r.changed), (2, 1))
        rows = {(row.target, row.name): row for row in r.rows}
        alice = rows[(referral.Target.ADVOCATE, "alice")]
        self.assertEqual((alice.current_conversions, alice.replay_conversions), (0.0, 1.0))
        self.assertEqual((alice.current_value_minor, alice.replay_value_minor), (0, 1000))
        self.assertEqual((alice.delta_conversions, alice.delta_value_minor), (1.0, 1000))
        bob = rows[(referral.Target.ADVOCATE, "bob")]
        self.assertEqual((bob.delta_conversions, bob.delta_value_minor), (-1.0, -1000))
        self.assertEqual(rows[(referral.Target.CHANNEL, "email")].replay_value_minor, 1000)
        self.assertEqual(rows[(referral.Target.CHANNEL, "qr")].delta_value_minor, 0)
        self.assertEqual([row.name for row in r.advocates], ["alice", "bob", "carol"])
        self.assertEqual([row.name for row in r.channels], ["email", "qr", "whatsapp"])
        self.assertTrue(all(row.currency == "EUR" for row in r.rows))
        self.assertEqual(sum(row.delta_value_minor for row in r.advocates), 0)
        # Nothing was written.
        self.assertEqual(self.store.get_conversion("p", "o1"), before)
        self.assertEqual(self.store.get_program("p").rules_version, 1)

    def test_same_rules_change_nothing(self):
        r = self.store.replay("p")
        self.assertEqual(r.changed, 0)
        self.assertTrue(all(row.delta_value_minor == 0 and row.delta_conversions == 0
                            for row in r.rows))

    def test_window_and_period(self):
        r = self.store.replay("p", referral.ProgramRules(lookback=timedelta(minutes=90)))
        self.assertEqual(r.changed, 1)  # o1's touches are 2-3 h old: unattributed
        self.assertEqual({row.name: row.replay_value_minor for row in r.advocates},
                         {"bob": 0, "carol": 500})  # rows only for who had credit
        self.assertEqual(self.store.replay("p", model="first", from_=T0 + DAY).conversions, 0)
        self.assertEqual(self.store.replay("p", model="first", to=T0_DT).conversions, 0)
        self.assertEqual(self.store.replay("p", model="first", from_=T0, to=T0 + 1).conversions, 2)

    def test_progress_and_cancel(self):
        seen = []
        self.store.set_progress(lambda op, done, total: seen.append((op, done, total)))
        self.assertEqual(self.store.replay("p", model="first").conversions, 2)
        self.assertEqual(seen, [("replay", 0, 2), ("replay", 1, 2), ("replay", 2, 2)])

        class Stop(Exception):
            pass

        def stop(_op, done, _total):
            if done >= 1:
                raise Stop()
        self.store.set_progress(stop)
        with self.assertRaises(Stop) as caught:
            self.store.replay("p", model="first")
        self.assertIsInstance(caught.exception.__context__, referral.CanceledError)
        self.store.set_progress(None)
        seen.clear()
        self.assertEqual(self.store.replay("p", model="first").conversions, 2)
        self.assertEqual(seen, [])

    def test_errors(self):
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.replay, "nope")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.replay, "p",
                              from_=T0 + DAY, to=T0)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.replay, "p",
                              lookback=timedelta(0))
        with self.assertRaises(TypeError):
            self.store.replay("p", window=3)  # not a rules field
        with self.assertRaises(TypeError):
            self.store.replay("p", {"model": "first"})


if __name__ == "__main__":
    unittest.main()
