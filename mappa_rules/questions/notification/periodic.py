"""Question ``notification.periodic``: by when must the person next re-notify?

Sexual Offences Act 2003 s.85: a relevant offender notifies again within the applicable period after each
initial, change or periodic notification (s.85(1)-(2)). The period is one year; from 13 August 2012 it is 7 days
where the home address last notified is a place where the person can regularly be found, for want of a sole or
main residence (s.85(5)-(6)). "After" excludes the day of the notification (parameter
``notification.periodic.after_excludes_trigger_day``). A period that would end while the person is in custody,
in hospital or abroad continues until the end of 3 days beginning when that ends (s.85(3)-(4)).

Notifications of only the information prescribed from 13 August 2012 move the date only if the parameter
``notification.periodic.reset_on_s83_new_matters`` says so (Home Office FAQ: they do not). Notifications before
1 May 2004 (Sex Offenders Act 1997) start no s.85 period. The duty binds a relevant offender, so the next date is
checked against the notification period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case, NotificationGiven
from ...legal_time import DateRange, Length, TimeConventions, disregarded_days, last_day, last_day_after
from ...legal_time.conventions import MISSING_DAY, PARTIAL_DAY, conventions_at, under
from ...vocabulary.notification import PERIODIC_VALUES
from .duties import (
    Answer,
    DutyBuilder,
    Step,
    deadline_disregarding,
    decide,
    disregarded,
    run_group,
    status_on_demand,
    touches,
)

QUESTION = "notification.periodic"
COMMENCEMENT = "notification.period.commencement"
AFTER_EXCLUDES = "notification.periodic.after_excludes_trigger_day"
RESET_ON_NEW_MATTERS = "notification.periodic.reset_on_s83_new_matters"
COUNTED_KINDS = ("initial", "change", "periodic")
LAPSES = "notification.status.duty_lapses_at_end"


class PeriodicStepValue(TypedValue):
    """The applicable period after one notification, and when the next was due (SOA 2003 s.85)."""

    notified: date = Field(description="The day of the notification.")
    kind: str = Field(description="initial, change, periodic or prescribed_information.")
    rule: str | None = Field(description="The rule that gave the applicable period.")
    period: str | None = Field(description="The applicable period, e.g. '1 year' or '7 days'.")
    period_last_day: date | None = Field(description="Its last day before any extension.")
    extended: bool | None = Field(description="Extended because it ended while the person was detained or abroad.")
    running: bool | None = Field(description="The period is running (false while custody stops the clock).")
    due_by: date | None = Field(description="The last day for the next notification.")
    next_notification: date | None = Field(description="The next notification given, if any.")
    on_time: bool | None = Field(description="That next notification was on time.")


class NotificationPeriodicValue(TypedValue):
    """By when the next periodic notification is due, with each notification's period."""

    history: list[PeriodicStepValue] = Field(description="Each notification that starts a period, oldest first.")
    last_notification: date | None = Field(default=None, description="The latest such notification.")
    period: str | None = Field(default=None, description="The period applicable after it.")
    running: bool | None = Field(default=None, description="That period is running.")
    extended: bool | None = Field(default=None, description="That period was extended.")
    subject_when_due: bool | None = Field(default=None, description="Still a relevant offender on the due day.")
    due_by: date | None = Field(default=None, description="The last day for the next periodic notification.")
    overdue: bool | None = Field(default=None, description="The as-at date is after that day.")


@dataclass
class PeriodicStep:
    """The applicable period after one notification, and when the next notification is due."""

    trigger: NotificationGiven
    index: int
    rule: str | None = None
    length: Length | None = None
    period_last_day: date | None = None
    extended: bool | None = None
    running: bool | None = None
    due: date | None = None
    next_notification: date | None = None

    @property
    def decided(self) -> bool:
        return self.running is not None

    @property
    def on_time(self) -> bool | None:
        if self.next_notification is None or self.due is None:
            return None
        return self.next_notification <= self.due

    def as_value(self) -> PeriodicStepValue:
        return PeriodicStepValue.model_construct(
            notified=self.trigger.date, kind=self.trigger.kind, rule=self.rule,
            period=None if self.length is None else str(self.length), period_last_day=self.period_last_day,
            extended=self.extended, running=self.running, due_by=self.due, next_notification=self.next_notification,
            on_time=self.on_time,
        )


def periodic_steps(case: Case, as_of: date, builder: DutyBuilder) -> list[PeriodicStep]:
    """Each notification up to ``as_of`` that starts an s.85 period, with its due date, oldest first."""
    book = builder.book
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    given = sorted(((n, i) for i, n in enumerate(case.notifications) if commencement <= n.date <= as_of),
                   key=lambda pair: pair[0].date)
    triggers = [(n, i) for position, (n, i) in enumerate(given)
                if n.kind in COUNTED_KINDS or _resets(builder, n, given[position + 1:])]
    steps = [_step(case, n, i, builder) for n, i in triggers]
    for step, following in pairwise(steps):
        step.next_notification = following.trigger.date
    return steps


def _resets(builder: DutyBuilder, notification: NotificationGiven,
            later: list[tuple[NotificationGiven, int]]) -> bool:
    """Whether a notification of only the 2012 prescribed information starts a new period. It is looked at (and
    the parameter warned about) only where the next date depends on it: no counted notification follows it."""
    if any(n.kind in COUNTED_KINDS for n, _ in later):
        return False
    scope = Scope(builder.book, notification.date, PERIODIC_VALUES, None, {}, builder.warnings)
    return bool(scope.param(RESET_ON_NEW_MATTERS))


