"""The compliance monitor: dated events for many people in, alerts out.

For each event the monitor updates the person's facts, asks the core questions as at the event's date
(``timeline`` for the duties, ``mappa_category``, ``mappa_level``, ``civil_orders``), and takes one step through
the durable-rules ruleset (:mod:`.rulesets`) with the person's open duties, the notifications that may meet them,
and the clock. The legal dates always come from the core; the rules decide what the events do to the duties.

Time is the events' own dates: the clock is the latest date read, and it only moves forward. Each person has a
*wake-up* day - the next day on which something is due to happen to them with no event (a "due soon" window
opens, a day due passes, a review date or an order's end is reached, or the core's answers may change) - and
moving the clock takes, in date order, a step for every person whose wake-up falls on or before the new date,
dated on that day. So the alerts do not depend on how often ticks come: a stream with a tick every day and the
same stream with none give the same alerts.

Errors stay with their person: a line that cannot be used, or a step that fails in the core or in the engine,
gives an error record (line number, person, kind of error) and the person's facts stay as they were before it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mappa_rules import Case, civil_orders, mappa_category, mappa_level, timeline

from .adapter import TimelineView, category_value, level_value, order_ends, recheck_days, timeline_view
from .durable_engine import EngineError, Fact
from .events import BadLine, Event, parse_line, person_of, redact
from .matching import note_tags
from .person import DUTIES_ONLY, Facts, Rejected, apply, case_of
from .records import Alert, DutyStatus, ErrorRecord, Record, Summary
from .rulesets import FAR, ComplianceRules, Finding

DUE_SOON_DAYS = 7
"""Default width of the "due soon" window: a duty is due soon from this many days before its day due."""


@dataclass
class _Person:
    """What the monitor keeps about one person between steps."""

    facts: str | None = None
    duties: dict[str, Fact] = field(default_factory=dict)
    resolved: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)
    guides: dict[str, str] = field(default_factory=dict)
    reviews: list[Fact] = field(default_factory=list)
    reviews_reached: set[tuple[str, int]] = field(default_factory=set)
    orders: list[Fact] = field(default_factory=list)
    orders_ended: set[tuple[str, int]] = field(default_factory=set)
    recheck: list[int] = field(default_factory=list)
    wake: int | None = None
    errors: int = 0


@dataclass(frozen=True)
class _Changed:
    """A person's facts after their events of the current day, waiting for the day to close."""

    facts: str
    case: Case
    duties_only: bool
    line: int | None


@dataclass(frozen=True)
class _Answers:
    """The core's answers for one step, as the monitor reads them."""

    view: TimelineView
    guides: dict[str, str]
    orders: tuple[tuple[str, date], ...]
    recheck: set[date]


