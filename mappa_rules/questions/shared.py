"""Work the questions of one assessment share: what several questions read about the same case, date and rule book
(each disposal's notification period under SOA 2003 ss.80-82, the notification status, the MAPPA category that the
level starts from) is worked out once while :func:`sharing` is in effect, and again by each question otherwise.

Every question is a pure function of the case, the date and the rule book, so a result worked out once is the
result each question would have worked out. The results are kept only for the call of :func:`sharing` (a context
variable, so threads and tasks each have their own), never beyond it: a long-lived case holds no answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any, TypeVar

__all__ = ["once", "sharing"]

T = TypeVar("T")

_WORK: ContextVar[dict[tuple[Any, ...], tuple[Any, ...]] | None] = ContextVar("mappa_rules_shared_work",
                                                                             default=None)


@contextmanager
def sharing() -> Iterator[None]:
    """Within the block, :func:`once` keeps what it works out (nested blocks share the outermost one's)."""
    token = _WORK.set({}) if _WORK.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _WORK.reset(token)


def once(what: str, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or, within :func:`sharing`, what it gave (or raised) the first time for ``what`` and ``key``.

    ``key`` holds the objects the work depends on (the case, the rule book, the date); they are kept with the result,
    so that an object's identity, by which they are compared, cannot pass to another while the block lasts.
    """
    work = _WORK.get()
    if work is None:
        return compute()
    ident = (what, *(k if k is None or isinstance(k, (str, int, float, date)) else id(k) for k in key))
    found = work.get(ident)
    if found is None:
        try:
            found = work[ident] = (True, compute(), key)
        except Exception as exc:  # the same question asked again raises the same way
            found = work[ident] = (False, exc, key)
    done, result, _ = found
    if not done:
        raise result
    answer: T = result
    return answer

