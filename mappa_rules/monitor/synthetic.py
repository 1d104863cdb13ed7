"""Made-up event histories for tests and benchmarks: seeded, so the same seed gives the same stream.

A history follows one person from a conviction for a Schedule 3 offence: sometimes a prison sentence and a
release, the initial notification (usually in time, sometimes late or never), yearly notifications that drift
late, moves of home notified after a few days, trips abroad with or without notice, a recall to prison, a SHPO
and, now and then, a level decision. The choices are drawn through :class:`Choices`, so that a property-based
test can draw them (and shrink them) as well as a seeded generator.
"""

from __future__ import annotations

import heapq
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Protocol

Event = dict[str, Any]


class Choices(Protocol):
    """Where a history's choices come from."""

    def number(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high`` inclusive."""
        ...

    def chance(self, percent: int) -> bool:
        """True about ``percent`` times in a hundred."""
        ...


class Seeded:
    """Choices from a seeded pseudo-random generator."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def number(self, low: int, high: int) -> int:
        return self._random.randint(low, high)

    def chance(self, percent: int) -> bool:
        return self._random.randrange(100) < percent


def _event(person: str, day: date, what: str, **details: Any) -> Event:
    return {"person": person, "date": day.isoformat(), "kind": what, "details": details}


def _notified(person: str, day: date, kind: str) -> Event:
    return _event(person, day, "notified", kind=kind, no_sole_or_main_residence=False)


def person_history(person: str, start: date, end: date, choose: Choices) -> list[Event]:
    """One person's events from a conviction on ``start`` until ``end``, in date order."""
    months = [0, 4, 8, 12, 24, 36][choose.number(0, 5)]
    born = start - timedelta(days=365 * choose.number(19, 60) + choose.number(0, 364))
    events = [_event(person, start, "person", date_of_birth=born.isoformat())]
    sentence: dict[str, Any] = ({"kind": "imprisonment", "term": {"months": months}} if months
                                else {"kind": "community_order"})
    events.append(_event(person, start, "convicted", id="a", offence={"schedule3": True}, sentence=sentence))
    free = start
    if months:
        events.append(_event(person, start, "detained", place="serving_sentence"))
        free = start + timedelta(days=months * 15 + choose.number(0, 20))
        if free > end:
            return events
        events.append(_event(person, free, "released", disposal="a"))
    if choose.chance(90):  # the initial notification, usually within the 3 days
        late = choose.chance(20)
        events.append(_notified(person, free + timedelta(days=choose.number(4, 12) if late else choose.number(0, 2)),
                                "initial"))
    day = events[-1]["date"]
    last = date.fromisoformat(day)
    while True:
        last += timedelta(days=choose.number(300, 372) if choose.chance(85) else choose.number(373, 420))
        if last > end:
            break
        if choose.chance(25):  # a move before this year's notification, notified after some days
            moved = last - timedelta(days=choose.number(20, 200))
            if moved > free:
                events.append(_event(person, moved, "changed", kind="home_address"))
                events.append(_notified(person, moved + timedelta(days=choose.number(0, 6)), "change"))
        if choose.chance(20):
            events.extend(_trip(person, last, end, choose, len(events)))
        if choose.chance(3) and last > free:  # recalled to prison for a few weeks
            events.append(_event(person, last - timedelta(days=60), "detained", place="serving_sentence"))
            events.append(_event(person, last - timedelta(days=60 - choose.number(10, 50)), "released"))
        events.append(_notified(person, last, "periodic"))
        if choose.chance(5):
            events.append(_event(person, last, "level_decided", current_level=choose.number(1, 3)))
    if choose.chance(10):
        events.extend(_shpo(person, start, end, choose))
    events = [e for e in events if e["date"] <= end.isoformat()]
    return sorted(events, key=lambda e: str(e["date"]))  # stable: same-day events keep their order


def _trip(person: str, around: date, end: date, choose: Choices, serial: int) -> list[Event]:
    booked = around + timedelta(days=choose.number(10, 90))
    departure = booked + timedelta(days=choose.number(3, 60))
    back = departure + timedelta(days=choose.number(2, 20))
    trip = f"trip{serial}"
    plan = {"id": trip, "departure": departure.isoformat(), "return_date": back.isoformat(),
            "known_more_than_7_days_before": choose.chance(90)}
    out = [_event(person, booked, "trip_planned", **plan)]
    if choose.chance(85):
        notice = max(booked, departure - timedelta(days=choose.number(0, 14)))
        out.append(_event(person, notice, "notified", kind="travel", trip=trip))
    out.append(_event(person, departure, "left_uk"))
    out.append(_event(person, back, "returned_uk"))
    if choose.chance(40):  # the return recorded on the trip, and (mostly) notified, in time or late (reg 8)
        out.append(_event(person, back, "trip_planned", **plan, returned_on=back.isoformat(),
                          return_as_notified=choose.chance(50)))
        if choose.chance(80):
            out.append(_event(person, back + timedelta(days=choose.number(0, 6)), "notified", kind="travel_return",
                              trip=trip))
    return out


def _shpo(person: str, start: date, end: date, choose: Choices) -> list[Event]:
    made = start + timedelta(days=choose.number(0, 60))
    term = {"id": "t1", "kind": "prohibition", "period": {"years": 5}}
    out = [_event(person, made, "order_made", id="shpo", kind="shpo", route="conviction",
                  offence_listed="schedule3", conviction_date=start.isoformat(), terms=[term]),
           _event(person, made, "order_served", order="shpo")]
    if choose.chance(30):
        out.append(_event(person, made + timedelta(days=choose.number(400, 1500)), "order_discharged", order="shpo"))
    return out


def stream(people: int, seed: int, first: date = date(2006, 1, 1), end: date = date(2016, 12, 31),
           tick_days: int = 30) -> Iterator[str]:
    """JSON Lines for ``people`` people whose convictions fall between ``first`` and ``end`` (a few years before
    it), merged in date order, with a tick every ``tick_days`` days and on ``end``."""
    span = (end - first).days
    histories: list[tuple[str, str, str]] = []
    for index in range(people):
        choose = Seeded(seed * 1_000_003 + index)
        start = first + timedelta(days=choose.number(0, max(span - 365, 0)))
        for event in person_history(f"P{index:07d}", start, end, choose):
            histories.append((str(event["date"]), f"{index:07d}", json.dumps(event, separators=(",", ":"))))
    histories.sort(key=lambda h: (h[0], h[1]))
    ticks = (first + timedelta(days=n) for n in range(0, span + 1, tick_days)) if tick_days else iter(())
    tick_lines = ((day.isoformat(), "", json.dumps({"date": day.isoformat(), "kind": "tick"})) for day in ticks)
    for _, _, line in heapq.merge(histories, [*tick_lines, (end.isoformat(), "", json.dumps(
            {"date": end.isoformat(), "kind": "tick"}))], key=lambda h: (h[0], h[1])):
        yield line


__all__ = ["Choices", "Seeded", "person_history", "stream"]
