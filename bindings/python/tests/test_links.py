"""Signed links and link keys."""
import unittest
from datetime import timedelta

from support import HOUR, T0, T0_DT, StoreTestCase, referral

BASE = "https://shop.example/join"


class TestLinks(StoreTestCase):
    def test_keys(self):
        self.assertEqual(self.store.link_keys(), [])
        a = self.store.add_link_key()
        b = self.store.add_link_key()
        self.assertGreater(b, a)
        self.clock.ms += 1000
        self.store.retire_link_key(a)
        keys = self.store.link_keys()
        self.assertEqual([k.id for k in keys], [a, b])
        self.assertEqual(keys[0].created_at, T0_DT)
        self.assertEqual(keys[0].retired_at, T0_DT + timedelta(seconds=1))
        self.assertFalse(keys[0].active)
        self.assertTrue(keys[1].active)
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.retire_link_key, 99)

    def test_round_trip_and_fields(self):
        self.assertRaisesCode(referral.LinkKeyError, -18, self.store.build_link, BASE, "C")
        kid = self.store.add_link_key()
        link = self.store.build_link(BASE, "AB 12", campaign="spring", content="é",
                                     expires_at=T0_DT + timedelta(hours=1))
        self.assertTrue(link.url.startswith(BASE + "?rc=AB%2012&cmp=spring&cnt=%C3%A9&exp="))
        self.assertEqual(link.key_id, kid)
        got = self.store.verify_link(link.url)
        self.assertEqual(got, link)
        self.assertEqual(got.expires_at, T0_DT + timedelta(hours=1))
        plain = self.store.build_link(BASE, "C")
        self.assertEqual((plain.campaign, plain.content, plain.expires_at), ("", "", None))

    def test_statuses(self):
        old = self.store.add_link_key()
        link = self.store.build_link(BASE, "CODE", expires_at=T0 + HOUR).url
        forged = link.replace("rc=CODE", "rc=CODF")
        self.assertRaisesCode(referral.TamperedError, -17, self.store.verify_link, forged)
        self.assertRaisesCode(referral.TamperedError, -17, self.store.verify_link, "nonsense")
        self.assertRaisesCode(referral.TamperedError, -17, self.store.verify_link, "x" * 5000)
        self.clock.ms = T0 + HOUR
        self.assertRaisesCode(referral.ExpiredError, -14, self.store.verify_link, link)
        self.clock.ms = T0
        self.store.add_link_key()
        self.store.verify_link(link)  # old key verifies until retired
        self.store.retire_link_key(old)
        self.assertRaisesCode(referral.LinkKeyError, -18, self.store.verify_link, link)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.build_link, "ftp://x", "C")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.verify_link, None)


if __name__ == "__main__":
    unittest.main()
