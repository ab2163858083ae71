"""Activities, scores, leaderboards and program metrics."""
import unittest

from support import DAY, T0, T0_DT, StoreTestCase, referral
from referral import ActivityType, Channel


class TestActivities(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("spring")
        self.store.add_advocate("alice")
        self.store.add_advocate("bob")

    def test_record_and_list(self):
        a = self.store.record_activity("spring", "alice", "review")
        b = self.store.record_activity("spring", "alice", ActivityType.SURVEY, answer=9,
                                       at=T0 + DAY, channel="email", content="nps-q1")
        self.assertGreater(b, a)
        items = self.store.activities("spring", advocate="alice")
        self.assertEqual([i.id for i in items], [b, a])
        self.assertEqual(items[0].type, ActivityType.SURVEY)
        self.assertEqual(items[0].answer, 9)
        self.assertEqual(items[0].channel, Channel.EMAIL)
        self.assertEqual(items[0].content, "nps-q1")
        self.assertEqual(items[1].at, T0_DT)
        self.assertIsNone(items[1].answer)
        self.assertEqual(referral.name_of(ActivityType.BOOKMARK), "bookmark")

    def test_batch_all_or_nothing(self):
        good = {"program": "spring", "advocate": "alice", "type": "share"}
        bad = {"program": "spring", "advocate": "nobody", "type": "share"}
        with self.assertRaises(referral.NotFoundError):
            self.store.record_activities([good, bad])
        self.assertEqual(self.store.activities("spring"), [])
        self.assertEqual(self.store.record_activities([good, dict(good, advocate="bob")]), 2)
        self.assertEqual(len(self.store.activities("spring")), 2)
        self.assertEqual(len(self.store.activities("spring", limit=1)), 1)

    def test_errors(self):
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_activity,
                              "spring", "alice", "survey")  # a survey needs an answer
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_activity,
                              "spring", "alice", "nonsense")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.record_activity,
                              "nope", "alice", "share")


if __name__ == "__main__":
    unittest.main()
