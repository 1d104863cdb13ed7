"""Question ``notification.period``: is the person subject to notification, for what period, until when?

Sexual Offences Act 2003 ss.80-82. Each disposal is taken in turn through the rule groups of
``rulesets/notification/period.yaml`` (see :mod:`.subject`); the longest period decides, an indefinite one first.

Outcome: ``yes`` when the person is a relevant offender and the period is determined, ``no`` when no disposal
makes the person a relevant offender, ``undetermined`` otherwise (with the facts that would decide it). The
value says, in addition, whether the person is subject to the requirements on the as-at date - counting the
civil orders that bring notification while they have effect (a SHPO or SOPO, an SRO or RSHO after a breach
conviction: SA 2020 s.352; SOA 2003 ss.103G, 107, 122I, 129), listed under ``orders``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Missing, Outcome, TypedValue, show_value
from ...engine import DecisionBuilder, RuleBook
from ...facts import Case
from ...rulebook import default_rulebook
from ..orders.notification import OrderNotificationValue
from .duties import DutyBuilder, Step
from .sources import Source
from .status import NotificationStatus, StatusBuilder, notification_status
from .subject import DisposalPeriod, PeriodCandidate

QUESTION = "notification.period"


class DisposalPeriodValue(TypedValue):
    """The notification period one disposal gives (SOA 2003 ss.80-82); null where undetermined."""

    disposal: str = Field(description="The disposal's id in the case.")
    trigger_date: date | None = Field(description="The date of the conviction, finding or caution (the input).")
    relevant_date: date | None = Field(
        description="The s.82(6) relevant date as the library works it out: the date of the conviction, finding or "
        "caution, or, where Schedule 3 lists the offence only because of its sentence, the day of that sentence "
        "(s.132(3)); null while undetermined.")
    relevant_date_rule: str | None = Field(description="The rule that gave the relevant date.")
    subject: bool | None = Field(description="The disposal makes the person a relevant offender (ss.80-81).")
    row: str | None = Field(description="The row of the s.82(1) table that applies.")
    period_from: date | None = Field(
        description="The first day of a fixed period: the relevant date, or the day a conditional discharge was made.")
    indefinite: bool | None = Field(description="The period is indefinite.")
    length: str | None = Field(description="The fixed period, e.g. '10 years' (after any halving).")
    halved: bool | None = Field(description="Halved under s.82(2) (under 18 on the relevant date).")
    period_last_day: date | None = Field(description="The last day of a fixed period.")
    ended_under_s82_5: bool = Field(
        description="The period of a finding of disability ended when a later trial concluded (s.82(5)).")
    subject_on_as_of: bool | None = Field(description="This disposal makes the person subject on the as-at date.")
    candidates: list[PeriodCandidate] | None = Field(
        description="When the age on the relevant date is unknown: the period for each possible age.")


class SourceValue(TypedValue):
    """One source of the notification requirements: a disposal, a civil order or a stated status."""

    source: str = Field(description="disposals.<id>, orders.<id> or stated.notification.")
    kind: str = Field(description="disposal, order or stated.")
    first_day: date | None = Field(description="The first day it makes the person subject, if known.")
    last_day: date | None = Field(description="The last day it makes the person subject, if known and fixed.")
    open_ended: bool | None = Field(description="It has no last day (indefinite, or until further order).")
    indefinite: bool | None = Field(description="Indefinite requirements (s.91A(3)), which a review can end.")
    ended_by: str | None = Field(description="s.91C(4) or s.91E(4) when a review or appeal ended it.")
    stated: bool = Field(description="The case states it (a recorded status), rather than the library deriving it.")
    subject_on_as_of: bool | None = Field(description="It makes the person subject on the as-at date.")


class NotificationPeriodValue(TypedValue):
    """Whether the person is subject to notification, for what period, and whether on the as-at date."""

    subject: bool | None = Field(description="Some disposal makes the person a relevant offender.")
    disposals: list[DisposalPeriodValue] = Field(description="The period each disposal gives, in the case's order.")
    orders: list[OrderNotificationValue] | None = Field(
        default=None, description="Present when the case has civil orders: what each means for notification.")
    controlling_disposal: str | None = Field(
        default=None, description="Present when decided by a disposal: the disposal whose period ends last (or is "
        "indefinite).")
    controlling_source: str | None = Field(
        default=None, description="Present when decided: the source that keeps the person subject longest.")
    indefinite: bool | None = Field(description="The controlling period is indefinite.")
    length: str | None = Field(description="The controlling fixed period.")
    halved: bool | None = Field(default=None, description="Present when decided: the controlling period was halved.")
    subject_on_as_of: bool | None = Field(
        description="Subject to the requirements on the as-at date, counting civil orders that bring them.")
    ended_by: str | None = Field(
        description="s.91C(4) or s.91E(4) when a review or an appeal ended the indefinite requirements; else null.")
    stated: bool = Field(description="The answer follows a status the case states (stated.notification).")
    sources: list[SourceValue] = Field(description="Every source of the requirements, as the status reads it.")


def notification_period(
    case: Case, as_of: date, book: RuleBook | None = None
) -> Decision[NotificationPeriodValue]:
    """Answer ``notification.period`` for ``case`` as at ``as_of``."""
    builder = StatusBuilder(QUESTION, as_of, book or default_rulebook())
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    return _decide(builder, status, as_of)


def subject_gaps(case: Case, as_of: date, book: RuleBook | None = None) -> list[Missing]:
    """The facts that would decide whether the person is subject on ``as_of`` where the period itself is decided
    (a decided decision keeps no missing facts, though its ``subject_on_as_of`` may be open)."""
    builder = StatusBuilder(QUESTION, as_of, book or default_rulebook())
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    status.subject_or_missing(as_of, builder, QUESTION)
    return builder.missing


def _decide(builder: DecisionBuilder, status: NotificationStatus, as_of: date) -> Decision[NotificationPeriodValue]:
    periods = status.periods
    subject = [p for p in periods if p.subject]
    undecided = [p for p in periods if not p.decided]
    on = status.subject_on(as_of)
    value: dict[str, Any] = {"subject": bool(subject) or (None if undecided else False),
                             "disposals": [_disposal_value(p) for p in periods]}
    if status.orders:
        value["orders"] = [o.as_value() for o in status.orders]
    end = status.end
    stated = status.stated
    effective = status.effective(as_of)
    value.update(subject_on_as_of=on, ended_by=None if end is None else end.basis,
                 stated=stated is not None and stated in effective,
                 sources=[_source_value(s, as_of) for s in status.sources])
    dates: dict[str, date] = {}
    if end is not None and end.day is not None:
        dates["requirements_ended"] = end.day
    if stated is not None and stated.first.day is not None:
        dates["subject_since"] = stated.first.day
    controlling = status.controlling(as_of)
    # From the day a stated status begins, it stands in for the disposals it covers, decided or not.
    uncertain = any(not s.decided for s in effective)
    if controlling is None or uncertain or (not status.has_record and on is not True):
        value.update(indefinite=None, length=None)
        answer = NotificationPeriodValue.model_construct(**value)
        if controlling is None and not uncertain and status.has_record:
            return builder.build(Outcome.NO, answer, dates)
        if not status.has_record:
            builder.add_missing("disposals", QUESTION)
        return builder.build(Outcome.UNDETERMINED, answer, dates)
    value.update(controlling_source=controlling.label, indefinite=controlling.indefinite)
    if controlling.relevant_date is not None:
        dates["relevant_date"] = controlling.relevant_date
    period = status.period(controlling.ref) if controlling.kind == "disposal" else None
    if period is not None:
        value.update(controlling_disposal=period.disposal.id, indefinite=period.indefinite,
                     length=None if period.length is None else str(period.length), halved=period.halved)
        if period.last_day is not None:
            dates["period_last_day"] = period.last_day
    else:
        value.update(length=None)
        if controlling.kind == "stated" and controlling.last.day is not None:
            dates["period_last_day"] = controlling.last.day
    return builder.build(Outcome.YES, NotificationPeriodValue.model_construct(**value), dates)


def _source_value(source: Source, as_of: date) -> SourceValue:
    return SourceValue.model_construct(
        source=source.label, kind=source.kind, first_day=source.first.day,
        last_day=None if source.open_ended is not False else source.last.day, open_ended=source.open_ended,
        indefinite=source.indefinite, ended_by=None if source.ended_by is None else source.ended_by.basis,
        stated=source.stated, subject_on_as_of=source.on(as_of))


def _disposal_value(p: DisposalPeriod) -> DisposalPeriodValue:
    return DisposalPeriodValue.model_construct(
        disposal=p.disposal.id, trigger_date=p.disposal.relevant_date, relevant_date=p.relevant_date,
        relevant_date_rule=p.relevant_rule, subject=p.subject, row=p.row, period_from=p.period_from,
        indefinite=p.indefinite, length=None if p.length is None else str(p.length), halved=p.halved,
        period_last_day=p.last_day, ended_under_s82_5=p.ended_at_trial is not None, subject_on_as_of=p.subject_on,
        candidates=p.candidates or None,
    )


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the last day of the notification period, when every disposal's period is known and none is
    indefinite; and the day a review or an appeal ended the indefinite requirements."""
    steps: list[Step] = []
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    end = status.end
    if end is not None and end.day is not None and end.rule is not None:
        steps.append(Step(end.day, "requirements_end", end.rule, end.path,
                          f"The indefinite notification requirements end ({end.basis})"))
    periods = [p for p in status.periods if p.subject]
    stated = status.stated
    if not status.periods and stated is not None:  # no disposal recorded: the stated status dates the period
        if stated.open_ended is False and stated.last.day is not None:
            steps.append(Step(stated.last.day, "notification_period_ends", "stated.notification", stated.label,
                              "Last day of the notification requirements, as stated"))
        return Outcome.YES, steps
    if not status.periods or not all(p.decided for p in status.periods):
        return Outcome.UNDETERMINED, steps
    if not periods or any(p.indefinite and p.ended_at_trial is None for p in periods):
        return Outcome.YES if periods else Outcome.NO, steps
    last = max(periods, key=lambda p: p.last_day or date.min)
    rows = {r.id for r in builder.book.group("notification.period.row").rules}
    rule = next(r.rule_id for r in status.reasons if r.rule_id in rows and r.subject == last.disposal.id)
    steps.append(Step(last.last_day, "notification_period_ends", rule, last.disposal.id,
                      f"Last day of the notification period ({last.length})"))
    return Outcome.YES, steps


