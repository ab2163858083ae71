"""Plain Python records copied out of C objects (no C memory is kept).

Each ``from_c`` reads every field of a C struct; the caller frees the C
object right after (see :mod:`referral.store`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, Optional, Tuple, Union

from . import _ffi
from ._convert import datetime_from_ms, optional_datetime, text_out
from .enums import (AdvocateKind, Channel, ConversionKind, Model, RecordStatus, Target,
                    TouchpointKind, from_c)


def _ms(ms: int) -> timedelta:
    return timedelta(milliseconds=ms)


def _none_if_empty(value: Optional[bytes]) -> Optional[str]:
    text = text_out(value)
    return text or None


@dataclass(frozen=True)
class ProgramRules:
    """A program's rules; the defaults equal ``RF_PROGRAM_RULES_INIT``.

    ``position_first``/``position_last`` are the position model's shares of the
    first and last touch as fractions (0.4 = 40%, basis-point precision; the
    middle touches share the rest). ``custom_weights`` are the custom model's
    relative weights by position from the first touch (the last one repeats).
    ``sale_follows_lead``: a purchase by a visitor who converted as a signup is
    credited as that signup was. ``renewal_months``: renewals within this many
    months of the first purchase go to its referrer (0 = never).
    """
    model: Union[Model, int] = Model.LAST
    code_length: int = 8
    lookback: timedelta = timedelta(days=30)
    duplicate_window: timedelta = timedelta(hours=1)
    lock_first_referrer: bool = False
    half_life: timedelta = timedelta(days=7)
    position_first: float = 0.4
    position_last: float = 0.4
    custom_weights: Tuple[int, ...] = ()
    sale_follows_lead: bool = True
    renewal_months: int = 12

    def __post_init__(self) -> None:
        if not isinstance(self.custom_weights, tuple):  # a list is fine; keep it hashable
            if isinstance(self.custom_weights, (str, bytes)) or \
                    not isinstance(self.custom_weights, Sequence):
                raise TypeError("custom_weights: expected a sequence of ints, got %s"
                                % type(self.custom_weights).__name__)
            object.__setattr__(self, "custom_weights", tuple(self.custom_weights))

    @classmethod
    def from_c(cls, c: _ffi.rf_program_rules) -> "ProgramRules":
        weights = tuple(c.custom_weights[i] for i in range(c.custom_count)) \
            if c.custom_weights else ()
        return cls(model=from_c(Model, c.model), code_length=c.code_length,
                   lookback=_ms(c.lookback_ms), duplicate_window=_ms(c.duplicate_window_ms),
                   lock_first_referrer=bool(c.lock_first_referrer),
                   half_life=_ms(c.half_life_ms), position_first=c.position_first_bp / 10000,
                   position_last=c.position_last_bp / 10000, custom_weights=weights,
                   sale_follows_lead=bool(c.sale_follows_lead),
                   renewal_months=c.renewal_months)


@dataclass(frozen=True)
class Program:
    """A referral program as stored."""
    id: int
    key: str
    name: str
    status: Union[RecordStatus, int]
    rules_version: int
    rules: ProgramRules
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_c(cls, c: _ffi.rf_program) -> "Program":
        return cls(id=c.id, key=text_out(c.key), name=text_out(c.name),
                   status=from_c(RecordStatus, c.status), rules_version=c.rules_version,
                   rules=ProgramRules.from_c(c.rules.contents),
                   created_at=datetime_from_ms(c.created_at_ms),
                   updated_at=datetime_from_ms(c.updated_at_ms))

    @property
    def archived(self) -> bool:
        return self.status == RecordStatus.ARCHIVED


@dataclass(frozen=True)
class Advocate:
    """Someone who refers, known by the host's external id."""
    id: int
    external_id: str
    kind: Union[AdvocateKind, int]
    display_name: str
    status: Union[RecordStatus, int]
    has_email: bool
    created_at: datetime
    customer_id: Optional[str] = None  # the host's customer id

    @classmethod
    def from_c(cls, c: _ffi.rf_advocate) -> "Advocate":
        return cls(id=c.id, external_id=text_out(c.external_id),
                   kind=from_c(AdvocateKind, c.kind), display_name=text_out(c.display_name),
                   status=from_c(RecordStatus, c.status), has_email=bool(c.has_email),
                   created_at=datetime_from_ms(c.created_at_ms),
                   customer_id=_none_if_empty(c.customer_id))

    @property
    def active(self) -> bool:
        return self.status == RecordStatus.ACTIVE


