"""The core's duty statuses for one case as at one date, keyed as the monitor keys them: what the monitor must
agree with, and where the agreement allows for the monitor's documented handling.

The monitor reaches its statuses step by step, reading the core's ``DutyCompliance`` as at each step's day;
:func:`core_statuses` asks the core once, with the same facts, as at any date.
"""

from __future__ import annotations

from datetime import date

from mappa_rules import Case, timeline

from .adapter import timeline_view
from .records import DutyStatus


def core_statuses(case: Case, as_of: date) -> dict[str, DutyStatus]:
    """Every notification duty the core's timeline gives for ``case`` as at ``as_of``, with its status."""
    return {duty.key: DutyStatus(duty.status, duty.deadline, duty.met_on, duty.days_late)
            for duty in timeline_view(timeline(case, as_of)).duties}


def differences(monitor: dict[str, DutyStatus], core: dict[str, DutyStatus]) -> list[str]:
    """Where the monitor's statuses and the core's differ, one line each (empty when they agree).

    One allowance, the monitor's documented handling of settled duties: a duty met keeps, in the monitor, the
    last day it had when it was met. The core works out every past s.85 period again with the facts known now, so
    custody or a journey abroad that began after the period was met, but before its plain end, moves that end
    later or leaves it unknown (s.85(3)-(4)). For a duty both sides call met, the last day is therefore not
    compared (it can only move later, so the duty stays met); the status and the day met still are.
    """
    found: list[str] = []
    for key in sorted(set(monitor) | set(core)):
        mine, theirs = monitor.get(key), core.get(key)
        if mine is None or theirs is None:
            found.append(f"{key}: monitor {mine}, core {theirs}")
            continue
        both_met = mine.status == theirs.status == "met"
        if (mine.met_on != theirs.met_on) if both_met else (mine != theirs):
            found.append(f"{key}: monitor {mine}, core {theirs}")
    return found


__all__ = ["core_statuses", "differences"]
