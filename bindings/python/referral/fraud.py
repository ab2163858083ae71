"""Fraud checks: verdicts, signals, the review queue, policy (include/referral/fraud.h).

    check = store.fraud_check("spring", "order-1")   # FraudCheck: risk, decision, signals
    for held in store.review_queue("spring"):
        store.review("spring", held.order_id, approve=True, reviewer="rita", reason="known")
    store.set_fraud_policy("spring", weight_disposable_email=60, max_conversions_ip=5)
    store.load_disposable_domains("/etc/shop/disposable.txt")
"""
from __future__ import annotations

import dataclasses
from ctypes import byref, c_int64
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator, List, Optional, Tuple, Union

from . import _ffi
from ._convert import datetime_from_ms, int64, optional_datetime, text_in, text_out
from .enums import FraudDecision, FraudSignal, ReviewStatus, from_c


@dataclass(frozen=True)
class FraudSignalHit:
    """One signal that fired, with what it added to the risk and why."""
    kind: Union[FraudSignal, int]
    weight: int
    hard: bool
    evidence: str


@dataclass(frozen=True)
class FraudCheck:
    """The fraud check of one conversion (reviewer and reason "" until reviewed)."""
    program: str
    order_id: str
    advocate: str
    at: datetime
    risk: int
    decision: Union[FraudDecision, int]
    status: Union[ReviewStatus, int]
    policy_version: int
    reviewer: str
    review_reason: str
    reviewed_at: Optional[datetime]
    summary: str
    signals: Tuple[FraudSignalHit, ...]

    @classmethod
    def from_c(cls, c: _ffi.rf_fraud_check) -> "FraudCheck":
        hits = tuple(FraudSignalHit(from_c(FraudSignal, h.contents.kind), h.contents.weight,
                                    bool(h.contents.hard), text_out(h.contents.evidence))
                     for h in c.signals[:c.signal_count])
        return cls(text_out(c.program), text_out(c.order_id), text_out(c.advocate),
                   datetime_from_ms(c.at_ms), c.risk, from_c(FraudDecision, c.decision),
                   from_c(ReviewStatus, c.status), c.policy_version, text_out(c.reviewer),
                   text_out(c.review_reason), optional_datetime(c.reviewed_at_ms),
                   text_out(c.summary), hits)

    @property
    def held(self) -> bool:
        return self.status == ReviewStatus.HELD


@dataclass(frozen=True)
class FraudPolicy:
    """A program's fraud policy (field names and defaults as ``rf_fraud_policy``)."""
    approve_below: int = 30
    reject_from: int = 70
    weight_self_referral: int = 100
    weight_disposable_email: int = 30
    weight_conversion_velocity: int = 25
    weight_click_velocity: int = 25
    weight_fast_conversion: int = 25
    weight_existing_customer: int = 100
    weight_duplicate_identity: int = 40
    weight_referral_ring: int = 70
    weight_bot: int = 70
    hard_signals: Tuple[FraudSignal, ...] = (FraudSignal.SELF_REFERRAL,
                                             FraudSignal.EXISTING_CUSTOMER)
    window_ms: int = 3600000
    max_conversions_advocate: int = 10
    max_conversions_ip: int = 3
    max_clicks_advocate: int = 500
    max_clicks_ip: int = 20
    min_click_to_conversion_ms: int = 5000
    ring_max_depth: int = 6

    @classmethod
    def from_c(cls, c: _ffi.rf_fraud_policy) -> "FraudPolicy":
        values = {f.name: getattr(c, f.name) for f in dataclasses.fields(cls)}
        values["hard_signals"] = tuple(s for s in FraudSignal if c.hard_signals & (1 << s))
        return cls(**values)

    def to_c(self) -> _ffi.rf_fraud_policy:
        c = _ffi.rf_fraud_policy()
        _ffi.lib().rf_fraud_policy_init(byref(c), _ffi.FRAUD_POLICY_VERSION)
        for f in dataclasses.fields(self):
            if f.name == "hard_signals":
                bits = 0
                for s in self.hard_signals:
                    bits |= 1 << int(s)
                c.hard_signals = bits
            else:
                setattr(c, f.name, int64(getattr(self, f.name), f.name))
        return c


class FraudMixin:
    """Store methods for fraud checks (mixed into :class:`Store`)."""

    _call: Any
    _fetch: Any

    def fraud_policy(self, program: str) -> Tuple[FraudPolicy, int]:
        """The program's fraud policy and its version (1: the defaults)."""
        c = _ffi.rf_fraud_policy()
        version = c_int64()
        self._call(_ffi.lib().rf_fraud_policy_get, (byref(c), byref(version)),
                   text_in(program, "program"))
        return FraudPolicy.from_c(c), version.value

    def set_fraud_policy(self, program: str, policy: Optional[FraudPolicy] = None,
                         **changes: Any) -> int:
        """Set the program's fraud policy (``policy`` or the current one with
        ``changes``); returns the new version."""
        if policy is None:
            policy = self.fraud_policy(program)[0]
        try:
            policy = dataclasses.replace(policy, **changes)
        except TypeError as exc:
            raise TypeError("set_fraud_policy: %s" % exc) from None
        out = c_int64()
        self._call(_ffi.lib().rf_fraud_policy_set, (byref(out),), text_in(program, "program"),
                   byref(policy.to_c()))
        return out.value

    def fraud_check(self, program: str, order_id: str) -> FraudCheck:
        """The fraud check of a conversion: verdict, review, signals with evidence."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_fraud_get, _ffi.rf_fraud_check, lib.rf_fraud_check_free,
                           lambda c, _rc: FraudCheck.from_c(c), text_in(program, "program"),
                           text_in(order_id, "order_id"))

    def review_queue_page(self, program: str, cursor: int = 0,
                          limit: int = 100) -> Tuple[List[FraudCheck], int]:
        """One page of conversions held for review, oldest first, and the next cursor."""
        lib = _ffi.lib()

        def convert(c: _ffi.rf_fraud_checks, _rc: int) -> Tuple[List[FraudCheck], int]:
            return [FraudCheck.from_c(i.contents) for i in c.items[:c.count]], c.next_cursor
        return self._fetch(lib.rf_fraud_queue, _ffi.rf_fraud_checks, lib.rf_fraud_checks_free,
                           convert, text_in(program, "program"), int64(cursor, "cursor"),
                           int(limit))

    def review_queue(self, program: str) -> Iterator[FraudCheck]:
        """Every conversion held for review, oldest first."""
        cursor = 0
        while True:
            items, cursor = self.review_queue_page(program, cursor)
            yield from items
            if not cursor:
                return

    def review(self, program: str, order_id: str, *, approve: bool, reviewer: str,
               reason: str) -> FraudCheck:
        """Approve (release held rewards) or reject (void them) a held conversion."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_fraud_review, _ffi.rf_fraud_check, lib.rf_fraud_check_free,
                           lambda c, _rc: FraudCheck.from_c(c), text_in(program, "program"),
                           text_in(order_id, "order_id"), 1 if approve else 0,
                           text_in(reviewer, "reviewer"), text_in(reason, "reason"))

    def load_disposable_domains(self, path: str) -> int:
        """Replace the disposable email domains with a file's (one per line, '#'
        comments); an empty list brings back the shipped one. Returns the count."""
        out = c_int64()
        self._call(_ffi.lib().rf_fraud_domains_load, (byref(out),), text_in(path, "path"))
        return out.value
