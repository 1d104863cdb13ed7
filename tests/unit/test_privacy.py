"""Errors name the field and the rule, never a value (issue 16): through the command line, the batch records and
the Python API; an internal error says its kind and where, not the case; a batch goes on past it (issue 11)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from mappa_rules import Case, CaseValidationError, Decision, parse_case
from mappa_rules.cli import main
from mappa_rules.questions import registry

DOB, RELEVANT, TEXT = "1977-07-07", "1970-01-01", "indecent assault on a neighbour"
HOSTILE = {
    "person": {"date_of_birth": DOB},
    "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": RELEVANT,
                   "offence": {"description": TEXT, "shoe_size": "Smith-44"}}],
}


def run(args: list[str], text: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main(args, out=out, stdin=io.StringIO(text))
    finally:
        sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def _no_values(text: str) -> None:
    for value in (DOB, RELEVANT, TEXT, "Smith-44", "10:00"):
        assert value not in text, f"{value!r} appears in {text!r}"


def test_the_command_line_names_fields_and_rules_never_values() -> None:
    code, _, err = run(["explain", "category", "-", "--as-of", "2026-11-21"], json.dumps(HOSTILE))
    assert code == 2
    assert "disposals[0].offence.shoe_size: is not a field of the case model" in err
    _no_values(err)
    valid_fields = json.loads(json.dumps(HOSTILE))
    del valid_fields["disposals"][0]["offence"]["shoe_size"]
    code, _, err = run(["explain", "category", "-", "--as-of", "2026-11-21"], json.dumps(valid_fields))
    assert code == 2 and "disposals[0].relevant_date is before person.date_of_birth" in err
    _no_values(err)
    code, _, err = run(["explain", "category", "-", "--as-of", "2026-11-21"],
                       "person: {date_of_birth: 1977-07-07T10:00:00}\n")
    assert code == 2 and "person.date_of_birth: is not a date written YYYY-MM-DD" in err
    _no_values(err)


def test_batch_error_records_carry_no_value() -> None:
    code, out, _ = run(["batch", "category", "-", "--as-of", "2026-11-21"], json.dumps(HOSTILE) + "\n")
    assert code == 2
    record = json.loads(out)
    assert record["line"] == 1 and record["error"]["kind"] == "bad_input"
    _no_values(out)


def test_the_api_raises_the_projects_error_whose_text_carries_no_value() -> None:
    with pytest.raises(CaseValidationError) as info:
        parse_case(HOSTILE)
    error = info.value
    assert isinstance(error, ValueError)
    _no_values(str(error))
    _no_values(repr(error))
    assert error.__cause__ is None and error.__suppress_context__  # no pydantic text in a logged traceback
    assert [p.field for p in error.problems] == ["disposals[0].offence.shoe_size"]
    assert isinstance(error.validation_error, ValidationError)  # still there, values and all, for who wants it
    assert "Smith-44" in json.dumps(error.validation_error.errors(), default=str)


def test_pydantics_own_error_text_hides_the_values_too() -> None:
    """``Case.model_validate`` keeps raising pydantic's error, but its text no longer shows the input."""
    with pytest.raises(ValidationError) as info:
        Case.model_validate({"person": {"date_of_birth": "1977-07-07T10:00:00"},
                             "disposals": [{"id": "a", "trigger": "conviction", "offence": {"zz": TEXT}}]})
    _no_values(str(info.value))


@pytest.fixture
def exploding(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The period question raises, with case data in its message, for the case whose id is 'boom'."""
    real = registry.BY_CLI["notification-period"].answer()

    def answer(case: Case, as_of: date, book: Any = None) -> Decision:
        if case.case_id == "boom":
            raise LookupError(f"born {case.person.date_of_birth}, convicted {case.disposals[0].relevant_date}")
        return real(case, as_of, book)

    monkeypatch.setitem(registry._ANSWERS, "notification.period", answer)
    yield


def _line(case_id: str) -> str:
    return json.dumps({"case_id": case_id, "person": {"date_of_birth": "1990-01-15"},
                       "disposals": [{"id": "a", "trigger": "caution", "relevant_date": "2015-04-20",
                                      "offence": {"schedule3": True, "schedule3_sentencing_condition": False}}]})


@pytest.mark.usefixtures("exploding")
def test_an_internal_error_on_a_middle_line_is_recorded_and_every_other_line_answered() -> None:
    lines = [_line("one"), _line("two"), _line("boom"), _line("four"), _line("five")]
    code, out, _ = run(["batch", "notification-period", "-", "--as-of", "2026-11-21"], "\n".join(lines) + "\n")
    records = [json.loads(r) for r in out.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5]
    assert ["decision" in r for r in records] == [True, True, False, True, True]
    assert records[2]["error"] == {"kind": "internal", "type": "LookupError", "where": records[2]["error"]["where"]}
    assert records[2]["error"]["where"].startswith("mappa_rules/cli.py:")  # the last place in the package
    assert "1990-01-15" not in out.splitlines()[2] and "2015-04-20" not in out.splitlines()[2]
    assert code == 1


@pytest.mark.usefixtures("exploding")
def test_an_internal_error_in_explain_prints_its_kind_and_place_not_the_case() -> None:
    code, out, err = run(["explain", "notification-period", "-", "--as-of", "2026-11-21"], _line("boom"))
    assert code == 1 and out == ""
    assert err.startswith("mappa-rules: internal error (LookupError) at ")
    assert "1990-01-15" not in err and "2015-04-20" not in err and "Traceback" not in err
