"""Engagement: advocates' consent (and, as they land, the outbox, content,
stages, testimonials and reference asks) as :class:`Store` methods.

    store.set_consent("alice", "messages", True, source="signup-form")
    store.consent("alice").messages   # True
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, List, Optional, Union

from . import _ffi
from ._convert import datetime_from_ms, optional_datetime, text_in, text_out
from .errors import invalid

#: rf_consent_purpose values by name.
PURPOSES = {"tracking": 1, "messages": 2}
_PURPOSE_NAMES = {v: k for k, v in PURPOSES.items()}


def _purpose(value: Union[str, int]) -> int:
    if isinstance(value, str):
        if value not in PURPOSES:
            raise invalid("purpose: %r is not one of %s" % (value, sorted(PURPOSES)))
        return PURPOSES[value]
    return int(value)


@dataclass(frozen=True)
class ConsentChange:
    """One recorded grant or withdrawal."""
    purpose: str
    granted: bool
    source: str
    at: datetime


@dataclass(frozen=True)
class Consent:
    """An advocate's consent now, and every change (oldest first)."""
    advocate: str
    tracking: bool
    messages: bool
    tracking_at: Optional[datetime]
    messages_at: Optional[datetime]
    history: List[ConsentChange]

    @classmethod
    def from_c(cls, c: _ffi.rf_consent) -> "Consent":
        history = [ConsentChange(_PURPOSE_NAMES.get(i.contents.purpose, str(i.contents.purpose)),
                                 bool(i.contents.granted), text_out(i.contents.source),
                                 datetime_from_ms(i.contents.at_ms))
                   for i in c.items[:c.count]]
        return cls(text_out(c.advocate), bool(c.tracking), bool(c.messages),
                   optional_datetime(c.tracking_at_ms), optional_datetime(c.messages_at_ms),
                   history)


class EngagementMixin:
    """Store methods for engagement (mixed into :class:`Store`)."""

    _call: Any
    _fetch: Any

    def set_consent(self, advocate: str, purpose: Union[str, int], granted: bool,
                    source: str) -> None:
        """Grant or withdraw consent ("tracking" or "messages"); every call is recorded."""
        if not isinstance(granted, bool):
            raise TypeError("granted: expected bool")
        self._call(_ffi.lib().rf_consent_set, (), text_in(advocate, "advocate"),
                   _purpose(purpose), int(granted), text_in(source, "source"))

    def consent(self, advocate: str) -> Consent:
        """An advocate's consent and its history."""
        return self._fetch(_ffi.lib().rf_consent_get, _ffi.rf_consent,
                           _ffi.lib().rf_consent_free, lambda c, _rc: Consent.from_c(c),
                           text_in(advocate, "advocate"))
