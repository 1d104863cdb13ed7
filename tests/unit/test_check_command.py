"""``mappa-rules check FILE...`` (issue 13 item 4): a user's own cases with expected answers, PASS or FAIL per case,
exit 0 / 1 / 2, a failure showing expected against actual, a bad file naming the field (never a value)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mappa_rules import Case, Decision
from mappa_rules.cli import main
from mappa_rules.questions import registry

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "checks" / "notification.yaml"

CAUTION = """
  - name: a caution
    as_of: 2024-01-01
    case:
      person: {date_of_birth: 1980-03-01}
      disposals:
        - {id: c, trigger: caution, relevant_date: 2023-05-10,
           offence: {schedule3: true, schedule3_sentencing_condition: false}}
"""


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main(args, out=out, stdin=io.StringIO())
    finally:
        sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def check(tmp_path: Path, text: str) -> tuple[int, str, str]:
    path = tmp_path / "checks.yaml"
    path.write_text(text, encoding="utf-8")
    return run(["check", str(path)])


def test_the_example_file_passes_and_the_docs_page_shows_it_verbatim() -> None:
    code, out, err = run(["check", str(EXAMPLE)])
    assert code == 0, out + err
    assert out.count("  PASS  ") == 3 and out.endswith("3 passed, 0 failed\n")
    page = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8") in page


def test_a_failing_expectation_shows_expected_against_actual_and_exits_1(tmp_path: Path) -> None:
    text = "cases:" + CAUTION + """    expect:
      notification-period:
        outcome: no
        dates: {period_last_day: 2025-05-10, relevant_date: 2023-05-10, initial_deadline: null}
        value: {length: 5 years, subject_on_as_of: true, indefinite: 0}
        missing: [person.date_of_birth]
""" + CAUTION.replace("a caution", "the same caution, right") + """    expect:
      notification-period: {outcome: yes, dates: {period_last_day: 2025-05-09}, value: {length: 2 years}}
"""
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert "  FAIL  a caution\n" in out and "  PASS  the same caution, right\n" in out
    assert "notification-period outcome: expected no, got yes" in out
    assert "notification-period dates.period_last_day: expected 2025-05-10, got 2025-05-09" in out
    assert 'notification-period value.length: expected "5 years", got "2 years"' in out
    assert "notification-period value.indefinite: expected 0, got false" in out  # false is not 0
    assert 'notification-period missing: expected ["person.date_of_birth"], got []' in out
    assert "relevant_date" not in out and "subject_on_as_of" not in out  # what holds is not listed
    assert out.endswith("1 passed, 1 failed\n")


def test_a_date_that_must_not_be_given(tmp_path: Path) -> None:
    text = "cases:" + CAUTION + "    expect:\n      notification-period: {dates: {period_last_day: null}}\n"
    code, out, _ = check(tmp_path, text)
    assert code == 1 and "dates.period_last_day: expected no such date, got 2025-05-09" in out


def test_nested_values_compare_only_the_fields_written(tmp_path: Path) -> None:
    text = "cases:" + CAUTION + """    expect:
      notification-period:
        value: {disposals: [{disposal: c, period_last_day: 2025-05-09}], sources: [{}, {}]}
"""
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert "value.sources: expected [{}, {}], got [" in out  # one source, not two
    assert "value.disposals" not in out


BAD_FILES = [
    ("cases: []\n", "checks.yaml: cases: must be a list of one or more cases"),
    ("- just a list\n", "checks.yaml: the file: must be a mapping"),
    ("cases: [{name: x, case: {}}\n", "checks.yaml: "),
    ("cases:" + CAUTION + "    expect: {categroy: {outcome: yes}}\n", "cases[0].expect.categroy: is not a question"),
    ("cases:" + CAUTION + "    expect: {category: {outcome: maybe}}\n", "cases[0].expect.category.outcome: must be"),
    ("cases:" + CAUTION + "    expect: {category: {outcom: yes}}\n", "cases[0].expect.category.outcom: is not a"),
    ("cases:" + CAUTION + "    expect: {category: {dates: {x: 2024-02-30}}}\n",
     "cases[0].expect.category.dates.x: not a real calendar date"),
    ("cases:" + CAUTION + "    expect: {category: {missing: nope}}\n", "cases[0].expect.category.missing: must be"),
    ("cases:" + CAUTION + "    expect: {}\n", "cases[0].expect: must name at least one question"),
    ("cases:" + CAUTION.replace("    as_of: 2024-01-01\n", "") + "    expect: {category: {outcome: yes}}\n",
     "cases[0].as_of: must be given"),
    ("cases:" + CAUTION.replace("trigger: caution", "trigger: arrest") + "    expect: {category: {outcome: yes}}\n",
     "cases[0].case.disposals[0].trigger: "),
    ("cases:" + CAUTION + "    case_file: other.yaml\n    expect: {category: {outcome: yes}}\n",
     "cases[0]: give the case inline (case:) or from a file (case_file:), one of the two"),
    ("cases:\n  - {name: x, as_of: 2024-01-01, case_file: nowhere.yaml, expect: {category: {outcome: yes}}}\n",
     "nowhere.yaml: no such file"),
    ("cases:" + CAUTION.replace("name: a caution", "name: ''") + "    expect: {category: {outcome: yes}}\n",
     "cases[0].name: must be given"),
]


@pytest.mark.parametrize(("text", "named"), BAD_FILES, ids=[n for _, n in BAD_FILES])
def test_a_bad_file_exits_2_naming_the_field_and_never_a_value(tmp_path: Path, text: str, named: str) -> None:
    code, out, err = check(tmp_path, text)
    assert code == 2 and out == "", out
    assert named in err
    assert "1980-03-01" not in err and "2023-05-10" not in err and "Traceback" not in err


def test_no_file_is_run_when_one_is_bad(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("cases: 3\n", encoding="utf-8")
    code, out, err = run(["check", str(EXAMPLE), str(tmp_path / "bad.yaml")])
    assert code == 2 and out == "" and "bad.yaml: cases: must be a list" in err
    code, _, err = run(["check", str(tmp_path / "absent.yaml")])
    assert code == 2 and "absent.yaml: no such file" in err


@pytest.fixture
def exploding(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The period question raises for the case whose id is 'boom'."""
    real = registry.BY_CLI["notification-period"].answer()

    def answer(case: Case, as_of: date, book: Any = None) -> Decision:
        if case.case_id == "boom":
            raise LookupError("boom")
        return real(case, as_of, book)

    monkeypatch.setitem(registry._ANSWERS, "notification.period", answer)
    yield


@pytest.mark.usefixtures("exploding")
def test_an_internal_error_fails_its_case_alone(tmp_path: Path) -> None:
    expect = "    expect: {notification-period: {outcome: yes}}\n"
    text = "cases:" + CAUTION.replace("    case:\n", "    case:\n      case_id: boom\n") + expect + CAUTION + expect
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert "notification-period: internal error (LookupError) at mappa_rules/cli/check.py:" in out
    assert out.endswith("1 passed, 1 failed\n")
