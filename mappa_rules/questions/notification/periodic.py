"""Question ``notification.periodic``: by when must the person next re-notify?

Sexual Offences Act 2003 s.85: a relevant offender notifies again within the applicable period after each event of
s.85(2) (:mod:`.periodic_events`): the commencement of Part 2 for a person who is a relevant offender from it (or,
s.98(4), the service of a notification order: while the service of one made by then is not known, the answer is
undetermined, naming it), and every notification under ss.83(1), 84(1) and 85(1), including one of a prescribed
change of circumstances. The period is one year; from 13 August 2012 it is 7 days where the
home address last notified is a place where the person can regularly be found, for want of a sole or main residence
(s.85(5)-(6)). "After" excludes the day of the event (parameter ``notification.periodic.after_excludes_trigger_day``).

s.85(3)-(4): a period that would end while the person is in custody, in hospital or abroad continues until the end
of 3 days beginning when that first ceases: the day of release or return is the first of the 3, counted as plain
calendar days (s.85 disregards nothing itself), and a later stretch in custody or abroad does not extend it again
(:func:`mappa_rules.legal_time.continued_last_day`). The duty binds a relevant offender, so the next date is checked
against the notification status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Ledger, Scope, evaluate_group
from ...facts import Case
from ...legal_time import Length, continued_last_day, last_day, last_day_after
from ...legal_time.conventions import MISSING_DAY, PARTIAL_DAY, conventions_at, sensitive, under
from ...vocabulary.notification import PERIODIC_VALUES
from .compliance import DutyCompliance, DutySpec, assess, compliance_lines
from .duties import Answer, DutyBuilder, Step, decide, disregarded, run_group, status_on_demand, touches
from .periodic_events import RESTART, Event, periodic_events, unserved_orders
from .status import NotificationStatus

QUESTION = "notification.periodic"
AFTER_EXCLUDES = "notification.periodic.after_excludes_trigger_day"
LAPSES = "notification.status.duty_lapses_at_end"


class PeriodicStepValue(TypedValue):
    """The applicable period after one notification, and when the next was due (SOA 2003 s.85)."""

    notified: date = Field(description="The day of the event (a notification, the commencement, a service).")
    kind: str = Field(description="initial, change, periodic or prescribed_information (a notification of a "
                      "prescribed change); commencement (s.85(2)(a)); notification_order (its service, s.98(4)).")
    rule: str | None = Field(description="The rule that gave the applicable period.")
    period: str | None = Field(description="The applicable period, e.g. '1 year' or '7 days'.")
    period_last_day: date | None = Field(description="Its last day before any extension.")
    extended: bool | None = Field(description="Extended because it ended while the person was detained or abroad.")
    running: bool | None = Field(description="The period is running (false while custody stops the clock).")
    due_by: date | None = Field(description="The last day for the next notification.")
    next_notification: date | None = Field(description="The next notification given, if any.")
    on_time: bool | None = Field(description="That next notification was on time.")
    required: bool | None = Field(
        default=None, description="The period was a duty: the person was still a relevant offender on its last day "
        "(null: unknown). Given for the last event of each day; events on one day are one period.")
    compliance: DutyCompliance | None = Field(
        default=None, description="Present when the period was a duty, or may have been: whether the next "
        "notification came on time, late or not at all, as at the date asked about.")


class NotificationPeriodicValue(TypedValue):
    """By when the next periodic notification is due, with each notification's period."""

    history: list[PeriodicStepValue] = Field(description="Each event that starts a period, oldest first.")
    last_notification: date | None = Field(default=None, description="The latest such event.")
    period: str | None = Field(default=None, description="The period applicable after it.")
    running: bool | None = Field(default=None, description="That period is running.")
    extended: bool | None = Field(default=None, description="That period was extended.")
    subject_when_due: bool | None = Field(default=None, description="Still a relevant offender on the due day.")
    due_by: date | None = Field(default=None, description="The last day for the next periodic notification.")
    overdue: bool | None = Field(default=None, description="The as-at date is after that day.")