@dataclass(frozen=True)
class Code:
    """A tracking code. ``expires_at``/``max_uses`` are None when unlimited."""
    id: int
    code: str
    display: str
    program: str
    advocate: str
    channel: Union[Channel, int]
    status: Union[RecordStatus, int]
    vanity: bool
    expires_at: Optional[datetime]
    max_uses: Optional[int]
    uses: int
    created_at: datetime
    content: str = ""

    @classmethod
    def from_c(cls, c: _ffi.rf_code) -> "Code":
        return cls(id=c.id, code=text_out(c.code), display=text_out(c.display),
                   program=text_out(c.program), advocate=text_out(c.advocate),
                   channel=from_c(Channel, c.channel), status=from_c(RecordStatus, c.status),
                   vanity=bool(c.vanity), expires_at=optional_datetime(c.expires_at_ms),
                   max_uses=c.max_uses or None, uses=c.uses,
                   created_at=datetime_from_ms(c.created_at_ms), content=text_out(c.content))

    def __str__(self) -> str:
        return self.display


@dataclass(frozen=True)
class TouchpointSpec:
    """Input for :meth:`Store.record_touchpoints` (batch); see record_touchpoint."""
    code: str
    visitor_id: str
    kind: Union[TouchpointKind, int, str, None] = None
    at: Union[datetime, int, None] = None
    landing_url: Optional[str] = None
    ip: Optional[str] = None
    user_agent: Optional[str] = None
    direct: bool = False


@dataclass(frozen=True)
class Touchpoint:
    """A recorded click, visit or scan. ``duplicate``: not counted as unique (a
    repeat, or a bot's); ``bot``: a bot or link preview, kept but counted nowhere."""
    id: int
    visitor_id: str
    code: str
    program: str
    advocate: str
    channel: Union[Channel, int]
    kind: Union[TouchpointKind, int]
    at: datetime
    duplicate: bool
    direct: bool = False
    bot: bool = False

    @classmethod
    def from_c(cls, c: _ffi.rf_touchpoint) -> "Touchpoint":
        return cls(id=c.id, visitor_id=text_out(c.visitor_id), code=text_out(c.code),
                   program=text_out(c.program), advocate=text_out(c.advocate),
                   channel=from_c(Channel, c.channel), kind=from_c(TouchpointKind, c.kind),
                   at=datetime_from_ms(c.at_ms), duplicate=bool(c.duplicate),
                   direct=bool(c.direct), bot=c.duplicate == 2)


@dataclass(frozen=True)
class Credit:
    """One advocate's share of a conversion; ``refunded_minor`` is its share of refunds."""
    advocate: str
    code: str
    channel: Union[Channel, int]
    weight: float
    value_minor: int
    refunded_minor: int = 0

    @classmethod
    def from_c(cls, c: _ffi.rf_credit) -> "Credit":
        return cls(advocate=text_out(c.advocate), code=text_out(c.code),
                   channel=from_c(Channel, c.channel), weight=c.weight,
                   value_minor=c.value_minor, refunded_minor=c.refunded_minor)

    @property
    def net_minor(self) -> int:
        """The share of the value that was not refunded."""
        return self.value_minor - self.refunded_minor


