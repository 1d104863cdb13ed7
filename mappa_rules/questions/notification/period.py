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

from ...decision import Decision, Outcome, TypedValue, show_value
from ...engine import DecisionBuilder, RuleBook
from ...facts import Case
from ...rulebook import default_rulebook
from ..orders.notification import OrderNotification, OrderNotificationValue, order_notifications
from .duties import DutyBuilder, Step, notification_status
from .subject import DisposalPeriod, PeriodCandidate, evaluate_disposal

QUESTION = "notification.period"


class DisposalPeriodValue(TypedValue):
    """The notification period one disposal gives (SOA 2003 ss.80-82); null where undetermined."""

    disposal: str = Field(description="The disposal's id in the case.")
    relevant_date: date | None = Field(description="The date of the conviction, finding or caution (s.82(6)).")
    subject: bool | None = Field(description="The disposal makes the person a relevant offender (ss.80-81).")
    row: str | None = Field(description="The row of the s.82(1) table that applies.")
    indefinite: bool | None = Field(description="The period is indefinite.")
    length: str | None = Field(description="The fixed period, e.g. '10 years' (after any halving).")
    halved: bool | None = Field(description="Halved under s.82(2) (under 18 on the relevant date).")
    period_last_day: date | None = Field(description="The last day of a fixed period.")
    subject_on_as_of: bool | None = Field(description="This disposal makes the person subject on the as-at date.")
    candidates: list[PeriodCandidate] | None = Field(
        description="When the age on the relevant date is unknown: the period for each possible age.")


class NotificationPeriodValue(TypedValue):
    """Whether the person is subject to notification, for what period, and whether on the as-at date."""

    subject: bool | None = Field(description="Some disposal makes the person a relevant offender.")
    disposals: list[DisposalPeriodValue] = Field(description="The period each disposal gives, in the case's order.")
    orders: list[OrderNotificationValue] | None = Field(
        default=None, description="Present when the case has civil orders: what each means for notification.")
    controlling_disposal: str | None = Field(
        default=None, description="Present when decided: the disposal whose period ends last (or is indefinite).")
    indefinite: bool | None = Field(description="The controlling period is indefinite.")
    length: str | None = Field(description="The controlling fixed period.")
    halved: bool | None = Field(default=None, description="Present when decided: the controlling period was halved.")
    subject_on_as_of: bool | None = Field(
        description="Subject to the requirements on the as-at date, counting civil orders that bring them.")


def notification_period(
    case: Case, as_of: date, book: RuleBook | None = None
) -> Decision[NotificationPeriodValue]:
    """Answer ``notification.period`` for ``case`` as at ``as_of``."""
    book = book or default_rulebook()
    builder = DecisionBuilder(QUESTION, as_of, book)
    periods = [evaluate_disposal(case, d, as_of, builder) for d in case.disposals]
    orders = order_notifications(case, as_of, builder)
    return _decide(builder, periods, as_of, orders)


def _with_orders(on: bool | None, orders: list[OrderNotification]) -> bool | None:
    """Subject on the date if a disposal or an order makes the person subject (three-valued)."""
    statuses = [o.subject_on for o in orders]
    if on is True or True in statuses:
        return True
    return False if on is False and all(s is False for s in statuses) else None


def _decide(
    builder: DecisionBuilder, periods: list[DisposalPeriod], as_of: date, orders: list[OrderNotification]
) -> Decision[NotificationPeriodValue]:
    subject = [p for p in periods if p.subject]
    undecided = [p for p in periods if not p.decided]
    indefinite = next((p for p in subject if p.indefinite), None)
    value: dict[str, Any] = {"subject": bool(subject) or (None if undecided else False)}
    dates: dict[str, date] = {}
    value["disposals"] = [_disposal_value(p) for p in periods]
    if orders:
        value["orders"] = [o.as_value() for o in orders]
    if indefinite is not None:
        controlling: DisposalPeriod | None = indefinite
    elif undecided:
        controlling = None
    else:
        controlling = max(subject, key=lambda p: p.last_day or date.min, default=None)
    if controlling is None:
        statuses = [p.subject_on for p in periods]
        on = True if True in statuses else (False if all(s is False for s in statuses) else None)
        on = _with_orders(on, orders)
        value.update(indefinite=None, length=None, subject_on_as_of=on)
        if not periods:
            builder.add_missing("disposals", QUESTION)
        answer = NotificationPeriodValue.model_construct(**value)
        if undecided or not periods or on is None:
            return builder.build(Outcome.UNDETERMINED, answer, dates)
        return builder.build(Outcome.NO, answer, dates)
    relevant = controlling.disposal.relevant_date
    assert relevant is not None
    on_any = any(p.subject_on for p in subject)
    value.update(
        controlling_disposal=controlling.disposal.id,
        indefinite=controlling.indefinite,
        length=None if controlling.length is None else str(controlling.length),
        halved=controlling.halved,
        subject_on_as_of=_with_orders(True if on_any else controlling.subject_on, orders),
    )
    dates["relevant_date"] = relevant
    if controlling.last_day is not None:
        dates["period_last_day"] = controlling.last_day
    return builder.build(Outcome.YES, NotificationPeriodValue.model_construct(**value), dates)


def _disposal_value(p: DisposalPeriod) -> DisposalPeriodValue:
    return DisposalPeriodValue.model_construct(
        disposal=p.disposal.id, relevant_date=p.disposal.relevant_date, subject=p.subject, row=p.row,
        indefinite=p.indefinite, length=None if p.length is None else str(p.length), halved=p.halved,
        period_last_day=p.last_day, subject_on_as_of=p.subject_on, candidates=p.candidates or None,
    )


def timeline_steps(case: Case, as_of: date, builder: DutyBuilder) -> tuple[Outcome, list[Step]] | None:
    """For the timeline: the last day of the notification period, when every disposal's period is known and none is
    indefinite."""
    steps: list[Step] = []
    status = notification_status(case, as_of, builder)
    status.adopt(builder)
    periods = [p for p in status.periods if p.subject]
    if not status.periods or not all(p.decided for p in status.periods):
        return Outcome.UNDETERMINED, steps
    if not periods or any(p.indefinite for p in periods):
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
    if decision.outcome is Outcome.NO and v.subject_on_as_of:
        return (f"No disposal makes the person a relevant offender, but a civil order makes them subject on "
                f"{decision.as_of}.")
    if decision.outcome is Outcome.NO:
        return "Not subject to the notification requirements (no disposal makes the person a relevant offender)."
    on = {True: "subject", False: "not subject", None: "status unknown"}[v.subject_on_as_of]
    if decision.outcome is Outcome.UNDETERMINED:
        status = None if v.subject_on_as_of is None else (
            "subject to notification" if v.subject_on_as_of else "not subject to notification")
        tail = f" On {decision.as_of} the person is {status} whichever applies." if status else ""
        return f"The notification period cannot be decided on these facts.{tail}"
    if v.indefinite:
        return f"Subject to notification indefinitely ({on} on {decision.as_of})."
    last = decision.dates.get("period_last_day")
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
    "detail_lines",
    "headline",
    "notification_period",
    "timeline_steps",
]
