"""The monitor's durable-rules rules, one session at a time, and the wrapper's handling of the engine's limits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import threading
from typing import Any

import pytest

pytest.importorskip("durable.engine")

from mappa_rules.monitor.durable_engine import EngineError
from mappa_rules.monitor.rulesets import FAR, ComplianceRules, Finding

RULES = ComplianceRules()


def duty(key: str = "initial/a", tag: str = "initial", opens: int = 100, due: int = 103, *, soon: int | None = None,
         sa: int = 0, oa: int = 0) -> dict[str, Any]:
    pending = due == FAR
    return {"t": "duty", "id": f"d:{key}", "key": key, "tag": tag, "opens": opens, "due": due,
            "soon": FAR if pending else (due - 7 if soon is None else soon), "pending": int(pending), "sa": sa,
            "oa": oa}


def note(day: int, tag: str = "initial") -> dict[str, Any]:
    return {"t": "note", "id": f"n:{day}:{tag}", "tag": tag, "day": day}


def clock(day: int) -> dict[str, Any]:
    return {"t": "clock", "id": "clock", "day": day}


def found(*facts: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(f.kind, dict(f.values)) for f in RULES.step(facts)]


def kinds(findings: list[Finding] | list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [f[0] if isinstance(f, tuple) else f.kind for f in findings]


def test_a_duty_is_met_by_the_earliest_note_with_its_tag_on_or_after_it_opens() -> None:
    """SOA 2003 s.83(1): the first initial notification after the relevant date meets the duty; an earlier one,
    or a notification of another kind, does not. Citation: Sexual Offences Act 2003 s.83(1)."""
    findings = found(duty(), note(99), note(102, "change"), note(103), note(101), clock(104))
    assert findings == [("met", {"key": "initial/a", "due": 103, "on": 101, "pending": 0})]


def test_a_duty_met_after_its_day_is_met_late_and_not_overdue() -> None:
    findings = found(duty(), note(106), clock(106))
    assert findings == [("met_late", {"key": "initial/a", "due": 103, "on": 106, "pending": 0})]


def test_an_unmet_duty_is_overdue_after_its_day_once() -> None:
    assert kinds(found(duty(), clock(103))) == ["due_soon"]
    assert found(duty(sa=1), clock(104)) == [("overdue", {"key": "initial/a", "due": 103})]
    assert found(duty(sa=1, oa=1), clock(120)) == []


def test_due_soon_holds_from_the_window_to_the_day_due() -> None:
    assert found(duty(soon=98), clock(97)) == []
    assert kinds(found(duty(soon=98), clock(98))) == ["due_soon"]
    assert found(duty(soon=98, sa=1), clock(100)) == []
    assert found(duty(soon=98), note(101), clock(99)) == [("met", {"key": "initial/a", "due": 103, "on": 101,
                                                                    "pending": 0})]


def test_a_duty_whose_clock_is_stopped_is_never_due_but_can_be_met() -> None:
    assert found(duty(due=FAR), clock(10_000)) == []
    assert kinds(found(duty(due=FAR), note(150), clock(150))) == ["met"]


def test_review_dates_orders_and_guidance() -> None:
    review = {"t": "review", "id": "r", "what": "qualifying_date", "day": 200}
    order = {"t": "order", "id": "o", "order": "shpo", "ends": 200}
    assert found(review, order, clock(199)) == []
    assert kinds(found(review, order, clock(200))) == ["review_possible"]
    assert kinds(found(order, clock(201))) == ["order_ended"]
    guide = {"t": "guide", "id": "g", "what": "category", "value": "none"}
    assert found(guide, {"t": "seen", "id": "s", "what": "category", "value": "none"}, clock(1)) == []
    assert found(guide, {"t": "seen", "id": "s", "what": "category", "value": "1"}, clock(1)) == [
        ("guidance_changed", {"what": "category", "old": "none", "new": "1"})]


def test_several_duties_in_one_session_each_find_their_own_note() -> None:
    findings = found(duty("periodic/x", "counted", 50, 120), duty("change/c", "change", 101, 103), note(60, "counted"),
                     note(102, "change"), note(102, "counted"), clock(110))
    assert sorted((kind, values["key"], values.get("on")) for kind, values in findings) == [
        ("met", "change/c", 102), ("met", "periodic/x", 60)]


def test_an_engine_error_is_raised_with_its_kind_and_the_next_step_is_unaffected() -> None:
    broken = {k: v for k, v in duty().items() if k != "due"}
    with pytest.raises(EngineError) as caught:
        RULES.step([broken, clock(200)])
    assert caught.value.kind == "engine_error_311"
    assert "initial" not in str(caught.value)
    assert kinds(found(duty(), note(101), clock(101))) == ["met"]


def test_no_background_thread_and_a_session_per_step() -> None:
    """durable-rules' Host would start two timer threads; the wrapper starts none. Each step deletes its
    session: 3,000 steps stay far from the engine's 1,024-session table."""
    before = threading.active_count()
    rules = ComplianceRules()
    for day in range(3000):
        rules.step([duty(), clock(day)])
    assert threading.active_count() == before


DRIVER = textwrap.dedent("""
    from mappa_rules.monitor.rulesets import ComplianceRules
    rules = ComplianceRules()
    def duty(due, sa=0, oa=0):
        return {"t": "duty", "id": "d", "key": "k", "tag": "x", "opens": 100, "due": due, "soon": due - 7,
                "pending": 0, "sa": sa, "oa": oa}
    for _ in range(3):
        rules.step([duty(103), {"t": "note", "id": "n1", "tag": "x", "day": 99},
                    {"t": "note", "id": "n2", "tag": "x", "day": 105}, {"t": "clock", "id": "c", "day": 106}])
        rules.step([duty(103), {"t": "clock", "id": "c", "day": 90}])
        rules.step([duty(103, sa=1), {"t": "clock", "id": "c", "day": 110}])
        rules.step([{"t": "guide", "id": "g", "what": "category", "value": "1"},
                    {"t": "seen", "id": "s", "what": "category", "value": "1"}, {"t": "clock", "id": "c", "day": 1}])
        rules.step([{"t": "review", "id": "r", "what": "q", "day": 5}, {"t": "order", "id": "o", "order": "o",
                     "ends": 9}, {"t": "clock", "id": "c", "day": 6}])
        rules.step([{"t": "clock", "id": "c", "day": 6}])
""")


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_the_rules_make_no_memory_error_in_the_engine() -> None:
    """Each of the engine's memory errors the wrapper works around (a false last comparison in a join, deleting a
    session with no action run, retracting inside an action) shows under valgrind as an error in the engine's
    library; with the rules as written there is none."""
    run = subprocess.run(["valgrind", "--error-limit=no", sys.executable, "-c", DRIVER], capture_output=True,
                         text=True, env={"PYTHONMALLOC": "malloc", "PATH": "/usr/bin:/bin"}, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "durable_rules_engine" not in run.stderr, run.stderr[-4000:]
