"""Question ``notification.initial``: by when must the person make the initial notification?

Sexual Offences Act 2003 s.83(1): within 3 days beginning with the relevant date (or with 1 May 2004 if later),
disregarding any time remanded or committed to custody, serving a sentence, detained in hospital or outside the UK
(s.83(6)). Before 1 May 2004 the Sex Offenders Act 1997 s.2(1) applied: 14 days, reduced to 3 days from 1 June
2001 and for earlier relevant dates whose 14 days had not begun (CJCSA 2000 Sch 5 para 2; SI 2001/1651).

The rules of ``rulesets/notification/initial.yaml`` are tried as at the day the period starts to run (the first
day not disregarded), so the law of that day decides the number of days. While an interval with no end (the person
is still in custody, in hospital or abroad) stops the clock, no deadline is given: the answer says that the period
starts to run when it ends.

A person convicted, found or cautioned before 1 May 2004 whose notification period was still running then became
a relevant offender at the commencement (s.81(1)-(2)), and owed a fresh s.83(1) notification within 3 days
beginning with it unless they had complied with the 1997 Act for that disposal (s.83(3)); asked before the
commencement, only the 1997 Act duty exists. s.83(2): no fresh initial notification is needed where the person was
already subject, and had notified, for an earlier event that covers the whole period.

Each disposal's duty runs from its s.82(6) relevant date as :mod:`.subject` works it out (s.132(3): the day of the
sentence where only the sentence lists the offence), undetermined while that date is. With no disposal recorded, a
stated status ("registered since D") gives the duty from its stated relevant date. Civil orders that make the
person subject bring an initial notification of their own (:mod:`.initial_orders`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import RuleBook
from ...engine.evaluator import Gap, Scope
from ...facts import Case, Disposal
from ...vocabulary import DISPOSAL_VALUES
from ...vocabulary.notification import INITIAL_VALUES
from .compliance import compliance_lines, missing_since
from .duties import Answer, DutyBuilder, Step, answer_each, decide, run_group, status_on_demand
from .initial_duty import (
    InitialDuty,
    InitialDutyValue,
    Period,
    Soa1997DutyValue,
    dated_period,
    earlier_event_covers,
    initial_compliance,
    initial_period,
    notified_for_earlier_event,
    undated_facts,
)
from .initial_orders import foreign_disposals, order_duties
from .status import NotificationStatus
from .subject import DisposalPeriod, relevant_date

QUESTION = "notification.initial"
STATED = "stated.notification"
COMMENCEMENT = "notification.period.commencement"
SOA1997_COMMENCEMENT = "notification.period.soa1997_commencement"


class NotificationInitialValue(TypedValue):
    """By when the initial notification must be made, source by source (the disposals or, with none, a stated status;
    then civil orders)."""

    duties: list[InitialDutyValue] = Field(
        description="The duty for each source, disposals (or a stated status) first, in the case's order.")
    required: bool | None = Field(default=None, description="Present when there are sources: a duty is required.")
    running: bool | None = Field(default=None, description="The controlling duty's period is running.")
    controlling_disposal: str | None = Field(
        default=None,
        description="The disposal of the controlling duty (null when a civil order or a stated status controls).")
    controlling_source: str | None = Field(
        default=None, description="The source of the controlling duty: the latest relevant date that requires one.")
    s83_1_required_at_commencement: bool | None = Field(
        default=None, description="For a controlling duty whose relevant date is before 1 May 2004: whether a fresh "
        "s.83(1) notification was due from the commencement (s.81(1)-(2), s.83(3)).")


@dataclass(frozen=True)
class _Record:
    """What the record says for the exceptions to s.83(1): whether the period was running at the commencement
    (s.81(2)), whether the 1997 Act was complied with as stated (s.83(3)), and the earlier event (s.83(2))."""

    running_at: Callable[[], bool | Gap]
    complied: bool | None
    earlier: Callable[[], tuple[Any, Any]]


def initial_duties(case: Case, as_of: date, builder: DutyBuilder) -> list[InitialDuty]:
    """The s.83(1) (or 1997 Act) duty for every disposal and every civil order that brings notification (with no
    disposal, for a stated status that gives its relevant date), adding reasons, missing facts and warnings to
    ``builder``."""
    start = len(builder.reasons)
    status = status_on_demand(case, as_of, builder)
    if not case.disposals and case.stated.notification is not None:
        duties = [_gathered(builder, partial(_stated_duty, case, as_of, builder, status))]
    else:
        foreign = foreign_disposals(case)
        duties = [_gathered(builder, partial(_duty, case, i, d, as_of, builder, status))
                  for i, d in enumerate(case.disposals) if d.id not in foreign]
    duties += order_duties(case, as_of, builder, status)
    _drop_repeated(builder, start)
    initial_compliance(case, as_of, builder, duties)
    return duties


def _gathered(builder: DutyBuilder, make: Callable[[], InitialDuty]) -> InitialDuty:
    """A source's duty, with the missing facts recorded while working it out (what would decide it)."""
    before = len(builder.missing)
    duty = make()
    duty.gaps = missing_since(builder, before)
    return duty


