"""Signed links: :class:`Link`, :class:`LinkKey` and the Store methods for them.

    key_id = store.add_link_key()
    link = store.build_link("https://shop.example/join", code, campaign="spring")
    store.verify_link(link.url)   # Link, or TamperedError / LinkKeyError / ExpiredError
"""
from __future__ import annotations

from ctypes import byref, c_int64
from dataclasses import dataclass
from datetime import datetime
from typing import Any, List, Optional

from . import _ffi
from ._convert import TimeLike, datetime_from_ms, int64, ms_from_time, optional_datetime, text_in, text_out


@dataclass(frozen=True)
class Link:
    """A signed link and its fields (campaign and content "" when none)."""
    url: str
    code: str
    campaign: str
    content: str
    expires_at: Optional[datetime]
    key_id: int

    @classmethod
    def from_c(cls, c: _ffi.rf_link) -> "Link":
        return cls(text_out(c.url), text_out(c.code), text_out(c.campaign),
                   text_out(c.content), optional_datetime(c.expires_at_ms), c.key_id)


@dataclass(frozen=True)
class LinkKey:
    """A link key's state (the secret never leaves the store)."""
    id: int
    created_at: datetime
    retired_at: Optional[datetime]

    @property
    def active(self) -> bool:
        return self.retired_at is None


class LinksMixin:
    """Store methods for signed links (mixed into :class:`Store`)."""

    _call: Any
    _fetch: Any

    def add_link_key(self) -> int:
        """Add a random link key; the newest active key signs. Returns its id."""
        out = c_int64()
        self._call(_ffi.lib().rf_link_key_add, (), byref(out))
        return out.value

    def retire_link_key(self, key_id: int) -> None:
        """Retire a key: links it signed stop verifying (LinkKeyError)."""
        self._call(_ffi.lib().rf_link_key_retire, (), int64(key_id, "key_id"))

    def link_keys(self) -> List[LinkKey]:
        """Every link key, oldest first."""
        def convert(c: _ffi.rf_link_keys, _rc: int) -> List[LinkKey]:
            return [LinkKey(k.contents.id, datetime_from_ms(k.contents.created_at_ms),
                            optional_datetime(k.contents.retired_at_ms))
                    for k in c.items[:c.count]]
        return self._fetch(_ffi.lib().rf_link_key_list, _ffi.rf_link_keys,
                           _ffi.lib().rf_link_keys_free, convert)

    def build_link(self, base_url: str, code: str, campaign: Optional[str] = None,
                   content: Optional[str] = None, expires_at: Optional[TimeLike] = None) -> Link:
        """Build a link signed with the newest active key."""
        return self._fetch(_ffi.lib().rf_link_build, _ffi.rf_link, _ffi.lib().rf_link_free,
                           lambda c, _rc: Link.from_c(c), text_in(base_url, "base_url"),
                           text_in(code, "code"), text_in(campaign, "campaign"),
                           text_in(content, "content"), ms_from_time(expires_at, "expires_at"))

    def verify_link(self, link: str) -> Link:
        """Verify a link; raises TamperedError, LinkKeyError or ExpiredError."""
        return self._fetch(_ffi.lib().rf_link_verify, _ffi.rf_link, _ffi.lib().rf_link_free,
                           lambda c, _rc: Link.from_c(c), text_in(link, "link"))
