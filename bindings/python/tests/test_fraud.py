"""Fraud checks: email normalisation, advocates' identities, what conversions say of the customer."""
import json
import os

from support import REPO_ROOT, StoreTestCase, referral

VECTORS = os.path.join(REPO_ROOT, "tests", "vectors", "vectors.json")


class TestNormalizeEmail(StoreTestCase):
    def test_vectors(self):
        with open(VECTORS, encoding="utf-8") as f:
            cases = json.load(f)["fraud"]["email_normalization_cases"]["cases"]
        self.assertTrue(cases)
        for given, want in cases.items():
            self.assertEqual(referral.normalize_email(given), want, given)

    def test_errors(self):
        for bad in ("", "no-at-sign", "@example.com", "x@", "+tag@example.com"):
            self.assertRaisesCode(referral.InvalidError, -2, referral.normalize_email, bad)
        self.assertRaisesCode(referral.InvalidError, -2, referral.normalize_email, None)


class TestIdentity(StoreTestCase):
    def test_advocate_identity(self):
        a = self.store.add_advocate("alice", email="Alice+x@Example.com", customer_id="cust-1",
                                    visitor_id="v-alice", ip="203.0.113.5", user_agent="UA/1")
        self.assertEqual(a.customer_id, "cust-1")
        self.assertTrue(a.has_email)
        self.assertEqual(self.store.get_advocate("alice"), a)
        data = b""
        for name in (self.path, self.path + "-wal"):
            if os.path.exists(name):
                with open(name, "rb") as f:
                    data += f.read()
        self.assertIn(b"cust-1", data)  # the host's id is interned as given
        for secret in (b"203.0.113.5", b"UA/1", b"Alice", b"lice@"):
            self.assertNotIn(secret, data)
        self.assertIsNone(self.store.add_advocate("bob").customer_id)

    def test_advocate_bad_email_changes_nothing(self):
        self.assertRaisesCode(referral.InvalidError, -2, self.store.add_advocate, "a",
                              email="not-an-address", customer_id="c")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.get_advocate, "a")

    def test_conversion_customer_fields(self):
        code = self.seed().code
        self.store.record_touchpoint(code, "v1")
        conv = self.store.record_conversion("spring", "v1", "o1", value_minor=100, currency="EUR",
                                            email="Buyer@Example.com", ip="198.51.100.7",
                                            user_agent="Mozilla/5.0", existing_customer=True)
        self.assertTrue(conv.attributed)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_conversion, "spring",
                              "v1", "o2", value_minor=1, currency="EUR", email="nope")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.get_conversion, "spring",
                              "o2")
