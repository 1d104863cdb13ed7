"""Open findings of the long fuzz profile, kept so that they cannot be forgotten: each saved case is decided with
one fact left out and undetermined, naming no conflict, with it (issue 11 item 3, monotone in facts). Three are
review determinations dated before the review scheme existed (SOA 2003 s.91B, from SI 2012/1883), which should be
a named conflict in every question; one is a change notified in advance whose advance date stands in for the
event's own. Each is a strict xfail: when a fix makes it pass, the mark must go."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mappa_rules import QUESTIONS, Outcome, parse_case

from .checks import names_a_conflict, without

FINDINGS = sorted((Path(__file__).parent / "open_findings").glob("*.json"))


@pytest.mark.xfail(strict=True, reason="open: see the module docstring")
@pytest.mark.parametrize("path", FINDINGS, ids=[p.stem for p in FINDINGS])
def test_supplying_the_fact_keeps_the_answer_or_names_the_conflict(path: Path) -> None:
    finding = json.loads(path.read_text(encoding="utf-8"))
    question, as_of = QUESTIONS[finding["question"]], date.fromisoformat(finding["as_of"])
    steps = tuple(int(p) if p.isdigit() else p for p in finding["field"].split("."))
    full = question(parse_case(finding["case"]), as_of)
    fewer = question(parse_case(without(finding["case"], steps)), as_of)
    assert fewer.outcome is not Outcome.UNDETERMINED  # the finding as found: decided without the fact
    assert full.outcome is not Outcome.UNDETERMINED or names_a_conflict(full)
