"""Reports: time series, splits and the funnel."""
from datetime import datetime, timezone

from support import DAY, HOUR, T0, StoreTestCase, referral


class TestReports(StoreTestCase):
    def setUp(self):
        super().setUp()
        alice = self.seed().code                     # alice: customer, no channel
        bob = self.seed(advocate="bob").code
        self.store.record_touchpoint(alice, "v1", at=T0 + HOUR)          # Thu Jan 1
        self.store.record_touchpoint(bob, "v2", at=T0 + 5 * DAY)         # Tue Jan 6
        self.store.record_conversion("spring", "v1", "o1", value_minor=1000, currency="EUR",
                                     at=T0 + 2 * HOUR)
        self.store.record_conversion("spring", "v2", "o2", value_minor=250, currency="USD",
                                     at=T0 + 5 * DAY + HOUR)

    def test_series(self):
        days = self.store.report_series("spring", start=T0, end=T0 + 7 * DAY)
        self.assertEqual(len(days), 7)
        self.assertEqual(days[0].start, datetime(2026, 1, 1, tzinfo=timezone.utc))
        self.assertEqual((days[0].touchpoints, days[0].conversions, days[0].active_advocates),
                         (1, 1, 1))
        self.assertEqual(days[0].values, {"EUR": 1000})
        self.assertEqual(days[1].touchpoints, 0)
        self.assertEqual(days[5].values, {"USD": 250})
        self.assertAlmostEqual(days[5].conversion_rate, 1.0)
        weeks = self.store.report_series("spring", period="week")
        self.assertEqual([w.start.day for w in weeks], [29, 5])  # Mondays
        self.assertEqual([w.touchpoints for w in weeks], [1, 1])
        months = self.store.report_series("spring", period="month")
        self.assertEqual(len(months), 1)
        self.assertEqual(months[0].end, datetime(2026, 2, 1, tzinfo=timezone.utc))

    def test_split_and_funnel(self):
        rows = self.store.report_split("spring", "advocate")
        self.assertEqual([r.key for r in rows], ["alice", "bob"])  # ties: by key
        self.assertEqual(rows[0].values, {"EUR": 1000})
        self.assertEqual(rows[1].attributed_conversions, 1)
        self.assertEqual(len(self.store.report_split("spring", "advocate", limit=1)), 1)
        kinds = self.store.report_split("spring", "kind")
        self.assertEqual([(k.key, k.touchpoints) for k in kinds], [("customer", 2)])
        self.assertEqual(self.store.report_split("spring", "channel")[0].key, "none")
        funnel = self.store.report_funnel("spring")
        self.assertEqual((funnel.visitors, funnel.signed_up, funnel.purchased,
                          funnel.purchased_any), (2, 0, 0, 2))
        self.assertEqual(funnel.signup_rate, 0.0)

    def test_split_by_content(self):
        self.assertEqual(self.store.report_split("spring", "content"), [])
        self.store.add_content("spring", "guide", "Buyer's guide", "https://example.com/g")
        code = self.store.issue_code("spring", "alice", content="guide").code
        self.store.record_touchpoint(code, "v3", at=T0 + 6 * DAY)
        self.store.record_conversion("spring", "v3", "o3", value_minor=700, currency="EUR",
                                     at=T0 + 6 * DAY + HOUR)
        rows = self.store.report_split("spring", "content")
        self.assertEqual([(r.key, r.name, r.touchpoints, r.attributed_conversions) for r in rows],
                         [("guide", "Buyer's guide", 1, 1)])
        self.assertEqual(rows[0].values, {"EUR": 700})

    def test_summary(self):
        s = self.store.report_summary("spring")
        self.assertEqual((s.touchpoints, s.unique_visitors, s.conversions,
                          s.attributed_conversions, s.new_customers, s.returning_customers,
                          s.active_advocates), (2, 2, 2, 2, 2, 0, 2))
        self.assertEqual(s.currencies["EUR"].value_minor, 1000)
        self.assertEqual(s.currencies["USD"].reward_cost_minor, 0)
        self.assertEqual(s.currencies["USD"].return_on_spend, 0.0)
        later = self.store.report_summary("spring", start=T0 + DAY)
        self.assertEqual((later.conversions, list(later.currencies)), (1, ["USD"]))

    def test_errors(self):
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.report_series, "nope")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.report_funnel, "spring",
                              start=T0, end=T0)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.report_series, "spring",
                              start=1, end=T0)  # too many days
        with self.assertRaises(referral.InvalidError):
            self.store.report_series("spring", period="year")
        with self.assertRaises(referral.InvalidError):
            self.store.report_split("spring", "country")
