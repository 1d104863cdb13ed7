"""The issue's examples of the notification duties, through the command line: each gives the law's answer."""

from __future__ import annotations

import io
import json
import sys

import pytest

from mappa_rules.cli import main
from tests.duty_examples import EXAMPLES, DutyExample


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name[:40] for e in EXAMPLES])
def test_the_command_line_gives_the_laws_answer(example: DutyExample) -> None:
    out, err = io.StringIO(), io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        code = main(["explain", example.question, "-", "--as-of", example.as_of, "--format", "json"], out=out,
                    stdin=io.StringIO(example.case))
    finally:
        sys.stderr = saved
    decision = json.loads(out.getvalue())
    assert code == 0, err.getvalue()
    assert decision["outcome"] == example.outcome
    for name, day in example.dates.items():
        assert decision["dates"][name] == day
