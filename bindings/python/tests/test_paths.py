"""Offline attribution of aggregated paths (referral.Paths), against the published vectors."""
import gc
import json
import os
import unittest
from datetime import timedelta

from support import REPO_ROOT, referral

VECTORS = os.path.join(REPO_ROOT, "tests", "vectors", "vectors.json")


def credit(paths):
    return {c.channel: (round(c.conversions, 9), round(c.value, 9)) for c in paths.result()}


class TestPaths(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(VECTORS):
            raise unittest.SkipTest("tests/vectors/vectors.json not found")
        with open(VECTORS, encoding="utf-8") as f:
            cls.vectors = json.load(f)["attribution"]

    def test_markov_puzyrov(self):
        v = self.vectors["markov_puzyrov_2019"]
        with referral.Paths(model="markov") as paths:
            for p in v["input"]["paths"]:
                paths.add(p["path"], conversions=p["conv"], value=10 * p["conv"], nulls=p["null"])
            got = credit(paths)
        for channel, expected in v["expected"]["attributed_conversions"].items():
            self.assertAlmostEqual(got[channel][0], expected, places=6)
            self.assertAlmostEqual(got[channel][1], 10 * expected, places=6)
        self.assertEqual(list(got), sorted(got))

    def test_dp6_heuristics(self):
        v = self.vectors["dp6_mam_test_dataset"]
        models = {"first_touch": "first", "last_touch": "last", "linear": "linear",
                  "position_based_40_20_40": "position"}
        for key, model in models.items():
            with referral.Paths(model=model) as paths:
                for journey in v["input"]["journeys"]:
                    paths.add(journey, conversions=1, value=v["input"]["conversion_value_each"])
                got = credit(paths)
            for channel, expected in v["expected"][key].items():
                self.assertAlmostEqual(got[channel][1], expected, places=6, msg=(key, channel))
            self.assertAlmostEqual(sum(c for c, _ in got.values()), 9.0, places=9)

    def test_linear_per_occurrence(self):
        v = self.vectors["channelattribution_heuristics_semantics"]
        with referral.Paths() as paths:  # linear by default
            self.assertEqual(paths.model, referral.Model.LINEAR)
            for p in v["input"]["paths"]:
                paths.add(p["path"], p["total_conversions"], p["total_conversion_value"])
            got = credit(paths)
        for channel, expected in v["expected"]["linear_touch_value"].items():
            self.assertAlmostEqual(got[channel][1], expected, places=6)

    def test_time_decay_and_position_options(self):
        with referral.Paths(model="time-decay", half_life=timedelta(days=1)) as paths:
            paths.add("a > b", conversions=3)
            self.assertEqual(credit(paths), {"a": (1.0, 0.0), "b": (2.0, 0.0)})
        with referral.Paths(model="position", position_first=0.5, position_last=0.3) as paths:
            paths.add(["a", "b", "c"], conversions=10, value=100)
            self.assertEqual(credit(paths), {"a": (5.0, 50.0), "b": (2.0, 20.0),
                                             "c": (3.0, 30.0)})

    def test_shapley(self):
        with referral.Paths(model="shapley") as paths:
            paths.add("g", 2, 200)
            paths.add("m", 1, 50)
            paths.add(" g >  m ", 1, 100)  # spaces around names are trimmed
            self.assertEqual(credit(paths), {"g": (2.5, 250.0), "m": (1.5, 100.0)})

    def test_errors(self):
        with self.assertRaises(referral.InvalidError):
            referral.Paths(model="custom")
        with self.assertRaises(referral.InvalidError):
            referral.Paths(model="markov", markov_order=2)
        with self.assertRaises(referral.InvalidError):
            referral.Paths(model="nonsense")
        with self.assertRaises(referral.InvalidError):
            referral.Paths(position_first=0.123456)
        with referral.Paths(model="markov") as paths:
            for bad in ("", "a >> b", "a > ", " > b"):
                with self.assertRaises(referral.InvalidError, msg=bad) as cm:
                    paths.add(bad, 1)
                self.assertEqual(cm.exception.code, -2)
            for counts in ((-1, 0, 0), (0, -1, 0), (0, 0, -1), (float("nan"), 0, 0),
                           (float("inf"), 0, 0)):
                with self.assertRaises(referral.InvalidError, msg=counts):
                    paths.add("a", *counts)
            with self.assertRaises(referral.InvalidError):
                paths.add(["a", "b>c"])
            with self.assertRaises(TypeError):
                paths.add("a", "1")
            with self.assertRaises(TypeError):
                paths.add(b"a", 1)
            with self.assertRaises(TypeError):
                paths.add(["a", 1], 1)
            with self.assertRaises(referral.InvalidError):
                paths.add("a\0b", 1)
            paths.add("a", nulls=3)  # nothing converts
            with self.assertRaises(referral.InternalError) as cm:
                paths.result()
            self.assertEqual(cm.exception.code, -1)
        self.assertTrue(paths.closed)
        with self.assertRaises(referral.MisuseError):
            paths.add("a", 1)
        with self.assertRaises(referral.MisuseError):
            paths.result()
        paths.close()  # twice is harmless

    def test_too_many_steps(self):
        with referral.Paths() as paths:
            with self.assertRaises(referral.InvalidError):
                paths.add(["s%d" % i for i in range(1025)], 1)
            paths.add(["s%d" % (i % 7) for i in range(1024)], 1)
            self.assertEqual(len(paths.result()), 7)

    def test_empty_heuristic_result(self):
        with referral.Paths(model="first") as paths:
            self.assertEqual(paths.result(), [])
            paths.add("a", 0, 0, 5)
            self.assertEqual(credit(paths), {"a": (0.0, 0.0)})

    def test_released_by_gc(self):
        paths = referral.Paths()
        paths.add("a", 1)
        finalizer = paths._finalizer
        del paths
        gc.collect()
        self.assertFalse(finalizer.alive)


if __name__ == "__main__":
    unittest.main()
