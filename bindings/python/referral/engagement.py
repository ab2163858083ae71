"""Engagement: advocates' consent (and, as they land, the outbox, content,
stages, testimonials and reference asks) as :class:`Store` methods.

    store.set_consent("alice", "messages", True, source="signup-form")
    store.consent("alice").messages   # True
"""
from __future__ import annotations

import json
from ctypes import byref, c_int64
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any, Callable, Iterable, List, Mapping, Optional, Tuple, Union

from . import _ffi
from ._convert import (TimeLike, datetime_from_ms, int64, ms_from_time, optional_datetime,
                       text_in, text_out, uint32)
from .enums import ContentKind, RecordStatus, Stage, from_c, to_c
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


@dataclass(frozen=True)
class EngagementConfig:
    """A program's engagement settings; ``config_version`` 0 means the defaults."""
    cap_messages: int = 3
    cap_window_ms: int = 7 * 86400000
    active_min_activities: int = 1
    referring_min_referrals: int = 1
    champion_min_referrals: int = 5
    dormant_after_ms: int = 60 * 86400000
    ask_cap: int = 2
    ask_window_ms: int = 90 * 86400000
    config_version: int = 0

    def to_c(self) -> _ffi.rf_engagement_config:
        c = _ffi.rf_engagement_config()
        _ffi.lib().rf_engagement_config_init(byref(c), _ffi.ENGAGEMENT_CONFIG_VERSION)
        for f in fields(self):
            if f.name != "config_version":
                setattr(c, f.name, int64(getattr(self, f.name), f.name))
        return c

    @classmethod
    def from_c(cls, c: _ffi.rf_engagement_config, version: int) -> "EngagementConfig":
        return cls(**{f.name: getattr(c, f.name) for f in fields(cls)
                      if f.name != "config_version"}, config_version=version)


#: rf_message_status values by name.
MESSAGE_STATUSES = {0: "queued", 1: "delivered", 2: "held"}


@dataclass(frozen=True)
class Message:
    """A message in the outbox (``automated`` is always True)."""
    id: int
    program: str
    advocate: str
    kind: str
    body: str
    status: str
    automated: bool
    reason: str
    event_at: datetime
    queued_at: datetime
    acked_at: Optional[datetime]
    config_version: int

    @classmethod
    def from_c(cls, c: _ffi.rf_message) -> "Message":
        return cls(c.id, text_out(c.program), text_out(c.advocate), text_out(c.kind),
                   text_out(c.body), MESSAGE_STATUSES.get(c.status, str(c.status)),
                   bool(c.automated), text_out(c.reason), datetime_from_ms(c.event_at_ms),
                   datetime_from_ms(c.queued_at_ms), optional_datetime(c.acked_at_ms),
                   c.config_version)


@dataclass(frozen=True)
class StageChange:
    """One change of lifecycle stage (``previous`` None for the first placement)."""
    stage: Union[Stage, int]
    previous: Optional[Union[Stage, int]]
    at: datetime
    config_version: int


@dataclass(frozen=True)
class StageInfo:
    """An advocate's lifecycle stage in a program, its counts and its history."""
    program: str
    advocate: str
    stage: Union[Stage, int]
    since: Optional[datetime]
    activities: int
    referrals: int
    last_activity_at: Optional[datetime]
    last_referral_at: Optional[datetime]
    config_version: int
    history: List[StageChange]

    @classmethod
    def from_c(cls, c: _ffi.rf_stage) -> "StageInfo":
        history = [StageChange(from_c(Stage, i.contents.stage),
                               from_c(Stage, i.contents.previous) if i.contents.previous else None,
                               datetime_from_ms(i.contents.at_ms), i.contents.config_version)
                   for i in c.items[:c.count]]
        return cls(text_out(c.program), text_out(c.advocate), from_c(Stage, c.stage),
                   optional_datetime(c.since_ms), c.activities, c.referrals,
                   optional_datetime(c.last_activity_at_ms),
                   optional_datetime(c.last_referral_at_ms), c.config_version, history)


@dataclass(frozen=True)
class StageCounts:
    """How many advocates of a program are in each stage."""
    program: str
    config_version: int
    advocates: int
    invited: int
    active: int
    referring: int
    champion: int
    dormant: int

    @classmethod
    def from_c(cls, c: _ffi.rf_stage_counts) -> "StageCounts":
        return cls(text_out(c.program), c.config_version, c.advocates, c.invited, c.active,
                   c.referring, c.champion, c.dormant)


def _stages_out(mask: int) -> List[Union[Stage, int]]:
    return [from_c(Stage, s) for s in range(1, 6) if mask & (1 << s)]


def _stages_in(stages: Optional[Iterable[Any]]) -> int:
    if stages is None:
        return 0x3E
    if isinstance(stages, (str, int)):
        stages = [stages]
    mask = 0
    for s in stages:
        value = to_c(Stage, s, "stages")
        if value is None or not 0 < value < 32:
            raise invalid("stages: %r is not a stage" % (s,))
        mask |= 1 << value
    return mask


