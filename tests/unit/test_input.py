"""Reading a case (issue 16): one reader for files, standard input and batch lines - UTF-8 with an optional BOM,
duplicate keys refused in YAML and JSON, size, nesting and alias limits - and strict dates on the command line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from mappa_rules import CaseInputError, parse_case
from mappa_rules.engine import yaml_reader
from mappa_rules.input import read_case_text
from mappa_rules.limits import MAX_CASE_BYTES, MAX_CASE_ITEMS, MAX_ITEMS
from tests.cli_runner import run_cli

AS_OF = ["--as-of", "2026-11-21"]
CASE = {"person": {"date_of_birth": "1990-01-15"},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": "2015-04-20",
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 12}}}]}
YAML_CASE = """person: {date_of_birth: 1990-01-15}
disposals:
  - {id: a, trigger: conviction, relevant_date: 2015-04-20,
     offence: {schedule3: true, schedule3_sentencing_condition: false},
     sentence: {kind: imprisonment, term: {months: 12}}}
"""


def run(args: list[str], raw: bytes = b"") -> tuple[int, str, str]:
    """The command line with ``raw`` as the bytes of standard input (as a real process gets them)."""
    return run_cli(args, raw)


@pytest.mark.parametrize("text", [
    "person: {date_of_birth: 1990-01-15, date_of_birth: 2010-01-15}\n",
    '{"person": {"date_of_birth": "1990-01-15", "date_of_birth": "2010-01-15"}}',
])
def test_a_duplicate_key_is_bad_input_naming_the_key(text: str) -> None:
    code, out, err = run(["explain", "notification-period", "-", *AS_OF], text.encode())
    assert code == 2 and out == ""
    assert "'date_of_birth' is given twice" in err
    assert "1990-01-15" not in err and "2010-01-15" not in err
    with pytest.raises(CaseInputError, match="given twice"):
        parse_case(text)


def test_a_duplicate_key_on_a_batch_line_is_an_error_record() -> None:
    line = '{"person": {"date_of_birth": "1990-01-15", "date_of_birth": "2010-01-15"}}\n'
    code, out, _ = run(["batch", "notification-period", "-", *AS_OF], line.encode())
    assert code == 2
    assert json.loads(out)["error"] == {"kind": "bad_input", "message": "the line: the key 'date_of_birth' is given "
                                        "twice"}


@pytest.mark.parametrize("value", ["", "20261121", "2026-W47-6", "2026-11-21T00:00", " 2026-11-21", "21/11/2026",
                                   "2026-02-30", "0001-01-01"])
def test_as_of_is_a_date_written_yyyy_mm_dd_and_nothing_else(value: str) -> None:
    code, out, err = run(["explain", "notification-period", "-", "--as-of", value], YAML_CASE.encode())
    assert code == 2 and out == ""
    assert "--as-of" in err


def test_standard_input_and_a_file_are_read_the_same_way(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are bad input whether they come on standard input or in a file; a UTF-8 byte
    order mark is accepted in both."""
    bad = YAML_CASE.encode().replace(b"1990", b"19\xff0")
    file = tmp_path / "case.yaml"
    file.write_bytes(bad)
    for args, raw in ((["-"], bad), ([str(file)], b"")):
        code, _, err = run(["explain", "notification-period", *args, *AS_OF], raw)
        assert code == 2 and "not UTF-8" in err, err
    file.write_bytes(b"\xef\xbb\xbf" + YAML_CASE.encode())
    for args, raw in ((["-"], b"\xef\xbb\xbf" + YAML_CASE.encode()), ([str(file)], b"")):
        assert run(["explain", "notification-period", *args, *AS_OF], raw)[0] == 0


def test_batch_lines_are_split_on_newline_only_numbered_as_in_the_file_with_a_bom_on_line_1() -> None:
    line = json.dumps(CASE)
    raw = b"\xef\xbb\xbf" + line.encode() + b"\n" + b'{"case_id": "a\rb"}\n' + b"\n" + line.encode() + b"\r\n"
    code, out, _ = run(["batch", "notification-period", "-", *AS_OF], raw)
    records = [json.loads(r) for r in out.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 4]
    assert ["decision" in r for r in records] == [True, False, True]
    assert records[1]["error"]["kind"] == "bad_input"  # the CR stayed inside line 2 (JSON refuses it there)
    assert code == 2


