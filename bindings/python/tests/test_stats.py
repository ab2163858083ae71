"""Statistics for a program, an advocate and a period."""
from datetime import timedelta

from support import DAY, HOUR, T0, T0_DT, StoreTestCase, referral


class TestStats(StoreTestCase):
    def setUp(self):
        super().setUp()
        alice = self.seed().code
        bob = self.seed(advocate="bob").code
        self.store.record_touchpoint(alice, "v1", at=T0 - 2 * HOUR)
        self.store.record_touchpoint(alice, "v1", at=T0 - 2 * HOUR + 1)  # duplicate
        self.store.record_touchpoint(bob, "v2", at=T0 - HOUR)
        self.store.record_touchpoint(bob, "v3", at=T0 + 2 * DAY)
        self.store.record_conversion("spring", "v1", "o1", value_minor=1000, currency="EUR")
        self.store.record_conversion("spring", "v2", "o2", value_minor=250, currency="USD")
        self.store.record_conversion("spring", "v9", "o3", value_minor=7, currency="EUR")

    def test_program(self):
        st = self.store.stats("spring")
        self.assertEqual(st.touchpoints, 4)
        self.assertEqual(st.unique_touchpoints, 3)
        self.assertEqual(st.unique_visitors, 3)
        self.assertEqual(st.conversions, 3)
        self.assertEqual(st.attributed_conversions, 2)
        self.assertAlmostEqual(st.credited_conversions, 2.0)
        self.assertAlmostEqual(st.conversion_rate, 2 / 3)
        self.assertEqual(st.values, {"EUR": 1000, "USD": 250})
        self.assertEqual(list(st.values), ["EUR", "USD"])  # by currency code

    def test_advocate(self):
        st = self.store.stats("spring", "alice")
        self.assertEqual((st.touchpoints, st.unique_touchpoints, st.unique_visitors), (2, 1, 1))
        self.assertEqual((st.conversions, st.attributed_conversions), (1, 1))
        self.assertEqual(st.values, {"EUR": 1000})
        self.assertAlmostEqual(st.conversion_rate, 1.0)

    def test_period(self):
        st = self.store.stats("spring", start=T0_DT - timedelta(days=1), end=T0 + DAY)
        self.assertEqual(st.touchpoints, 3)
        self.assertEqual(st.conversions, 3)
        st = self.store.stats("spring", start=T0 + DAY)
        self.assertEqual((st.touchpoints, st.conversions), (1, 0))
        self.assertEqual(st.values, {})
        self.assertEqual(st.conversion_rate, 0.0)

    def test_errors(self):
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.stats, "nope")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.stats, "spring", "ghost")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.stats, "")