def headline(decision: Decision[NotificationPeriodValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO:
        return ("Not subject to the notification requirements (nothing in the case makes the person a relevant "
                "offender).")
    on = {True: "subject", False: "not subject", None: "status unknown"}[v.subject_on_as_of]
    if decision.outcome is Outcome.UNDETERMINED:
        status = None if v.subject_on_as_of is None else (
            "subject to notification" if v.subject_on_as_of else "not subject to notification")
        tail = f" On {decision.as_of} the person is {status} whichever applies." if status else ""
        return f"The notification period cannot be decided on these facts.{tail}"
    stated = " as stated" if v.stated else ""
    ended = decision.dates.get("requirements_ended")
    if v.indefinite and v.ended_by and ended is not None:
        return (f"Subject to notification indefinitely{stated} until the requirements end on {show_value(ended)} "
                f"({v.ended_by}); {on} on {decision.as_of}.")
    if v.indefinite:
        return f"Subject to notification indefinitely{stated} ({on} on {decision.as_of})."
    last = decision.dates.get("period_last_day")
    if v.length is None and last is not None:
        return f"Subject to notification until {show_value(last)}{stated} ({on} on {decision.as_of})."
    if v.length is None:
        return f"Subject to notification through {v.controlling_source} ({on} on {decision.as_of})."
    return f"Notification period {v.length}, last day {show_value(last)} ({on} on {decision.as_of})."


def detail_lines(decision: Decision[NotificationPeriodValue]) -> list[str]:
    """The possible periods when the offender's age on the relevant date is unknown."""
    candidates = [c for d in decision.value.disposals for c in (d.candidates or [])]
    if not candidates:
        return []
    return ["Possible answers"] + [
        f"  if {c.if_}: {c.length}, last day {show_value(c.period_last_day)}"
        f" (subject on {decision.as_of}: {show_value(c.subject_on_as_of)})"
        for c in candidates
    ]


__all__ = [
    "QUESTION",
    "DisposalPeriodValue",
    "NotificationPeriodValue",
    "SourceValue",
    "detail_lines",
    "headline",
    "notification_period",
    "subject_gaps",
    "timeline_steps",
]
