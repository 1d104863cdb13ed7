"""The monitor's durable-rules rules, one session at a time, and the wrapper's handling of the engine's limits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from typing import Any

import pytest

pytest.importorskip("durable.engine")

from mappa_rules.monitor.durable_engine import EngineError
from mappa_rules.monitor.rulesets import FAR, ComplianceRules, Finding
from mappa_rules.monitor.steps import may_alert

RULES = ComplianceRules()


def duty(status: str = "due", key: str = "initial/a", due: int = 103, *, soon: int | None = None, met_on: int = 0,
         late: int = -1, sa: int = 0, oa: int = 0, la: int = 0) -> dict[str, Any]:
    """A duty fact as the monitor asserts it, with the status the core gave it."""
    pending = due == FAR
    return {"t": "duty", "id": f"d:{key}", "key": key, "status": status, "due": due,
            "soon": FAR if pending else (due - 7 if soon is None else soon), "pending": int(pending),
            "met_on": met_on, "late": late, "sa": sa, "oa": oa, "la": la}


def clock(day: int) -> dict[str, Any]:
    return {"t": "clock", "id": "clock", "day": day}


def found(*facts: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(f.kind, dict(f.values)) for f in RULES.step(facts)]


def kinds(findings: list[Finding] | list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [f[0] if isinstance(f, tuple) else f.kind for f in findings]


def test_a_duty_the_core_calls_not_met_is_overdue_once() -> None:
    """s.91(1)(a), (3): a duty not met by its last day is failed from the day after; the monitor says so once.
    Citation: Sexual Offences Act 2003 s.91(1)(a), (3)."""
    assert found(duty("not_met"), clock(104)) == [("overdue", {"key": "initial/a", "due": 103, "met_on": 0,
                                                               "late": -1})]
    assert not may_alert(duty("not_met", oa=1, sa=1))  # raised: the monitor asserts it no more


def test_a_duty_the_core_calls_met_late_is_reported_once_with_its_lateness() -> None:
    """Citation: Sexual Offences Act 2003 s.91(3)."""
    assert found(duty("met_late", met_on=106, late=3, oa=1), clock(106)) == [
        ("met_late", {"key": "initial/a", "due": 103, "met_on": 106, "late": 3})]
    assert not may_alert(duty("met_late", met_on=106, late=3, la=1))


def test_due_soon_holds_from_the_window_to_the_last_day_for_a_duty_still_due() -> None:
    assert found(duty(soon=98), clock(97)) == []
    assert kinds(found(duty(soon=98), clock(98))) == ["due_soon"]
    assert kinds(found(duty(soon=98), clock(103))) == ["due_soon"]
    assert found(duty(soon=98), clock(104)) == []
    assert not may_alert(duty(soon=98, sa=1)) and not may_alert(duty("met", met_on=101, late=0))


def test_a_duty_whose_clock_is_stopped_is_never_due_soon() -> None:
    assert found(duty(due=FAR), clock(10_000)) == []


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


def test_several_duties_in_one_session_each_raise_their_own_alert() -> None:
    findings = found(duty("not_met", "periodic/x", 100), duty("met_late", "change/c", 103, met_on=105, late=2),
                     duty("due", "travel/t", 112), clock(106))
    assert sorted((kind, values["key"]) for kind, values in findings) == [
        ("due_soon", "travel/t"), ("met_late", "change/c"), ("overdue", "periodic/x")]


def test_an_engine_error_is_raised_with_its_kind_and_the_next_step_is_unaffected() -> None:
    broken = {k: v for k, v in duty().items() if k != "due"}
    with pytest.raises(EngineError) as caught:
        RULES.step([broken, clock(100)])
    assert caught.value.kind == "engine_error_311"
    assert "initial" not in str(caught.value)
    assert kinds(found(duty(), clock(100))) == ["due_soon"]


def test_a_fact_no_rule_takes_is_an_engine_error() -> None:
    """The monitor asserts only duties that may still raise an alert (the engine refuses any other)."""
    with pytest.raises(EngineError) as caught:
        RULES.step([duty("met", met_on=101, late=0), clock(101)])
    assert caught.value.kind == "engine_fact_not_handled"


THREADS = textwrap.dedent("""
    import threading
    from mappa_rules.monitor.rulesets import ComplianceRules
    before = threading.active_count()
    rules = ComplianceRules()
    for day in range(3000):
        rules.step([{"t": "duty", "id": "d", "key": "k", "status": "due", "due": 2000, "soon": 1993, "pending": 0,
                     "met_on": 0, "late": -1, "sa": 0, "oa": 0, "la": 0}, {"t": "clock", "id": "c", "day": day}])
    print(before, threading.active_count())
""")


def test_no_background_thread_and_a_session_per_step() -> None:
    """durable-rules' Host would start two timer threads; the wrapper starts none. Each step deletes its
    session: 3,000 steps stay far from the engine's 1,024-session table. Run in a fresh interpreter, since another
    test in this process may have made durable-rules' own Host, whose timers re-arm as new threads."""
    run = subprocess.run([sys.executable, "-c", THREADS], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    before, after = run.stdout.split()
    assert before == after == "1"


DRIVER = textwrap.dedent("""
    from mappa_rules.monitor.rulesets import ComplianceRules
    rules = ComplianceRules()
    def duty(status, due, sa=0, oa=0, la=0):
        return {"t": "duty", "id": "d", "key": "k", "status": status, "due": due, "soon": due - 7, "pending": 0,
                "met_on": 0, "late": -1, "sa": sa, "oa": oa, "la": la}
    for _ in range(3):
        rules.step([duty("due", 103), {"t": "clock", "id": "c", "day": 90}])
        rules.step([duty("due", 103), {"t": "clock", "id": "c", "day": 99}])
        rules.step([duty("due", 103), {"t": "clock", "id": "c", "day": 104}])
        rules.step([duty("not_met", 103, sa=1), {"t": "clock", "id": "c", "day": 110}])
        rules.step([duty("met_late", 103, sa=1, oa=1), {"t": "clock", "id": "c", "day": 110}])
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
