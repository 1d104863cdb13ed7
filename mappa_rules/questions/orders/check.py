"""Question ``orders.check``: is each term of each civil order within the statutory limits, when may the order be
discharged without consent, when does it end, and what notification duty flows from it?

SHPOs (SA 2020 ss.343-358 for convictions from 1 December 2020; SOA 2003 ss.103A-103K), SROs (SOA 2003
ss.122A-122K), the orders they replaced on 8 March 2015 (SOA 2003 ss.104-129, saved by ASBCPA 2014 s.114),
notification orders and s.96ZA notices. Each order goes through the rule groups of its family
(``rulesets/orders/<family>.yaml``) as at the day it was made, so the law then in force applies; whether it has
effect, and which provisions govern a surviving predecessor order, are read as at the date asked about.

A term outside the statutory limits is a *finding*, naming the term and the limit; it is never an input error.
Outcome: ``no`` when an order could not have been made as described or a term is outside the limits; ``yes``
when everything is within the limits and every part of the answer is determined; ``undetermined`` otherwise,
with the facts that would decide it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue, make_reason
from ...engine import DecisionBuilder, RuleBook
from ...engine.evaluator import Gap, GroupResult, Scope, evaluate_group
from ...facts import Case, Order
from ...legal_time import Length
from ...legal_time.conventions import day_after_period, period_last_day
from ...rulebook import default_rulebook
from ...vocabulary.orders import ORDER_TERM_VALUES, TermSubject, order_path
from ..notification.status import notification_status, subject_on_demand
from .ends import in_effect_on, order_last_day, term_last_day
from .families import NOTIFICATION_KINDS, ONE_OFF_KINDS, TRANSITION_KINDS, OrderContext, family
from .notification import order_notification, order_relevant_date
from .spells import not_subject_spell

QUESTION = "orders.check"


class Finding(TypedValue):
    """An order that could not have been made as described, or a term outside the statutory limits."""

    term: str | None = Field(description="The term's id, or null for the order as a whole.")
    rule: str = Field(description="The rule that found it.")
    finding: str = Field(description="The finding in one sentence, naming the limit.")


class OrderFinding(Finding):
    """A finding, with the order it is about."""

    order: str = Field(description="The order's id in the case.")


class TermCheck(TypedValue):
    """One prohibition or requirement of an order: within the limits, and when it ends."""

    kind: str = Field(description="prohibition, requirement or foreign_travel_prohibition.")
    within_limits: bool | None = Field(description="The term is within the statutory limits; null if undetermined.")
    limit: str | None = Field(description="The limit that applies, in words.")
    until_further_order: bool | None = Field(description="The term has effect until further order.")
    last_day: date | None = Field(description="The last day of a fixed term.")


class DischargeCheck(TypedValue):
    """When the order may be discharged without the consent of the person and the chief officer."""

    restricted: bool | None = Field(description="Discharge without consent is restricted for a period.")
    years: int | None = Field(description="The years from the making during which it is restricted.")
    without_consent_from: date | None = Field(description="The first day it may be discharged without consent.")


class OrderNotificationCheck(TypedValue):
    """What the order means for notification, and any duty of its own (an SRO's names and address)."""

    full_notification: bool | str | None = Field(description="The order brings the full notification requirements.")
    subject_from: date | None = Field(description="The day the requirements apply from.")
    subject_until: date | None = Field(description="The last day the order has effect, if known and fixed.")
    until_further_order: bool | None = Field(description="The order has effect until further order.")
    subject_on_as_of: bool | None = Field(description="Subject on the as-at date because of this order.")
    relevant_date_rule: str | None = Field(
        default=None, description="With full notification: the relevant date (unchanged, service or breach).")
    relevant_date: date | None = Field(default=None, description="That relevant date, when it is a new one.")
    initial_duty: bool | None = Field(default=None, description="SRO: names and home address must be notified.")
    change_duty: bool | str | None = Field(
        default=None, description="SRO: changes must be notified ('while_not_subject': only while not subject to "
        "the full requirements).")
    within_days: int | None = Field(default=None, description="SRO: the days to notify within.")
    name_address_due: date | None = Field(default=None, description="SRO: the last day to notify.")
    change_duty_from: date | None = Field(
        default=None, description="SRO: the first day, from service, on which the s.122F(3) change duty applies "
        "(the order has effect and the person is not subject to the notification requirements).")
    change_duty_until: date | None = Field(
        default=None, description="SRO: the last day of that spell, when known (null: open, or unknown).")


class OrderTransition(TypedValue):
    """How a surviving predecessor order is governed on the as-at date (ASBCPA 2014 s.114)."""

    stage: str = Field(description="original, saved, as_shpo or as_sro.")
    may_extend: bool = Field(description="Whether the order may still be varied to extend it as made.")


class OrderCheck(TypedValue):
    """The answer for one order. An order that could not have been made as described has only its findings."""

    kind: str = Field(description="The kind of order.")
    family: str = Field(description="The ruleset family that governs it: shpo, sro or predecessor.")
    available: bool | None = Field(description="The order could have been made as described.")
    provision: str | None = Field(default=None, description="Present when decided: the power it was made under.")
    terms: dict[str, TermCheck] | None = Field(default=None, description="Each term, by id.")
    discharge: DischargeCheck | None = Field(default=None, description="Discharge without consent.")
    until_further_order: bool | None = Field(default=None, description="The order has effect until further order.")
    last_day: date | None = Field(default=None, description="The last day the order has effect.")
    in_effect_on_as_of: bool | None = Field(default=None, description="The order has effect on the as-at date.")
    notification: OrderNotificationCheck | None = Field(default=None, description="What it means for notification.")
    transition: OrderTransition | None = Field(
        default=None, description="For a SOPO, foreign travel order or RSHO made by the as-at date: the transition.")
    findings: list[Finding] = Field(description="What is outside the limits, for this order.")


class OrdersCheckValue(TypedValue):
    """Each civil order checked against the statutory limits, with every finding."""

    orders: dict[str, OrderCheck] = Field(description="Each order, by id.")
    findings: list[OrderFinding] = Field(description="Every finding, order by order.")
@dataclass
class _OrderCheck:
    """The answer for one order, built part by part; ``undetermined`` collects the parts left open."""

    value: dict[str, Any]
    dates: dict[str, date] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    undetermined: list[str] = field(default_factory=list)


def _finding(check: _OrderCheck, result: GroupResult, subject: str, term: str | None) -> None:
    reason = result.reason(subject)
    check.findings.append(Finding.model_construct(term=term, rule=reason.rule_id, finding=reason.explanation))


def _check_order(ctx: OrderContext, order: Order, index: int) -> _OrderCheck:
    book, builder = ctx.builder.book, ctx.builder
    check = _OrderCheck({"order": order.id, "kind": order.kind, "family": family(order.kind)})
    scope = ctx.scope(order, index)
    available = evaluate_group(book.group(ctx.group(order, "availability")), scope)
    if not builder.record(available, order.id) or available.fired is None:
        check.undetermined.append("available")
        check.value["available"] = None
    else:
        check.value["available"] = available.outputs["available"]
        check.value["provision"] = available.outputs.get("provision")
        if available.outputs["available"] is False:
            _finding(check, available, order.id, None)
            check.value["findings"] = check.findings
            return check
    if order.made is not None:
        check.dates[f"{order.id}.made"] = order.made
    _check_terms(ctx, order, index, check)
    _check_discharge(ctx, order, index, scope, check)
    _check_end(ctx, order, index, scope, check)
    _check_notification(ctx, order, index, scope, check)
    if order.kind in TRANSITION_KINDS and order.made is not None and ctx.as_of >= order.made:
        transition = evaluate_group(book.group("orders.predecessor.transition"), ctx.scope(order, index, ctx.as_of))
        builder.record(transition, order.id)
        outputs = transition.outputs
        check.value["transition"] = OrderTransition.model_construct(**outputs) if outputs else None
    check.value["findings"] = check.findings
    return check


def _check_terms(ctx: OrderContext, order: Order, index: int, check: _OrderCheck) -> None:
    builder = ctx.builder
    group = builder.book.group(ctx.group(order, "term"))
    terms: dict[str, TermCheck] = {}
    if not order.terms and order.kind not in NOTIFICATION_KINDS:
        builder.add_missing(order_path(index, "terms"), group.id)
        check.undetermined.append("terms")
    for j, term in enumerate(order.terms):
        subject = TermSubject(order, index, term, j)
        day = ctx.day(order.made or ctx.as_of)
        scope = Scope(builder.book, day, ORDER_TERM_VALUES, ctx.case, subject, builder.warnings)
        result = evaluate_group(group, scope)
        label = f"{order.id}/{term.id}"
        within: bool | None = None
        if builder.record(result, label) and result.fired is not None:
            within = bool(result.outputs["within_limits"])
            if not within:
                _finding(check, result, label, term.id)
        else:
            check.undetermined.append(f"terms.{term.id}")
        end = term_last_day(scope, order, index, term, j)
        if isinstance(end, Gap):
            ctx.gap(end, group.id)
            check.undetermined.append(f"terms.{term.id}.last_day")
        elif end is not None:
            check.dates[f"{order.id}/{term.id}.last_day"] = end
        terms[term.id] = TermCheck.model_construct(
            kind=term.kind, within_limits=within, limit=result.outputs.get("limit"),
            until_further_order=None if isinstance(end, Gap) else end is None,
            last_day=end if isinstance(end, date) else None,
        )
    check.value["terms"] = terms


def _check_discharge(ctx: OrderContext, order: Order, index: int, scope: Scope, check: _OrderCheck) -> None:
    builder = ctx.builder
    result = evaluate_group(builder.book.group(ctx.group(order, "discharge")), scope)
    discharge: dict[str, Any] = {"restricted": None, "years": None, "without_consent_from": None}
    check.value["discharge"] = discharge
    if not builder.record(result, order.id) or result.fired is None:
        check.undetermined.append("discharge")
        return
    discharge["restricted"] = result.outputs["restricted"]
    if not result.outputs["restricted"]:
        return
    years = int(result.outputs["years"])
    discharge["years"] = years
    if order.made is None:
        builder.add_missing(order_path(index, "made"), result.fired.id)
        check.undetermined.append("discharge")
        return
    day = day_after_period(scope, order.made, Length(years=years))
    discharge["without_consent_from"] = day
    check.dates[f"{order.id}.discharge_without_consent_from"] = day
    builder.explain(make_reason(
        "orders.check.dated.discharge", "The first day the order may be discharged without consent",
        result.fired.citation, result.fired.status,
        "The period of {years} years beginning with {made} ends the day before {without_consent_from}, the first "
        "day on which the order may be discharged without consent.",
        {"years": years, "made": order.made, "without_consent_from": day},
        order.id,
    ))


def _check_end(ctx: OrderContext, order: Order, index: int, scope: Scope, check: _OrderCheck) -> None:
    if order.kind in ONE_OFF_KINDS:
        check.value.update(until_further_order=None, last_day=None, in_effect_on_as_of=None)
        return
    end = order_last_day(scope, order, index)
    if isinstance(end, Gap):
        ctx.gap(end, QUESTION)
        check.undetermined.append("ends")
        check.value.update(until_further_order=None, last_day=None)
    else:
        check.value.update(until_further_order=end is None, last_day=end)
        if end is not None:
            check.dates[f"{order.id}.last_day"] = end
    effect = in_effect_on(scope, order, index, ctx.as_of)
    if isinstance(effect, Gap):
        ctx.gap(effect, QUESTION)
        check.undetermined.append("in_effect")
        check.value["in_effect_on_as_of"] = None
    else:
        check.value["in_effect_on_as_of"] = effect


def _check_notification(ctx: OrderContext, order: Order, index: int, scope: Scope, check: _OrderCheck) -> None:
    status = order_notification(ctx, order, index, check_availability=False)
    notification: dict[str, Any] = {
        "full_notification": status.full, "subject_from": status.subject_from, "subject_until": status.last_day,
        "until_further_order": status.until_further_order, "subject_on_as_of": status.subject_on,
    }
    check.value["notification"] = notification
    if status.full is None or (status.full is True and status.subject_on is None):
        check.undetermined.append("notification")
    if status.full is True:
        relevant = order_relevant_date(ctx, order, index)
        notification["relevant_date_rule"] = relevant.kind
        if relevant.kind is None or (relevant.kind != "unchanged" and relevant.day is None):
            check.undetermined.append("notification")
        elif relevant.day is not None:
            notification["relevant_date"] = relevant.day
            check.dates[f"{order.id}.relevant_date"] = relevant.day
    if family(order.kind) == "sro":  # s.122F turns on the date of service alone, whatever happens later
        _sro_duty(ctx, order, index, check, notification)


def _sro_duty(ctx: OrderContext, order: Order, index: int, check: _OrderCheck, notification: dict[str, Any]) -> None:
    """The s.122F duty: names and home address within the stated days beginning with the date of service, unless
    the person is subject to the notification requirements on that date (whatever makes them so: the record or
    another order), and changes while the order has effect and the person is not so subject (s.122F(1), (3))."""
    builder = ctx.builder
    status = notification_status(ctx.case, ctx.as_of, DecisionBuilder(QUESTION, ctx.as_of, builder.book,
                                                                     warnings=builder.warnings))
    on_service = OrderContext(ctx.case, ctx.as_of, builder, status.subject_gap)
    scope = on_service.scope(order, index)
    result = evaluate_group(builder.book.group("orders.sro.notification.name_address"), scope)
    if "already_subject" in scope.cache and order.already_subject is None:  # why the person was (not) subject
        seen = {(r.rule_id, r.subject) for r in builder.reasons}
        builder.reasons.extend(r for r in status.reasons if (r.rule_id, r.subject) not in seen)
    if not builder.record(result, order.id) or result.fired is None:
        check.undetermined.append("notification")
        return
    outputs = result.outputs
    notification.update(initial_duty=outputs["initial_duty"], change_duty=outputs["change_duty"],
                        within_days=outputs["days"])
    if order.served is not None and outputs["change_duty"]:
        end = check.value.get("last_day") if check.value.get("until_further_order") is False else None
        first, last = not_subject_spell(status, order.served, end, order.ceased_on)
        notification.update(change_duty_from=first, change_duty_until=last)
    if not outputs["initial_duty"]:
        return
    if order.served is None:
        builder.add_missing(order_path(index, "served"), result.fired.id)
        check.undetermined.append("notification")
        return
    scope.param("orders.sro.notification_disregards")
    due = period_last_day(scope, order.served, Length(days=int(outputs["days"])))
    notification["name_address_due"] = due
    check.dates[f"{order.id}.name_address_due"] = due
    builder.explain(make_reason(
        "orders.check.dated.name_address", "Names and home address due",
        result.fired.citation, result.fired.status,
        "The period of {days} days beginning with the date of service ({served}) ends on {due}; custody, hospital "
        "and time abroad are not disregarded.",
        {"days": outputs["days"], "served": order.served, "due": due},
        order.id,
    ))


def _order_value(value: dict[str, Any]) -> OrderCheck:
    """The answer for one order, from the parts gathered while checking it."""
    parts = {k: v for k, v in value.items() if k != "order"}
    if "discharge" in parts:
        parts["discharge"] = DischargeCheck.model_construct(**parts["discharge"])
    if "notification" in parts:
        parts["notification"] = OrderNotificationCheck.model_construct(**parts["notification"])
    return OrderCheck.model_construct(**parts)


def civil_orders(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[OrdersCheckValue]:
    """Answer ``orders.check`` for every civil order of ``case`` as at ``as_of``."""
    book = book or default_rulebook()
    builder = DecisionBuilder(QUESTION, as_of, book)
    if not case.orders:
        builder.add_missing("orders", QUESTION)
        return builder.build(Outcome.UNDETERMINED, OrdersCheckValue.model_construct(orders={}, findings=[]), {})
    ctx = OrderContext(case, as_of, builder, subject_on_demand(case, as_of, builder))
    checks = [_check_order(ctx, order, i) for i, order in enumerate(case.orders)]
    findings = [OrderFinding.model_construct(term=f.term, rule=f.rule, finding=f.finding, order=c.value["order"])
                for c in checks for f in c.findings]
    dates = {k: v for c in checks for k, v in c.dates.items()}
    value = OrdersCheckValue.model_construct(
        orders={c.value["order"]: _order_value(c.value) for c in checks}, findings=findings)
    if findings:
        outcome = Outcome.NO
    elif any(c.undetermined for c in checks):
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.YES
    return builder.build(outcome, value, dates)


def headline(decision: Decision[OrdersCheckValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.YES:
        return f"All {len(v.orders)} civil order(s) are within the statutory limits."
    if decision.outcome is Outcome.NO:
        return f"{len(v.findings)} finding(s): an order or term outside the statutory limits."
    return "The civil orders cannot be fully checked on these facts."


__all__ = [
    "QUESTION",
    "DischargeCheck",
    "Finding",
    "OrderCheck",
    "OrderFinding",
    "OrderNotificationCheck",
    "OrderTransition",
    "OrdersCheckValue",
    "TermCheck",
    "civil_orders",
    "headline",
]
