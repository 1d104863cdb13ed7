"""Question ``notification.timeline``: every date the notification duties give for one case, in date order.

Sexual Offences Act 2003 ss.82-86 and 91A-91F. The timeline gathers, for the case as at a date: the last day of
the notification period (s.82), the initial notification deadline for each disposal (s.83), the deadline for each
listed change (s.84), the next periodic notification and any that was missed (s.85), the latest day to give
notice of each listed trip (s.86) and the review dates (ss.91B-91E). Each item names the rule that gives it and is
``past``, ``due`` (on the as-at date) or ``upcoming``. A duty whose clock is stopped (the person is still in
custody, in hospital or abroad) is listed as pending, without a date. The timeline is undetermined when any part
of it is, and the missing facts are listed; the items that could be worked out are still given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...facts import Case
from ...rulebook import default_rulebook
from .change import answer_change
from .duties import DutyBuilder, notification_status
from .initial import answer_initial
from .periodic import answer_periodic
from .review import answer_review
from .travel import answer_travel

QUESTION = "notification.timeline"


class TimelineItem(TypedValue):
    """One dated (or pending) step of the timeline."""

    day: date | None = Field(alias="date", description="The day; null while the clock is stopped (pending).")
    kind: str = Field(description="What kind of step, e.g. initial_notification, periodic_notification.")
    status: str | None = Field(description="past, due (on the as-at date) or upcoming; null when pending.")
    rule: str = Field(description="The rule or parameter that gives the date.")
    subject: str | None = Field(description="The disposal, change, trip or notification it is about.")
    what: str = Field(description="The step in words.")


class NotificationTimelineValue(TypedValue):
    """Every date the notification duties give for one case, in date order."""

    items: list[TimelineItem] = Field(description="The dated steps, in date order.")
    pending: list[TimelineItem] = Field(description="The steps whose clock has not started.")
    parts: dict[str, str] = Field(description="The outcome of each question the timeline gathers, by its CLI name.")


@dataclass(frozen=True)
class Item:
    """One dated (or pending) step of the timeline."""

    day: date | None
    kind: str
    rule: str
    subject: str | None
    what: str

    def as_value(self, as_of: date) -> TimelineItem:
        status = None
        if self.day is not None:
            status = "past" if self.day < as_of else ("due" if self.day == as_of else "upcoming")
        return TimelineItem.model_construct(day=self.day, kind=self.kind, status=status, rule=self.rule,
                                            subject=self.subject, what=self.what)


def timeline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationTimelineValue]:
    """Answer ``notification.timeline`` for ``case`` as at ``as_of``."""
    builder = DutyBuilder(QUESTION, as_of, book or default_rulebook())
    parts: dict[str, Outcome] = {}
    items: list[Item] = []
    parts["notification-period"] = _period(case, as_of, builder, items)
    parts["initial-deadline"] = _initial(case, as_of, builder, items)
    if case.changes:
        parts["change-deadline"] = _changes(case, as_of, builder, items)
    if case.notifications:
        parts["periodic"] = _periodic(case, as_of, builder, items)
    if case.trips:
        parts["travel-notice"] = _travel(case, as_of, builder, items)
    if case.disposals:
        parts["review"] = _review(case, as_of, builder, items)
    dated = sorted((i for i in items if i.day is not None), key=lambda i: (i.day or date.min, i.kind))
    pending = [i for i in items if i.day is None]
    value = NotificationTimelineValue.model_construct(
        items=[i.as_value(as_of) for i in dated], pending=[i.as_value(as_of) for i in pending],
        parts={k: v.value for k, v in parts.items()},
    )
    dates: dict[str, date] = {}
    following = next((i.day for i in dated if i.day is not None and i.day >= as_of), None)
    if following is not None:
        dates["next_date"] = following
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


def _period(case: Case, as_of: date, builder: DutyBuilder, items: list[Item]) -> Outcome:
    """The last day of the notification period, when every disposal's period is known and none is indefinite."""
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    periods = [p for p in status.periods if p.subject]
    if not status.periods or not all(p.decided for p in status.periods):
        return Outcome.UNDETERMINED
    if not periods or any(p.indefinite for p in periods):
        return Outcome.YES if periods else Outcome.NO
    last = max(periods, key=lambda p: p.last_day or date.min)
    rows = {r.id for r in builder.book.group("notification.period.row").rules}
    rule = next(r.rule_id for r in status.reasons if r.rule_id in rows and r.subject == last.disposal.id)
    items.append(Item(last.last_day, "notification_period_ends", rule, last.disposal.id,
                      f"Last day of the notification period ({last.length})"))
    return Outcome.YES


