"""The initial notification duty of one source (a disposal, or a civil order that brings notification), and the
machinery the disposal and order duties share: the period of ``notification.initial.period`` dated from the day the
clock starts (SOA 2003 s.83(1), (6)), and the earlier-event test of s.83(2) and (4).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import TypedValue
from ...engine.evaluator import Gap, Scope
from ...facts import Case, Disposal, Order
from ...legal_time import days_before, first_counted_day
from ...legal_time.conventions import conventions_at
from ...vocabulary.notification import INITIAL_VALUES
from .compliance import DutyCompliance, DutySpec, assess
from .duties import DutyBuilder, deadline_disregarding, disregarded, run_group
from .status import NotificationStatus

__all__ = [
    "InitialDuty",
    "InitialDutyValue",
    "Period",
    "Soa1997DutyValue",
    "earlier_event_covers",
    "initial_compliance",
    "initial_period",
    "notified_for_earlier_event",
    "undated_facts",
]


class Soa1997DutyValue(TypedValue):
    """The duty under the Sex Offenders Act 1997 s.2(1) for a conviction, finding or caution before 1 May 2004."""

    rule: str = Field(description="The rule that gave the number of days.")
    days: int = Field(description="The days to notify within (14, or 3 from 1 June 2001).")
    deadline: date | None = Field(description="The last day to notify, once the period ran.")
    notification: str | None = Field(
        description="What the record shows: on_time (complied with s.2(1)), late, none; null if unknown.")


class InitialDutyValue(TypedValue):
    """The initial notification duty one source gives (SOA 2003 s.83; Sex Offenders Act 1997 s.2)."""

    source: str = Field(description="The source: disposals.<id>, orders.<id>, or stated.notification (a stated "
                        "status, when no disposal is recorded).")
    disposal: str | None = Field(description="The disposal's id in the case (null for an order or a stated status).")
    order: str | None = Field(default=None, description="The order's id in the case (null for a disposal).")
    relevant_date: date | None = Field(
        description="The relevant date: for a disposal, the s.82(6) date of the conviction, finding or caution, or "
        "the day of the sentence where only the sentence lists the offence (s.132(3)); for a stated status, the "
        "stated one; for an order, the date of service or of the breach; for a notification order, the later of "
        "the foreign relevant date and the service.")
    subject: bool | None = Field(description="The source makes the person a relevant offender.")
    required: bool | None = Field(
        description="An initial notification is required (no s.81(2) or s.83(2)-(4) exception).")
    rule: str | None = Field(description="The rule that gave the number of days.")
    days: int | None = Field(description="The days to notify within.")
    begins: date | None = Field(description="The first day of the period.")
    running: bool | None = Field(description="The period is running (false while custody stops the clock).")
    deadline: date | None = Field(description="The last day to notify, once the period runs.")
    note: str | None = Field(description="Why there is no deadline yet, when the clock has not started.")
    soa1997: Soa1997DutyValue | None = Field(
        default=None, description="For a relevant date before 1 May 2004: the duty under the 1997 Act.")
    s83_1_required_at_commencement: bool | None = Field(
        default=None, description="For a relevant date before 1 May 2004, asked from that day: a fresh s.83(1) "
        "notification was due from the commencement of Part 2 (s.81(1), not excepted by s.81(2) or s.83(3)).")
    compliance: DutyCompliance | None = Field(
        default=None, description="Present when a notification is required, or may be: whether it was made on "
        "time, late or not at all, as at the date asked about (from the initial notifications listed).")


@dataclass
class Period:
    """The period of ``notification.initial.period`` for one source: the rule, the days, and its first and last
    days (``deadline`` None while an interval with no end stops the clock)."""

    rule: str
    days: int
    begins: date
    deadline: date | None
    soa1997: bool


@dataclass
class InitialDuty:
    """The initial notification duty for one source; ``None`` fields are undetermined."""

    source: str
    disposal: Disposal | None = None
    order: Order | None = None
    relevant_date: date | None = None
    subject: bool | None = None
    required: bool | None = None
    period: Period | None = None
    soa1997: Period | None = None
    soa1997_notification: str | None = None
    s83_1_at_commencement: bool | None = None
    gaps: tuple[str, ...] = ()
    compliance: DutyCompliance | None = None

    @property
    def named(self) -> str:
        """How the duty is named in reasons and in its id: the disposal's id, else the source."""
        return self.disposal.id if self.disposal is not None else self.source

    @property
    def running(self) -> bool | None:
        return None if self.period is None else self.period.deadline is not None

    @property
    def deadline(self) -> date | None:
        return None if self.period is None else self.period.deadline

    @property
    def decided(self) -> bool:
        return self.subject is False or self.required is False or (self.required is True and self.running is not None)

    def as_value(self) -> InitialDutyValue:
        period, old = self.period, self.soa1997
        met: dict[str, Any] = {} if self.compliance is None else {"compliance": self.compliance}
        return InitialDutyValue.model_construct(
            **met,
            source=self.source, disposal=None if self.disposal is None else self.disposal.id,
            order=None if self.order is None else self.order.id, relevant_date=self.relevant_date,
            subject=self.subject, required=self.required, rule=None if period is None else period.rule,
            days=None if period is None else period.days, begins=None if period is None else period.begins,
            running=self.running, deadline=self.deadline, note=None if self.running is not False else (
                f"The {period.days if period else 3} days have not begun: they start to run when the person is "
                "released from custody or hospital or returns to the UK (s.83(6))."),
            soa1997=None if old is None else Soa1997DutyValue.model_construct(
                rule=old.rule, days=old.days, deadline=old.deadline, notification=self.soa1997_notification),
            s83_1_required_at_commencement=self.s83_1_at_commencement,
        )


