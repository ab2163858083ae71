"""Enumerations of the C API as ``IntEnum``s, plus the library's name table.

Member names are the library's stable names upper-cased, hyphens as
underscores (``rf_enum_name``): ``Channel.EMAIL.name.lower() == "email"``,
``Model.TIME_DECAY`` is ``"time-decay"`` (see :func:`name_of`). Inputs accept a
member, its integer value or its name (parsed by ``rf_enum_parse``,
case-insensitive; ``"time_decay"`` works too).
"""
from __future__ import annotations

import ctypes
import enum
from typing import Dict, Optional, Type, TypeVar, Union

from . import _ffi
from .errors import invalid


class EnumType(enum.IntEnum):
    """``rf_enum``: the enumerations that have names."""
    MODEL = 1
    ADVOCATE_KIND = 2
    CHANNEL = 3
    TOUCHPOINT_KIND = 4
    CONVERSION_KIND = 5
    STATUS = 6
    TARGET = 7
    REWARD_SIDE = 8
    REWARD_EVENT = 9
    REWARD_KIND = 10
    REWARD_BASIS = 11
    REWARD_STATE = 12
    ACTIVITY = 13
    FRAUD_SIGNAL = 14
    FRAUD_DECISION = 15
    REVIEW_STATUS = 16
    BADGE = 17
    STAGE = 18
    CONTENT_KIND = 19
    TESTIMONIAL_STATUS = 20
    REFERENCE_OUTCOME = 21


class Model(enum.IntEnum):
    """``rf_model``: attribution models."""
    LAST = 1
    FIRST = 2
    LAST_NON_DIRECT = 3
    LINEAR = 4
    TIME_DECAY = 5
    POSITION = 6
    CUSTOM = 7
    MARKOV = 8
    SHAPLEY = 9


class AdvocateKind(enum.IntEnum):
    """``rf_advocate_kind``."""
    CUSTOMER = 1
    EMPLOYEE = 2
    PARTNER = 3
    INFLUENCER = 4


class Channel(enum.IntEnum):
    """``rf_channel``: where a code is shared."""
    NONE = 0
    EMAIL = 1
    WHATSAPP = 2
    LINKEDIN = 3
    X = 4
    FACEBOOK = 5
    SMS = 6
    QR = 7
    OTHER = 8


class TouchpointKind(enum.IntEnum):
    """``rf_touchpoint_kind``."""
    CLICK = 1
    VISIT = 2
    SCAN = 3
    CHECKOUT = 4


class ConversionKind(enum.IntEnum):
    """``rf_conversion_kind``."""
    SIGNUP = 1
    PURCHASE = 2
    CUSTOM = 3
    RENEWAL = 4


class RecordStatus(enum.IntEnum):
    """``rf_record_status``: status of programs, advocates and codes."""
    ACTIVE = 0
    ARCHIVED = 1
    INACTIVE = 2
    DISABLED = 3


class Target(enum.IntEnum):
    """``rf_target``: what a replay row is about."""
    ADVOCATE = 1
    CHANNEL = 2


class ActivityType(enum.IntEnum):
    """``rf_activity_type``: an advocate's own engagement actions."""
    SHARE = 1
    INVITE = 2
    REVIEW = 3
    POST = 4
    COMMENT = 5
    RATING = 6
    BOOKMARK = 7
    CONTENT = 8
    EVENT = 9
    SURVEY = 10
    TESTIMONIAL = 11
    REFERENCE = 12
    CUSTOM = 13


class BadgeKind(enum.IntEnum):
    """``rf_badge_kind``."""
    FIRST_REFERRAL = 1
    TEN_REFERRALS = 2
    FIRST_REVIEW = 3
    TOP_ONE_PERCENT = 4


class BoardPeriod(enum.IntEnum):
    """``rf_board_period`` (not in the name table)."""
    ALL_TIME = 0
    THIS_WEEK = 1
    THIS_MONTH = 2
    LAST_MONTH = 3


class BoardBy(enum.IntEnum):
    """``rf_board_by`` (not in the name table)."""
    SCORE = 1
    REFERRALS = 2
    VALUE = 3


class Durability(enum.IntEnum):
    """``rf_durability`` (not in the name table: parsed here)."""
    NORMAL = 0
    FULL = 1


#: Python enum -> rf_enum type, for the name table.
class RewardSide(enum.IntEnum):
    """``rf_reward_side``: who a rule rewards."""
    REFERRER = 1
    REFEREE = 2


class RewardEvent(enum.IntEnum):
    """``rf_reward_event``: what a rule fires on."""
    CONVERSION = 1
    SIGNUP = 2
    PURCHASE = 3
    CUSTOM = 4
    RENEWAL = 5
    NTH = 6
    MILESTONE = 7


class RewardKind(enum.IntEnum):
    """``rf_reward_kind``: what a reward is paid in."""
    CASH = 1
    CREDIT = 2
    POINTS = 3
    COUPON = 4


class RewardBasis(enum.IntEnum):
    """``rf_reward_basis``: fixed amount or basis points of the attributed value."""
    FIXED = 1
    PERCENT = 2


class RewardState(enum.IntEnum):
    """``rf_reward_state``."""
    HELD = 1
    PENDING = 2
    APPROVED = 3
    PAID = 4
    REJECTED = 5
    VOIDED = 6
    SKIPPED = 7
    REVERSED = 8


