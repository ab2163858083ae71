"""libreferral for Python: referral programs in a SQLite file, through ctypes.

    import referral
    with referral.Store("shop.db") as store:
        store.create_program("spring"); store.add_advocate("alice")
        code = store.issue_code("spring", "alice")

The C library is found by :func:`load_library` (explicit path), else
``$REFERRAL_LIBRARY``, else a build tree next to the package, else the system.
"""
from __future__ import annotations

import ctypes
from typing import Optional, Tuple

from . import _ffi
from .enums import (ActivityType, AdvocateKind, BadgeKind, BoardBy, BoardPeriod, Channel, ConversionKind, Durability, EnumType, Model,
                    RecordStatus, RewardBasis, RewardEvent, RewardKind, RewardSide, RewardState,
                    Target, TouchpointKind, enum_name, enum_parse, name_of,
                    FraudDecision, FraudSignal, ReviewStatus, Stage, ContentKind,
                    ReferenceOutcome, TestimonialFilter, TestimonialStatus)
from .errors import (ERRORS, BusyError, CheckError, ConflictError, CorruptError,
                     DisabledError, Error, ExhaustedError, ExistsError, ExpiredError,
                     InternalError, InvalidError, IoError, MisuseError, NotADatabaseError,
                     NotFoundError, OutOfMemoryError, VersionError, TamperedError,
                     LinkKeyError, ConsentError, LimitError, CanceledError,
                     clear_error,
                     error_class, last_error, strerror)
from .links import Link, LinkKey
from .rewards import (Balance, Payout, PayoutLine, Reward, RewardConfig, RewardPolicy,
                      RewardRule)
from .engagement import (Consent, ConsentChange, Content, ContentStat, ContentStats,
                         EngagementConfig, Message, StageChange, StageCounts, StageInfo)
from .privacy import HashKey, PrivacySettings, Purge
from .paths import Paths
from .scoring import (Activity, Badge, Leaderboard, LeaderboardEntry, ProgramMetrics, Score,
                      ScoreComponent, ScoreConfig, ScoreEvent)
from .store import Store
from .voice import (Reference, ReferenceCandidate, ReferenceCandidates, Testimonial,
                    TestimonialPage)
from .fraud import FraudCheck, FraudPolicy, FraudSignalHit
from .types import (Advocate, Code, Conversion, Credit, Explanation, ExplainedTouch, Fit,
                    FitValue, PathCredit, Program, ProgramRules, Replay, ReplayRow, Stats,
                    Touchpoint, TouchpointSpec)
from ._convert import text_in

__version__ = "0.1.0"


def load_library(path: Optional[str] = None) -> str:
    """Load the C library now (optionally from ``path``); returns the path used."""
    return _ffi.load(path).path


def version() -> Tuple[int, int, int]:
    """The linked C library's (major, minor, patch)."""
    major, minor, patch = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    _ffi.lib().rf_version(ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
    return major.value, minor.value, patch.value


def version_string() -> str:
    """The linked C library's version as "MAJOR.MINOR.PATCH"."""
    return _ffi.lib().rf_version_string().decode("ascii")


def schema_version() -> int:
    """The on-disk schema version the linked library writes."""
    return int(_ffi.lib().rf_store_schema_version())


def normalize_code(text: str) -> str:
    """Normalise code input (upper-case, I/L -> 1, O -> 0, no hyphens or spaces)."""
    buf = ctypes.create_string_buffer(_ffi.CODE_BUFSIZE)
    _ffi.lib().rf_code_normalize(buf, len(buf), text_in(text, "code"))
    return buf.value.decode("ascii")


def normalize_email(email: str) -> str:
    """Normalise an email as the fraud checks compare people (case, +tags, Gmail dots)."""
    buf = ctypes.create_string_buffer(_ffi.EMAIL_BUFSIZE)
    _ffi.lib().rf_email_normalize(buf, len(buf), text_in(email, "email"))
    return buf.value.decode("utf-8")


__all__ = [
    "Store", "Paths", "load_library", "version", "version_string", "schema_version", "normalize_code",
    "normalize_email", "FraudCheck", "FraudPolicy", "FraudSignalHit", "FraudSignal",
    "FraudDecision", "ReviewStatus",
    "enum_name", "enum_parse", "name_of", "strerror", "last_error", "clear_error", "error_class",
    "EnumType", "Model", "AdvocateKind", "Channel", "TouchpointKind", "ConversionKind",
    "RecordStatus", "Target", "Durability", "ActivityType", "Activity", "BadgeKind", "BoardBy", "BoardPeriod", "Badge", "Leaderboard",
    "LeaderboardEntry", "ProgramMetrics", "Score", "ScoreComponent", "ScoreConfig", "ScoreEvent",
    "ProgramRules", "Program", "Advocate", "Code", "TouchpointSpec", "Touchpoint", "Credit",
    "Conversion", "ExplainedTouch", "Explanation", "Stats", "FitValue", "Fit", "ReplayRow",
    "Replay", "PathCredit",
    "ERRORS", "Error", "InternalError", "InvalidError", "NotFoundError", "ExistsError",
    "ConflictError", "BusyError", "OutOfMemoryError", "VersionError", "MisuseError",
    "CorruptError", "IoError", "NotADatabaseError", "CheckError", "ExpiredError",
    "DisabledError", "ExhaustedError", "TamperedError", "LinkKeyError", "ConsentError", "LimitError", "CanceledError", "Link", "LinkKey",
    "RewardSide", "RewardEvent", "RewardKind", "RewardBasis", "RewardState", "RewardRule",
    "RewardPolicy", "RewardConfig", "Reward", "Balance", "PayoutLine", "Payout",
    "Consent", "ConsentChange", "EngagementConfig", "Message",
    "Stage", "StageChange", "StageInfo", "StageCounts",
    "ContentKind", "Content", "ContentStat", "ContentStats",
    "HashKey", "PrivacySettings", "Purge",
    "Testimonial", "TestimonialPage", "TestimonialStatus", "TestimonialFilter", "Reference",
    "ReferenceCandidate", "ReferenceCandidates", "ReferenceOutcome",
]
