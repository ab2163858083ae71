"""Engagement: consent (and, as they land, outbox, content, stages, testimonials)."""
import unittest
from datetime import timedelta

from support import T0_DT, StoreTestCase, referral


class EngagementCase(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("p")
        self.store.add_advocate("alice")
        self.store.add_advocate("bob")


class TestConsent(EngagementCase):
    def test_default_none(self):
        c = self.store.consent("alice")
        self.assertEqual((c.advocate, c.tracking, c.messages), ("alice", False, False))
        self.assertEqual((c.tracking_at, c.messages_at, c.history), (None, None, []))

    def test_set_and_history(self):
        self.store.set_consent("alice", "messages", True, "signup-form")
        self.clock.ms += 1000
        self.store.set_consent("alice", "tracking", True, source="settings")
        self.clock.ms += 1000
        self.store.set_consent("alice", "messages", False, "unsubscribe")
        c = self.store.consent("alice")
        self.assertTrue(c.tracking)
        self.assertFalse(c.messages)
        self.assertEqual(c.messages_at, T0_DT + timedelta(seconds=2))
        self.assertEqual([(h.purpose, h.granted, h.source) for h in c.history],
                         [("messages", True, "signup-form"), ("tracking", True, "settings"),
                          ("messages", False, "unsubscribe")])
        self.assertEqual(c.history[1].at, T0_DT + timedelta(seconds=1))

    def test_errors(self):
        with self.assertRaises(referral.NotFoundError):
            self.store.set_consent("nobody", "messages", True, "x")
        with self.assertRaises(referral.InvalidError):
            self.store.set_consent("alice", "spam", True, "x")
        with self.assertRaises(referral.InvalidError):
            self.store.set_consent("alice", 7, True, "x")
        with self.assertRaises(referral.InvalidError):
            self.store.set_consent("alice", "messages", True, "")
        with self.assertRaises(TypeError):
            self.store.set_consent("alice", "messages", 1, "x")
        with self.assertRaises(referral.NotFoundError):
            self.store.consent("nobody")
        self.assertEqual(self.store.consent("alice").history, [])



DAY = 86400000


class TestOutbox(EngagementCase):
    def test_consent_and_cap(self):
        m = self.store.send_message("p", "alice", "reward_earned")
        self.assertEqual((m.status, m.reason, m.body, m.automated), ("held", "no-consent", "", True))
        self.store.set_consent("alice", "messages", True, "form")
        sent = [self.store.send_message("p", "alice", "tier_reached", {"tier": "gold"})
                for _ in range(5)]
        self.assertEqual([m.status for m in sent], ["queued"] * 3 + ["held"] * 2)
        self.assertEqual(sent[3].reason, "frequency-cap")
        self.assertEqual(sent[0].body, "Hi alice, you reached the gold tier in p.")
        self.clock.ms += 7 * DAY
        self.assertEqual(self.store.send_message("p", "alice", "x").status, "queued")

    def test_config_and_template(self):
        cfg = self.store.engagement_config("p")
        self.assertEqual((cfg.cap_messages, cfg.config_version), (3, 0))
        self.assertEqual(self.store.set_engagement_config("p", cap_messages=1), 1)
        self.assertEqual(self.store.engagement_config("p").cap_messages, 1)
        with self.assertRaises(referral.InvalidError):
            self.store.set_engagement_config("p", cap_window_ms=0)
        self.store.set_template("p", "hello", "Hello {{name}}, {{what}}!")
        self.store.set_consent("bob", "messages", True, "form")
        m = self.store.send_message("p", "bob", "hello", {"what": "welcome"})
        self.assertEqual((m.body, m.config_version), ("Hello bob, welcome!", 1))
        self.store.set_template("p", "hello", None)
        with self.assertRaises(referral.InvalidError):
            self.store.send_message("p", "bob", "Hello")
        with self.assertRaises(TypeError):
            self.store.send_message("p", "bob", "hello", ["x"])

    def test_drain(self):
        for who in ("alice", "bob"):
            self.store.set_consent(who, "messages", True, "form")
            for _ in range(3):
                self.store.send_message("p", who, "reward_earned")
        page, cursor = self.store.outbox(limit=4)
        self.assertEqual(len(page), 4)
        self.assertEqual(cursor, page[-1].id)
        got = []
        self.assertEqual(self.store.drain_outbox(got.append, batch=4), 6)
        self.assertEqual(len(got), 6)
        self.assertEqual(self.store.outbox(), ([], 0))
        everything, _ = self.store.outbox(all=True)
        self.assertEqual({m.status for m in everything}, {"delivered"})
        self.assertEqual(self.store.ack_messages(10 ** 6), 0)
        with self.assertRaises(referral.NotFoundError):
            self.store.outbox("nope")


if __name__ == "__main__":
    unittest.main()


class TestStages(EngagementCase):
    def refer(self, code, n):
        self.store.record_touchpoint(code.code, "v%d" % n, at=self.clock.ms - 3600000)
        self.store.record_conversion("p", "v%d" % n, "o%d" % n, value_minor=1000, currency="EUR")

    def test_lifecycle_and_sweep(self):
        self.store.set_consent("alice", "messages", True, "form")
        self.store.set_consent("alice", "tracking", True, "form")
        code = self.store.issue_code("p", "alice")
        st = self.store.stage("p", "alice")
        self.assertEqual((st.stage, st.since, st.history), (referral.Stage.INVITED, None, []))
        self.store.record_activity("p", "alice", "share")
        self.assertEqual(self.store.stage("p", "alice").stage, referral.Stage.ACTIVE)
        self.clock.ms += DAY
        self.refer(code, 1)
        st = self.store.stage("p", "alice")
        self.assertEqual((st.stage, st.activities, st.referrals), (referral.Stage.REFERRING, 1, 1))
        self.assertEqual([(h.previous, h.stage) for h in st.history],
                         [(None, referral.Stage.ACTIVE),
                          (referral.Stage.ACTIVE, referral.Stage.REFERRING)])
        self.assertEqual(st.history[1].at, T0_DT + timedelta(days=1))
        counts = self.store.stage_counts("p")
        self.assertEqual((counts.advocates, counts.referring, counts.invited), (1, 1, 0))
        self.assertEqual(self.store.refresh_stages("p"), 0)
        self.assertEqual(self.store.refresh_stages("p", at=T0_DT + timedelta(days=61)), 1)
        self.assertEqual(self.store.stage("p", "alice").stage, referral.Stage.DORMANT)
        nudges = [m for m in self.store.outbox("p")[0] if m.kind == "dormant_nudge"]
        self.assertEqual(len(nudges), 1)
        self.assertEqual(self.store.stage_counts("p").dormant, 1)

    def test_errors(self):
        with self.assertRaises(referral.NotFoundError):
            self.store.stage("p", "nobody")
        with self.assertRaises(referral.NotFoundError):
            self.store.stage_counts("nope")
        with self.assertRaises(referral.InvalidError):
            self.store.refresh_stages("p", at=-1)


class TestContent(EngagementCase):
    def test_library_for_and_performance(self):
        self.store.set_consent("alice", "tracking", True, "form")
        item = self.store.add_content("p", "guide", "The guide", "doc:guide.pdf", kind="document",
                                      stages=["active", referral.Stage.CHAMPION])
        self.assertEqual((item.key, item.kind, item.stages, item.min_tier),
                         ("guide", referral.ContentKind.DOCUMENT,
                          [referral.Stage.ACTIVE, referral.Stage.CHAMPION], ""))
        self.clock.ms += 1000
        self.store.add_content("p", "all", "For all", "https://x.example/all")
        self.assertEqual([c.key for c in self.store.content_list("p")], ["all", "guide"])
        self.assertEqual([c.key for c in self.store.content_for("p", "alice")], ["all"])
        self.store.record_activity("p", "alice", "share")
        self.assertEqual([c.key for c in self.store.content_for("p", "alice")], ["all", "guide"])
        self.assertEqual(self.store.update_content("p", "all", "For everyone", "u").title,
                         "For everyone")
        self.store.archive_content("p", "all")
        self.assertEqual([c.key for c in self.store.content_list("p", archived=True)],
                         ["all", "guide"])
        self.assertEqual([c.key for c in self.store.content_for("p", "alice", limit=5)],
                         ["guide"])
        code = self.store.issue_code("p", "alice", content="guide")
        self.assertEqual(code.content, "guide")
        self.assertEqual(self.store.get_code(code.code).content, "guide")
        self.store.record_touchpoint(code.code, "v1", at=self.clock.ms - 3600000)
        self.store.record_conversion("p", "v1", "o1", value_minor=2500, currency="EUR")
        perf = self.store.content_performance("p")
        self.assertEqual(perf.currency, "EUR")
        g = perf.items[0]
        self.assertEqual((g.key, g.codes, g.clicks, g.unique_visitors, g.conversions,
                          g.value_minor), ("guide", 1, 1, 1, 1, 2500))
        self.assertEqual(len(self.store.content_performance("p", top=1).items), 1)
        with self.assertRaises(referral.ExistsError):
            self.store.add_content("p", "guide", "t", "u")
        with self.assertRaises(referral.InvalidError):
            self.store.add_content("p", "x", "t", "u", stages=["nope"])
        with self.assertRaises(referral.DisabledError):
            self.store.issue_code("p", "alice", content="all")
