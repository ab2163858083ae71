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
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _ffi
from ._convert import TimeLike, datetime_from_ms, int64, ms_from_time, text_in, text_out
from .enums import ActivityType, BadgeKind, BoardBy, BoardPeriod, Channel, from_c, to_c
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


@dataclass(frozen=True)
class ScoreConfig:
    """A program's scoring configuration (``version`` 0: the built-in defaults)."""
    version: int
    activity_weights: Dict[Union[ActivityType, int], int]
    activity_half_life_ms: int
    value_half_life_ms: int
    weight_activity: int
    weight_value: int
    weight_quality: int
    weight_network: int
    activity_half_points: int
    value_half_minor: int
    risk_percent: int
    tiers: str


@dataclass(frozen=True)
class ScoreComponent:
    name: str
    raw: float
    normalized: float
    weight: int
    points: float


@dataclass(frozen=True)
class ScoreEvent:
    kind: str
    id: int
    ref: str
    at: datetime
    raw: float
    points: float


@dataclass(frozen=True)
class Badge:
    kind: Union[BadgeKind, int]
    period: Optional[datetime]
    at: datetime


@dataclass(frozen=True)
class Score:
    """An advocate's explainable score (0..100) and what produced it."""
    program: str
    advocate: str
    score: float
    config_version: int
    at: datetime
    risk: float
    activities: int
    referrals: int
    kept: int
    value_net_minor: int
    last_at: Optional[datetime]
    tier: int
    tier_name: str
    rfm: Tuple[int, int, int]
    components: List[ScoreComponent]
    events: List[ScoreEvent]
    badges: List[Badge]

    def component(self, name: str) -> ScoreComponent:
        return next(c for c in self.components if c.name == name)

    @classmethod
    def from_c(cls, c: _ffi.rf_score) -> "Score":
        comps = [ScoreComponent(text_out(x.contents.name), x.contents.raw, x.contents.normalized,
                                x.contents.weight, x.contents.points)
                 for x in c.components[:c.component_count]]
        events = [ScoreEvent(text_out(e.contents.kind), e.contents.id, text_out(e.contents.ref),
                             datetime_from_ms(e.contents.at_ms), e.contents.raw, e.contents.points)
                  for e in c.events[:c.event_count]]
        badges = [Badge(from_c(BadgeKind, b.contents.kind),
                        datetime_from_ms(b.contents.period_ms) if b.contents.period_ms else None,
                        datetime_from_ms(b.contents.at_ms)) for b in c.badges[:c.badge_count]]
        return cls(text_out(c.program), text_out(c.advocate), c.score, c.config_version,
                   datetime_from_ms(c.at_ms), c.risk, c.activities, c.referrals, c.kept,
                   c.value_net_minor, datetime_from_ms(c.last_at_ms) if c.last_at_ms else None,
                   c.tier, text_out(c.tier_name), (c.recency_q, c.frequency_q, c.value_q),
                   comps, events, badges)


@dataclass(frozen=True)
class LeaderboardEntry:
    rank: int
    advocate: str
    display_name: str
    metric: float
    referrals: int
    value_minor: int

    @classmethod
    def from_c(cls, c: _ffi.rf_leaderboard_entry) -> "LeaderboardEntry":
        return cls(c.rank, text_out(c.advocate), text_out(c.display_name), c.metric,
                   c.referrals, c.value_minor)


@dataclass(frozen=True)
class Leaderboard:
    """Ranked advocates; ``advocate`` is the asked advocate's row (None when unranked)."""
    since: Optional[datetime]
    until: Optional[datetime]
    config_version: int
    ranked: int
    entries: List[LeaderboardEntry]
    advocate: Optional[LeaderboardEntry]


@dataclass(frozen=True)
class ProgramMetrics:
    """K-factor, cycle time, active share and NPS over a period."""
    advocates: int
    active_advocates: int
    active_share: float
    invites: int
    inviting_advocates: int
    referred_conversions: int
    invites_per_advocate: float
    invite_conversion: float
    k_factor: float
    cycle_time_ms: float
    cycles: int
    promoters: int
    passives: int
    detractors: int
    nps: float


