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
        for who in ("alice", "bob"):
            self.store.set_consent(who, "tracking", True, "test")

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

    def test_tracking_consent(self):
        self.store.add_advocate("dan")
        self.assertRaisesCode(referral.ConsentError, -19, self.store.record_activity,
                              "spring", "dan", "share")
        good = {"program": "spring", "advocate": "alice", "type": "share"}
        with self.assertRaises(referral.ConsentError):
            self.store.record_activities([good, dict(good, advocate="dan")])
        self.assertEqual(self.store.activities("spring"), [])
        self.store.set_consent("dan", "tracking", True, "settings")
        self.store.record_activity("spring", "dan", "share")
        self.store.set_consent("dan", "tracking", False, "settings")
        with self.assertRaises(referral.ConsentError):
            self.store.record_activity("spring", "dan", "share")
        self.assertEqual(len(self.store.activities("spring", advocate="dan")), 1)



class TestScores(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("spring")
        for who in ("alice", "bob", "carol"):
            self.store.add_advocate(who)
            self.store.set_consent(who, "tracking", True, "test")

    def test_score_explained(self):
        self.store.record_activity("spring", "alice", "review")
        self.store.record_activity("spring", "alice", "invite")
        s = self.store.score("spring", "alice", explain=True)
        self.assertEqual(s.config_version, 0)
        self.assertEqual([c.name for c in s.components],
                         ["activity", "value", "quality", "network"])
        self.assertAlmostEqual(s.component("activity").raw, 18)
        self.assertAlmostEqual(s.score, 30 * 18 / (18 + 50))
        self.assertEqual([e.kind for e in s.events], ["invite", "review"])
        self.assertEqual([b.kind for b in s.badges], [referral.BadgeKind.FIRST_REVIEW])
        self.assertEqual(s.activities, 2)
        self.assertEqual(s.rfm, (5, 5, 5))  # the only advocate with a score

    def test_config_and_recompute(self):
        self.store.record_activity("spring", "bob", "bookmark")
        version = self.store.set_score_config("spring", activity_weights={"bookmark": 50},
                                              weight_value=0, weight_quality=0,
                                              weight_network=0, tiers="")
        self.assertEqual(version, 1)
        cfg = self.store.score_config("spring")
        self.assertEqual(cfg.version, 1)
        self.assertEqual(cfg.activity_weights[ActivityType.BOOKMARK], 50)
        self.assertEqual(cfg.activity_weights[ActivityType.INVITE], 10)
        self.assertEqual(cfg.tiers, "")
        self.assertAlmostEqual(self.store.score("spring", "bob").score, 50)
        self.store.recompute_scores("spring")
        self.assertAlmostEqual(self.store.score("spring", "bob").score, 50)
        self.assertEqual(self.store.refresh_scores("spring"), 0)
        with self.assertRaises(referral.InvalidError):
            self.store.set_score_config("spring", tiers="gold:80:90")

    def test_leaderboard_and_metrics(self):
        self.store.record_activity("spring", "alice", "invite", at=T0)
        self.store.record_activity("spring", "bob", "invite", at=T0)
        self.store.record_activity("spring", "carol", "survey", answer=10, at=T0)
        board = self.store.leaderboard("spring", period="this-month", advocate="bob", top=1)
        self.assertEqual(board.ranked, 3)
        self.assertEqual([e.advocate for e in board.entries], ["alice"])  # tie: by id
        self.assertEqual(board.advocate.rank, 2)
        self.assertEqual(board.since, T0_DT)
        top = self.store.leaderboard("spring", by="referrals")
        self.assertEqual(top.entries, [])
        m = self.store.program_metrics("spring")
        self.assertEqual((m.invites, m.inviting_advocates, m.promoters), (2, 2, 1))
        self.assertEqual(m.nps, 100.0)
        self.assertEqual(m.k_factor, 0.0)


if __name__ == "__main__":
    unittest.main()
