"""Relevant terrorist offenders by conviction and sentence (Criminal Justice Act 2003 s.327(4D)-(4G)), for the
category question's Category 4.

Each disposal is tried against the group ``mappa.category.cat4.disposal``: a relevant terrorist offence (s.327(4F))
with a sentence or order that Counter-Terrorism Act 2008 s.45 describes. The status lasts (the words have no end),
unless the parameter ``mappa.category.cat4.duration`` is read as lasting only while the licence or hospital order
runs; it is read, and warned of, whenever the answer rests on (4D).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...engine import DecisionBuilder
from ...engine.evaluator import Gap, Scope, evaluate_group
from ...facts import Case
from .disposals import some_disposal_counts

__all__ = ["DURATION", "GROUP", "category4_disposal", "still_current"]

GROUP = "mappa.category.cat4.disposal"
DURATION = "mappa.category.cat4.duration"
CURRENT = "mappa.category.cat2.current"


def category4_disposal(case: Case, as_of: date, builder: DecisionBuilder) -> Any:
    """Whether a disposal makes the person a relevant terrorist offender under s.327(4D) on ``as_of``: True,
    False, or a gap (naming ``disposals`` when the case records none: an empty record is not evidence of none)."""
    return some_disposal_counts(case, as_of, builder, GROUP, _lasts)


def _lasts(scope: Scope, builder: DecisionBuilder, subject: str) -> bool | Gap:
    """Whether the (4D) status of a qualifying disposal still holds on the scope's date (parameter
    ``mappa.category.cat4.duration``)."""
    if scope.param(DURATION) == "statutory_status":
        return True
    return still_current(scope, builder, subject)


def still_current(scope: Scope, builder: DecisionBuilder, subject: str) -> bool | Gap:
    """Whether a qualifying disposal still counts on the scope's date: the person is still serving it, on licence
    or in hospital under it (group ``mappa.category.cat2.current``, CJA 2003 s.327(3)-(4))."""
    current = evaluate_group(scope.book.group(CURRENT), scope)
    if not builder.record(current, subject):
        return Gap(tuple(current.missing()))
    return current.outputs.get("current") is True