@dataclass(frozen=True)
class Conversion:
    """A recorded conversion and its credit, largest share first.

    ``duplicate`` is True when the call repeated an earlier one (``RF_DUPLICATE``,
    or the C field ``replayed``: the order id, or for a refund the refund id, was
    already recorded with the same data); nothing changed. ``customer_id`` and
    ``follows_order`` (the signup or purchase whose credit this one inherited)
    are None when there is none; ``refunded_minor`` is the total refunded.
    """
    id: int
    program: str
    order_id: str
    visitor_id: str
    kind: Union[ConversionKind, int]
    value_minor: int
    currency: str
    at: datetime
    attributed: bool
    model: Union[Model, int]
    rules_version: int
    credits: Tuple[Credit, ...]
    duplicate: bool = False
    customer_id: Optional[str] = None
    refunded_minor: int = 0
    follows_order: Optional[str] = None

    @property
    def net_minor(self) -> int:
        """The value not refunded."""
        return self.value_minor - self.refunded_minor

    @classmethod
    def from_c(cls, c: _ffi.rf_conversion, duplicate: bool = False) -> "Conversion":
        credits = tuple(Credit.from_c(c.credits[i].contents) for i in range(c.credit_count))
        return cls(id=c.id, program=text_out(c.program), order_id=text_out(c.order_id),
                   visitor_id=text_out(c.visitor_id), kind=from_c(ConversionKind, c.kind),
                   value_minor=c.value_minor, currency=text_out(c.currency),
                   at=datetime_from_ms(c.at_ms), attributed=bool(c.attributed),
                   model=from_c(Model, c.model), rules_version=c.rules_version,
                   credits=credits, duplicate=duplicate or bool(c.replayed),
                   customer_id=_none_if_empty(c.customer_id),
                   refunded_minor=c.refunded_minor,
                   follows_order=_none_if_empty(c.follows_order))


@dataclass(frozen=True)
class ExplainedTouch:
    """One touchpoint considered by an attribution, with its weight and why."""
    touchpoint_id: int
    code: str
    advocate: str
    channel: Union[Channel, int]
    kind: Union[TouchpointKind, int]
    at: datetime
    weight: float
    value_minor: int
    note: str

    @classmethod
    def from_c(cls, c: _ffi.rf_explained_touch) -> "ExplainedTouch":
        return cls(touchpoint_id=c.touchpoint_id, code=text_out(c.code),
                   advocate=text_out(c.advocate), channel=from_c(Channel, c.channel),
                   kind=from_c(TouchpointKind, c.kind), at=datetime_from_ms(c.at_ms),
                   weight=c.weight, value_minor=c.value_minor, note=text_out(c.note))


@dataclass(frozen=True)
class Explanation:
    """Why a conversion was credited as it was; touches oldest first."""
    program: str
    order_id: str
    model: Union[Model, int]
    rules_version: int
    lookback: timedelta
    window_start: datetime
    window_end: datetime
    summary: str
    touches: Tuple[ExplainedTouch, ...]
    parameters: str = ""
    currency: str = ""

    @classmethod
    def from_c(cls, c: _ffi.rf_explanation) -> "Explanation":
        touches = tuple(ExplainedTouch.from_c(c.touches[i].contents)
                        for i in range(c.touch_count))
        return cls(program=text_out(c.program), order_id=text_out(c.order_id),
                   model=from_c(Model, c.model), rules_version=c.rules_version,
                   lookback=_ms(c.lookback_ms),
                   window_start=datetime_from_ms(c.window_start_ms),
                   window_end=datetime_from_ms(c.window_end_ms),
                   summary=text_out(c.summary), touches=touches,
                   parameters=text_out(c.parameters), currency=text_out(c.currency))


@dataclass(frozen=True)
class Stats:
    """Counts over a period; ``values`` maps currency -> attributed minor units."""
    touchpoints: int
    unique_touchpoints: int
    unique_visitors: int
    conversions: int
    attributed_conversions: int
    credited_conversions: float
    conversion_rate: float
    values: Dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_c(cls, c: _ffi.rf_stats) -> "Stats":
        values: Dict[str, int] = {}
        for i in range(c.value_count):
            money = c.values[i].contents
            values[text_out(money.currency)] = money.value_minor
        return cls(touchpoints=c.touchpoints, unique_touchpoints=c.unique_touchpoints,
                   unique_visitors=c.unique_visitors, conversions=c.conversions,
                   attributed_conversions=c.attributed_conversions,
                   credited_conversions=c.credited_conversions,
                   conversion_rate=c.conversion_rate, values=values)


