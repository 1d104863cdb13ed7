"""Whether each notification duty was met, as at a date: met on time, met late (and by how many days), not met, still
due, or unknown (SOA 2003 ss.83(1), 84(1), 84(4)(b), 85(1), 86; SI 2004/1220 regs 5, 7, 8; s.91(1)(a), (3)).

Each duty question describes its duties as :class:`DutySpec` (the day it opens, its last day, or that its clock is
stopped or its last day undetermined) and :func:`assess` answers for all of them at once:

* ``notification.compliance.match`` (``rulesets/notification/compliance.yaml``) says which kinds of notification
  meet a duty; some kinds count only on a declared reading (the rule's ``reading``), computed both ways where a
  notification of such a kind is what would meet a duty, and warned where the result differs;
* the first notification of those kinds given on or after the day the duty opens and by the as-at date meets it
  (notifications dated later are not yet given; the notifications listed are the record). One notification may
  meet several duties (``notification.compliance.one_notification_meets_every_open_duty``, tested both ways where
  it does);
* ``notification.compliance.status`` gives the status: on time is on or before the last day, lateness is counted
  by :func:`mappa_rules.legal_time.days_late` (the one owner of legal time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field

from ...decision import TypedValue
from ...engine.evaluator import Gap, GroupResult, Scope, evaluate_group
from ...facts import Case
from ...legal_time import days_late, notified_in_time
from ...legal_time.conventions import sensitive
from ...vocabulary.notification import COMPLIANCE_VALUES
from .duties import DutyBuilder

__all__ = ["STATUSES", "DutyCompliance", "DutySpec", "Given", "assess", "compliance_lines", "missing_since",
           "notifications_given", "status_detail", "status_words"]

MATCH = "notification.compliance.match"
STATUS = "notification.compliance.status"
SHARED = "notification.compliance.one_notification_meets_every_open_duty"
PRESCRIBED_DAYS = "notification.change.prescribed_information_days"
"""Its first day is 13 August 2012, from which a notification of a prescribed change (s.84(1)(ca)) can be given."""
STATUSES = ("met", "met_late", "not_met", "due", "unknown")


class DutyCompliance(TypedValue):
    """Whether one duty was met, as at the date asked about (SOA 2003 s.91(1)(a), (3))."""

    duty: str = Field(description="The duty's id, stable across dates: <kind>/<subject>, e.g. initial/a, "
                      "change/move, release/out, non_occurrence/move, periodic/2017-10-20 (the day of the event it "
                      "follows), travel/spain, travel_change/spain, travel_return/spain.")
    kind: str = Field(description="initial, change, release, non_occurrence, periodic, travel, travel_change or "
                      "travel_return.")
    status: str = Field(description="met (on or before the last day), met_late, not_met (the last day has passed "
                        "and no notification meets it by the as-at date), due (the last day has not passed, or the "
                        "clock is stopped, and it is not yet met) or unknown (see missing).")
    opens: date | None = Field(description="The first day a notification meets it (null: any day, for notice of a "
                               "trip).")
    deadline: date | None = Field(description="Its last day; null while the clock is stopped or undetermined.")
    follows: date | None = Field(default=None, description="For a periodic duty: the day of the event it follows.")
    met_by: str | None = Field(description="The notification that met it: notifications[i], or trips[i].notified_on, "
                               ".change_notified_on, .return_notified_on; for a duty under the 1997 Act stated as "
                               "complied with, disposals[i].soa1997_complied (met_on null).")
    met_on: date | None = Field(description="The day of that notification.")
    days_late: int | None = Field(description="For met (0) or met_late: the days from the day after the last day to "
                                  "the notification, both counted.")
    days_overdue: int | None = Field(description="For not_met: the days from the day after the last day to the as-at "
                                     "date, both counted.")
    rule: str | None = Field(description="The rule of notification.compliance.status that gave the status.")
    matched_by: str | None = Field(description="The rule of notification.compliance.match that says which "
                                   "notifications meet it.")
    missing: list[str] = Field(description="For unknown: the facts that would decide it.")


def status_words(compliance: DutyCompliance) -> str:
    """The status in a few words, as the text renderer shows it: "met", "met 3 days late", "NOT MET", "due" or
    "unknown"."""
    status = compliance.status
    if status == "met_late":
        days = compliance.days_late or 0
        if not days:  # on the last day, after the clock time the regulations fix on it
            return "met late (after the time on its last day)"
        return f"met {days} day{'' if days == 1 else 's'} late"
    if status == "not_met":
        return "NOT MET"
    return status


def status_detail(compliance: DutyCompliance) -> str:
    """The status with what supports it: "met (2016-10-20)", "met 3 days late (2016-10-24)", "NOT MET (11 days
    overdue)", "due", "unknown (needs trips[0].notified_by_latest_time)"."""
    words, status = status_words(compliance), compliance.status
    if status in ("met", "met_late"):
        return f"{words} ({compliance.met_on or compliance.met_by})"
    if status == "not_met" and compliance.days_overdue is not None:
        return f"{words} ({compliance.days_overdue} day{'' if compliance.days_overdue == 1 else 's'} overdue)"
    if status == "unknown" and compliance.missing:
        return f"{words} (needs {', '.join(compliance.missing)})"
    return words


