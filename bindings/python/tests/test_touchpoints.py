"""Touchpoints: single and batch recording, visitor ids, duplicates."""
import re
from datetime import timedelta

from support import MINUTE, T0, T0_DT, StoreTestCase, referral

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


class TestRecord(StoreTestCase):
    def test_record_fields(self):
        c = self.seed(channel="linkedin")
        tp = self.store.record_touchpoint(c.code.lower(), "visitor-1", kind="scan",
                                          landing_url="https://shop.example/?ref=x",
                                          ip="203.0.113.9", user_agent="Mozilla/5.0")
        self.assertGreater(tp.id, 0)
        self.assertEqual(tp.visitor_id, "visitor-1")
        self.assertEqual(tp.code, c.code)
        self.assertEqual(tp.program, "spring")
        self.assertEqual(tp.advocate, "alice")
        self.assertEqual(tp.channel, referral.Channel.LINKEDIN)
        self.assertEqual(tp.kind, referral.TouchpointKind.SCAN)
        self.assertEqual(tp.at, T0_DT)  # the store's clock
        self.assertFalse(tp.duplicate)

    def test_generated_visitor_id(self):
        c = self.seed()
        a = self.store.record_touchpoint(c.code)
        b = self.store.record_touchpoint(c.code)
        self.assertRegex(a.visitor_id, UUID)
        self.assertNotEqual(a.visitor_id, b.visitor_id)

    def test_explicit_time(self):
        c = self.seed()
        tp = self.store.record_touchpoint(c.code, "v", at=T0_DT - timedelta(days=1))
        self.assertEqual(tp.at, T0_DT - timedelta(days=1))
        tp = self.store.record_touchpoint(c.code, "w", at=T0 - 5)
        self.assertEqual(tp.at, T0_DT - timedelta(milliseconds=5))

    def test_duplicate_window(self):
        c = self.seed()
        self.assertFalse(self.store.record_touchpoint(c.code, "v").duplicate)
        self.clock.ms = T0 + 30 * MINUTE
        self.assertTrue(self.store.record_touchpoint(c.code, "v").duplicate)
        self.assertFalse(self.store.record_touchpoint(c.code, "other").duplicate)

    def test_bot_is_kept_but_flagged(self):
        c = self.seed()
        bot = self.store.record_touchpoint(c.code, "v", user_agent="Slackbot-LinkExpanding 1.0")
        self.assertTrue(bot.bot)
        self.assertTrue(bot.duplicate)
        person = self.store.record_touchpoint(c.code, "v", user_agent="Mozilla/5.0")
        self.assertFalse(person.bot)
        self.assertFalse(person.duplicate)  # a bot's touch is no earlier touch
        self.clock.ms = T0 + 61 * MINUTE
        self.assertFalse(self.store.record_touchpoint(c.code, "v").duplicate)

    def test_errors(self):
        c = self.seed()
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_touchpoint, "", "v")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_touchpoint, c.code,
                              "v", kind=9)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_touchpoint, c.code,
                              "v" * 256)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.record_touchpoint, c.code,
                              "v", landing_url="u" * 2049)
        self.store.disable_code(c.code)
        self.assertRaisesCode(referral.DisabledError, -15, self.store.record_touchpoint,
                              c.code, "v")


class TestBatch(StoreTestCase):
    def test_batch_records_all(self):
        c = self.seed()
        specs = [referral.TouchpointSpec(c.code, "v%d" % i, at=T0 + i) for i in range(50)]
        specs.append({"code": c.code, "visitor_id": "dict-visitor", "kind": "visit"})
        self.assertEqual(self.store.record_touchpoints(specs), 51)
        st = self.store.stats("spring")
        self.assertEqual(st.touchpoints, 51)
        self.assertEqual(st.unique_visitors, 51)

    def test_batch_is_all_or_nothing(self):
        c = self.seed()
        specs = [referral.TouchpointSpec(c.code, "v1"), referral.TouchpointSpec(c.code, None),
                 referral.TouchpointSpec(c.code, "v3")]
        err = self.assertRaisesCode(referral.InvalidError, -2, self.store.record_touchpoints,
                                    specs)
        self.assertIn("1", err.message)  # names the index of the bad spec
        self.assertEqual(self.store.stats("spring").touchpoints, 0)

    def test_batch_with_unresolvable_code(self):
        c = self.seed()
        self.store.disable_code(c.code)
        self.assertRaisesCode(referral.DisabledError, -15, self.store.record_touchpoints,
                              [referral.TouchpointSpec(c.code, "v")])

    def test_empty_batch(self):
        self.seed()
        self.assertEqual(self.store.record_touchpoints([]), 0)
        self.assertEqual(self.store.stats("spring").touchpoints, 0)

    def test_bad_mapping(self):
        with self.assertRaises(TypeError):
            self.store.record_touchpoints([{"code": "X", "visitor": "v"}])
