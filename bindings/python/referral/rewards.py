"""Rewards: rules, policy, coupon banks, the ledger, payouts (include/referral/reward.h).

    store.add_reward_rule("spring", basis="percent", amount=1000)   # 10 % to referrers
    store.add_reward_rule("spring", side="referee", kind="credit", amount=500)
    store.set_reward_policy("spring", holding=timedelta(days=14), min_payout_minor=2000)
    store.settle_rewards("spring")
    payout = store.run_payout("spring", "2026-03")
"""
from __future__ import annotations

from ctypes import byref, c_char_p, c_int64, c_size_t
from dataclasses import dataclass
from datetime import datetime
from typing import Any, List, Optional, Sequence, Tuple

from . import _ffi
from ._convert import (DurationLike, TimeLike, datetime_from_ms, int64, ms_from_duration,
                       ms_from_time, optional_datetime, text_in, text_out)
from .enums import (RewardBasis, RewardEvent, RewardKind, RewardSide, RewardState, from_c,
                    to_c)
from .errors import RF_DUPLICATE


@dataclass(frozen=True)
class RewardRule:
    """One reward rule of a program (see rf_reward_rule)."""
    id: int
    side: Any
    event: Any
    kind: Any
    basis: Any
    amount: int
    min_referrals: int
    max_referrals: int
    nth: int
    months: int
    kinds: int
    min_value: int
    max_value: int
    currency: str
    code_bank: str
    approve_at_once: bool
    label: str


@dataclass(frozen=True)
class RewardPolicy:
    """A program's holding period, minimum payout, caps and budget (0: none)."""
    holding_ms: int
    min_payout_minor: int
    day_count: int
    day_amount: int
    week_count: int
    week_amount: int
    month_count: int
    month_amount: int
    total_count: int
    total_amount: int
    budget_minor: int
    budget_currency: str


@dataclass(frozen=True)
class RewardConfig:
    """A program's reward configuration at its current version (0: never set)."""
    program: str
    version: int
    policy: RewardPolicy
    rules: Tuple[RewardRule, ...]


@dataclass(frozen=True)
class Reward:
    """One reward and its state."""
    id: int
    order_id: str
    recipient: str
    side: Any
    rule_id: int
    config_version: int
    kind: Any
    state: Any
    unit: str
    requested: int
    amount: int
    clawed: int
    coupon: str
    note: str
    created_at: datetime
    due_at: Optional[datetime]


@dataclass(frozen=True)
class Balance:
    """A holder's balances in one unit, from the ledger."""
    recipient: str
    side: Any
    kind: Any
    unit: str
    held: int
    pending: int
    approved: int
    paid: int
    owed: int


@dataclass(frozen=True)
class PayoutLine:
    """What one holder receives in one unit."""
    recipient: str
    side: Any
    kind: Any
    unit: str
    amount: int
    settled_owed: int
    rewards: int


@dataclass(frozen=True)
class Payout:
    """A payout batch; ``duplicate`` when its id had already been paid."""
    program: str
    payout_id: str
    at: datetime
    lines: Tuple[PayoutLine, ...]
    duplicate: bool


_POLICY_FIELDS = ("min_payout_minor", "day_count", "day_amount", "week_count", "week_amount",
                  "month_count", "month_amount", "total_count", "total_amount", "budget_minor")


def _rule(c: _ffi.rf_reward_rule) -> RewardRule:
    return RewardRule(c.id, from_c(RewardSide, c.side), from_c(RewardEvent, c.event),
                      from_c(RewardKind, c.kind), from_c(RewardBasis, c.basis), c.amount,
                      c.min_referrals, c.max_referrals, c.nth, c.months, c.kinds, c.min_value,
                      c.max_value, text_out(c.currency), text_out(c.code_bank),
                      bool(c.approve_at_once), text_out(c.label))


