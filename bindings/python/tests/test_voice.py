"""Segments, testimonials and reference asks."""
import unittest
from datetime import timedelta

from support import DAY, T0_DT, StoreTestCase, referral


class VoiceCase(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store.create_program("p")
        for name, kind in (("alice", "customer"), ("bob", "employee"), ("carol", "partner")):
            self.store.add_advocate(name, kind=kind)
            self.store.set_consent(name, "tracking", True, "test")
            self.store.set_consent(name, "messages", True, "test")


class TestSegments(VoiceCase):
    def test_set_get_remove(self):
        self.assertIsNone(self.store.segment("alice"))
        self.store.set_segment("alice", "enterprise")
        self.assertEqual(self.store.segment("alice"), "enterprise")
        self.store.set_segment("alice", None)
        self.assertIsNone(self.store.segment("alice"))
        with self.assertRaises(referral.InvalidError):
            self.store.set_segment("alice", "Not Valid")
        with self.assertRaises(referral.NotFoundError):
            self.store.segment("nobody")


class TestTestimonials(VoiceCase):
    def test_submit_decide_find(self):
        self.store.set_segment("alice", "enterprise")
        t = self.store.submit_testimonial("p", "alice", "Great.\nReally.", rating=5,
                                          product="crm", publish_consent=True)
        self.assertEqual((t.advocate, t.segment, t.product, t.rating, t.publish_consent),
                         ("alice", "enterprise", "crm", 5, True))
        self.assertEqual(t.status, referral.TestimonialStatus.PENDING)
        self.assertEqual(t.advocate_kind, referral.AdvocateKind.CUSTOMER)
        self.assertEqual((t.created_at, t.decided_at), (T0_DT, None))
        acts = self.store.activities("p", advocate="alice")
        self.assertEqual([a.type for a in acts], [referral.ActivityType.TESTIMONIAL])
        self.assertEqual(self.store.testimonials("p").items, [])
        self.clock.ms += 1000
        d = self.store.decide_testimonial("p", t.id, "approved")
        self.assertEqual(d.status, referral.TestimonialStatus.APPROVED)
        self.assertEqual(d.decided_at, T0_DT + timedelta(seconds=1))
        u = self.store.submit_testimonial("p", "bob", "Fine", rating=3, product="erp")
        self.store.decide_testimonial("p", u.id, referral.TestimonialStatus.APPROVED)
        page = self.store.testimonials("p")
        self.assertEqual([x.id for x in page.items], [t.id])   # bob did not consent
        self.assertEqual(page.next_cursor, 0)
        self.assertEqual(len(self.store.testimonials("p", which="approved").items), 2)
        self.store.set_testimonial_consent("p", u.id, True)
        self.assertEqual(len(self.store.testimonials("p", kind="employee").items), 1)
        self.assertEqual(len(self.store.testimonials("p", segment="enterprise").items), 1)
        self.assertEqual(len(self.store.testimonials("p", product="erp").items), 1)
        self.assertEqual(len(self.store.testimonials("p", min_rating=4).items), 1)
        first = self.store.testimonials("p", limit=1)
        self.assertEqual(first.next_cursor, t.id)
        rest = self.store.testimonials("p", limit=1, cursor=first.next_cursor)
        self.assertEqual(([x.id for x in rest.items], rest.next_cursor), ([u.id], 0))
        self.assertEqual(self.store.testimonial("p", u.id).publish_consent, True)

    def test_errors(self):
        with self.assertRaises(referral.InvalidError):
            self.store.submit_testimonial("p", "alice", "x", rating=6)
        with self.assertRaises(referral.InvalidError):
            self.store.submit_testimonial("p", "alice", "", rating=3)
        with self.assertRaises(TypeError):
            self.store.submit_testimonial("p", "alice", "x", rating=3, publish_consent=1)
        with self.assertRaises(referral.NotFoundError):
            self.store.submit_testimonial("p", "nobody", "x", rating=3)
        with self.assertRaises(referral.InvalidError):
            self.store.decide_testimonial("p", 1, "pending")
        with self.assertRaises(referral.NotFoundError):
            self.store.testimonial("p", 99)
        self.assertEqual(self.store.testimonials("p", which="pending").items, [])


class TestReferences(VoiceCase):
    def test_find_ask_close(self):
        for name, n in (("alice", 3), ("bob", 1), ("carol", 1)):
            for _ in range(n):
                self.store.record_activity("p", name, "share")
        found = self.store.find_references("p")
        self.assertEqual([c.advocate for c in found], ["alice", "bob", "carol"])
        self.assertEqual(found.config_version, 0)
        self.assertGreater(found.items[0].score, found.items[1].score)
        self.assertEqual([c.advocate for c in self.store.find_references("p", kind="partner")],
                         ["carol"])
        ask = self.store.ask_reference("p", "alice", "Acme Corp")
        self.assertEqual((ask.outcome, ask.prospect, ask.asked_at, ask.closed_at),
                         (referral.ReferenceOutcome.OPEN, "Acme Corp", T0_DT, None))
        self.clock.ms += DAY
        done = self.store.close_reference("p", ask.id, "accepted")
        self.assertEqual(done.accepted_at, T0_DT + timedelta(days=1))
        done = self.store.close_reference("p", ask.id, "completed")
        self.assertEqual(done.outcome, referral.ReferenceOutcome.COMPLETED)
        self.assertEqual(self.store.reference("p", ask.id), done)
        refs = [a for a in self.store.activities("p", advocate="alice")
                if a.type == referral.ActivityType.REFERENCE]
        self.assertEqual(len(refs), 1)
        self.store.ask_reference("p", "alice", "Globex")
        with self.assertRaises(referral.LimitError):
            self.store.ask_reference("p", "alice", "Initech")
        self.assertNotIn("alice", [c.advocate for c in self.store.find_references("p")])
        with self.assertRaises(referral.InvalidError):
            self.store.close_reference("p", ask.id, "declined")
        self.store.set_consent("bob", "messages", False, "unsubscribe")
        with self.assertRaises(referral.ConsentError):
            self.store.ask_reference("p", "bob", "Acme")
        with self.assertRaises(referral.InvalidError):
            self.store.ask_reference("p", "carol", "x" * 256)


if __name__ == "__main__":
    unittest.main()