def _drop_repeated(builder: DutyBuilder, start: int) -> None:
    """Keep one reason per rule and subject among those added since ``start``: the status, adopted when first
    needed, brings the reasons of disposals whose duties record them again."""
    seen = {(r.rule_id, r.subject) for r in builder.reasons[:start]}
    kept = []
    for reason in builder.reasons[start:]:
        if (reason.rule_id, reason.subject) not in seen:
            seen.add((reason.rule_id, reason.subject))
            kept.append(reason)
    builder.reasons[start:] = kept


def _duty(case: Case, index: int, disposal: Disposal, as_of: date, builder: DutyBuilder,
          status: Callable[[], NotificationStatus]) -> InitialDuty:
    """A disposal's duty, anchored on its s.82(6) relevant date as the library works it out (s.132(3): the day of
    the sentence where only the sentence lists the offence); undetermined, naming what decides it, while unknown."""
    book = builder.book
    duty = InitialDuty(f"disposals.{disposal.id}", disposal=disposal)
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    subject_scope = Scope(book, max(disposal.relevant_date or as_of, commencement), DISPOSAL_VALUES, case, disposal,
                          builder.warnings)
    relevant = duty.relevant_date = relevant_date(subject_scope, builder, DisposalPeriod(disposal))
    if relevant is not None:
        subject_scope.as_at = max(relevant, commencement)
    subject = run_group(book, "notification.period.subject", subject_scope, builder, disposal.id)
    if not subject.decided:
        return duty
    duty.subject = bool(subject.outputs.get("subject", False))
    if not duty.subject or relevant is None:
        return duty
    values: dict[str, Any] = {"relevant_date": relevant, "source_kind": "disposal"}
    return _dated_duty(case, duty, as_of, builder, values, _Record(
        running_at=lambda: _running_at(status(), disposal, index, commencement),
        complied=disposal.soa1997_complied,
        earlier=lambda: _earlier(case, disposal, duty, status())))


def _stated_duty(case: Case, as_of: date, builder: DutyBuilder,
                 status: Callable[[], NotificationStatus]) -> InitialDuty:
    """The initial notification a stated status gives ("registered since D"), from its stated relevant date, which
    is needed. No disposal is recorded, so no earlier event is known (s.83(2)); for a relevant date before 1 May
    2004, the stated spell says whether the period was still running then (s.81(2))."""
    stated = case.stated.notification
    assert stated is not None
    duty = InitialDuty(STATED, relevant_date=stated.relevant_date, subject=True)
    if stated.relevant_date is None:
        builder.add_missing(f"{STATED}.relevant_date", QUESTION)
        return duty
    status()  # adopts the stated status's reason (and any review end) into the answer
    commencement: date = builder.book.parameter(COMMENCEMENT).value_at(as_of)
    values: dict[str, Any] = {"relevant_date": stated.relevant_date, "source_kind": "stated"}
    return _dated_duty(case, duty, as_of, builder, values, _Record(
        running_at=lambda: stated.until is None or stated.until >= commencement,
        complied=None, earlier=lambda: (False, False)))