@pytest.mark.parametrize(("raw", "reason"), [
    (b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        b"a%d: &a%d [" % (i, i) + b", ".join([b"*a%d" % (i - 1) if i > 1 else b"*a"] * 10) + b"]\n"
        for i in range(1, 8)), "aliases expanded"),
    (b"[" * 10000 + b"]" * 10000, "nested more than"),
    (b"- " * 10000 + b"x", "nested more than"),
    (b"{" + b'"a": {' * 10000 + b"}" * 10001, "nested more than"),
])
def test_alias_bombs_and_deep_nesting_are_refused_quickly(raw: bytes, reason: str) -> None:
    started = time.perf_counter()
    code, out, err = run(["explain", "notification-period", "-", *AS_OF], raw)
    assert time.perf_counter() - started < 2
    assert code == 2 and out == "" and reason in err, err


@pytest.mark.parametrize("parser", ["libyaml", "pure Python"])
@pytest.mark.parametrize("raw", ["[" * 2000 + "]" * 2000, "a: " + "[" * 40 + "]" * 40, "- " * 2000 + "x"])
def test_deep_nesting_gets_one_answer_whichever_yaml_parser_is_installed(
        raw: str, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if parser == "pure Python":
        monkeypatch.setattr(yaml_reader, "_Base", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML here is built without libyaml")
    with pytest.raises(CaseInputError, match="nested more than 32 levels deep"):
        read_case_text(raw, "case")


def test_a_20_mb_case_is_refused_in_under_a_second_naming_the_limit(tmp_path: Path) -> None:
    big = b'{"case_id": "' + b"x" * 20_000_000 + b'"}'
    file = tmp_path / "big.json"
    file.write_bytes(big)
    for args, raw in ((["-"], big), ([str(file)], b"")):
        started = time.perf_counter()
        code, _, err = run(["explain", "notification-period", *args, *AS_OF], raw)
        assert time.perf_counter() - started < 1
        assert code == 2 and f"larger than {MAX_CASE_BYTES} bytes" in err


def test_an_overlong_batch_line_is_an_error_record_and_the_next_line_is_answered() -> None:
    raw = b'{"case_id": "' + b"x" * (MAX_CASE_BYTES + 1) + b'"}\n' + json.dumps(CASE).encode() + b"\n"
    code, out, _ = run(["batch", "notification-period", "-", *AS_OF], raw)
    records = [json.loads(r) for r in out.splitlines()]
    assert [r["line"] for r in records] == [1, 2]
    assert "longer than" in records[0]["error"]["message"] and "decision" in records[1]
    assert code == 2


def test_lists_longer_than_their_limits_are_refused_naming_the_limit() -> None:
    many = {"disposals": [{"id": f"d{i}", "trigger": "caution"} for i in range(MAX_ITEMS["disposals"] + 1)]}
    code, _, err = run(["explain", "category", "-", *AS_OF], json.dumps(many).encode())
    assert code == 2 and f"disposals: List should have at most {MAX_ITEMS['disposals']} items" in err
    spread = {"intervals": [{"kind": "hospital", "start": "2020-01-01"}] * 150,
              "trips": [{"departure": "2020-01-01"}] * 150}
    code, _, err = run(["explain", "category", "-", *AS_OF], json.dumps(spread).encode())
    assert code == 2 and f"more than {MAX_CASE_ITEMS} items" in err


def test_dates_outside_the_dates_handled_are_refused_naming_the_field() -> None:
    for day in ("1799-12-31", "8000-01-01", "9999-12-31"):
        with pytest.raises(CaseInputError, match=r"person\.date_of_birth: is outside the dates"):
            parse_case({"person": {"date_of_birth": day}})


def test_read_case_text_keeps_dates_as_text_for_the_model() -> None:
    assert read_case_text(YAML_CASE, "x")["person"] == {"date_of_birth": "1990-01-15"}
    assert read_case_text("\ufeff" + json.dumps(CASE), "x") == CASE
