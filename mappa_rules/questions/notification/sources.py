"""What makes a person subject to the notification requirements, one source at a time, and what ends them.

A *source* is one thing that makes the person subject (SOA 2003 s.80(2): a "relevant offender"): a disposal
(ss.80-82), a civil order that brings notification (SA 2020 s.352; SOA 2003 ss.100, 103G, 107, 122I, 129), or a
status the case states ("registered since"). Each says from which day to which day it makes the person subject,
as exactly as the facts allow: a day known, or known only to lie between two days. The indefinite requirements
(s.91A(3)) end on a review (s.91C(4): on receipt of the notice of determination) or on appeal (s.91E(4): on the
date of the court's order); the day named is taken as the first day not subject.

:mod:`.status` gathers the sources into the one status every question reads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from ...decision import Citation, Reason, Status, Warning, make_reason
from ...engine import DecisionBuilder, Gap, RuleBook, Scope, evaluate_group
from ...facts import Case, ReviewApplication
from ...legal_time import Length, MissingDayRule, TimeConventions, corresponding_day, days_before
from ...vocabulary.notification import REVIEW_VALUES
from .subject import DisposalPeriod

__all__ = [
    "Bound",
    "RequirementsEnd",
    "Source",
    "apply_ends",
    "disposal_source",
    "no_end_before_qualifying",
    "requirements_ends",
    "stated_source",
    "within_scheme",
]

SCHEME = "notification.review.scheme_commencement"


@dataclass(frozen=True)
class Bound:
    """A day known exactly (``earliest == latest``), or known only to lie between two days; ``None`` on either
    side: no limit known on that side."""

    earliest: date | None = None
    latest: date | None = None

    @staticmethod
    def exact(day: date | None) -> Bound:
        return Bound(day, day)

    @property
    def day(self) -> date | None:
        """The day, when it is known exactly."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None


UNKNOWN_DAY = Bound()


@dataclass(frozen=True)
class RequirementsEnd:
    """The end of the indefinite requirements on a review or an appeal (SOA 2003 ss.91C(4), 91E(4)).

    ``day`` is the first day the person is not subject (the day of receipt of the notice, or of the court's order);
    when that day is unknown, ``not_before`` is the earliest it can be and ``gaps`` name the facts that would fix it.
    """

    day: date | None
    basis: str
    rule: str | None
    path: str
    not_before: date | None = None
    gaps: tuple[str, ...] = ()
    reason: Reason | None = None

    @property
    def earliest(self) -> date | None:
        """The earliest day the requirements may have ended."""
        return self.day if self.day is not None else self.not_before


