"""What a civil order means for the notification requirements (SA 2020 s.352; SOA 2003 ss.100(5), 103G,
107(3)-(4), 122I, 129): whether it brings full notification and whether the person is subject on a day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from ...decision import TypedValue, make_reason
from ...engine import DecisionBuilder, Gap, Scope, evaluate_group
from ...facts import Case, Order
from ...vocabulary.orders import order_path
from .ends import in_effect_on, order_last_day
from .families import OrderContext

__all__ = [
    "OrderNotification",
    "OrderNotificationValue",
    "RelevantDate",
    "order_notification",
    "order_notifications",
    "order_relevant_date",
]


class OrderNotificationValue(TypedValue):
    """What one civil order means for the notification requirements on the as-at date."""

    order: str = Field(description="The order's id in the case.")
    kind: str = Field(description="The kind of order (shpo, sro, sopo, ...).")
    full_notification: bool | str | None = Field(
        description="Whether the order brings the full notification requirements ('via_disposal': only through "
        "the conviction it was made on); null if undetermined.")
    subject_from: date | None = Field(description="The day the requirements apply from (made, or breach).")
    subject_until: date | None = Field(description="The last day the order has effect, if known and fixed.")
    until_further_order: bool | None = Field(description="The order has effect until further order.")
    subject_on_as_of: bool | None = Field(description="Subject on the as-at date because of this order.")


@dataclass
class OrderNotification:
    """What one order means for notification. ``None`` fields are undetermined."""

    order: Order
    full: bool | str | None = None
    subject_from: date | None = None
    last_day: date | None = None
    until_further_order: bool | None = None
    subject_on: bool | None = None

    def as_value(self) -> OrderNotificationValue:
        return OrderNotificationValue.model_construct(
            order=self.order.id, kind=self.order.kind, full_notification=self.full, subject_from=self.subject_from,
            subject_until=self.last_day, until_further_order=self.until_further_order,
            subject_on_as_of=self.subject_on,
        )


def order_notification(ctx: OrderContext, order: Order, index: int, check_availability: bool) -> OrderNotification:
    """Whether the order brings full notification and, if so, whether the person is subject on the date asked
    about: from the making of the order (or the breach conviction) until the order ceases to have effect. With
    ``check_availability``, an order that could not have been made as described is a named conflict: what it
    brings is unknown."""
    result = OrderNotification(order)
    builder = ctx.builder
    scope = ctx.scope(order, index)
    if check_availability:
        available = evaluate_group(builder.book.group(ctx.group(order, "availability")), scope)
        if available.outputs.get("available") is False:
            # Facts that describe an order that could not have been made: which of them is wrong (the kind, the
            # route, a date) decides what the order brings, so it brings nothing known.
            builder.record(available, order.id)
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
        builder.explain(make_reason(
            "orders.check.dated.notification", "Subject to notification while the order has effect",
            full.fired.citation, full.fired.status,
            "Subject from {subject_from} until the order ceases to have effect ({subject_until}); "
            "subject on {as_of}: {subject_on_as_of}.",
            {"subject_from": start, "as_of": ctx.as_of, "subject_on_as_of": result.subject_on,
             "subject_until": "until further order" if result.until_further_order else result.last_day},
            order.id,
        ))


@dataclass(frozen=True)
class RelevantDate:
    """For an order that brings full notification: ``unchanged`` (the person was already subject, so there is no
    new relevant date), ``service`` (the date of service) or ``breach`` (the day s.122I or s.129 first applied), with
    that day when it is known; ``rule`` is the rule that decided it. ``kind`` None: undetermined."""

    kind: str | None = None
    day: date | None = None
    rule: str | None = None


def order_relevant_date(ctx: OrderContext, order: Order, index: int) -> RelevantDate:
    """Whether an order that brings full notification gives a new relevant date, and which (SA 2020 s.352(1)-(3);
    SOA 2003 ss.100(6), 103G(1)-(3), 107(3)-(5), 122I(3)-(5), 129(2)-(4)), adding its reason or missing facts to the
    context's builder."""
    builder = ctx.builder
    result = evaluate_group(builder.book.group(ctx.group(order, "notification.relevant_date")), ctx.scope(order, index))
    if not builder.record(result, order.id) or result.fired is None:
        return RelevantDate()
    kind = str(result.outputs["relevant_date"])
    field_name = {"service": "served", "breach": "breach_date"}.get(kind)
    day: date | None = None if field_name is None else getattr(order, field_name)
    if field_name is not None and day is None:
        builder.add_missing(order_path(index, field_name), result.fired.id)
    return RelevantDate(kind, day, result.fired.id)


def order_notifications(case: Case, as_of: date, builder: DecisionBuilder,
                        subject_at: Callable[[date], bool | Gap]) -> list[OrderNotification]:
    """For each civil order of the case, whether it makes the person subject to the notification requirements
    on ``as_of`` (SA 2020 s.352; SOA 2003 ss.100(5), 103G, 107(3)-(4), 122I, 129); ``subject_at`` says whether the
    person was subject on a day apart from the orders. Adds the reasons, missing facts and warnings to
    ``builder``."""
    if not case.orders:
        return []
    ctx = OrderContext(case, as_of, builder, subject_at)
    return [order_notification(ctx, order, i, check_availability=True) for i, order in enumerate(case.orders)]