def compliance_lines(found: Iterable[DutyCompliance | None]) -> list[str]:
    """For the text renderer: each duty's status, one line each, with its last day."""
    rows = [c for c in found if c is not None]
    if not rows:
        return []
    lines = ["Duties met?"]
    for row in rows:
        last = row.deadline.isoformat() if row.deadline else "not yet running or unknown"
        lines.append(f"  {row.duty}: {status_detail(row)}  (last day {last})")
    return lines


@dataclass(frozen=True)
class Given:
    """A notification given: its day, its kind (a kind of ``notifications[]``, or trip_notice, trip_change_notice,
    trip_return_notice for the notices a trip records) and where the case records it."""

    day: date
    kind: str
    path: str


@dataclass
class DutySpec:
    """One duty as its question worked it out: when it opens, its last day (``running`` False: the clock is stopped;
    None: undetermined, ``gaps`` naming what would decide it), and what it is about. ``stated``: the fact by which
    the case states the duty was complied with, where it gives no notification (the 1997 Act's, s.83(3))."""

    kind: str
    subject: str
    name: str
    as_at: date
    opens: date | None
    deadline: date | None
    running: bool | None = True
    gaps: tuple[str, ...] = ()
    event_kind: str | None = None
    follows: date | None = None
    pool: str | None = None
    own: tuple[Given, ...] | None = None
    on_last_day: bool | Gap = True
    key: str | None = None
    stated: str | None = None

    @property
    def ident(self) -> str:
        """The duty's id: its kind and what it is about (``key``, else the subject of its reasons)."""
        return f"{self.kind}/{self.key or self.subject}"


@dataclass(frozen=True)
class _Match:
    """What ``notification.compliance.match`` says of one duty."""

    rule: str | None
    meets: frozenset[str]
    also: frozenset[str]
    reading: str | None


def notifications_given(case: Case, as_of: date, book_start: Callable[[str], date]) -> list[Given]:
    """The notifications listed, given by ``as_of``, oldest first; one of a prescribed change dated before such
    changes were prescribed (13 August 2012) is none."""
    prescribed_from = book_start(PRESCRIBED_DAYS)
    found = sorted((n.date, i, n.kind) for i, n in enumerate(case.notifications)
                   if n.date <= as_of and not (n.kind == "prescribed_information" and n.date < prescribed_from))
    return [Given(day, kind, f"notifications[{i}]") for day, i, kind in found]


def missing_since(builder: DutyBuilder, start: int) -> tuple[str, ...]:
    """The missing facts the builder recorded since it held ``start`` of them (what a duty worked out then lacks)."""
    return tuple(m.fact for m in builder.missing[start:])