@dataclass
class PeriodicStep:
    """The applicable period after one event, and when the next notification is due."""

    trigger: Event
    rule: str | None = None
    length: Length | None = None
    period_last_day: date | None = None
    extended: bool | None = None
    running: bool | None = None
    due: date | None = None
    next_notification: date | None = None
    required: bool | None = None
    compliance: DutyCompliance | None = None

    @property
    def decided(self) -> bool:
        return self.running is not None

    @property
    def on_time(self) -> bool | None:
        if self.next_notification is None or self.due is None:
            return None
        return self.next_notification <= self.due

    def as_value(self) -> PeriodicStepValue:
        duty: dict[str, Any] = {} if self.compliance is None else {"required": self.required,
                                                                    "compliance": self.compliance}
        return PeriodicStepValue.model_construct(
            **duty,
            notified=self.trigger.date, kind=self.trigger.kind, rule=self.rule,
            period=None if self.length is None else str(self.length), period_last_day=self.period_last_day,
            extended=self.extended, running=self.running, due_by=self.due, next_notification=self.next_notification,
            on_time=self.on_time,
        )


def periodic_steps(case: Case, as_of: date, builder: DutyBuilder) -> list[PeriodicStep]:
    """Each s.85(2) event up to ``as_of`` that starts a period, with its due date, oldest first. Whether a
    notification of a prescribed change starts one is read (and warned of, where the reading changes a due date or
    makes a notification late) only when the case has one."""
    events = periodic_events(case, as_of, builder)
    prescribed = [e for e in events if not e.counted]
    if not prescribed:
        return _history(case, events, builder)
    scope = Scope(builder.book, prescribed[0].date, PERIODIC_VALUES, case, {}, builder.warnings)

    def outcome(restart: Any) -> _Dates:
        scratch = DutyBuilder(builder.question, builder.as_of, builder.book, warnings=Ledger())
        return _Dates.of(_history(case, _kept(events, restart), scratch))

    restart = sensitive(scope, RESTART, outcome, str)
    return _history(case, _kept(events, restart), builder)


@dataclass(frozen=True)
class _Dates:
    """What a history gives, to compare two readings: the next due date, and the notifications given late."""

    due: date | None
    late: tuple[date, ...]

    @staticmethod
    def of(steps: list[PeriodicStep]) -> _Dates:
        late = tuple(s.next_notification for s in steps if s.on_time is False and s.next_notification is not None)
        return _Dates(steps[-1].due if steps else None, late)

    def __str__(self) -> str:
        due = f"the next periodic notification due by {show_value(self.due)}"
        return due + (f", and the notifications of {', '.join(map(str, self.late))} late" if self.late else "")


def _kept(events: list[Event], restart: Any) -> list[Event]:
    return [e for e in events if e.counted or restart]


def _history(case: Case, events: list[Event], builder: DutyBuilder) -> list[PeriodicStep]:
    steps = [_step(case, event, builder) for event in events]
    for step, following in pairwise(steps):
        step.next_notification = following.trigger.date
    return steps


