"""Activities and scores: :class:`Activity` and the Store methods for them.

    store.record_activity("spring", "alice", "review")
    store.record_activity("spring", "alice", ActivityType.SURVEY, answer=9)
    store.activities("spring", advocate="alice")
"""
from __future__ import annotations

import ctypes
from ctypes import POINTER, byref, c_int64
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, List, Mapping, Optional, Union

from . import _ffi
from ._convert import TimeLike, datetime_from_ms, int64, ms_from_time, text_in, text_out
from .enums import ActivityType, Channel, from_c, to_c
from .errors import invalid


@dataclass(frozen=True)
class Activity:
    """A recorded activity (content "" and answer None when none)."""
    id: int
    advocate: str
    type: Union[ActivityType, int]
    at: datetime
    channel: Union[Channel, int]
    content: str
    answer: Optional[int]

    @classmethod
    def from_c(cls, c: _ffi.rf_activity) -> "Activity":
        return cls(c.id, text_out(c.advocate), from_c(ActivityType, c.type),
                   datetime_from_ms(c.at_ms), from_c(Channel, c.channel), text_out(c.content),
                   None if c.answer < 0 else c.answer)


def _activity_spec(program: str, advocate: str, type: Any, at: Optional[TimeLike] = None,
                   channel: Any = None, content: Optional[str] = None,
                   answer: Optional[int] = None) -> _ffi.rf_activity_spec:
    spec = _ffi.rf_activity_spec()
    _ffi.lib().rf_activity_spec_init(byref(spec), _ffi.ACTIVITY_SPEC_VERSION)
    spec.program = text_in(program, "program")
    spec.advocate = text_in(advocate, "advocate")
    kind = to_c(ActivityType, type, "type")
    if kind is None:
        raise invalid("type: required")
    spec.type = kind
    spec.at_ms = 0 if at is None else ms_from_time(at, "at")
    spec.channel = to_c(Channel, channel, "channel") or 0
    spec.content = text_in(content, "content")
    spec.answer = -1 if answer is None else int64(answer, "answer")
    return spec


class ScoringMixin:
    """Store methods for activities and scores (mixed into :class:`Store`)."""

    _call: Any
    _fetch: Any

    def record_activity(self, program: str, advocate: str, type: Any, *,
                        at: Optional[TimeLike] = None, channel: Any = None,
                        content: Optional[str] = None, answer: Optional[int] = None) -> int:
        """Record an advocate's activity (type: ActivityType, int or name); returns its id."""
        spec = _activity_spec(program, advocate, type, at, channel, content, answer)
        out = c_int64()
        self._call(_ffi.lib().rf_activity_record, (byref(out),), byref(spec))
        return out.value

    def record_activities(self, specs: Iterable[Mapping[str, Any]]) -> int:
        """Record many activities in one transaction (all or nothing); returns the count.

        Each spec is a mapping with the keyword arguments of :meth:`record_activity`
        plus ``program``, ``advocate`` and ``type``."""
        structs = [_activity_spec(**dict(s)) for s in specs]
        array = (POINTER(_ffi.rf_activity_spec) * max(len(structs), 1))()
        for i, s in enumerate(structs):
            array[i] = ctypes.pointer(s)
        self._call(_ffi.lib().rf_activity_record_batch, (), array, len(structs))
        return len(structs)

    def activities(self, program: str, advocate: Optional[str] = None, *,
                   since: Optional[TimeLike] = None, until: Optional[TimeLike] = None,
                   limit: int = 0) -> List[Activity]:
        """A program's activities (or one advocate's), newest first."""
        def convert(c: _ffi.rf_activity_list, _rc: int) -> List[Activity]:
            return [Activity.from_c(a.contents) for a in c.items[:c.count]]
        return self._fetch(_ffi.lib().rf_activity_list_get, _ffi.rf_activity_list,
                           _ffi.lib().rf_activity_list_free, convert,
                           text_in(program, "program"), text_in(advocate, "advocate"),
                           0 if since is None else ms_from_time(since, "since"),
                           0 if until is None else ms_from_time(until, "until"),
                           int64(limit, "limit"))
