"""Advocates: add, get, deactivate, paginated listing."""
from support import T0_DT, StoreTestCase, referral


class TestAdvocates(StoreTestCase):
    def test_add_defaults(self):
        a = self.store.add_advocate("cust-1")
        self.assertEqual(a.external_id, "cust-1")
        self.assertEqual(a.kind, referral.AdvocateKind.CUSTOMER)
        self.assertEqual(a.display_name, "")
        self.assertEqual(a.status, referral.RecordStatus.ACTIVE)
        self.assertTrue(a.active)
        self.assertFalse(a.has_email)
        self.assertEqual(a.created_at, T0_DT)
        self.assertEqual(self.store.get_advocate("cust-1"), a)

    def test_add_full(self):
        a = self.store.add_advocate("emp-7", kind="EMPLOYEE", display_name="Zo\u00eb",
                                    email=" Zoe@Example.com ")
        self.assertEqual(a.kind, referral.AdvocateKind.EMPLOYEE)
        self.assertEqual(a.display_name, "Zo\u00eb")
        self.assertTrue(a.has_email)
        self.assertNotIn("email", vars(a))  # never comes back
        for kind in referral.AdvocateKind:
            b = self.store.add_advocate("k%d" % kind, kind=int(kind))
            self.assertIs(b.kind, kind)

    def test_add_errors(self):
        self.store.add_advocate("a")
        self.assertRaisesCode(referral.ExistsError, -4, self.store.add_advocate, "a")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.add_advocate, "")
        self.assertRaisesCode(referral.InvalidError, -2, self.store.add_advocate, "x" * 256)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.add_advocate, "b",
                              display_name="n" * 256)
        self.assertRaisesCode(referral.InvalidError, -2, self.store.add_advocate, None)

    def test_get_missing(self):
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.get_advocate, "ghost")

    def test_deactivate(self):
        self.store.add_advocate("a")
        self.store.deactivate_advocate("a")
        self.store.deactivate_advocate("a")  # harmless
        a = self.store.get_advocate("a")
        self.assertEqual(a.status, referral.RecordStatus.INACTIVE)
        self.assertFalse(a.active)
        self.assertRaisesCode(referral.NotFoundError, -3, self.store.deactivate_advocate, "b")

    def test_pagination(self):
        ids = ["adv-%03d" % i for i in range(250)]
        for i in ids:
            self.store.add_advocate(i)
        page, cursor = self.store.advocate_page(0, 100)
        self.assertEqual([a.external_id for a in page], ids[:100])
        self.assertNotEqual(cursor, 0)
        page, cursor = self.store.advocate_page(cursor, 100)
        self.assertEqual([a.external_id for a in page], ids[100:200])
        page, cursor = self.store.advocate_page(cursor, 100)
        self.assertEqual([a.external_id for a in page], ids[200:])
        self.assertEqual(cursor, 0)
        self.assertEqual([a.external_id for a in self.store.advocates(page_size=7)], ids)
        self.assertEqual(len(self.store.advocate_page(0, 0)[0]), 100)  # 0 means 100
        self.assertRaisesCode(referral.InvalidError, -2, self.store.advocate_page, 0, 1001)

    def test_iterator_is_lazy(self):
        for i in range(5):
            self.store.add_advocate("a%d" % i)
        it = self.store.advocates(page_size=2)
        self.assertEqual(next(it).external_id, "a0")
        self.store.add_advocate("a5")  # keyset pagination sees later inserts
        self.assertEqual([a.external_id for a in it], ["a1", "a2", "a3", "a4", "a5"])

    def test_empty(self):
        self.assertEqual(list(self.store.advocates()), [])
        self.assertEqual(self.store.advocate_page(), ([], 0))
