"""Findings of the long fuzz profile, fixed and kept as regressions: each saved case was decided with one fact left
out and undetermined, naming no conflict, with it (monotone in facts). Three are review determinations dated before
the review scheme came into force (SI 2012/1883 art 1(1)): those dates are now set aside with a warning. One is a
change notified in advance, for a person whom nothing in the case makes subject: its advance date no longer leaves
the duty open. One is a sentence date that moved a disposal's relevant date (s.132) past a stated spell: without it
the disposal had been taken as covered by the spell. One is an order's ``already_subject`` given as no against a
record that makes the person subject: the conflict is now warned (``orders.conflict.already_subject``). A finding
without a ``field`` was undetermined naming nothing: a refusal whose determination date (the start of the further
period, s.91B(3)) is not known."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mappa_rules import QUESTIONS, Outcome, parse_case

from .checks import names_a_conflict, without

FINDINGS = sorted((Path(__file__).parent / "regressions").glob("*.json"))
MONOTONE = [p for p in FINDINGS if "field" in json.loads(p.read_text(encoding="utf-8"))]
SILENT = [p for p in FINDINGS if p not in MONOTONE]


@pytest.mark.parametrize("path", MONOTONE, ids=[p.stem for p in MONOTONE])
def test_supplying_the_fact_keeps_the_answer_or_names_the_conflict(path: Path) -> None:
    finding = json.loads(path.read_text(encoding="utf-8"))
    question, as_of = QUESTIONS[finding["question"]], date.fromisoformat(finding["as_of"])
    steps = tuple(int(p) if p.isdigit() else p for p in finding["field"].split("."))
    full = question(parse_case(finding["case"]), as_of)
    fewer = question(parse_case(without(finding["case"], steps)), as_of)
    assert full.outcome is not Outcome.UNDETERMINED or fewer.outcome is Outcome.UNDETERMINED or names_a_conflict(full)


@pytest.mark.parametrize("path", SILENT, ids=[p.stem for p in SILENT])
def test_undetermined_names_what_would_decide_it(path: Path) -> None:
    finding = json.loads(path.read_text(encoding="utf-8"))
    decision = QUESTIONS[finding["question"]](parse_case(finding["case"]), date.fromisoformat(finding["as_of"]))
    assert decision.outcome is not Outcome.UNDETERMINED or decision.missing or decision.undecidable
