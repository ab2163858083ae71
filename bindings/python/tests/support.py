"""Shared fixtures for the binding tests (imported by every test module)."""
import os
import shutil
import sys
import tempfile
import unittest
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)          # bindings/python
REPO_ROOT = os.path.dirname(os.path.dirname(PACKAGE_ROOT))
# Test the package next to these tests, unless told to test an installed one.
if not os.environ.get("REFERRAL_TEST_INSTALLED"):
    sys.path.insert(0, PACKAGE_ROOT)

import referral  # noqa: E402

T0 = 1767225600000  # 2026-01-01T00:00:00Z
T0_DT = datetime(2026, 1, 1, tzinfo=timezone.utc)
MINUTE = 60 * 1000
HOUR = 60 * MINUTE
DAY = 24 * HOUR


class Clock:
    """An injectable clock the test moves by hand."""

    def __init__(self, ms=T0):
        self.ms = ms
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.ms


class StoreTestCase(unittest.TestCase):
    """Each test gets a temporary directory and a store on a file in it."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="referral-py-")
        self.path = os.path.join(self.tmp, "test.db")
        self.clock = Clock()
        self.store = referral.Store(self.path, clock=self.clock)

    def tearDown(self):
        self.store.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def seed(self, program="spring", advocate="alice", vanity=None, **code_args):
        """A program, an advocate and one code; returns the code."""
        try:
            self.store.get_program(program)
        except referral.NotFoundError:
            self.store.create_program(program)
        try:
            self.store.get_advocate(advocate)
        except referral.NotFoundError:
            self.store.add_advocate(advocate)
        return self.store.issue_code(program, advocate, vanity=vanity, **code_args)

    def assertRaisesCode(self, cls, code, fn, *args, **kwargs):
        """fn raises exactly cls with the given status code and a message."""
        with self.assertRaises(cls) as cm:
            fn(*args, **kwargs)
        self.assertIs(type(cm.exception), cls)
        self.assertEqual(cm.exception.code, code)
        self.assertTrue(cm.exception.message)
        return cm.exception
