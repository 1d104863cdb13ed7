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

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..decision import Decision, Outcome
from ..engine import DecisionBuilder, RuleBook
from ..engine.evaluator import Gap, GroupResult, Scope, evaluate_group
from ..facts import Case, Order
from ..legal_time import Length
from ..legal_time.conventions import day_after_period, period_last_day
from ..order_vocabulary import (
    ORDER_TERM_VALUES,
    ORDER_VALUES,
    OrderSubject,
    TermSubject,
    in_effect_on,
    order_last_day,
    order_path,
    term_last_day,
)
from ..rulebook import default_rulebook

QUESTION = "orders.check"
FAMILIES = {"shpo": "shpo", "interim_shpo": "shpo", "sro": "sro", "interim_sro": "sro"}
"""The ruleset family of each order kind; every other kind is a predecessor order or a notification order."""
TRANSITION_KINDS = frozenset({"sopo", "foreign_travel_order", "rsho"})
"""The "existing orders" of ASBCPA 2014 s.114(1)."""
NOTIFICATION_KINDS = frozenset({"notification_order", "notification_notice", "interim_notification_order"})
"""Orders that impose no prohibitions or requirements (SOA 2003 ss.96ZA, 97-100)."""
EARLIEST = "orders.predecessor_commencement"
ONE_OFF_KINDS = frozenset({"notification_order", "notification_notice"})
"""Orders with no period of effect of their own: they apply Part 2 for the s.82 period (ss.96ZA, 98)."""


def family(kind: str) -> str:
    """The ruleset family whose groups govern an order of this kind."""
    return FAMILIES.get(kind, "predecessor")


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


@dataclass
class _Context:
    """The shared state of one question about one case."""

    case: Case
    as_of: date
    builder: DecisionBuilder
    subject_at: Callable[[date], bool | Gap] = field(init=False)

    def __post_init__(self) -> None:
        self.subject_at = _subject_from_disposals(self.case, self.builder)

    def day(self, day: date) -> date:
        """``day``, but no earlier than the first day the order rulesets speak for (orders made earlier are
        judged by the rules then in force, which say that no such order existed)."""
        return max(day, self.builder.book.parameter(EARLIEST).starts[0])

    def scope(self, order: Order, index: int, as_at: date | None = None) -> Scope:
        day = self.day(as_at or order.made or self.as_of)
        subject = OrderSubject(order, index, self.subject_at)
        return Scope(self.builder.book, day, ORDER_VALUES, self.case, subject, self.builder.warnings)

    def group(self, order: Order, name: str) -> str:
        return f"{family(order.kind)}.{name}"

    def gap(self, value: Gap, needed_for: str) -> None:
        for path in value.paths:
            self.builder.add_missing(path, needed_for)


def _subject_from_disposals(case: Case, builder: DecisionBuilder) -> Callable[[date], bool | Gap]:
    """Whether the disposals make the person subject to notification on a day (SOA 2003 ss.80-82)."""
    cache: dict[date, bool | Gap] = {}

    def at(day: date) -> bool | Gap:
        if day not in cache:
            cache[day] = _disposals_status(case, day, builder)
        return cache[day]

    return at


def _disposals_status(case: Case, day: date, builder: DecisionBuilder) -> bool | Gap:
    if not case.disposals:
        return Gap(("disposals",))
    from .notification_period import evaluate_disposal  # notification_period imports this module

    scratch = DecisionBuilder(builder.question, day, builder.book, warnings=builder.warnings)
    statuses = [evaluate_disposal(case, d, day, scratch).subject_on for d in case.disposals]
    builder.reasons.extend(scratch.reasons)
    if True in statuses:
        return True
    if all(s is False for s in statuses):
        return False
    return Gap(tuple(m.fact for m in scratch.missing) or ("disposals",))


def _notification(ctx: _Context, order: Order, index: int, check_availability: bool) -> OrderNotification:
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
            return result
    full = evaluate_group(builder.book.group(ctx.group(order, "notification.full")), scope)
    if not builder.record(full, order.id) or full.fired is None:
        return result
    result.full = full.outputs["full"]
    if result.full is not True:
        result.subject_on = False
        return result
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
        return result
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
    return result


def order_notifications(case: Case, as_of: date, builder: DecisionBuilder) -> list[OrderNotification]:
    """For each civil order of the case, whether it makes the person subject to the notification requirements
    on ``as_of`` (SA 2020 s.352; SOA 2003 ss.100(5), 103G, 107(3)-(4), 122I, 129). Adds the reasons, missing
    facts and warnings to ``builder``."""
    if not case.orders:
        return []
    ctx = _Context(case, as_of, builder)
    return [_notification(ctx, order, i, check_availability=True) for i, order in enumerate(case.orders)]


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


def _check_order(ctx: _Context, order: Order, index: int) -> _OrderCheck:
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
        transition = evaluate_group(book.group("orders.transition"), ctx.scope(order, index, ctx.as_of))
        builder.record(transition, order.id)
        check.value["transition"] = dict(transition.outputs) or None
    check.value["findings"] = check.findings
    return check


def _check_terms(ctx: _Context, order: Order, index: int, check: _OrderCheck) -> None:
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


def _check_discharge(ctx: _Context, order: Order, index: int, scope: Scope, check: _OrderCheck) -> None:
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
        "orders.dated.discharge", "The first day the order may be discharged without consent",
        result.fired.citation, result.fired.status,
        "The period of {years} years beginning with {made} ends the day before {without_consent_from}, the first "
        "day on which the order may be discharged without consent.",
        {"years": years, "made": order.made, "without_consent_from": day},
        order.id,
    )


def _check_end(ctx: _Context, order: Order, index: int, scope: Scope, check: _OrderCheck) -> None:
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


def _check_notification(ctx: _Context, order: Order, index: int, scope: Scope, check: _OrderCheck) -> None:
    builder = ctx.builder
    status = _notification(ctx, order, index, check_availability=False)
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
    ctx: _Context, order: Order, index: int, scope: Scope, check: _OrderCheck, notification: dict[str, Any]
) -> None:
    """The s.122F duty: names and home address within the stated days beginning with the date of service."""
    builder = ctx.builder
    result = evaluate_group(builder.book.group("sro.notification.name_address"), scope)
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
    scope.param("sro.notification_disregards")
    due = period_last_day(scope, order.served, Length(days=int(outputs["days"])))
    notification["name_address_due"] = due
    check.dates[f"{order.id}.name_address_due"] = due
    builder.explain(
        "orders.dated.name_address", "Names and home address due",
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
    ctx = _Context(case, as_of, builder)
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


__all__ = ["QUESTION", "OrderNotification", "civil_orders", "family", "order_notifications"]
