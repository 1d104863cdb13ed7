"""Whether a person is subject to the notification requirements, disposal by disposal (SOA 2003 ss.80-82).

Each disposal is taken through three rule groups from ``rulesets/notification/period.yaml``: whether it makes the
person a relevant offender (ss.80-81), the row of the s.82(1) table, and the s.82(2) halving for an offender under
18 on the relevant date. A fixed period is dated with :mod:`mappa_rules.legal_time`: it begins with the relevant
date and its last day is the day before the corresponding anniversary. The questions on the period, the duties and
the civil orders all ask this, so it lives here, below each of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...decision import Citation, Missing, Reason
from ...engine import DecisionBuilder, Gap, GroupResult, Scope, evaluate_group
from ...facts import Case, Disposal
from ...legal_time import Length, halve, last_day
from ...legal_time.conventions import BEGINNING_WITH, conventions_at, half_of, period_last_day
from ...vocabulary import DISPOSAL_VALUES

__all__ = ["DisposalPeriod", "NotificationStatus", "evaluate_disposal", "subject_from_disposals"]


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


def subject_from_disposals(case: Case, builder: DecisionBuilder) -> Callable[[date], bool | Gap]:
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
    scratch = DecisionBuilder(builder.question, day, builder.book, warnings=builder.warnings)
    statuses = [evaluate_disposal(case, d, day, scratch).subject_on for d in case.disposals]
    builder.reasons.extend(scratch.reasons)
    if True in statuses:
        return True
    if all(s is False for s in statuses):
        return False
    return Gap(tuple(m.fact for m in scratch.missing) or ("disposals",))


@dataclass
class NotificationStatus:
    """Whether the person is a relevant offender on any day, from the ``notification.period`` rules per disposal.

    The reasons and missing facts of that work are kept aside and added to a decision only when it relies on them.
    """

    periods: list[DisposalPeriod]
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    silent: list[GroupResult] = field(default_factory=list)
    """Rule groups in which no rule applied, for a decision that nothing else explains."""

    def subject_on(self, day: date) -> bool | None:
        """True if some disposal makes the person subject on ``day``, False if none does, None if unknown."""
        if not self.periods:
            return None
        states = [_period_on(p, day) for p in self.periods]
        if True in states:
            return True
        return False if all(s is False for s in states) else None

    def indefinite_on(self, day: date) -> bool | None:
        """True if a disposal subjects the person to indefinite requirements on ``day``; None if unknown."""
        if not self.periods:
            return None
        states: list[bool | None] = []
        for p in self.periods:
            relevant = p.disposal.relevant_date
            if p.subject is False or p.indefinite is False:
                states.append(False)
            elif p.indefinite and relevant is not None:
                states.append(relevant <= day)
            else:
                states.append(None)
        if True in states:
            return True
        return False if all(s is False for s in states) else None

    def adopt(self, builder: DecisionBuilder) -> None:
        """Add the reasons and missing facts of the notification-period work to ``builder``."""
        seen = {(r.rule_id, r.subject) for r in builder.reasons}
        for reason in self.reasons:
            if (reason.rule_id, reason.subject) not in seen:
                builder.reasons.append(reason)
                seen.add((reason.rule_id, reason.subject))
        for missing in self.missing:
            builder.add_missing(missing.fact, missing.needed_for)
        builder.silent.extend(s for s in self.silent if s not in builder.silent)
        if not self.periods:
            builder.add_missing("disposals", "notification.period")


def _period_on(period: DisposalPeriod, day: date) -> bool | None:
    relevant = period.disposal.relevant_date
    if period.subject is False:
        return False
    if period.subject is None or relevant is None:
        return None
    if day < relevant:
        return False
    if period.indefinite:
        return True
    if period.last_day is not None:
        return day <= period.last_day
    ends = {day <= c["period_last_day"] for c in period.candidates}
    return ends.pop() if len(ends) == 1 else None
