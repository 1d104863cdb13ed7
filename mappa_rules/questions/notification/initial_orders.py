"""The initial notification a civil order brings (SOA 2003 s.83(1), (4), (6)).

An order that makes a person subject who was not a relevant offender immediately before it was made gives a new
relevant date: the date of service of a SHPO, interim SHPO, SOPO, interim SOPO or interim notification order (SA
2020 s.352(3); SOA 2003 ss.100(6), 103G(3)-(4), 107(5)), or the day s.122I (s.129) first applies on a conviction,
finding or caution for breaching an SRO or RSHO (ss.122I(5), 129(4)); the initial notification is then due within 3
days beginning with it, disregarding time in custody, in hospital or abroad. A person already subject simply remains
so (ss.103G(1), 107(3), 122I(3), 129(2)). A notification order applies Part 2 to a conviction, finding or caution
outside the UK: s.83(1) runs from its relevant date (as the status works it out for the disposal recording it) or,
if later, the date of service (s.98(4)), unless s.83(4) applies; a s.96ZA notice is read the same way (its text is
not in the text pack). The disposal recording that conviction (the order's ``applies_to``) brings no duty of its
own: s.80 does not reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ...engine.evaluator import Gap, Scope
from ...facts import Case, Order
from ...vocabulary.notification import INITIAL_VALUES
from ...vocabulary.orders import order_path
from ..orders.families import OrderContext
from ..orders.notification import order_relevant_date
from .duties import DutyBuilder, run_group
from .initial_duty import (
    InitialDuty,
    earlier_event_covers,
    initial_period,
    notified_for_earlier_event,
    undated_facts,
)
from .status import NotificationStatus, recorded_status

__all__ = ["foreign_disposals", "order_duties"]

NOTICE_KINDS = frozenset({"notification_order", "notification_notice"})
"""Orders that apply Part 2 to a conviction, finding or caution outside the UK (ss.96ZA, 97-98)."""


def foreign_disposals(case: Case) -> set[str]:
    """The disposals a notification order or s.96ZA notice was made for: their duty is the order's."""
    return {o.applies_to for o in case.orders if o.kind in NOTICE_KINDS and o.applies_to is not None}


def order_duties(case: Case, as_of: date, builder: DutyBuilder,
                 status: Callable[[], NotificationStatus]) -> list[InitialDuty]:
    """The initial duty each civil order brings (orders that bring no notification give none)."""
    if not case.orders:
        return []
    whole = status()
    ctx = OrderContext(case, as_of, builder, recorded_status(case, as_of, builder).subject_gap)
    duties: list[InitialDuty] = []
    for index, order in enumerate(case.orders):
        full = next((o.full for o in whole.orders if o.order is order), False)
        if full is True or full is None:
            duties.append(_order_duty(ctx, builder, index, order, full))
        elif full == "via_disposal":
            duties.append(_notice_duty(ctx, builder, index, order, whole))
    return duties


def _order_duty(ctx: OrderContext, builder: DutyBuilder, index: int, order: Order, full: bool | None) -> InitialDuty:
    duty = InitialDuty(f"orders.{order.id}", order=order, subject=full)
    if full is None:
        return duty
    relevant = order_relevant_date(ctx, order, index)
    duty.relevant_date = relevant.day
    values: dict[str, Any] = {
        "source_kind": "order", "order_kind": order.kind, "relevant_date": relevant.day,
        "order_relevant_date_rule": Gap(()) if relevant.kind is None else relevant.kind,
    }
    return _run(ctx, builder, order, duty, relevant.day or order.made or ctx.as_of, values)


def _notice_duty(ctx: OrderContext, builder: DutyBuilder, index: int, order: Order,
                 status: NotificationStatus) -> InitialDuty:
    """A notification order or s.96ZA notice: the later of the foreign relevant date and the service (or the day
    the notice is given), unless s.83(4) applies."""
    duty = InitialDuty(f"orders.{order.id}", order=order, subject=True)
    given = order.served if order.kind == "notification_order" else order.made
    given_field = "served" if order.kind == "notification_order" else "made"
    foreign = None if order.applies_to is None else ctx.case.disposal(order.applies_to)
    relevant = None if foreign is None else status.relevant_date(foreign.id)
    if foreign is None or given is None or relevant is None:
        missing = ((order_path(index, "applies_to"),) if foreign is None else (order_path(index, given_field),)
                   if given is None else undated_facts(ctx.case, foreign, status))
        for fact in missing:
            builder.add_missing(fact, "notification.initial.order")
        return duty
    anchor = max(relevant, given)
    duty.relevant_date = anchor
    made = order.made or given
    earlier = {p.disposal.id for p in status.periods if p.disposal.id != foreign.id
               and p.relevant_date is not None and p.relevant_date < made}
    values: dict[str, Any] = {
        "source_kind": order.kind, "order_kind": order.kind, "relevant_date": anchor, "served": given,
        "notified_for_earlier_event": lambda: notified_for_earlier_event(ctx.case, status, earlier, made),
    }
    values["subject_through_earlier_event"] = lambda: earlier_event_covers(
        ctx.case, status, earlier, made, None if duty.period is None else duty.period.deadline)
    return _run(ctx, builder, order, duty, anchor, values)


def _run(ctx: OrderContext, builder: DutyBuilder, order: Order, duty: InitialDuty, day: date,
         values: dict[str, Any]) -> InitialDuty:
    """Run ``notification.initial.order`` as at ``day`` and, where a notification is required, date it from the
    relevant date in ``values``."""
    anchor = values["relevant_date"]
    if isinstance(anchor, date):  # the period first, so that s.83(4)(c) can read its last day
        duty.period = initial_period(ctx.case, anchor, ctx.as_of, dict(values), builder, order.id)
    scope = Scope(builder.book, day, INITIAL_VALUES, ctx.case, values, builder.warnings)
    result = run_group(builder.book, "notification.initial.order", scope, builder, order.id)
    if not result.decided or result.fired is None:
        duty.period = None
        return duty
    duty.required = bool(result.outputs["required"])
    if not duty.required:
        duty.period = None
    elif anchor is None:
        builder.add_missing(order_path(ctx.case.orders.index(order), "served"), result.fired.id)
    return duty
