"""Question ``notification.timeline``: every date the notification duties give for one case, in date order.

Sexual Offences Act 2003 ss.82-86 and 91A-91F. The timeline gathers, for the case as at a date: the last day of
the notification period (s.82), the initial notification deadline for each disposal (s.83), the deadline for each
listed change (s.84), the next periodic notification and any that was missed (s.85), the latest day to give
notice of each listed trip (s.86) and the review dates (ss.91B-91E). Each item names the rule that gives it and is
``past``, ``due`` (on the as-at date) or ``upcoming``. A duty whose clock is stopped (the person is still in
custody, in hospital or abroad) is listed as pending, without a date. The timeline is undetermined when any part
of it is, and the missing facts are listed; the items that could be worked out are still given.

Each question that gives dated steps says which in its own ``timeline_steps``; :data:`PARTS` lists those questions
by their command-line names (``tests/conventions/test_registry.py`` keeps it in step with the registry).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...facts import Case
from ...rulebook import default_rulebook
from . import change, initial, period, periodic, review, travel
from .compliance import DutyCompliance, status_detail
from .duties import DutyBuilder, Step

QUESTION = "notification.timeline"


class TimelineItem(TypedValue):
    """One dated (or pending) step of the timeline."""

    day: date | None = Field(alias="date", description="The day; null while the clock is stopped (pending).")
    kind: str = Field(description="What kind of step, e.g. initial_notification, periodic_notification.")
    status: str | None = Field(description="past, due (on the as-at date) or upcoming; null when pending.")
    rule: str = Field(description="The rule or parameter that gives the date.")
    subject: str | None = Field(description="The disposal, change, trip or notification it is about.")
    what: str = Field(description="The step in words.")
    compliance: DutyCompliance | None = Field(
        default=None, description="For a duty of the person: whether it was met on time, met late (days_late), not "
        "met, is still due, or is unknown, as at the as-at date, with the notification that met it.")


class NotificationTimelineValue(TypedValue):
    """Every date the notification duties give for one case, in date order."""

    items: list[TimelineItem] = Field(description="The dated steps, in date order.")
    pending: list[TimelineItem] = Field(description="The steps whose clock has not started.")
    parts: dict[str, str] = Field(description="The outcome of each question the timeline gathers, by its CLI name.")


def _item(step: Step, as_of: date) -> TimelineItem:
    status = None
    if step.day is not None:
        status = "past" if step.day < as_of else ("due" if step.day == as_of else "upcoming")
    met: dict[str, Any] = {"compliance": step.compliance} if isinstance(step.compliance, DutyCompliance) else {}
    return TimelineItem.model_construct(day=step.day, kind=step.kind, status=status, rule=step.rule,
                                        subject=step.subject, what=step.what, **met)


PARTS: tuple[tuple[str, Callable[[Case, date, DutyBuilder], tuple[Outcome, list[Step]] | None]], ...] = (
    ("notification-period", period.timeline_steps),
    ("initial-deadline", initial.timeline_steps),
    ("change-deadline", change.timeline_steps),
    ("periodic", periodic.timeline_steps),
    ("travel-notice", travel.timeline_steps),
    ("review", review.timeline_steps),
)
"""The questions whose dated steps the timeline gathers, in the order it gathers them."""


def timeline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationTimelineValue]:
    """Answer ``notification.timeline`` for ``case`` as at ``as_of``."""
    builder = DutyBuilder(QUESTION, as_of, book or default_rulebook())
    parts: dict[str, Outcome] = {}
    items: list[Step] = []
    for name, steps_of in PARTS:
        part = steps_of(case, as_of, builder)
        if part is not None:
            parts[name] = part[0]
            items += part[1]
    dated = sorted((i for i in items if i.day is not None), key=lambda i: (i.day or date.min, i.kind))
    pending = [i for i in items if i.day is None]
    value = NotificationTimelineValue.model_construct(
        items=[_item(i, as_of) for i in dated], pending=[_item(i, as_of) for i in pending],
        parts={k: v.value for k, v in parts.items()},
    )
    dates: dict[str, date] = {}
    following = next((i.day for i in dated if i.day is not None and i.day >= as_of), None)
    if following is not None:
        dates["next_date"] = following
    ended = next((i.day for i in dated if i.kind == "requirements_end"), None)
    if ended is not None:
        dates["requirements_ended"] = ended
    complete = all(v is not Outcome.UNDETERMINED for v in parts.values())
    _drop_repeated_reasons(builder)
    return builder.build(Outcome.YES if complete else Outcome.UNDETERMINED, value, dates)


def _drop_repeated_reasons(builder: DutyBuilder) -> None:
    """The parts share some reasoning (whether the person is subject, for instance): keep each reason once."""
    seen: set[tuple[str, str | None, str]] = set()
    kept = []
    for reason in builder.reasons:
        key = (reason.rule_id, reason.subject, repr(reason.facts))  # same rule, subject and facts: same sentence
        if key not in seen:
            seen.add(key)
            kept.append(reason)
    builder.reasons[:] = kept


def headline(decision: Decision[NotificationTimelineValue]) -> str:
    """One sentence answering the question."""
    count = len(decision.value.items)
    following = decision.dates.get("next_date")
    tail = f" Next: {show_value(following)}." if following else " Nothing is upcoming."
    if decision.outcome is Outcome.UNDETERMINED:
        return f"Incomplete timeline ({count} dated step(s); some parts cannot be decided).{tail}"
    return f"{count} dated step(s).{tail}"


def detail_lines(decision: Decision[NotificationTimelineValue]) -> list[str]:
    """The timeline's items, one per line: date, status, what, and the rule that gives it."""
    lines = ["Timeline"]
    for item in decision.value.items:
        about = f" [{item.subject}]" if item.subject else ""
        lines.append(f"  {show_value(item.day)}  {item.status:<8}  {item.what}{about}{_met(item)}  ({item.rule})")
    for item in decision.value.pending:
        about = f" [{item.subject}]" if item.subject else ""
        lines.append(f"  {'pending':<10}  {'':<8}  {item.what}{about}{_met(item)}  ({item.rule})")
    return lines


def _met(item: TimelineItem) -> str:
    """Whether the duty was met, in words: " - met (2016-10-21)", " - met 3 days late (2016-10-24)",
    " - NOT MET (11 days overdue)", " - due"."""
    return "" if item.compliance is None else f" - {status_detail(item.compliance)}"


__all__ = ["QUESTION", "NotificationTimelineValue", "TimelineItem", "detail_lines", "headline", "timeline"]