@dataclass(frozen=True)
class Source:
    """One source of the notification requirements, with the days it makes the person subject.

    ``last.latest`` is ``None`` when no end is known (an indefinite period, an order until further order, or an end
    not yet known). ``certain`` is False while it is unknown whether the source makes the person subject at all.
    A stated status says nothing about the days before it (``silent_before``).
    """

    kind: Literal["disposal", "order", "stated"]
    ref: str
    path: str
    first: Bound
    last: Bound
    open_ended: bool | None
    indefinite: bool | None
    certain: bool = True
    relevant_date: date | None = None
    relevant_gaps: tuple[str, ...] = ()
    ended_by: RequirementsEnd | None = None
    stated: bool = False
    silent_before: bool = False
    gaps: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the source is named in answers: ``disposals.a``, ``orders.shpo1`` or ``stated.notification``."""
        return self.ref if self.kind == "stated" else f"{self.kind}s.{self.ref}"

    @property
    def decided(self) -> bool:
        """The days it makes the person subject are known."""
        return self.certain and self.first.day is not None and (self.open_ended is True or self.last.day is not None)

    def on(self, day: date) -> bool | None:
        """Whether this source makes the person subject on ``day``: True, False, or None (unknown)."""
        first, last = self.first, self.last
        if first.earliest is not None and day < first.earliest:
            return None if self.silent_before else False
        if last.latest is not None and day > last.latest and self.open_ended is not True:
            return False
        if not self.certain:
            return None
        if first.latest is not None and first.latest <= day and (
                self.open_ended is True or (last.earliest is not None and day <= last.earliest)):
            return True
        return None

    def ends_after(self) -> date:
        """For ordering sources by when they end: the latest possible last day (``date.max`` when open)."""
        if self.open_ended is not False or self.last.latest is None:
            return date.max
        return self.last.latest


def disposal_source(case: Case, period: DisposalPeriod) -> Source | None:
    """The source a disposal gives, or None when it does not make the person subject."""
    if period.subject is False:
        return None
    disposal = period.disposal
    path = f"disposals[{case.position(disposal)}]"
    relevant = period.relevant_date
    candidates = period.relevant_candidates or ((relevant,) if relevant is not None else ())
    trigger = disposal.relevant_date
    first = Bound(min(candidates), max(candidates)) if candidates else Bound(trigger, None)
    relevant_gaps = () if relevant is not None else (f"{path}.relevant_date",)
    common: dict[str, Any] = {"kind": "disposal", "ref": disposal.id, "path": path, "first": first,
                              "relevant_date": relevant, "relevant_gaps": relevant_gaps}
    if period.subject is None:
        return Source(last=UNKNOWN_DAY, open_ended=None, indefinite=None, certain=False, **common)
    if period.ended_at_trial is not None:
        return Source(last=Bound.exact(period.ended_at_trial), open_ended=False, indefinite=False, **common)
    if period.indefinite:
        return Source(last=UNKNOWN_DAY, open_ended=True, indefinite=True, **common)
    if period.last_day is not None:
        return Source(last=Bound.exact(period.last_day), open_ended=False, indefinite=period.indefinite, **common)
    ends = [c.period_last_day for c in period.candidates]
    if ends:
        return Source(last=Bound(min(ends), max(ends)), open_ended=False, indefinite=False, **common)
    at_least = period.last_day_at_least
    return Source(last=Bound(at_least, None), open_ended=None if period.indefinite is None else False,
                  indefinite=period.indefinite, **common)


def stated_source(case: Case) -> tuple[Source, Reason] | None:
    """The source a stated status gives ("subject to notification since D, indefinitely or until E"), and the reason
    that says so, marked as stated."""
    stated = case.stated.notification
    if stated is None:
        return None
    until = stated.until
    indefinite = stated.indefinite if stated.indefinite is not None else False
    source = Source(
        kind="stated", ref="stated.notification", path="stated.notification", first=Bound.exact(stated.since),
        last=UNKNOWN_DAY if until is None else Bound.exact(until), open_ended=until is None, indefinite=indefinite,
        relevant_date=stated.relevant_date,
        relevant_gaps=() if stated.relevant_date is not None else ("stated.notification.relevant_date",),
        stated=True, silent_before=True,
    )
    spell = "indefinitely" if until is None else f"until and including {until.isoformat()}"
    facts: dict[str, Any] = {"path": "stated.notification", "since": stated.since, "indefinite": indefinite,
                             "until": until, "relevant_date": stated.relevant_date}
    reason = make_reason(
        "stated.notification", "Subject to the notification requirements, as stated",
        Citation(instrument="Sexual Offences Act 2003", provision="s.80(2)",
                 url="https://www.legislation.gov.uk/ukpga/2003/42/section/80"),
        Status.VERIFIED, "Stated: subject to the notification requirements since {since}, " + spell + ".",
        facts, "stated.notification", stated=True)
    return source, reason


def requirements_ends(case: Case, builder: DecisionBuilder) -> list[RequirementsEnd]:
    """For each application for review, whether it ended the indefinite requirements and on which day (rule group
    ``notification.review.end``); an end whose day is not known is given with the earliest day it can be. Steps
    dated before the review scheme came into force are set aside (:func:`within_scheme`)."""
    ends: list[RequirementsEnd] = []
    if not case.review.applications:
        return ends
    scheme: date = builder.book.parameter(SCHEME).value_at(builder.as_of)
    for index, application in enumerate(within_scheme(case, scheme, builder)):
        end = _application_end(case, index, application, builder, scheme)
        if end is not None:
            ends.append(end)
    return sorted(ends, key=lambda e: e.earliest or date.max)


def within_scheme(case: Case, scheme: date, builder: DecisionBuilder) -> list[ReviewApplication]:
    """The applications for review with each step dated before the review scheme came into force set aside, as a
    day not known (no application could be received, determined or appealed then: SI 2012/1883 art 1(1)), and a
    warning naming them."""
    applications: list[ReviewApplication] = []
    shown: list[str] = []
    for index, application in enumerate(case.review.applications):
        kept, early = _set_aside(application, scheme)
        applications.append(kept)
        shown += [f"review.applications[{index}].{name}" for name in early]
    if shown:
        builder.warnings.setdefault(SCHEME, Warning(
            code=SCHEME, citation=builder.book.parameter(SCHEME).citation,
            message=f"{', '.join(shown)}: before the review scheme came into force on {scheme.isoformat()}, when "
                    "no application for review could be made, determined or appealed; set aside, as not known."))
    return applications


def _set_aside(application: ReviewApplication, scheme: date) -> tuple[ReviewApplication, list[str]]:
    steps = {"received": application.received, "determination_date": application.determination_date,
             "notice_received": application.notice_received}
    early = [name for name, day in steps.items() if day is not None and day < scheme]
    if any(day < scheme for day in application.bodies_notified_on or ()):
        early.append("bodies_notified_on")
    appeal = application.appeal
    on_appeal = [] if appeal is None else [
        name for name in ("lodged", "order_date") if (day := getattr(appeal, name)) is not None and day < scheme]
    if not early and not on_appeal:
        return application, []
    update: dict[str, Any] = dict.fromkeys(early)
    if appeal is not None and on_appeal:
        update["appeal"] = appeal.model_copy(update=dict.fromkeys(on_appeal))
    return application.model_copy(update=update), early + [f"appeal.{name}" for name in on_appeal]


def _application_end(case: Case, index: int, application: ReviewApplication, builder: DecisionBuilder,
                     scheme: date) -> RequirementsEnd | None:
    path = f"review.applications[{index}]"
    appeal = application.appeal
    values: dict[str, Any] = {
        "determination": _known(application.determination, f"{path}.determination"),
        "determination_date": _known(application.determination_date, f"{path}.determination_date"),
        "notice_received": _known(application.notice_received, f"{path}.notice_received"),
        "appeal_outcome": "none" if appeal is None else _known(appeal.outcome, f"{path}.appeal.outcome"),
        "appeal_order_date": Gap((f"{path}.appeal.order_date",)) if appeal is None or appeal.order_date is None
        else appeal.order_date,
    }
    known = [d for d in (application.received, application.determination_date, application.notice_received) if d]
    scope = Scope(builder.book, max([scheme, *known]), REVIEW_VALUES, case, values, builder.warnings)
    result = evaluate_group(builder.book.group("notification.review.end"), scope)
    if result.decided and result.fired is not None:
        if not result.outputs.get("ends"):
            builder.record(result, path)
            return None
        on = scope.lookup(str(result.outputs["ends_on"]))
        reason = result.reason(path)
        basis = str(result.outputs["basis"])
        if isinstance(on, date):
            return RequirementsEnd(on, basis, result.fired.id, path, reason=reason)
        gaps = scope.gaps_of([str(result.outputs["ends_on"])])
        steps = [application.determination_date, application.received]
        if basis != "s.91C(4)":
            steps += [appeal.lodged if appeal else None, application.notice_received]
        # The earliest day the end can be: the latest known step before it, and never before applications could
        # first be made (the scheme's commencement): an end with no date could fall on any day after that.
        after = max([scheme, *(day for day in steps if day is not None)])
        return RequirementsEnd(None, basis, result.fired.id, path, not_before=after, gaps=gaps, reason=reason)
    # Undetermined: the requirements may have ended, from a day no earlier than the application was received.
    return RequirementsEnd(None, "s.91C(4)", None, path, not_before=max(scheme, application.received or scheme),
                           gaps=tuple(result.missing()) or (f"{path}.determination",))


def no_end_before_qualifying(ends: list[RequirementsEnd], sources: list[Source], book: RuleBook,
                             as_of: date) -> list[RequirementsEnd]:
    """The ends whose day is unknown, none earlier than the first day any application for review could have been
    made (SOA 2003 s.91B(1)-(2)): on or after the qualifying date, the day after the end of 8 years (under 18 on
    the relevant date) or 15 years beginning with the relevant notification, which is given on or after the
    relevant date. So no review or appeal can end the requirements before the shortest of those periods has run
    from the earliest relevant date of any source that may be indefinite; where such a source's relevant date is
    not known, or no s.91B(2) rule is in force, the ends stand as they are."""
    starts: list[date] = []
    for source in sources:
        if source.indefinite is False:
            continue
        start = source.relevant_date or (source.first.earliest if source.kind == "disposal" else None)
        if start is None:
            return ends
        starts.append(start)
    years = [int(r.then["years"]) for r in book.group("notification.review.period").rules if r.in_force(as_of)]
    if not starts or not years:
        return ends
    # The earliest anniversary the calendar allows (29 February read as 28 February), so never a day too late.
    floor, _ = corresponding_day(min(starts), Length(years=min(years)),
                                 TimeConventions(missing_day=MissingDayRule.LAST_DAY))
    return [replace(end, not_before=max(end.not_before or floor, floor)) if end.day is None else end
            for end in ends]


def _known(value: Any, path: str) -> Any:
    return Gap((path,)) if value is None else value


def apply_ends(sources: list[Source], ends: list[RequirementsEnd]) -> list[Source]:
    """The sources as the ends of the indefinite requirements leave them: an indefinite source that began before an
    end day stops the day before it (s.91A(3): only the indefinite requirements end; a fixed period, an order or a
    later conviction is untouched). An end whose day is unknown leaves the source's last day unknown from the
    earliest day it can be."""
    result = []
    for source in sources:
        for end in ends:
            source = _cut(source, end)
        result.append(source)
    return result


def _cut(source: Source, end: RequirementsEnd) -> Source:
    if source.indefinite is not True or source.open_ended is False or not source.certain:
        return source
    earliest, began = end.earliest, source.first.earliest
    if earliest is None or (began is not None and end.day is not None and began >= end.day):
        return source  # an end on a known day before the source began leaves it untouched
    gaps = tuple(dict.fromkeys(source.gaps + end.gaps))
    if end.day is not None and source.first.latest is not None and source.first.latest < end.day:
        last_day = days_before(end.day, 1)
        lower = last_day if source.open_ended is True else min(source.last.earliest or last_day, last_day)
        return replace(source, last=Bound(lower, last_day), open_ended=False, ended_by=end, gaps=gaps)
    # The end's day, or whether it comes after the source began, is unknown: no known last day from then (an end
    # whose day is unknown may fall after a source that began after the earliest day it can be).
    lower = days_before(earliest if began is None else max(earliest, began), 1)
    if source.last.earliest is not None:
        lower = min(lower, source.last.earliest)
    return replace(source, last=Bound(lower, None), open_ended=None, ended_by=end, gaps=gaps)
