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

from ...decision import Decision, Missing, Outcome, show_value
from ...engine import DecisionBuilder, RuleBook
from ...facts import Case
from ...rulebook import default_rulebook
from ..orders.notification import OrderNotification, order_notifications
from .subject import DisposalPeriod, evaluate_disposal

QUESTION = "notification.period"


def notification_period(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
    """Answer ``notification.period`` for ``case`` as at ``as_of``."""
    return _decide(*_work(case, as_of, book), as_of)


def _work(case: Case, as_of: date, book: RuleBook | None) -> tuple[DecisionBuilder, list[DisposalPeriod],
                                                                    list[OrderNotification]]:
    builder = DecisionBuilder(QUESTION, as_of, book or default_rulebook())
    periods = [evaluate_disposal(case, d, as_of, builder) for d in case.disposals]
    return builder, periods, order_notifications(case, as_of, builder)


def subject_gaps(case: Case, as_of: date, book: RuleBook | None = None) -> list[Missing]:
    """The facts that would decide whether the person is subject on ``as_of`` where the period itself is decided
    (a decided decision keeps no missing facts, though its ``subject_on_as_of`` may be open)."""
    return _work(case, as_of, book)[0].missing


def _with_orders(on: bool | None, orders: list[OrderNotification]) -> bool | None:
    """Subject on the date if a disposal or an order makes the person subject (three-valued)."""
    statuses = [o.subject_on for o in orders]
    if on is True or True in statuses:
        return True
    return False if on is False and all(s is False for s in statuses) else None


def _decide(
    builder: DecisionBuilder, periods: list[DisposalPeriod], orders: list[OrderNotification], as_of: date
) -> Decision:
    subject = [p for p in periods if p.subject]
    undecided = [p for p in periods if not p.decided]
    indefinite = next((p for p in subject if p.indefinite), None)
    value: dict[str, Any] = {"subject": bool(subject) or (None if undecided else False)}
    dates: dict[str, date] = {}
    value["disposals"] = [p.as_value() for p in periods]
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
        if undecided or not periods or on is None:
            return builder.build(Outcome.UNDETERMINED, value, dates)
        return builder.build(Outcome.NO, value, dates)
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
    return builder.build(Outcome.YES, value, dates)


def headline(decision: Decision) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.NO and v.get("subject_on_as_of"):
        return (f"No disposal makes the person a relevant offender, but a civil order makes them subject on "
                f"{decision.as_of}.")
    if decision.outcome is Outcome.NO:
        return "Not subject to the notification requirements (no disposal makes the person a relevant offender)."
    on = {True: "subject", False: "not subject", None: "status unknown"}[v.get("subject_on_as_of")]
    if decision.outcome is Outcome.UNDETERMINED:
        status = {True: "subject to notification", False: "not subject to notification"}.get(
            bool(v["subject_on_as_of"])) if v.get("subject_on_as_of") is not None else None
        tail = f" On {decision.as_of} the person is {status} whichever applies." if status else ""
        return f"The notification period cannot be decided on these facts.{tail}"
    if v.get("indefinite"):
        return f"Subject to notification indefinitely ({on} on {decision.as_of})."
    last = decision.dates.get("period_last_day")
    return f"Notification period {v.get('length')}, last day {show_value(last)} ({on} on {decision.as_of})."


def detail_lines(decision: Decision) -> list[str]:
    """The possible periods when the offender's age on the relevant date is unknown."""
    candidates = [c for d in decision.value.get("disposals", []) for c in (d.get("candidates") or [])]
    if not candidates:
        return []
    return ["Possible answers"] + [
        f"  if {c['if']}: {c['length']}, last day {show_value(c['period_last_day'])}"
        f" (subject on {decision.as_of}: {show_value(c['subject_on_as_of'])})"
        for c in candidates
    ]


__all__ = ["QUESTION", "detail_lines", "headline", "notification_period", "subject_gaps"]
