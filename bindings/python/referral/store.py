"""The :class:`Store`: a handle on one libreferral SQLite database."""
from __future__ import annotations

import ctypes
import dataclasses
import numbers
import os
import threading
import weakref
from ctypes import POINTER, byref
from datetime import datetime
from typing import (Any, Callable, Iterable, Iterator, List, Mapping, Optional,
                    Tuple, Union)

from . import _ffi, reports
from ._callback import Callback
from ._convert import (DurationLike, TimeLike, datetime_from_ms, int64, ms_from_duration,
                       ms_from_time, text_in, uint32)
from .enums import (AdvocateKind, Channel, ConversionKind, Durability, Model,
                    TouchpointKind, to_c)
from .exports import ExportsMixin
from .links import LinksMixin
from .engagement import EngagementMixin
from .rewards import RewardsMixin
from .scoring import ScoringMixin
from .fraud import FraudMixin
from .privacy import PrivacyMixin
from .voice import VoiceMixin
from .errors import RF_DUPLICATE, RF_EMISUSE, MisuseError, invalid
from .types import (Advocate, Code, Conversion, Explanation, Fit, Program, ProgramRules,
                    Replay, Stats, Touchpoint, TouchpointSpec)

Clock = Callable[[], Union[datetime, int]]
PathLike = Union[str, bytes, "os.PathLike[str]"]


class _ClockAdapter(Callback):
    """Wraps a Python clock as an ``rf_clock_fn`` (an exception: C gets 0)."""

    def __init__(self, fn: Clock) -> None:
        self.fn: Clock = fn
        super().__init__(_ffi.ClockFn, 0)

    def _call(self, _ctx: Any) -> int:
        return ms_from_time(self.fn(), "clock()")


Progress = Callable[[str, int, int], Any]


class _ProgressAdapter(Callback):
    """Wraps ``fn(operation, done, total)`` as an ``rf_progress_fn``.

    An exception raised by ``fn`` stops the operation (C gets 1 and returns
    RF_ECANCELED, writing nothing); the store then re-raises it.
    """

    def __init__(self, fn: Progress) -> None:
        self.fn: Progress = fn
        super().__init__(_ffi.ProgressFn, 1)

    def _call(self, _ctx: Any, operation: bytes, done: int, total: int) -> int:
        self.fn(operation.decode(), done, total)
        return 0


def _free_store(handle: _ffi.StoreHandle, _keep_alive: Any) -> None:
    _ffi.lib().rf_store_free(handle)