class Monitor:
    """Consumes events in date order for many people and returns alert and error records as it goes.

    Not thread-safe: one thread owns a monitor (and its engine).
    """

    def __init__(self, due_soon_days: int = DUE_SOON_DAYS, until: date | None = None) -> None:
        if due_soon_days < 0:
            raise ValueError("due_soon_days must not be negative")
        self.due_soon_days = due_soon_days
        self.until = until
        self.clock: date | None = None
        self._people: dict[str, _Person] = {}
        self._agenda: list[tuple[int, str]] = []
        self._today: dict[str, _Changed] = {}
        self._rules = ComplianceRules()

    # -- input ---------------------------------------------------------------------------------------------

    def feed_line(self, number: int, text: str) -> list[Record]:
        """Read one JSON Lines line (blank lines are skipped) and process it."""
        if not text.strip():
            return []
        parsed = parse_line(text)
        if isinstance(parsed, BadLine):
            ident = person_of(text)
            if ident in self._people:
                self._people[ident].errors += 1
            return [ErrorRecord(number, ident, parsed.error, parsed.fields, parsed.detail)]
        return self.feed(parsed, number)

    def feed(self, event: Event, number: int | None = None) -> list[Record]:
        """Process one event. A later date first closes the day before it and takes the wake-ups up to it; the
        event is then applied to its person's facts, and the rules run for that person when the day closes."""
        if self.clock is not None and event.date < self.clock:
            return [ErrorRecord(number, event.person, "out_of_order", ("date",),
                                "date: before the date of an earlier line; the stream must be in date order")]
        if self.until is not None and event.date > self.until:
            return [ErrorRecord(number, event.person, "after_until", ("date",),
                                "date: after the end date of the run; the line was not applied")]
        out = self.advance(event.date)
        if event.person is not None:
            out.extend(self._apply(event.person, event, number))
        return out

    def advance(self, day: date) -> list[Record]:
        """Close the current day, then move the clock to ``day``, taking every wake-up on or before it in date
        order (each dated its own day). Moving to the current day does nothing."""
        if self.clock is not None and day <= self.clock:
            if day < self.clock:
                raise ValueError("the clock cannot go back")
            return []
        out = self.settle()
        limit = day.toordinal()
        while self._agenda and self._agenda[0][0] <= limit:
            wake, ident = heapq.heappop(self._agenda)
            if self._people[ident].wake == wake:
                self.clock = date.fromordinal(wake)
                out.extend(self._step(ident, self.clock, None))
        self.clock = day
        return out

    def settle(self) -> list[Record]:
        """Close the current day: one step for each person with events on it, in the order they first came."""
        today, self._today = self._today, {}
        out: list[Record] = []
        for ident, changed in today.items():
            assert self.clock is not None
            out.extend(self._step(ident, self.clock, changed))
        return out

    def finish(self) -> list[Record]:
        """Close the current day and move the clock on to the end date of the run, if one was given."""
        until = self.until
        out = self.settle()
        if until is not None:
            out.extend(self.advance(until))
        return out

    def _apply(self, ident: str, event: Event, number: int | None) -> list[Record]:
        person = self._people.setdefault(ident, _Person())
        earlier = self._today.get(ident)
        facts = Facts.load(earlier.facts if earlier is not None else person.facts)
        try:
            case = apply(facts, event)
        except Rejected as exc:
            person.errors += 1
            return [ErrorRecord(number, ident, exc.error, exc.fields, exc.detail)]
        duties_only = (earlier is None or earlier.duties_only) and event.kind in DUTIES_ONLY
        self._today[ident] = _Changed(facts.dump(), case, duties_only, number)
        return []

    # -- one step ------------------------------------------------------------------------------------------

    def _step(self, ident: str, day: date, changed: _Changed | None) -> list[Record]:
        person = self._people[ident]
        number = changed.line if changed is not None else None
        if changed is not None:
            person.facts = changed.facts  # accepted facts are kept even if the step below fails
        try:
            return self._take_step(ident, person, day, changed)
        except EngineError as exc:
            person.errors += 1
            return [ErrorRecord(number, ident, exc.kind, (), "the rules engine failed on this step")]
        except Exception as exc:  # a failure in the core on one person's facts must not stop the stream
            person.errors += 1
            return [ErrorRecord(number, ident, f"internal_{type(exc).__name__}", (), redact(str(exc))[:200])]
        finally:
            self._schedule(ident, person, day)

    def _take_step(self, ident: str, person: _Person, day: date, changed: _Changed | None) -> list[Record]:
        ordinal = day.toordinal()
        rechecking = bool(person.recheck) and person.recheck[0] <= ordinal
        answers: _Answers | None = None
        facts = Facts.load(person.facts) if changed is not None or rechecking else None
        if changed is not None:
            answers = self._ask(changed.case, day, person, changed.duties_only)
        elif facts is not None:
            answers = self._ask(case_of(facts), day, person, False)
        step_facts, withdrawn_if_open, reopened = self._session_facts(person, facts, answers, ordinal)
        result = self._rules.step(step_facts)
        for key in reopened:
            person.resolved.pop(key, None)
        person.duties = {fact["key"]: fact for fact in result.duties}
        person.reviews = result.reviews
        person.orders = result.orders
        person.guides.update({fact["what"]: fact["value"] for fact in result.guides})
        out = [self._record(person, ident, day, finding) for finding in result.findings]
        for key in withdrawn_if_open:
            fact = person.duties.pop(key, None)
            if fact is not None:
                person.resolved[key] = ("withdrawn", _due(fact), None)
        if answers is not None:
            person.recheck = sorted(d.toordinal() for d in answers.recheck if d.toordinal() > ordinal)
        elif rechecking:
            person.recheck = [d for d in person.recheck if d > ordinal]
        alerts = sorted((a for a in out if a is not None), key=Alert.sort_key)
        return list[Record](alerts)

    def _ask(self, case: Case, day: date, person: _Person, duties_only: bool) -> _Answers:
        view = timeline_view(timeline(case, day), case)
        guides: dict[str, str] = {}
        ends: tuple[tuple[str, date], ...] = tuple((o["order"], date.fromordinal(o["ends"])) for o in person.orders)
        if not duties_only:
            category = category_value(mappa_category(case, day))
            if category is not None:
                guides["category"] = category
            if case.mappa.current_level is not None:
                level = level_value(mappa_level(case, day))
                if level is not None:
                    guides["level"] = level
            if case.orders:
                ends = order_ends(civil_orders(case, day))
        return _Answers(view, guides, ends, recheck_days(view, ends, case))

    def _session_facts(self, person: _Person, facts: Facts | None, answers: _Answers | None,
                       ordinal: int) -> tuple[list[Fact], set[str], set[str]]:
        """The facts to assert for one step; the open duties the core no longer lists (withdrawn unless met in
        this step); and the resolved duties asserted again because the core now dates them differently."""
        duties = dict(person.duties)
        withdrawn: set[str] = set()
        reopened: set[str] = set()
        out: list[Fact] = []
        reviews: list[Fact]
        orders: list[Fact]
        if answers is not None and facts is not None:
            listed = {spec.key: spec for spec in answers.view.duties}
            withdrawn = set(duties) - set(listed)
            for key, spec in listed.items():
                due = spec.due.toordinal() if spec.due is not None else None
                fact = duties.get(key)
                same = fact is not None and (fact["opens"], _due(fact), fact["tag"]) == (
                    spec.opens.toordinal(), due, spec.tag)
                resolved = person.resolved.get(key)
                if fact is None and resolved is not None and resolved[0] != "withdrawn" and resolved[1] == due:
                    continue
                if not same:
                    if resolved is not None:
                        reopened.add(key)
                    duties[key] = self._duty(key, spec.tag, spec.opens.toordinal(), due)
            opens = min((fact["opens"] for fact in duties.values()), default=None)
            if opens is not None:
                out.extend(_notes(facts, opens))
            for what, value in sorted(answers.guides.items()):
                known = person.guides.get(what, "none")  # a person is outside MAPPA until the core says otherwise
                out.append({"t": "guide", "id": f"g:{what}", "what": what, "value": known})
                out.append({"t": "seen", "id": f"s:{what}", "what": what, "value": value})
            reviews = [{"t": "review", "id": f"r:{what}:{day.toordinal()}", "what": what, "day": day.toordinal()}
                       for what, day in answers.view.reviews if (what, day.toordinal()) not in person.reviews_reached]
            orders = [{"t": "order", "id": f"o:{order}", "order": order, "ends": day.toordinal()}
                      for order, day in answers.orders if (order, day.toordinal()) not in person.orders_ended]
        else:
            reviews, orders = person.reviews, person.orders
        out[:0] = sorted(duties.values(), key=lambda fact: str(fact["key"]))
        out.extend(reviews)
        out.extend(orders)
        out.append({"t": "clock", "id": "clock", "day": ordinal})
        return out, withdrawn, reopened

    def _duty(self, key: str, tag: str, opens: int, due: int | None) -> Fact:
        pending = due is None
        day = FAR if due is None else due
        soon = FAR if due is None else due - self.due_soon_days
        return {"t": "duty", "id": f"d:{key}", "key": key, "tag": tag, "opens": opens, "due": day, "soon": soon,
                "pending": int(pending), "sa": 0, "oa": 0}

    def _record(self, person: _Person, ident: str, day: date, finding: Finding) -> Alert | None:
        kind = finding.kind
        if kind in ("met", "met_late"):
            due, on = finding.get("due"), finding.get("on")
            due = None if finding.get("pending") else due
            person.resolved[finding.get("key")] = ("late" if kind == "met_late" else "met", due, on)
            if kind == "met":
                return None
            return Alert(day, ident, kind, (("duty", finding.get("key")), ("due", _day(due)), ("met_on", _day(on)),
                                            ("days_late", on - due)))
        if kind in ("overdue", "due_soon"):
            return Alert(day, ident, kind, (("duty", finding.get("key")), ("due", _day(finding.get("due")))))
        if kind == "review_possible":
            person.reviews_reached.add((finding.get("what"), finding.get("on")))
            return Alert(day, ident, kind, (("review", finding.get("what")), ("from", _day(finding.get("on")))))
        if kind == "order_ended":
            person.orders_ended.add((finding.get("order"), finding.get("last_day")))
            return Alert(day, ident, kind, (("order", finding.get("order")),
                                            ("last_day", _day(finding.get("last_day")))))
        what = finding.get("what")
        return Alert(day, ident, f"{what}_changed", (("from", finding.get("old")), ("to", finding.get("new"))))

    def _schedule(self, ident: str, person: _Person, day: date) -> None:
        """Set the person's next wake-up (strictly after ``day``) and put it on the agenda."""
        today = day.toordinal()
        days: list[int] = list(person.recheck)
        for duty in person.duties.values():
            if duty["pending"]:
                continue
            if not duty["sa"]:
                days.append(duty["soon"])
            if not duty["oa"]:
                days.append(duty["due"] + 1)
        days.extend(review["day"] for review in person.reviews)
        days.extend(order["ends"] + 1 for order in person.orders)
        later = [d for d in days if d > today]
        wake = min(later) if later else None
        if wake != person.wake and wake is not None:
            heapq.heappush(self._agenda, (wake, ident))
        person.wake = wake

    # -- reading the state ---------------------------------------------------------------------------------

    def people(self) -> list[str]:
        return sorted(self._people)

    def statuses(self, ident: str) -> dict[str, DutyStatus]:
        """Every duty of the person the monitor knows, as at the clock (withdrawn duties left out)."""
        person = self._people.get(ident)
        if person is None:
            return {}
        found: dict[str, DutyStatus] = {}
        for key, (state, due, on) in person.resolved.items():
            if state != "withdrawn":
                found[key] = DutyStatus(state, _day(due), _day(on))
        for key, fact in person.duties.items():
            state = "pending" if fact["pending"] else ("overdue" if fact["oa"] else "open")
            found[key] = DutyStatus(state, _day(_due(fact)))
        return found

    def travel_notices(self, ident: str) -> list[tuple[str, date]]:
        person = self._people.get(ident)
        return Facts.load(person.facts).notices() if person is not None else []

    def case(self, ident: str) -> Case | None:
        person = self._people.get(ident)
        return case_of(Facts.load(person.facts)) if person is not None and person.facts is not None else None

    def summaries(self) -> Iterator[Summary]:
        """One summary per person, in order of id, as at the clock."""
        as_of = self.clock or date.min
        for ident in self.people():
            person = self._people[ident]
            counts = dict.fromkeys(("open", "pending", "overdue", "met", "late", "withdrawn"), 0)
            for state, _, _ in person.resolved.values():
                counts[state] += 1
            statuses = self.statuses(ident)
            for status in statuses.values():
                if status.state in ("open", "pending", "overdue"):
                    counts[status.state] += 1
            overdue = tuple(sorted((k, s.due) for k, s in statuses.items() if s.state == "overdue"))
            yield Summary(ident, as_of, person.guides.get("category"), person.guides.get("level"),
                          tuple(counts.items()), overdue, person.errors)


def _due(fact: Fact) -> int | None:
    return None if fact["pending"] else int(fact["due"])


def _day(ordinal: Any) -> date | None:
    return None if ordinal is None else date.fromordinal(int(ordinal))


def _notes(facts: Facts, opens: int) -> list[Fact]:
    """The notifications given on or after ``opens``, one fact per tag, oldest first."""
    out: list[Fact] = []
    notifications = facts.case.get("notifications", [])
    given: list[tuple[str, str, str | None]] = [(n["date"], n["kind"], None) for n in notifications]
    given += [(day, "travel", trip) for trip, day in facts.travel_notices]
    for index, (text, kind, trip) in enumerate(sorted(given, key=lambda g: (g[0], g[1], g[2] or ""))):
        day = date.fromisoformat(text).toordinal()
        if day >= opens:
            out.extend({"t": "note", "id": f"n:{index}:{tag}", "tag": tag, "day": day} for tag in note_tags(kind, trip))
    return out


__all__ = ["DUE_SOON_DAYS", "Monitor"]