def _step(case: Case, event: Event, builder: DutyBuilder) -> PeriodicStep:
    book = builder.book
    step = PeriodicStep(event)
    subject = event.label
    values: dict[str, Any] = {"trigger_date": event.date, "no_sole_or_main_residence": event.residence}
    scope = Scope(book, event.date, PERIODIC_VALUES, case, values, builder.warnings)
    period = run_group(book, "notification.periodic.period", scope, builder, subject)
    if period.fired is None:
        return step
    step.rule = period.fired.id
    outputs = period.outputs
    length = step.length = Length(years=int(outputs.get("years") or 0), days=int(outputs.get("days") or 0))
    dating = last_day_after if scope.param(AFTER_EXCLUDES) else last_day
    end, missing_day = dating(event.date, length, conventions_at(scope))
    if missing_day:
        end = under(scope, MISSING_DAY, lambda c: dating(event.date, length, c)[0])
    step.period_last_day = end
    spans = disregarded(case)
    values["period_last_day"] = end
    values["period_ends_while_detained"] = continued_last_day(end, 1, spans, conventions_at(scope))[0]
    extension = run_group(book, "notification.periodic.extension", scope, builder, subject)
    if extension.fired is None:
        return step
    days = extension.outputs.get("extension_days")
    extended = days is not None
    due_day: date | None = end
    if touches(case, end, end):  # only an interval on the last day can extend the period, under any reading
        run_on = int(days) if days is not None else _extension_days(scope)
        extended, due_day = under(scope, PARTIAL_DAY, lambda c: continued_last_day(end, run_on, spans, c),
                                  lambda result: _ending(end, result))
    step.extended, step.due, step.running = extended, due_day, due_day is not None
    return step


def _extension_days(scope: Scope) -> int:
    """The days the extension rules give a period that does end while the person is detained or abroad (to work
    out what another reading of the part-day convention would give)."""
    side = Scope(scope.book, scope.as_at, PERIODIC_VALUES, scope.case,
                 {**scope.subject, "period_ends_while_detained": True}, Ledger())
    return int(evaluate_group(scope.book.group("notification.periodic.extension"), side).outputs["extension_days"])


def _ending(end: date, result: tuple[bool, date | None]) -> str:
    """How the period ends, in words: on its last day, or run on past it in custody, hospital or abroad."""
    extended, due = result
    if not extended:
        return f"a period ending on {end}, not extended"
    if due is None:
        return f"a period that would end on {end} while the person is detained or abroad, still running on"
    return f"a period that would end on {end} while the person is detained or abroad, continuing until {due}"


def answer_periodic(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationPeriodicValue], list[PeriodicStep]]:
    """The outcome, value and dates of ``notification.periodic``, with each notification's period."""
    steps = periodic_steps(case, as_of, builder)
    value: dict[str, Any] = {"history": [s.as_value() for s in steps]}
    made = NotificationPeriodicValue.model_construct
    unserved = unserved_orders(case, as_of, builder)
    if not steps:
        builder.add_missing("notifications", QUESTION)
        for path in unserved:
            builder.add_missing(path, QUESTION)
        return Answer(Outcome.UNDETERMINED, made(**value)), steps
    latest = steps[-1]
    dates: dict[str, date] = {"last_notification": latest.trigger.date}
    value.update(last_notification=latest.trigger.date, period=None if latest.length is None else str(latest.length),
                 running=latest.running, extended=latest.extended)
    status = status_on_demand(case, as_of, builder)()
    _compliance(case, as_of, builder, status, steps)
    value["history"] = [s.as_value() for s in steps]
    for path in unserved:  # its service may have started a later period (s.98(4))
        builder.add_missing(path, QUESTION)
    if unserved or not latest.decided:
        return Answer(Outcome.UNDETERMINED, made(**value), dates), steps
    subject = _subject_when_due(case, as_of, builder, status, latest)
    if subject is None:
        status.subject_or_missing(latest.due or as_of, builder, QUESTION)
    value["subject_when_due"] = subject
    if subject is False:
        return Answer(Outcome.NO, made(**value), dates), steps
    if latest.due is not None:
        dates["periodic_due"] = latest.due
        value.update(due_by=latest.due, overdue=as_of > latest.due)
    return Answer(Outcome.YES if subject else Outcome.UNDETERMINED, made(**value), dates), steps


def _subject_when_due(case: Case, as_of: date, builder: DutyBuilder, status: NotificationStatus,
                      step: PeriodicStep) -> bool | None:
    """Whether the period binds: the person is still a relevant offender on its last day (as at ``as_of`` while it
    runs on). Where the requirements ended on review or appeal within it, the duty lapses with them, as the declared
    reading has it; otherwise it survives to its last day."""
    subject = status.subject_on(step.due or as_of)
    if subject is False and step.due is not None and status.lapse(step.trigger.date, step.due) is not None:
        scope = Scope(builder.book, step.due, PERIODIC_VALUES, case, {}, builder.warnings)
        subject = not scope.param(LAPSES)
    return subject