class FraudSignal(enum.IntEnum):
    """``rf_fraud_signal``: what a fraud check can find."""
    SELF_REFERRAL = 1
    DISPOSABLE_EMAIL = 2
    CONVERSION_VELOCITY = 3
    CLICK_VELOCITY = 4
    FAST_CONVERSION = 5
    EXISTING_CUSTOMER = 6
    DUPLICATE_IDENTITY = 7
    REFERRAL_RING = 8
    BOT = 9


class FraudDecision(enum.IntEnum):
    """``rf_fraud_decision``: the verdict on a conversion."""
    APPROVE = 0
    REVIEW = 1
    REJECT = 2


class ReviewStatus(enum.IntEnum):
    """``rf_review_status``."""
    NONE = 0
    HELD = 1
    APPROVED = 2
    REJECTED = 3


class Stage(enum.IntEnum):
    """``rf_stage_kind``: an advocate's lifecycle stage."""
    INVITED = 1
    ACTIVE = 2
    REFERRING = 3
    CHAMPION = 4
    DORMANT = 5


class ContentKind(enum.IntEnum):
    """``rf_content_kind``: what a content item is."""
    ARTICLE = 1
    VIDEO = 2
    IMAGE = 3
    DOCUMENT = 4
    POST = 5
    EMAIL = 6
    OTHER = 7


class TestimonialStatus(enum.IntEnum):
    """``rf_testimonial_status``."""
    PENDING = 0
    APPROVED = 1
    REJECTED = 2


class TestimonialFilter(enum.IntEnum):
    """``rf_testimonial_filter`` (not in the name table)."""
    PUBLISHABLE = 0
    PENDING = 1
    APPROVED = 2
    REJECTED = 3


class ReferenceOutcome(enum.IntEnum):
    """``rf_reference_outcome``."""
    OPEN = 0
    ACCEPTED = 1
    DECLINED = 2
    COMPLETED = 3
    NO_RESPONSE = 4


NAMED: Dict[type, EnumType] = {
    Model: EnumType.MODEL,
    AdvocateKind: EnumType.ADVOCATE_KIND,
    Channel: EnumType.CHANNEL,
    TouchpointKind: EnumType.TOUCHPOINT_KIND,
    ConversionKind: EnumType.CONVERSION_KIND,
    RecordStatus: EnumType.STATUS,
    Target: EnumType.TARGET,
    RewardSide: EnumType.REWARD_SIDE,
    RewardEvent: EnumType.REWARD_EVENT,
    RewardKind: EnumType.REWARD_KIND,
    RewardBasis: EnumType.REWARD_BASIS,
    RewardState: EnumType.REWARD_STATE,
    ActivityType: EnumType.ACTIVITY,
    FraudSignal: EnumType.FRAUD_SIGNAL,
    FraudDecision: EnumType.FRAUD_DECISION,
    ReviewStatus: EnumType.REVIEW_STATUS,
    BadgeKind: EnumType.BADGE,
    Stage: EnumType.STAGE,
    ContentKind: EnumType.CONTENT_KIND,
    TestimonialStatus: EnumType.TESTIMONIAL_STATUS,
    ReferenceOutcome: EnumType.REFERENCE_OUTCOME,
}

E = TypeVar("E", bound=enum.IntEnum)


def enum_name(type_: int, value: int) -> Optional[str]:
    """``rf_enum_name``: the stable lower-case name of a value, or None."""
    name = _ffi.lib().rf_enum_name(int(type_), int(value))
    return None if name is None else name.decode("ascii")


def enum_parse(type_: int, name: str) -> int:
    """``rf_enum_parse``: the value of a name (case-insensitive); InvalidError if unknown."""
    if not isinstance(name, str) or "\0" in name:
        raise invalid("enum name must be a string without NUL")
    out = ctypes.c_int32()
    _ffi.lib().rf_enum_parse(ctypes.byref(out), int(type_), name.encode("utf-8"))
    return out.value


def to_c(cls: Type[E], value: Union[E, int, str, None], what: str) -> Optional[int]:
    """Convert an input (member, int or name) to the C integer; None stays None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise invalid("%s: expected %s, int or name, got bool" % (what, cls.__name__))
    if isinstance(value, str):
        try:
            return int(cls[value.upper().replace("-", "_")])
        except KeyError:
            pass
        if cls in NAMED:  # names the library knows and these bindings do not (yet)
            return enum_parse(NAMED[cls], value)
        raise invalid("%s: unknown %s %r" % (what, cls.__name__, value))
    if isinstance(value, int):
        return int(value)
    raise TypeError("%s: expected %s, int or name, got %s"
                    % (what, cls.__name__, type(value).__name__))


def name_of(member: Union[enum.IntEnum, int], cls: Optional[Type[E]] = None) -> str:
    """The library's name of a member (``Model.TIME_DECAY`` -> ``"time-decay"``)."""
    type_ = NAMED[cls if cls is not None else type(member)]
    name = enum_name(type_, int(member))
    return name if name is not None else str(int(member))


def from_c(cls: Type[E], value: int) -> Union[E, int]:
    """A C integer as a member of ``cls``; unknown (newer) values stay ints."""
    try:
        return cls(value)
    except ValueError:
        return value