@dataclass(frozen=True)
class Content:
    """A content item of a program's library (``min_tier`` "" when any tier)."""
    id: int
    program: str
    key: str
    title: str
    url: str
    kind: Union[ContentKind, int]
    stages: List[Union[Stage, int]]
    min_tier: str
    status: Union[RecordStatus, int]
    created_at: datetime

    @classmethod
    def from_c(cls, c: _ffi.rf_content) -> "Content":
        return cls(c.id, text_out(c.program), text_out(c.key), text_out(c.title),
                   text_out(c.url), from_c(ContentKind, c.kind), _stages_out(c.stages),
                   text_out(c.min_tier), from_c(RecordStatus, c.status),
                   datetime_from_ms(c.created_at_ms))


@dataclass(frozen=True)
class ContentStat:
    """How one item performed over a period (value in the stats' currency)."""
    key: str
    title: str
    kind: Union[ContentKind, int]
    status: Union[RecordStatus, int]
    codes: int
    clicks: int
    unique_visitors: int
    conversions: int
    value_minor: int


@dataclass(frozen=True)
class ContentStats:
    """Content performance, best first (value, then clicks, then key)."""
    program: str
    start: Optional[datetime]
    end: Optional[datetime]
    currency: str
    items: List[ContentStat]

    @classmethod
    def from_c(cls, c: _ffi.rf_content_stats) -> "ContentStats":
        items = [ContentStat(text_out(i.contents.key), text_out(i.contents.title),
                             from_c(ContentKind, i.contents.kind),
                             from_c(RecordStatus, i.contents.status), i.contents.codes,
                             i.contents.clicks, i.contents.unique_visitors,
                             i.contents.conversions, i.contents.value_minor)
                 for i in c.items[:c.count]]
        return cls(text_out(c.program), optional_datetime(c.from_ms), optional_datetime(c.to_ms),
                   text_out(c.currency), items)


def _content_list(c: _ffi.rf_content_list, _rc: int) -> List[Content]:
    return [Content.from_c(i.contents) for i in c.items[:c.count]]