class Store(LinksMixin, EngagementMixin, RewardsMixin, ScoringMixin, ExportsMixin, FraudMixin,
            PrivacyMixin, VoiceMixin):
    """An open libreferral database (a file path or ``":memory:"``).

    Use it as a context manager; it is closed exactly once (by :meth:`close`,
    ``with``, garbage collection or interpreter exit). Calls after close raise
    :class:`MisuseError`. A store serialises its own calls; for parallelism
    open one store per thread.

    Options: ``busy_timeout_ms`` (default 5000), ``durability`` (``"normal"``
    or ``"full"``), ``no_create`` (fail with NotFoundError for a missing file),
    ``cache_size_kib``, ``clock`` (a callable returning an aware datetime or
    int milliseconds; the store's notion of "now").
    """

    def __init__(self, path: PathLike, *, busy_timeout_ms: Optional[int] = None,
                 durability: Union[Durability, int, str, None] = None,
                 no_create: bool = False, cache_size_kib: Optional[int] = None,
                 clock: Optional[Clock] = None) -> None:
        lib = _ffi.lib()
        opts = _ffi.rf_store_options()
        lib.rf_store_options_init(byref(opts), _ffi.STORE_OPTIONS_VERSION)
        if busy_timeout_ms is not None:
            opts.busy_timeout_ms = _int32(busy_timeout_ms, "busy_timeout_ms")
        if durability is not None:
            opts.durability = to_c(Durability, durability, "durability")
        if no_create:
            opts.flags |= _ffi.STORE_NO_CREATE
        if cache_size_kib is not None:
            opts.cache_size_kib = _int32(cache_size_kib, "cache_size_kib")
        self._clock = _ClockAdapter(clock) if clock is not None else None
        self._progress: Optional[_ProgressAdapter] = None
        if self._clock is not None:
            opts.clock = self._clock.c_fn
        self.path = os.fsdecode(path)
        encoded = os.fsencode(path)
        if b"\0" in encoded:
            raise invalid("path contains a NUL character")
        handle = _ffi.StoreHandle()
        try:
            try:
                lib.rf_store_open(byref(handle), encoded, byref(opts))
            finally:
                if self._clock is not None:
                    self._clock.raise_pending()
        except BaseException:
            lib.rf_store_free(handle)  # opened but the clock failed; NULL is ignored
            raise
        self._handle = handle
        self._lock = threading.RLock()
        self._finalizer = weakref.finalize(self, _free_store, handle, self._clock)

    # -- lifecycle -----------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<referral.Store %r%s>" % (self.path, " closed" if self.closed else "")

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def close(self) -> None:
        """Close the database and release the handle; closing twice is harmless."""
        with self._lock:
            if self._finalizer.alive:
                try:
                    _ffi.lib().rf_store_close(self._handle)
                finally:
                    self._finalizer()

    def _call(self, fn: Any, outs: Tuple[Any, ...], *inputs: Any) -> int:
        """Call ``fn(*outs, handle, *inputs)`` under the store's lock."""
        with self._lock:
            if not self._finalizer.alive:
                raise MisuseError(RF_EMISUSE, "the store is closed")
            try:
                return fn(*outs, self._handle, *inputs)
            finally:
                if self._clock is not None:
                    self._clock.raise_pending()
                if self._progress is not None:
                    self._progress.raise_pending()

    def _fetch(self, fn: Any, ctype: Any, free: Any, convert: Callable[[Any, int], Any],
               *inputs: Any) -> Any:
        """Call a function returning an object, copy it out, then free it."""
        out = POINTER(ctype)()
        try:
            rc = self._call(fn, (byref(out),), *inputs)
            return convert(out.contents, rc)
        finally:
            free(out)  # NULL is ignored

    # -- store ---------------------------------------------------------------

    def check(self) -> None:
        """Verify the database; raises CorruptError naming the first problem."""
        self._call(_ffi.lib().rf_store_check, ())

    def now(self) -> datetime:
        """The store's clock (injected or system) as an aware UTC datetime."""
        out = ctypes.c_int64()
        self._call(_ffi.lib().rf_store_now, (byref(out),))
        return datetime_from_ms(out.value)

    def set_progress(self, fn: Optional[Progress]) -> None:
        """Call ``fn(operation, done, total)`` during long operations (replay,
        score recompute); ``None`` stops it. ``total`` 0 means unknown. Raising
        from ``fn`` cancels the operation, which writes nothing, and the
        exception propagates from the call that was running."""
        adapter = _ProgressAdapter(fn) if fn is not None else None
        c_fn = adapter.c_fn if adapter is not None else _ffi.ProgressFn()
        self._call(_ffi.lib().rf_store_set_progress, (), c_fn, None)
        self._progress = adapter

    # -- programs ------------------------------------------------------------

    def create_program(self, key: str, name: Optional[str] = None,
                       rules: Optional[ProgramRules] = None) -> Program:
        """Create a program (name defaults to the key, rules to the defaults)."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_program_create, _ffi.rf_program, lib.rf_program_free,
                           _program, text_in(key, "key"), text_in(name, "name"),
                           _rules_in(rules))

    def get_program(self, key: str) -> Program:
        """Fetch a program by key (NotFoundError if none)."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_program_get, _ffi.rf_program, lib.rf_program_free,
                           _program, text_in(key, "key"))

    def update_program(self, key: str, name: Optional[str] = None,
                       rules: Optional[ProgramRules] = None) -> Program:
        """Change name and/or rules (None keeps); a rules change bumps rules_version."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_program_update, _ffi.rf_program, lib.rf_program_free,
                           _program, text_in(key, "key"), text_in(name, "name"),
                           _rules_in(rules))

    def archive_program(self, key: str) -> None:
        """Archive a program: codes stop resolving, history stays."""
        self._call(_ffi.lib().rf_program_archive, (), text_in(key, "key"))

    def programs(self, include_archived: bool = False) -> List[Program]:
        """All programs ordered by key."""
        lib = _ffi.lib()
        flags = _ffi.LIST_INCLUDE_ARCHIVED if include_archived else 0

        def convert(c: _ffi.rf_programs, _rc: int) -> List[Program]:
            return [Program.from_c(c.items[i].contents) for i in range(c.count)]
        return self._fetch(lib.rf_program_list, _ffi.rf_programs, lib.rf_programs_free,
                           convert, flags)

    # -- advocates -----------------------------------------------------------

    def add_advocate(self, external_id: str, *,
                     kind: Union[AdvocateKind, int, str, None] = None,
                     display_name: Optional[str] = None,
                     email: Optional[str] = None, customer_id: Optional[str] = None,
                     visitor_id: Optional[str] = None, ip: Optional[str] = None,
                     user_agent: Optional[str] = None) -> Advocate:
        """Add an advocate; the email is kept only as a keyed hash.

        ``customer_id`` is the host's customer id of this advocate (the referral
        graph: a conversion credited to Y by X's customer id means Y referred X);
        ``visitor_id``, ``ip`` and ``user_agent`` are what was seen at sign-up (IP
        and user agent kept only as keyed hashes). The fraud checks compare them
        with converting customers and across advocates.
        """
        lib = _ffi.lib()
        spec = _ffi.rf_advocate_spec()
        lib.rf_advocate_spec_init(byref(spec), _ffi.ADVOCATE_SPEC_VERSION)
        spec.external_id = text_in(external_id, "external_id")
        _set(spec, "kind", to_c(AdvocateKind, kind, "kind"))
        spec.display_name = text_in(display_name, "display_name")
        spec.email = text_in(email, "email")
        spec.customer_id = text_in(customer_id, "customer_id")
        spec.visitor_id = text_in(visitor_id, "visitor_id")
        spec.ip = text_in(ip, "ip")
        spec.user_agent = text_in(user_agent, "user_agent")
        return self._fetch(lib.rf_advocate_add, _ffi.rf_advocate, lib.rf_advocate_free,
                           _advocate, byref(spec))

    def get_advocate(self, external_id: str) -> Advocate:
        """Fetch an advocate by external id (NotFoundError if none)."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_advocate_get, _ffi.rf_advocate, lib.rf_advocate_free,
                           _advocate, text_in(external_id, "external_id"))

    def deactivate_advocate(self, external_id: str) -> None:
        """Deactivate an advocate: their codes stop resolving."""
        self._call(_ffi.lib().rf_advocate_deactivate, (),
                   text_in(external_id, "external_id"))

    def advocate_page(self, cursor: int = 0, limit: int = 100) -> Tuple[List[Advocate], int]:
        """One page in creation order and the next cursor (0 after the last page)."""
        lib = _ffi.lib()

        def convert(c: _ffi.rf_advocates, _rc: int) -> Tuple[List[Advocate], int]:
            items = [Advocate.from_c(c.items[i].contents) for i in range(c.count)]
            return items, c.next_cursor
        return self._fetch(lib.rf_advocate_list, _ffi.rf_advocates, lib.rf_advocates_free,
                           convert, int64(cursor, "cursor"), uint32(limit, "limit"))

    def advocates(self, page_size: int = 100) -> Iterator[Advocate]:
        """Iterate over every advocate in creation order, a page at a time."""
        cursor = 0
        while True:
            items, cursor = self.advocate_page(cursor, page_size)
            yield from items
            if cursor == 0:
                return

    # -- codes ---------------------------------------------------------------

    def issue_code(self, program: str, advocate: str, *,
                   channel: Union[Channel, int, str, None] = None,
                   vanity: Optional[str] = None, expires_at: Optional[TimeLike] = None,
                   max_uses: Optional[int] = None, content: Optional[str] = None) -> Code:
        """Issue a random (or vanity) code for an advocate in a program, optionally
        bound to a content item (its key) whose shares it tracks."""
        lib = _ffi.lib()
        spec = _ffi.rf_code_spec()
        lib.rf_code_spec_init(byref(spec), _ffi.CODE_SPEC_VERSION)
        spec.program = text_in(program, "program")
        spec.advocate = text_in(advocate, "advocate")
        _set(spec, "channel", to_c(Channel, channel, "channel"))
        spec.vanity = text_in(vanity, "vanity")
        spec.expires_at_ms = ms_from_time(expires_at, "expires_at")
        if max_uses is not None:
            spec.max_uses = int64(max_uses, "max_uses")
        spec.content = text_in(content, "content")
        return self._fetch(lib.rf_code_issue, _ffi.rf_code, lib.rf_code_free, _code,
                           byref(spec))

    def resolve_code(self, text: str) -> Code:
        """Resolve typed or clicked input into a usable code, as of the store's clock.

        Raises InvalidError, CheckError (typo), NotFoundError, ExpiredError,
        DisabledError or ExhaustedError.
        """
        lib = _ffi.lib()
        return self._fetch(lib.rf_code_resolve, _ffi.rf_code, lib.rf_code_free, _code,
                           text_in(text, "code"))

    def get_code(self, text: str) -> Code:
        """Fetch a code in any state."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_code_get, _ffi.rf_code, lib.rf_code_free, _code,
                           text_in(text, "code"))

    def codes(self, advocate: str, program: Optional[str] = None) -> List[Code]:
        """An advocate's codes in issue order, in one program or all, in any state."""
        lib = _ffi.lib()

        def convert(c: _ffi.rf_codes, _rc: int) -> List[Code]:
            return [_code(c.items[i].contents, 0) for i in range(c.count)]
        return self._fetch(lib.rf_code_list, _ffi.rf_codes, lib.rf_codes_free, convert,
                           text_in(program, "program"), text_in(advocate, "advocate"))

    def disable_code(self, text: str) -> None:
        """Disable a code; disabling twice is harmless."""
        self._call(_ffi.lib().rf_code_disable, (), text_in(text, "code"))

    # -- touchpoints ---------------------------------------------------------

    def record_touchpoint(self, code: str, visitor_id: Optional[str] = None, *,
                          kind: Union[TouchpointKind, int, str, None] = None,
                          at: Optional[TimeLike] = None, landing_url: Optional[str] = None,
                          ip: Optional[str] = None, user_agent: Optional[str] = None,
                          direct: bool = False) -> Touchpoint:
        """Record a click/visit/scan; without visitor_id the library makes a UUID.

        ``direct=True`` marks a direct/organic visit (the visitor came without a
        link): the last-non-direct model passes over it.
        """
        lib = _ffi.lib()
        spec = _touchpoint_spec(TouchpointSpec(code, visitor_id, kind, at, landing_url,  # type: ignore[arg-type]
                                               ip, user_agent, direct))
        return self._fetch(lib.rf_touchpoint_record, _ffi.rf_touchpoint,
                           lib.rf_touchpoint_free, _touchpoint, byref(spec))

    def record_touchpoints(self, specs: Iterable[Union[TouchpointSpec, Mapping[str, Any]]]) -> int:
        """Record many touchpoints in one transaction (all or nothing); returns the count.

        Each item is a :class:`TouchpointSpec` or a mapping of its fields; every
        one needs a visitor_id.
        """
        structs = [_touchpoint_spec(s if isinstance(s, TouchpointSpec) else TouchpointSpec(**s))
                   for s in specs]
        array = (POINTER(_ffi.rf_touchpoint_spec) * max(len(structs), 1))()
        for i, struct in enumerate(structs):
            array[i] = ctypes.pointer(struct)
        self._call(_ffi.lib().rf_touchpoint_record_batch, (), array, len(structs))
        return len(structs)

    # -- conversions ---------------------------------------------------------

    def record_conversion(self, program: str, visitor_id: str, order_id: str, *,
                          value_minor: int = 0, currency: Optional[str] = None,
                          kind: Union[ConversionKind, int, str, None] = None,
                          at: Optional[TimeLike] = None, customer_id: Optional[str] = None,
                          code: Optional[str] = None, email: Optional[str] = None,
                          ip: Optional[str] = None, user_agent: Optional[str] = None,
                          existing_customer: bool = False) -> Conversion:
        """Record and attribute a conversion (idempotent on program + order_id).

        Recording the same order again returns the original with
        ``duplicate=True``; with other data it raises ConflictError.
        ``customer_id`` ties the visitor to the host's customer (the journeys of
        all its visitor ids count); ``code`` is a code typed at checkout or used
        as a coupon (a touchpoint at the conversion's time). ``email``, ``ip``
        and ``user_agent`` describe the converting customer for the fraud checks
        (kept only as keyed hashes; the email normalised first);
        ``existing_customer`` marks a customer the host already had (no referral).
        """
        lib = _ffi.lib()
        spec = _ffi.rf_conversion_spec()
        lib.rf_conversion_spec_init(byref(spec), _ffi.CONVERSION_SPEC_VERSION)
        spec.program = text_in(program, "program")
        spec.visitor_id = text_in(visitor_id, "visitor_id")
        spec.order_id = text_in(order_id, "order_id")
        _set(spec, "kind", to_c(ConversionKind, kind, "kind"))
        spec.value_minor = int64(value_minor, "value_minor")
        spec.currency = text_in(currency, "currency")
        spec.at_ms = ms_from_time(at, "at")
        spec.customer_id = text_in(customer_id, "customer_id")
        spec.code = text_in(code, "code")
        spec.email = text_in(email, "email")
        spec.ip = text_in(ip, "ip")
        spec.user_agent = text_in(user_agent, "user_agent")
        spec.existing_customer = 1 if existing_customer else 0
        return self._fetch(lib.rf_conversion_record, _ffi.rf_conversion,
                           lib.rf_conversion_free, _conversion, byref(spec))

    def refund(self, program: str, order_id: str, refund_id: str,
               amount_minor: Optional[int] = None, at: Optional[TimeLike] = None) -> Conversion:
        """Refund part (``amount_minor``) or all that is left (None) of a conversion.

        The refund is split over the credit in proportion to each share; returns
        the conversion after it. Idempotent on ``refund_id``: the same refund
        again changes nothing and returns ``duplicate=True``; the same id with
        another amount raises ConflictError; more than is left raises InvalidError.
        """
        lib = _ffi.lib()
        spec = _ffi.rf_refund_spec()
        lib.rf_refund_spec_init(byref(spec), _ffi.REFUND_SPEC_VERSION)
        spec.program = text_in(program, "program")
        spec.order_id = text_in(order_id, "order_id")
        spec.refund_id = text_in(refund_id, "refund_id")
        if amount_minor is not None:
            amount_minor = int64(amount_minor, "amount_minor")
            if amount_minor <= 0:  # 0 would mean "everything" in C
                raise invalid("amount_minor: must be > 0 (None refunds everything left)")
            spec.amount_minor = amount_minor
        spec.at_ms = ms_from_time(at, "at")
        return self._fetch(lib.rf_conversion_refund, _ffi.rf_conversion,
                           lib.rf_conversion_free, _conversion, byref(spec))

    # -- identity and attribution ----------------------------------------------

    def identify(self, visitor_id: str, customer_id: str) -> None:
        """Tie a visitor id to the host's customer id (cross-device journeys).

        Tying the same pair again is harmless; a visitor already tied to another
        customer raises ConflictError.
        """
        self._call(_ffi.lib().rf_identify, (), text_in(visitor_id, "visitor_id"),
                   text_in(customer_id, "customer_id"))

    def fit_model(self, program: str, model: Union[Model, int, str]) -> Fit:
        """Fit a data-driven model (``"markov"`` or ``"shapley"``) on the program's
        journeys; later conversions under that model use the fitted values."""
        lib = _ffi.lib()
        c_model = to_c(Model, model, "model")
        if c_model is None:
            raise invalid("model: required")
        return self._fetch(lib.rf_model_fit, _ffi.rf_fit, lib.rf_fit_free,
                           lambda c, _rc: Fit.from_c(c), text_in(program, "program"),
                           _int32(c_model, "model"))

    def replay(self, program: str, rules: Optional[ProgramRules] = None, *,
               from_: Optional[TimeLike] = None, to: Optional[TimeLike] = None,
               **changes: Any) -> Replay:
        """Re-attribute the program's conversions in [from_, to) under other rules
        and compare with what is stored, per advocate and per channel. Nothing
        is written.

        ``rules`` defaults to the program's current rules; keyword arguments
        replace some of their fields: ``store.replay("spring", model="linear",
        lookback=timedelta(days=7))``.
        """
        if rules is None:
            rules = self.get_program(program).rules
        elif not isinstance(rules, ProgramRules):
            raise TypeError("rules: expected ProgramRules, got %s" % type(rules).__name__)
        if changes:
            rules = dataclasses.replace(rules, **changes)
        lib = _ffi.lib()
        return self._fetch(lib.rf_replay_run, _ffi.rf_replay, lib.rf_replay_free,
                           lambda c, _rc: Replay.from_c(c), text_in(program, "program"),
                           _rules_in(rules), ms_from_time(from_, "from_"),
                           ms_from_time(to, "to"))

    def get_conversion(self, program: str, order_id: str) -> Conversion:
        """Fetch a conversion by program and order id."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_conversion_get, _ffi.rf_conversion, lib.rf_conversion_free,
                           _conversion, text_in(program, "program"),
                           text_in(order_id, "order_id"))

    def explain(self, program: str, order_id: str) -> Explanation:
        """Why a conversion was credited as it was."""
        lib = _ffi.lib()
        return self._fetch(lib.rf_explanation_get, _ffi.rf_explanation,
                           lib.rf_explanation_free, lambda c, _rc: Explanation.from_c(c),
                           text_in(program, "program"), text_in(order_id, "order_id"))

    # -- stats ---------------------------------------------------------------

    def stats(self, program: str, advocate: Optional[str] = None, *,
              start: Optional[TimeLike] = None, end: Optional[TimeLike] = None) -> Stats:
        """Counts for a program (or one advocate in it) over [start, end)."""
        lib = _ffi.lib()
        query = _ffi.rf_stats_query()
        lib.rf_stats_query_init(byref(query), _ffi.STATS_QUERY_VERSION)
        query.program = text_in(program, "program")
        query.advocate = text_in(advocate, "advocate")
        query.from_ms = ms_from_time(start, "start")
        query.to_ms = ms_from_time(end, "end")
        return self._fetch(lib.rf_stats_get, _ffi.rf_stats, lib.rf_stats_free,
                           lambda c, _rc: Stats.from_c(c), byref(query))

    # -- reports -------------------------------------------------------------

    def report_series(self, program: str, *, period: str = "day",
                      start: Optional[TimeLike] = None,
                      end: Optional[TimeLike] = None) -> List["reports.Bucket"]:
        """A time series of ``program`` per ``period`` ("day", "week" from Monday,
        "month"; UTC) over [start, end)."""
        lib = _ffi.lib()
        query = reports.query(program, start, end, period)
        return self._fetch(lib.rf_report_series_get, _ffi.rf_report_series,
                           lib.rf_report_series_free, reports.series_from_c, byref(query))

    def report_split(self, program: str, by: str, *, start: Optional[TimeLike] = None,
                     end: Optional[TimeLike] = None,
                     limit: int = 0) -> List["reports.SplitRow"]:
        """The period split by "advocate", "channel", "kind" or "content" (largest first)."""
        lib = _ffi.lib()
        query = reports.query(program, start, end, limit=limit)
        return self._fetch(lib.rf_report_split_get, _ffi.rf_report_split,
                           lib.rf_report_split_free, reports.split_from_c, byref(query),
                           reports.split_by(by))

    def report_funnel(self, program: str, *, start: Optional[TimeLike] = None,
                      end: Optional[TimeLike] = None) -> "reports.Funnel":
        """Visitors with a touchpoint, of those signed up, of those purchased."""
        lib = _ffi.lib()
        query = reports.query(program, start, end)
        return self._fetch(lib.rf_report_funnel_get, _ffi.rf_report_funnel,
                           lib.rf_report_funnel_free, reports.funnel_from_c, byref(query))

    def report_summary(self, program: str, *, start: Optional[TimeLike] = None,
                       end: Optional[TimeLike] = None) -> "reports.Summary":
        """A period's headline numbers: traffic, conversions, new and returning
        customers, active advocates, K-factor, and per currency the value, the
        reward cost and the return on reward spend."""
        lib = _ffi.lib()
        query = reports.query(program, start, end)
        return self._fetch(lib.rf_report_summary_get, _ffi.rf_report_summary,
                           lib.rf_report_summary_free, reports.summary_from_c, byref(query))


# -- helpers -------------------------------------------------------------------

def _int32(value: Any, what: str) -> int:
    value = int64(value, what)
    if not -(2 ** 31) <= value < 2 ** 31:
        raise invalid("%s: %d does not fit in 32 bits" % (what, value))
    return value


def _set(struct: Any, name: str, value: Optional[int]) -> None:
    """Set an enum field, keeping the C default when value is None."""
    if value is not None:
        setattr(struct, name, _int32(value, name))


def _rules_in(rules: Optional[ProgramRules]) -> Any:
    if rules is None:
        return None
    if not isinstance(rules, ProgramRules):
        raise TypeError("rules: expected ProgramRules, got %s" % type(rules).__name__)
    c = _ffi.rf_program_rules()
    _ffi.lib().rf_program_rules_init(byref(c), _ffi.PROGRAM_RULES_VERSION)
    c.model = _int32(to_c(Model, rules.model, "model"), "model")
    c.code_length = _int32(rules.code_length, "code_length")
    c.lookback_ms = ms_from_duration(rules.lookback, "lookback")
    c.duplicate_window_ms = ms_from_duration(rules.duplicate_window, "duplicate_window")
    c.lock_first_referrer = 1 if rules.lock_first_referrer else 0
    c.half_life_ms = ms_from_duration(rules.half_life, "half_life")
    c.position_first_bp = basis_points(rules.position_first, "position_first")
    c.position_last_bp = basis_points(rules.position_last, "position_last")
    weights = [_int32(w, "custom_weights[%d]" % i) for i, w in enumerate(rules.custom_weights)]
    if weights:
        c.custom_weights = (ctypes.c_int32 * len(weights))(*weights)  # kept alive by c
    c.custom_count = len(weights)
    c.sale_follows_lead = 1 if rules.sale_follows_lead else 0
    c.renewal_months = _int32(rules.renewal_months, "renewal_months")
    return byref(c)


def basis_points(share: Any, what: str) -> int:
    """A share as a fraction (0.4) -> basis points (4000); finer precision is invalid."""
    if isinstance(share, bool) or not isinstance(share, numbers.Real):
        raise TypeError("%s: expected a number (a fraction such as 0.4), got %s"
                        % (what, type(share).__name__))
    bp = float(share) * 10000
    rounded = round(bp) if bp == bp and abs(bp) < 2 ** 31 else None
    if rounded is None or abs(bp - rounded) > 1e-6:
        raise invalid("%s: %r is not a whole number of basis points (0.0001)" % (what, share))
    return _int32(rounded, what)


def _touchpoint_spec(s: TouchpointSpec) -> _ffi.rf_touchpoint_spec:
    spec = _ffi.rf_touchpoint_spec()
    _ffi.lib().rf_touchpoint_spec_init(byref(spec), _ffi.TOUCHPOINT_SPEC_VERSION)
    spec.code = text_in(s.code, "code")
    spec.visitor_id = text_in(s.visitor_id, "visitor_id")
    _set(spec, "kind", to_c(TouchpointKind, s.kind, "kind"))
    spec.at_ms = ms_from_time(s.at, "at")
    spec.landing_url = text_in(s.landing_url, "landing_url")
    spec.ip = text_in(s.ip, "ip")
    spec.user_agent = text_in(s.user_agent, "user_agent")
    spec.direct = 1 if s.direct else 0
    return spec


def _program(c: _ffi.rf_program, _rc: int) -> Program:
    return Program.from_c(c)


def _advocate(c: _ffi.rf_advocate, _rc: int) -> Advocate:
    return Advocate.from_c(c)


def _code(c: _ffi.rf_code, _rc: int) -> Code:
    return Code.from_c(c)


def _touchpoint(c: _ffi.rf_touchpoint, _rc: int) -> Touchpoint:
    return Touchpoint.from_c(c)


def _conversion(c: _ffi.rf_conversion, rc: int) -> Conversion:
    return Conversion.from_c(c, duplicate=(rc == RF_DUPLICATE))
