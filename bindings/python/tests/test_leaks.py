"""No C memory is leaked: every object the library returns is freed, on every path.

Measures the C heap (glibc mallinfo2: bytes in use) around thousands of calls
after a warm-up. The store's page cache is capped so it cannot grow; a leak of
even one small object per call would show as megabytes.
"""
import ctypes
import ctypes.util
import gc
import os
import shutil
import tempfile
import unittest

from support import T0, Clock, referral


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def _mallinfo():
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    if not hasattr(libc, "mallinfo2"):
        raise unittest.SkipTest("glibc mallinfo2 not available")
    fn = libc.mallinfo2
    fn.restype, fn.argtypes = _MallInfo2, []
    return lambda: fn().uordblks + fn().hblkhd


def _unconverting(paths):
    paths.add("a", nulls=1)
    return paths


ROUNDS = 1500
BUDGET = 64 * 1024  # bytes of growth tolerated (measured noise: 0 to ~20 KiB)


@unittest.skipIf(os.environ.get("LD_PRELOAD"), "sanitizer runtime changes malloc")
class TestNoLeaks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.in_use = staticmethod(_mallinfo())

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.clock = Clock()
        self.store = referral.Store(os.path.join(self.tmp, "leak.db"), cache_size_kib=64,
                                    clock=self.clock)
        s = self.store
        s.create_program("p")
        for i in range(3):
            s.add_advocate("a%d" % i)
        self.code = s.issue_code("p", "a0").code
        s.record_touchpoint(self.code, "v0")
        s.record_touchpoint(s.issue_code("p", "a1").code, "v0")
        s.record_conversion("p", "v0", "o0", value_minor=100, currency="EUR")
        s.record_touchpoint(self.code, "n0")  # a journey without conversion

    def tearDown(self):
        self.store.close()
        shutil.rmtree(self.tmp)

    def measure(self, step):
        for i in range(200):  # warm up caches, statement cache, free lists
            step(i)
        gc.collect()
        before = self.in_use()
        for i in range(200, 200 + ROUNDS):
            step(i)
        gc.collect()
        growth = self.in_use() - before
        self.assertLess(growth, BUDGET, "C heap grew by %d bytes over %d rounds" % (growth, ROUNDS))

    def test_reads(self):
        s, code = self.store, self.code

        def step(_i):
            s.get_program("p")
            s.programs(include_archived=True)
            s.get_advocate("a1")
            list(s.advocates(page_size=2))
            s.resolve_code(code)
            s.get_code(code)
            s.get_conversion("p", "o0")
            s.explain("p", "o0")
            s.stats("p")
            s.stats("p", "a0")
            s.now()
            referral.normalize_code(code)
            s.replay("p", model="linear")
            s.fit_model("p", "markov" if _i % 2 else "shapley")  # stores the fit; same data
            with referral.Paths(model="markov") as paths:
                paths.add("email > qr", 2, 10.5, 1)
                paths.add(["qr"], 1, 3)
                paths.result()
        self.measure(step)

    def test_attribution_writes(self):
        s, code = self.store, self.code

        def step(i):
            self.clock.ms = T0 + i * 1000
            s.record_conversion("p", "v%d" % i, "c%d" % i, value_minor=100, currency="EUR",
                                customer_id="cust%d" % (i % 7), code=code)
            s.refund("p", "c%d" % i, "r", 10)
            s.refund("p", "c%d" % i, "r", 10)  # duplicate
            s.refund("p", "c%d" % i, "full")
            s.identify("x%d" % i, "cust%d" % (i % 7))
            s.update_program("p", rules=referral.ProgramRules(
                model="custom", custom_weights=[i % 5 + 1, 1]))
        self.measure(step)

    def test_writes(self):
        s, code = self.store, self.code

        def step(i):
            self.clock.ms = T0 + i * 1000
            s.record_touchpoint(code, "v%d" % i)
            s.record_touchpoints([referral.TouchpointSpec(code, "b%d" % i)])
            s.record_conversion("p", "v%d" % i, "w%d" % i, value_minor=i, currency="EUR")
            s.record_conversion("p", "v%d" % i, "w%d" % i, value_minor=i, currency="EUR")  # dup
            s.add_advocate("n%d" % i)
            s.issue_code("p", "a1")
            s.update_program("p", name="name %d" % i)
        self.measure(step)

    def test_error_paths(self):
        s, code = self.store, self.code
        calls = [lambda: s.get_program("nope"), lambda: s.create_program("p"),
                 lambda: s.resolve_code("2" + code[1:] if code[0] != "2" else "3" + code[1:]),
                 lambda: s.record_conversion("p", "v0", "o0", value_minor=1, currency="EUR"),
                 lambda: s.explain("p", "nope"), lambda: s.stats("p", "ghost"),
                 lambda: s.record_touchpoints([referral.TouchpointSpec(code, None)]),
                 lambda: referral.normalize_code("!!"),
                 lambda: s.refund("p", "o0", "r", 10 ** 6),
                 lambda: s.refund("p", "nope", "r"),
                 lambda: s.fit_model("p", "linear"),
                 lambda: s.replay("nope"),
                 lambda: s.identify("", "c"),
                 lambda: s.create_program("bad", rules=referral.ProgramRules(
                     model="custom", custom_weights=[0])),
                 lambda: referral.Paths(model="custom"),
                 lambda: referral.Paths().add("", 1),
                 lambda: _unconverting(referral.Paths(model="markov")).result()]

        def step(_i):
            for call in calls:
                with self.assertRaises(referral.Error):
                    call()
        self.measure(step)

    def test_open_close(self):
        path = os.path.join(self.tmp, "oc.db")

        def step(_i):
            with referral.Store(path, clock=Clock(), cache_size_kib=64) as s:
                s.now()
            try:
                referral.Store(os.path.join(self.tmp, "missing.db"), no_create=True)
            except referral.NotFoundError:
                pass
        self.measure(step)


if __name__ == "__main__":
    unittest.main()
