"""Codes: issue, resolve (and its distinct errors), get, disable, normalise."""
from datetime import timedelta

from support import DAY, T0, T0_DT, StoreTestCase, referral

ALPHABET = set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def foreign_code():
    """A well-formed code (valid check symbol) that this test's store never issued."""
    with referral.Store(":memory:") as other:
        other.create_program("x")
        other.add_advocate("x")
        return other.issue_code("x", "x").code


def typo(code):
    """The code with its first symbol replaced (the check symbol catches it)."""
    first = "2" if code[0] != "2" else "3"
    return first + code[1:]


class TestIssue(StoreTestCase):
    def test_random_code(self):
        c = self.seed(channel="whatsapp")
        self.assertEqual(len(c.code), 9)  # 8 random symbols + 1 check symbol
        self.assertTrue(set(c.code) <= ALPHABET, c.code)
        self.assertEqual(c.program, "spring")
        self.assertEqual(c.advocate, "alice")
        self.assertEqual(c.channel, referral.Channel.WHATSAPP)
        self.assertEqual(c.status, referral.RecordStatus.ACTIVE)
        self.assertFalse(c.vanity)
        self.assertIsNone(c.expires_at)
        self.assertIsNone(c.max_uses)
        self.assertEqual(c.uses, 0)
        self.assertEqual(c.created_at, T0_DT)
        self.assertEqual(str(c), c.display)
        self.assertEqual(self.store.get_code(c.code), c)

    def test_codes_of_an_advocate(self):
        first = self.seed(channel="email")
        second = self.store.issue_code("spring", "alice", vanity="ALICE-LIST")
        self.store.disable_code(second.code)
        self.store.create_program("autumn")
        third = self.store.issue_code("autumn", "alice")
        self.assertEqual([c.code for c in self.store.codes("alice", program="spring")],
                         [first.code, second.code])
        everywhere = self.store.codes("alice")
        self.assertEqual([c.code for c in everywhere], [first.code, second.code, third.code])
        self.assertEqual(everywhere[1].status, referral.RecordStatus.DISABLED)
        self.assertEqual(self.store.codes("alice", program="autumn")[0].program, "autumn")
        with self.assertRaises(referral.NotFoundError):
            self.store.codes("nobody")
        with self.assertRaises(referral.NotFoundError):
            self.store.codes("alice", program="nope")

    def test_codes_are_unique(self):
        self.seed()
        codes = {self.store.issue_code("spring", "alice").code for _ in range(200)}
        self.assertEqual(len(codes), 200)

    def test_vanity_code(self):
        c = self.seed(vanity="winter-deal")
        self.assertTrue(c.vanity)
        self.assertEqual(c.display, "WINTER-DEAL")
        self.assertEqual(c.code, referral.normalize_code("winter-deal"))
        self.assertEqual(self.store.resolve_code("Winter Deal").id, c.id)
        self.assertRaisesCode(referral.ExistsError, -4, self.store.issue_code, "spring",
                              "alice", vanity="WINTERDEAL")
        for bad in ("abc", "x" * 33, "no*pe"):
            self.assertRaisesCode(referral.InvalidError, -2, self.store.issue_code, "spring",
                                  "alice", vanity=bad)

    def test_limits(self):
        c = self.seed(expires_at=T0_DT + timedelta(days=2), max_uses=3, channel=7)
        self.assertEqual(c.expires_at, T0_DT + timedelta(days=2))
        self.assertEqual(c.max_uses, 3)
        self.assertEqual(c.channel, referral.Channel.QR)

    def test_issue_errors(self):
        self.seed()
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.issue_code, "nope", "alice")
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.issue_code, "spring", "bob")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.issue_code, "spring",
                              "alice", max_uses=-1)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.issue_code, "spring",
                              "alice", channel=42)
        self.store.deactivate_advocate("alice")
        self.assertRaisesCode(referral.DisabledError, -15, self.store.issue_code, "spring",
                              "alice")
        self.seed(program="other", advocate="bob")
        self.store.archive_program("other")
        self.assertRaisesCode(referral.DisabledError, -15, self.store.issue_code, "other", "bob")


class TestResolve(StoreTestCase):
    def test_resolve_forgiving_input(self):
        c = self.seed()
        lowered = c.code.lower()
        spaced = " ".join([lowered[:4], lowered[4:]])
        self.assertEqual(self.store.resolve_code(spaced).id, c.id)
        self.assertEqual(self.store.resolve_code(c.code[:3] + "-" + c.code[3:]).id, c.id)

    def test_each_failure_is_distinct(self):
        c = self.seed()
        self.assertRaisesCode(referral.CheckError, -13, self.store.resolve_code, typo(c.code))
        self.assertRaisesCode(referral.InvalidError, -2, self.store.resolve_code, "")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.resolve_code, "?!")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.resolve_code, "A" * 100)
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.resolve_code, foreign_code())

    def test_expired(self):
        c = self.seed(expires_at=T0 + DAY)
        self.assertEqual(self.store.resolve_code(c.code).id, c.id)
        self.clock.ms = T0 + DAY + 1
        self.assertRaisesCode(referral.ExpiredError, -14, self.store.resolve_code, c.code)
        self.assertRaisesCode(referral.ExpiredError, -14, self.store.record_touchpoint, c.code,
                              "v")
        self.assertEqual(self.store.get_code(c.code).id, c.id)  # get works in any state

    def test_disabled(self):
        c = self.seed()
        self.store.disable_code(c.code)
        self.store.disable_code(c.code)  # harmless
        self.assertEqual(self.store.get_code(c.code).status, referral.RecordStatus.DISABLED)
        self.assertRaisesCode(referral.DisabledError, -15, self.store.resolve_code, c.code)
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.disable_code, foreign_code())

    def test_inactive_advocate_or_archived_program(self):
        a = self.seed()
        b = self.seed(program="autumn", advocate="bob")
        self.store.deactivate_advocate("alice")
        self.assertRaisesCode(referral.DisabledError, -15, self.store.resolve_code, a.code)
        self.store.archive_program("autumn")
        self.assertRaisesCode(referral.DisabledError, -15, self.store.resolve_code, b.code)

    def test_exhausted(self):
        c = self.seed(max_uses=1)
        self.store.record_touchpoint(c.code, "v1")
        self.store.record_conversion("spring", "v1", "o1", value_minor=10, currency="EUR")
        self.assertEqual(self.store.get_code(c.code).uses, 1)
        self.assertRaisesCode(referral.ExhaustedError, -16, self.store.resolve_code, c.code)

    def test_get_missing(self):
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.get_code, foreign_code())
        self.assertRaisesCode(referral.InvalidError, -2, self.store.get_code, "")
