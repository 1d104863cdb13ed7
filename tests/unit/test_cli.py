"""The command line: exit codes, and bad input of every kind gives exit 2 with the field named, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

GOOD = """
person: {date_of_birth: 1990-01-15}
disposals:
  - id: a
    trigger: conviction
    relevant_date: 2015-04-20
    offence: {schedule3: true, schedule3_sentencing_condition: false}
    sentence: {kind: imprisonment, term: {months: 12}}
"""


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    return run_cli(args, stdin)


def test_decided_exits_0_with_citations_and_dates() -> None:
    code, out, _ = run(["explain", "notification-period", "-", "--as-of", "2026-11-21"], GOOD)
    assert code == 0
    assert "2025-04-19" in out and "s.82(1)" in out and "legislation.gov.uk" in out


def test_undetermined_exits_3_and_names_missing_fact() -> None:
    code, out, _ = run(["explain", "notification-period", str(EXAMPLES / "dob-unknown-12-months.yaml"),
                        "--as-of", "2026-11-21"])
    assert code == 3
    assert "person.date_of_birth" in out


def test_json_output_is_a_decision() -> None:
    code, out, _ = run(["explain", "category", "-", "--as-of", "2026-11-21", "--format", "json"], GOOD)
    data = json.loads(out)
    assert code in (0, 3)
    assert data["question"] == "mappa.category" and data["as_of"] == "2026-11-21"


BAD_CASES = [
    ("person: {date_of_birth: 2030-01-01}\n" + GOOD.split("\n", 2)[2], "relevant_date"),
    (GOOD.replace("months: 12", "months: -3"), "disposals[0].sentence.imprisonment.term.months"),
    (GOOD.replace("months: 12", "months: twelve"), "term.months"),
    (GOOD.replace("relevant_date: 2015-04-20", "relevant_date: 20/04/2015"), "disposals[0].relevant_date"),
    (GOOD.replace("relevant_date: 2015-04-20", "relevant_date: 2015-02-30"), "disposals[0].relevant_date"),
    (GOOD.replace("trigger: conviction", "trigger: arrest"), "disposals[0].trigger"),
    (GOOD.replace("kind: imprisonment", "kind: flogging"), "disposals[0].sentence"),
    (GOOD.replace("schedule3: true", "schedule3: 'maybe'"), "disposals[0].offence.schedule3"),
    (GOOD.replace("schedule3: true", "schedule3: true, shoe_size: 9"), "disposals[0].offence.shoe_size"),
    (GOOD.replace("term: {months: 12}", "term: {}"), "term"),
    (GOOD + "    release_date: 2014-01-01\n", "release_date"),
    (GOOD + "  - {id: a, trigger: caution}\n", "used twice"),
    (GOOD.replace("sentence: {kind: imprisonment, term: {months: 12}}",
                  "sentence: {kind: imprisonment, term: {months: 12}, relation: {to: zz, kind: consecutive}}"),
     "relation.to"),
    (GOOD + "intervals: [{kind: hospital, start: 2020-01-10, end: 2020-01-01}]\n", "intervals[0]"),
    ("- just\n- a list\n", "mapping"),
    ("person: {date_of_birth: [unclosed\n", "line"),
    ("", "empty"),
]


@pytest.mark.parametrize(("text", "named"), BAD_CASES, ids=[n for _, n in BAD_CASES])
def test_bad_case_exits_2_naming_the_field(text: str, named: str) -> None:
    code, out, err = run(["explain", "notification-period", "-", "--as-of", "2026-11-21"], text)
    assert code == 2, out
    assert named in err
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize(("args", "named"), [
    (["explain", "notification-period", "-", "--as-of", "21/11/2026"], "--as-of"),
    (["explain", "no-such-question", "-"], "no-such-question"),
    (["explain", "notification-period", "/no/such/file.yaml"], "no such file"),
    (["explain", "notification-period", "-", "--format", "xml"], "xml"),
    (["frobnicate"], "frobnicate"),
    ([], "required"),
])
def test_bad_arguments_exit_2(args: list[str], named: str) -> None:
    code, _, err = run(args, GOOD)
    assert code == 2
    assert named in err


def test_batch_yields_a_record_for_every_line() -> None:
    good = json.dumps({"disposals": [{"id": "a", "trigger": "conviction", "relevant_date": "2015-04-20",
                                      "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                                      "sentence": {"kind": "imprisonment", "term": {"months": 36}}}]})
    lines = "\n".join([good, '{"person": {"date_of_birth": "nope"}}', "not json", good]) + "\n"
    code, out, _ = run(["batch", "notification-period", "-", "--as-of", "2026-11-21"], lines)
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4]
    assert ["decision" in r for r in records] == [True, False, False, True]
    assert "person.date_of_birth" in records[1]["error"]["message"]
    assert code == 2


def test_schema_commands_print_json_schema() -> None:
    for which in ("case", "decision"):
        code, out, _ = run(["schema", which])
        assert code == 0 and json.loads(out)["type"] == "object"


def test_console_script_runs_as_a_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mappa_rules.cli", "explain", "notification-period",
         str(EXAMPLES / "adult-12-months.yaml"), "--as-of", "2026-11-21"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "2025-04-19" in proc.stdout
