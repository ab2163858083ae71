"""Exceptions: one class per ``rf_status`` error code, all under :class:`Error`."""
from __future__ import annotations

from typing import Any, Dict, Optional, Type

RF_OK = 0
RF_DUPLICATE = 1
RF_ERROR = -1
RF_EINVALID = -2
RF_ENOTFOUND = -3
RF_EEXISTS = -4
RF_ECONFLICT = -5
RF_EBUSY = -6
RF_ENOMEM = -7
RF_EVERSION = -8
RF_EMISUSE = -9
RF_ECORRUPT = -10
RF_EIO = -11
RF_ENOTADB = -12
RF_ECHECK = -13
RF_EEXPIRED = -14
RF_EDISABLED = -15
RF_EEXHAUSTED = -16
RF_ETAMPERED = -17
RF_EKEY = -18
RF_ECONSENT = -19
RF_ELIMIT = -20
RF_ECANCELED = -21


class Error(Exception):
    """A libreferral failure.

    ``code`` is the negative ``rf_status``, ``message`` the library's one-line
    explanation and ``db_code`` the extended SQLite result code (or 0).
    """

    def __init__(self, code: int = RF_ERROR, message: Optional[str] = None,
                 db_code: int = 0) -> None:
        if message is None:
            message = strerror(code)
        super().__init__(message)
        self.code, self.message, self.db_code = code, message, db_code

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Any:
        return (type(self), (self.code, self.message, self.db_code))


class InternalError(Error):
    """RF_ERROR: an unexpected failure."""


class InvalidError(Error, ValueError):
    """RF_EINVALID: a bad argument (empty, too long, not UTF-8, out of range)."""


class NotFoundError(Error, KeyError):
    """RF_ENOTFOUND: no such program, advocate, code or conversion."""


class ExistsError(Error):
    """RF_EEXISTS: the id or code is already taken."""


class ConflictError(Error):
    """RF_ECONFLICT: an idempotency key (order id) reused with different data."""


class BusyError(Error):
    """RF_EBUSY: the database stayed locked longer than the busy timeout; retry."""


class OutOfMemoryError(Error, MemoryError):
    """RF_ENOMEM: out of memory."""


class VersionError(Error):
    """RF_EVERSION: unsupported options version, or a newer schema on disk."""


class MisuseError(Error):
    """RF_EMISUSE: a closed store, or a store used in another process."""


class CorruptError(Error):
    """RF_ECORRUPT: the database is damaged or fails its checks."""


class IoError(Error, OSError):
    """RF_EIO: disk full, I/O error, cannot open, or read-only."""


class NotADatabaseError(Error):
    """RF_ENOTADB: the file is not a libreferral database."""


class CheckError(Error):
    """RF_ECHECK: a mistyped code (its check symbol does not match)."""


class ExpiredError(Error):
    """RF_EEXPIRED: the code has expired."""


class DisabledError(Error):
    """RF_EDISABLED: code disabled, or its advocate or program inactive."""


class ExhaustedError(Error):
    """RF_EEXHAUSTED: the code reached its maximum number of uses."""


class TamperedError(Error):
    """RF_ETAMPERED: a signed link is malformed or its signature does not match."""


class LinkKeyError(Error):
    """RF_EKEY: the link key is unknown or retired, or no key is active."""


class ConsentError(Error):
    """RF_ECONSENT: the advocate has not consented (tracking or messages)."""


class LimitError(Error):
    """RF_ELIMIT: a frequency cap or count limit is reached."""


class CanceledError(Error):
    """RF_ECANCELED: the progress callback stopped the operation; nothing was written."""


#: rf_status -> exception class, one-to-one.
ERRORS: Dict[int, Type[Error]] = {
    RF_ERROR: InternalError,
    RF_EINVALID: InvalidError,
    RF_ENOTFOUND: NotFoundError,
    RF_EEXISTS: ExistsError,
    RF_ECONFLICT: ConflictError,
    RF_EBUSY: BusyError,
    RF_ENOMEM: OutOfMemoryError,
    RF_EVERSION: VersionError,
    RF_EMISUSE: MisuseError,
    RF_ECORRUPT: CorruptError,
    RF_EIO: IoError,
    RF_ENOTADB: NotADatabaseError,
    RF_ECHECK: CheckError,
    RF_EEXPIRED: ExpiredError,
    RF_EDISABLED: DisabledError,
    RF_EEXHAUSTED: ExhaustedError,
    RF_ETAMPERED: TamperedError,
    RF_EKEY: LinkKeyError,
    RF_ECONSENT: ConsentError,
    RF_ELIMIT: LimitError,
    RF_ECANCELED: CanceledError,
}


def error_class(code: int) -> Type[Error]:
    """The exception class for a status code (:class:`Error` if unknown)."""
    return ERRORS.get(code, Error)


def strerror(code: int) -> str:
    """Static description of a status code, from the library."""
    from . import _ffi
    return _ffi.lib().rf_strerror(code).decode("utf-8", "replace")


def last_error() -> Error:
    """The calling thread's last error as an exception object (not raised)."""
    from . import _ffi
    err = _ffi.lib().rf_error_last().contents
    message = err.message.decode("utf-8", "replace") if err.message else None
    return error_class(err.code)(err.code, message, err.db_code)


def clear_error() -> None:
    """Reset the calling thread's last error to RF_OK."""
    from . import _ffi
    _ffi.lib().rf_error_clear()


def check(result: int, func: Any = None, args: Any = None) -> int:
    """ctypes errcheck: raise the mapped exception for a negative status.

    Runs on the thread that made the call, so ``rf_error_last()`` is ours; its
    message is copied before anything else can overwrite it.
    """
    if result >= 0:
        return result
    err = last_error()
    if err.code != result:  # the library did not describe this failure
        err = error_class(result)(result, strerror(result), 0)
    raise err


def invalid(message: str) -> InvalidError:
    """An InvalidError raised by the binding itself, before calling C."""
    return InvalidError(RF_EINVALID, message)