def _initial(case: Case, as_of: date, builder: DutyBuilder, items: list[Item]) -> Outcome:
    answer, duties = answer_initial(case, as_of, builder)
    for duty in duties:
        if not duty.required or duty.rule is None:
            continue
        what = (f"Initial notification due ({duty.days} days beginning with {duty.begins}, time in custody, "
                "in hospital or abroad disregarded)" if duty.running
                else f"Initial notification: the {duty.days} days start to run on release or return to the UK")
        items.append(Item(duty.deadline, "initial_notification", duty.rule, duty.disposal.id, what))
    return answer.outcome


def _changes(case: Case, as_of: date, builder: DutyBuilder, items: list[Item]) -> Outcome:
    answer, duties = answer_change(case, as_of, builder)
    for duty in duties:
        if not duty.due or duty.rule is None:
            continue
        kind = duty.change.kind.replace("_", " ")
        if duty.s84_1_duty:
            what = (f"Notify the {kind} change of {duty.event_date}" if duty.running
                    else f"Notify the {kind} change within {duty.days} days of when it happens, disregarding detention")
            items.append(Item(duty.deadline, "change_notification", duty.rule, duty.label, what))
        if duty.non_occurrence_deadline is not None:
            items.append(Item(duty.non_occurrence_deadline, "non_occurrence_notification",
                              "notification.change.advance_not_occurred", duty.label,
                              f"Notify that the {kind} expected on {duty.change.expected_date} did not happen"))
    return answer.outcome


def _periodic(case: Case, as_of: date, builder: DutyBuilder, items: list[Item]) -> Outcome:
    answer, steps = answer_periodic(case, as_of, builder)
    for step in steps[:-1]:
        if step.on_time is False and step.rule is not None:
            items.append(Item(step.due, "periodic_notification_missed", step.rule,
                              f"notification of {step.trigger.date}",
                              f"Periodic notification was due ({step.length} after {step.trigger.date}); the next "
                              f"was given on {step.next_notification}"))
    latest = steps[-1] if steps else None
    if latest is not None and answer.outcome is Outcome.YES and latest.rule is not None:
        what = (f"Periodic notification due ({latest.length} after {latest.trigger.date})" if latest.running
                else "Periodic notification: the period runs on until after release or return to the UK")
        items.append(Item(latest.due, "periodic_notification", latest.rule, f"notification of {latest.trigger.date}",
                          what))
    return answer.outcome


def _travel(case: Case, as_of: date, builder: DutyBuilder, items: list[Item]) -> Outcome:
    answer, duties = answer_travel(case, as_of, builder)
    for duty in duties:
        if duty.due and duty.rule is not None:
            items.append(Item(duty.latest_day, "travel_notice", duty.rule, duty.label,
                              f"Notice of the trip departing {duty.trip.departure} ({duty.notice()})"))
    return answer.outcome


def _review(case: Case, as_of: date, builder: DutyBuilder, items: list[Item]) -> Outcome:
    answer, dates = answer_review(case, as_of, builder)
    if answer.outcome is Outcome.NO:
        return answer.outcome
    if dates.qualifying_date is not None and dates.rule is not None:
        when = dates.earliest_application or dates.qualifying_date
        items.append(Item(when, "review_qualifying_date", dates.rule, None,
                          "Qualifying date: the person may apply for review of the indefinite requirements"
                          + (" (provisional)" if dates.provisional else "")))
    if dates.further_qualifying_date is not None and dates.further_rule is not None:
        items.append(Item(dates.further_qualifying_date, "review_further_qualifying_date", dates.further_rule, None,
                          "Further qualifying date: the person may apply again"))
    if dates.determination_deadline is not None:
        items.append(Item(dates.determination_deadline, "review_determination_due",
                          "notification.review.determination_limit", None, "The chief officer's determination is due"))
    if dates.appeal_deadline is not None:
        items.append(Item(dates.appeal_deadline, "review_appeal_deadline", "notification.review.appeal_limit", None,
                          "Last day to appeal the refusal to a magistrates' court"))
    return answer.outcome


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
        lines.append(f"  {show_value(item.day)}  {item.status:<8}  {item.what}{about}  ({item.rule})")
    for item in decision.value.pending:
        about = f" [{item.subject}]" if item.subject else ""
        lines.append(f"  {'pending':<10}  {'':<8}  {item.what}{about}  ({item.rule})")
    return lines


__all__ = ["QUESTION", "NotificationTimelineValue", "TimelineItem", "detail_lines", "headline", "timeline"]
