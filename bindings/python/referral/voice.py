"""The advocate's voice: segments, testimonials and reference asks, as
:class:`Store` methods.

    store.set_segment("alice", "enterprise")
    t = store.submit_testimonial("spring", "alice", "Great!", rating=5, product="crm",
                                 publish_consent=True)
    store.decide_testimonial("spring", t.id, "approved")
    page = store.testimonials("spring", product="crm")          # publishable ones
    for c in store.find_references("spring", kind="customer", min_score=20):
        ask = store.ask_reference("spring", c.advocate, "Acme Corp")
    store.close_reference("spring", ask.id, "completed")
"""
from __future__ import annotations

from ctypes import byref, create_string_buffer
from dataclasses import dataclass
from datetime import datetime
from typing import Any, List, Optional, Union

from . import _ffi
from ._convert import (TimeLike, datetime_from_ms, int64, ms_from_time, optional_datetime,
                       text_in, text_out, uint32)
from .enums import (AdvocateKind, ReferenceOutcome, TestimonialFilter, TestimonialStatus,
                    from_c, to_c)
from .errors import invalid


@dataclass(frozen=True)
class Testimonial:
    """A testimonial (``segment`` is the advocate's when it was submitted)."""
    id: int
    program: str
    advocate: str
    advocate_kind: Union[AdvocateKind, int]
    display_name: str
    segment: str
    product: str
    body: str
    rating: int
    publish_consent: bool
    status: Union[TestimonialStatus, int]
    created_at: datetime
    decided_at: Optional[datetime]

    @classmethod
    def from_c(cls, c: _ffi.rf_testimonial) -> "Testimonial":
        return cls(c.id, text_out(c.program), text_out(c.advocate),
                   from_c(AdvocateKind, c.advocate_kind), text_out(c.display_name),
                   text_out(c.segment), text_out(c.product), text_out(c.body), c.rating,
                   bool(c.publish_consent), from_c(TestimonialStatus, c.status),
                   datetime_from_ms(c.created_at_ms), optional_datetime(c.decided_at_ms))


@dataclass(frozen=True)
class TestimonialPage:
    """One page of testimonials; ``next_cursor`` 0 when it is the last."""
    items: List[Testimonial]
    next_cursor: int


@dataclass(frozen=True)
class ReferenceCandidate:
    """An advocate who may be asked for a reference now."""
    id: int
    advocate: str
    advocate_kind: Union[AdvocateKind, int]
    display_name: str
    segment: str
    score: float
    asks: int
    last_asked_at: Optional[datetime]

    @classmethod
    def from_c(cls, c: _ffi.rf_reference_candidate) -> "ReferenceCandidate":
        return cls(c.id, text_out(c.advocate), from_c(AdvocateKind, c.advocate_kind),
                   text_out(c.display_name), text_out(c.segment), c.score, c.asks,
                   optional_datetime(c.last_asked_at_ms))


@dataclass(frozen=True)
class ReferenceCandidates:
    """Candidates, best score first, and the configurations that chose them."""
    items: List[ReferenceCandidate]
    at: datetime
    score_config_version: int
    config_version: int

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Reference:
    """A reference ask and its outcome."""
    id: int
    program: str
    advocate: str
    prospect: str
    outcome: Union[ReferenceOutcome, int]
    asked_at: datetime
    accepted_at: Optional[datetime]
    closed_at: Optional[datetime]

    @classmethod
    def from_c(cls, c: _ffi.rf_reference) -> "Reference":
        return cls(c.id, text_out(c.program), text_out(c.advocate), text_out(c.prospect),
                   from_c(ReferenceOutcome, c.outcome), datetime_from_ms(c.asked_at_ms),
                   optional_datetime(c.accepted_at_ms), optional_datetime(c.closed_at_ms))


def _int32(value: object, what: str) -> int:
    """Check an integer fits int32_t (the library checks the range it allows)."""
    value = int64(value, what)
    if not -2**31 <= value < 2**31:
        raise invalid("%s: %d does not fit in 32 bits" % (what, value))
    return value


def _flag(value: bool, what: str) -> int:
    if not isinstance(value, bool):
        raise TypeError("%s: expected bool" % what)
    return int(value)