def _step(case: Case, notification: NotificationGiven, index: int, builder: DutyBuilder) -> PeriodicStep:
    book = builder.book
    step = PeriodicStep(notification, index)
    path = f"notifications[{index}]"
    abode = notification.no_sole_or_main_residence
    values: dict[str, Any] = {
        "trigger_date": notification.date,
        "no_sole_or_main_residence": Gap((f"{path}.no_sole_or_main_residence",)) if abode is None else abode,
    }
    scope = Scope(book, notification.date, PERIODIC_VALUES, case, values, builder.warnings)
    period = run_group(book, "notification.periodic.period", scope, builder, f"notification of {notification.date}")
    if period.fired is None:
        return step
    step.rule = period.fired.id
    outputs = period.outputs
    length = step.length = Length(years=int(outputs.get("years") or 0), days=int(outputs.get("days") or 0))
    conventions = conventions_at(scope)
    dating = last_day_after if scope.param(AFTER_EXCLUDES) else last_day
    end, missing_day = dating(notification.date, length, conventions)
    if missing_day:
        end = under(scope, MISSING_DAY, lambda c: dating(notification.date, length, c)[0])
    step.period_last_day = end
    spans = disregarded(case)

    def containing_under(c: TimeConventions) -> DateRange | None:
        return next((s for s in disregarded_days(spans, c) if s.contains(end)), None)

    containing = containing_under(conventions)
    if touches(case, end, end):  # whether the period runs on; the date it then runs to is tested below
        under(scope, PARTIAL_DAY, lambda c: containing_under(c) is not None, lambda runs: _ending(end, runs))
    values["period_last_day"] = end
    values["period_ends_while_detained"] = containing is not None
    extension = run_group(book, "notification.periodic.extension", scope, builder,
                          f"notification of {notification.date}")
    if extension.fired is None:
        return step
    days = extension.outputs.get("extension_days")
    step.extended = days is not None
    if days is None:
        step.due, step.running = end, True
        return step
    assert containing is not None
    # The 3 days begin when the person ceases to be detained or abroad, the day after the disregarded stretch.
    step.due = None if containing.last is None else deadline_disregarding(scope, case, containing.last, int(days))
    step.running = step.due is not None
    return step


def _ending(end: date, runs_on: bool) -> str:
    """How the period ends, in words: on its last day, or run on past it in custody, hospital or abroad."""
    if runs_on:
        return f"a period that would end on {end} while the person is detained or abroad, and so runs on"
    return f"a period ending on {end}, not extended"


def answer_periodic(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationPeriodicValue], list[PeriodicStep]]:
    """The outcome, value and dates of ``notification.periodic``, with each notification's period."""
    steps = periodic_steps(case, as_of, builder)
    value: dict[str, Any] = {"history": [s.as_value() for s in steps]}
    made = NotificationPeriodicValue.model_construct
    if not steps:
        builder.add_missing("notifications", QUESTION)
        return Answer(Outcome.UNDETERMINED, made(**value)), steps
    latest = steps[-1]
    dates: dict[str, date] = {"last_notification": latest.trigger.date}
    value.update(last_notification=latest.trigger.date, period=None if latest.length is None else str(latest.length),
                 running=latest.running, extended=latest.extended)
    if not latest.decided:
        return Answer(Outcome.UNDETERMINED, made(**value), dates), steps
    status = status_on_demand(case, as_of, builder)()
    subject = status.subject_on(latest.due or as_of)
    if subject is False and latest.due is not None and status.lapse(latest.trigger.date, latest.due) is not None:
        # The requirements ended (review or appeal) within the applicable period: the duty lapses with them, as the
        # declared reading has it; otherwise it survives to its last day.
        scope = Scope(builder.book, latest.due, PERIODIC_VALUES, case, {}, builder.warnings)
        subject = not scope.param(LAPSES)
    value["subject_when_due"] = subject
    if subject is False:
        return Answer(Outcome.NO, made(**value), dates), steps
    if latest.due is not None:
        dates["periodic_due"] = latest.due
        value.update(due_by=latest.due, overdue=as_of > latest.due)
    return Answer(Outcome.YES if subject else Outcome.UNDETERMINED, made(**value), dates), steps


def periodic(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationPeriodicValue]:
    """Answer ``notification.periodic`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_periodic(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: periodic notifications missed, and the next one due (none when no notification is listed)."""
    if not case.notifications:
        return None
    found: list[Step] = []
    answer, periods = answer_periodic(case, as_of, builder)
    for step in periods[:-1]:
        if step.on_time is False and step.rule is not None:
            found.append(Step(step.due, "periodic_notification_missed", step.rule,
                              f"notification of {step.trigger.date}",
                              f"Periodic notification was due ({step.length} after {step.trigger.date}); the next "
                              f"was given on {step.next_notification}"))
    latest = periods[-1] if periods else None
    if latest is not None and answer.outcome is Outcome.YES and latest.rule is not None:
        what = (f"Periodic notification due ({latest.length} after {latest.trigger.date})" if latest.running
                else "Periodic notification: the period runs on until after release or return to the UK")
        found.append(Step(latest.due, "periodic_notification", latest.rule, f"notification of {latest.trigger.date}",
                          what))
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


__all__ = [
    "QUESTION",
    "NotificationPeriodicValue",
    "PeriodicStep",
    "PeriodicStepValue",
    "answer_periodic",
    "headline",
    "periodic",
    "periodic_steps",
    "timeline_steps",
]
