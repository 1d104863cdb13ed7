"""Whether a person is subject to the notification requirements, disposal by disposal (SOA 2003 ss.80-82, 132).

Each disposal is taken through the rule groups of ``rulesets/notification/period.yaml``: its s.82(6) relevant date
(the date of the conviction, finding or caution, or, where Schedule 3 lists the offence only because of its
sentence, the day of that sentence: s.132(3)), whether it makes the person a relevant offender (ss.80-81), the row
of the s.82(1) table, the day a fixed period begins (the relevant date, or the day a conditional discharge was
ordered), the s.82(2) halving for an offender under 18 on the relevant date, and the end of a finding's period at a
later trial (s.82(5)). A fixed period is dated with :mod:`mappa_rules.legal_time`: its last day is the day before
the corresponding anniversary. Where a date is not known, the possible periods are kept, and whether the person is
subject on a day is still decided where they all agree. The period, the duties and the civil orders all read this
(through :mod:`.status`), so it lives here, below each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Citation, TypedValue, make_reason
from ...engine import DecisionBuilder, Gap, Scope, evaluate_group
from ...engine.conditions import UNKNOWN
from ...facts import Case, Disposal
from ...legal_time import Length, age_on, halve, last_day
from ...legal_time.conventions import BEGINNING_WITH, conventions_at, half_of, period_last_day
from ...vocabulary import DISPOSAL_VALUES
from ...vocabulary.disposals import RELEVANT_GROUP, relevant_date_from

__all__ = ["DisposalPeriod", "PeriodCandidate", "evaluate_disposal", "relevant_date"]

COMMENCEMENT = "notification.period.commencement"


class PeriodCandidate(TypedValue):
    """One of the periods a disposal may give while its relevant date, or the offender's age on it, is unknown."""

    if_: str = Field(alias="if", description="'18 or over' or 'under 18' (on the relevant date), and the relevant "
                     "date where it is one of two days.")
    relevant_date: date | None = Field(default=None, description="The relevant date this period assumes.")
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
    relevant_rule: str | None = None
    subject: bool | None = None
    row: str | None = None
    indefinite: bool | None = None
    period_from: date | None = None
    """The first day of a fixed period: the relevant date, or the day a conditional discharge was ordered."""
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
        return self.subject is False or (self.relevant_date is not None and (
            self.indefinite is True or self.last_day is not None))


def evaluate_disposal(case: Case, disposal: Disposal, as_of: date, builder: DecisionBuilder) -> DisposalPeriod:
    """Run ss.80-82 and s.132 for one disposal, adding its reasons, missing facts and warnings to ``builder``."""
    book = builder.book
    result = DisposalPeriod(disposal)
    commencement: date = book.parameter(COMMENCEMENT).value_at(as_of)
    scope = Scope(book, max(disposal.relevant_date or as_of, commencement), DISPOSAL_VALUES, case, disposal,
                  builder.warnings, builder.reasons)
    relevant_date(scope, builder, result)
    if result.relevant_date is not None:
        scope.as_at = max(result.relevant_date, commencement)  # the later groups apply the law of that day
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
    trial = _trial(scope, builder, disposal)
    if result.indefinite:
        result.halved = False
        builder.record(evaluate_group(book.group("notification.period.age"), scope), disposal.id)
        result.ended_at_trial = trial
        result.last_day = trial
        result.subject_on = _on(result, as_of, trial)
        return result
    _fixed(scope, builder, result, row.outputs, as_of, trial)
    return result


def relevant_date(scope: Scope, builder: DecisionBuilder, result: DisposalPeriod) -> date | None:
    """The s.82(6) relevant date of the scope's disposal (rule group ``notification.period.relevant_date``),
    recorded in ``builder`` and set in the scope for the later groups; while it is undetermined, ``result`` keeps
    the days it may be."""
    disposal = result.disposal
    group = evaluate_group(scope.book.group(RELEVANT_GROUP), scope)
    builder.record(group, disposal.id)
    value = relevant_date_from(scope, group)
    scope.set("relevant_date", value)
    if isinstance(value, Gap):
        if group.decided and group.fired is not None:
            for path in value.paths:
                builder.add_missing(path, group.fired.id)
        result.relevant_candidates = _candidates(scope, disposal)
        return None
    assert isinstance(value, date)
    result.relevant_date, result.relevant_rule = value, None if group.fired is None else group.fired.id
    return value


def _candidates(scope: Scope, disposal: Disposal) -> tuple[date, ...]:
    """The days the relevant date may be: the date of the conviction or finding unless the offence is known to be
    listed only by its sentence, and the day of sentence unless it is known not to be (when that day is known)."""
    trigger = disposal.relevant_date
    if trigger is None:
        return ()
    limb = scope.lookup("listed_by_sentencing_condition")
    options = {trigger} if limb is not True else set()
    if limb is not False:
        if disposal.sentence_date is None:
            return ()
        options.add(disposal.sentence_date)
    return tuple(sorted(options))


def _trial(scope: Scope, builder: DecisionBuilder, disposal: Disposal) -> date | None:
    """s.82(5): for a finding of disability, the day a later trial for the offence concluded (None if none)."""
    if disposal.trigger != "disability_finding":
        return None
    end = evaluate_group(scope.book.group("notification.period.end"), scope)
    builder.record(end, disposal.id)
    return disposal.trial_concluded_on if end.outputs.get("ends_at_trial") else None