@dataclass(frozen=True)
class FitValue:
    """One advocate's value in a fitted model (Markov: removal effect; Shapley:
    conversions) and its share of the sum."""
    advocate: str
    value: float
    weight: float

    @classmethod
    def from_c(cls, c: _ffi.rf_fit_value) -> "FitValue":
        return cls(advocate=text_out(c.advocate), value=c.value, weight=c.weight)


@dataclass(frozen=True)
class Fit:
    """A data-driven model fitted on a program's journeys; values largest first."""
    model: Union[Model, int]
    journeys: int
    conversions: int
    p_conversion: float
    fitted_at: datetime
    values: Tuple[FitValue, ...]

    @classmethod
    def from_c(cls, c: _ffi.rf_fit) -> "Fit":
        values = tuple(FitValue.from_c(c.values[i].contents) for i in range(c.count))
        return cls(model=from_c(Model, c.model), journeys=c.journeys,
                   conversions=c.conversions, p_conversion=c.p_conversion,
                   fitted_at=datetime_from_ms(c.fitted_at_ms), values=values)

    def weights(self) -> Dict[str, float]:
        """advocate -> weight."""
        return {v.advocate: v.weight for v in self.values}


@dataclass(frozen=True)
class ReplayRow:
    """Credit of one advocate or channel in one currency: stored vs replayed."""
    target: Union[Target, int]
    name: str
    currency: str
    current_conversions: float
    replay_conversions: float
    current_value_minor: int
    replay_value_minor: int

    @classmethod
    def from_c(cls, c: _ffi.rf_replay_row) -> "ReplayRow":
        return cls(target=from_c(Target, c.target), name=text_out(c.name),
                   currency=text_out(c.currency), current_conversions=c.current_conversions,
                   replay_conversions=c.replay_conversions,
                   current_value_minor=c.current_value_minor,
                   replay_value_minor=c.replay_value_minor)

    @property
    def delta_conversions(self) -> float:
        return self.replay_conversions - self.current_conversions

    @property
    def delta_value_minor(self) -> int:
        return self.replay_value_minor - self.current_value_minor


@dataclass(frozen=True)
class Replay:
    """A what-if replay: rows for advocates then channels, by name then currency."""
    conversions: int
    changed: int
    rows: Tuple[ReplayRow, ...]

    @classmethod
    def from_c(cls, c: _ffi.rf_replay) -> "Replay":
        rows = tuple(ReplayRow.from_c(c.rows[i].contents) for i in range(c.count))
        return cls(conversions=c.conversions, changed=c.changed, rows=rows)

    @property
    def advocates(self) -> Tuple[ReplayRow, ...]:
        return tuple(r for r in self.rows if r.target == Target.ADVOCATE)

    @property
    def channels(self) -> Tuple[ReplayRow, ...]:
        return tuple(r for r in self.rows if r.target == Target.CHANNEL)


@dataclass(frozen=True)
class PathCredit:
    """Credit of one channel from offline path attribution (:class:`referral.Paths`)."""
    channel: str
    conversions: float
    value: float

    @classmethod
    def from_c(cls, c: _ffi.rf_path_credit) -> "PathCredit":
        return cls(channel=text_out(c.channel), conversions=c.conversions, value=c.value)


__all__ = ["ProgramRules", "Program", "Advocate", "Code", "TouchpointSpec", "Touchpoint",
           "Credit", "Conversion", "ExplainedTouch", "Explanation", "Stats", "FitValue", "Fit",
           "ReplayRow", "Replay", "PathCredit"]

