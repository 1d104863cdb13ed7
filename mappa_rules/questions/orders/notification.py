"""What a civil order means for the notification requirements (SA 2020 s.352; SOA 2003 ss.100(5), 103G,
107(3)-(4), 122I, 129): whether it brings full notification and whether the person is subject on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...engine import DecisionBuilder, Gap, Scope, evaluate_group
from ...facts import Case, Order
from ...vocabulary.orders import order_path
from .ends import in_effect_on, order_last_day
from .families import OrderContext

__all__ = ["OrderNotification", "order_notification", "order_notifications"]


@dataclass
class OrderNotification:
    """What one order means for notification. ``None`` fields are undetermined."""

    order: Order
    full: bool | str | None = None
    subject_from: date | None = None
    last_day: date | None = None
    until_further_order: bool | None = None
    subject_on: bool | None = None

    def as_value(self) -> dict[str, Any]:
        return {
            "order": self.order.id,
            "kind": self.order.kind,
            "full_notification": self.full,
            "subject_from": self.subject_from,
            "subject_until": self.last_day,
            "until_further_order": self.until_further_order,
            "subject_on_as_of": self.subject_on,
        }


def order_notification(ctx: OrderContext, order: Order, index: int, check_availability: bool) -> OrderNotification:
    """Whether the order brings full notification and, if so, whether the person is subject on the date asked
    about: from the making of the order (or the breach conviction) until the order ceases to have effect. With
    ``check_availability``, an order that could not have been made as described brings nothing."""
    result = OrderNotification(order)
    builder = ctx.builder
    scope = ctx.scope(order, index)
    if check_availability:
        available = evaluate_group(builder.book.group(ctx.group(order, "availability")), scope)
        if available.outputs.get("available") is False:
            builder.record(available, order.id)
            result.full, result.subject_on = False, False
            builder.add_undecidable("conflict", f"The facts given for {order_path(index, '')[:-1]} describe an order "
                                    f"that could not have been made: {available.reason(order.id).explanation}",
                                    available.fired.id if available.fired else None)
            return result
    _subject_if_made(ctx, order, index, scope, result)
    return result


def _subject_if_made(ctx: OrderContext, order: Order, index: int, scope: Scope, result: OrderNotification) -> None:
    builder = ctx.builder
    full = evaluate_group(builder.book.group(ctx.group(order, "notification.full")), scope)
    if not builder.record(full, order.id) or full.fired is None:
        return
    result.full = full.outputs["full"]
    if result.full is not True:
        result.subject_on = False
        return
    start = order.breach_date if full.outputs["from"] == "breach" else order.made
    field_name = "breach_date" if full.outputs["from"] == "breach" else "made"
    result.subject_from = start
    end = order_last_day(scope, order, index)
    if isinstance(end, Gap):
        ctx.gap(end, full.fired.id)
    else:
        result.last_day, result.until_further_order = end, end is None
    if start is None:
        ctx.gap(Gap((order_path(index, field_name),)), full.fired.id)
        return
    if ctx.as_of < start:
        result.subject_on = False
    else:
        effect = in_effect_on(scope, order, index, ctx.as_of)
        if isinstance(effect, Gap):
            ctx.gap(effect, full.fired.id)
        else:
            result.subject_on = effect
    if result.subject_on is not None:
        builder.explain(
            "orders.dated.notification", "Subject to notification while the order has effect",
            full.fired.citation, full.fired.status,
            "Subject from {subject_from} until the order ceases to have effect ({subject_until}); "
            "subject on {as_of}: {subject_on_as_of}.",
            {"subject_from": start, "as_of": ctx.as_of, "subject_on_as_of": result.subject_on,
             "subject_until": "until further order" if result.until_further_order else result.last_day},
            order.id,
        )


def order_notifications(case: Case, as_of: date, builder: DecisionBuilder) -> list[OrderNotification]:
    """For each civil order of the case, whether it makes the person subject to the notification requirements
    on ``as_of`` (SA 2020 s.352; SOA 2003 ss.100(5), 103G, 107(3)-(4), 122I, 129). Adds the reasons, missing
    facts and warnings to ``builder``."""
    if not case.orders:
        return []
    ctx = OrderContext(case, as_of, builder)
    return [order_notification(ctx, order, i, check_availability=True) for i, order in enumerate(case.orders)]
