"""Agreement: the monitor's duty statuses equal what the core gives for the same facts, as at each date.

The monitor reaches each status step by step (asking the core on the days its facts change or a status may
change with time, keeping what it settled); :func:`core_statuses` asks the core's ``timeline`` once, as at the
date, with the facts the monitor holds then. Histories are drawn by hypothesis (a conviction, perhaps prison and
a release, notifications in time or late or not at all, moves, trips with or without notice, a recall, a SHPO,
level decisions), for one to three people, with ticks on drawn days; the statuses are compared after every day on
which something happened and at the end. The one allowance (:func:`differences`): a duty met keeps the last day
it had when met, where the core dates a past s.85 period again with later facts.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("durable.engine")

from mappa_rules.monitor.events import Event, parse_line
from mappa_rules.monitor.monitor import Monitor
from mappa_rules.monitor.records import ErrorRecord
from mappa_rules.monitor.reference import core_statuses, differences
from mappa_rules.monitor.synthetic import person_history, stream


class Drawn:
    """The history's choices, drawn by hypothesis (so a failing history shrinks)."""

    def __init__(self, data: st.DataObject) -> None:
        self._data = data

    def number(self, low: int, high: int) -> int:
        return self._data.draw(st.integers(low, high))

    def chance(self, percent: int) -> bool:
        return self._data.draw(st.integers(0, 99)) < percent


def history(data: st.DataObject) -> tuple[list[Event], date]:
    choose = Drawn(data)
    events: list[dict[str, Any]] = []
    end = date(2019, 12, 31)
    for index in range(data.draw(st.integers(1, 3), label="people")):
        start = date(2005, 1, 1) + timedelta(days=choose.number(0, 4000))
        span = data.draw(st.sampled_from([5000, 2500, 1200, 400]), label="days followed")
        events += person_history(f"P{index}", start, min(end, start + timedelta(days=span)), choose)
    for _ in range(data.draw(st.integers(0, 6), label="ticks")):
        events.append({"date": (date(2005, 1, 1) + timedelta(days=choose.number(0, 5400))).isoformat(),
                       "kind": "tick"})
    events.sort(key=lambda e: str(e["date"]))
    parsed = [parse_line(json.dumps(e)) for e in events]
    assert all(isinstance(p, Event) for p in parsed)
    return [p for p in parsed if isinstance(p, Event)], end


def replay_and_compare(events: list[Event], end: date) -> None:
    """Replay ``events``, comparing after each day with events and at the end; no line may be refused."""
    monitor = Monitor(until=end)
    day: date | None = None
    for number, event in enumerate(events, 1):
        if day is not None and event.date != day:
            monitor.settle()
            assert_agree(monitor, day)
        records = monitor.feed(event, number)
        assert not [r for r in records if isinstance(r, ErrorRecord)]
        day = event.date
    monitor.finish()
    assert_agree(monitor, end)


def assert_agree(monitor: Monitor, day: date) -> None:
    for person in monitor.people():
        case = monitor.case(person)
        if case is None:
            continue
        found = differences(monitor.statuses(person), core_statuses(case, day))
        assert not found, f"{person} on {day}:\n" + "\n".join(found)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_the_monitor_and_the_core_agree_on_every_duty_at_every_date(data: st.DataObject) -> None:
    """A notification duty is due until its last day, not met after it, and met (in time or late, by so many
    days) by the first notification that meets it - the same whether followed step by step by the monitor or
    asked of the core at once for the same facts, on every date.
    Citation: Sexual Offences Act 2003 ss.83(1), 84(1), 85(1), 86(1)."""
    replay_and_compare(*history(data))


def test_the_monitor_and_the_core_agree_on_a_seeded_stream_of_many_people() -> None:
    """The same proposition on the benchmark's stream (40 people over eleven years, ticks every 30 days).
    Citation: Sexual Offences Act 2003 ss.83(1), 84(1), 85(1), 86(1)."""
    events = [parse_line(line) for line in stream(40, seed=11)]
    replay_and_compare([e for e in events if isinstance(e, Event)], date(2016, 12, 31))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_the_same_events_in_the_same_order_give_the_same_bytes(data: st.DataObject) -> None:
    """Replaying a history gives byte-identical alerts: no clock, random value or hash order is read."""
    events, end = history(data)

    def replay() -> str:
        monitor = Monitor(until=end)
        lines = [r.line() for number, e in enumerate(events, 1) for r in monitor.feed(e, number)]
        return "\n".join(lines + [r.line() for r in monitor.finish()])

    assert replay() == replay()
