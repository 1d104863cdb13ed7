"""Question ``notification.initial``: by when must the person make the initial notification?

Sexual Offences Act 2003 s.83(1): within 3 days beginning with the relevant date (or with 1 May 2004 if later),
disregarding any time remanded or committed to custody, serving a sentence, detained in hospital or outside the UK
(s.83(6)). Before 1 May 2004 the Sex Offenders Act 1997 s.2(1) applied: 14 days, reduced to 3 days from 1 June
2001 and for earlier relevant dates whose 14 days had not begun (CJCSA 2000 Sch 5 para 2; SI 2001/1651).

The rules of ``rulesets/notification/initial.yaml`` are tried as at the day the period starts to run (the first
day not disregarded), so the law of that day decides the number of days. A 1997 Act period that had not ended by
1 May 2004 is governed from then by s.83(1), which begins with the commencement. While an interval with no end
(the person is still in custody, in hospital or abroad) stops the clock, no deadline is given: the answer says
that the period starts to run when it ends. s.83(2)-(3): no fresh initial notification is needed where the person
was already subject, and had notified, for an earlier event that covers the whole period; those rules are tried
only for a disposal that has an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case, Disposal
from ...legal_time import days_before, first_counted_day
from ...legal_time.conventions import conventions_at
from ...vocabulary import DISPOSAL_VALUES
from ...vocabulary.notification import INITIAL_VALUES
from .duties import (
    Answer,
    DutyBuilder,
    Step,
    answer_each,
    deadline_disregarding,
    decide,
    disregarded,
    run_group,
)
from .status import NotificationStatus, notification_status
from .subject import DisposalPeriod, relevant_date

QUESTION = "notification.initial"
STATED = "stated.notification"
COMMENCEMENT = "notification.period.commencement"
SOA1997_COMMENCEMENT = "notification.period.soa1997_commencement"


class InitialDutyValue(TypedValue):
    """The initial notification duty one disposal gives (SOA 2003 s.83; Sex Offenders Act 1997 s.2)."""

    disposal: str = Field(description="The disposal's id in the case.")
    relevant_date: date | None = Field(
        description="The s.82(6) relevant date: the date of the conviction, finding or caution, or the day of the "
        "sentence where only the sentence lists the offence (s.132(3)).")
    subject: bool | None = Field(description="The disposal makes the person a relevant offender.")
    required: bool | None = Field(description="An initial notification is required (no s.83(2) exception).")
    rule: str | None = Field(description="The rule that gave the number of days.")
    days: int | None = Field(description="The days to notify within.")
    begins: date | None = Field(description="The first day of the period.")
    running: bool | None = Field(description="The period is running (false while custody stops the clock).")
    deadline: date | None = Field(description="The last day to notify, once the period runs.")
    note: str | None = Field(description="Why there is no deadline yet, when the clock has not started.")


class NotificationInitialValue(TypedValue):
    """By when the initial notification must be made, disposal by disposal."""

    duties: list[InitialDutyValue] = Field(description="The duty for each disposal, in the case's order.")
    required: bool | None = Field(default=None, description="Present when there are disposals: a duty is required.")
    running: bool | None = Field(default=None, description="The controlling duty's period is running.")
    controlling_disposal: str | None = Field(
        default=None, description="The latest disposal that requires an initial notification.")


@dataclass
class InitialDuty:
    """The initial notification duty for one disposal; ``None`` fields are undetermined."""

    disposal: Disposal | None
    """The disposal; None for the duty a stated status gives (``stated.notification``)."""
    relevant: date | None = None
    subject: bool | None = None
    required: bool | None = None
    rule: str | None = None
    days: int | None = None
    begins: date | None = None
    running: bool | None = None
    deadline: date | None = None

    @property
    def decided(self) -> bool:
        return self.subject is False or self.required is False or (self.required is True and self.running is not None)

    @property
    def label(self) -> str:
        return STATED if self.disposal is None else self.disposal.id

    def as_value(self) -> InitialDutyValue:
        return InitialDutyValue.model_construct(
            disposal=self.label, relevant_date=self.relevant, subject=self.subject,
            required=self.required, rule=self.rule, days=self.days, begins=self.begins, running=self.running,
            deadline=self.deadline, note=None if self.running is not False else (
                f"The {self.days} days have not begun: they start to run when the person is released from custody or "
                "hospital or returns to the UK (s.83(6))."),
        )


def initial_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[InitialDuty]:
    """The s.83(1) (or 1997 Act) duty for every disposal, adding reasons, missing facts and warnings to ``builder``."""
    # Only a second disposal can be an "earlier event" (s.83(2)); the period rules are run only then.
    status = notification_status(case, as_of, builder) if len(case.disposals) > 1 else None
    if not case.disposals and case.stated.notification is not None:
        return [_stated_duty(case, as_of, builder)]
    return [_duty(case, d, as_of, builder, status) for d in case.disposals]


def _stated_duty(case: Case, as_of: date, builder: DutyBuilder) -> InitialDuty:
    """The initial notification a stated status gives: from its stated relevant date, which is needed."""
    stated = case.stated.notification
    assert stated is not None
    duty = InitialDuty(None, relevant=stated.relevant_date, subject=True)
    if stated.relevant_date is None:
        builder.add_missing(f"{STATED}.relevant_date", QUESTION)
        return duty
    notification_status(case, as_of, builder).adopt(builder)
    values: dict[str, Any] = {"relevant_date": stated.relevant_date}
    scope = _clock(case, as_of, builder, duty, stated.relevant_date, values)
    if scope is not None:
        duty.required = True  # no disposal is recorded, so no earlier event (s.83(2)) is known
    return duty


def _duty(
    case: Case, disposal: Disposal, as_of: date, builder: DutyBuilder, status: NotificationStatus | None
) -> InitialDuty:
    book = builder.book
    duty = InitialDuty(disposal)
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    subject_scope = Scope(book, max(disposal.relevant_date or as_of, commencement), DISPOSAL_VALUES, case, disposal,
                          builder.warnings)
    relevant = duty.relevant = relevant_date(subject_scope, builder, DisposalPeriod(disposal))
    if relevant is not None:
        subject_scope.as_at = max(relevant, commencement)
    subject = run_group(book, "notification.period.subject", subject_scope, builder, disposal.id)
    if not subject.decided:
        return duty
    duty.subject = bool(subject.outputs.get("subject", False))
    if not duty.subject or relevant is None:
        return duty
    values: dict[str, Any] = {"relevant_date": relevant}
    scope = _clock(case, as_of, builder, duty, relevant, values)
    if scope is None:
        return duty
    deadline = duty.deadline
    dated = {p.disposal.id: p.relevant_date for p in status.periods} if status is not None else {}
    others = [d for d in case.disposals if d.id != disposal.id and (dated.get(d.id) or date.min) < relevant]
    if not others or status is None:
        duty.required = True  # no earlier event, so s.83(2) cannot apply
        return duty
    undated = [f"disposals[{case.disposals.index(d)}].relevant_date" for d in others
               if status.relevant_date(d.id) is None]
    covers = _earlier_event_covers(case, disposal, deadline, status)
    values["subject_through_earlier_event"] = Gap(tuple(undated)) if undated and covers is not True else covers
    values["notified_for_earlier_event"] = _notified_for_earlier_event(case, disposal, status)
    required = run_group(book, "notification.initial.duty", scope, builder, disposal.id)
    if required.decided and required.fired is not None:
        duty.required = bool(required.outputs["required"])
    return duty


def _clock(case: Case, as_of: date, builder: DutyBuilder, duty: InitialDuty, relevant: date,
           values: dict[str, Any]) -> Scope | None:
    """The number of days, the first day and the deadline of the initial period beginning with ``relevant`` (the
    1997 Act's before 1 May 2004, handed over to s.83(1) if still running then), set on ``duty``; the scope they were
    worked out in, or None if the rules could not decide."""
    book = builder.book
    floor: date = book.parameter(SOA1997_COMMENCEMENT).value_at(relevant)
    anchor = max(relevant, floor)
    probe = Scope(book, anchor, INITIAL_VALUES, case, {}, builder.warnings)
    clock = first_counted_day(anchor, disregarded(case), conventions_at(probe))
    values["clock_starts"] = clock
    scope = Scope(book, clock or max(as_of, anchor), INITIAL_VALUES, case, values, builder.warnings)
    period = run_group(book, "notification.initial.period", scope, builder, duty.label)
    if period.fired is None:
        return None
    outputs = period.outputs
    if "counting_parameter" in outputs:
        scope.param(outputs["counting_parameter"])
    begins, deadline = _dated(scope, case, relevant, outputs)
    superseded = outputs.get("superseded_on")
    if superseded is not None:
        handover: date = book.parameter(superseded).value_at(relevant)
        if deadline is None or deadline >= handover:
            # The 1997 Act period had not ended when the 2003 Act came into force: s.83(1) governs from then.
            scope = Scope(book, handover, INITIAL_VALUES, case, values, builder.warnings)
            period = run_group(book, "notification.initial.period", scope, builder, duty.label)
            assert period.fired is not None
            outputs = period.outputs
            begins, deadline = _dated(scope, case, relevant, outputs)
    assert period.fired is not None
    duty.rule, duty.days, duty.begins = period.fired.id, int(outputs["days"]), begins
    duty.running, duty.deadline = deadline is not None, deadline
    return scope


def _dated(scope: Scope, case: Case, relevant: date, outputs: Any) -> tuple[date, date | None]:
    """The first day of the period (the relevant date, or the commencement named by the rule if later) and its
    last day, disregarding the case's intervals."""
    floor_id = outputs["begins_no_earlier_than"]
    floor: date = scope.book.parameter(floor_id).value_at(scope.as_at)
    if relevant < floor:
        floor = scope.param(floor_id)
    begins = max(relevant, floor)
    return begins, deadline_disregarding(scope, case, begins, int(outputs["days"]))


def _earlier_event_covers(case: Case, disposal: Disposal, deadline: date | None, status: NotificationStatus) -> Any:
    """s.83(2)(a), (c): another disposal made the person subject immediately before this relevant date, and keeps
    them subject throughout the initial period (to its last day)."""
    relevant = status.relevant_date(disposal.id)
    if relevant is None:
        return Gap(tuple(m.fact for m in status.missing) or ("disposals",))
    earlier = {p.disposal.id for p in status.periods if p.disposal.id != disposal.id
               and p.relevant_date is not None and p.relevant_date < relevant}
    if not earlier:
        return False
    single = status.only(lambda s: s.kind == "disposal" and s.ref in earlier)
    before = single.subject_on(days_before(relevant, 1))
    if before is False:
        return False
    # With the clock stopped, only an indefinite period is sure to cover the whole of it.
    through = (True if single.indefinite_on(relevant) else None) if deadline is None else single.subject_on(deadline)
    if before and through:
        return True
    if through is False:
        return False
    open_ended = tuple(f"intervals[{i}].end" for i, iv in enumerate(case.intervals) if iv.end is None)
    return Gap(tuple(m.fact for m in status.missing) or open_ended)


def _notified_for_earlier_event(case: Case, disposal: Disposal, status: NotificationStatus) -> bool:
    """s.83(2)(b): an initial notification was given after an earlier disposal and before this relevant date (the
    notifications listed are taken as the record)."""
    relevant = status.relevant_date(disposal.id)
    if relevant is None:
        return False
    starts = [p.relevant_date for p in status.periods if p.relevant_date is not None and p.relevant_date < relevant]
    return any(n.kind == "initial" and any(s <= n.date < relevant for s in starts) for n in case.notifications)


def answer_initial(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationInitialValue], list[InitialDuty]]:
    """The outcome, value and dates of ``notification.initial``, with the duty for each disposal."""
    duties = initial_duties(case, as_of, builder)

    def conclude(value: dict[str, Any], dates: dict[str, date]) -> bool:
        required = [d for d in duties if d.required]
        latest = max(required, key=lambda d: d.relevant or date.min, default=None)
        value.update(required=bool(required), running=None if latest is None else latest.running,
                     controlling_disposal=None if latest is None else latest.label)
        if latest is not None and latest.deadline is not None:
            dates["initial_deadline"] = latest.deadline
        return bool(required)

    return answer_each(builder, "disposals", "duties", duties, NotificationInitialValue, conclude), duties