def _dated_duty(case: Case, duty: InitialDuty, as_of: date, builder: DutyBuilder, values: dict[str, Any],
                record: _Record) -> InitialDuty:
    """Date the duty of a source that makes the person subject from ``values["relevant_date"]``, and decide whether
    it is required: the 1997 Act's before 1 May 2004, s.83(1) from the commencement for a relevant date before it
    unless s.81(2) or s.83(3) excepts it, s.83(1) from the relevant date otherwise unless s.83(2) does."""
    book = builder.book
    relevant: date = values["relevant_date"]
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    # The 1997 Act's duty ran from the relevant date "or, if later, the commencement of this Part" (s.2(1)).
    floor: date = book.parameter(SOA1997_COMMENCEMENT).value_from(relevant)
    duty.period = initial_period(case, max(relevant, floor), as_of, values, builder, _named(duty))
    if duty.period is None:
        return duty
    s81 = relevant < commencement
    if duty.period.soa1997:
        duty.soa1997 = duty.period
    if s81 and as_of < commencement:  # before the commencement only the 1997 Act speaks
        duty.required = True
        return duty
    values["s81_disposal"] = s81
    if s81:
        values["period_running_at_commencement"] = record.running_at
        values["soa1997_notification"] = lambda: _soa1997_notification(case, duty, record.complied, commencement)
    found: list[tuple[Any, Any]] = []

    def earlier() -> tuple[Any, Any]:
        if not found:
            found.append(record.earlier())
        return found[0]

    values["subject_through_earlier_event"] = lambda: earlier()[0]
    values["notified_for_earlier_event"] = lambda: earlier()[1]
    scope = Scope(book, commencement if s81 else max(duty.period.begins, commencement), INITIAL_VALUES, case,
                  values, builder.warnings)
    required = run_group(book, "notification.initial.duty", scope, builder, _named(duty))
    if not required.decided or required.fired is None:
        return duty
    due = bool(required.outputs["required"])
    if not s81:
        duty.required = due
        return duty
    duty.s83_1_at_commencement = due
    if due and duty.soa1997 is not None:  # s.83(1) from the commencement, in place of the 1997 Act duty
        duty.period = dated_period(scope, case, relevant, builder, _named(duty))
    duty.required = due or duty.soa1997 is not None
    return duty


def _running_at(status: NotificationStatus, disposal: Disposal, index: int, commencement: date) -> bool | Gap:
    """s.81(2): whether the disposal's notification period was still running at the commencement."""
    source = status.source("disposal", disposal.id)
    on = None if source is None else source.on(commencement)
    if on is None:
        return Gap(source.gaps if source is not None and source.gaps else (f"disposals[{index}].sentence",))
    return on


def _soa1997_notification(case: Case, duty: InitialDuty, complied: bool | None, commencement: date) -> Any:
    """s.83(3): whether the person complied with the 1997 Act s.2(1) for the disposal - as stated, or from the
    notifications listed (an initial notification before 1 May 2004 is a 1997 Act notification): on_time within
    the 1997 period (or, where that period never ran, before the commencement), late after it, or none."""
    if complied is not None:
        duty.soa1997_notification = "on_time" if complied else "none"
        return duty.soa1997_notification
    relevant = duty.relevant_date
    assert relevant is not None
    given = [n.date for n in case.notifications if n.kind == "initial" and relevant <= n.date < commencement]
    deadline = None if duty.soa1997 is None else duty.soa1997.deadline
    if not given:
        found = "none"
    elif deadline is None or min(given) <= deadline:
        found = "on_time"
    else:
        found = "late"
    duty.soa1997_notification = found
    return found