_CONFIG_FIELDS = ("activity_half_life_ms", "value_half_life_ms", "weight_activity",
                  "weight_value", "weight_quality", "weight_network", "activity_half_points",
                  "value_half_minor", "risk_percent")


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

    # -- scores ----------------------------------------------------------------

    def set_score_config(self, program: str, *,
                         activity_weights: Optional[Mapping[Any, int]] = None,
                         tiers: Optional[str] = None, **fields: int) -> int:
        """Set a program's scoring configuration; returns the version in force.

        ``activity_weights`` maps activity types (member, int or name) to weights;
        the other keywords are the fields of ``rf_score_config``. A change
        recomputes every score of the program."""
        cfg = _ffi.rf_score_config()
        _ffi.lib().rf_score_config_init(byref(cfg), _ffi.SCORE_CONFIG_VERSION)
        for name, value in fields.items():
            if name not in _CONFIG_FIELDS:
                raise TypeError("unknown score config field %r" % name)
            setattr(cfg, name, int64(value, name))
        weights = (ctypes.c_int32 * _ffi.ACTIVITY_TYPE_COUNT)()
        if activity_weights:
            current = self.score_config(program).activity_weights
            for t, w in current.items():
                weights[int(t) - 1] = w
            for t, w in activity_weights.items():
                kind = to_c(ActivityType, t, "activity type")
                if kind is None or not 1 <= kind <= _ffi.ACTIVITY_TYPE_COUNT:
                    raise invalid("unknown activity type %r" % (t,))
                weights[kind - 1] = int64(w, "weight")
            cfg.activity_weights = weights
            cfg.activity_weight_count = _ffi.ACTIVITY_TYPE_COUNT
        cfg.tiers = text_in(tiers, "tiers")
        out = c_int64()
        self._call(_ffi.lib().rf_score_config_set, (byref(out),), text_in(program, "program"),
                   byref(cfg))
        return out.value

    def score_config(self, program: str) -> ScoreConfig:
        """The scoring configuration in force."""
        def convert(c: _ffi.rf_score_settings, _rc: int) -> ScoreConfig:
            k = c.config.contents
            weights = {from_c(ActivityType, i + 1): k.activity_weights[i]
                       for i in range(k.activity_weight_count)}
            return ScoreConfig(c.config_version, weights,
                               *[getattr(k, f) for f in _CONFIG_FIELDS], text_out(k.tiers))
        return self._fetch(_ffi.lib().rf_score_config_get, _ffi.rf_score_settings,
                           _ffi.lib().rf_score_settings_free, convert,
                           text_in(program, "program"))

    def score(self, program: str, advocate: str, explain: bool = False) -> Score:
        """An advocate's score now; with ``explain`` the events that move it most."""
        return self._fetch(_ffi.lib().rf_score_get, _ffi.rf_score, _ffi.lib().rf_score_free,
                           lambda c, _rc: Score.from_c(c), text_in(program, "program"),
                           text_in(advocate, "advocate"), 1 if explain else 0)

    def recompute_scores(self, program: str) -> None:
        """Recompute every score of a program from its events."""
        self._call(_ffi.lib().rf_score_recompute, (), text_in(program, "program"))

    def refresh_scores(self, program: str) -> int:
        """Re-evaluate tiers at the clock and last month's top-1 % badges; returns tier changes."""
        out = c_int64()
        self._call(_ffi.lib().rf_score_refresh, (byref(out),), text_in(program, "program"))
        return out.value

    def leaderboard(self, program: str, *, period: Any = BoardPeriod.ALL_TIME,
                    by: Any = BoardBy.SCORE, top: int = 10,
                    advocate: Optional[str] = None) -> Leaderboard:
        """Rank a program's advocates (period: all-time, this-week, this-month, last-month;
        by: score, referrals, value)."""
        q = _ffi.rf_leaderboard_query()
        _ffi.lib().rf_leaderboard_query_init(byref(q), _ffi.LEADERBOARD_QUERY_VERSION)
        q.program = text_in(program, "program")
        q.period = to_c(BoardPeriod, period, "period")
        q.by = to_c(BoardBy, by, "by")
        q.top = int64(top, "top") if 0 <= top <= 0xFFFFFFFF else 0
        q.advocate = text_in(advocate, "advocate")

        def convert(c: _ffi.rf_leaderboard, _rc: int) -> Leaderboard:
            return Leaderboard(datetime_from_ms(c.from_ms) if c.to_ms else None,
                               datetime_from_ms(c.to_ms) if c.to_ms else None,
                               c.config_version, c.ranked,
                               [LeaderboardEntry.from_c(e.contents) for e in c.entries[:c.count]],
                               LeaderboardEntry.from_c(c.advocate.contents) if c.advocate else None)
        return self._fetch(_ffi.lib().rf_leaderboard_get, _ffi.rf_leaderboard,
                           _ffi.lib().rf_leaderboard_free, convert, byref(q))

    def program_metrics(self, program: str, since: Optional[TimeLike] = None,
                        until: Optional[TimeLike] = None) -> ProgramMetrics:
        """Viral coefficient, cycle time, active share and NPS over [since, until)."""
        def convert(c: _ffi.rf_program_metrics, _rc: int) -> ProgramMetrics:
            return ProgramMetrics(*[getattr(c, f) for f, _t in c._fields_[2:]])
        return self._fetch(_ffi.lib().rf_program_metrics_get, _ffi.rf_program_metrics,
                           _ffi.lib().rf_program_metrics_free, convert,
                           text_in(program, "program"),
                           0 if since is None else ms_from_time(since, "since"),
                           0 if until is None else ms_from_time(until, "until"))