def _reward(c: _ffi.rf_reward) -> Reward:
    return Reward(c.id, text_out(c.order_id), text_out(c.recipient), from_c(RewardSide, c.side),
                  c.rule_id, c.config_version, from_c(RewardKind, c.kind),
                  from_c(RewardState, c.state), text_out(c.unit), c.requested, c.amount,
                  c.clawed, text_out(c.coupon), text_out(c.note),
                  datetime_from_ms(c.created_at_ms), optional_datetime(c.due_at_ms))


class RewardsMixin:
    """Store methods for rewards (mixed into :class:`Store`)."""

    _call: Any
    _fetch: Any

    def add_reward_rule(self, program: str, side: Any = RewardSide.REFERRER,
                        event: Any = RewardEvent.CONVERSION, kind: Any = RewardKind.CASH,
                        basis: Any = RewardBasis.FIXED, amount: int = 0,
                        min_referrals: int = 0, max_referrals: int = 0, nth: int = 0,
                        months: int = 0, kinds: Sequence[Any] = (), min_value: int = 0,
                        max_value: int = 0, currency: Optional[str] = None,
                        code_bank: Optional[str] = None, approve_at_once: bool = False,
                        label: Optional[str] = None) -> int:
        """Add a rule (a new configuration version); returns its id.

        ``amount`` is minor units (or points) for a fixed rule, basis points of
        the attributed value for a percent rule; ``kinds`` lists conversion kinds
        the rule is limited to (empty: any).
        """
        from .enums import ConversionKind
        lib = _ffi.lib()
        r = _ffi.rf_reward_rule()
        lib.rf_reward_rule_init(byref(r), _ffi.REWARD_RULE_VERSION)
        r.side = to_c(RewardSide, side, "side")
        r.event = to_c(RewardEvent, event, "event")
        r.kind = to_c(RewardKind, kind, "kind")
        r.basis = to_c(RewardBasis, basis, "basis")
        r.amount = int64(amount, "amount")
        r.min_referrals = int64(min_referrals, "min_referrals")
        r.max_referrals = int64(max_referrals, "max_referrals")
        r.nth = int64(nth, "nth")
        r.months = int64(months, "months")
        mask = 0
        for k in kinds:
            mask |= 1 << (to_c(ConversionKind, k, "kinds") or 0)
        r.kinds = mask
        r.min_value = int64(min_value, "min_value")
        r.max_value = int64(max_value, "max_value")
        r.currency = text_in(currency, "currency")
        r.code_bank = text_in(code_bank, "code_bank")
        r.approve_at_once = 1 if approve_at_once else 0
        r.label = text_in(label, "label")
        out = c_int64()
        self._call(lib.rf_reward_rule_add, (byref(out),), text_in(program, "program"), byref(r))
        return out.value

    def remove_reward_rule(self, program: str, rule_id: int) -> None:
        """Remove a rule (a new configuration version; its rewards stay)."""
        self._call(_ffi.lib().rf_reward_rule_remove, (), text_in(program, "program"),
                   int64(rule_id, "rule_id"))

    def set_reward_policy(self, program: str, holding: Optional[DurationLike] = None,
                          budget_currency: Optional[str] = None, **limits: int) -> int:
        """Replace the policy: ``holding`` (default 30 days), ``min_payout_minor``,
        ``day_count`` ... ``total_amount``, ``budget_minor`` with ``budget_currency``.
        Returns the new configuration version."""
        lib = _ffi.lib()
        p = _ffi.rf_reward_policy()
        lib.rf_reward_policy_init(byref(p), _ffi.REWARD_POLICY_VERSION)
        held = ms_from_duration(holding, "holding")
        if held is not None:
            p.holding_ms = held
        for name, value in limits.items():
            if name not in _POLICY_FIELDS:
                raise TypeError("set_reward_policy: unknown limit %r" % name)
            setattr(p, name, int64(value, name))
        p.budget_currency = text_in(budget_currency, "budget_currency")
        out = c_int64()
        self._call(lib.rf_reward_policy_set, (byref(out),), text_in(program, "program"), byref(p))
        return out.value

    def reward_config(self, program: str) -> RewardConfig:
        """The current configuration: policy and rules."""
        def convert(c: _ffi.rf_reward_config, _rc: int) -> RewardConfig:
            p = c.policy.contents
            policy = RewardPolicy(p.holding_ms, *(getattr(p, f) for f in _POLICY_FIELDS),
                                  text_out(p.budget_currency))
            return RewardConfig(text_out(c.program), c.version, policy,
                                tuple(_rule(r.contents) for r in c.rules[:c.rule_count]))
        lib = _ffi.lib()
        return self._fetch(lib.rf_reward_config_get, _ffi.rf_reward_config,
                           lib.rf_reward_config_free, convert, text_in(program, "program"))

    def load_reward_codes(self, program: str, bank: str, codes: Sequence[str]) -> int:
        """Load coupon codes into a bank; returns how many were new."""
        arr = (c_char_p * max(len(codes), 1))(*[text_in(c, "code") for c in codes])
        out = c_size_t()
        self._call(_ffi.lib().rf_reward_codes_load, (byref(out),), text_in(program, "program"),
                   text_in(bank, "bank"), arr, len(codes))
        return out.value

    def rewards(self, program: str, advocate: Optional[str] = None,
                order_id: Optional[str] = None) -> List[Reward]:
        """A program's rewards, optionally one advocate's and/or one order's."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_reward_list_get, _ffi.rf_reward_list, lib.rf_reward_list_free,
                           lambda c, _rc: [_reward(r.contents) for r in c.items[:c.count]],
                           text_in(program, "program"), text_in(advocate, "advocate"),
                           text_in(order_id, "order_id"))

    def reward_balances(self, program: str, advocate: Optional[str] = None) -> List[Balance]:
        """Balances (held, pending, approved, paid, owed) per holder and unit."""
        def convert(c: _ffi.rf_balance_list, _rc: int) -> List[Balance]:
            return [Balance(text_out(b.recipient), from_c(RewardSide, b.side),
                            from_c(RewardKind, b.kind), text_out(b.unit), b.held, b.pending,
                            b.approved, b.paid, b.owed)
                    for b in (x.contents for x in c.items[:c.count])]
        lib = _ffi.lib()
        return self._fetch(lib.rf_reward_balances, _ffi.rf_balance_list,
                           lib.rf_balance_list_free, convert, text_in(program, "program"),
                           text_in(advocate, "advocate"))

    def settle_rewards(self, program: str, at: Optional[TimeLike] = None) -> int:
        """Approve pending rewards whose holding period ended; returns how many."""
        out = c_size_t()
        self._call(_ffi.lib().rf_reward_settle, (byref(out),), text_in(program, "program"),
                   ms_from_time(at, "at"))
        return out.value

    def run_payout(self, program: str, payout_id: str, at: Optional[TimeLike] = None) -> Payout:
        """Pay approved rewards in one batch; the same id again pays nothing."""
        def convert(c: _ffi.rf_payout, rc: int) -> Payout:
            lines = tuple(PayoutLine(text_out(x.recipient), from_c(RewardSide, x.side),
                                     from_c(RewardKind, x.kind), text_out(x.unit), x.amount,
                                     x.settled_owed, x.rewards)
                          for x in (l.contents for l in c.lines[:c.count]))
            return Payout(text_out(c.program), text_out(c.payout_id), datetime_from_ms(c.at_ms),
                          lines, rc == RF_DUPLICATE)
        lib = _ffi.lib()
        return self._fetch(lib.rf_payout_run, _ffi.rf_payout, lib.rf_payout_free, convert,
                           text_in(program, "program"), text_in(payout_id, "payout_id"),
                           ms_from_time(at, "at"))

    def check_rewards(self) -> None:
        """Verify the reward ledger's invariants (CorruptError names a broken one)."""
        self._call(_ffi.lib().rf_reward_check, ())
