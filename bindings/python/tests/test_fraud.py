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


class TestChecks(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.code = self.seed().code

    def convert(self, visitor, order, **kw):
        self.store.record_touchpoint(self.code, visitor, at=self.clock.ms - 600000)
        return self.store.record_conversion("spring", visitor, order, value_minor=100,
                                            currency="EUR", **kw)

    def test_clean_and_explained(self):
        self.convert("v1", "o1")
        c = self.store.fraud_check("spring", "o1")
        self.assertEqual((c.program, c.order_id, c.advocate), ("spring", "o1", "alice"))
        self.assertEqual((c.risk, c.decision, c.status), (0, referral.FraudDecision.APPROVE,
                                                          referral.ReviewStatus.NONE))
        self.assertEqual(c.signals, ())
        self.assertEqual(c.policy_version, 1)
        self.assertIsNone(c.reviewed_at)
        self.assertIn("no signal fired", c.summary)
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.fraud_check, "spring", "x")

    def test_review_queue_and_transitions(self):
        self.convert("v1", "h1", email="a@mailinator.com")
        self.convert("v2", "h2", email="b@mailinator.com")
        held = list(self.store.review_queue("spring"))
        self.assertEqual([h.order_id for h in held], ["h1", "h2"])
        self.assertTrue(held[0].held)
        self.assertEqual(held[0].signals[0].kind, referral.FraudSignal.DISPOSABLE_EMAIL)
        self.assertEqual(held[0].signals[0].weight, 30)
        self.assertIn("mailinator.com", held[0].signals[0].evidence)
        page, cursor = self.store.review_queue_page("spring", limit=1)
        self.assertEqual(len(page), 1)
        self.assertGreater(cursor, 0)
        self.clock.ms += 1000
        c = self.store.review("spring", "h1", approve=True, reviewer="rita", reason="known")
        self.assertEqual(c.status, referral.ReviewStatus.APPROVED)
        self.assertEqual((c.reviewer, c.review_reason), ("rita", "known"))
        self.assertEqual(c.reviewed_at, referral.Store.now(self.store))
        c = self.store.review("spring", "h2", approve=False, reviewer="rita", reason="burner")
        self.assertEqual(c.status, referral.ReviewStatus.REJECTED)
        self.assertEqual(list(self.store.review_queue("spring")), [])
        self.assertRaisesCode(referral.ConflictError, -5, self.store.review, "spring", "h1",
                              approve=False, reviewer="sam", reason="again")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.review, "spring", "h1",
                              approve=True, reviewer="", reason="x")

    def test_self_referral_rejected(self):
        self.store.add_advocate("cara", customer_id="c-cara")
        code = self.store.issue_code("spring", "cara").code
        self.store.record_touchpoint(code, "v9", at=self.clock.ms - 600000)
        self.store.record_conversion("spring", "v9", "self", value_minor=1, currency="EUR",
                                     customer_id="c-cara")
        c = self.store.fraud_check("spring", "self")
        self.assertEqual(c.decision, referral.FraudDecision.REJECT)
        self.assertTrue(c.signals[0].hard)
        self.assertEqual(c.signals[0].kind, referral.FraudSignal.SELF_REFERRAL)

    def test_policy(self):
        policy, version = self.store.fraud_policy("spring")
        self.assertEqual((policy, version), (referral.FraudPolicy(), 1))
        v = self.store.set_fraud_policy("spring", weight_disposable_email=80)
        self.assertEqual(v, 2)
        policy, version = self.store.fraud_policy("spring")
        self.assertEqual((policy.weight_disposable_email, version), (80, 2))
        self.convert("v1", "o1", email="a@yopmail.com")
        c = self.store.fraud_check("spring", "o1")
        self.assertEqual((c.decision, c.risk, c.policy_version),
                         (referral.FraudDecision.REJECT, 80, 2))
        self.assertRaisesCode(referral.InvalidError, -2, self.store.set_fraud_policy, "spring",
                              weight_bot=101)
        self.assertEqual(self.store.fraud_policy("spring")[1], 2)
        self.assertRaises(TypeError, self.store.set_fraud_policy, "spring", nonsense=1)

    def test_disposable_domains(self):
        path = os.path.join(self.tmp, "domains.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("# host list\nburner.example\n")
        self.assertEqual(self.store.load_disposable_domains(path), 1)
        self.convert("v1", "o1", email="a@burner.example")
        self.assertEqual(self.store.fraud_check("spring", "o1").signals[0].kind,
                         referral.FraudSignal.DISPOSABLE_EMAIL)
        with open(path, "w", encoding="utf-8") as f:
            f.write("not a domain\n")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.load_disposable_domains, path)
        self.assertRaisesCode(referral.IoError, -11, self.store.load_disposable_domains,
                              os.path.join(self.tmp, "missing"))
