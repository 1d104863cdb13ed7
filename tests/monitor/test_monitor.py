"""The monitor's loop: date order, errors kept to their person, determinism, time from the events alone."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

pytest.importorskip("durable.engine")

from mappa_rules import timeline as core_timeline
from mappa_rules.monitor import steps
from mappa_rules.monitor.adapter import timeline_view
from mappa_rules.monitor.durable_engine import EngineError
from mappa_rules.monitor.monitor import Monitor
from mappa_rules.monitor.records import Alert, ErrorRecord, Record
from mappa_rules.monitor.rulesets import ComplianceRules
from mappa_rules.monitor.synthetic import stream

N = {"no_sole_or_main_residence": False}


def ev(person: str | None, day: str, what: str, **details: Any) -> str:
    body: dict[str, Any] = {"date": day, "kind": what}
    if person is not None:
        body["person"] = person
    if details:
        body["details"] = details
    return json.dumps(body)


def convicted(person: str, day: str) -> list[str]:
    return [ev(person, day, "person", date_of_birth="1970-01-01"),
            ev(person, day, "convicted", id="a", offence={"schedule3": True},
               sentence={"kind": "imprisonment", "term": {"months": 12}})]


def run(lines: list[str], until: date | None = None, monitor: Monitor | None = None) -> list[Record]:
    monitor = monitor or Monitor(until=until)
    out: list[Record] = []
    for number, text in enumerate(lines, 1):
        out.extend(monitor.feed_line(number, text))
    return out + monitor.finish()


def text(records: list[Record]) -> str:
    return "".join(record.line() + "\n" for record in records)


def alerts(records: list[Record], person: str | None = None) -> list[tuple[str, str, str]]:
    return [(a.day.isoformat(), a.person, a.alert) for a in records
            if isinstance(a, Alert) and (person is None or a.person == person)]


def test_a_line_dated_before_the_clock_is_an_error_record_and_the_stream_goes_on() -> None:
    records = run([*convicted("P1", "2015-01-05"), ev("P1", "2015-01-04", "notified", kind="initial", **N),
                   ev("P1", "2015-01-06", "notified", kind="initial", **N)])
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    assert [(e.line_number, e.person, e.error) for e in errors] == [(3, "P1", "out_of_order")]
    assert ("2015-01-05", "P1", "category_changed") in alerts(records)


def test_a_line_after_the_end_date_is_not_applied() -> None:
    records = run([*convicted("P1", "2015-01-05"), ev("P1", "2015-02-01", "notified", kind="initial", **N)],
                  until=date(2015, 1, 20))
    assert [(r.error, r.line_number) for r in records if isinstance(r, ErrorRecord)] == [("after_until", 3)]
    assert ("2015-01-08", "P1", "overdue") in alerts(records)  # due on the 3rd day beginning with the 5th


def test_an_error_on_one_person_leaves_the_others_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad event, a failure in the core and a failure in the engine, each on P2's events, give error records
    for P2 (with the line number and the kind of error, and no fact values); P1's alerts are as without P2."""
    p1 = [*convicted("P1", "2015-01-05"), ev("P1", "2015-01-10", "notified", kind="initial", **N)]
    alone = run(p1)
    p2 = [*convicted("P2", "2015-01-05"), ev("P2", "2015-01-06", "released"),
          ev("P2", "2015-01-07", "notified", kind="periodic", **N)]
    timeline = core_timeline

    def failing(case: Any, day: date, book: Any = None) -> Any:
        if any(n.kind == "periodic" for n in case.notifications):
            raise RuntimeError(f"core failed on {case.person.date_of_birth}")
        return timeline(case, day, book)

    monkeypatch.setattr(steps, "timeline", failing)
    together = run([p1[0], p2[0], p1[1], p2[1], p2[2], p2[3], p1[2]])
    assert alerts(together, "P1") == alerts(alone, "P1")
    errors = [r for r in together if isinstance(r, ErrorRecord)]
    assert [(e.line_number, e.person, e.error) for e in errors][:2] == [
        (5, "P2", "bad_facts"), (6, "P2", "internal_RuntimeError")]
    assert {(e.line_number, e.person, e.error) for e in errors[2:]} <= {(None, "P2", "internal_RuntimeError")}
    assert all("1970" not in e.detail for e in errors)

    real_step = ComplianceRules.step

    def engine_fails_for_p2(self: ComplianceRules, facts: Any) -> Any:
        if any(f.get("key") == "periodic/2015-01-07" for f in facts):
            raise EngineError("engine_error_311")
        return real_step(self, facts)

    monkeypatch.setattr(steps, "timeline", timeline)
    monkeypatch.setattr(ComplianceRules, "step", engine_fails_for_p2)
    again = run([p1[0], p2[0], p1[1], p2[1], p2[2], p2[3], p1[2]])
    assert alerts(again, "P1") == alerts(alone, "P1")
    assert ("P2", "engine_error_311") in [(r.person, r.error) for r in again if isinstance(r, ErrorRecord)]


def test_the_same_events_give_the_same_bytes() -> None:
    lines = list(stream(40, seed=7))
    first, second = text(run(lines)), text(run(lines))
    assert first == second and first.count('"alert"') > 100


def test_ticks_do_not_change_the_alerts() -> None:
    """Time moves by the events' dates; every wake-up is taken on its own day, so how often the stream ticks
    changes nothing."""
    ticking = list(stream(30, seed=3, tick_days=1))
    bare = [line for line in ticking if '"tick"' not in line]
    until = date(2016, 12, 31)
    assert text(run(ticking, until)) == text(run(bare, until))


def test_a_duty_the_core_stops_listing_is_withdrawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monitor = Monitor()
    run(convicted("P1", "2015-01-05"), monitor=monitor)
    assert monitor.statuses("P1")["initial/a"].status == "due"
    view = timeline_view
    monkeypatch.setattr(steps, "timeline_view", lambda decision: view(decision).__class__((), (), None))
    monitor.feed_line(1, ev("P1", "2015-01-06", "notified", kind="periodic", **N))
    monitor.finish()
    assert "initial/a" not in monitor.statuses("P1")
    assert next(s for s in monitor.summaries()).counts == (
        ("due", 0), ("not_met", 0), ("met", 0), ("met_late", 0), ("unknown", 0))


def test_a_summary_per_person_in_order_of_id() -> None:
    monitor = Monitor(until=date(2015, 3, 1))
    run([*convicted("P2", "2015-01-05"), *convicted("P1", "2015-01-05"),
         ev("P1", "2015-01-06", "notified", kind="initial", **N)], monitor=monitor)
    summaries = {s.person: s for s in monitor.summaries()}
    assert list(summaries) == ["P1", "P2"]
    assert dict(summaries["P1"].counts)["met"] == 1 and dict(summaries["P2"].counts)["not_met"] == 1
    assert summaries["P2"].not_met == (("initial/a", date(2015, 1, 7)),)
    assert summaries["P1"].category == "1" and summaries["P1"].level is None
