"""Conversions between Python values and C values (times, text, integers)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Optional, Union

from .errors import invalid

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MS = timedelta(milliseconds=1)
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
UINT32_MAX = 2 ** 32 - 1

TimeLike = Union[datetime, int]
DurationLike = Union[timedelta, int]


def datetime_from_ms(ms: int) -> datetime:
    """Milliseconds since the Unix epoch -> an aware UTC datetime (exact)."""
    return EPOCH + timedelta(milliseconds=ms)


def optional_datetime(ms: int) -> Optional[datetime]:
    """Like datetime_from_ms, but 0 (the C "none") becomes None."""
    return None if ms == 0 else datetime_from_ms(ms)


def ms_from_time(value: Optional[TimeLike], what: str) -> int:
    """An aware datetime or int milliseconds -> int ms; None -> 0 (C default)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise invalid("%s: naive datetime; pass an aware one (UTC)" % what)
        return int64((value - EPOCH) // MS, what)
    return int64(value, what)


def ms_from_duration(value: Optional[DurationLike], what: str) -> Optional[int]:
    """A timedelta or int milliseconds -> int ms; None stays None."""
    if value is None:
        return None
    if isinstance(value, timedelta):
        return int64(value // MS, what)
    return int64(value, what)


def int64(value: object, what: str) -> int:
    """Check an integer fits int64_t (ctypes would silently wrap it)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s: expected int, got %s" % (what, type(value).__name__))
    if not INT64_MIN <= value <= INT64_MAX:
        raise invalid("%s: %d does not fit in 64 bits" % (what, value))
    return value


def uint32(value: object, what: str) -> int:
    """Check an integer fits uint32_t."""
    value = int64(value, what)
    if not 0 <= value <= UINT32_MAX:
        raise invalid("%s: %d out of range 0..%d" % (what, value, UINT32_MAX))
    return value


def text_in(value: Optional[str], what: str) -> Optional[bytes]:
    """A str -> UTF-8 bytes for C; None stays None. NUL and lone surrogates are invalid."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("%s: expected str, got %s" % (what, type(value).__name__))
    if "\0" in value:
        raise invalid("%s: contains a NUL character" % what)
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError:
        raise invalid("%s: not encodable as UTF-8" % what) from None


def text_out(value: Optional[bytes]) -> str:
    """C text -> str (NULL becomes "")."""
    return "" if value is None else value.decode("utf-8", "replace")
