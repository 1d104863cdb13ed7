"""Question ``notification.change``: by when must each change be notified?

Sexual Offences Act 2003 s.84(1): a relevant offender notifies within 3 days beginning with using a new name, a
change of home address, the end of a qualifying period at an un-notified address (s.84(6): 7 days, or periods in
any 12 months amounting to 7 days), or release from custody or hospital; from 13 August 2012 also a change of
prescribed information, including residing or staying where a child lives (SI 2012/1876 reg 10). The 3 days
disregard custody, hospital and time abroad (s.84(5), applying s.83(6)).

Advance notice (s.84(2)-(4)): an event notified in advance is covered unless it happens more than 2 days before
the date given, or has not happened by the end of 3 days beginning with that date; in the second case the
person must also notify that it did not happen, within 6 days beginning with the date given.

The duty binds only a relevant offender, so each event is checked against the notification period on its date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...decision import Decision, Outcome, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case, Change
from ...legal_time import DateRange, Length, days_before, last_day, qualifying_day
from ...legal_time.conventions import MISSING_DAY, conventions_at, rely_on
from ...rulebook import default_rulebook
from ...vocabulary.notification import CHANGE_VALUES
from .duties import (
    Answer,
    DutyBuilder,
    deadline_disregarding,
    label,
    run_group,
    status_on_demand,
    touches,
)
from .subject import NotificationStatus

QUESTION = "notification.change"
COMMENCEMENT = "notification.commencement"
DISREGARDS = "notification.change.s84_5_disregards"


@dataclass
class ChangeDuty:
    """What one s.84(1) event requires; ``None`` fields are undetermined."""

    change: Change
    label: str
    event_date: date | None = None
    notifiable: bool | str | None = None
    rule: str | None = None
    days: int | None = None
    subject: bool | None = None
    s84_1_duty: bool | None = None
    deadline: date | None = None
    running: bool | None = None
    non_occurrence_deadline: date | None = None
    if_not_occurred_by: date | None = None
    deadline_if_no_advance_notice: date | None = None

    @property
    def decided(self) -> bool:
        if self.notifiable is False or self.subject is False:
            return True
        return self.notifiable is True and self.subject is True and self.s84_1_duty is not None and (
            not self.s84_1_duty or self.running is not None)

    @property
    def due(self) -> bool:
        return bool(self.decided and self.notifiable is True and self.subject
                    and (self.s84_1_duty or self.non_occurrence_deadline is not None))

    def as_value(self) -> dict[str, Any]:
        return {
            "change": self.label,
            "kind": self.change.kind,
            "event_date": self.event_date,
            "notifiable": self.notifiable,
            "rule": self.rule,
            "subject_on_event_date": self.subject,
            "notify_event": self.s84_1_duty,
            "deadline": self.deadline,
            "running": self.running,
            "non_occurrence_deadline": self.non_occurrence_deadline,
            "if_not_occurred_by": self.if_not_occurred_by,
            "deadline_if_no_advance_notice": self.deadline_if_no_advance_notice,
        }


def change_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[ChangeDuty]:
    """The duty for every listed change, adding reasons, missing facts and warnings to ``builder``."""
    status = status_on_demand(case, as_of, builder)
    return [_duty(case, index, change, as_of, builder, status) for index, change in enumerate(case.changes)]


def _duty(case: Case, index: int, change: Change, as_of: date, builder: DutyBuilder,
          status: Callable[[], NotificationStatus]) -> ChangeDuty:
    book = builder.book
    path = f"changes[{index}]"
    duty = ChangeDuty(change, label("changes", index, change.id))
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    probe = Scope(book, max(as_of, commencement), CHANGE_VALUES, case, {}, builder.warnings)
    event_date, completed = _event_date(probe, change, path, commencement)
    duty.event_date = event_date if isinstance(event_date, date) else None
    expected = change.expected_date
    when = duty.event_date or expected or as_of
    values: dict[str, Any] = {
        "event_kind": change.kind,
        "event_date": event_date,
        "expected_date": expected if expected is not None else Gap((f"{path}.expected_date",)),
        "notified_in_advance": _known(change.notified_in_advance, f"{path}.notified_in_advance"),
        "qualifying_period_completed": completed,
        "child_resides_or_stays": _known(change.child_resides_or_stays, f"{path}.child_resides_or_stays"),
        "public_access": _known(change.public_access, f"{path}.public_access"),
        "at_least_12_hours": _known(change.at_least_12_hours, f"{path}.at_least_12_hours"),
    }
    # With no date for the event (and none expected), the date asked about stands in for it.
    stand_in = event_date.paths if isinstance(event_date, Gap) and isinstance(completed, Gap) and expected is None \
        else ()
    scope = Scope(book, when, CHANGE_VALUES, case, values, builder.warnings, stand_in=stand_in)
    event = run_group(book, "notification.change.event", scope, builder, duty.label)
    if event.fired is None:
        return duty
    duty.rule = event.fired.id
    duty.notifiable = event.outputs["notifiable"]
    if duty.notifiable is not True:
        return duty
    duty.subject = status().subject_on(when)
    if duty.subject is not True:
        return duty
    _advance_values(scope, values, change, path, as_of)
    advance = run_group(book, "notification.change.advance", scope, builder, duty.label)
    days = int(event.outputs.get("days") or scope.param(event.outputs["days_parameter"]))
    duty.days = days
    if advance.fired is None:
        if isinstance(values["window_last_day"], date) and change.occurred is False:
            duty.if_not_occurred_by = values["window_last_day"]
        if change.notified_in_advance is None and duty.event_date is not None:
            duty.deadline_if_no_advance_notice = _deadline(scope, case, duty.event_date, days)
        return duty
    duty.s84_1_duty = bool(advance.outputs["s84_1_duty"])
    if duty.s84_1_duty and duty.event_date is not None:
        duty.deadline = _deadline(scope, case, duty.event_date, days)
        duty.running = duty.deadline is not None
    elif duty.s84_1_duty and change.occurred is False:
        duty.running = False  # the event has not happened yet: the 3 days begin when it does
    elif duty.s84_1_duty:
        builder.add_missing(f"{path}.date", QUESTION)
    non_occurrence = advance.outputs.get("non_occurrence_days")
    if non_occurrence is not None and expected is not None:
        duty.non_occurrence_deadline = _deadline(scope, case, expected, int(non_occurrence))
    return duty


def _deadline(scope: Scope, case: Case, start: date, days: int) -> date | None:
    """Last day of the 3-day (or 6-day) period beginning with ``start``; s.84(5) applies the s.83(6) disregards
    (a secondary-source reading, held as a parameter and read only where an interval touches the period)."""
    plain, _ = last_day(start, Length(days=days), conventions_at(scope))
    if touches(case, start, plain) and not scope.param(DISREGARDS):
        return plain
    return deadline_disregarding(scope, case, start, days)


def _known(value: bool | None, path: str) -> bool | Gap:
    return Gap((path,)) if value is None else value


def _event_date(scope: Scope, change: Change, path: str, commencement: date) -> tuple[date | Gap, bool | Gap]:
    """The day of the event and, for an other_address change, whether the stays amount to a qualifying period."""
    if change.kind != "other_address" or not change.stays:
        if change.date is not None:
            return change.date, True
        return Gap((f"{path}.date",)), Gap((f"{path}.stays" if change.kind == "other_address" else f"{path}.date",))
    at = max(min(s.first for s in change.stays), commencement)
    days = int(scope.param("notification.change.qualifying_period_days", at))
    window = Length(months=int(scope.param("notification.change.qualifying_window_months", at)))
    if scope.param("notification.change.stay_day_counting", at) != "calendar_days":
        raise LookupError("unsupported notification.change.stay_day_counting")
    day, missing_day = qualifying_day([DateRange(s.first, s.last) for s in change.stays], days, window,
                                      conventions_at(scope))
    if missing_day:
        rely_on(scope, MISSING_DAY)
    if day is None:
        return Gap((f"{path}.date",)), False
    return day, True


def _advance_values(scope: Scope, values: dict[str, Any], change: Change, path: str, as_of: date) -> None:
    """The s.84(2)-(4) window around the date given in advance, and whether the event fell in it."""
    expected = change.expected_date
    if change.notified_in_advance is not True or expected is None:
        gap = Gap((f"{path}.notified_in_advance" if change.notified_in_advance is None else f"{path}.expected_date",))
        values.update(earliest_effective_day=gap, window_last_day=gap, occurred_by_window_end=gap)
        return
    early = int(scope.param("notification.change.advance_early_limit_days"))
    window = int(scope.param("notification.change.advance_window_days"))
    window_end, _ = last_day(expected, Length(days=window), conventions_at(scope))
    values.update(earliest_effective_day=days_before(expected, early), window_last_day=window_end)
    event = change.date
    if event is not None:
        values["occurred_by_window_end"] = event <= window_end
    elif change.occurred is False and as_of > window_end:
        values["occurred_by_window_end"] = False
    else:
        values["occurred_by_window_end"] = Gap((f"{path}.date",))


def answer_change(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Answer, list[ChangeDuty]]:
    """The outcome, value and dates of ``notification.change``, with the duty for each change."""
    duties = change_duties(case, as_of, builder)
    value: dict[str, Any] = {"changes": [d.as_value() for d in duties]}
    if not duties:
        builder.add_missing("changes", QUESTION)
        return Answer(Outcome.UNDETERMINED, value), duties
    due = [d for d in duties if d.due]
    value["due"] = bool(due)
    dates: dict[str, date] = {}
    latest = max(due, key=lambda d: d.event_date or d.change.expected_date or date.min, default=None)
    if latest is not None and latest.deadline is not None:
        dates["change_deadline"] = latest.deadline
    if latest is not None and latest.non_occurrence_deadline is not None:
        dates["non_occurrence_deadline"] = latest.non_occurrence_deadline
    if not all(d.decided for d in duties):
        return Answer(Outcome.UNDETERMINED, value, dates), duties
    return Answer(Outcome.YES if due else Outcome.NO, value, dates), duties


def change_deadline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
    """Answer ``notification.change`` for ``case`` as at ``as_of``."""
    builder = DutyBuilder(QUESTION, as_of, book or default_rulebook())
    return answer_change(case, as_of, builder)[0].build(builder)


def headline(decision: Decision) -> str:
    """One sentence answering the question."""
    if decision.outcome is Outcome.NO:
        return "Nothing is to be notified for the listed changes."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The change notification deadlines cannot all be decided on these facts."
    parts = []
    if "change_deadline" in decision.dates:
        parts.append(f"the change must be notified by {show_value(decision.dates['change_deadline'])}")
    if "non_occurrence_deadline" in decision.dates:
        parts.append(f"its non-occurrence by {show_value(decision.dates['non_occurrence_deadline'])}")
    return ("Notification due: " + " and ".join(parts) + ".") if parts else (
        "A change must be notified once it happens (its days have not started to run).")


__all__ = ["QUESTION", "ChangeDuty", "answer_change", "change_deadline", "change_duties", "headline"]