def _earlier(case: Case, disposal: Disposal, duty: InitialDuty, status: NotificationStatus) -> tuple[Any, Any]:
    """s.83(2): whether an earlier disposal covers the whole initial period, and was notified for. "Earlier" reads
    the relevant dates as worked out (s.132(3)); one not worked out may be earlier unless its conviction, finding
    or caution is on or after this relevant date (a relevant date is never before it), and then an initial
    notification given since that conviction, finding or caution may have been given for it."""
    relevant = duty.relevant_date
    assert relevant is not None
    others = [d for d in case.disposals if d.id != disposal.id
              and (status.relevant_date(d.id) or d.relevant_date or date.min) < relevant]
    if not others:
        return False, False
    earlier = {p.disposal.id for p in status.periods if p.disposal.id != disposal.id
               and p.relevant_date is not None and p.relevant_date < relevant}
    undated = [d for d in others if status.relevant_date(d.id) is None]
    covers = earlier_event_covers(case, status, earlier, relevant, duty.deadline)
    notified: Any = notified_for_earlier_event(case, status, earlier, relevant)
    if not undated:
        return covers, notified
    gap = Gap(tuple(fact for d in undated for fact in undated_facts(case, d, status)))
    since = min(d.relevant_date or date.min for d in undated)
    if not notified and any(n.kind == "initial" and since <= n.date < relevant for n in case.notifications):
        notified = gap
    return (gap if covers is not True else covers), notified


def answer_initial(
    case: Case, as_of: date, builder: DutyBuilder
) -> tuple[Answer[NotificationInitialValue], list[InitialDuty]]:
    """The outcome, value and dates of ``notification.initial``, with the duty for each source."""
    duties = initial_duties(case, as_of, builder)

    def conclude(value: dict[str, Any], dates: dict[str, date]) -> bool:
        required = [d for d in duties if d.required]
        latest = max(required, key=lambda d: d.relevant_date or date.min, default=None)
        value.update(required=bool(required), running=None if latest is None else latest.running,
                     controlling_source=None if latest is None else latest.source,
                     controlling_disposal=None if latest is None or latest.disposal is None else latest.disposal.id,
                     s83_1_required_at_commencement=None if latest is None else latest.s83_1_at_commencement)
        if latest is not None and latest.deadline is not None:
            dates["initial_deadline"] = latest.deadline
        if latest is not None and latest.soa1997 is not None and latest.soa1997.deadline is not None:
            dates["soa1997_initial_deadline"] = latest.soa1997.deadline
        return bool(required)

    return answer_each(builder, "disposals", "duties", duties, NotificationInitialValue, conclude), duties


def initial_deadline(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[NotificationInitialValue]:
    """Answer ``notification.initial`` for ``case`` as at ``as_of``."""
    return decide(QUESTION, as_of, book, lambda builder: answer_initial(case, as_of, builder)[0])


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the initial notification deadline of each source that requires one."""
    steps: list[Step] = []
    answer, duties = answer_initial(case, as_of, builder)
    for duty in duties:
        period = duty.period
        if not duty.required or period is None:
            continue
        what = (f"Initial notification due ({period.days} days beginning with {period.begins}, time in custody, "
                "in hospital or abroad disregarded)" if duty.running
                else f"Initial notification: the {period.days} days start to run on release or return to the UK")
        steps.append(Step(period.deadline, "initial_notification", period.rule, _named(duty), what, duty.compliance))
    return answer.outcome, steps


def _named(duty: InitialDuty) -> str:
    return duty.named


def headline(decision: Decision[NotificationInitialValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "No initial notification is required (no relevant offender, or an earlier notification covers it)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The initial notification deadline cannot be decided on these facts."
    duty = next(d for d in v.duties if d.source == v.controlling_source)
    if not v.running:
        return (f"An initial notification is required for {duty.source}; its {duty.days} days start to run "
                "only when the person is released or returns to the UK.")
    return (f"Initial notification due by {show_value(duty.deadline)} for {duty.source} "
            f"({duty.days} days beginning with {show_value(duty.begins)}, time in custody, hospital or abroad "
            "disregarded).")


def detail_lines(decision: Decision[NotificationInitialValue]) -> list[str]:
    """Whether each duty was met, one line each (met, met 3 days late, NOT MET, due, unknown)."""
    return compliance_lines(d.compliance for d in decision.value.duties)


__all__ = [
    "QUESTION",
    "InitialDuty",
    "InitialDutyValue",
    "NotificationInitialValue",
    "Period",
    "Soa1997DutyValue",
    "answer_initial",
    "detail_lines",
    "headline",
    "initial_deadline",
    "initial_duties",
    "timeline_steps",
]
