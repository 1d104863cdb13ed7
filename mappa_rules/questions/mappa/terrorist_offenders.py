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
from ...vocabulary import DISPOSAL_VALUES

__all__ = ["DURATION", "GROUP", "category4_disposal"]

GROUP = "mappa.category.cat4.disposal"
DURATION = "mappa.category.cat4.duration"
CURRENT = "mappa.category.cat2.current"


def category4_disposal(case: Case, as_of: date, builder: DecisionBuilder) -> Any:
    """Whether a disposal makes the person a relevant terrorist offender under s.327(4D) on ``as_of``: True,
    False, or a gap (naming ``disposals`` when the case records none: an empty record is not evidence of none)."""
    book = builder.book
    if not case.disposals:
        return Gap(("disposals",))
    gaps: list[str] = []
    unresolved = False
    for disposal in case.disposals:
        scope = Scope(book, as_of, DISPOSAL_VALUES, case, disposal, builder.warnings, builder.reasons)
        qualifies = evaluate_group(book.group(GROUP), scope)
        if not builder.record(qualifies, disposal.id):
            gaps.extend(qualifies.missing())
            continue
        verdict = qualifies.outputs.get("qualifies")
        if verdict == "unresolved":
            unresolved = True
        elif verdict is True:
            lasts = _lasts(scope, builder, disposal.id)
            if lasts is True:
                return True
            if isinstance(lasts, Gap):
                gaps.extend(lasts.paths)
    if gaps or unresolved:
        return Gap(tuple(dict.fromkeys(gaps)))
    return False


def _lasts(scope: Scope, builder: DecisionBuilder, subject: str) -> Any:
    """Whether the (4D) status of a qualifying disposal still holds on the scope's date (parameter
    ``mappa.category.cat4.duration``)."""
    if scope.param(DURATION) == "statutory_status":
        return True
    current = evaluate_group(scope.book.group(CURRENT), scope)
    if not builder.record(current, subject):
        return Gap(tuple(current.missing()))
    return current.outputs.get("current") is True
