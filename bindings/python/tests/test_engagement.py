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


if __name__ == "__main__":
    unittest.main()
