"""Program reports: time series, splits and the funnel (``include/referral/report.h``)."""
from __future__ import annotations

from ctypes import byref
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional

from . import _ffi
from ._convert import TimeLike, datetime_from_ms, ms_from_time, text_in, text_out, uint32
from .errors import invalid

#: Granularities of a series (rf_period) and what a split groups by (rf_split_by).
PERIODS = {"day": 1, "week": 2, "month": 3}
SPLITS = {"advocate": 1, "channel": 2, "kind": 3, "content": 4}


def _values(c: Any) -> Dict[str, int]:
    return {text_out(c.values[i].contents.currency): c.values[i].contents.value_minor
            for i in range(c.value_count)}


@dataclass(frozen=True)
class Bucket:
    """One bucket of a series; ``values`` maps currency -> net attributed minor units."""
    start: datetime
    end: datetime
    touchpoints: int
    unique_visitors: int
    conversions: int
    attributed_conversions: int
    conversion_rate: float
    active_advocates: int
    values: Dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_c(cls, c: _ffi.rf_report_bucket) -> "Bucket":
        return cls(start=datetime_from_ms(c.start_ms), end=datetime_from_ms(c.end_ms),
                   touchpoints=c.touchpoints, unique_visitors=c.unique_visitors,
                   conversions=c.conversions, attributed_conversions=c.attributed_conversions,
                   conversion_rate=c.conversion_rate, active_advocates=c.active_advocates,
                   values=_values(c))


@dataclass(frozen=True)
class SplitRow:
    """One group of a split (an advocate, a channel or an advocate kind)."""
    key: str
    name: str
    touchpoints: int
    unique_visitors: int
    attributed_conversions: int
    credited_conversions: float
    values: Dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_c(cls, c: _ffi.rf_report_split_row) -> "SplitRow":
        return cls(key=text_out(c.key), name=text_out(c.name), touchpoints=c.touchpoints,
                   unique_visitors=c.unique_visitors,
                   attributed_conversions=c.attributed_conversions,
                   credited_conversions=c.credited_conversions, values=_values(c))


@dataclass(frozen=True)
class Funnel:
    """click -> signup -> purchase over a period."""
    visitors: int
    signed_up: int
    purchased: int
    purchased_any: int
    signup_rate: float
    purchase_rate: float

    @classmethod
    def from_c(cls, c: _ffi.rf_report_funnel) -> "Funnel":
        return cls(visitors=c.visitors, signed_up=c.signed_up, purchased=c.purchased,
                   purchased_any=c.purchased_any, signup_rate=c.signup_rate,
                   purchase_rate=c.purchase_rate)


@dataclass(frozen=True)
class CurrencySummary:
    """A period's money in one currency: value, reward cost, return on spend."""
    currency: str
    value_minor: int
    reward_cost_minor: int
    return_on_spend: float


@dataclass(frozen=True)
class Summary:
    """A period's headline numbers (see rf_report_summary_get)."""
    touchpoints: int
    unique_visitors: int
    conversions: int
    attributed_conversions: int
    conversion_rate: float
    new_customers: int
    returning_customers: int
    active_advocates: int
    k_factor: float
    currencies: Dict[str, CurrencySummary]

    @classmethod
    def from_c(cls, c: _ffi.rf_report_summary) -> "Summary":
        money = {}
        for i in range(c.currency_count):
            m = c.currencies[i].contents
            cur = m.currency.decode()
            money[cur] = CurrencySummary(cur, m.value_minor, m.reward_cost_minor,
                                         m.return_on_spend)
        return cls(touchpoints=c.touchpoints, unique_visitors=c.unique_visitors,
                   conversions=c.conversions, attributed_conversions=c.attributed_conversions,
                   conversion_rate=c.conversion_rate, new_customers=c.new_customers,
                   returning_customers=c.returning_customers,
                   active_advocates=c.active_advocates, k_factor=c.k_factor,
                   currencies=money)


def _choice(table: Dict[str, int], value: Any, what: str) -> int:
    if isinstance(value, str) and value.lower() in table:
        return table[value.lower()]
    raise invalid("%s: expected one of %s, got %r" % (what, ", ".join(table), value))


def query(program: str, start: Optional[TimeLike], end: Optional[TimeLike],
          period: str = "day", limit: int = 0) -> _ffi.rf_report_query:
    """An rf_report_query (kept alive by the caller while the call runs)."""
    q = _ffi.rf_report_query()
    _ffi.lib().rf_report_query_init(byref(q), _ffi.REPORT_QUERY_VERSION)
    q.program = text_in(program, "program")
    q.from_ms = ms_from_time(start, "start")
    q.to_ms = ms_from_time(end, "end")
    q.period = _choice(PERIODS, period, "period")
    q.limit = uint32(limit, "limit")
    return q


def series_from_c(c: _ffi.rf_report_series, _rc: int) -> List[Bucket]:
    return [Bucket.from_c(c.buckets[i].contents) for i in range(c.count)]


def split_from_c(c: _ffi.rf_report_split, _rc: int) -> List[SplitRow]:
    return [SplitRow.from_c(c.rows[i].contents) for i in range(c.count)]


def split_by(value: Any) -> int:
    return _choice(SPLITS, value, "by")


def funnel_from_c(c: _ffi.rf_report_funnel, _rc: int) -> Funnel:
    return Funnel.from_c(c)


def summary_from_c(c: _ffi.rf_report_summary, _rc: int) -> Summary:
    return Summary.from_c(c)
