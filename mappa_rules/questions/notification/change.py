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

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case, Change
from ...legal_time import DateRange, Length, days_before, last_day, qualifying_day
from ...legal_time.conventions import MISSING_DAY, conventions_at, under
from ...vocabulary.notification import CHANGE_VALUES
from .compliance import DutyCompliance, DutySpec, assess, compliance_lines, missing_since
from .duties import (
    Answer,
    DutyBuilder,
    Step,
    answer_each,
    deadline_disregarding,
    decide,
    label,
    run_group,
    status_on_demand,
    touches,
)
from .status import NotificationStatus

QUESTION = "notification.change"
COMMENCEMENT = "notification.period.commencement"
EVENT_NAMES = {"release": "release", "prescribed_change": "prescribed change",
               "household_with_child": "change (a household with a child)"}
"""How a change is named in its duty's reasons, where its kind's words do not read "... change" as they stand."""
DISREGARDS = "notification.change.s84_5_disregards"
LAPSES = "notification.status.duty_lapses_at_end"


class ChangeDutyValue(TypedValue):
    """What one s.84(1) event requires (SOA 2003 s.84; SI 2012/1876 reg 10)."""

    change: str = Field(description="The change's id, or its path in the case.")
    kind: str = Field(description="The kind of event.")
    event_date: date | None = Field(description="The day it happened (for other_address, the qualifying day).")
    notifiable: bool | str | None = Field(description="The event is to be notified ('unresolved' where unsettled).")
    rule: str | None = Field(description="The rule that decided whether it is notifiable.")
    subject_on_event_date: bool | None = Field(description="The person was a relevant offender on that day.")
    notify_event: bool | None = Field(description="The event itself must be notified under s.84(1).")
    deadline: date | None = Field(description="The last day to notify it.")
    running: bool | None = Field(description="The period is running (false while custody stops the clock).")
    non_occurrence_deadline: date | None = Field(
        description="After an advance notice of an event that did not happen: the last day to say so (s.84(4)).")
    if_not_occurred_by: date | None = Field(description="The last day of the advance-notice window.")
    deadline_if_no_advance_notice: date | None = Field(
        description="When it is unknown whether notice was given in advance: the deadline if it was not.")
    lapsed: bool | None = Field(
        default=None, description="Present when true: the requirements ended (on review or appeal) before the "
        "last day to notify, and the duty lapsed with them (notification.status.duty_lapses_at_end).")
    deadline_if_not_lapsed: date | None = Field(
        default=None, description="Present when the duty lapsed: the last day it would otherwise have had.")
    compliance: DutyCompliance | None = Field(
        default=None, description="Present when the event is to be notified, or may be: whether it was, on time, "
        "late or not at all, as at the date asked about.")
    non_occurrence_compliance: DutyCompliance | None = Field(
        default=None, description="Present when its non-occurrence is to be notified (s.84(4)(b)): whether it was.")


class NotificationChangeValue(TypedValue):
    """By when each listed change must be notified."""

    changes: list[ChangeDutyValue] = Field(description="The duty for each listed change, in the case's order.")
    due: bool | None = Field(default=None, description="Present when changes are listed: something is to be notified.")


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
    lapsed: bool = False
    deadline_if_not_lapsed: date | None = None
    gaps: tuple[str, ...] = ()
    compliance: DutyCompliance | None = None
    non_occurrence_compliance: DutyCompliance | None = None

    @property
    def decided(self) -> bool:
        if self.notifiable is False or self.subject is False:
            return True
        return self.notifiable is True and self.subject is True and self.s84_1_duty is not None and (
            not self.s84_1_duty or self.running is not None)

    @property
    def due(self) -> bool:
        return bool(self.decided and self.notifiable is True and self.subject and not self.lapsed
                    and (self.s84_1_duty or self.non_occurrence_deadline is not None))

    def as_value(self) -> ChangeDutyValue:
        lapse: dict[str, Any] = {}
        if self.lapsed:
            lapse.update(lapsed=True, deadline_if_not_lapsed=self.deadline_if_not_lapsed)
        for name in ("compliance", "non_occurrence_compliance"):
            if getattr(self, name) is not None:
                lapse[name] = getattr(self, name)
        return ChangeDutyValue.model_construct(
            **lapse,
            change=self.label, kind=self.change.kind, event_date=self.event_date, notifiable=self.notifiable,
            rule=self.rule, subject_on_event_date=self.subject, notify_event=self.s84_1_duty, deadline=self.deadline,
            running=self.running, non_occurrence_deadline=self.non_occurrence_deadline,
            if_not_occurred_by=self.if_not_occurred_by,
            deadline_if_no_advance_notice=self.deadline_if_no_advance_notice,
        )


