"""Whether a person is subject to the notification requirements, disposal by disposal (SOA 2003 ss.80-82).

Each disposal is taken through three rule groups from ``rulesets/notification/period.yaml``: whether it makes the
person a relevant offender (ss.80-81), the row of the s.82(1) table, and the s.82(2) halving for an offender under
18 on the relevant date. A fixed period is dated with :mod:`mappa_rules.legal_time`: it begins with the relevant
date and its last day is the day before the corresponding anniversary. The questions on the period, the duties and
the civil orders all ask this, so it lives here, below each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Citation, TypedValue, make_reason
from ...engine import DecisionBuilder, Scope, evaluate_group
from ...facts import Case, Disposal
from ...legal_time import Length, halve, last_day
from ...legal_time.conventions import BEGINNING_WITH, conventions_at, half_of, period_last_day
from ...vocabulary import DISPOSAL_VALUES

__all__ = ["DisposalPeriod", "PeriodCandidate", "evaluate_disposal"]


class PeriodCandidate(TypedValue):
    """One of the two periods a disposal may give when the offender's age on the relevant date is unknown."""

    if_: str = Field(alias="if", description="'18 or over' or 'under 18' (on the relevant date).")
    length: str = Field(description="The period, e.g. '10 years', or '5 years' halved.")
    period_last_day: date = Field(description="Its last day.")
    subject_on_as_of: bool = Field(description="Whether the person would be subject on the as-at date.")


@dataclass
class DisposalPeriod:
    """The notification outcome for one disposal. ``None`` fields are undetermined."""

    disposal: Disposal
    relevant_date: date | None = None
    """The s.82(6) relevant date, as the library works it out (SOA 2003 s.132(3)); None while undetermined."""
    relevant_candidates: tuple[date, ...] = ()
    """While the relevant date is undetermined: the days it may be (when they are known)."""
    subject: bool | None = None
    row: str | None = None
    indefinite: bool | None = None
    length: Length | None = None
    halved: bool | None = None
    last_day: date | None = None
    subject_on: bool | None = None
    candidates: list[PeriodCandidate] = field(default_factory=list)
    last_day_at_least: date | None = None
    """While the last day is undetermined: the earliest it can be."""
    ended_at_trial: date | None = None
    """s.82(5): the day the trial after a finding of disability concluded, the last day of the finding's period."""

    @property
    def decided(self) -> bool:
        return self.subject is False or (self.indefinite is True) or self.last_day is not None


def evaluate_disposal(case: Case, disposal: Disposal, as_of: date, builder: DecisionBuilder) -> DisposalPeriod:
    """Run ss.80-82 for one disposal, adding its reasons, missing facts and warnings to ``builder``."""
    book = builder.book
    result = DisposalPeriod(disposal, relevant_date=disposal.relevant_date)
    commencement: date = book.parameter("notification.period.commencement").value_at(as_of)
    as_at = max(disposal.relevant_date or as_of, commencement)
    scope = Scope(book, as_at, DISPOSAL_VALUES, case, disposal, builder.warnings, builder.reasons)
    subject = evaluate_group(book.group("notification.period.subject"), scope)
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
        result.candidates.append(PeriodCandidate.model_construct(
            if_="under 18" if halved else "18 or over", length=str(length), period_last_day=end, subject_on_as_of=on))
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
    builder.explain(make_reason(
        BEGINNING_WITH,
        "The period begins with the relevant date and ends on the day before the corresponding anniversary",
        Citation(instrument="Sexual Offences Act 2003", provision="s.82(1), (6)",
                 url="https://www.legislation.gov.uk/ukpga/2003/42/section/82"),
        parameter.status,
        "A period of {length} beginning with {relevant_date} ends on {period_last_day}.",
        {"length": str(length), "relevant_date": relevant, "period_last_day": end},
        disposal.id,
    ))
    return length
