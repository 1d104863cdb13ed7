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

from ...decision import Decision, Outcome
from ...engine import DecisionBuilder, RuleBook
from ...engine.evaluator import Gap, GroupResult, Scope, evaluate_group
from ...facts import Case, Order
from ...legal_time import Length
from ...legal_time.conventions import day_after_period, period_last_day
from ...rulebook import default_rulebook
from ...vocabulary.orders import ORDER_TERM_VALUES, TermSubject, order_path
from .ends import in_effect_on, order_last_day, term_last_day
from .families import NOTIFICATION_KINDS, ONE_OFF_KINDS, TRANSITION_KINDS, OrderContext, family
from .notification import order_notification

QUESTION = "orders.check"
@dataclass
class _OrderCheck:
    """The answer for one order, built part by part; ``undetermined`` collects the parts left open."""

    value: dict[str, Any]
    dates: dict[str, date] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    undetermined: list[str] = field(default_factory=list)


def _finding(check: _OrderCheck, result: GroupResult, subject: str, term: str | None) -> None:
    reason = result.reason(subject)
    check.findings.append({"term": term, "rule": reason.rule_id, "finding": reason.explanation})


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
        check.value["transition"] = dict(transition.outputs) or None
    check.value["findings"] = check.findings
    return check


def _check_terms(ctx: OrderContext, order: Order, index: int, check: _OrderCheck) -> None:
    builder = ctx.builder
    group = builder.book.group(ctx.group(order, "term"))
    terms: dict[str, Any] = {}
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
        terms[term.id] = {
            "kind": term.kind,
            "within_limits": within,
            "limit": result.outputs.get("limit"),
            "until_further_order": None if isinstance(end, Gap) else end is None,
            "last_day": end if isinstance(end, date) else None,
        }
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
    builder.explain(
        "orders.check.dated.discharge", "The first day the order may be discharged without consent",
        result.fired.citation, result.fired.status,
        "The period of {years} years beginning with {made} ends the day before {without_consent_from}, the first "
        "day on which the order may be discharged without consent.",
        {"years": years, "made": order.made, "without_consent_from": day},
        order.id,
    )


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
    builder = ctx.builder
    status = order_notification(ctx, order, index, check_availability=False)
    notification: dict[str, Any] = status.as_value()
    del notification["order"], notification["kind"]
    check.value["notification"] = notification
    if status.full is None or (status.full is True and status.subject_on is None):
        check.undetermined.append("notification")
    if status.full is True:
        result = evaluate_group(builder.book.group(ctx.group(order, "notification.relevant_date")), scope)
        if not builder.record(result, order.id) or result.fired is None:
            check.undetermined.append("notification")
            return
        rule = result.outputs["relevant_date"]
        notification["relevant_date_rule"] = rule
        day = {"service": order.served, "breach": order.breach_date}.get(str(rule))
        if rule in ("service", "breach"):
            if day is None:
                builder.add_missing(order_path(index, "served" if rule == "service" else "breach_date"),
                                    result.fired.id)
                check.undetermined.append("notification")
            else:
                notification["relevant_date"] = day
                check.dates[f"{order.id}.relevant_date"] = day
    elif status.full is False and family(order.kind) == "sro":
        _sro_duty(ctx, order, index, scope, check, notification)


def _sro_duty(
    ctx: OrderContext, order: Order, index: int, scope: Scope, check: _OrderCheck, notification: dict[str, Any]
) -> None:
    """The s.122F duty: names and home address within the stated days beginning with the date of service."""
    builder = ctx.builder
    result = evaluate_group(builder.book.group("orders.sro.notification.name_address"), scope)
    if not builder.record(result, order.id) or result.fired is None:
        check.undetermined.append("notification")
        return
    outputs = result.outputs
    notification.update(initial_duty=outputs["initial_duty"], change_duty=outputs["change_duty"],
                        within_days=outputs["days"])
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
    builder.explain(
        "orders.check.dated.name_address", "Names and home address due",
        result.fired.citation, result.fired.status,
        "The period of {days} days beginning with the date of service ({served}) ends on {due}; custody, hospital "
        "and time abroad are not disregarded.",
        {"days": outputs["days"], "served": order.served, "due": due},
        order.id,
    )


def civil_orders(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
    """Answer ``orders.check`` for every civil order of ``case`` as at ``as_of``."""
    book = book or default_rulebook()
    builder = DecisionBuilder(QUESTION, as_of, book)
    if not case.orders:
        builder.add_missing("orders", QUESTION)
        return builder.build(Outcome.UNDETERMINED, {"orders": {}, "findings": []}, {})
    ctx = OrderContext(case, as_of, builder)
    checks = [_check_order(ctx, order, i) for i, order in enumerate(case.orders)]
    findings = [dict(f, order=c.value["order"]) for c in checks for f in c.findings]
    dates = {k: v for c in checks for k, v in c.dates.items()}
    value = {"orders": {c.value.pop("order"): c.value for c in checks}, "findings": findings}
    if findings:
        outcome = Outcome.NO
    elif any(c.undetermined for c in checks):
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.YES
    return builder.build(outcome, value, dates)


def headline(decision: Decision) -> str:
    """One sentence answering the question."""
    v = decision.value
    count = len(v.get("orders", []))
    if decision.outcome is Outcome.YES:
        return f"All {count} civil order(s) are within the statutory limits."
    if decision.outcome is Outcome.NO:
        return f"{len(v.get('findings', []))} finding(s): an order or term outside the statutory limits."
    return "The civil orders cannot be fully checked on these facts."


__all__ = ["QUESTION", "civil_orders", "headline"]
