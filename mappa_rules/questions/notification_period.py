"""Question ``notification.period``: is the person subject to notification, for what period, until when?

Sexual Offences Act 2003 ss.80-82. Each disposal is taken in turn through three rule groups from
``rulesets/notification/period.yaml``: whether it makes the person a relevant offender (ss.80-81), the row of
the s.82(1) table, and the s.82(2) halving for an offender under 18 on the relevant date. The period is then
dated with :mod:`mappa_rules.legal_time`: a fixed period begins with the relevant date and its last day is the
day before the corresponding anniversary.

Outcome: ``yes`` when the person is a relevant offender and the period is determined, ``no`` when no disposal
makes the person a relevant offender, ``undetermined`` otherwise (with the facts that would decide it). The
value says, in addition, whether the person is subject to the requirements on the as-at date - counting the
civil orders that bring notification while they have effect (a SHPO or SOPO, an SRO or RSHO after a breach
conviction: SA 2020 s.352; SOA 2003 ss.103G, 107, 122I, 129), listed under ``orders``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..decision import Citation, Decision, Outcome
from ..engine import DecisionBuilder, RuleBook
from ..engine.evaluator import Scope, evaluate_group
from ..facts import Case, Disposal
from ..legal_time import Length, halve, last_day
from ..legal_time.conventions import BEGINNING_WITH, conventions_at, half_of, period_last_day
from ..rulebook import default_rulebook
from ..vocabulary import DISPOSAL_VALUES
from .orders import OrderNotification, order_notifications

QUESTION = "notification.period"


@dataclass
class DisposalPeriod:
    """The notification outcome for one disposal. ``None`` fields are undetermined."""

    disposal: Disposal
    subject: bool | None = None
    row: str | None = None
    indefinite: bool | None = None
    length: Length | None = None
    halved: bool | None = None
    last_day: date | None = None
    subject_on: bool | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def decided(self) -> bool:
        return self.subject is False or (self.indefinite is True) or self.last_day is not None

    def as_value(self) -> dict[str, Any]:
        d = self.disposal
        return {
            "disposal": d.id,
            "relevant_date": d.relevant_date,
            "subject": self.subject,
            "row": self.row,
            "indefinite": self.indefinite,
            "length": None if self.length is None else str(self.length),
            "halved": self.halved,
            "period_last_day": self.last_day,
            "subject_on_as_of": self.subject_on,
            "candidates": self.candidates or None,
        }


def evaluate_disposal(case: Case, disposal: Disposal, as_of: date, builder: DecisionBuilder) -> DisposalPeriod:
    """Run ss.80-82 for one disposal, adding its reasons, missing facts and warnings to ``builder``."""
    book = builder.book
    result = DisposalPeriod(disposal)
    commencement: date = book.parameter("notification.commencement").value_at(as_of)
    as_at = max(disposal.relevant_date or as_of, commencement)
    scope = Scope(book, as_at, DISPOSAL_VALUES, case, disposal, builder.warnings, builder.reasons)
    subject = evaluate_group(book.group("notification.subject"), scope)
    if not builder.record(subject, disposal.id):
        return result
    result.subject = bool(subject.outputs.get("subject", False))
    if not result.subject:
        result.subject_on = False
        return result
    row = evaluate_group(book.group("notification.period.row"), scope)
    if not builder.record(row, disposal.id) or row.fired is None:
        return result
    result.row = row.outputs["row"]
    result.indefinite = bool(row.outputs["indefinite"])
    relevant = disposal.relevant_date
    assert relevant is not None  # the subject rules read it
    if result.indefinite:
        result.halved = False
        builder.record(evaluate_group(book.group("notification.period.age"), scope), disposal.id)
        result.subject_on = relevant <= as_of
        return result
    base = _base_length(row.outputs, disposal)
    age = evaluate_group(book.group("notification.period.age"), scope)
    if builder.record(age, disposal.id):
        result.halved = bool(age.outputs["halved"])
        result.length = _dated(scope, builder, disposal, relevant, base, result.halved, as_of, result)
        return result
    # Undetermined age: show both possible periods; the status on the as-at date may still be decided.
    options = []
    for halved in (False, True):
        length = halve(relevant, base, conventions_at(scope)) if halved else base
        end, _ = last_day(relevant, length, conventions_at(scope))
        on = relevant <= as_of <= end
        options.append(on)
        result.candidates.append({"if": "under 18" if halved else "18 or over", "length": str(length),
                                  "period_last_day": end, "subject_on_as_of": on})
    result.subject_on = options[0] if options[0] == options[1] else None
    return result


def _base_length(outputs: Any, disposal: Disposal) -> Length:
    if outputs["row"] == "conditional_discharge":
        sentence = disposal.sentence
        assert sentence is not None and sentence.kind == "conditional_discharge"
        return sentence.period.length()
    return Length(years=int(outputs["years"]))


def _dated(
    scope: Scope,
    builder: DecisionBuilder,
    disposal: Disposal,
    relevant: date,
    base: Length,
    halved: bool,
    as_of: date,
    result: DisposalPeriod,
) -> Length:
    length = half_of(scope, relevant, base) if halved else base
    end = period_last_day(scope, relevant, length)
    result.last_day = end
    result.subject_on = relevant <= as_of <= end
    parameter = scope.book.parameter(BEGINNING_WITH)
    builder.explain(
        BEGINNING_WITH,
        "The period begins with the relevant date and ends on the day before the corresponding anniversary",
        Citation(instrument="Sexual Offences Act 2003", provision="s.82(1), (6)",
                 url="https://www.legislation.gov.uk/ukpga/2003/42/section/82"),
        parameter.status,
        "A period of {length} beginning with {relevant_date} ends on {period_last_day}.",
        {"length": str(length), "relevant_date": relevant, "period_last_day": end},
        disposal.id,
    )
    return length


def notification_period(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
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


__all__ = ["QUESTION", "DisposalPeriod", "evaluate_disposal", "notification_period"]
