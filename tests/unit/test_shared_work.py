"""An assessment shares the work its questions have in common (each disposal's notification period under SOA 2003
ss.80-82, the notification status, the MAPPA category the level starts from), and sharing changes no answer: every
question asked in one ``assess`` gives, byte for byte, the decision it gives asked alone."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest

from mappa_rules import Case, assess
from mappa_rules.questions import QUESTIONS
from mappa_rules.questions.mappa import category as category_module
from mappa_rules.questions.notification import status as status_module
from mappa_rules.questions.shared import once, sharing
from tests.conftest import load_casebook

ALL = sorted(QUESTIONS)
EXAMPLES = load_casebook()


@pytest.mark.parametrize("example", EXAMPLES[::3], ids=lambda e: f"{e['file']}:{e['question']}")
def test_assess_answers_as_each_question_alone(example: dict[str, Any]) -> None:
    case = Case.model_validate(example.get("case") or {})
    as_of = example["as_of"]
    together = assess(case, as_of, ALL)
    for question in ALL:
        assert together[question].model_dump_json() == QUESTIONS[question](case, as_of, None).model_dump_json()


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_each_disposal_and_the_category_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    offence = {"schedule3": True}
    case = Case.model_validate({
        "person": {"date_of_birth": "1980-01-01"},
        "disposals": [{"id": f"d{i}", "trigger": "conviction", "relevant_date": f"201{i}-03-01", "offence": offence,
                       "sentence": {"kind": "imprisonment", "term": {"months": 12 + i}}} for i in range(3)],
    })
    disposals = _counting(monkeypatch, status_module, "evaluate_disposal")
    categories = _counting(monkeypatch, category_module, "_category")
    assess(case, date(2026, 11, 21), ALL)
    assert (len(disposals), len(categories)) == (3, 1)
    QUESTIONS["level"](case, date(2026, 11, 21), None)  # alone, the level works the category out for itself
    assert (len(disposals), len(categories)) == (6, 2)


def test_shared_work_lasts_only_as_long_as_the_block() -> None:
    made: list[int] = []

    def make() -> int:
        made.append(1)
        return len(made)

    key = (object(), date(2026, 1, 1))
    with sharing():
        assert once("x", key, make) == once("x", key, make) == 1
        with sharing():  # nested: the outer block's work
            assert once("x", key, make) == 1
    assert once("x", key, make) == 2


def test_a_failure_is_shared_too() -> None:
    def fail() -> int:
        raise LookupError("no value")

    with sharing():
        for _ in range(2):
            with pytest.raises(LookupError):
                once("y", (), fail)


def test_a_question_name_is_checked_without_importing_its_module() -> None:
    code = ("import sys\nfrom mappa_rules.questions import QUESTIONS\n"
            "assert 'category' in QUESTIONS and 'nothing' not in QUESTIONS\n"
            "print(any(m.startswith('mappa_rules.questions.mappa') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