def _vars(value: Optional[Mapping[str, Any]]) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError("vars: expected a mapping")
    return text_in(json.dumps(dict(value), ensure_ascii=False), "vars")


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

    # -- configuration and templates ------------------------------------------

    def engagement_config(self, program: str) -> EngagementConfig:
        """The program's engagement configuration in force."""
        c = _ffi.rf_engagement_config()
        _ffi.lib().rf_engagement_config_init(byref(c), _ffi.ENGAGEMENT_CONFIG_VERSION)
        version = c_int64()
        self._call(_ffi.lib().rf_engagement_config_get, (byref(c), byref(version)),
                   text_in(program, "program"))
        return EngagementConfig.from_c(c, version.value)

    def set_engagement_config(self, program: str, config: Optional[EngagementConfig] = None,
                              **changes: int) -> int:
        """Set the configuration (``config``, else the current one with ``changes``);
        returns the configuration version in force."""
        base = config if config is not None else self.engagement_config(program)
        c = replace(base, **changes).to_c()
        version = c_int64()
        self._call(_ffi.lib().rf_engagement_config_set, (byref(version),),
                   text_in(program, "program"), byref(c))
        return version.value

    def set_template(self, program: str, kind: str, body: Optional[str]) -> None:
        """Set the program's template for ``kind`` (None restores the built-in one)."""
        self._call(_ffi.lib().rf_template_set, (), text_in(program, "program"),
                   text_in(kind, "kind"), text_in(body, "body"))

    # -- outbox ---------------------------------------------------------------

    def send_message(self, program: str, advocate: str, kind: str,
                     vars: Optional[Mapping[str, Any]] = None) -> Message:
        """Ask for a message; consent and the frequency cap decide (status "queued"
        or "held" with a reason)."""
        return self._fetch(_ffi.lib().rf_outbox_send, _ffi.rf_message,
                           _ffi.lib().rf_message_free, lambda c, _rc: Message.from_c(c),
                           text_in(program, "program"), text_in(advocate, "advocate"),
                           text_in(kind, "kind"), _vars(vars))

    def outbox(self, program: Optional[str] = None, cursor: int = 0, limit: int = 100,
               all: bool = False) -> Tuple[List[Message], int]:
        """Messages after ``cursor`` (queued only unless ``all``) and the next cursor."""
        def convert(c: _ffi.rf_messages, _rc: int) -> Tuple[List[Message], int]:
            return [Message.from_c(m.contents) for m in c.items[:c.count]], c.next_cursor
        return self._fetch(_ffi.lib().rf_outbox_list, _ffi.rf_messages,
                           _ffi.lib().rf_messages_free, convert, text_in(program, "program"),
                           int64(cursor, "cursor"), uint32(limit, "limit"),
                           _ffi.OUTBOX_ALL if all else 0)

    def ack_messages(self, through: int) -> int:
        """Acknowledge delivery of every queued message with id <= through."""
        out = c_int64()
        self._call(_ffi.lib().rf_outbox_ack, (byref(out),), int64(through, "through"))
        return out.value

    def drain_outbox(self, deliver: Callable[[Message], None],
                     program: Optional[str] = None, batch: int = 100) -> int:
        """Deliver every queued message with ``deliver``, acknowledging each batch
        once it is delivered; returns how many were delivered."""
        done, cursor = 0, 0
        while True:
            messages, cursor = self.outbox(program, cursor, batch)
            if not messages:
                return done
            for m in messages:
                deliver(m)
            self.ack_messages(cursor)
            done += len(messages)

    # -- lifecycle stages -----------------------------------------------------

    def stage(self, program: str, advocate: str) -> StageInfo:
        """An advocate's lifecycle stage in a program and its history."""
        return self._fetch(_ffi.lib().rf_stage_get, _ffi.rf_stage, _ffi.lib().rf_stage_free,
                           lambda c, _rc: StageInfo.from_c(c), text_in(program, "program"),
                           text_in(advocate, "advocate"))

    def stage_counts(self, program: str) -> StageCounts:
        """Advocates per stage in a program."""
        return self._fetch(_ffi.lib().rf_stage_counts_get, _ffi.rf_stage_counts,
                           _ffi.lib().rf_stage_counts_free, lambda c, _rc: StageCounts.from_c(c),
                           text_in(program, "program"))

    def refresh_stages(self, program: str, at: Optional[TimeLike] = None) -> int:
        """Re-evaluate every advocate's stage at ``at`` (default: the store's clock);
        dormant advocates get a nudge. Returns how many stages changed."""
        out = c_int64()
        self._call(_ffi.lib().rf_stage_refresh, (byref(out),), text_in(program, "program"),
                   ms_from_time(at, "at") if at is not None else 0)
        return out.value

    # -- content library ------------------------------------------------------

    def _content_write(self, fn: Any, program: str, key: str, title: str, url: str,
                       kind: Any, stages: Optional[Iterable[Any]],
                       min_tier: Optional[str]) -> Content:
        spec = _ffi.rf_content_spec()
        _ffi.lib().rf_content_spec_init(byref(spec), _ffi.CONTENT_SPEC_VERSION)
        spec.program = text_in(program, "program")
        spec.key = text_in(key, "key")
        spec.title = text_in(title, "title")
        spec.url = text_in(url, "url")
        spec.kind = to_c(ContentKind, kind if kind is not None else ContentKind.ARTICLE, "kind")
        spec.stages = _stages_in(stages)
        spec.min_tier = text_in(min_tier, "min_tier")
        return self._fetch(fn, _ffi.rf_content, _ffi.lib().rf_content_free,
                           lambda c, _rc: Content.from_c(c), byref(spec))

    def add_content(self, program: str, key: str, title: str, url: str, *, kind: Any = None,
                    stages: Optional[Iterable[Any]] = None,
                    min_tier: Optional[str] = None) -> Content:
        """Add an item (a URL or document reference) offered to the given stages
        (default all) from ``min_tier`` up (default any)."""
        return self._content_write(_ffi.lib().rf_content_add, program, key, title, url, kind,
                                   stages, min_tier)

    def update_content(self, program: str, key: str, title: str, url: str, *, kind: Any = None,
                       stages: Optional[Iterable[Any]] = None,
                       min_tier: Optional[str] = None) -> Content:
        """Replace an item's title, URL, kind, stages and minimum tier."""
        return self._content_write(_ffi.lib().rf_content_update, program, key, title, url, kind,
                                   stages, min_tier)

    def archive_content(self, program: str, key: str) -> None:
        """Archive an item: no longer offered; its codes and performance stay."""
        self._call(_ffi.lib().rf_content_archive, (), text_in(program, "program"),
                   text_in(key, "key"))

    def content_list(self, program: str, archived: bool = False) -> List[Content]:
        """A program's items, newest first (archived ones too when asked)."""
        return self._fetch(_ffi.lib().rf_content_list_get, _ffi.rf_content_list,
                           _ffi.lib().rf_content_list_free, _content_list,
                           text_in(program, "program"),
                           _ffi.CONTENT_ARCHIVED if archived else 0)

    def content_for(self, program: str, advocate: str, limit: int = 0) -> List[Content]:
        """What an advocate should see now (stage and tier), newest first."""
        return self._fetch(_ffi.lib().rf_content_for, _ffi.rf_content_list,
                           _ffi.lib().rf_content_list_free, _content_list,
                           text_in(program, "program"), text_in(advocate, "advocate"),
                           uint32(limit, "limit"))

    def content_performance(self, program: str, start: Optional[TimeLike] = None,
                            end: Optional[TimeLike] = None, currency: Optional[str] = None,
                            top: int = 0) -> ContentStats:
        """Clicks, unique visitors, conversions and attributed value per item over
        [start, end), best first."""
        return self._fetch(_ffi.lib().rf_content_performance, _ffi.rf_content_stats,
                           _ffi.lib().rf_content_stats_free,
                           lambda c, _rc: ContentStats.from_c(c), text_in(program, "program"),
                           ms_from_time(start, "start"), ms_from_time(end, "end"),
                           text_in(currency, "currency"), uint32(top, "top"))
