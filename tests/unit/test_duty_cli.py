"""The command line for the notification-duty questions: each is registered, renders a sentence and exits 0/3."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from mappa_rules.cli import main
from mappa_rules.questions import QUESTIONS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "notification-duties.yaml"
DUTIES = ["initial-deadline", "change-deadline", "periodic", "travel-notice", "review", "timeline"]


def run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main(args, out=out, stdin=io.StringIO(""))
    finally:
        sys.stderr = saved
    return code, out.getvalue()


@pytest.mark.parametrize("question", DUTIES)
def test_each_duty_question_answers_the_example(question: str) -> None:
    assert question in QUESTIONS
    code, out = run(["explain", question, str(EXAMPLE), "--as-of", "2026-11-21"])
    assert code == 0
    headline = out.splitlines()[2].strip()
    assert headline and headline not in ("yes", "no", "undetermined")


def test_timeline_text_lists_the_steps_in_order() -> None:
    code, out = run(["explain", "timeline", str(EXAMPLE), "--as-of", "2026-11-21"])
    assert code == 0
    steps = out.split("Timeline\n", 1)[1].split("Reasons\n", 1)[0].splitlines()
    days = [line.split()[0] for line in steps]
    assert days == sorted(days)
    assert "2026-11-22  upcoming" in out and "notification.change.home_address" in out
    assert "2016-10-21  past" in out  # released on 2016-10-19, the day of release is day 1 (s.83(6))


def test_an_undetermined_duty_exits_3_and_names_the_fact() -> None:
    code, out = run(["explain", "periodic", str(EXAMPLE), "--as-of", "2016-10-01"])
    assert code == 3
    assert "notifications" in out