def change_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[ChangeDuty]:
    """The duty for every listed change, adding reasons, missing facts and warnings to ``builder``."""
    status = status_on_demand(case, as_of, builder)
    duties = []
    for index, change in enumerate(case.changes):
        before = len(builder.missing)
        duties.append(_duty(case, index, change, as_of, builder, status))
        duties[-1].gaps = missing_since(builder, before)
    _compliance(case, as_of, builder, duties)
    return duties


def _compliance(case: Case, as_of: date, builder: DutyBuilder, duties: list[ChangeDuty]) -> None:
    """Whether each event to be notified (and each non-occurrence, s.84(4)(b)) was notified, as at ``as_of``."""
    specs: list[tuple[ChangeDuty, str, DutySpec]] = []
    for duty in duties:
        kind, change = ("release" if duty.change.kind == "release" else "change"), duty.change
        event = EVENT_NAMES.get(change.kind, f"{change.kind.replace('_', ' ')} change")
        name = f"The {event} {duty.label}"
        if not duty.decided:
            gaps = duty.gaps or tuple(m.fact for m in builder.missing)
            specs.append((duty, "compliance", DutySpec(kind, duty.label, name, as_of, None, None, None, gaps)))
            continue
        if not duty.due:
            continue
        if duty.s84_1_duty:
            specs.append((duty, "compliance", DutySpec(
                kind, duty.label, name, duty.event_date or as_of, duty.event_date, duty.deadline, duty.running,
                event_kind=change.kind, pool="change", own=None if duty.event_date else ())))
        if duty.non_occurrence_deadline is not None and change.expected_date is not None:
            specs.append((duty, "non_occurrence_compliance", DutySpec(
                "non_occurrence", duty.label, f"The non-occurrence of the {event} {duty.label}", change.expected_date,
                change.expected_date, duty.non_occurrence_deadline, event_kind=change.kind, pool="non_occurrence")))
    found = assess(builder, case, as_of, [spec for _, _, spec in specs])
    for (duty, name, _), compliance in zip(specs, found, strict=True):
        setattr(duty, name, compliance)


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
    # With no date for the event, the date given in advance (or, with none, the date asked about) stands in for it:
    # the event may fall outside the s.84(3)-(4) window, unless it is known not to have happened.
    stand_in = event_date.paths if isinstance(event_date, Gap) and isinstance(completed, Gap) and (
        expected is None or change.occurred is not False) else ()
    scope = Scope(book, when, CHANGE_VALUES, case, values, builder.warnings, stand_in=stand_in)
    event = run_group(book, "notification.change.event", scope, builder, duty.label)
    if event.fired is None:
        if status().has_record and not status().sources:
            duty.subject = False  # nothing in the case makes the person subject on any day: no duty, whatever the event
        return duty
    duty.rule = event.fired.id
    duty.notifiable = event.outputs["notifiable"]
    if duty.notifiable is not True:
        return duty
    duty.subject = status().subject_or_missing(when, builder, QUESTION)
    if stand_in and duty.subject is False and status().sources:
        # The day of the event is not known: not subject on the day asked about, or on the day given in advance
        # (the event may fall outside the s.84(3)-(4) window), does not say it was not subject on that day, unless
        # nothing in the case ever makes the person subject.
        duty.subject = None
        for fact in stand_in:
            builder.add_missing(fact, QUESTION)
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
        _lapse(scope, duty, status())
    elif duty.s84_1_duty and change.occurred is False:
        duty.running = False  # the event has not happened yet: the 3 days begin when it does
    elif duty.s84_1_duty:
        builder.add_missing(f"{path}.date", QUESTION)
    non_occurrence = advance.outputs.get("non_occurrence_days")
    if non_occurrence is not None and expected is not None:
        duty.non_occurrence_deadline = _deadline(scope, case, expected, int(non_occurrence))
    return duty