class VoiceMixin:
    """Store methods for segments, testimonials and reference asks."""

    _call: Any
    _fetch: Any

    # -- segments -------------------------------------------------------------

    def set_segment(self, advocate: str, segment: Optional[str]) -> None:
        """Set an advocate's segment ([a-z0-9_-], up to 64 bytes); None removes it."""
        self._call(_ffi.lib().rf_advocate_segment_set, (), text_in(advocate, "advocate"),
                   text_in(segment, "segment"))

    def segment(self, advocate: str) -> Optional[str]:
        """An advocate's segment, or None."""
        buf = create_string_buffer(_ffi.SEGMENT_BUFSIZE)
        self._call(_ffi.lib().rf_advocate_segment_get, (buf, len(buf)),
                   text_in(advocate, "advocate"))
        return text_out(buf.value) or None

    # -- testimonials ---------------------------------------------------------

    def submit_testimonial(self, program: str, advocate: str, body: str, *, rating: int,
                           product: Optional[str] = None, publish_consent: bool = False,
                           at: Optional[TimeLike] = None) -> Testimonial:
        """Submit a testimonial (pending); counts as activity with tracking consent."""
        spec = _ffi.rf_testimonial_spec()
        _ffi.lib().rf_testimonial_spec_init(byref(spec), _ffi.TESTIMONIAL_SPEC_VERSION)
        spec.program = text_in(program, "program")
        spec.advocate = text_in(advocate, "advocate")
        spec.product = text_in(product, "product")
        spec.body = text_in(body, "body")
        spec.rating = _int32(rating, "rating")
        spec.publish_consent = _flag(publish_consent, "publish_consent")
        spec.at_ms = 0 if at is None else ms_from_time(at, "at")
        return self._fetch(_ffi.lib().rf_testimonial_submit, _ffi.rf_testimonial,
                           _ffi.lib().rf_testimonial_free,
                           lambda c, _rc: Testimonial.from_c(c), byref(spec))

    def decide_testimonial(self, program: str, id: int,
                           status: Union[TestimonialStatus, int, str]) -> Testimonial:
        """Approve or reject a testimonial ("approved" / "rejected")."""
        return self._fetch(_ffi.lib().rf_testimonial_decide, _ffi.rf_testimonial,
                           _ffi.lib().rf_testimonial_free,
                           lambda c, _rc: Testimonial.from_c(c), text_in(program, "program"),
                           int64(id, "id"), to_c(TestimonialStatus, status, "status"))

    def set_testimonial_consent(self, program: str, id: int, publish_consent: bool) -> None:
        """Record the advocate's consent to publish a testimonial, or its withdrawal."""
        self._call(_ffi.lib().rf_testimonial_consent_set, (), text_in(program, "program"),
                   int64(id, "id"), _flag(publish_consent, "publish_consent"))

    def testimonial(self, program: str, id: int) -> Testimonial:
        """One testimonial of a program."""
        return self._fetch(_ffi.lib().rf_testimonial_get, _ffi.rf_testimonial,
                           _ffi.lib().rf_testimonial_free,
                           lambda c, _rc: Testimonial.from_c(c), text_in(program, "program"),
                           int64(id, "id"))

    def testimonials(self, program: str, *,
                     which: Union[TestimonialFilter, int, str] = TestimonialFilter.PUBLISHABLE,
                     product: Optional[str] = None, segment: Optional[str] = None,
                     kind: Union[AdvocateKind, int, str, None] = None,
                     advocate: Optional[str] = None, min_rating: int = 0, cursor: int = 0,
                     limit: int = 100) -> TestimonialPage:
        """One page of testimonials (publishable ones by default), by id."""
        q = _ffi.rf_testimonial_query()
        _ffi.lib().rf_testimonial_query_init(byref(q), _ffi.TESTIMONIAL_QUERY_VERSION)
        q.program = text_in(program, "program")
        q.which = to_c(TestimonialFilter, which, "which")
        q.product = text_in(product, "product")
        q.segment = text_in(segment, "segment")
        q.advocate_kind = to_c(AdvocateKind, kind, "kind") or 0
        q.advocate = text_in(advocate, "advocate")
        q.min_rating = _int32(min_rating, "min_rating")
        q.cursor = int64(cursor, "cursor")
        q.limit = uint32(limit, "limit")

        def convert(c: _ffi.rf_testimonials, _rc: int) -> TestimonialPage:
            return TestimonialPage([Testimonial.from_c(t.contents) for t in c.items[:c.count]],
                                   c.next_cursor)
        return self._fetch(_ffi.lib().rf_testimonial_find, _ffi.rf_testimonials,
                           _ffi.lib().rf_testimonials_free, convert, byref(q))

    # -- reference asks -------------------------------------------------------

    def find_references(self, program: str, *, kind: Union[AdvocateKind, int, str, None] = None,
                        segment: Optional[str] = None, min_score: int = 0,
                        limit: int = 10) -> ReferenceCandidates:
        """Advocates who may be asked for a reference now, best score first."""
        q = _ffi.rf_reference_query()
        _ffi.lib().rf_reference_query_init(byref(q), _ffi.REFERENCE_QUERY_VERSION)
        q.program = text_in(program, "program")
        q.advocate_kind = to_c(AdvocateKind, kind, "kind") or 0
        q.segment = text_in(segment, "segment")
        q.min_score = _int32(min_score, "min_score")
        q.limit = uint32(limit, "limit")

        def convert(c: _ffi.rf_reference_candidates, _rc: int) -> ReferenceCandidates:
            return ReferenceCandidates(
                [ReferenceCandidate.from_c(x.contents) for x in c.items[:c.count]],
                datetime_from_ms(c.at_ms), c.score_config_version, c.config_version)
        return self._fetch(_ffi.lib().rf_reference_find, _ffi.rf_reference_candidates,
                           _ffi.lib().rf_reference_candidates_free, convert, byref(q))

    def ask_reference(self, program: str, advocate: str, prospect: str) -> Reference:
        """Record an ask; LimitError when the advocate reached the program's ask cap."""
        return self._fetch(_ffi.lib().rf_reference_ask, _ffi.rf_reference,
                           _ffi.lib().rf_reference_free, lambda c, _rc: Reference.from_c(c),
                           text_in(program, "program"), text_in(advocate, "advocate"),
                           text_in(prospect, "prospect"))

    def close_reference(self, program: str, id: int,
                        outcome: Union[ReferenceOutcome, int, str]) -> Reference:
        """Record an ask's outcome ("accepted", "declined", "completed", "no-response")."""
        return self._fetch(_ffi.lib().rf_reference_close, _ffi.rf_reference,
                           _ffi.lib().rf_reference_free, lambda c, _rc: Reference.from_c(c),
                           text_in(program, "program"), int64(id, "id"),
                           to_c(ReferenceOutcome, outcome, "outcome"))

    def reference(self, program: str, id: int) -> Reference:
        """One reference ask of a program."""
        return self._fetch(_ffi.lib().rf_reference_get, _ffi.rf_reference,
                           _ffi.lib().rf_reference_free, lambda c, _rc: Reference.from_c(c),
                           text_in(program, "program"), int64(id, "id"))
