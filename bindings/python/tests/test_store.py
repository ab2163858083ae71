"""Store lifecycle, options, clock injection and the store-level errors."""
import gc
import os
import pathlib
import sqlite3
import threading
import unittest
from datetime import datetime, timedelta, timezone

from support import T0, T0_DT, Clock, StoreTestCase, referral


class TestLifecycle(StoreTestCase):
    def test_context_manager_closes(self):
        with referral.Store(os.path.join(self.tmp, "cm.db")) as s:
            self.assertFalse(s.closed)
            s.create_program("p")
        self.assertTrue(s.closed)
        self.assertIn("closed", repr(s))

    def test_close_twice_is_harmless(self):
        self.store.close()
        self.store.close()
        self.assertTrue(self.store.closed)

    def test_every_method_raises_misuse_after_close(self):
        self.seed()
        s = self.store
        s.close()
        calls = [
            s.check, s.now, lambda: s.create_program("q"), lambda: s.get_program("spring"),
            lambda: s.update_program("spring", "n"), lambda: s.archive_program("spring"),
            s.programs, lambda: s.add_advocate("b"), lambda: s.get_advocate("alice"),
            lambda: s.deactivate_advocate("alice"), s.advocate_page,
            lambda: list(s.advocates()), lambda: s.issue_code("spring", "alice"),
            lambda: s.resolve_code("ABCD"), lambda: s.get_code("ABCD"),
            lambda: s.disable_code("ABCD"), lambda: s.record_touchpoint("ABCD", "v"),
            lambda: s.record_touchpoints([]),
            lambda: s.record_conversion("spring", "v", "o"),
            lambda: s.get_conversion("spring", "o"), lambda: s.explain("spring", "o"),
            lambda: s.stats("spring"),
        ]
        for call in calls:
            with self.assertRaises(referral.MisuseError) as cm:
                call()
            self.assertEqual(cm.exception.code, -9)

    def test_garbage_collection_frees_the_handle(self):
        s = referral.Store(os.path.join(self.tmp, "gc.db"))
        finalizer = s._finalizer
        self.assertTrue(finalizer.alive)
        del s
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_data_persists_across_opens(self):
        self.store.create_program("kept", "Kept")
        self.store.close()
        with referral.Store(pathlib.Path(self.path), no_create=True) as s:
            self.assertEqual(s.get_program("kept").name, "Kept")

    def test_memory_store(self):
        with referral.Store(":memory:") as s:
            s.create_program("m")
            self.assertEqual([p.key for p in s.programs()], ["m"])

    def test_threads_share_a_store_safely(self):
        def add(prefix):
            for i in range(40):
                self.store.add_advocate("%s-%d" % (prefix, i))
        threads = [threading.Thread(target=add, args=(p,)) for p in "abc"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(list(self.store.advocates())), 120)

    @unittest.skipUnless(hasattr(os, "fork"), "needs fork")
    def test_use_in_forked_child_is_misuse(self):
        self.store.create_program("p")
        pid = os.fork()
        if pid == 0:  # child: the library must refuse the inherited handle
            status = 1
            try:
                self.store.get_program("p")
            except referral.MisuseError:
                status = 0
            except BaseException:
                status = 2
            os._exit(status)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode")
                         else status >> 8, 0)
        self.assertEqual(self.store.get_program("p").key, "p")  # parent unaffected


