"""C callbacks over Python code: the store's clock and progress, exports and imports."""
from __future__ import annotations

from typing import Any, Callable, Optional


class Callback:
    """A C function pointer, ``c_fn`` (of ctypes type ``c_type``), that calls
    :meth:`_call`; keep this object alive while C may call it.

    An exception cannot unwind through C frames: it is kept in ``error``, C
    gets ``failed``, and :meth:`raise_pending` raises it once the C call
    returns.
    """

    _call: Callable[..., int]  # what C calls, defined by each subclass

    def __init__(self, c_type: Any, failed: int) -> None:
        self.error: Optional[BaseException] = None
        self._failed = failed
        self.c_fn = c_type(self._guarded)

    def _guarded(self, *args: Any) -> int:
        try:
            return self._call(*args)
        except BaseException as exc:  # noqa: B902 - must not unwind into C
            self.error = exc
            return self._failed

    def raise_pending(self) -> None:
        """Raise the exception kept from the last C call, if any (once)."""
        error, self.error = self.error, None
        if error is not None:
            raise error
