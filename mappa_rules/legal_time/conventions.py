"""The declared legal-time conventions in force at a date, read from ``rulesets/time/conventions.yaml``, periods
dated under them, and the test of whether a declared convention mattered.

A declared convention is the library's reading where the law's words leave a point open. A decision warns of one
only where the answer may be wrong for a reason the user cannot see: :func:`sensitive` computes the result with the
value in force and again with each alternative the parameter declares, and warns (stating the alternative result)
only when they differ; otherwise the convention is listed, without a warning, in the decision's ``relied_on``. The
recomputation happens only where a convention actually applied: a corresponding day the calendar lacks, a halved
period, an interval in custody that touches a counted period.

Reading the conventions does not by itself record anything: a computation that depends on one records it.
:func:`period_last_day`, :func:`day_after_period` and :func:`half_of` date a period and record what they relied
on, so that the record cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from ..decision import show_value
from ..engine import Scope
from .calendar import HalfMode, Length, MissingDayRule, PartialDayRule, TimeConventions, day_after_end, halve, last_day

__all__ = [
    "BEGINNING_WITH",
    "HALF_MODE",
    "MISSING_DAY",
    "PARTIAL_DAY",
    "conventions_at",
    "day_after_period",
    "half_of",
    "period_last_day",
    "rely_on",
    "sensitive",
    "under",
]

T = TypeVar("T")

BEGINNING_WITH = "time.conventions.beginning_with_convention"
MISSING_DAY = "time.conventions.missing_corresponding_day"
HALF_MODE = "time.conventions.half_period_mode"
PARTIAL_DAY = "time.conventions.partial_day_disregard"

_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    MISSING_DAY: ("missing_day", MissingDayRule),
    HALF_MODE: ("half_mode", HalfMode),
    PARTIAL_DAY: ("partial_day", PartialDayRule),
}
"""Each time convention, by parameter id: the field of :class:`TimeConventions` it sets, and its type."""


def conventions_at(scope: Scope) -> TimeConventions:
    """The conventions in force on the scope's as-at date (computed once per scope)."""
    return scope.remember("time.conventions", _conventions)


def _conventions(scope: Scope) -> TimeConventions:
    book, day = scope.book, scope.as_at
    return TimeConventions(
        missing_day=MissingDayRule(book.parameter(MISSING_DAY).value_at(day)),
        half_mode=HalfMode(book.parameter(HALF_MODE).value_at(day)),
        partial_day=PartialDayRule(book.parameter(PARTIAL_DAY).value_at(day)),
    )


def rely_on(scope: Scope, convention: str) -> None:
    """Record that a result depends on the named parameter (a warning if its text is unverified, else a line in
    ``relied_on``). For a declared convention with alternatives, use :func:`sensitive` instead."""
    scope.param(convention)


def sensitive(scope: Scope, convention: str, compute: Callable[[Any], T],
              show: Callable[[T], str] = show_value) -> T:
    """``compute(value)`` with the convention's value in force, and again with each alternative it declares.

    Where an alternative gives a different result, the decision warns, naming the convention, the result used and
    the result of each differing alternative (``show`` words a result, e.g. a date); otherwise the convention goes
    to ``relied_on``. Returns the result under the value in force.
    """
    parameter = scope.book.parameter(convention)
    if not parameter.alternatives:
        raise LookupError(f"{convention}: a convention tested for its effect must declare its alternatives")
    chosen = parameter.value_at(scope.as_at)
    result = compute(chosen)
    differing = [(alt, other) for alt in parameter.alternatives if alt != chosen
                 for other in (compute(alt),) if other != result]
    if not differing:
        scope.rely(convention, chosen)
        return result
    others = "; ".join(f"read as {show_value(alt)} it would be {show(other)}" for alt, other in differing)
    scope.warn(convention,
               f"A declared convention changes this result: {parameter.title}. With the value used "
               f"({show_value(chosen)}) it is {show(result)}; {others}.",
               parameter.status, parameter.citation)
    return result


def under(scope: Scope, convention: str, compute: Callable[[TimeConventions], T],
          show: Callable[[T], str] = show_value) -> T:
    """:func:`sensitive` for a time convention: ``compute`` is handed the conventions in force, with the named one
    set to the value in force and then to each alternative."""
    name, kind = _FIELDS[convention]
    base = conventions_at(scope)
    return sensitive(scope, convention, lambda value: compute(replace(base, **{name: kind(value)})), show)


def period_last_day(scope: Scope, start: date, length: Length) -> date:
    """The last day of a period of ``length`` beginning with ``start``: the day before the corresponding day
    (recording the "beginning with" reading, and testing the missing-day rule when the calendar lacks that day)."""
    end, missing = last_day(start, length, conventions_at(scope))
    if missing:
        end = under(scope, MISSING_DAY, lambda c: last_day(start, length, c)[0])
    rely_on(scope, BEGINNING_WITH)
    return end


def day_after_period(scope: Scope, start: date, length: Length) -> date:
    """The day after the end of a period of ``length`` beginning with ``start``: the corresponding day itself
    (recording the "beginning with" reading, and testing the missing-day rule when the calendar lacks that day)."""
    day, missing = day_after_end(start, length, conventions_at(scope))
    if missing:
        day = under(scope, MISSING_DAY, lambda c: day_after_end(start, length, c)[0])
    rely_on(scope, BEGINNING_WITH)
    return day


def half_of(scope: Scope, start: date, length: Length) -> Length:
    """Half of ``length`` for a period beginning with ``start``, testing how halves are measured: the two readings
    are compared by the last day of the halved period."""
    under(scope, HALF_MODE, lambda c: last_day(start, halve(start, length, c), c)[0])
    return halve(start, length, conventions_at(scope))