def initial_period(case: Case, anchor: date, as_at: date, values: dict[str, Any], builder: DutyBuilder,
                   subject: str) -> Period | None:
    """The initial period for a duty whose clock may start on ``anchor``, under the rules in force when it starts
    to run (the first day not disregarded, s.83(6)), or as at ``as_at`` while it has not started; ``values`` is the
    scope's subject, to which the day the clock starts is added. None if no rule decides it."""
    book = builder.book
    probe = Scope(book, anchor, INITIAL_VALUES, case, {}, builder.warnings)
    clock = first_counted_day(anchor, disregarded(case), conventions_at(probe))
    values["clock_starts"] = clock
    scope = Scope(book, clock or max(as_at, anchor), INITIAL_VALUES, case, values, builder.warnings)
    return dated_period(scope, case, values["relevant_date"], builder, subject)


def dated_period(scope: Scope, case: Case, relevant: date, builder: DutyBuilder, subject: str) -> Period | None:
    """Run ``notification.initial.period`` in ``scope`` and date the period it gives: it begins with the relevant
    date, or the commencement the rule names if later, and its days disregard the case's intervals."""
    result = run_group(builder.book, "notification.initial.period", scope, builder, subject)
    if result.fired is None:
        return None
    outputs = result.outputs
    if "counting_parameter" in outputs:
        scope.param(outputs["counting_parameter"])
    floor_id = outputs["begins_no_earlier_than"]
    floor: date = scope.book.parameter(floor_id).value_at(scope.as_at)
    if relevant < floor:
        floor = scope.param(floor_id)
    begins = max(relevant, floor)
    days = int(outputs["days"])
    deadline = deadline_disregarding(scope, case, begins, days)
    return Period(result.fired.id, days, begins, deadline, outputs.get("act") == "soa1997")


def earlier_event_covers(case: Case, status: NotificationStatus, earlier: Collection[str], day: date,
                         deadline: date | None) -> Any:
    """s.83(2)(a), (c) and (4)(a), (c): one of the ``earlier`` disposals made the person subject immediately before
    ``day``, and keeps them subject throughout the initial period (to its last day)."""
    if not earlier:
        return False
    single = status.only(lambda s: s.kind == "disposal" and s.ref in earlier)
    before = single.subject_on(days_before(day, 1))
    if before is False:
        return False
    # With the clock stopped, only an indefinite period is sure to cover the whole of it.
    through = (True if single.indefinite_on(day) else None) if deadline is None else single.subject_on(deadline)
    if before and through:
        return True
    if through is False:
        return False
    open_ended = tuple(f"intervals[{i}].end" for i, iv in enumerate(case.intervals) if iv.end is None)
    return Gap(tuple(m.fact for m in status.missing) or open_ended)


def notified_for_earlier_event(case: Case, status: NotificationStatus, earlier: Collection[str], day: date) -> bool:
    """s.83(2)(b), (4)(b): an initial notification was given after one of the ``earlier`` disposals and before
    ``day`` (the notifications listed are taken as the record)."""
    starts = [p.relevant_date for p in status.periods if p.disposal.id in earlier and p.relevant_date is not None]
    return any(n.kind == "initial" and any(s <= n.date < day for s in starts) for n in case.notifications)


def undated_facts(case: Case, disposal: Disposal, status: NotificationStatus) -> tuple[str, ...]:
    """The facts that would give a disposal's s.82(6) relevant date while it is not worked out: those the status
    names for that disposal (its sentence date, where only the sentence may list the offence, s.132(3)), else its
    date of conviction, finding or caution."""
    path = f"disposals[{case.position(disposal)}]"
    named = tuple(m.fact for m in status.missing if m.fact.startswith(f"{path}."))
    return named or (f"{path}.relevant_date",)


def initial_compliance(case: Case, as_of: date, builder: DutyBuilder, duties: list[InitialDuty]) -> None:
    """Whether each initial notification required (or that may be) was made, on time or late, as at ``as_of``
    (s.83(1); before 1 May 2004, the 1997 Act's s.2(1)); a duty not worked out is unknown, naming its gaps."""
    owners = [d for d in duties if d.subject is not False and d.required is not False]
    specs = []
    for duty in owners:
        period, name = duty.period, f"The initial notification for {duty.source}"
        if duty.required and period is not None:
            complied = period.soa1997 and duty.disposal is not None and duty.disposal.soa1997_complied is True
            stated = f"disposals[{case.disposals.index(duty.disposal)}].soa1997_complied" if (
                complied and duty.disposal is not None) else None
            specs.append(DutySpec("initial", duty.named, name, period.begins, period.begins, period.deadline,
                                  period.deadline is not None, pool="initial", stated=stated))
        else:
            gaps = duty.gaps or tuple(m.fact for m in builder.missing)
            specs.append(DutySpec("initial", duty.named, name, as_of, None, None, None, gaps))
    for duty, found in zip(owners, assess(builder, case, as_of, specs), strict=True):
        duty.compliance = found
