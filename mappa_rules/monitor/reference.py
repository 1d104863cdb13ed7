"""Duty statuses worked out from the core's answers for one case as at one date: what the monitor must agree with.

The monitor reaches its statuses incrementally, event by event, through durable-rules. This module reaches them
at once from the facts: it asks ``timeline`` for the duties and the day each is due (SOA 2003 ss.83-86) and
``periodic`` for every s.85 period with the core's own account of when the next notification was given and
whether in time, and applies the matching table of :mod:`.matching` to the notifications in the case.

When the core states a duty's status itself (issue 15, part 1: met on time, met late and how late, or not met,
in the timeline's typed answer), :func:`core_statuses` is to read it from there instead, and the agreement tests
then compare the monitor with the core directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from mappa_rules import Case, Order, Outcome, periodic, timeline

from .adapter import periodic_history, timeline_view
from .matching import COUNTED, first_match, note_tags
from .records import DutyStatus


def status_of(tag: str, opens: date, due: date | None, notes: Iterable[tuple[date, tuple[str, ...]]],
              as_of: date) -> DutyStatus:
    """A duty's status as at ``as_of`` from the notifications given by then."""
    met = first_match(tag, opens, (n for n in notes if n[0] <= as_of))
    if met is not None:
        return DutyStatus("met" if due is None or met <= due else "late", due, met)
    if due is None:
        return DutyStatus("pending", None)
    return DutyStatus("overdue" if as_of > due else "open", due)


def notes_of(case: Case, travel_notices: Iterable[tuple[str, date]]) -> list[tuple[date, tuple[str, ...]]]:
    """Every notification given, with the tags it carries."""
    notes = [(n.date, note_tags(n.kind)) for n in case.notifications]
    notes += [(day, note_tags("travel", trip)) for trip, day in travel_notices]
    return sorted(notes)


def core_statuses(case: Case, as_of: date, travel_notices: Iterable[tuple[str, date]] = ()) -> dict[str, DutyStatus]:
    """The status of every notification duty the core gives for ``case`` as at ``as_of``, keyed as the monitor
    keys them (``initial/<disposal>``, ``change/<change>``, ``release/<change>``, ``non_occurrence/<change>``,
    ``periodic/<day of the notification it follows>``, ``travel/<trip>``)."""
    view = timeline_view(timeline(case, as_of), case)
    notes = notes_of(case, travel_notices)
    found: dict[str, DutyStatus] = {}
    latest = None
    for spec in view.duties:
        if spec.kind == "periodic":
            latest = spec
        else:
            found[spec.key] = status_of(spec.tag, spec.opens, spec.due, notes, as_of)
    steps = periodic_history(periodic(case, as_of))
    for index, step in enumerate(steps):
        key = f"periodic/{step.notified.isoformat()}"
        if index == len(steps) - 1:
            if latest is not None and latest.key == key:
                found[key] = status_of(COUNTED, latest.opens, latest.due, notes, as_of)
        elif step.next_notification is not None and step.next_notification > step.notified and _was_a_duty(
                case, step.next_notification - timedelta(days=1)):
            state = "late" if step.on_time is False else "met"
            found[key] = DutyStatus(state, step.due, step.next_notification)
    return found


def _was_a_duty(case: Case, last_day: date) -> bool:
    """Whether a past s.85 period was a duty: the core said so, with the facts known then, on its last day as the
    latest period (the person was, for instance, still subject to the requirements on the day it was due).
    Notifications on one day count as one, so a period followed the same day by another is not asked about."""
    return periodic(known_on(case, last_day), last_day).outcome is Outcome.YES


def known_on(case: Case, day: date) -> Case:
    """The case as it stood at the end of ``day``, as far as the periodic duty depends on it: later disposals,
    notifications, orders and review applications left out, and custody or absence that had begun but not ended
    by then still open (the core reads an open interval as lasting)."""
    intervals = [i if i.end is None or i.end <= day else i.model_copy(update={"end": None})
                 for i in case.intervals if i.start <= day]
    orders = [_order_on(o, day) for o in case.orders if o.made is None or o.made <= day]
    review = case.review.model_copy(update={"applications": [a for a in case.review.applications
                                                              if a.received is None or a.received <= day]})
    return case.model_copy(update={
        "disposals": [d for d in case.disposals if d.relevant_date is None or d.relevant_date <= day],
        "intervals": intervals,
        "notifications": [n for n in case.notifications if n.date <= day],
        "orders": orders,
        "review": review,
    })





def differences(monitor: dict[str, DutyStatus], core: dict[str, DutyStatus]) -> list[str]:
    """Where the monitor's statuses and the core's differ, one line each (empty when they agree).

    One allowance: a duty met in time keeps, in the monitor, the day it was due when it was met. The core works
    out every past s.85 period again with the facts known now, so custody or a journey abroad that began after
    the period was met, but before its plain end, moves that end later or leaves it unknown in the core's answer
    (s.85(3)-(4)). For a duty both sides call met, the day due is therefore not compared (it can only move
    later, so the duty stays met); the state and the day it was met still are.
    """
    found: list[str] = []
    for key in sorted(set(monitor) | set(core)):
        mine, theirs = monitor.get(key), core.get(key)
        if mine is None or theirs is None:
            found.append(f"{key}: monitor {mine}, core {theirs}")
            continue
        same_due = mine.due == theirs.due or mine.state == theirs.state == "met"
        if (mine.state, mine.met_on) != (theirs.state, theirs.met_on) or not same_due:
            found.append(f"{key}: monitor {mine}, core {theirs}")
    return found
def _order_on(order: Order, day: date) -> Order:
    update: dict[str, Any] = {}
    if order.ceased_on is not None and order.ceased_on > day:
        update["ceased_on"] = None
    if order.breach_date is not None and order.breach_date > day:
        update.update(breached=None, breach_date=None)
    return order.model_copy(update=update)


__all__ = ["core_statuses", "differences", "notes_of", "status_of"]