def assess(builder: DutyBuilder, case: Case, as_of: date, specs: Sequence[DutySpec]) -> list[DutyCompliance]:
    """The compliance of each duty in ``specs`` as at ``as_of``, adding the reasons and any warning to ``builder``."""
    if not specs:
        return []
    book = builder.book
    given = notifications_given(case, as_of, lambda ident: book.parameter(ident).starts[0])
    known: dict[tuple[str, str | None], GroupResult] = {}
    matches = [_match(builder, case, spec, known) if spec.running is not None else None for spec in specs]
    scope = Scope(book, as_of, COMPLIANCE_VALUES, case, {}, builder.warnings)
    readings: dict[str, bool] = {}
    for reading in sorted({m.reading for m in matches if m is not None and m.reading}):
        readings[reading] = bool(book.parameter(reading).value_at(as_of))

    def firsts(values: Mapping[str, bool], shared: bool) -> list[Given | None]:
        return _firsts(specs, matches, given, values, shared)

    def under(reading: str, concerned: list[int]) -> Callable[[Any], _Shown]:
        return lambda value: _shown(specs, firsts({**readings, reading: bool(value)}, True), concerned)

    for reading in readings:  # tested for its effect only where a notification of a kind it adds could count
        concerned = [i for i, m in enumerate(matches) if m is not None and m.reading == reading]
        if any(g.kind in (matches[i] or _NONE).also for i in concerned for g in _candidates(specs[i], given)):
            sensitive(scope, reading, under(reading, concerned), str)
    shared = bool(book.parameter(SHARED).value_at(max(as_of, book.parameter(SHARED).starts[0])))
    if _shares(specs, firsts(readings, True)):
        every = list(range(len(specs)))
        sensitive(scope, SHARED, lambda value: _shown(specs, firsts(readings, bool(value)), every), str)
    found = firsts(readings, shared)
    return [_status(builder, case, as_of, spec, match, first)
            for spec, match, first in zip(specs, matches, found, strict=True)]


_NONE = _Match(None, frozenset(), frozenset(), None)


def _match(builder: DutyBuilder, case: Case, spec: DutySpec, known: dict[tuple[str, str | None], GroupResult]
           ) -> _Match:
    """What ``notification.compliance.match`` says of the duty; its reason (a general statement of which
    notifications meet duties of the kind) is given once for each rule."""
    key = (spec.kind, spec.event_kind)
    cached = known.get(key)
    rule = None if cached is None else cached.fired
    if rule is None or not (rule.start <= spec.as_at and (rule.end is None or spec.as_at <= rule.end)):
        values = {"duty_kind": spec.kind, "event_kind": spec.event_kind or Gap(())}
        scope = Scope(builder.book, spec.as_at, COMPLIANCE_VALUES, case, values, builder.warnings)
        result = known[key] = evaluate_group(builder.book.group(MATCH), scope)
        rule = result.fired
        if rule is None:
            return _NONE
        builder.explain(result.reason(None))
    out = rule.then
    return _Match(rule.id, frozenset(out["meets"]), frozenset(out["also_meets"]), out.get("reading"))


def _candidates(spec: DutySpec, given: list[Given]) -> list[Given]:
    """The notifications given on or after the day the duty opens (for a trip, the notices it records)."""
    pool = given if spec.own is None else sorted(spec.own, key=lambda g: g.day)
    return [g for g in pool if spec.opens is None or g.day >= spec.opens]


def _firsts(specs: Sequence[DutySpec], matches: Sequence[_Match | None], given: list[Given],
            readings: Mapping[str, bool], shared: bool) -> list[Given | None]:
    """The first notification that meets each duty: every duty its own first (``shared``), or each notification
    meeting the duties of its pool that opened on one day only (the convictions of one relevant date, the changes
    of one day), the duties taken in the order they opened."""
    kinds = [frozenset() if m is None else m.meets | (m.also if m.reading and readings.get(m.reading) else frozenset())
             for m in matches]
    candidates = [[g for g in _candidates(s, given) if g.kind in k] if m is not None else []
                  for s, m, k in zip(specs, matches, kinds, strict=True)]
    if shared:
        return [c[0] if c else None for c in candidates]
    found: list[Given | None] = [None] * len(specs)
    taken: dict[tuple[str, str], date | None] = {}
    order = sorted(range(len(specs)), key=lambda i: (specs[i].opens or date.min, specs[i].deadline or date.max, i))
    for i in order:
        pool, opens = specs[i].pool, specs[i].opens
        pick = next((g for g in candidates[i] if pool is None or taken.get((pool, g.path), opens) == opens), None)
        if pick is not None and pool is not None:
            taken[(pool, pick.path)] = opens
        found[i] = pick
    return found


