"""Library-level functions, and the declarations checked against the C headers."""
import ctypes
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from support import REPO_ROOT, referral
from referral import _ffi
from referral.enums import NAMED


def layout_lines():
    """Output of bindings/parity/layout.c: from $REFERRAL_LAYOUT or compiled here."""
    tool = os.environ.get("REFERRAL_LAYOUT")
    tmp = None
    if not tool:
        cc = shutil.which("cc") or shutil.which("gcc")
        source = os.path.join(REPO_ROOT, "bindings", "parity", "layout.c")
        include = os.path.join(REPO_ROOT, "include")
        if not cc or not os.path.exists(source):
            raise unittest.SkipTest("no layout tool and no compiler")
        tmp = tempfile.mkdtemp()
        tool = os.path.join(tmp, "layout")
        subprocess.run([cc, "-std=c11", "-I", include, source, "-o", tool], check=True)
    try:
        out = subprocess.run([tool], check=True, stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
    finally:
        if tmp:
            shutil.rmtree(tmp)
    return [line.split() for line in out.splitlines()]


class TestLayout(unittest.TestCase):
    """ctypes declarations match the compiler's sizes, offsets and constants."""

    @classmethod
    def setUpClass(cls):
        cls.lines = layout_lines()

    def test_struct_sizes_and_offsets(self):
        checked = 0
        for words in self.lines:
            if words[0] in ("const", "enum"):
                continue
            name, value = words[0], int(words[1])
            if "." in name:
                struct, field = name.split(".")
                self.assertEqual(getattr(_ffi.STRUCTS[struct], field).offset, value, name)
            else:
                self.assertEqual(ctypes.sizeof(_ffi.STRUCTS[name]), value, name)
            checked += 1
        self.assertEqual(len({w[0].split(".")[0] for w in self.lines
                              if w[0] not in ("const", "enum")}), len(_ffi.STRUCTS))
        self.assertGreater(checked, 150)

    def test_every_field_is_checked(self):
        seen = {w[0] for w in self.lines}
        for name, cls in _ffi.STRUCTS.items():
            for field, _type in cls._fields_:
                self.assertIn("%s.%s" % (name, field), seen)

    def test_constants(self):
        consts = {w[1]: int(w[2]) for w in self.lines if w[0] == "const"}
        self.assertEqual(consts["RF_STORE_OPTIONS_VERSION"], _ffi.STORE_OPTIONS_VERSION)
        self.assertEqual(consts["RF_PROGRAM_RULES_VERSION"], _ffi.PROGRAM_RULES_VERSION)
        self.assertEqual(consts["RF_ADVOCATE_SPEC_VERSION"], _ffi.ADVOCATE_SPEC_VERSION)
        self.assertEqual(consts["RF_CODE_SPEC_VERSION"], _ffi.CODE_SPEC_VERSION)
        self.assertEqual(consts["RF_TOUCHPOINT_SPEC_VERSION"], _ffi.TOUCHPOINT_SPEC_VERSION)
        self.assertEqual(consts["RF_CONVERSION_SPEC_VERSION"], _ffi.CONVERSION_SPEC_VERSION)
        self.assertEqual(consts["RF_STATS_QUERY_VERSION"], _ffi.STATS_QUERY_VERSION)
        self.assertEqual(consts["RF_REFUND_SPEC_VERSION"], _ffi.REFUND_SPEC_VERSION)
        self.assertEqual(consts["RF_PATHS_OPTIONS_VERSION"], _ffi.PATHS_OPTIONS_VERSION)
        self.assertEqual(consts["RF_CUSTOM_WEIGHTS_MAX"], _ffi.CUSTOM_WEIGHTS_MAX)
        self.assertEqual(consts["RF_PATH_MAX_STEPS"], _ffi.PATH_MAX_STEPS)
        self.assertEqual(consts["RF_PATH_MAX_CHANNELS"], _ffi.PATH_MAX_CHANNELS)
        self.assertEqual(consts["RF_CODE_BUFSIZE"], _ffi.CODE_BUFSIZE)
        self.assertEqual(consts["RF_EMAIL_BUFSIZE"], _ffi.EMAIL_BUFSIZE)
        self.assertEqual(consts["RF_STORE_NO_CREATE"], _ffi.STORE_NO_CREATE)
        self.assertEqual(consts["RF_LIST_INCLUDE_ARCHIVED"], _ffi.LIST_INCLUDE_ARCHIVED)
        self.assertEqual(consts["RF_EXPORT_OPTIONS_VERSION"], _ffi.EXPORT_OPTIONS_VERSION)
        self.assertEqual(consts["RF_IMPORT_OPTIONS_VERSION"], _ffi.IMPORT_OPTIONS_VERSION)
        self.assertEqual(consts["RF_EXPORT_PSEUDONYMS"], _ffi.EXPORT_PSEUDONYMS)
        self.assertEqual(consts["RF_IMPORT_MAX_RECORD"], _ffi.IMPORT_MAX_RECORD)
        self.assertEqual(consts["RF_ENGAGEMENT_CONFIG_VERSION"], _ffi.ENGAGEMENT_CONFIG_VERSION)
        self.assertEqual(consts["RF_OUTBOX_ALL"], _ffi.OUTBOX_ALL)
        self.assertEqual(consts["RF_SEGMENT_BUFSIZE"], _ffi.SEGMENT_BUFSIZE)
        self.assertEqual(consts["RF_TESTIMONIAL_SPEC_VERSION"], _ffi.TESTIMONIAL_SPEC_VERSION)
        self.assertEqual(consts["RF_TESTIMONIAL_QUERY_VERSION"], _ffi.TESTIMONIAL_QUERY_VERSION)
        self.assertEqual(consts["RF_REFERENCE_QUERY_VERSION"], _ffi.REFERENCE_QUERY_VERSION)
        self.assertEqual((consts["RF_VERSION_MAJOR"], consts["RF_VERSION_MINOR"]), _ffi.ABI)

    def test_enumerators(self):
        enums = {w[1]: int(w[2]) for w in self.lines if w[0] == "enum"}
        for code, cls in referral.ERRORS.items():
            self.assertIn(code, enums.values())
        statuses = {k: v for k, v in enums.items() if re.match(r"RF_E[A-Z]+$|RF_ERROR$", k)}
        self.assertEqual(sorted(statuses.values()), sorted(referral.ERRORS))
        self.assertEqual(enums["RF_DUPLICATE"], referral.errors.RF_DUPLICATE)
        prefixes = {referral.Model: "RF_MODEL_", referral.AdvocateKind: "RF_ADVOCATE_",
                    referral.Channel: "RF_CHANNEL_", referral.TouchpointKind: "RF_TOUCH_",
                    referral.ConversionKind: "RF_CONVERSION_", referral.RecordStatus: "RF_STATUS_",
                    referral.Durability: "RF_DURABILITY_", referral.Target: "RF_TARGET_"}
        for cls, prefix in prefixes.items():
            c_values = sorted(v for k, v in enums.items() if k.startswith(prefix)
                              and k[len(prefix):] not in ("SPEC_VERSION",))
            self.assertEqual(c_values, sorted(int(m) for m in cls), cls.__name__)
        model_names = {k[len("RF_MODEL_"):]: v for k, v in enums.items()
                       if k.startswith("RF_MODEL_")}
        for name, value in model_names.items():  # LAST_TOUCH in C is Model.LAST here
            self.assertEqual(referral.Model[name.replace("_TOUCH", "")], value, name)
        for t in referral.EnumType:
            self.assertEqual(enums["RF_ENUM_" + t.name], int(t))


class TestCompleteness(unittest.TestCase):
    """Every public C function has a declaration (a missing one is a binding gap)."""

    def test_every_header_function_is_declared(self):
        headers = glob.glob(os.path.join(REPO_ROOT, "include", "referral", "*.h"))
        if not headers:
            self.skipTest("headers not found")
        names = set()
        for header in headers:
            with open(header, encoding="utf-8") as f:
                names.update(re.findall(r"RF_EXTERN[^;(]*?\b(rf_\w+)\s*\(", f.read()))
        self.assertGreaterEqual(len(names), 62)
        self.assertEqual(names, set(_ffi.SIGNATURES))

    def test_every_declaration_has_types(self):
        lib = _ffi.lib()
        for name in _ffi.SIGNATURES:
            fn = getattr(lib, name)
            self.assertIsNotNone(fn.argtypes, name)
            self.assertEqual(fn.restype, _ffi.SIGNATURES[name][0], name)


class TestModuleFunctions(unittest.TestCase):
    def test_version(self):
        major, minor, patch = referral.version()
        self.assertEqual((major, minor), _ffi.ABI)
        self.assertEqual(referral.version_string(), "%d.%d.%d" % (major, minor, patch))

    def test_schema_version(self):
        self.assertGreaterEqual(referral.schema_version(), 8)
        consts = {w[1]: int(w[2]) for w in layout_lines() if w[0] == "const"}
        self.assertEqual(referral.schema_version(), consts["RF_SCHEMA_VERSION"])

    def test_strerror(self):
        self.assertEqual(referral.strerror(0), referral.strerror(referral.errors.RF_OK))
        texts = {referral.strerror(code) for code in referral.ERRORS}
        self.assertEqual(len(texts), len(referral.ERRORS))  # all distinct
        self.assertEqual(referral.strerror(12345), "unknown status")

    def test_last_error_and_clear(self):
        with self.assertRaises(referral.InvalidError):
            referral.normalize_code("!!")
        err = referral.last_error()
        self.assertIsInstance(err, referral.InvalidError)
        self.assertEqual(err.code, -2)
        referral.clear_error()
        err = referral.last_error()
        self.assertEqual(err.code, 0)
        self.assertEqual(err.message, "no error")

    def test_enum_names_round_trip(self):
        for cls, type_ in NAMED.items():
            for member in cls:
                name = referral.enum_name(type_, member)
                self.assertEqual(name, member.name.lower().replace("_", "-"))
                self.assertEqual(referral.name_of(member), name)
                self.assertEqual(referral.enum_parse(type_, name.upper()), member)
            self.assertIsNone(referral.enum_name(type_, 999))
            with self.assertRaises(referral.InvalidError):
                referral.enum_parse(type_, "no-such-name")
        self.assertEqual([referral.enum_name(referral.EnumType.MODEL, m) for m in referral.Model],
                         ["last", "first", "last-non-direct", "linear", "time-decay",
                          "position", "custom", "markov", "shapley"])
        self.assertIsNone(referral.enum_name(99, 1))
        with self.assertRaises(referral.InvalidError):
            referral.enum_parse(99, "last")

    def test_normalize_code(self):
        self.assertEqual(referral.normalize_code("ab-cd ef"), "ABCDEF")
        self.assertEqual(referral.normalize_code("iIlLoO"), "111100")
        for bad in ("", "---", "AB*CD", "U" * 50, "a\u00e9"):
            with self.assertRaises(referral.InvalidError, msg=bad):
                referral.normalize_code(bad)
        with self.assertRaises(referral.InvalidError):
            referral.normalize_code("AB\0CD")
        with self.assertRaises(referral.InvalidError):  # NULL, rejected by C
            referral.normalize_code(None)
        with self.assertRaises(TypeError):
            referral.normalize_code(b"ABC")

    def test_load_library(self):
        path = referral.load_library()
        self.assertEqual(referral.load_library(path), path)
        with self.assertRaises(referral.MisuseError):
            referral.load_library("/nonexistent/libreferral.so")

    def test_candidates(self):
        self.assertEqual(list(_ffi.candidates("/x/lib.so")), ["/x/lib.so"])
        old = os.environ.get(_ffi.ENV_VAR)
        try:
            os.environ[_ffi.ENV_VAR] = "/y/lib.so"
            self.assertEqual(list(_ffi.candidates()), ["/y/lib.so"])
            del os.environ[_ffi.ENV_VAR]
            found = list(_ffi.candidates())
            self.assertEqual(found[-1], "libreferral.so.0.1")
        finally:
            if old is not None:
                os.environ[_ffi.ENV_VAR] = old

    def test_missing_library_reports_where_it_looked(self):
        code = ("import sys; sys.path.insert(0, %r); import referral\n"
                "try:\n    referral.load_library('/nonexistent/libreferral.so')\n"
                "except referral.Error as e:\n    print(type(e).__name__, e.code, e)\n"
                % os.path.dirname(os.path.dirname(referral.__file__)))
        out = subprocess.run([__import__("sys").executable, "-c", code], check=True,
                             stdout=subprocess.PIPE, universal_newlines=True).stdout
        self.assertIn("InternalError -1 libreferral not found", out)
        self.assertIn("/nonexistent/libreferral.so", out)


if __name__ == "__main__":
    unittest.main()
