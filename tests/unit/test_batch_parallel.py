"""``mappa-rules batch QUESTION FILE --jobs N`` (issue 13 item 3 / issue 12 item 6): records strictly in input
order whatever the number of workers, every line a decision or an error record, an internal error on one line
never stopping the rest, and at most a bounded window of lines read ahead of what is written."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from mappa_rules import Case, Decision
from mappa_rules.batch import CHUNK, answer_lines, default_jobs
from mappa_rules.cli import main
from mappa_rules.questions import registry

AS_OF = date(2026, 11, 21)
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the workers see the test's stand-in question only when forked")


def _case(number: int) -> bytes:
    """Cases that differ line by line: a caution, or imprisonment of a length that varies, at various ages."""
    disposal: dict[str, Any] = {"id": "a", "trigger": "caution" if number % 3 == 0 else "conviction",
                                "relevant_date": f"20{10 + number % 12}-04-20",
                                "offence": {"schedule3": True, "schedule3_sentencing_condition": False}}
    if number % 3:
        disposal["sentence"] = {"kind": "imprisonment", "term": {"months": 1 + number % 40}}
    return json.dumps({"case_id": f"c{number}", "person": {"date_of_birth": f"19{70 + number % 25}-01-15"},
                       "disposals": [disposal]}).encode()


def _lines(count: int) -> list[tuple[int, bytes | None]]:
    """Good cases, with bad input, an over-long line and a blank line among them."""
    lines: list[tuple[int, bytes | None]] = []
    for number in range(1, count + 1):
        raw: bytes | None = _case(number)
        if number % 7 == 0:
            raw = b'{"person": {"date_of_birth": "nope"}}'
        elif number % 11 == 0:
            raw = None
        elif number % 13 == 0:
            raw = b"   "
        lines.append((number, raw))
    return lines


def _records(jobs: int, lines: list[tuple[int, bytes | None]], chunk: int = 4) -> list[dict[str, Any]]:
    return [json.loads(text) for _, text in answer_lines("notification-period", AS_OF, lines, jobs, chunk)]


def test_two_workers_give_the_records_of_one_in_input_order() -> None:
    lines = _lines(40)
    alone, shared = _records(1, lines), _records(2, lines)
    assert shared == alone
    assert [r["line"] for r in shared] == [n for n, raw in lines if raw is None or raw.strip()]
    assert [r["line"] for r in shared if "error" in r] == [n for n, _ in lines if n % 7 == 0 or n % 11 == 0]
    assert all("decision" in r for r in shared if r["line"] % 7 and r["line"] % 11)
    assert {r["decision"]["value"]["length"] for r in shared if "decision" in r} >= {"2 years", "10 years"}


@pytest.fixture
def exploding(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The period question raises for every case whose id ends in 5."""
    real = registry.BY_CLI["notification-period"].answer()

    def answer(case: Case, as_of: date, book: Any = None) -> Decision:
        if (case.case_id or "").endswith("5"):
            raise LookupError("boom")
        return real(case, as_of, book)

    monkeypatch.setitem(registry._ANSWERS, "notification.period", answer)
    yield


@needs_fork
@pytest.mark.usefixtures("exploding")
def test_an_internal_error_in_a_worker_is_that_lines_record_alone() -> None:
    lines = [(n, _case(n)) for n in range(1, 31)]
    records = _records(2, list(lines), chunk=3)
    assert [r["line"] for r in records] == list(range(1, 31))
    failed = [r["line"] for r in records if "error" in r]
    assert failed == [5, 15, 25]
    assert all(r["error"]["kind"] == "internal" and r["error"]["type"] == "LookupError"
               and r["error"]["where"].startswith("mappa_rules/batch.py:") for r in records if "error" in r)


@pytest.mark.parametrize("jobs", [1, 2])
def test_lines_are_read_at_most_a_bounded_window_ahead_of_the_records(jobs: int) -> None:
    """Memory does not grow with the number of lines: the reader is never more than 2 * jobs chunks (and the
    chunk being filled) ahead of what has been written."""
    read = 0

    def lines() -> Iterator[tuple[int, bytes | None]]:
        nonlocal read
        for number in range(1, 61):
            read = number
            yield number, _case(number)

    ahead = []
    for written, _ in enumerate(answer_lines("category", AS_OF, lines(), jobs, chunk=3), start=1):
        ahead.append(read - written)
    assert len(ahead) == 60
    assert max(ahead) <= (2 * jobs + 1) * 3


def test_the_command_line_with_two_workers_writes_what_one_writes() -> None:
    text = "\n".join((raw or b"x" * 10).decode() for _, raw in _lines(CHUNK * 2 + 17)) + "\n"

    def batch(jobs: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        saved, sys.stderr = sys.stderr, err
        try:
            code = main(["batch", "notification-period", "-", "--as-of", "2026-11-21", "--jobs", jobs], out=out,
                        stdin=io.StringIO(text))
        finally:
            sys.stderr = saved
        return code, out.getvalue()

    one, two = batch("1"), batch("2")
    assert one == two and one[0] == 2  # some lines are bad input
    assert [json.loads(line)["line"] for line in two[1].splitlines()][:3] == [1, 2, 3]


def test_jobs_default_to_the_cores_this_process_may_use() -> None:
    counted = getattr(os, "process_cpu_count", None)
    expected = counted() if counted else len(os.sched_getaffinity(0))
    assert default_jobs() == expected >= 1


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_whole_number_of_one_or_more(jobs: str) -> None:
    err = io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        code = main(["batch", "category", "-", "--jobs", jobs], out=io.StringIO(), stdin=io.StringIO(""))
    finally:
        sys.stderr = saved
    assert code == 2 and "--jobs" in err.getvalue()


def test_an_unknown_question_is_refused_before_any_line_is_read() -> None:
    def lines() -> Iterator[tuple[int, bytes | None]]:
        raise AssertionError("a line was read")
        yield 1, b""

    with pytest.raises(ValueError, match="unknown question"):
        list(answer_lines("categroy", AS_OF, lines()))
