"""A PEP 517/660 build backend for the `referral` package, standard library only.

Why not setuptools: setuptools < 70 needs the separate `wheel` package to build
a wheel, and the default interpreter here (pyenv 3.11.7) has setuptools but no
`wheel`; PyPI cannot be reached to fetch it. This backend needs nothing, so
`pip install ./bindings/python` works offline with or without build isolation.
The package is pure Python, so a wheel is just a zip with metadata.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "referral"
SUMMARY = ("Python bindings (ctypes, standard library only) for libreferral, "
           "an embeddable referral-program library")
REQUIRES_PYTHON = ">=3.9"
TAG = "py3-none-any"
EPOCH = (1980, 1, 1, 0, 0, 0)  # reproducible archives


def _version():
    with open(os.path.join(ROOT, NAME, "__init__.py"), encoding="utf-8") as f:
        return re.search(r'^__version__ = "([^"]+)"', f.read(), re.M).group(1)


def _dist_info():
    return "%s-%s.dist-info" % (NAME, _version())


def _package_files():
    """(archive name, path) of every file of the package, sorted."""
    out = []
    for folder, dirs, files in os.walk(os.path.join(ROOT, NAME)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".typed")):
                path = os.path.join(folder, name)
                out.append((os.path.relpath(path, ROOT).replace(os.sep, "/"), path))
    return out


def _metadata():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\n"
            "Requires-Python: %s\nClassifier: Programming Language :: Python :: 3\n"
            "Description-Content-Type: text/markdown\n\n%s"
            % (NAME, _version(), SUMMARY, REQUIRES_PYTHON, readme))


def _meta_files():
    wheel = "Wheel-Version: 1.0\nGenerator: referral_build\nRoot-Is-Purelib: true\nTag: %s\n" % TAG
    return {"METADATA": _metadata(), "WHEEL": wheel, "top_level.txt": NAME + "\n"}


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d\n" % (name, digest, len(data))


def _write_wheel(directory, entries):
    """Write a wheel from (archive name, bytes) entries plus dist-info; return its name."""
    dist_info = _dist_info()
    entries = list(entries) + [("%s/%s" % (dist_info, k), v.encode("utf-8"))
                               for k, v in sorted(_meta_files().items())]
    record_name = "%s/RECORD" % dist_info
    record = "".join(_record_line(n, d) for n, d in entries) + "%s,,\n" % record_name
    filename = "%s-%s-%s.whl" % (NAME, _version(), TAG)
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries + [(record_name, record.encode("utf-8"))]:
            info = zipfile.ZipInfo(name, EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return filename


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# -- PEP 517 ----------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    target = os.path.join(metadata_directory, _dist_info())
    os.makedirs(target, exist_ok=True)
    for name, text in _meta_files().items():
        with open(os.path.join(target, name), "w", encoding="utf-8") as f:
            f.write(text)
    return _dist_info()


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(n, _read(p)) for n, p in _package_files()])


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (NAME, _version())
    filename = base + ".tar.gz"
    names = [n for n, _ in _package_files()] + ["pyproject.toml", "README.md",
                                                 "_build/referral_build.py"]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        for name in names:
            tar.add(os.path.join(ROOT, name), arcname="%s/%s" % (base, name))
        pkg_info = _metadata().encode("utf-8")
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        info.size = len(pkg_info)
        tar.addfile(info, io.BytesIO(pkg_info))
    return filename


# -- PEP 660 (pip install -e) ----------------------------------------------

get_requires_for_build_editable = get_requires_for_build_wheel
prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    pth = (ROOT + "\n").encode("utf-8")  # puts the source tree on sys.path
    return _write_wheel(wheel_directory, [("_referral_editable.pth", pth)])
