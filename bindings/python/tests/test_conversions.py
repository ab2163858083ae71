"""Conversions: attribution, idempotency, explanations."""
import dataclasses
from datetime import timedelta

from support import DAY, HOUR, MINUTE, T0, T0_DT, StoreTestCase, referral


class TestRecord(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.alice = self.seed(channel="email").code
        self.bob = self.seed(advocate="bob").code

    def test_last_touch(self):
        self.store.record_touchpoint(self.alice, "v", at=T0 - 2 * HOUR)
        self.store.record_touchpoint(self.bob, "v", at=T0 - HOUR)
        conv = self.store.record_conversion("spring", "v", "order-1", value_minor=12345,
                                            currency="eur", kind="purchase")
        self.assertGreater(conv.id, 0)
        self.assertEqual((conv.program, conv.order_id, conv.visitor_id),
                         ("spring", "order-1", "v"))
        self.assertEqual(conv.kind, referral.ConversionKind.PURCHASE)
        self.assertEqual((conv.value_minor, conv.currency), (12345, "EUR"))
        self.assertEqual(conv.at, T0_DT)
        self.assertTrue(conv.attributed)
        self.assertFalse(conv.duplicate)
        self.assertEqual(conv.model, referral.Model.LAST)
        self.assertEqual(conv.rules_version, 1)
        self.assertEqual(len(conv.credits), 1)
        credit = conv.credits[0]
        self.assertEqual((credit.advocate, credit.code, credit.channel),
                         ("bob", self.bob, referral.Channel.NONE))
        self.assertEqual((credit.weight, credit.value_minor), (1.0, 12345))
        self.assertEqual(self.store.get_conversion("spring", "order-1"), conv)

    def test_first_touch_after_rules_change(self):
        p = self.store.get_program("spring")
        self.store.update_program("spring", rules=dataclasses.replace(p.rules, model="first"))
        self.store.record_touchpoint(self.alice, "v", at=T0 - 2 * HOUR)
        self.store.record_touchpoint(self.bob, "v", at=T0 - HOUR)
        conv = self.store.record_conversion("spring", "v", "o", value_minor=10, currency="USD")
        self.assertEqual(conv.model, referral.Model.FIRST)
        self.assertEqual(conv.rules_version, 2)
        self.assertEqual(conv.credits[0].advocate, "alice")
        self.assertEqual(conv.credits[0].channel, referral.Channel.EMAIL)

    def test_unattributed(self):
        conv = self.store.record_conversion("spring", "stranger", "o", value_minor=500,
                                            currency="EUR", kind=referral.ConversionKind.SIGNUP)
        self.assertFalse(conv.attributed)
        self.assertEqual(conv.credits, ())
        self.assertEqual(conv.kind, referral.ConversionKind.SIGNUP)

    def test_lookback_window(self):
        self.store.record_touchpoint(self.alice, "v", at=T0 - 31 * DAY)
        conv = self.store.record_conversion("spring", "v", "o", value_minor=1, currency="EUR")
        self.assertFalse(conv.attributed)

    def test_duplicate_is_success(self):
        self.store.record_touchpoint(self.alice, "v", at=T0 - HOUR)
        first = self.store.record_conversion("spring", "v", "o", value_minor=99,
                                             currency="EUR", at=T0)
        again = self.store.record_conversion("spring", "v", "o", value_minor=99,
                                             currency="EUR", at=T0)
        self.assertTrue(again.duplicate)
        self.assertEqual(dataclasses.replace(again, duplicate=False), first)
        self.assertEqual(self.store.stats("spring").conversions, 1)

    def test_conflict(self):
        self.store.record_conversion("spring", "v", "o", value_minor=99, currency="EUR", at=T0)
        self.assertRaisesCode(referral.ConflictError, -5, self.store.record_conversion,
                              "spring", "v", "o", value_minor=100, currency="EUR", at=T0)

    def test_lock_first_referrer(self):
        p = self.store.get_program("spring")
        self.store.update_program("spring", rules=dataclasses.replace(
            p.rules, lock_first_referrer=True))
        self.store.record_touchpoint(self.alice, "v", at=T0 - 2 * HOUR)
        self.assertEqual(self.store.record_conversion(
            "spring", "v", "o1", value_minor=1, currency="EUR").credits[0].advocate, "alice")
        self.store.record_touchpoint(self.bob, "v", at=T0 + MINUTE)
        conv = self.store.record_conversion("spring", "v", "o2", value_minor=1, currency="EUR",
                                            at=T0 + 2 * MINUTE)
        self.assertEqual(conv.credits[0].advocate, "alice")

    def test_errors(self):
        rec = self.store.record_conversion
        self.assertRaisesCode(referral.NotFoundError, -3, rec, "nope", "v", "o",
                              currency="EUR")
        self.assertRaisesCode(referral.InvalidError, -2, rec, "spring", "v", "o",
                              value_minor=-1, currency="EUR")
        self.assertRaisesCode(referral.InvalidError, -2, rec, "spring", "v", "o",
                              value_minor=1, currency="EURO")
        self.assertRaisesCode(referral.InvalidError, -2, rec, "spring", "v", "",
                              currency="EUR")
        self.assertRaisesCode(referral.InvalidError, -2, rec, "spring", "v", "o",
                              currency="EUR", kind=42)
        self.store.archive_program("spring")
        self.assertRaisesCode(referral.DisabledError, -15, rec, "spring", "v", "o",
                              currency="EUR")

    def test_get_missing(self):
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.get_conversion, "spring",
                              "nope")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.explain, "spring", "nope")


class TestExplanation(StoreTestCase):
    def test_explanation(self):
        alice = self.seed().code
        bob = self.seed(advocate="bob").code
        self.store.record_touchpoint(alice, "v", at=T0 - 3 * HOUR)
        self.store.record_touchpoint(alice, "v", at=T0 - 3 * HOUR + MINUTE)  # duplicate
        self.store.record_touchpoint(bob, "v", at=T0 - HOUR, kind="visit")
        self.store.record_conversion("spring", "v", "o", value_minor=1000, currency="EUR")
        ex = self.store.explain("spring", "o")
        self.assertEqual((ex.program, ex.order_id), ("spring", "o"))
        self.assertEqual(ex.model, referral.Model.LAST)
        self.assertEqual(ex.rules_version, 1)
        self.assertEqual(ex.lookback, timedelta(days=30))
        self.assertEqual(ex.window_end, T0_DT)
        self.assertEqual(ex.window_start, T0_DT - timedelta(days=30))
        self.assertTrue(ex.summary)
        self.assertEqual([t.advocate for t in ex.touches], ["alice", "bob"])  # oldest first
        self.assertEqual([t.weight for t in ex.touches], [0.0, 1.0])
        self.assertEqual([t.value_minor for t in ex.touches], [0, 1000])
        self.assertEqual(ex.touches[1].kind, referral.TouchpointKind.VISIT)
        self.assertEqual(ex.touches[1].code, bob)
        self.assertEqual(ex.touches[0].at, T0_DT - timedelta(hours=3))
        self.assertGreater(ex.touches[0].touchpoint_id, 0)
        self.assertTrue(all(t.note for t in ex.touches))
