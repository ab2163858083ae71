"""Privacy: hash-key rotation, privacy policy, retention, erasure, export."""
import unittest
from datetime import timedelta

from support import T0_DT, StoreTestCase, referral

DAY = timedelta(days=1)


class PrivacyCase(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("p")
        self.store.add_advocate("alice", email="alice@example.org")
        self.code = self.store.issue_code("p", "alice").code


class TestRotation(PrivacyCase):
    def test_overlap_then_expiry(self):
        self.assertEqual(self.store.find_advocate_by_email("ALICE@example.org ").external_id, "alice")
        self.assertEqual(self.store.rotate_secret(overlap=7 * DAY), 2)
        self.clock.ms += 7 * 86400000 - 1
        self.assertEqual(self.store.find_advocate_by_email("alice@example.org").external_id, "alice")
        self.clock.ms += 1
        with self.assertRaises(referral.NotFoundError):
            self.store.find_advocate_by_email("alice@example.org")
        keys = self.store.secrets()
        self.assertEqual([(k.id, k.live, k.destroyed) for k in keys], [(1, False, False), (2, True, False)])
        self.assertEqual(keys[0].retired_at, T0_DT)
        self.assertEqual(self.store.expire_secrets(), 1)
        self.assertTrue(self.store.secrets()[0].destroyed)
        self.store.set_advocate_email("alice", "alice@example.org")
        self.assertEqual(self.store.find_advocate_by_email("alice@example.org").external_id, "alice")

    def test_errors(self):
        with self.assertRaises(referral.InvalidError):
            self.store.rotate_secret(overlap=-1)
        with self.assertRaises(referral.InvalidError):
            self.store.find_advocate_by_email("not an address")
        with self.assertRaises(referral.NotFoundError):
            self.store.set_advocate_email("nobody", None)


class TestPolicyAndRetention(PrivacyCase):
    def test_policy(self):
        s = self.store.privacy_policy("p")
        self.assertEqual((s.program, s.revision, s.ip_truncate, s.retention), ("p", 0, False, None))
        self.assertEqual(self.store.set_privacy_policy("p", ip_truncate=True, retention=30 * DAY), 1)
        self.assertEqual(self.store.set_privacy_policy("p", ip_truncate=True, retention=30 * DAY), 1)
        s = self.store.privacy_policy("p")
        self.assertEqual((s.revision, s.ip_truncate, s.retention, s.set_at), (1, True, 30 * DAY, T0_DT))
        with self.assertRaises(TypeError):
            self.store.set_privacy_policy("p", ip_truncate=1)
        with self.assertRaises(referral.NotFoundError):
            self.store.privacy_policy("nope")

    def test_purge_keeps_counts(self):
        for d in range(10):
            self.store.record_touchpoint(self.code, "v%d" % d, at=T0_DT + d * DAY)
        before = self.store.stats("p")
        self.assertEqual(self.store.purge_retention("p").touchpoints, 0)
        self.store.set_privacy_policy("p", retention=5 * DAY)
        self.clock.ms += 10 * 86400000
        purge = self.store.purge_retention("p")
        self.assertEqual((purge.program, purge.touchpoints, purge.cutoff), ("p", 5, T0_DT + 5 * DAY))
        after = self.store.stats("p")
        self.assertEqual(after.touchpoints, before.touchpoints)
        self.assertEqual(after.unique_touchpoints, before.unique_touchpoints)


class TestErasureAndExport(PrivacyCase):
    def test_export_then_erase(self):
        self.store.record_touchpoint(self.code, "vis-1", ip="203.0.113.5",
                                     landing_url="https://shop.example/?who=bob")
        self.store.identify("vis-1", "cust-1")
        self.store.record_conversion("p", "vis-1", "order-1", value_minor=1000, currency="EUR")
        doc = self.store.export_advocate("alice")
        self.assertEqual(doc["kind"], "advocate")
        self.assertEqual(doc["advocate"]["external_id"], "alice")
        self.assertEqual(doc["advocate"]["email"], "held as a keyed hash")
        self.assertEqual([c["code"] for c in doc["codes"]], [self.code])
        self.assertEqual([c["order_id"] for c in doc["credits"]], ["order-1"])
        cust = self.store.export_customer("cust-1")
        self.assertEqual(cust["customer"]["customer_id"], "cust-1")
        self.assertEqual(cust["visitors"], ["vis-1"])
        self.assertEqual(cust["touchpoints"][0]["ip"], "held as a keyed hash")
        self.assertEqual(cust["conversions"][0]["value_minor"], 1000)

        self.store.erase_advocate("alice")
        self.store.erase_customer("cust-1")
        with self.assertRaises(referral.NotFoundError):
            self.store.get_advocate("alice")
        with self.assertRaises(referral.NotFoundError):
            self.store.export_customer("cust-1")
        with self.assertRaises(referral.NotFoundError):
            self.store.erase_advocate("alice")
        self.assertEqual(self.store.stats("p").attributed_conversions, 1)
        self.store.check()


if __name__ == "__main__":
    unittest.main()
