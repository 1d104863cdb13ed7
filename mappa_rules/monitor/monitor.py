"""The compliance monitor: dated events for many people in, alerts out.

For each event the monitor updates the person's facts, asks the core questions as at the event's date
(``timeline`` for the duties and whether each was met, ``mappa_category``, ``mappa_level``, ``civil_orders``), and
takes one step through the durable-rules ruleset (:mod:`.rulesets`) with the duties not yet settled, the review
dates, the orders' last days, the guidance and the clock. The legal dates and each duty's status always come from
the core; the rules decide which alerts a step raises, once each.

Time is the events' own dates: the clock is the latest date read, and it only moves forward. Each person has a
*wake-up* day - the next day on which something is due to happen to them with no event (a "due soon" window
opens; a last day passes, so the monitor asks the core again; a review date or an order's end is reached; the
core's answers may change) - and moving the clock takes, in date order, a step for every person whose wake-up
falls on or before the new date, dated on that day. So the alerts do not depend on how often ticks come: a
stream with a tick every day and the same stream with none give the same alerts.

Errors stay with their person: a line that cannot be used gives an error record (line number, person, kind of
error, the fields at fault) and leaves the person's facts as they were; a step that fails in the core or in the
engine gives an error record and loses that step's alerts, while the facts the day's events established are kept.
No error record repeats a fact's value.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from mappa_rules import Case

from .durable_engine import EngineError
from .events import BadLine, Event, parse_line, person_of
from .person import DUTIES_ONLY, Facts, Rejected, apply, case_of
from .records import DutyStatus, ErrorRecord, Record, Summary
from .rulesets import ComplianceRules
from .steps import Answers, PersonState, ask

DUE_SOON_DAYS = 7
"""Default width of the "due soon" window: a duty is due soon from this many days before its day due."""


@dataclass(frozen=True)
class _Changed:
    """A person's facts after their events of the current day, waiting for the day to close."""

    text: str
    case: Case
    duties_only: bool
    line: int | None


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
        self._people: dict[str, PersonState] = {}
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
        person = self._people.setdefault(ident, PersonState())
        earlier = self._today.get(ident)
        facts = Facts.load(earlier.text if earlier is not None else person.facts)
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
            person.facts = changed.text  # accepted facts are kept even if the step below fails
        try:
            return self._take_step(ident, person, day, changed)
        except EngineError as exc:
            person.errors += 1
            return [ErrorRecord(number, ident, exc.kind, (), "the rules engine failed on this step")]
        except Exception as exc:  # a failure in the core on one person's facts must not stop the stream
            person.errors += 1
            return [ErrorRecord(number, ident, f"internal_{type(exc).__name__}", (),
                                "the core questions failed on this person's facts")]
        finally:
            self._schedule(ident, person, day)

    def _take_step(self, ident: str, person: PersonState, day: date, changed: _Changed | None) -> list[Record]:
        ordinal = day.toordinal()
        answers: Answers | None = None
        if changed is not None:
            answers = ask(changed.case, day, person.orders, changed.duties_only)
        elif person.must_ask(ordinal):
            full = bool(person.recheck and person.recheck[0] <= ordinal)
            answers = ask(case_of(Facts.load(person.facts)), day, person.orders, not full)
        plan = person.plan(answers, ordinal, self.due_soon_days)
        findings = self._rules.step(plan.facts)
        return list[Record](person.take(plan, findings, answers, ident, day))

    def _schedule(self, ident: str, person: PersonState, day: date) -> None:
        """Set the person's next wake-up (strictly after ``day``) and put it on the agenda."""
        wake = person.next_wake(day.toordinal())
        if wake != person.wake and wake is not None:
            heapq.heappush(self._agenda, (wake, ident))
        person.wake = wake

    # -- reading the state ---------------------------------------------------------------------------------

    def people(self) -> list[str]:
        return sorted(self._people)

    def statuses(self, ident: str) -> dict[str, DutyStatus]:
        """Every duty of the person the core listed at the person's last step, with its status (as at the clock:
        the monitor asks again on every day a status may change)."""
        person = self._people.get(ident)
        return person.statuses() if person is not None else {}

    def case(self, ident: str) -> Case | None:
        person = self._people.get(ident)
        return case_of(Facts.load(person.facts)) if person is not None and person.facts is not None else None

    def summaries(self) -> Iterator[Summary]:
        """One summary per person, in order of id, as at the clock."""
        as_of = self.clock or date.min
        for ident in self.people():
            person = self._people[ident]
            statuses = person.statuses()
            counts = dict.fromkeys(("due", "not_met", "met", "met_late", "unknown"), 0)
            for status in statuses.values():
                counts[status.status] += 1
            not_met = tuple(sorted((k, s.deadline) for k, s in statuses.items() if s.status == "not_met"))
            yield Summary(ident, as_of, person.guides.get("category"), person.guides.get("level"),
                          tuple(counts.items()), not_met, person.errors)


__all__ = ["DUE_SOON_DAYS", "Monitor"]