def _lapse(scope: Scope, duty: ChangeDuty, status: NotificationStatus) -> None:
    """A duty whose last day falls on or after the day a review or an appeal ended the requirements lapses with
    them, as the declared reading ``notification.status.duty_lapses_at_end`` has it (s.80(2): the duty binds a
    relevant offender)."""
    if duty.event_date is None or duty.deadline is None:
        return
    if status.lapse(duty.event_date, duty.deadline) is not None and scope.param(LAPSES):
        duty.lapsed, duty.deadline_if_not_lapsed, duty.deadline = True, duty.deadline, None


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
    stays = [DateRange(s.first, s.last) for s in change.stays]
    day, missing_day = qualifying_day(stays, days, window, conventions_at(scope))
    if missing_day:
        day = under(scope, MISSING_DAY, lambda c: qualifying_day(stays, days, window, c)[0])
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


def answer_change(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationChangeValue], list[ChangeDuty]]:
    """The outcome, value and dates of ``notification.change``, with the duty for each change."""
    duties = change_duties(case, as_of, builder)

    def conclude(value: dict[str, Any], dates: dict[str, date]) -> bool:
        due = [d for d in duties if d.due]
        value["due"] = bool(due)
        latest = max(due, key=lambda d: d.event_date or d.change.expected_date or date.min, default=None)
        if latest is not None and latest.deadline is not None:
            dates["change_deadline"] = latest.deadline
        if latest is not None and latest.non_occurrence_deadline is not None:
            dates["non_occurrence_deadline"] = latest.non_occurrence_deadline
        return bool(due)

    return answer_each(builder, "changes", "changes", duties, NotificationChangeValue, conclude), duties


def change_deadline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationChangeValue]:
    """Answer ``notification.change`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_change(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the deadline of each listed change to be notified (none when no change is listed)."""
    if not case.changes:
        return None
    steps: list[Step] = []
    answer, duties = answer_change(case, as_of, builder)
    for duty in duties:
        if not duty.due or duty.rule is None:
            continue
        kind = duty.change.kind.replace("_", " ")
        if duty.s84_1_duty:
            what = (f"Notify the {kind} change of {duty.event_date}" if duty.running
                    else f"Notify the {kind} change within {duty.days} days of when it happens, disregarding detention")
            steps.append(Step(duty.deadline, "change_notification", duty.rule, duty.label, what, duty.compliance))
        if duty.non_occurrence_deadline is not None:
            steps.append(Step(duty.non_occurrence_deadline, "non_occurrence_notification",
                              "notification.change.advance_not_occurred", duty.label,
                              f"Notify that the {kind} expected on {duty.change.expected_date} did not happen",
                              duty.non_occurrence_compliance))
    return answer.outcome, steps



def headline(decision: Decision[NotificationChangeValue]) -> str:
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


def detail_lines(decision: Decision[NotificationChangeValue]) -> list[str]:
    """Whether each duty was met, one line each (met, met 3 days late, NOT MET, due, unknown)."""
    return compliance_lines(c for d in decision.value.changes for c in (d.compliance, d.non_occurrence_compliance))


__all__ = [
    "QUESTION",
    "ChangeDuty",
    "ChangeDutyValue",
    "NotificationChangeValue",
    "answer_change",
    "change_deadline",
    "change_duties",
    "detail_lines",
    "headline",
    "timeline_steps",
]
