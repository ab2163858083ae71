"""Privacy: hash-key rotation, per-program privacy policy, retention,
erasure and export (right of access) as :class:`Store` methods.

    store.rotate_secret(overlap=timedelta(days=30))
    store.set_privacy_policy("spring", ip_truncate=True, retention=timedelta(days=90))
    store.purge_retention("spring").touchpoints
    doc = store.export_advocate("alice")     # dict, from the library's JSON
    store.erase_customer("cust-42")
"""
from __future__ import annotations

import json
from ctypes import byref, c_int64, c_void_p, string_at
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Union

from . import _ffi
from ._convert import (datetime_from_ms, ms_from_duration, optional_datetime, text_in,
                       text_out)

DurationLike = Union[timedelta, int]


@dataclass(frozen=True)
class HashKey:
    """A key of the keyed hashes (its secret never leaves the store)."""
    id: int
    created_at: datetime
    retired_at: Optional[datetime]
    expires_at: Optional[datetime]
    live: bool
    destroyed: bool


@dataclass(frozen=True)
class PrivacySettings:
    """A program's current privacy policy (revision 0: never set)."""
    program: str
    revision: int
    ip_truncate: bool
    retention: Optional[timedelta]
    set_at: Optional[datetime]


@dataclass(frozen=True)
class Purge:
    """What a retention purge removed."""
    program: str
    cutoff: Optional[datetime]
    touchpoints: int
    activities: int


class PrivacyMixin:
    """Store methods for privacy (mixed into :class:`Store`)."""

    _call: Any
    _fetch: Any

    def rotate_secret(self, overlap: DurationLike = 0) -> int:
        """Hash with a new key; the old one stays matchable for ``overlap``. Returns its id."""
        out = c_int64()
        self._call(_ffi.lib().rf_secret_rotate, (byref(out),),
                   ms_from_duration(overlap, "overlap"))
        return out.value

    def expire_secrets(self) -> int:
        """Destroy the secrets of keys past their overlap; returns how many."""
        out = c_int64()
        self._call(_ffi.lib().rf_secret_expire, (byref(out),))
        return out.value

    def secrets(self) -> List[HashKey]:
        """Every hash key, oldest first."""
        def convert(c: _ffi.rf_hash_keys, _rc: int) -> List[HashKey]:
            return [HashKey(k.contents.id, datetime_from_ms(k.contents.created_at_ms),
                            optional_datetime(k.contents.retired_at_ms),
                            optional_datetime(k.contents.expires_at_ms),
                            bool(k.contents.live), bool(k.contents.destroyed))
                    for k in c.items[:c.count]]
        return self._fetch(_ffi.lib().rf_secret_list, _ffi.rf_hash_keys,
                           _ffi.lib().rf_hash_keys_free, convert)

    def find_advocate_by_email(self, email: str) -> Any:
        """The advocate whose email hash matches under any live key (NotFoundError if none)."""
        from .store import _advocate
        lib = _ffi.lib()
        return self._fetch(lib.rf_advocate_find_by_email, _ffi.rf_advocate,
                           lib.rf_advocate_free, _advocate, text_in(email, "email"))

    def set_advocate_email(self, external_id: str, email: Optional[str]) -> None:
        """Set (re-key) or with None clear an advocate's email hash."""
        self._call(_ffi.lib().rf_advocate_set_email, (), text_in(external_id, "external_id"),
                   text_in(email, "email"))

    def set_privacy_policy(self, program: str, ip_truncate: bool = False,
                           retention: Optional[DurationLike] = None) -> int:
        """Set a program's privacy policy; returns its revision."""
        if not isinstance(ip_truncate, bool):
            raise TypeError("ip_truncate: expected bool")
        policy = _ffi.rf_privacy_policy()
        self._call_init(policy)
        policy.ip_truncate = int(ip_truncate)
        policy.retention_ms = ms_from_duration(retention, "retention") or 0
        out = c_int64()
        self._call(_ffi.lib().rf_privacy_policy_set, (byref(out),), text_in(program, "program"),
                   byref(policy))
        return out.value

    @staticmethod
    def _call_init(policy: Any) -> None:
        from .errors import check
        check(_ffi.lib().rf_privacy_policy_init(byref(policy), _ffi.PRIVACY_POLICY_VERSION))

    def privacy_policy(self, program: str) -> PrivacySettings:
        """A program's current privacy policy."""
        def convert(c: _ffi.rf_privacy_settings, _rc: int) -> PrivacySettings:
            return PrivacySettings(text_out(c.program), c.revision, bool(c.ip_truncate),
                                   timedelta(milliseconds=c.retention_ms) if c.retention_ms else None,
                                   optional_datetime(c.set_at_ms))
        return self._fetch(_ffi.lib().rf_privacy_policy_get, _ffi.rf_privacy_settings,
                           _ffi.lib().rf_privacy_settings_free, convert,
                           text_in(program, "program"))

    def purge_retention(self, program: str) -> Purge:
        """Delete what the program keeps longer than its retention period."""
        def convert(c: _ffi.rf_purge, _rc: int) -> Purge:
            return Purge(text_out(c.program), optional_datetime(c.cutoff_ms), c.touchpoints,
                         c.activities)
        return self._fetch(_ffi.lib().rf_retention_purge, _ffi.rf_purge,
                           _ffi.lib().rf_purge_free, convert, text_in(program, "program"))

    def erase_advocate(self, external_id: str) -> None:
        """Erase an advocate: a tombstone keeps the numbers, nothing names them."""
        self._call(_ffi.lib().rf_advocate_erase, (), text_in(external_id, "external_id"))

    def erase_customer(self, customer_id: str) -> None:
        """Erase a customer and its visitors' identities."""
        self._call(_ffi.lib().rf_customer_erase, (), text_in(customer_id, "customer_id"))

    def _export(self, fn: Any, what: str, person: str) -> Dict[str, Any]:
        out = c_void_p()
        self._call(fn, (byref(out),), text_in(person, what))
        try:
            return json.loads(string_at(out.value).decode("utf-8"))
        finally:
            _ffi.lib().rf_person_export_free(out)

    def export_advocate(self, external_id: str) -> Dict[str, Any]:
        """Everything held about an advocate (parsed JSON)."""
        return self._export(_ffi.lib().rf_advocate_export, "external_id", external_id)

    def export_customer(self, customer_id: str) -> Dict[str, Any]:
        """Everything held about a customer (parsed JSON)."""
        return self._export(_ffi.lib().rf_customer_export, "customer_id", customer_id)