def initial_deadline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationInitialValue]:
    """Answer ``notification.initial`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_initial(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the initial notification deadline of each disposal that requires one."""
    steps: list[Step] = []
    answer, duties = answer_initial(case, as_of, builder)
    for duty in duties:
        if not duty.required or duty.rule is None:
            continue
        what = (f"Initial notification due ({duty.days} days beginning with {duty.begins}, time in custody, "
                "in hospital or abroad disregarded)" if duty.running
                else f"Initial notification: the {duty.days} days start to run on release or return to the UK")
        steps.append(Step(duty.deadline, "initial_notification", duty.rule, duty.label, what))
    return answer.outcome, steps



def headline(decision: Decision[NotificationInitialValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "No initial notification is required (no relevant offender, or an earlier notification covers it)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The initial notification deadline cannot be decided on these facts."
    duty = next(d for d in v.duties if d.disposal == v.controlling_disposal)
    if not v.running:
        return (f"An initial notification is required for {duty.disposal}; its {duty.days} days start to run "
                "only when the person is released or returns to the UK.")
    return (f"Initial notification due by {show_value(duty.deadline)} for {duty.disposal} "
            f"({duty.days} days beginning with {show_value(duty.begins)}, time in custody, hospital or abroad "
            "disregarded).")


__all__ = [
    "QUESTION",
    "InitialDuty",
    "InitialDutyValue",
    "NotificationInitialValue",
    "answer_initial",
    "headline",
    "initial_deadline",
    "initial_duties",
    "timeline_steps",
]