def _compliance(case: Case, as_of: date, builder: DutyBuilder, status: NotificationStatus,
                steps: list[PeriodicStep]) -> None:
    """Whether each period that was a duty was met by a later notification, on time or late (s.85(1)); the events
    of one day are one period, that of the day's last event."""
    days = {step.trigger.date: step for step in steps}
    specs = []
    for day, step in days.items():
        step.required = None if not step.decided else _subject_when_due(case, as_of, builder, status, step)
        if step.required is False:
            continue
        name = f"The periodic notification after the {step.trigger.label}"
        if step.required is None:
            facts = tuple(m.fact for m in builder.missing)
            own = tuple(f for f in facts if f.startswith(f"{step.trigger.path}."))
            gaps = (own if not step.decided else status.missing_facts()) or facts
            specs.append((step, DutySpec("periodic", step.trigger.label, name, day, None, None, None, gaps,
                                         follows=day, key=day.isoformat())))
            continue
        opens = date.fromordinal(day.toordinal() + 1)  # "after" the event: a notification the same day is not within
        specs.append((step, DutySpec("periodic", step.trigger.label, name, opens, opens, step.due, step.running,
                                     follows=day, key=day.isoformat())))
    for (step, _), found in zip(specs, assess(builder, case, as_of, [s for _, s in specs]), strict=True):
        step.compliance = found


def periodic(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationPeriodicValue]:
    """Answer ``notification.periodic`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_periodic(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: each past period that was a duty, met on time (``periodic_notification_met``) or late
    (``periodic_notification_missed``), and the next one due (none when no notification is listed)."""
    if not case.notifications:
        return None
    found: list[Step] = []
    answer, periods = answer_periodic(case, as_of, builder)
    latest = periods[-1] if periods else None
    for step in periods[:-1]:
        compliance = step.compliance
        if compliance is None or step.rule is None or compliance.status not in ("met", "met_late"):
            continue
        late = compliance.status == "met_late"
        found.append(Step(step.due, "periodic_notification_missed" if late else "periodic_notification_met", step.rule,
                          step.trigger.label,
                          f"Periodic notification was due ({step.length} after {step.trigger.date}); the next "
                          f"was given on {compliance.met_on}", compliance))
    if latest is not None and answer.outcome is Outcome.YES and latest.rule is not None:
        what = (f"Periodic notification due ({latest.length} after {latest.trigger.date})" if latest.running
                else "Periodic notification: the period runs on until after release or return to the UK")
        found.append(Step(latest.due, "periodic_notification", latest.rule,
                          latest.trigger.label, what, latest.compliance))
    return answer.outcome, found



def headline(decision: Decision[NotificationPeriodicValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "No periodic notification is due: the notification requirements end before the next date."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The next periodic notification date cannot be decided on these facts."
    if not v.running:
        return ("The next periodic notification runs on until the end of the extension after the person is released "
                "or returns to the UK.")
    late = " - overdue" if v.overdue else ""
    return (f"Next periodic notification due by {show_value(v.due_by)} ({v.period} after the "
            f"notification of {show_value(v.last_notification)}){late}.")


def detail_lines(decision: Decision[NotificationPeriodicValue]) -> list[str]:
    """Whether each duty was met, one line each (met, met 3 days late, NOT MET, due, unknown)."""
    return compliance_lines(s.compliance for s in decision.value.history)


__all__ = [
    "QUESTION",
    "RESTART",
    "NotificationPeriodicValue",
    "PeriodicStep",
    "PeriodicStepValue",
    "answer_periodic",
    "detail_lines",
    "headline",
    "periodic",
    "periodic_steps",
    "timeline_steps",
]
