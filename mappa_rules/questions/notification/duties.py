"""Machinery shared by the notification-duty questions (SOA 2003 ss.83-86, 91A-91F).

* Disregarded time: the case's ``intervals`` (custody, service custody, hospital, outside the UK) are the time
  that ss.83(6), 84(5) and 85(4) disregard; every deadline that counts days around them goes through
  :func:`mappa_rules.legal_time.last_day_disregarding` and records the part-day convention when an interval
  touches the period.
* Whether the person is a relevant offender on a given day follows from the ``notification.period`` rules for each
  disposal, worked out once per question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...decision import Citation, Decision, Outcome
from ...engine import DecisionBuilder, RuleBook
from ...engine.evaluator import GroupResult, Scope, evaluate_group
from ...facts import Case
from ...legal_time import DateRange, Length, disregarded_days, last_day_skipping
from ...legal_time.conventions import BEGINNING_WITH, PARTIAL_DAY, conventions_at, rely_on
from .subject import NotificationStatus, evaluate_disposal

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
    interval stops the clock. Records the conventions it relies on."""
    conventions = conventions_at(scope)
    spans = case.derived(f"disregarded days {conventions.partial_day.value}",
                         lambda c: disregarded_days(disregarded(c), conventions))
    end = last_day_skipping(start, days, spans)
    rely_on(scope, BEGINNING_WITH)
    if touches(case, start, end):
        rely_on(scope, PARTIAL_DAY)
    return end


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
class DutyBuilder(DecisionBuilder):
    """A decision builder for the duty questions: it also keeps the person's notification status once worked
    out, so that questions answered together (the timeline) work it out only once."""

    status: NotificationStatus | None = None


def notification_status(case: Case, as_of: date, builder: DutyBuilder) -> NotificationStatus:
    """Run the ``notification.period`` rules for every disposal (once per builder), keeping their reasons aside."""
    if builder.status is None:
        scratch = DecisionBuilder(builder.question, as_of, builder.book, warnings=builder.warnings)
        periods = [evaluate_disposal(case, d, as_of, scratch) for d in case.disposals]
        builder.status = NotificationStatus(periods, scratch.reasons, scratch.missing, scratch.silent)
    return builder.status


def status_on_demand(case: Case, as_of: date, builder: DutyBuilder) -> Callable[[], NotificationStatus]:
    """The person's notification status, worked out on first use and then adopted into ``builder``."""

    adopted: list[NotificationStatus] = []

    def get() -> NotificationStatus:
        status = notification_status(case, as_of, builder)
        if not adopted:
            status.adopt(builder)
            adopted.append(status)
        return status

    return get


@dataclass
class Answer:
    """A question's outcome, value and key dates, before they are assembled into a decision."""

    outcome: Outcome
    value: dict[str, Any]
    dates: dict[str, date] = field(default_factory=dict)

    def build(self, builder: DecisionBuilder) -> Decision:
        return builder.build(self.outcome, self.value, self.dates)


def label(prefix: str, index: int, ident: str | None) -> str:
    """How an item of a list is named in reasons: its id, or its path."""
    return ident or f"{prefix}[{index}]"