def _shares(specs: Sequence[DutySpec], found: Sequence[Given | None]) -> bool:
    """Whether one notification is the first to meet two or more duties of one pool."""
    seen: set[tuple[str, str]] = set()
    for spec, first in zip(specs, found, strict=True):
        if spec.pool is None or first is None:
            continue
        if (spec.pool, first.path) in seen:
            return True
        seen.add((spec.pool, first.path))
    return False


@dataclass(frozen=True)
class _Shown:
    """Whether some duties were met, and how late, compared between two readings and put in words."""

    items: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return "; ".join(f"{ident} {words}" for ident, words in self.items)


def _shown(specs: Sequence[DutySpec], found: Sequence[Given | None], which: Sequence[int]) -> _Shown:
    return _Shown(tuple((specs[i].ident, _met(specs[i], found[i])) for i in which))


def _met(spec: DutySpec, first: Given | None) -> str:
    """Whether a notification meets the duty, in words, for comparing two readings: not met, met on time, or met
    late by so many days."""
    if first is None:
        return "met by no notification"
    if spec.deadline is None or first.day <= spec.deadline:
        return "met on time"
    return f"met {days_late(spec.deadline, first.day)} day(s) late"


def _status(builder: DutyBuilder, case: Case, as_of: date, spec: DutySpec, match: _Match | None,
            first: Given | None) -> DutyCompliance:
    """Run ``notification.compliance.status`` for one duty and give its compliance."""
    made = DutyCompliance.model_construct
    common: dict[str, Any] = {"duty": spec.ident, "kind": spec.kind, "opens": spec.opens, "deadline": spec.deadline,
                              "follows": spec.follows, "matched_by": None if match is None else match.rule}
    if match is None or match.rule is None:
        return made(**common, status="unknown", met_by=None, met_on=None, days_late=None, days_overdue=None,
                    rule=None, missing=list(spec.gaps))
    stopped = spec.running is False or spec.deadline is None
    deadline = spec.deadline
    late = None if first is None or deadline is None else days_late(deadline, first.day)
    overdue = None if deadline is None or first is not None else days_late(deadline, as_of)
    stated = first is None and spec.stated is not None
    values: dict[str, Any] = {
        "duty_name": spec.name, "duty_kind": spec.kind, "event_kind": spec.event_kind or Gap(()),
        "notified": first is not None or stated,
        "notified_on": f"a day the case does not give ({spec.stated})" if stated else (
            Gap(()) if first is None else first.day),
        "in_time": True if stated else _in_time(spec, first, stopped),
        "last_day_passed": not stopped and as_of > (deadline or as_of),
        "deadline": "not yet running" if stopped else deadline, "days_late": Gap(()) if late is None else late,
        "days_overdue": Gap(()) if overdue is None else overdue, "as_of": as_of,
    }
    scope = Scope(builder.book, spec.as_at, COMPLIANCE_VALUES, case, values, builder.warnings)
    result: GroupResult = evaluate_group(builder.book.group(STATUS), scope)
    if result.fired is None:
        return made(**common, status="unknown", met_by=None if first is None else first.path,
                    met_on=None if first is None else first.day, days_late=None, days_overdue=None, rule=None,
                    missing=result.missing() or list(spec.gaps))
    builder.explain(result.reason(spec.subject))
    status = str(result.outputs["status"])
    if stated:
        return made(**common, status=status, met_by=spec.stated, met_on=None, days_late=None, days_overdue=None,
                    rule=result.fired.id, missing=[])
    return made(**common, status=status, met_by=None if first is None else first.path,
                met_on=None if first is None else first.day,
                days_late=late if status in ("met", "met_late") else None,
                days_overdue=overdue if status == "not_met" else None, rule=result.fired.id, missing=[])


def _in_time(spec: DutySpec, first: Given | None, stopped: bool) -> bool | Gap:
    """Whether the first notification meeting the duty came on or before its last day: given while the clock was
    stopped, it did; on the last day itself, unless a clock time on that day decides it (``on_last_day``)."""
    if first is None:
        return Gap(())
    if stopped or spec.deadline is None:
        return True
    if first.day == spec.deadline:
        return spec.on_last_day
    return notified_in_time(first.day, spec.deadline)
