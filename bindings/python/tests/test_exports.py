"""Exports (CSV, JSON, streamed) and imports (CSV, all or nothing)."""
import io
import json
import os

from support import DAY, HOUR, T0, StoreTestCase, referral


class TestExports(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.alice = self.seed().code
        self.store.record_touchpoint(self.alice, "v1", at=T0 + HOUR)
        self.store.record_touchpoint(self.alice, "v2", at=T0 + DAY)
        self.store.record_conversion("spring", "v1", "o1", value_minor=1000, currency="EUR",
                                     at=T0 + 2 * HOUR)

    def test_csv_and_json(self):
        csv = self.store.export("spring", "touchpoints").decode()
        lines = csv.splitlines()
        self.assertEqual(lines[0].split(",")[:4], ["touchpoint_id", "at_ms", "at", "code"])
        self.assertEqual(len(lines), 3)
        self.assertIn(",%s,alice,none,click,v1,,0,0" % self.alice, lines[1])
        rows = json.loads(self.store.export("spring", "conversions", format="json"))
        self.assertEqual(rows[0]["order_id"], "o1")
        self.assertEqual(rows[0]["value_minor"], 1000)
        self.assertIsNone(rows[0]["customer_id"])
        credit = json.loads(self.store.export("spring", "attributions", format="JSON"))
        self.assertEqual((credit[0]["advocate"], credit[0]["weight"]), ("alice", 1))
        # A period, pseudonyms, a file sink.
        self.assertEqual(self.store.export("spring", start=T0 + DAY).count(b"\n"), 2)
        self.assertNotIn(b",v1,", self.store.export("spring", pseudonyms=True))
        self.assertTrue(self.store.export("spring", "rewards").startswith(b"entry_id,"))
        scores = json.loads(self.store.export("spring", "scores", format="json"))
        self.assertEqual([r["advocate"] for r in scores], ["alice"])
        self.assertEqual(scores[0]["referrals"], 1)
        self.assertGreater(scores[0]["score"], 0)
        self.assertEqual(self.store.score("spring", "alice").score, scores[0]["score"])
        buf = io.BytesIO()
        self.assertEqual(self.store.export_to(buf, "spring", "codes"), 1)
        self.assertIn(self.alice.encode(), buf.getvalue())

    def test_callback_error_stops(self):
        def boom(_chunk):
            raise RuntimeError("disk on fire")
        with self.assertRaises(RuntimeError):
            self.store.export_to(boom, "spring")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.export, "spring", "nope")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.export, "nope")

    def test_round_trip(self):
        copy = referral.Store(os.path.join(self.tmp, "copy.db"), clock=self.clock)
        try:
            copy.create_program("spring")
            for what in ("codes", "touchpoints", "conversions"):
                data = self.store.export("spring", what)
                source = io.BytesIO(data) if what == "touchpoints" else data
                self.assertEqual(copy.import_csv("spring", what, source),
                                 data.count(b"\n") - 1)
            self.assertEqual(copy.export("spring", "attributions"),
                             self.store.export("spring", "attributions"))
            self.assertEqual(copy.report_split("spring", "advocate"),
                             self.store.report_split("spring", "advocate"))
        finally:
            copy.close()

    def test_bad_rows(self):
        bad = "code,visitor_id,at_ms\n%s,n1,5\n%s,n2,soon\n" % (self.alice, self.alice)
        err = self.assertRaisesCode(referral.InvalidError, -2, self.store.import_csv,
                                    "spring", "touchpoints", bad)
        self.assertIn("line 3, column 'at_ms'", err.message)
        self.assertEqual(self.store.export("spring").count(b"\n"), 3)  # unchanged

        class Broken(io.RawIOBase):
            def read(self, _n=-1):
                raise OSError("gone")
        with self.assertRaises(OSError):
            self.store.import_csv("spring", "touchpoints", Broken())
