"""The declared legal-time conventions in force at a date, read from ``rulesets/time.yaml``.

Reading the conventions does not by itself raise a warning: a computation that actually depends on one (a
missing corresponding day, a halved period, a part-day in custody) records it with :func:`rely_on`.
"""

from __future__ import annotations

from .engine.evaluator import Scope
from .legal_time import HalfMode, MissingDayRule, PartialDayRule, TimeConventions

MISSING_DAY = "time.missing_corresponding_day"
HALF_MODE = "time.half_period_mode"
PARTIAL_DAY = "time.partial_day_disregard"


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
    """Record that a result depends on the named convention (it then appears among the warnings)."""
    scope.param(convention)
