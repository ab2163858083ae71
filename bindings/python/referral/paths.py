"""Offline attribution of aggregated paths (no store): :class:`Paths`.

    with referral.Paths(model="markov") as paths:
        paths.add("google ads", conversions=2)
        paths.add("google ads > mailing", conversions=1)
        paths.add("google ads", nulls=1)
        credits = paths.result()   # [PathCredit("google ads", ...), ...]
"""
from __future__ import annotations

import numbers
import threading
import weakref
from collections.abc import Sequence
from ctypes import POINTER, byref
from typing import Any, List, Optional, Union

from . import _ffi
from ._convert import DurationLike, ms_from_duration, text_in
from .enums import Model, to_c
from .errors import RF_EMISUSE, MisuseError, invalid
from .types import PathCredit

PathLike = Union[str, Sequence]


def _free_paths(handle: _ffi.PathsHandle) -> None:
    _ffi.lib().rf_paths_free(handle)


def _count(value: Any, what: str) -> float:
    """A count or value as a C double (the library rejects negatives and NaN)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError("%s: expected a number, got %s" % (what, type(value).__name__))
    return float(value)


class Paths:
    """An accumulator of paths such as ``"email > whatsapp > qr"``, credited per
    channel under ``model`` (any :class:`Model` but custom; default linear).

    ``half_life`` (time decay: the steps of a path are one day apart; default
    7 days), ``position_first``/``position_last`` (position shares as
    fractions, default 0.4 each) and ``markov_order`` (only 1) tune the
    models. Close it (or use ``with``) to release the C accumulator; it is
    also released when garbage collected.
    """

    def __init__(self, model: Union[Model, int, str, None] = None, *,
                 half_life: Optional[DurationLike] = None,
                 position_first: Optional[float] = None,
                 position_last: Optional[float] = None,
                 markov_order: Optional[int] = None) -> None:
        from .store import _int32, basis_points  # shared validation of rule values
        lib = _ffi.lib()
        opts = _ffi.rf_paths_options()
        lib.rf_paths_options_init(byref(opts), _ffi.PATHS_OPTIONS_VERSION)
        c_model = to_c(Model, model, "model")
        if c_model is not None:
            opts.model = _int32(c_model, "model")
        if half_life is not None:
            opts.half_life_ms = ms_from_duration(half_life, "half_life")
        if position_first is not None:
            opts.position_first_bp = basis_points(position_first, "position_first")
        if position_last is not None:
            opts.position_last_bp = basis_points(position_last, "position_last")
        if markov_order is not None:
            opts.markov_order = _int32(markov_order, "markov_order")
        handle = _ffi.PathsHandle()
        lib.rf_paths_new(byref(handle), byref(opts))
        self.model = Model(opts.model) if opts.model in Model._value2member_map_ else opts.model
        self._handle = handle
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _free_paths, handle)

    def __enter__(self) -> "Paths":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<referral.Paths model=%s%s>" % (getattr(self.model, "name", self.model),
                                               " closed" if self.closed else "")

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def close(self) -> None:
        """Release the accumulator; closing twice is harmless."""
        with self._lock:
            self._finalizer()

    def _handle_or_raise(self) -> _ffi.PathsHandle:
        if not self._finalizer.alive:
            raise MisuseError(RF_EMISUSE, "the paths accumulator is closed")
        return self._handle

    def add(self, path: PathLike, conversions: float = 0, value: float = 0,
            nulls: float = 0) -> None:
        """Add a path seen ``conversions`` times converting with total ``value``
        and ``nulls`` times without converting. ``path`` is channel names joined
        by ``>`` (spaces around names are trimmed) or a sequence of names."""
        if not isinstance(path, str):
            if isinstance(path, bytes) or not isinstance(path, Sequence):
                raise TypeError("path: expected str or a sequence of channel names, got %s"
                                % type(path).__name__)
            names = list(path)
            for name in names:
                if not isinstance(name, str):
                    raise TypeError("path: channel names must be str, got %s"
                                    % type(name).__name__)
                if ">" in name:
                    raise invalid("path: channel name %r contains '>'" % name)
            path = " > ".join(names)
        encoded = text_in(path, "path")
        conv, val, nul = (_count(conversions, "conversions"), _count(value, "value"),
                          _count(nulls, "nulls"))
        with self._lock:
            _ffi.lib().rf_paths_add(self._handle_or_raise(), encoded, conv, val, nul)

    def result(self) -> List[PathCredit]:
        """Credit per channel of everything added so far, sorted by channel name.
        A data-driven model with nothing converting raises InternalError."""
        lib = _ffi.lib()
        out = POINTER(_ffi.rf_path_credits)()
        with self._lock:
            handle = self._handle_or_raise()
            try:
                lib.rf_paths_result(byref(out), handle)
                c = out.contents
                return [PathCredit.from_c(c.items[i].contents) for i in range(c.count)]
            finally:
                lib.rf_path_credits_free(out)  # NULL is ignored


__all__ = ["Paths"]
