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

from ...decision import Decision, Outcome, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case, Disposal
from ...legal_time import days_before, first_counted_day
from ...legal_time.conventions import conventions_at
from ...rulebook import default_rulebook
from ...vocabulary import DISPOSAL_VALUES
from ...vocabulary.notification import INITIAL_VALUES
from .duties import (
    Answer,
    DutyBuilder,
    deadline_disregarding,
    disregarded,
    notification_status,
    run_group,
)
from .subject import NotificationStatus

QUESTION = "notification.initial"
COMMENCEMENT = "notification.commencement"
SOA1997_COMMENCEMENT = "notification.soa1997_commencement"


@dataclass
class InitialDuty:
    """The initial notification duty for one disposal; ``None`` fields are undetermined."""

    disposal: Disposal
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

    def as_value(self) -> dict[str, Any]:
        return {
            "disposal": self.disposal.id,
            "relevant_date": self.disposal.relevant_date,
            "subject": self.subject,
            "required": self.required,
            "rule": self.rule,
            "days": self.days,
            "begins": self.begins,
            "running": self.running,
            "deadline": self.deadline,
            "note": None if self.running is not False else (
                f"The {self.days} days have not begun: they start to run when the person is released from custody or "
                "hospital or returns to the UK (s.83(6))."),
        }


def initial_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[InitialDuty]:
    """The s.83(1) (or 1997 Act) duty for every disposal, adding reasons, missing facts and warnings to ``builder``."""
    # Only a second disposal can be an "earlier event" (s.83(2)); the period rules are run only then.
    status = notification_status(case, as_of, builder) if len(case.disposals) > 1 else NotificationStatus([])
    return [_duty(case, d, as_of, builder, status) for d in case.disposals]


def _duty(
    case: Case, disposal: Disposal, as_of: date, builder: DutyBuilder, status: NotificationStatus
) -> InitialDuty:
    book = builder.book
    duty = InitialDuty(disposal)
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    subject_scope = Scope(book, max(disposal.relevant_date or as_of, commencement), DISPOSAL_VALUES, case, disposal,
                          builder.warnings)
    subject = run_group(book, "notification.subject", subject_scope, builder, disposal.id)
    if not subject.decided:
        return duty
    duty.subject = bool(subject.outputs.get("subject", False))
    relevant = disposal.relevant_date
    if not duty.subject or relevant is None:
        return duty
    # The 1997 Act's duty ran from the relevant date "or, if later, the commencement of this Part" (s.2(1)).
    floor: date = book.parameter(SOA1997_COMMENCEMENT).value_from(relevant)
    anchor = max(relevant, floor)
    probe = Scope(book, anchor, INITIAL_VALUES, case, {}, builder.warnings)
    clock = first_counted_day(anchor, disregarded(case), conventions_at(probe))
    values: dict[str, Any] = {"relevant_date": relevant, "clock_starts": clock}
    scope = Scope(book, clock or max(as_of, anchor), INITIAL_VALUES, case, values, builder.warnings)
    period = run_group(book, "notification.initial.period", scope, builder, disposal.id)
    if period.fired is None:
        return duty
    outputs = period.outputs
    if "counting_parameter" in outputs:
        scope.param(outputs["counting_parameter"])
    begins, deadline = _dated(scope, case, relevant, outputs)
    superseded = outputs.get("superseded_on")
    if superseded is not None:
        handover: date = book.parameter(superseded).value_from(relevant)
        if deadline is None or deadline >= handover:
            # The 1997 Act period had not ended when the 2003 Act came into force: s.83(1) governs from then.
            scope = Scope(book, handover, INITIAL_VALUES, case, values, builder.warnings)
            period = run_group(book, "notification.initial.period", scope, builder, disposal.id)
            assert period.fired is not None
            outputs = period.outputs
            begins, deadline = _dated(scope, case, relevant, outputs)
    assert period.fired is not None
    duty.rule, duty.days, duty.begins = period.fired.id, int(outputs["days"]), begins
    duty.running, duty.deadline = deadline is not None, deadline
    others = [d for d in case.disposals if d.id != disposal.id and (d.relevant_date or date.min) < relevant]
    if not others:
        duty.required = True  # no earlier event, so s.83(2) cannot apply
        return duty
    undated = [f"disposals[{case.position(d)}].relevant_date" for d in others if d.relevant_date is None]
    covers = _earlier_event_covers(case, disposal, deadline, status)
    values["subject_through_earlier_event"] = Gap(tuple(undated)) if undated and covers is not True else covers
    values["notified_for_earlier_event"] = _notified_for_earlier_event(case, disposal, status)
    required = run_group(book, "notification.initial.duty", scope, builder, disposal.id)
    if required.decided and required.fired is not None:
        duty.required = bool(required.outputs["required"])
    return duty


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
    relevant = disposal.relevant_date
    assert relevant is not None
    earlier = [p for p in status.periods if p.disposal.id != disposal.id and p.disposal.relevant_date is not None
               and p.disposal.relevant_date < relevant]
    if not earlier:
        return False
    single = NotificationStatus(earlier)
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
    relevant = disposal.relevant_date
    assert relevant is not None
    starts = [p.disposal.relevant_date for p in status.periods
              if p.disposal.relevant_date is not None and p.disposal.relevant_date < relevant]
    return any(n.kind == "initial" and any(s <= n.date < relevant for s in starts) for n in case.notifications)


def answer_initial(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Answer, list[InitialDuty]]:
    """The outcome, value and dates of ``notification.initial``, with the duty for each disposal."""
    duties = initial_duties(case, as_of, builder)
    value: dict[str, Any] = {"duties": [d.as_value() for d in duties]}
    if not duties:
        builder.add_missing("disposals", QUESTION)
        return Answer(Outcome.UNDETERMINED, value), duties
    required = [d for d in duties if d.required]
    latest = max(required, key=lambda d: d.disposal.relevant_date or date.min, default=None)
    value.update(required=bool(required), running=None if latest is None else latest.running,
                 controlling_disposal=None if latest is None else latest.disposal.id)
    dates: dict[str, date] = {}
    if latest is not None and latest.deadline is not None:
        dates["initial_deadline"] = latest.deadline
    if not all(d.decided for d in duties):
        return Answer(Outcome.UNDETERMINED, value, dates), duties
    return Answer(Outcome.YES if required else Outcome.NO, value, dates), duties


def initial_deadline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
    """Answer ``notification.initial`` for ``case`` as at ``as_of``."""
    builder = DutyBuilder(QUESTION, as_of, book or default_rulebook())
    return answer_initial(case, as_of, builder)[0].build(builder)


def headline(decision: Decision) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "No initial notification is required (no relevant offender, or an earlier notification covers it)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The initial notification deadline cannot be decided on these facts."
    duty = next(d for d in v["duties"] if d["disposal"] == v["controlling_disposal"])
    if not v.get("running"):
        return (f"An initial notification is required for {duty['disposal']}; its {duty['days']} days start to run "
                "only when the person is released or returns to the UK.")
    return (f"Initial notification due by {show_value(duty['deadline'])} for {duty['disposal']} "
            f"({duty['days']} days beginning with {show_value(duty['begins'])}, time in custody, hospital or abroad "
            "disregarded).")


__all__ = ["QUESTION", "InitialDuty", "answer_initial", "headline", "initial_deadline", "initial_duties"]
