"""Exports and imports (``include/referral/export.h``).

    csv = store.export("spring", "conversions")                  # bytes
    with open("touches.json", "wb") as f:
        rows = store.export_to(f, "spring", "touchpoints", format="json")
    rows = store.import_csv("spring", "touchpoints", open("touches.csv", "rb"))

Exports stream in chunks of whole rows; imports read the source a block at
a time and record every row in one transaction (all or nothing; a bad row
raises an error naming its line and column).
"""
from __future__ import annotations

import ctypes
from ctypes import byref, c_int64
from typing import Any, Callable, Dict, Optional, Union

from . import _ffi
from ._callback import Callback
from ._convert import TimeLike, ms_from_time, text_in
from .errors import Error, invalid

#: What an export holds (rf_export_what) and its formats (rf_export_format).
WHATS: Dict[str, int] = {"touchpoints": 1, "conversions": 2, "attributions": 3, "codes": 4,
                         "rewards": 5, "scores": 6}
FORMATS: Dict[str, int] = {"csv": 1, "json": 2}

Sink = Union[Callable[[bytes], Any], Any]   # a callable or a binary file (write)
Source = Union[bytes, str, Any]             # bytes, text or a binary file (read)


def _choice(table: Dict[str, int], value: Any, what: str) -> int:
    if isinstance(value, str) and value.lower() in table:
        return table[value.lower()]
    raise invalid("%s: expected one of %s, got %r" % (what, ", ".join(table), value))


class _Writer(Callback):
    """An ``rf_export_fn`` over a Python sink; an exception stops the export."""

    def __init__(self, sink: Sink) -> None:
        self.write = sink if callable(sink) else sink.write
        super().__init__(_ffi.ExportFn, 1)

    def _call(self, _payload: Any, data: int, size: int) -> int:
        self.write(ctypes.string_at(data, size))
        return 0


class _Reader(Callback):
    """An ``rf_import_fn`` over bytes or a binary file; an exception stops the import."""

    def __init__(self, source: Source) -> None:
        if isinstance(source, str):
            source = source.encode("utf-8")
        self.data = source if isinstance(source, (bytes, bytearray)) else None
        self.file = None if self.data is not None else source
        self.pos = 0
        super().__init__(_ffi.ImportFn, -1)

    def _call(self, _payload: Any, buf: int, size: int) -> int:
        if self.data is not None:
            chunk = bytes(self.data[self.pos:self.pos + size])
            self.pos += len(chunk)
        else:
            chunk = self.file.read(size)
            if isinstance(chunk, str):
                raise TypeError("import source must be opened in binary mode")
            if len(chunk) > size:
                raise ValueError("read() returned more than asked")
        ctypes.memmove(buf, chunk, len(chunk))
        return len(chunk)


class ExportsMixin:
    """Store methods for exports and imports (mixed into :class:`Store`)."""

    _call: Any

    def export_to(self, sink: Sink, program: str, what: str = "touchpoints", *,
                  format: str = "csv", start: Optional[TimeLike] = None,
                  end: Optional[TimeLike] = None, pseudonyms: bool = False) -> int:
        """Stream an export into ``sink`` (a binary file or a callable taking
        bytes), chunk by chunk; returns the number of rows. ``what``:
        touchpoints, conversions, attributions or codes; ``format``: csv or
        json; ``pseudonyms`` replaces visitor and customer ids with keyed hashes."""
        opts = _ffi.rf_export_options()
        _ffi.lib().rf_export_options_init(byref(opts), _ffi.EXPORT_OPTIONS_VERSION)
        opts.program = text_in(program, "program")
        opts.what = _choice(WHATS, what, "what")
        opts.format = _choice(FORMATS, format, "format")
        opts.from_ms = ms_from_time(start, "start")
        opts.to_ms = ms_from_time(end, "end")
        opts.flags = _ffi.EXPORT_PSEUDONYMS if pseudonyms else 0
        return self._stream(_ffi.lib().rf_export, opts, _Writer(sink))

    def export(self, program: str, what: str = "touchpoints", **kwargs: Any) -> bytes:
        """The whole export as bytes (see :meth:`export_to` for the options)."""
        parts = []
        self.export_to(parts.append, program, what, **kwargs)
        return b"".join(parts)

    def import_csv(self, program: str, what: str, source: Source) -> int:
        """Import CSV (bytes, text or a binary file) of codes, touchpoints or
        conversions in one transaction; returns the number of rows. A bad
        row raises (InvalidError, NotFoundError, ...) with "line N, column C"
        in its message, and nothing is written."""
        opts = _ffi.rf_import_options()
        _ffi.lib().rf_import_options_init(byref(opts), _ffi.IMPORT_OPTIONS_VERSION)
        opts.program = text_in(program, "program")
        opts.what = _choice(WHATS, what, "what")
        return self._stream(_ffi.lib().rf_import, opts, _Reader(source))

    def _stream(self, fn: Any, opts: Any, callback: Callback) -> int:
        """Run an export or import over ``callback``; returns the number of
        rows. An exception in the callback is raised instead of the library's
        error (the operation stopped because of it)."""
        rows = c_int64()
        try:
            self._call(fn, (byref(rows),), byref(opts), callback.c_fn, None)
        except Error:
            if callback.error is not None:
                raise callback.error from None
            raise
        return rows.value
