"""Machinery shared by the notification-duty questions (SOA 2003 ss.83-86, 91A-91F).

* Disregarded time: the case's ``intervals`` (custody, service custody, hospital, outside the UK) are the time
  that ss.83(6), 84(5) and 85(4) disregard; every deadline that counts days around them goes through
  :func:`mappa_rules.legal_time.last_day_disregarding`; where an interval touches the period, the deadline is
  worked out under both part-day readings and a differing date is warned.
* Whether the person is a relevant offender on a given day is the shared notification status (:mod:`.status`),
  worked out once per question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar, cast

from ...decision import Citation, Decision, Outcome, TypedValue
from ...engine import DecisionBuilder, RuleBook
from ...engine.evaluator import GroupResult, Scope, evaluate_group
from ...facts import Case
from ...legal_time import DateRange, Length, TimeConventions, disregarded_days, last_day_skipping
from ...legal_time.conventions import BEGINNING_WITH, PARTIAL_DAY, conventions_at, rely_on, under
from ...rulebook import default_rulebook
from .status import NotificationStatus, StatusBuilder, notification_status

SOA_2003 = "Sexual Offences Act 2003"


def soa_citation(section: str, provision: str) -> Citation:
    """A citation of a section of the Sexual Offences Act 2003 on legislation.gov.uk."""
    return Citation(instrument=SOA_2003, provision=provision,
                    url=f"https://www.legislation.gov.uk/ukpga/2003/42/section/{section}")


def disregarded(case: Case) -> list[DateRange]:
    """The intervals that ss.83(6), 84(5) and 85(4) disregard, as date ranges (an open one still continues)."""
    return case.derived("disregarded intervals", lambda c: [DateRange(i.start, i.end) for i in c.intervals])


def touches(case: Case, first: date, last: date | None) -> bool:
    """Whether any interval of the case shares a day with ``first``..``last`` (``last`` None: open-ended)."""
    return any((last is None or i.start <= last) and (i.end is None or i.end >= first) for i in case.intervals)


def deadline_disregarding(scope: Scope, case: Case, start: date, days: int) -> date | None:
    """Last day of ``days`` days beginning with ``start``, disregarding the case's intervals; None while an open
    interval stops the clock. Records the conventions it relies on; where an interval touches the period, the
    part-day convention is warned if counting the part-days would give another day."""
    end = _last_day(case, start, days, conventions_at(scope))
    rely_on(scope, BEGINNING_WITH)
    if touches(case, start, end):
        end = under(scope, PARTIAL_DAY, lambda c: _last_day(case, start, days, c), show_deadline)
    return end


def _last_day(case: Case, start: date, days: int, conventions: TimeConventions) -> date | None:
    """:func:`~mappa_rules.legal_time.last_day_disregarding` over the case's intervals, their disregarded days merged
    once per case and part-day reading."""
    spans = case.derived(f"disregarded days {conventions.partial_day.value}",
                         lambda c: disregarded_days(disregarded(c), conventions))
    return last_day_skipping(start, days, spans)


def show_deadline(day: date | None) -> str:
    """A deadline in words: its date, or that it is not yet running (an interval with no end stops the clock)."""
    return "not yet running" if day is None else day.isoformat()


def length_of(value: Mapping[str, int]) -> Length:
    """A parameter value written ``{years: Y, months: M, weeks: W, days: D}`` as a length (a week is 7 days)."""
    return Length(years=value.get("years", 0), months=value.get("months", 0),
                  days=value.get("weeks", 0) * 7 + value.get("days", 0))


def run_group(book: RuleBook, group: str, scope: Scope, builder: DecisionBuilder, subject: str | None) -> GroupResult:
    """Evaluate one rule group and record its reason or missing facts."""
    result = evaluate_group(book.group(group), scope)
    builder.record(result, subject)
    return result


@dataclass
class DutyBuilder(StatusBuilder):
    """A decision builder for the duty questions: it keeps the person's notification status once worked out
    (:class:`~.status.StatusBuilder`), so that questions answered together (the timeline) work it out only once."""


def status_on_demand(case: Case, as_of: date, builder: DutyBuilder) -> Callable[[], NotificationStatus]:
    """The person's notification status (:mod:`.status`), worked out on first use and then adopted into
    ``builder``."""

    adopted: list[NotificationStatus] = []

    def get() -> NotificationStatus:
        status = notification_status(case, as_of, builder)
        if not adopted:
            status.adopt(builder)
            adopted.append(status)
        return status

    return get


V = TypeVar("V", bound=TypedValue)
D = TypeVar("D", bound="Duty")


@dataclass
class Answer(Generic[V]):
    """A question's outcome, value and key dates, before they are assembled into a decision."""

    outcome: Outcome
    value: V
    dates: dict[str, date] = field(default_factory=dict)

    def build(self, builder: DecisionBuilder) -> Decision[V]:
        return builder.build(self.outcome, self.value, self.dates)


class Duty(Protocol):
    """What one item of a list (a disposal, a change, a trip) requires, as each duty question works it out."""

    @property
    def decided(self) -> bool: ...

    def as_value(self) -> TypedValue: ...


def answer_each(
    builder: DutyBuilder, listed: str, key: str, duties: Sequence[D], value: type[V],
    conclude: Callable[[dict[str, Any], dict[str, date]], bool],
) -> Answer[V]:
    """The answer of a question asked of each item of the case's list ``listed`` (disposals, changes, trips), their
    values under ``key``: undetermined, naming the list, when it is empty; undetermined while any item is;
    otherwise yes if ``conclude`` (which adds the question's own fields and key dates) finds something due."""
    fields: dict[str, Any] = {key: [d.as_value() for d in duties]}
    if not duties:
        builder.add_missing(listed, builder.question)
        return Answer(Outcome.UNDETERMINED, cast(V, value.model_construct(**fields)))
    dates: dict[str, date] = {}
    due = conclude(fields, dates)
    outcome = (Outcome.YES if due else Outcome.NO) if all(d.decided for d in duties) else Outcome.UNDETERMINED
    return Answer(outcome, cast(V, value.model_construct(**fields)), dates)


def decide(
    question: str, as_of: date, book: RuleBook | None, answer: Callable[[DutyBuilder], Answer[V]]
) -> Decision[V]:
    """A duty question's decision: its answer, with the reasons, missing facts and warnings gathered on the way."""
    builder = DutyBuilder(question, as_of, book or default_rulebook())
    return answer(builder).build(builder)


@dataclass(frozen=True)
class Step:
    """One dated (or pending: no day yet) step a duty gives, for the timeline; for a duty of the person, whether it
    was met (its ``DutyCompliance``, :mod:`.compliance`)."""

    day: date | None
    kind: str
    rule: str
    subject: str | None
    what: str
    compliance: TypedValue | None = None


def label(prefix: str, index: int, ident: str | None) -> str:
    """How an item of a list is named in reasons: its id, or its path."""
    return ident or f"{prefix}[{index}]"