class TestOpenErrors(StoreTestCase):
    def test_no_create_missing_file(self):
        missing = os.path.join(self.tmp, "missing.db")
        self.assertRaisesCode(referral.NotFoundError, -3, referral.Store, missing, no_create=True)
        self.assertFalse(os.path.exists(missing))

    def test_not_a_database(self):
        junk = os.path.join(self.tmp, "junk.db")
        with open(junk, "wb") as f:
            f.write(b"this is not sqlite" * 100)
        self.assertRaisesCode(referral.NotADatabaseError, -12, referral.Store, junk)
        with open(junk, "rb") as f:
            self.assertTrue(f.read().startswith(b"this is not sqlite"))  # untouched

    def test_foreign_sqlite_database(self):
        other = os.path.join(self.tmp, "other.db")
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        self.assertRaisesCode(referral.NotADatabaseError, -12, referral.Store, other)

    def test_newer_schema(self):
        self.store.close()
        con = sqlite3.connect(self.path)
        con.execute("PRAGMA user_version = 9999")
        con.commit()
        con.close()
        self.assertRaisesCode(referral.VersionError, -8, referral.Store, self.path)

    def test_unopenable_path(self):
        bad = os.path.join(self.tmp, "no", "such", "dir", "x.db")
        self.assertRaisesCode(referral.IoError, -11, referral.Store, bad)

    def test_bad_options(self):
        p = os.path.join(self.tmp, "o.db")
        self.assertRaisesCode(referral.InvalidError, -2, referral.Store, p, busy_timeout_ms=-1)
        self.assertRaisesCode(referral.InvalidError, -2, referral.Store, p, cache_size_kib=1)
        self.assertRaisesCode(referral.InvalidError, -2, referral.Store, p, durability=7)
        with self.assertRaises(referral.InvalidError):
            referral.Store(p, busy_timeout_ms=2 ** 40)
        with self.assertRaises(referral.InvalidError):
            referral.Store("a\0b")

    def test_good_options(self):
        p = os.path.join(self.tmp, "full.db")
        with referral.Store(p, busy_timeout_ms=10, durability="full", cache_size_kib=1024) as s:
            s.create_program("x")
        with referral.Store(p, durability=referral.Durability.NORMAL, no_create=True) as s:
            self.assertEqual(s.get_program("x").key, "x")

    def test_busy(self):
        self.store.create_program("p")
        blocker = sqlite3.connect(self.path, isolation_level=None)
        try:
            blocker.execute("BEGIN IMMEDIATE")  # hold the write lock
            with referral.Store(self.path, busy_timeout_ms=50) as s:
                err = self.assertRaisesCode(referral.BusyError, -6, s.create_program, "q")
                self.assertNotEqual(err.db_code, 0)  # SQLITE_BUSY family
                self.assertEqual(err.db_code & 0xFF, 5)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        self.store.create_program("q")  # works once the lock is gone


class TestCheck(StoreTestCase):
    def test_check_ok_then_corrupt(self):
        code = self.seed()
        self.store.record_touchpoint(code.code, "v1")
        self.store.record_conversion("spring", "v1", "o1", value_minor=100, currency="EUR")
        self.assertIsNone(self.store.check())
        con = sqlite3.connect(self.path)
        con.execute("UPDATE credit SET value_minor = value_minor + 1")
        con.commit()
        con.close()
        err = self.assertRaisesCode(referral.CorruptError, -10, self.store.check)
        self.assertIn("add up", err.message)


class TestClock(StoreTestCase):
    def test_now_uses_injected_clock(self):
        self.assertEqual(self.store.now(), T0_DT)
        self.clock.ms = T0 + 1234
        self.assertEqual(self.store.now(), T0_DT + timedelta(milliseconds=1234))
        self.assertGreater(self.clock.calls, 0)

    def test_clock_returning_datetime(self):
        when = datetime(2030, 5, 6, 7, 8, 9, 10000, tzinfo=timezone(timedelta(hours=2)))
        with referral.Store(":memory:", clock=lambda: when) as s:
            self.assertEqual(s.now(), when)
            self.assertEqual(s.now().tzinfo, timezone.utc)
            self.assertEqual(s.create_program("p").created_at, when)

    def test_system_clock(self):
        with referral.Store(":memory:") as s:
            delta = abs(s.now() - datetime.now(timezone.utc))
            self.assertLess(delta, timedelta(seconds=5))

    def test_clock_exception_is_raised_after_the_call(self):
        state = {"fail": False}

        def clock():
            if state["fail"]:
                raise RuntimeError("clock broke")
            return T0
        with referral.Store(":memory:", clock=clock) as s:
            state["fail"] = True
            with self.assertRaisesRegex(RuntimeError, "clock broke"):
                s.now()
            state["fail"] = False
            self.assertEqual(s.now(), T0_DT)  # still usable

    def test_clock_returning_garbage(self):
        with referral.Store(":memory:", clock=lambda: "noon") as s:
            with self.assertRaises(TypeError):
                s.now()

    def test_clock_keeps_working_after_gc(self):
        s = referral.Store(":memory:", clock=Clock(T0 + 5))
        gc.collect()  # the C callback must still be alive
        self.assertEqual(s.now(), T0_DT + timedelta(milliseconds=5))
        s.close()


if __name__ == "__main__":
    unittest.main()
