"""What the monitor reads from the core's decisions: the one place that knows the keys of ``decision.value``.

The monitor never works out a legal date. It asks the core questions (``timeline``, ``mappa_category``,
``mappa_level``, ``civil_orders``, and ``periodic`` for the reference statuses) and reads here the duties they
list, with the day each is due (SOA 2003 ss.83-86), the review dates (ss.91B-91E), the category and level guidance
(CJA 2003 s.325; MAPPA Guidance ch. 7) and the last day of each civil order. When the core's answers become
typed models with the same keys, only this module changes (it already reads fields by name from either).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mappa_rules import Case, Decision, Outcome

from .matching import ANY_DAY, duty_tag, periodic_opens

_PERIODIC_SUBJECT = re.compile(r"notification of (\d{4}-\d{2}-\d{2})")
_REVIEW_ITEMS = {"review_qualifying_date": "qualifying_date",
                 "review_further_qualifying_date": "further_qualifying_date"}


class AdapterError(Exception):
    """The core's answer does not have the shape this module reads (the core changed: update the adapter)."""


@dataclass(frozen=True)
class DutySpec:
    """One notification duty the core lists: what it is, the tag that meets it, when it opens and is due.

    ``due`` is None while the clock is stopped (the person is in custody, in hospital or abroad)."""

    key: str
    kind: str
    tag: str
    opens: date
    due: date | None
    rule: str


@dataclass(frozen=True)
class TimelineView:
    """The duties, the review dates and the end of the notification period, from ``notification.timeline``."""

    duties: tuple[DutySpec, ...]
    reviews: tuple[tuple[str, date], ...]
    period_ends: date | None


@dataclass(frozen=True)
class PeriodicStep:
    """One s.85 period from ``notification.periodic``: the notification it follows, when the next was due, and
    when (and whether in time) it was given."""

    notified: date
    due: date | None
    next_notification: date | None
    on_time: bool | None


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise AdapterError(f"expected a date, found {type(value).__name__}")


def _get(value: Any, name: str, default: Any = None) -> Any:
    """A field of an answer, whether the answer is a mapping (today) or a typed model with the same keys."""
    if isinstance(value, Mapping):
        return value.get(name, default)
    return getattr(value, name, default)


def _items(decision: Decision, name: str) -> list[Any]:
    items = _get(decision.value, name, [])
    if not isinstance(items, list | tuple):
        raise AdapterError(f"{decision.question}: value.{name} is not a list")
    return list(items)


def _change(case: Case, label: str) -> Any:
    for index, change in enumerate(case.changes):
        if label in (change.id, f"changes[{index}]"):
            return change
    raise AdapterError(f"timeline names change {label!r}, which the case does not have")


def _duty(item: Any, case: Case) -> DutySpec | None:
    kind, subject = _get(item, "kind"), _get(item, "subject")
    due, rule = _day(_get(item, "date")), str(_get(item, "rule"))
    if kind == "initial_notification":
        disposal = case.disposal(subject)
        opens = disposal.relevant_date or ANY_DAY
        return DutySpec(f"initial/{subject}", "initial", duty_tag("initial"), opens, due, rule)
    if kind == "change_notification":
        change = _change(case, subject)
        duty = "release" if change.kind == "release" else "change"
        opens = change.date or change.expected_date or ANY_DAY
        return DutySpec(f"{duty}/{subject}", duty, duty_tag(duty), opens, due, rule)
    if kind == "non_occurrence_notification":
        change = _change(case, subject)
        opens = change.expected_date or ANY_DAY
        return DutySpec(f"non_occurrence/{subject}", "non_occurrence", duty_tag("non_occurrence"), opens, due, rule)
    if kind == "periodic_notification":
        found = _PERIODIC_SUBJECT.fullmatch(str(subject))
        if found is None:
            raise AdapterError(f"timeline periodic subject {subject!r} does not name its notification")
        trigger = date.fromisoformat(found.group(1))
        return DutySpec(f"periodic/{trigger.isoformat()}", "periodic", duty_tag("periodic"), periodic_opens(trigger),
                        due, rule)
    if kind == "travel_notice":
        return DutySpec(f"travel/{subject}", "travel", duty_tag("travel", str(subject)), ANY_DAY, due, rule)
    return None


def timeline_view(decision: Decision, case: Case) -> TimelineView:
    """The duties (dated and pending), review dates and end of the notification period of a timeline decision."""
    if decision.question != "notification.timeline":
        raise AdapterError(f"expected a timeline decision, found {decision.question}")
    duties: dict[str, DutySpec] = {}
    reviews: list[tuple[str, date]] = []
    period_ends: date | None = None
    for item in [*_items(decision, "items"), *_items(decision, "pending")]:
        duty = _duty(item, case)
        if duty is not None:
            duties[duty.key] = duty
            continue
        day, kind = _day(_get(item, "date")), _get(item, "kind")
        if kind in _REVIEW_ITEMS and day is not None:
            reviews.append((_REVIEW_ITEMS[kind], day))
        elif kind == "notification_period_ends":
            period_ends = day
    return TimelineView(tuple(duties.values()), tuple(reviews), period_ends)


def category_value(decision: Decision) -> str:
    """The MAPPA category as at the date asked: "1", "2", "3", "none" or "undetermined" (for instance when only
    Category 3, a judgement of the Responsible Authority, remains possible)."""
    if decision.outcome is Outcome.UNDETERMINED:
        return "undetermined"
    if decision.outcome is Outcome.NO:
        return "none"
    return str(_get(decision.value, "category"))


def level_value(decision: Decision) -> str:
    """The management level the guidance points to: "1", "2", "3", "none" (the case leaves MAPPA) or
    "undetermined"."""
    if decision.outcome is Outcome.UNDETERMINED:
        return "undetermined"
    level = _get(decision.value, "level")
    return "none" if decision.outcome is Outcome.NO or not level else str(level)


def order_ends(decision: Decision) -> tuple[tuple[str, date], ...]:
    """Each civil order with a known last day of effect (discharged, or every term of fixed length)."""
    orders = _get(decision.value, "orders", {})
    if not isinstance(orders, Mapping):
        raise AdapterError("order: value.orders is not a mapping")
    ends = ((ident, _day(_get(order, "last_day"))) for ident, order in sorted(orders.items()))
    return tuple((ident, day) for ident, day in ends if day is not None)


def periodic_history(decision: Decision) -> tuple[PeriodicStep, ...]:
    """Every s.85 period of a ``notification.periodic`` decision, oldest first."""
    return tuple(PeriodicStep(_required(step, "notified"), _day(_get(step, "due_by")),
                              _day(_get(step, "next_notification")), _get(step, "on_time"))
                 for step in _items(decision, "history"))


def _required(step: Any, name: str) -> date:
    day = _day(_get(step, name))
    if day is None:
        raise AdapterError(f"periodic history step without {name}")
    return day


def recheck_days(view: TimelineView, ends: Iterable[tuple[str, date]], case: Case) -> set[date]:
    """Days after which the core's answers may change with time alone, so the monitor asks again on them: the
    day after the notification period, a licence or an order ends (category and level), and the review dates."""
    days = {day for _, day in view.reviews}
    later = [view.period_ends, *(day for _, day in ends), *(d.supervision_end for d in case.disposals)]
    days.update(date.fromordinal(day.toordinal() + 1) for day in later if day is not None)
    return days


__all__ = ["AdapterError", "DutySpec", "PeriodicStep", "TimelineView", "category_value", "level_value", "order_ends",
           "periodic_history", "recheck_days", "timeline_view"]
