"""What the monitor reads from the core's decisions: the one place that knows the fields of ``decision.value``.

The monitor never works out a legal date or whether a duty was met. It asks the core (``timeline``,
``mappa_category``, ``mappa_level``, ``civil_orders``) and reads here: each notification duty's
``DutyCompliance`` from the timeline (its id, the day it opens, its last day, its status - met, met_late,
not_met, due or unknown - the day it was met and how many days late; SOA 2003 ss.83-86, s.91(1)(a), (3)), the
review dates (ss.91B-91E), the end of the notification period (s.82), the category and level guidance (CJA 2003
s.325; MAPPA Guidance ch. 7) and the last day of each civil order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mappa_rules import Case, Decision, Outcome

_REVIEW_ITEMS = {"review_qualifying_date": "qualifying_date",
                 "review_further_qualifying_date": "further_qualifying_date"}


class AdapterError(Exception):
    """The core's answer does not have the shape this module reads (the core changed: update the adapter)."""


@dataclass(frozen=True)
class DutyView:
    """One notification duty as the core gives it as at the date asked (its ``DutyCompliance``).

    ``deadline`` is None while the clock is stopped (custody, hospital, abroad) or when the last day is unknown;
    ``met_on`` and ``days_late`` are set for ``met`` and ``met_late``."""

    key: str
    kind: str
    status: str
    opens: date | None
    deadline: date | None
    met_on: date | None
    days_late: int | None


@dataclass(frozen=True)
class TimelineView:
    """The duties, the review dates and the end of the notification period, from ``notification.timeline``."""

    duties: tuple[DutyView, ...]
    reviews: tuple[tuple[str, date], ...]
    period_ends: date | None


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise AdapterError(f"expected a date, found {type(value).__name__}")


def _get(value: Any, name: str, default: Any = None) -> Any:
    """A field of an answer, whether the answer is a mapping or a typed model with the same names."""
    if isinstance(value, Mapping):
        return value.get(name, default)
    return getattr(value, name, default)


def _items(decision: Decision, name: str) -> list[Any]:
    items = _get(decision.value, name, [])
    if not isinstance(items, list | tuple):
        raise AdapterError(f"{decision.question}: value.{name} is not a list")
    return list(items)


def duty_view(compliance: Any) -> DutyView:
    """A timeline item's ``compliance`` (``DutyCompliance``), as the monitor keeps it (its events are the record)."""
    key, kind, status = _get(compliance, "duty"), _get(compliance, "kind"), _get(compliance, "status")
    if not (isinstance(key, str) and isinstance(kind, str) and isinstance(status, str)):
        raise AdapterError("timeline compliance without duty, kind or status")
    if status == "unknown" and list(_get(compliance, "missing", [])) == ["notifications"]:
        # The core reads an empty list of notifications as no record; the monitor has every event of the person, so
        # its empty list is the record: no notification was given, and the duty whose last day passed is not met.
        status = "not_met"
    late = _get(compliance, "days_late")
    return DutyView(key, kind, status, _day(_get(compliance, "opens")), _day(_get(compliance, "deadline")),
                    _day(_get(compliance, "met_on")), None if late is None else int(late))


def timeline_view(decision: Decision) -> TimelineView:
    """The duties (dated and pending, each with its status), the review dates and the end of the notification
    period of a timeline decision. A duty listed twice (dated and pending) is kept once, as last listed."""
    if decision.question != "notification.timeline":
        raise AdapterError(f"expected a timeline decision, found {decision.question}")
    duties: dict[str, DutyView] = {}
    reviews: list[tuple[str, date]] = []
    period_ends: date | None = None
    for item in [*_items(decision, "items"), *_items(decision, "pending")]:
        compliance = _get(item, "compliance")
        if compliance is not None:
            duty = duty_view(compliance)
            duties[duty.key] = duty
            continue
        day, kind = _day(_get(item, "day", _get(item, "date"))), _get(item, "kind")
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


def recheck_days(view: TimelineView, ends: Iterable[tuple[str, date]], case: Case) -> set[date]:
    """Days after which the core's answers may change with time alone, so the monitor asks again on them: the
    day after the notification period, a licence or an order ends (category and level), and the review dates."""
    days = {day for _, day in view.reviews}
    later = [view.period_ends, *(day for _, day in ends), *(d.supervision_end for d in case.disposals)]
    days.update(date.fromordinal(day.toordinal() + 1) for day in later if day is not None)
    return days


def duty_days(view: TimelineView) -> set[date]:
    """Days on which a duty's status may change with time alone: the day after the last day of each duty still
    due (from ``due`` to ``not_met``, s.91(3)), so the monitor asks the core again on it."""
    return {date.fromordinal(d.deadline.toordinal() + 1) for d in view.duties
            if d.status == "due" and d.deadline is not None}


__all__ = ["AdapterError", "DutyView", "TimelineView", "category_value", "duty_days", "duty_view", "level_value",
           "order_ends", "recheck_days", "timeline_view"]