def _on(result: DisposalPeriod, as_of: date, last: date | None) -> bool | None:
    """Subject on ``as_of`` by a period beginning with the relevant date and ending on ``last`` (None: open)."""
    first = result.relevant_date
    if first is not None:
        return first <= as_of and (last is None or as_of <= last)
    days = result.relevant_candidates
    trigger = result.disposal.relevant_date
    if trigger is not None and as_of < trigger:
        return False
    if last is not None and as_of > last:
        return False
    return True if days and max(days) <= as_of else None


def _fixed(scope: Scope, builder: DecisionBuilder, result: DisposalPeriod, row: Any, as_of: date,
           trial: date | None) -> None:
    """Date a fixed period: from its first day, halved for an offender under 18 on the relevant date, cut short
    at a later trial (s.82(5)); or, where a date is unknown, the periods it may be."""
    book, disposal = scope.book, result.disposal
    base = _base_length(row, disposal)
    begins = _period_from(scope, builder, disposal)
    result.period_from = begins
    age = evaluate_group(book.group("notification.period.age"), scope)
    decided_age = builder.record(age, disposal.id)
    if begins is not None and decided_age:
        result.halved = bool(age.outputs["halved"])
        result.length = half_of(scope, begins, base) if result.halved else base
        end = period_last_day(scope, begins, result.length)
        _explain(builder, scope, disposal, begins, result.length, end)
        result.last_day = end if trial is None else min(end, trial)
        result.ended_at_trial = trial if trial is not None and trial < end else None
        result.subject_on = _on(result, as_of, result.last_day)
        return
    if begins is None and result.relevant_date is not None:
        # The day the period begins (a conditional discharge's order) is unknown, but it is not before the relevant
        # date, so the period runs at least to the day before the corresponding date after the relevant date.
        relevant = result.relevant_date
        at_least = None if row["halvable"] else last_day(relevant, base, conventions_at(scope))[0]
        result.last_day_at_least = at_least
        result.subject_on = False if as_of < relevant else (True if at_least and as_of <= at_least else None)
        return
    _candidate_periods(scope, result, row, base, as_of, trial)


def _period_from(scope: Scope, builder: DecisionBuilder, disposal: Disposal) -> date | None:
    """The first day of a fixed period (rule group ``notification.period.start``); None while unknown, naming the
    facts that would tell."""
    start = evaluate_group(scope.book.group("notification.period.start"), scope)
    builder.record(start, disposal.id)
    if start.fired is None:
        return None
    name = str(start.outputs["period_from"])
    value = scope.lookup(name)
    if value is UNKNOWN:
        for path in scope.gaps_of([name]):
            builder.add_missing(path, start.fired.id)
        return None
    assert isinstance(value, date)
    return value


def _candidate_periods(scope: Scope, result: DisposalPeriod, row: Any, base: Length, as_of: date,
                       trial: date | None) -> None:
    """Every period the disposal may give, for each possible relevant date and age on it; the status on the as-at
    date is decided when they all agree."""
    starts = (result.relevant_date,) if result.relevant_date is not None else result.relevant_candidates
    born = scope.case.person.date_of_birth
    adult: int = scope.param("notification.period.adult_age")
    conventions = conventions_at(scope)
    for start in starts:
        if not row["halvable"]:
            options = [False]
        elif born is not None:
            options = [age_on(born, start, conventions) < adult]
        else:
            options = [False, True]
        for halved in options:
            length = halve(start, base, conventions) if halved else base
            end, _ = last_day(start, length, conventions)
            if trial is not None:
                end = min(end, trial)
            words = "under 18" if halved else "18 or over"
            if len(starts) > 1:
                words = f"relevant date {start.isoformat()}" + (f", {words}" if len(options) > 1 else "")
            result.candidates.append(PeriodCandidate.model_construct(
                if_=words, relevant_date=start, length=str(length), period_last_day=end,
                subject_on_as_of=start <= as_of <= end))
    states = {c.subject_on_as_of for c in result.candidates}
    if len(states) == 1:
        result.subject_on = states.pop()
    elif not result.candidates:
        trigger = result.disposal.relevant_date
        result.subject_on = False if trigger is not None and as_of < trigger else None


def _base_length(outputs: Any, disposal: Disposal) -> Length:
    if outputs["row"] == "conditional_discharge":
        sentence = disposal.sentence
        assert sentence is not None and sentence.kind == "conditional_discharge"
        return sentence.period.length()
    return Length(years=int(outputs["years"]))


def _explain(builder: DecisionBuilder, scope: Scope, disposal: Disposal, begins: date, length: Length,
             end: date) -> None:
    parameter = scope.book.parameter(BEGINNING_WITH)
    builder.explain(make_reason(
        BEGINNING_WITH,
        "The period begins with its first day and ends on the day before the corresponding anniversary",
        Citation(instrument="Sexual Offences Act 2003", provision="s.82(1), (6)",
                 url="https://www.legislation.gov.uk/ukpga/2003/42/section/82"),
        parameter.status,
        "A period of {length} beginning with {period_from} ends on {period_last_day}.",
        {"length": str(length), "period_from": begins, "period_last_day": end},
        disposal.id,
    ))
